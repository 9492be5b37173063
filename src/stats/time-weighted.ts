// A piecewise-constant quantity (a queue length, an occupancy) observed over time, accumulated in
// streaming form: its integral and maximum over the current period and over the whole observation.

export interface PeriodFigures {
  /** Time-average over the period. */
  mean: number;
  max: number;
  /** Value at the period's end. */
  end: number;
}

export class TimeWeighted {
  private value = 0;
  private lastTime: number;
  private periodStart: number;
  private periodIntegral = 0;
  private periodMax = 0;
  private totalIntegral = 0;
  private totalStart: number;
  private totalMax = 0;

  constructor(startTime = 0) {
    this.lastTime = startTime;
    this.periodStart = startTime;
    this.totalStart = startTime;
  }

  get current(): number {
    return this.value;
  }

  set(time: number, value: number): void {
    const elapsed = time - this.lastTime;
    if (elapsed > 0) {
      const area = this.value * elapsed;
      this.periodIntegral += area;
      this.totalIntegral += area;
      this.lastTime = time;
    }
    this.value = value;
    if (value > this.periodMax) this.periodMax = value;
    if (value > this.totalMax) this.totalMax = value;
  }

  add(time: number, delta: number): void {
    this.set(time, this.value + delta);
  }

  /** Closes the current period at `time` and starts the next one. */
  closePeriod(time: number): PeriodFigures {
    this.set(time, this.value);
    const length = time - this.periodStart;
    const figures = { mean: length > 0 ? this.periodIntegral / length : this.value, max: this.periodMax, end: this.value };
    this.periodStart = time;
    this.periodIntegral = 0;
    this.periodMax = this.value;
    return figures;
  }

  /** Forgets everything before `time` in the whole-run figures (end of warm-up). */
  restartTotal(time: number): void {
    this.set(time, this.value);
    this.totalStart = time;
    this.totalIntegral = 0;
    this.totalMax = this.value;
  }

  /** Whole-run time-average and maximum since the last `restartTotal`. */
  total(time: number): { mean: number; max: number; integral: number } {
    this.set(time, this.value);
    const length = time - this.totalStart;
    return { mean: length > 0 ? this.totalIntegral / length : this.value, max: this.totalMax, integral: this.totalIntegral };
  }
}
