// The day clock: at each midnight it closes the day (one row per stage), ends warm-up when due,
// and opens the next day on every block in the network's order. The order of the schedule calls
// made here and in the blocks' openDay is what keeps runs identical, so it is fixed by the network.

import type { Block, DayOpener } from './block.js';
import { HOURS_PER_DAY, type ModelContext } from './context.js';
import { DailyWriter } from './daily-writer.js';
import type { DailyRow } from './results.js';
import type { StageObserver } from './stage.js';

/** A stage and the blocks that write its daily row (a sector's holding and processing share one). */
export interface StageRow {
  stage: StageObserver;
  blocks: readonly Block[];
}

export interface DayPlan {
  days: number;
  warmupDays: number;
  /** Everything that acts at the start of a day, in the order it must act. */
  opening: readonly DayOpener[];
  /** Stages in the order of their rows in daily.csv. */
  rows: readonly StageRow[];
  /** Blocks whose statistics restart at the end of warm-up. */
  blocks: readonly Block[];
  /** Told when the counted window begins after a warm-up. */
  windowStart: { startCounting(): void };
}

export class DayClock {
  /** Rows of the counted days. */
  readonly daily: DailyWriter;

  constructor(
    private readonly ctx: ModelContext,
    private readonly plan: DayPlan,
  ) {
    for (const { stage } of plan.rows) stage.counting = ctx.counting;
    this.daily = new DailyWriter(ctx.replication, plan.warmupDays, Math.max(0, plan.days - plan.warmupDays));
  }

  /** Runs the replication to its last day. */
  run(): void {
    const { days } = this.plan;
    // Day boundaries are scheduled before anything else so that, at equal times, a day is closed
    // before the next day's first events (a 00:00 departure, a port opening) are delivered.
    for (let day = 0; day < days; day++) this.ctx.calendar.schedule(day * HOURS_PER_DAY, this.onDayBoundary, day);
    // The horizon excludes its own instant: an event due exactly at the end belongs to a day that is
    // not simulated, so it is never delivered and the last day closes after everything before it.
    const end = days * HOURS_PER_DAY;
    this.ctx.calendar.runBefore(end);
    this.onDayBoundary(days);
  }

  private readonly onDayBoundary = (day: number): void => {
    const now = this.ctx.calendar.now;
    if (day > 0) this.closeDay(day - 1, now);
    if (day === this.plan.warmupDays && day > 0) this.endWarmup(now);
    if (day === this.plan.days) return;
    // Indexed loops here and below: this code runs a few thousand times, mostly in the interpreter,
    // where for-of costs an iterator and a call per step.
    const opening = this.plan.opening;
    for (let i = 0; i < opening.length; i++) opening[i].openDay(day, now);
  };

  private closeDay(day: number, now: number): void {
    const keep = day >= this.plan.warmupDays;
    const date = this.ctx.dateOf(day);
    const stages = this.plan.rows;
    const rows: DailyRow[] = new Array(stages.length);
    for (let r = 0; r < stages.length; r++) {
      const { stage, blocks } = stages[r];
      const queue = stage.queue.closePeriod(now);
      const row: DailyRow = {
        replication: this.ctx.replication,
        day,
        date,
        kind: stage.kind,
        id: stage.id,
        counts: stage.closeDay(keep),
        queueEnd: queue.end,
        queueMean: queue.mean,
        queueMax: queue.max,
        occupancyEnd: null,
        occupancyMean: null,
        occupancyMax: null,
        utilization: null,
        busLoadFactor: null,
        docketLeadDays: null,
      };
      for (let b = 0; b < blocks.length; b++) blocks[b].closeDay(now, row);
      rows[r] = row;
    }
    if (keep) this.daily.addDay(date, rows);
  }

  private endWarmup(now: number): void {
    this.ctx.counting = true;
    for (const { stage } of this.plan.rows) {
      stage.counting = true;
      stage.restart(now);
    }
    for (const block of this.plan.blocks) block.restart(now);
    this.plan.windowStart.startCounting();
  }
}
