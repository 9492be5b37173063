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
    return fromSums(this.n, this.sum, this.squares, level);
  }
}

/** The estimate from a count, a sum in order and Welford's sum of squares: one formula for both classes. */
function fromSums(n: number, sum: number, squares: number, level: number): Estimate {
  return withInterval(n, n > 0 ? sum / n : NaN, n < 2 ? NaN : Math.sqrt(squares / (n - 1)), level);
}

/**
 * Many RunningEstimates in a few arrays, one per cell of a table whose every replication has the same
 * cells: fed a replication at a time, in order, so each cell sees its values in the same order and
 * gets the same bits as a RunningEstimate fed them one by one.
 */
export class RunningEstimates {
  private readonly n: Float64Array;
  private readonly sum: Float64Array;
  private readonly welfordMean: Float64Array;
  private readonly squares: Float64Array;

  constructor(cells: number) {
    this.n = new Float64Array(cells);
    this.sum = new Float64Array(cells);
    this.welfordMean = new Float64Array(cells);
    this.squares = new Float64Array(cells);
  }

  /** Adds one replication: `values[c]` to cell c where `present[c]` is 1 (and, as add(), the value is finite). */
  addAll(values: Float64Array, present: Uint8Array): void {
    const { n, sum, welfordMean, squares } = this;
    for (let c = 0; c < n.length; c++) {
      const value = values[c];
      if (present[c] !== 1 || !Number.isFinite(value)) continue;
      const count = ++n[c];
      sum[c] += value;
      const delta = value - welfordMean[c];
      welfordMean[c] += delta / count;
      squares[c] += delta * (value - welfordMean[c]);
    }
  }

  estimate(cell: number, level = 0.95): Estimate {
    return fromSums(this.n[cell], this.sum[cell], this.squares[cell], level);
  }
}
