// Holding capacity as a loss system: K places in front of c agents, no MPP enrollment (everyone
// leaves once processed, freeing their place), arrivals released when the site is full. The share
// released is the M/M/c/K blocking probability (PASTA: Poisson arrivals see the time-average
// state), and with K = c it is Erlang B.
//
// Tolerance: the 99.9% interval of released / arrivals over replications must contain the exact
// probability and have a half-width of at most 5% of it.

import { describe, expect, it } from 'vitest';
import { erlangB, mmcKBlocking } from './queueing-theory.js';
import { expectWithin, processingQueue, replications, values } from './support.js';

const HOURS_PER_GROUP = 0.25;

describe('the closed form itself', () => {
  it('M/M/c/K blocking reduces to Erlang B at K = c and to the M/M/1/K formula at c = 1', () => {
    expect(mmcKBlocking(5, 5, 4)).toBeCloseTo(erlangB(5, 4), 12);
    // M/M/1/K: (1 − ρ) ρ^K / (1 − ρ^(K+1)).
    const rho = 0.9;
    expect(mmcKBlocking(1, 5, rho)).toBeCloseTo(((1 - rho) * rho ** 5) / (1 - rho ** 6), 12);
  });
});

describe('released on arrival when holding is full: M/M/c/K blocking', () => {
  it.each([
    { label: 'Erlang B, c = K = 5, a = 4', agents: 5, capacity: 5, load: 4, days: 60, seed: 301 },
    { label: 'M/M/1/5, ρ = 0.9', agents: 1, capacity: 5, load: 0.9, days: 300, seed: 302 },
    { label: 'M/M/3/8, ρ = 0.9', agents: 3, capacity: 8, load: 2.7, days: 200, seed: 303 },
    { label: 'M/M/2/4 overloaded, ρ = 1.5', agents: 2, capacity: 4, load: 3, days: 40, seed: 304 },
  ])('$label', ({ agents, capacity, load, days, seed }) => {
    const exact = mmcKBlocking(agents, capacity, load);
    const runs = replications(
      processingQueue({
        perHour: load / HOURS_PER_GROUP,
        agents,
        hoursPerGroup: { dist: 'exponential', mean: HOURS_PER_GROUP },
        holdingCapacity: capacity,
        days,
        warmupDays: 1,
        seed,
      }),
      20,
    );
    const arrivals = values(runs, 'arrivals', 'q');
    const released = values(runs, 'released', 'q');
    // A loss system never holds more than K, and nobody waits when K = c. (queue_max is not 0
    // there: a group served at once passes through the queue in zero time and is counted in it.)
    for (const m of values(runs, 'occupancy_max', 'q')) expect(m).toBeLessThanOrEqual(capacity);
    if (capacity === agents) {
      for (const m of values(runs, 'queue_mean', 'q')) expect(m).toBe(0);
      for (const m of values(runs, 'queue_wait_hours_mean', 'q')) expect(m).toBe(0);
    }
    expectWithin(`released / arrivals, ${agents} agents, K = ${capacity}, a = ${load}`, released.map((r, i) => r / arrivals[i]), exact, 0.05);
  });
});
