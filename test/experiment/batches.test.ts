// How replications are cut into batches for the worker threads (src/experiment/batches.ts): every
// replication once, in order, large batches first and single replications at the end.

import { describe, expect, it } from 'vitest';
import { batchSizes } from '../../src/experiment/batches.js';

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
