// Progress comes per finished replication, not per returned batch: a long run's bar moves steadily
// and its ETA, averaged over completed replications, is not thrown by jumps of a batch at a time.
// Needs the built worker (`npm run build`).

import { describe, expect, it } from 'vitest';
import { allUnits, execute, runPlan } from '../../src/experiment/index.js';
import { scenario } from '../support/scenarios.js';

// Enough work per replication (some milliseconds) that each finishes apart from the next.
const busy = scenario({
  days: 120,
  sectors: {
    'del-rio': {
      holdingCapacity: 100_000,
      arrivals: { peoplePerDay: 200, mix: { single: 1 } },
      processing: { agents: 10, hoursPerGroup: { dist: 'exponential', mean: 1 } },
      mpp: { enrolledFraction: 0.9 },
      port: 'eagle-pass',
    },
  },
  ports: { 'eagle-pass': { dailyCap: 200 } },
});

describe('execute progress', () => {
  it('calls onProgress once per replication, as each finishes, with done 1..N', async () => {
    // One worker and 12 replications: batches of 3, which used to be counted all at once on return.
    const experiment = runPlan(busy, { replications: 12 });
    const calls: { done: number; total: number; sameTurn: boolean }[] = [];
    let turnOpen = false;
    const results = await execute(experiment, allUnits(experiment), {
      workers: 1,
      onProgress: (done, total) => {
        // Still open when the previous call came in the same synchronous turn (a batch counted at once).
        calls.push({ done, total, sameTurn: turnOpen });
        turnOpen = true;
        queueMicrotask(() => (turnOpen = false));
      },
    });
    expect(results).toHaveLength(12);
    expect(calls.map((c) => c.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(calls.every((c) => c.total === 12)).toBe(true);
    // A port message may now and then be overtaken by its batch's result; most come on their own.
    expect(calls.filter((c) => c.sameTurn).length).toBeLessThanOrEqual(2);
  });

  it('gives the same results with and without progress', async () => {
    const experiment = runPlan(busy, { replications: 4 });
    const quiet = await execute(experiment, allUnits(experiment), { workers: 2 });
    const watched = await execute(experiment, allUnits(experiment), { workers: 2, onProgress: () => undefined });
    expect(JSON.stringify(watched)).toBe(JSON.stringify(quiet));
  });
});
