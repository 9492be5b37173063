// A court's dated postponements (`postponements`: every hearing from one date to another, announced on
// the first). From the announcement no booking falls in the window; a hearing already booked in it is
// moved, at its call time, to the first free day after the window: people presented at the port on
// the original date for a new notice (the COVID-19 postponement of 23 Mar 2020, Arizona Republic).

import { dayIndex } from '../scenario/calendar-dates.js';
import type { Court } from '../scenario/schema.js';
import type { Block } from './block.js';
import { HOURS_PER_DAY, type ModelContext } from './context.js';
import type { Docket } from './docket.js';
import type { DailyRow } from './results.js';
import type { StageObserver } from './stage.js';

export class Postponements implements Block {
  /** People whose hearing was moved, after warm-up. */
  movedTotal = 0;
  private movedToday = 0;
  private readonly windows: { from: number; to: number }[];

  constructor(
    private readonly ctx: ModelContext,
    /** The court's stage: the postponements write into its daily row. */
    readonly stage: StageObserver,
    windows: NonNullable<Court['postponements']>,
    private readonly docket: Docket,
  ) {
    // A postponement announced before the run starts holds from its first day.
    this.windows = windows.map((w) => ({ from: Math.max(0, dayIndex(ctx.start, w.from)), to: dayIndex(ctx.start, w.to) }));
  }

  /**
   * For a hearing of `people` booked on `day`, called now: the first day after the announced window it
   * falls in, counting them as moved; -1 if no announced window holds it.
   */
  postpone(day: number, people: number): number {
    const now = this.ctx.calendar.now;
    const window = this.windows.find((w) => w.from <= day && day <= w.to && now >= w.from * HOURS_PER_DAY);
    if (!window) return -1;
    this.movedToday += people;
    return window.to + 1;
  }

  /** Opens before the court, so that an announcement closes the docket on the day it is made. */
  openDay(day: number): void {
    for (const w of this.windows) if (w.from === day) this.docket.close(w.from, w.to);
  }

  closeDay(_now: number, row: DailyRow): void {
    row.optional = { ...row.optional, postponed: this.movedToday };
    if (this.ctx.counting) this.movedTotal += this.movedToday;
    this.movedToday = 0;
  }

  restart(): void {}
}
