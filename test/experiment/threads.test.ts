// Worker threads opened ahead by a command (src/experiment/threads.ts, src/cli/experiment-args.ts):
// how many, that a borrowed pool outlives each execute call, and that closing twice is harmless.
// Needs the built worker (`npm run build`).

import { describe, expect, it } from 'vitest';
import { allUnits, execute, openThreads, runPlan, threadsFor } from '../../src/experiment/index.js';
import { threadsAhead } from '../../src/cli/experiment-args.js';
import type { ExperimentArgs } from '../../src/cli/run-options.js';
import { scenario } from '../support/scenarios.js';

const small = scenario({
  sectors: {
    'del-rio': {
      holdingCapacity: 1000,
      arrivals: { peoplePerDay: 50, mix: { single: 1 } },
      processing: { agents: 4, hoursPerGroup: { dist: 'exponential', mean: 1 } },
      mpp: { enrolledFraction: 0.9 },
      port: 'eagle-pass',
    },
  },
  ports: { 'eagle-pass': { dailyCap: 100 } },
});

describe('threadsFor', () => {
  it('gives one thread per worker, never more than the replications, at least one', () => {
    expect(threadsFor(200, 2)).toBe(2);
    expect(threadsFor(1, 8)).toBe(1);
    expect(threadsFor(0, 2)).toBe(1);
  });
});

describe('threads opened ahead', () => {
  it('serve several execute calls, give the bytes of a pool of its own, and close twice harmlessly', async () => {
    const experiment = runPlan(small, { replications: 5 });
    const own = await execute(experiment, allUnits(experiment), { workers: 1 });
    const threads = openThreads(2);
    const first = await execute(experiment, allUnits(experiment), { threads });
    const second = await execute(experiment, allUnits(experiment).slice(2), { threads });
    expect(JSON.stringify(first)).toBe(JSON.stringify(own));
    expect(JSON.stringify(second)).toBe(JSON.stringify(own.slice(2)));
    const closing = threads.close();
    expect(threads.close()).toBe(closing);
    await closing;
    expect(threads.pool.threads).toHaveLength(0);
  });

  const args = (more: Partial<ExperimentArgs>): ExperimentArgs => ({ workers: 2, ...more }) as ExperimentArgs;
  const count = async (opened: ReturnType<typeof threadsAhead>): Promise<number | undefined> => {
    await opened?.close();
    return opened?.count;
  };

  it('open only when --reps (or --max-reps with a precision goal) says how many', async () => {
    expect(await count(threadsAhead(args({}), undefined, 1, true))).toBeUndefined();
    expect(await count(threadsAhead(args({ reps: 1 }), undefined, 1, true))).toBe(1);
    expect(await count(threadsAhead(args({ reps: 1 }), undefined, 2, true))).toBe(2);
    expect(await count(threadsAhead(args({ reps: 20, shard: '1/2' }), undefined, 1, true))).toBeUndefined();
    const goal = { batch: 10, maxReplications: 20, relative: 0.1 };
    expect(await count(threadsAhead(args({}), goal, 1, true))).toBe(2);
  });

  it('wait for the plan when it may ask for more threads than --reps alone (a sweep of unknown points)', async () => {
    expect(await count(threadsAhead(args({ reps: 1 }), undefined, 1, false))).toBeUndefined();
    expect(await count(threadsAhead(args({ reps: 3 }), undefined, 1, false))).toBe(2);
  });
});
