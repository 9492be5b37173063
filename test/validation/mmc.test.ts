// A sector's processing stage with c agents as an M/M/c queue: mean wait in queue Wq and mean
// number waiting Lq against Erlang C.
//
// Tolerance: as in mm1-md1.test.ts, the 99.9% interval over replications must contain the exact
// value and have a half-width of at most 8% of it at ρ ≤ 0.8, 10% at ρ = 0.95.

import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmc } from './queueing-theory.js';
import { expectWithin, processingQueue, replications, values } from './support.js';

const HOURS_PER_GROUP = 0.25;
const AGENTS = 3;

describe('the closed forms themselves', () => {
  it('Erlang B and C agree with hand-computed values', () => {
    // B(5, 4) = (4^5/5!) / Σ_{k≤5} 4^k/k! = 8.5333 / 42.8667 = 0.19907.
    expect(erlangB(5, 4)).toBeCloseTo(0.19907, 5);
    // C(3, 2.4) = (2.4³/3! × 3/0.6) / (1 + 2.4 + 2.88 + 11.52) = 11.52 / 17.8 = 0.64719.
    expect(erlangC(3, 2.4)).toBeCloseTo(0.64719, 5);
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 12);
  });
});

describe(`M/M/${AGENTS}: exponential processing, ${AGENTS} agents`, () => {
  it.each([
    { rho: 0.5, days: 250, warmupDays: 5, reps: 20, bound: 0.08, seed: 201 },
    { rho: 0.8, days: 350, warmupDays: 5, reps: 20, bound: 0.08, seed: 202 },
    { rho: 0.95, days: 500, warmupDays: 20, reps: 40, bound: 0.1, seed: 203 },
  ])('ρ = $rho: Wq = C(c, a) / (cμ − λ) and Lq = λWq', ({ rho, days, warmupDays, reps, bound, seed }) => {
    const mu = 1 / HOURS_PER_GROUP;
    const lambda = rho * AGENTS * mu;
    const exact = mmc(lambda, mu, AGENTS);
    const hoursPerGroup = { dist: 'exponential', mean: HOURS_PER_GROUP } as const;
    const runs = replications(processingQueue({ perHour: lambda, agents: AGENTS, hoursPerGroup, days, warmupDays, seed }), reps);
    expectWithin(`M/M/${AGENTS} ρ=${rho} Wq`, values(runs, 'queue_wait_hours_mean', 'q'), exact.wq, bound);
    expectWithin(`M/M/${AGENTS} ρ=${rho} Lq`, values(runs, 'queue_mean', 'q'), exact.lq, bound);
  });
});
