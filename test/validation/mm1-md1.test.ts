// A sector's processing stage as a single-server queue: M/M/1 (exponential processing) and M/D/1
// (deterministic processing), against the mean wait in queue Wq and mean number waiting Lq.
//
// Tolerance: each figure's 99.9% Student-t interval over independent replications must contain the
// exact value (a correct simulator fails one such check with probability 0.001; seeds are fixed,
// so the outcome is reproducible, and each case has its own seed, so the checks are independent),
// and must be narrow: half-width at most 8% of the exact value at ρ ≤ 0.8, and 10% at ρ = 0.95,
// where the time-average converges slowly (its variance grows like 1/(1 − ρ)^4). Warm-up covers
// several relaxation times 1/(μ(1 − √ρ)²) (at ρ = 0.95: 390 h, against 60 days), so that the empty
// start biases the means by far less than the interval.

import { describe, expect, it } from 'vitest';
import { md1, mmc } from './queueing-theory.js';
import { expectWithin, processingQueue, replications, values } from './support.js';

const HOURS_PER_GROUP = 0.25; // μ = 4 an hour

describe('M/M/1: exponential processing, one agent', () => {
  it.each([
    // Run lengths are sized so that the half-width is about 2/3 of its bound.
    { rho: 0.5, days: 300, warmupDays: 5, reps: 20, bound: 0.08, seed: 101 },
    { rho: 0.8, days: 600, warmupDays: 10, reps: 20, bound: 0.08, seed: 102 },
    { rho: 0.95, days: 1500, warmupDays: 60, reps: 40, bound: 0.1, seed: 103 },
  ])('ρ = $rho: Wq = ρ/(μ − λ) and Lq = λWq', ({ rho, days, warmupDays, reps, bound, seed }) => {
    const mu = 1 / HOURS_PER_GROUP;
    const lambda = rho * mu;
    const exact = mmc(lambda, mu, 1);
    // M/M/1 is M/M/c with c = 1, where Erlang C reduces to ρ.
    expect(exact.wq).toBeCloseTo(rho / (mu - lambda), 12);
    const hoursPerGroup = { dist: 'exponential', mean: HOURS_PER_GROUP } as const;
    const runs = replications(processingQueue({ perHour: lambda, agents: 1, hoursPerGroup, days, warmupDays, seed }), reps);
    expectWithin(`M/M/1 ρ=${rho} Wq`, values(runs, 'queue_wait_hours_mean', 'q'), exact.wq, bound);
    expectWithin(`M/M/1 ρ=${rho} Lq`, values(runs, 'queue_mean', 'q'), exact.lq, bound);
  });
});

describe('M/D/1: deterministic processing, one agent', () => {
  it.each([
    { rho: 0.5, days: 150, warmupDays: 5, reps: 20, bound: 0.08, seed: 111 },
    { rho: 0.8, days: 300, warmupDays: 10, reps: 20, bound: 0.08, seed: 112 },
  ])('ρ = $rho: Wq = ρD / (2(1 − ρ)) (Pollaczek–Khinchine)', ({ rho, days, warmupDays, reps, bound, seed }) => {
    const lambda = rho / HOURS_PER_GROUP;
    const exact = md1(lambda, HOURS_PER_GROUP);
    // P-K: Wq = (1 + cs²)/2 × the M/M/1 wait, and cs² = 0 for a deterministic time: half of it.
    expect(exact.wq).toBeCloseTo(mmc(lambda, 1 / HOURS_PER_GROUP, 1).wq / 2, 12);
    const hoursPerGroup = { dist: 'deterministic', value: HOURS_PER_GROUP } as const;
    const runs = replications(processingQueue({ perHour: lambda, agents: 1, hoursPerGroup, days, warmupDays, seed }), reps);
    expectWithin(`M/D/1 ρ=${rho} Wq`, values(runs, 'queue_wait_hours_mean', 'q'), exact.wq, bound);
    expectWithin(`M/D/1 ρ=${rho} Lq`, values(runs, 'queue_mean', 'q'), exact.lq, bound);
  });
});
