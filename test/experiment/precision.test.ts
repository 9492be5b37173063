// `--precision`: batches of replications until every key figure's 95% interval is narrow enough.
// It must stop at the first batch that is, and give exactly the results of a plain run with that
// many replications (replication r always draws the streams of (seed, r)).

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allUnits, comparePlan, execute, figureWidths, replicateToPrecision, runPlan, type Experiment, type PrecisionGoal, type Unit } from '../../src/experiment/index.js';
import { tempDir } from '../support/cli.js';
import { scenario } from '../support/scenarios.js';

/** Poisson arrivals, exponential processing, a port cap that sometimes binds: every figure is noisy. */
const noisy = scenario({
  days: 30,
  sectors: {
    q: {
      holdingCapacity: 100_000,
      arrivals: { peoplePerDay: 60, mix: { single: 1 } },
      processing: { agents: 4, hoursPerGroup: { dist: 'exponential', mean: 1 } },
      mpp: { enrolledFraction: 0.9 },
      port: 'p',
    },
  },
  ports: { p: { dailyCap: 56 } },
});

const runUnits = (experiment: Experiment) => (units: readonly Unit[]) => execute(experiment, units, { workers: 1 });

/** The widths after the first `n` replications of a result list in unit order. */
function widthsAt(experiment: Experiment, results: Awaited<ReturnType<typeof execute>>, n: number, goal: PrecisionGoal) {
  const byVariant = experiment.variants.map((_, v) => results.filter((r) => r.variant === v && r.replication < n).map((r) => r.result));
  return figureWidths(experiment, byVariant, goal);
}

describe('replicateToPrecision', () => {
  it('stops at the first batch where every key figure is within 25% of its mean, with the results of a plain run', async () => {
    const planned = runPlan(noisy);
    const goal: PrecisionGoal = { relative: 0.25, batch: 5, maxReplications: 200 };
    const { experiment, results, precision } = await replicateToPrecision(planned, goal, runUnits(planned));
    // Measured at this seed; the point is the two lines after it. The end-of-run custody count
    // (about 13 people, a sd of about 12) is the noisiest figure relative to its mean.
    expect(precision.replications).toBe(55);
    expect(precision.met).toBe(true);
    expect(widthsAt(experiment, results, 55, goal).every((w) => w.met)).toBe(true);
    expect(widthsAt(experiment, results, 50, goal).some((w) => !w.met)).toBe(true);
    expect(precision.decidedBy).toMatchObject({ metric: 'in_custody_end', scope: 'total', met: true });
    expect(precision.decidedBy!.halfWidth).toBeLessThanOrEqual(0.25 * Math.abs(precision.decidedBy!.mean));

    // The same replications, in the same order, as `--reps 55`.
    expect(experiment.replications).toBe(55);
    expect(experiment.variants[0].scenario.replications).toBe(55);
    const plain = runPlan(noisy, { replications: 55 });
    const direct = await execute(plain, allUnits(plain), { workers: 1 });
    expect(results.map((r) => [r.variant, r.replication])).toEqual(allUnits(plain).map((u) => [u.variant, u.replication]));
    expect(results.map((r) => r.result.metrics)).toEqual(direct.map((r) => r.result.metrics));
    expect(experiment).toEqual(plain);
  });

  it('stops at --max-reps when the goal cannot be met, saying which figure is still too wide', async () => {
    const planned = runPlan(noisy);
    const { precision } = await replicateToPrecision(planned, { relative: 0.0001, batch: 5, maxReplications: 12 }, runUnits(planned));
    expect(precision).toMatchObject({ replications: 12, met: false });
    expect(precision.decidedBy!.halfWidth).toBeGreaterThan(precision.decidedBy!.allowed);
  });

  it("for compare, judges each paired difference against the first variant's level", async () => {
    const dir = tempDir();
    try {
      const file = join(dir, 'noisy.json');
      writeFileSync(file, JSON.stringify(noisy));
      const planned = comparePlan([file], ['wider:ports.p.dailyCap=60']);
      const goal: PrecisionGoal = { relative: 0.25, batch: 4, maxReplications: 200 };
      const { results, precision } = await replicateToPrecision(planned, goal, runUnits(planned));
      const n = precision.replications;
      // A wider cap empties custody sooner: about 10 fewer people at the end, against 16.
      expect(n).toBe(32);
      expect(precision.decidedBy).toMatchObject({ metric: 'in_custody_end', variant: 'wider' });
      expect(precision.decidedBy!.allowed).toBeCloseTo(0.25 * 16.03, 1);
      const at = (k: number) => widthsAt(planned, results, k, goal);
      expect(at(n).every((w) => w.met && w.variant === 'wider')).toBe(true);
      expect(at(n - 4).some((w) => !w.met)).toBe(true);
      // Arrivals do not depend on the cap: under common random numbers their difference is 0 in every replication.
      expect(at(n).find((w) => w.metric === 'arrivals')).toMatchObject({ mean: 0, halfWidth: 0, met: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes an absolute half-width where it allows more than the relative one', async () => {
    const planned = runPlan(noisy);
    const loose = await replicateToPrecision(planned, { relative: 0.25, absolute: 1000, batch: 5, maxReplications: 200 }, runUnits(planned));
    expect(loose.precision).toMatchObject({ replications: 5, met: true });
    const tight = await replicateToPrecision(planned, { absolute: 1, batch: 5, maxReplications: 30 }, runUnits(planned));
    expect(tight.precision.met).toBe(false);
    expect(tight.precision.decidedBy!.allowed).toBe(1);
  });
});
