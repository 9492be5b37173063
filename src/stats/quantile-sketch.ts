// Bounded-memory quantiles of non-negative values (waits in hours), in the manner of DDSketch:
// logarithmic buckets give every quantile estimate a relative error of at most RELATIVE_ERROR,
// for values between MIN_VALUE and MAX_VALUE; smaller values count as zero.

import { DOUBLE_ZERO } from './double-zero.js';

export const RELATIVE_ERROR = 0.005;
const MIN_VALUE = 1e-3; // hours: 3.6 seconds
const MAX_VALUE = 1e6; // hours: over a century
const GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);
const OFFSET = Math.ceil(Math.log(MIN_VALUE) / LOG_GAMMA);
const BUCKETS = Math.ceil(Math.log(MAX_VALUE) / LOG_GAMMA) - OFFSET + 1;

// Buckets are kept only over the range of those used, grown as values come: a sketch of all 2,073
// buckets is 16 KB, a replication makes dozens (per exit, sector and category), many never used,
// and a fresh process paid for each one's fresh memory (some 1-3 ms of a 20 ms replication).
const GROWTH = 64;
const NO_BUCKETS = new Float64Array(0);

export class QuantileSketch {
  /** counts[i] is bucket `low + i`'s. */
  private counts = NO_BUCKETS;
  private low = 0;
  private zeros = 0;
  private n = 0;
  // Hours: doubles from the start (see double-zero.ts), read only once something was added.
  private sum = DOUBLE_ZERO;
  private maximum = DOUBLE_ZERO;

  /** Adds `value` with a whole-number `weight` (people in a group sharing one wait). */
  add(value: number, weight = 1): void {
    this.addAt(QuantileSketch.bucketOf(value), value, weight);
  }

  /** The bucket of a value (-1: counted as zero): computed once when one value goes into several sketches. */
  static bucketOf(value: number): number {
    return value < MIN_VALUE ? -1 : Math.min(BUCKETS - 1, Math.ceil(Math.log(value) / LOG_GAMMA) - OFFSET);
  }

  /** The value a bucket's members are reported as: within RELATIVE_ERROR of each of them. */
  static valueOf(bucket: number): number {
    return (2 * Math.pow(GAMMA, bucket + OFFSET)) / (GAMMA + 1);
  }

  /** `add`, with the value's bucket already known (`bucketOf(value)`). */
  addAt(bucket: number, value: number, weight = 1): void {
    this.n += weight;
    this.sum += value * weight;
    // >=: a first value of 0 replaces the starting -0.
    if (value >= this.maximum) this.maximum = value;
    if (bucket < 0) this.zeros += weight;
    else {
      if (bucket < this.low || bucket >= this.low + this.counts.length) this.cover(bucket);
      this.counts[bucket - this.low] += weight;
    }
  }

  /** Widens the kept range to take `bucket`, with room to spare on both sides. */
  private cover(bucket: number): void {
    const used = this.counts.length > 0;
    const low = Math.max(0, Math.min(used ? this.low : bucket, bucket) - GROWTH);
    const high = Math.min(BUCKETS, Math.max(used ? this.low + this.counts.length : bucket, bucket + 1) + GROWTH);
    const counts = new Float64Array(high - low);
    if (used) counts.set(this.counts, this.low - low);
    this.counts = counts;
    this.low = low;
  }

  get count(): number {
    return this.n;
  }

  get mean(): number {
    return this.n > 0 ? this.sum / this.n : NaN;
  }

  get max(): number {
    return this.n > 0 ? this.maximum : NaN;
  }

  /** The q-quantile (0 <= q <= 1), lower-rank convention; NaN when empty. */
  quantile(q: number): number {
    if (this.n === 0) return NaN;
    const rank = Math.max(0, Math.ceil(q * this.n) - 1);
    if (rank < this.zeros) return 0;
    // Buckets outside the kept range hold nothing: the answer is always inside it.
    let seen = this.zeros;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen > rank) return Math.min(this.maximum, QuantileSketch.valueOf(this.low + i));
    }
    return this.maximum;
  }
}
