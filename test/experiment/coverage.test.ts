// The 95% intervals of summary.csv mean what they say: over 400 small independent experiments
// they cover the true value about 95% of the time, for figures whose truth is exact and free of
// start-up bias.

import { describe, expect, it } from 'vitest';
import { replicate } from '../../src/experiment/index.js';
import { summarize } from '../../src/output/index.js';
import { scenario } from '../support/scenarios.js';

const EXPERIMENTS = 400;
const REPLICATIONS = 5;
// Coverage count ~ Binomial(400, 0.95): mean 380, sd 4.36; the two-sided 99.9% band is
// 380 ± 3.29 sd = [365.7, 394.3], so a correct interval falls outside it once in a thousand runs.
const LOW = 366;
const HIGH = 394;

function coverage(build: (seed: number) => ReturnType<typeof scenario>, metric: string, scope: string, truth: number): number {
  let covered = 0;
  for (let k = 1; k <= EXPERIMENTS; k++) {
    const row = summarize(replicate(build(k), { replications: REPLICATIONS })).find((r) => r.metric === metric && r.scope === scope)!;
    if (row.ciLow <= truth && truth <= row.ciHigh) covered++;
  }
  return covered;
}

describe('95% intervals cover the truth 95% of the time (400 experiments of 5 replications)', () => {
  it('mean arrivals of a Poisson sector', () => {
    // 40 people a day for 10 days, one person per group: arrivals ~ Poisson(400) exactly.
    const build = (seed: number) =>
      scenario({ seed, days: 10, sectors: { a: { holdingCapacity: 100_000, arrivals: { peoplePerDay: 40, mix: { single: 1 } } } } });
    const covered = coverage(build, 'arrivals', 'total', 400);
    expect(covered).toBeGreaterThanOrEqual(LOW);
    expect(covered).toBeLessThanOrEqual(HIGH);
  });

  it('mean time in processing with ample agents', () => {
    // 500 agents never all busy: time from arrival to exit is the service time, exponential with
    // mean 2 h. Arrivals stop after day 3 of 8, so nobody is still in service at the end (which
    // would favour short services among those counted): the truth is exactly 2 h.
    const build = (seed: number) =>
      scenario({
        seed,
        days: 8,
        sectors: {
          a: {
            holdingCapacity: 100_000,
            arrivals: { peoplePerDay: 0, periods: [{ from: '2019-11-01', to: '2019-11-03', peoplePerDay: 20 }], mix: { single: 1 } },
            processing: { agents: 500, hoursPerGroup: { dist: 'exponential', mean: 2 } },
          },
        },
      });
    const covered = coverage(build, 'wait_hours_mean', 'other', 2);
    expect(covered).toBeGreaterThanOrEqual(LOW);
    expect(covered).toBeLessThanOrEqual(HIGH);
  });
});
