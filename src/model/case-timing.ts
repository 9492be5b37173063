// Days from a case's first return to Mexico to its first hearing and to its decision, over every
// court and for each court alone; counted only once warm-up is over.

import { QuantileSketch } from '../stats/quantile-sketch.js';
import { HOURS_PER_DAY, type ModelContext } from './context.js';

export interface CaseTiming {
  readonly toFirstHearing: QuantileSketch;
  readonly toDecision: QuantileSketch;
}

export function caseTiming(): CaseTiming {
  return { toFirstHearing: new QuantileSketch(), toDecision: new QuantileSketch() };
}

/** One court's clock on its cases, adding each figure to its own timing and to every court's. */
export class CaseClock {
  readonly own = caseTiming();

  constructor(
    private readonly ctx: ModelContext,
    private readonly all: CaseTiming,
  ) {}

  firstHearing(slot: number): void {
    if (this.ctx.counting) this.add(slot, 'toFirstHearing');
  }

  decided(slot: number): void {
    if (this.ctx.counting) this.add(slot, 'toDecision');
  }

  private add(slot: number, figure: keyof CaseTiming): void {
    const g = this.ctx.groups;
    const days = (this.ctx.calendar.now - g.firstReturned[slot]) / HOURS_PER_DAY;
    this.all[figure].add(days, g.size[slot]);
    this.own[figure].add(days, g.size[slot]);
  }
}
