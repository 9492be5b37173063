// Across-replication summaries: the mean with a Student-t 95% interval.

import { deviation, mean } from 'd3-array';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

export interface Estimate {
  mean: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
  n: number;
}

/** Mean, sd and 95% Student-t interval of independent observations; with one observation the interval and sd are NaN. */
export function estimate(values: readonly number[], level = 0.95): Estimate {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  const m = n > 0 ? (mean(finite) as number) : NaN;
  return withInterval(n, m, n < 2 ? NaN : (deviation(finite) as number), level);
}

/** The estimate of `n` finite observations with mean `m` and standard deviation `sd` (NaN below two). */
export function withInterval(n: number, m: number, sd: number, level: number): Estimate {
  if (n < 2) return { mean: m, sd: NaN, ciLow: NaN, ciHigh: NaN, n };
  const half = studentT(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { mean: m, sd, ciLow: m - half, ciHigh: m + half, n };
}

/** The quantile is an iterative inversion, and daily-mean.csv asks for it once per day, stage and figure with the same n. */
const quantiles = new Map<string, number>();
let lastQuantile = { p: NaN, df: NaN, q: NaN };

function studentT(p: number, df: number): number {
  // The same (p, df) comes many times in a row: answered without building the map's key.
  if (p === lastQuantile.p && df === lastQuantile.df) return lastQuantile.q;
  const key = `${p} ${df}`;
  let q = quantiles.get(key);
  if (q === undefined) {
    if (quantiles.size > 1000) quantiles.clear();
    quantiles.set(key, (q = tQuantile(p, df)));
  }
  lastQuantile = { p, df, q };
  return q;
}
