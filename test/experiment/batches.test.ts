// How replications are cut into batches for the worker threads (src/experiment/batches.ts): every
// replication once, in order, large batches first and single replications at the end.

import { describe, expect, it } from 'vitest';
import { batchSizes, inOrder } from '../../src/experiment/batches.js';

describe('batchSizes', () => {
  it.each([
    [1, 1],
    [1, 2],
    [7, 2],
    [20, 2],
    [200, 1],
    [200, 2],
    [1000, 8],
  ])('%i replications on %i threads: they add up, shrink, and end in ones', (units, threads) => {
    const sizes = batchSizes(units, threads);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(units);
    expect(sizes.every((size, i) => size >= 1 && size <= 16 && (i === 0 || size <= sizes[i - 1]))).toBe(true);
    expect(sizes[sizes.length - 1]).toBe(1);
  });

  it('gives every thread work at once when there is enough', () => {
    expect(batchSizes(2, 2)).toEqual([1, 1]);
    expect(batchSizes(200, 2).slice(0, 4)).toEqual([16, 16, 16, 16]);
  });

  it('is empty for no replications', () => {
    expect(batchSizes(0, 2)).toEqual([]);
  });
});

describe('inOrder', () => {
  it('starts tasks in index order, never more than the limit at once, and gives results in index order', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    // Later tasks finish sooner: the results must still come back in index order.
    const results = await inOrder(7, 2, async (i) => {
      started.push(i);
      most = Math.max(most, ++running);
      await new Promise((done) => setTimeout(done, (7 - i) * 2));
      running--;
      return i * 10;
    });
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(2);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await expect(
      inOrder(5, 1, async (i) => {
        started.push(i);
        if (i === 1) throw new Error('batch 1 failed');
        return i;
      }),
    ).rejects.toThrow('batch 1 failed');
    expect(started).toEqual([0, 1]);
  });

  it('resolves at once with nothing to run', async () => {
    expect(await inOrder(0, 2, () => Promise.reject(new Error('never')))).toEqual([]);
  });
});
