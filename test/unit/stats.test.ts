import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../support/prng.js';
import { QuantileSketch, RELATIVE_ERROR, RunningEstimate, RunningEstimates, TimeWeighted, estimate, leastPassing } from '../../src/stats/index.js';

describe('TimeWeighted', () => {
  // The step function used below (value over time):
  //   [0, 3): 2    [3, 4): 5    [4, 8): 1    [8, 10): 4
  // integral = 2·3 + 5·1 + 1·4 + 4·2 = 23 over 10 h: mean 2.3, max 5.
  function stepFunction(): TimeWeighted {
    const tw = new TimeWeighted();
    tw.set(0, 2);
    tw.set(3, 5);
    tw.set(4, 1);
    tw.add(8, 3); // 1 + 3 = 4
    return tw;
  }

  it('gives the hand-computed time-average, maximum and integral', () => {
    const tw = stepFunction();
    expect(tw.current).toBe(4);
    expect(tw.total(10)).toEqual({ mean: 2.3, max: 5, integral: 23 });
  });

  it('is unchanged by intermediate total() calls', () => {
    const tw = new TimeWeighted();
    tw.set(0, 2);
    expect(tw.total(1.5)).toEqual({ mean: 2, max: 2, integral: 3 });
    tw.set(3, 5);
    expect(tw.total(3.5)).toEqual({ mean: 8.5 / 3.5, max: 5, integral: 8.5 });
    tw.set(4, 1);
    tw.add(8, 3);
    expect(tw.total(10)).toEqual({ mean: 2.3, max: 5, integral: 23 });
  });

  it('add() moves the value up and down', () => {
    const tw = new TimeWeighted();
    tw.add(1, 1);
    tw.add(2, 1);
    tw.add(2, 1); // simultaneous arrivals
    tw.add(5, -2);
    expect(tw.current).toBe(1);
    // 0·1 + 1·1 + 3·3 + 1·5 = 15 over 10 h.
    expect(tw.total(10)).toEqual({ mean: 1.5, max: 3, integral: 15 });
  });

  it('starts from its start time', () => {
    const tw = new TimeWeighted(100);
    tw.set(100, 2);
    tw.set(104, 7);
    // 2·4 + 7·6 = 50 over 10 h.
    expect(tw.total(110)).toEqual({ mean: 5, max: 7, integral: 50 });
  });

  it('closes periods with their own mean, max and end value, then starts afresh', () => {
    // The same step function, closing a period at 5 on the way.
    const tw = new TimeWeighted();
    tw.set(0, 2);
    tw.set(3, 5);
    tw.set(4, 1);
    // Period [0, 5): 2·3 + 5·1 + 1·1 = 12 over 5 h.
    expect(tw.closePeriod(5)).toEqual({ mean: 2.4, max: 5, end: 1 });
    tw.add(8, 3);
    // Period [5, 10): 1·3 + 4·2 = 11 over 5 h. Its max is 4: the 5 from the first period is forgotten.
    expect(tw.closePeriod(10)).toEqual({ mean: 2.2, max: 4, end: 4 });
    // Period [10, 12) with no changes: the value carried in is its mean and max.
    expect(tw.closePeriod(12)).toEqual({ mean: 4, max: 4, end: 4 });
    // A falling value: the max of the period is the value it started with.
    tw.set(13, 0);
    expect(tw.closePeriod(16)).toEqual({ mean: 1, max: 4, end: 0 });
    // Closing periods does not disturb the whole-run figures: [0,10) gave 23, [10,13) 4·3 = 12, then 0.
    expect(tw.total(16)).toEqual({ mean: 35 / 16, max: 5, integral: 35 });
  });

  it('a zero-length period reports the current value as its mean', () => {
    const tw = stepFunction();
    tw.closePeriod(10);
    expect(tw.closePeriod(10)).toEqual({ mean: 4, max: 4, end: 4 });
  });

  it('restartTotal forgets the warm-up in the whole-run figures but not in the current period', () => {
    const tw = new TimeWeighted();
    tw.set(0, 5);
    tw.set(8, 1);
    tw.restartTotal(10);
    tw.set(15, 3);
    // Since the restart: 1·5 + 3·5 = 20 over 10 h; the warm-up's 5 no longer counts as the max.
    expect(tw.total(20)).toEqual({ mean: 2, max: 3, integral: 20 });
    // The period that began at 0 still covers the warm-up: 5·8 + 1·7 + 3·5 = 62 over 20 h.
    expect(tw.closePeriod(20)).toEqual({ mean: 3.1, max: 5, end: 3 });
  });

  it('after restartTotal the max starts at the value then current', () => {
    const tw = new TimeWeighted();
    tw.set(0, 9);
    tw.set(2, 6);
    tw.restartTotal(5);
    tw.set(7, 2);
    // 6·2 + 2·3 = 18 over 5 h; max 6 (the value at the restart), not 9.
    expect(tw.total(10)).toEqual({ mean: 3.6, max: 6, integral: 18 });
  });
});

describe('QuantileSketch', () => {
  it('answers as a sketch keeping every bucket would, whatever order its buckets are first used in (fast-check)', () => {
    // The reference: the same buckets (bucketOf) counted in one full array, read the same way.
    function fullQuantile(entries: readonly [number, number][], q: number): number {
      const counts = new Map<number, number>();
      let n = 0;
      let maximum = 0;
      for (const [value, weight] of entries) {
        const bucket = QuantileSketch.bucketOf(value);
        counts.set(bucket, (counts.get(bucket) ?? 0) + weight);
        n += weight;
        maximum = Math.max(maximum, value);
      }
      const rank = Math.max(0, Math.ceil(q * n) - 1);
      let seen = 0;
      for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
        seen += counts.get(bucket) as number;
        if (seen > rank) return bucket < 0 ? 0 : Math.min(maximum, QuantileSketch.valueOf(bucket));
      }
      return maximum;
    }
    const value = fc.oneof(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constantFrom(0, 5e-4, 1e-3, 1e6, 2e6), fc.double({ min: 1e-3, max: 2e-3, noNaN: true }));
    const entries = fc.array(fc.tuple(value, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(entries, fc.double({ min: 0, max: 1, noNaN: true }), (list, q) => {
        const sketch = new QuantileSketch();
        for (const [v, w] of list) sketch.add(v, w);
        expect(sketch.quantile(q)).toBe(fullQuantile(list, q));
      }),
      { numRuns: 2000 },
    );
  });

  // Values below this count as zero in the sketch (documented in quantile-sketch.ts: "smaller values count as zero").
  const MIN_VALUE = 1e-3;

  /** Exact q-quantile with the sketch's lower-rank convention: the value at rank ceil(q·n) - 1 (at least 0). */
  function exactQuantile(sorted: Float64Array, q: number): number {
    return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  }

  const QS = [0, 0.001, 0.01, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9999, 1];

  /**
   * Checks every quantile in QS against the exact one: within RELATIVE_ERROR relative error, or 0 when
   * the exact value is below MIN_VALUE. The bound is the sketch's guarantee, met with equality for a
   * value on a bucket boundary, so a 1e-9 relative allowance covers floating-point rounding in log/pow.
   */
  function checkQuantiles(values: Float64Array): void {
    const sketch = new QuantileSketch();
    let sum = 0;
    let max = -Infinity;
    for (const v of values) {
      sketch.add(v);
      sum += v;
      max = Math.max(max, v);
    }
    // count, mean and max are kept exactly (mean as the same running sum over n).
    expect(sketch.count).toBe(values.length);
    expect(sketch.mean).toBe(sum / values.length);
    expect(sketch.max).toBe(max);

    const sorted = Float64Array.from(values).sort();
    const failures: string[] = [];
    for (const q of QS) {
      const exact = exactQuantile(sorted, q);
      const got = sketch.quantile(q);
      const ok = exact < MIN_VALUE ? got === 0 : Math.abs(got - exact) <= RELATIVE_ERROR * exact * (1 + 1e-9);
      if (!ok) failures.push(`q=${q}: sketch ${got}, exact ${exact}, rel. error ${Math.abs(got - exact) / exact}`);
    }
    expect(failures).toEqual([]);
  }

  it('has relative error at most RELATIVE_ERROR, which is 0.5%', () => {
    expect(RELATIVE_ERROR).toBe(0.005);
  });

  it('is within RELATIVE_ERROR of the exact quantiles of exponential samples', () => {
    const rng = mulberry32(1);
    const values = Float64Array.from({ length: 100_000 }, () => -Math.log1p(-rng()) * 2.5);
    checkQuantiles(values);
  });

  it('is within RELATIVE_ERROR of the exact quantiles of lognormal samples', () => {
    const rng = mulberry32(2);
    // Box-Muller normals, log-scale mean 0.5 and sd 1.2: values spread over several decades.
    const values = Float64Array.from({ length: 100_000 }, () => {
      const z = Math.sqrt(-2 * Math.log1p(-rng())) * Math.cos(2 * Math.PI * rng());
      return Math.exp(0.5 + 1.2 * z);
    });
    checkQuantiles(values);
  });

  it('is within RELATIVE_ERROR across eight decades (log-uniform from 1e-3 to 1e5)', () => {
    const rng = mulberry32(3);
    const values = Float64Array.from({ length: 50_000 }, () => 10 ** (-3 + 8 * rng()));
    checkQuantiles(values);
  });

  it('handles many zeros (45% zeros, the rest exponential)', () => {
    const rng = mulberry32(4);
    const values = Float64Array.from({ length: 100_000 }, () => (rng() < 0.45 ? 0 : -Math.log1p(-rng()) * 0.8));
    checkQuantiles(values);
    // The zeros are really there: the 0.4-quantile is exactly 0, the 0.6-quantile is not.
    const sketch = new QuantileSketch();
    for (const v of values) sketch.add(v);
    expect(sketch.quantile(0.4)).toBe(0);
    expect(sketch.quantile(0.6)).toBeGreaterThan(0);
  });

  it('uses the lower-rank convention rank = ceil(q·n) - 1', () => {
    const sketch = new QuantileSketch();
    for (const v of [4, 1, 3, 2]) sketch.add(v);
    // Values far apart compared with RELATIVE_ERROR, so a rank error cannot hide inside the tolerance.
    const cases: [number, number][] = [
      [0, 1],
      [0.25, 1],
      [0.26, 2],
      [0.5, 2],
      [0.51, 3],
      [0.75, 3],
      [0.76, 4],
      [1, 4],
    ];
    for (const [q, exact] of cases) {
      expect(Math.abs(sketch.quantile(q) - exact)).toBeLessThanOrEqual(RELATIVE_ERROR * exact * (1 + 1e-9));
    }
  });

  it('answers 0 for ranks that fall among the zeros', () => {
    const sketch = new QuantileSketch();
    for (const v of [0, 0, 0, 0, 0, 0, 1, 2, 3, 4]) sketch.add(v);
    expect(sketch.quantile(0)).toBe(0);
    expect(sketch.quantile(0.6)).toBe(0); // rank 5: the last zero
    expect(Math.abs(sketch.quantile(0.61) - 1)).toBeLessThanOrEqual(RELATIVE_ERROR * (1 + 1e-9)); // rank 6
    expect(sketch.mean).toBe(1);
    expect(sketch.max).toBe(4);
  });

  it('counts values below its minimum as zero in quantiles, but exactly in mean and max', () => {
    const sketch = new QuantileSketch();
    sketch.add(5e-4);
    sketch.add(2e-4);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.quantile(1)).toBe(0);
    expect(sketch.mean).toBe((5e-4 + 2e-4) / 2);
    expect(sketch.max).toBe(5e-4);
  });

  it('never reports a quantile above the maximum', () => {
    const sketch = new QuantileSketch();
    // 1.004 lies low in its bucket, so the bucket's representative value is above it.
    sketch.add(1.004);
    expect(sketch.quantile(1)).toBeLessThanOrEqual(1.004);
    expect(Math.abs(sketch.quantile(1) - 1.004)).toBeLessThanOrEqual(RELATIVE_ERROR * 1.004);
  });

  it('gives NaN for every figure when empty', () => {
    const sketch = new QuantileSketch();
    expect(sketch.count).toBe(0);
    expect(sketch.mean).toBeNaN();
    expect(sketch.max).toBeNaN();
    expect(sketch.quantile(0)).toBeNaN();
    expect(sketch.quantile(0.5)).toBeNaN();
    expect(sketch.quantile(1)).toBeNaN();
  });
});

describe('estimate', () => {
  // Student-t quantiles (hand values from tables, to 6+ digits): t(0.975, 4) = 2.776445,
  // t(0.995, 4) = 4.604095, t(0.975, 1) = 12.706205.

  it('gives mean, sd and the 95% Student-t interval for [1, 2, 3, 4, 5]', () => {
    const e = estimate([1, 2, 3, 4, 5]);
    const sd = Math.sqrt(2.5); // 1.5811: sample sd, divisor n - 1
    const half = (2.776445 * sd) / Math.sqrt(5); // 1.96324
    expect(e.n).toBe(5);
    expect(e.mean).toBe(3);
    expect(e.sd).toBeCloseTo(1.5811388, 6);
    expect(e.sd).toBeCloseTo(sd, 12);
    // The t quantile above is rounded to 6 decimals, hence 5 digits here.
    expect(e.ciLow).toBeCloseTo(3 - half, 5);
    expect(e.ciHigh).toBeCloseTo(3 + half, 5);
    expect(e.ciHigh - e.mean).toBeCloseTo(e.mean - e.ciLow, 12);
  });

  it('uses the requested level', () => {
    const e = estimate([1, 2, 3, 4, 5], 0.99);
    const half = (4.604095 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(e.ciLow).toBeCloseTo(3 - half, 5);
    expect(e.ciHigh).toBeCloseTo(3 + half, 5);
  });

  it('uses n - 1 degrees of freedom (n = 2)', () => {
    const e = estimate([0, 2]);
    // sd = sqrt(2), half-width = 12.706205 · sqrt(2) / sqrt(2).
    expect(e.mean).toBe(1);
    expect(e.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(e.ciLow).toBeCloseTo(1 - 12.706205, 5);
    expect(e.ciHigh).toBeCloseTo(1 + 12.706205, 5);
  });

  it('gives a zero-width interval for identical values', () => {
    const e = estimate([7, 7, 7]);
    expect([e.mean, e.sd, e.ciLow, e.ciHigh, e.n]).toEqual([7, 0, 7, 7, 3]);
  });

  it('with one observation gives its mean and NaN sd and interval', () => {
    const e = estimate([4.5]);
    expect(e.n).toBe(1);
    expect(e.mean).toBe(4.5);
    expect(e.sd).toBeNaN();
    expect(e.ciLow).toBeNaN();
    expect(e.ciHigh).toBeNaN();
  });

  it('with no observations gives NaN throughout', () => {
    const e = estimate([]);
    expect(e.n).toBe(0);
    expect(e.mean).toBeNaN();
    expect(e.sd).toBeNaN();
    expect(e.ciLow).toBeNaN();
  });

  it('ignores non-finite values', () => {
    const e = estimate([1, Number.NaN, 2, Number.POSITIVE_INFINITY, 3, 4, Number.NEGATIVE_INFINITY, 5]);
    const clean = estimate([1, 2, 3, 4, 5]);
    expect(e).toEqual(clean);
    expect(estimate([Number.NaN, 3]).n).toBe(1);
  });
});

describe('RunningEstimate', () => {
  it('gives estimate()’s exact bits for any values, fed one at a time (fast-check)', () => {
    const value = fc.oneof(fc.double(), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.constantFrom(0, -0, 1e300, -1e300));
    const running = new RunningEstimate();
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (values) => {
        running.reset();
        for (const v of values) running.add(v);
        const got = running.estimate();
        const want = estimate(values);
        for (const key of ['mean', 'sd', 'ciLow', 'ciHigh', 'n'] as const) expect(Object.is(got[key], want[key]), `${key}: ${got[key]} vs ${want[key]}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same bits kept as arrays, a replication of cells at a time, absent cells left out (fast-check)', () => {
    const value = fc.oneof(fc.double(), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constantFrom(0, -0, 1e300));
    // Per replication, three cells: a value and whether it is present.
    const replication = fc.array(fc.tuple(value, fc.boolean()), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(replication, { maxLength: 30 }), (replications) => {
        const arrays = new RunningEstimates(3);
        for (const cells of replications) arrays.addAll(Float64Array.from(cells, ([v]) => v), Uint8Array.from(cells, ([, present]) => (present ? 1 : 0)));
        for (let c = 0; c < 3; c++) {
          const one = new RunningEstimate();
          for (const cells of replications) if (cells[c][1]) one.add(cells[c][0]);
          const got = arrays.estimate(c);
          const want = one.estimate();
          for (const key of ['mean', 'sd', 'ciLow', 'ciHigh', 'n'] as const) expect(Object.is(got[key], want[key]), `${key}: ${got[key]} vs ${want[key]}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('leastPassing (the size answer rule)', () => {
  const c = (value: number, pass: boolean) => ({ value, pass });
  it('answers with the first passing value and the value just below it', () => {
    const r = leastPassing([c(10, false), c(20, false), c(30, true), c(40, true)], (x) => x.pass);
    expect([r.answer?.value, r.below?.value]).toEqual([30, 20]);
  });
  it('has no value below when the lowest passes, and no answer when none does', () => {
    expect(leastPassing([c(10, true), c(20, true)], (x) => x.pass)).toEqual({ answer: c(10, true), below: undefined });
    expect(leastPassing([c(10, false)], (x) => x.pass)).toEqual({ answer: undefined, below: undefined });
  });
});
