// A piecewise-constant quantity (a queue length, an occupancy) observed over time, accumulated in
// streaming form: its integral and maximum over the current period and over the whole observation.
// The maximum counts a value only once it has been held for some time: a group that joins a queue
// and is served at the same instant never made anybody wait, and must not show as a queue of one.

import { DOUBLE_ZERO } from './double-zero.js';

export interface PeriodFigures {
  /** Time-average over the period. */
  mean: number;
  max: number;
  /** Value at the period's end. */
  end: number;
}

export class TimeWeighted {
  private value = 0;
  // Times and integrals start as doubles (see double-zero.ts). The constructor replaces the times'
  // zero, and an integral is read only over some length of time, by when it has been added to.
  private lastTime = DOUBLE_ZERO;
  private periodStart = DOUBLE_ZERO;
  private periodIntegral = DOUBLE_ZERO;
  private periodMax = 0;
  private totalIntegral = DOUBLE_ZERO;
  private totalStart = DOUBLE_ZERO;
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
      const held = this.value;
      this.periodIntegral += held * elapsed;
      this.totalIntegral += held * elapsed;
      if (held > this.periodMax) this.periodMax = held;
      if (held > this.totalMax) this.totalMax = held;
      this.lastTime = time;
    }
    this.value = value;
  }

  add(time: number, delta: number): void {
    this.set(time, this.value + delta);
  }

  /** Closes the current period at `time` and starts the next one. */
  closePeriod(time: number): PeriodFigures {
    this.set(time, this.value);
    const length = time - this.periodStart;
    // A zero-length period has only its current value to report, as mean and as maximum.
    const figures = length > 0 ? { mean: this.periodIntegral / length, max: this.periodMax, end: this.value } : { mean: this.value, max: this.value, end: this.value };
    this.periodStart = time;
    this.periodIntegral = 0;
    this.periodMax = 0;
    return figures;
  }

  /** Forgets everything before `time` in the whole-run figures (end of warm-up). */
  restartTotal(time: number): void {
    this.set(time, this.value);
    this.totalStart = time;
    this.totalIntegral = 0;
    this.totalMax = 0;
  }

  /** Whole-run time-average and maximum since the last `restartTotal`. */
  total(time: number): { mean: number; max: number; integral: number } {
    this.set(time, this.value);
    const length = time - this.totalStart;
    return length > 0 ? { mean: this.totalIntegral / length, max: this.totalMax, integral: this.totalIntegral } : { mean: this.value, max: this.totalMax, integral: 0 };
  }
}
