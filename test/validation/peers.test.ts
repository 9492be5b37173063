// The benchmark's peers (bench/peer-discrete-sim.ts, bench/peer-simjs.ts) model the pipeline of
// bench/pipeline.yaml anew; if one drifted from mppsim's rules, its time ratios in `npm run bench`
// would compare different models. Three replications of 120 days each, totals compared as means.

import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { MPPSIM_FIGURES, readPipeline, type PeerRun, type PeerTotals } from '../../bench/peer-pipeline.js';
import { runDiscreteSim } from '../../bench/peer-discrete-sim.js';
import { runSimjs } from '../../bench/peer-simjs.js';

const DAYS = 120;
const REPLICATIONS = 3;

// Relative tolerances on the difference of the means of 3 replications each. Arrivals, returns and
// boardings vary by about 1% between means (a Poisson count of ~6,000 groups); 3% is three of those
// and well under what a wrong rule moves (fill-behind boards ~5% more, no cap returns ~15% more).
// The figures made of few people (released while Tucson fills, ~250 screened out) vary by 10-20%.
const TOLERANCE: Record<keyof PeerTotals, number> = {
  arrivals: 0.03,
  other: 0.04,
  boarded: 0.02,
  returned: 0.03,
  inCustodyEnd: 0.03,
  waitToReturnHours: 0.08,
  released: 0.3,
  screenedOut: 0.3,
  waitToScreenedOutHours: 0.3,
};

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

const scenario = { ...loadScenario('bench/pipeline.yaml'), days: DAYS };
const ours = Array.from({ length: REPLICATIONS }, (_, r) => simulate(scenario, { replication: r }));
const ourMean = (figure: keyof PeerTotals): number => {
  const [metric, scope] = MPPSIM_FIGURES[figure];
  return mean(ours.map((result) => result.metrics.find((m) => m.metric === metric && m.scope === scope)?.value ?? NaN));
};

describe.each([
  ['discrete-sim', runDiscreteSim],
  ['simjs', runSimjs],
] as [string, PeerRun][])('the %s peer', (_, run) => {
  const params = { ...readPipeline(), days: DAYS };
  const theirs = Array.from({ length: REPLICATIONS }, (_, r) => run(params, r + 1));

  it.each(Object.keys(TOLERANCE) as (keyof PeerTotals)[])('agrees with mppsim on %s', (figure) => {
    const expected = ourMean(figure);
    expect(expected).toBeGreaterThan(0);
    expect(Math.abs(mean(theirs.map((t) => t[figure])) / expected - 1)).toBeLessThan(TOLERANCE[figure]);
  });

  it('conserves people: every arrival has left or is still in custody', () => {
    for (const t of theirs) expect(t.released + t.other + t.screenedOut + t.returned + t.inCustodyEnd).toBe(t.arrivals);
  });
});
