// estimate() of values fed one at a time, for tables with one estimate per cell (daily-mean.csv):
// no array per cell. The arithmetic is d3's, step for step — the mean a sum in order divided by
// the count, the variance Welford's update — so both give the same bits (test/unit/stats.test.ts).

import { withInterval, type Estimate } from './confidence.js';

export class RunningEstimate {
  private n = 0;
  private sum = 0;
  private welfordMean = 0;
  private squares = 0;

  /** Forgets every value: ready for the next cell. */
  reset(): void {
    this.n = 0;
    this.sum = 0;
    this.welfordMean = 0;
    this.squares = 0;
  }

  /** Adds an observation; as estimate(), a value that is not finite is left out. */
  add(value: number): void {
    if (!Number.isFinite(value)) return;
    this.n++;
    this.sum += value;
    const delta = value - this.welfordMean;
    this.welfordMean += delta / this.n;
    this.squares += delta * (value - this.welfordMean);
  }

  estimate(level = 0.95): Estimate {
    const n = this.n;
    return withInterval(n, n > 0 ? this.sum / n : NaN, n < 2 ? NaN : Math.sqrt(this.squares / (n - 1)), level);
  }
}
