// Drives one block alone: a fresh context on the heap calendar, hand-made groups, and sinks that
// record what the block handed on (next) or let out (leave), with the time it did.

import { createCalendar } from '../../src/engine/index.js';
import type { DistributionSpec } from '../../src/random/index.js';
import { ModelContext } from '../../src/model/context.js';
import { DAILY_COUNTS, type DailyRow, type Exit, type StageKind } from '../../src/model/results.js';
import { StageObserver } from '../../src/model/stage.js';

export function context(warmupDays = 0): ModelContext {
  return new ModelContext(createCalendar('heap'), '2019-11-01', 7, 0, warmupDays);
}

export function stage(kind: StageKind, id = 'x'): StageObserver {
  return new StageObserver(kind, id);
}

export interface GroupFields {
  fate?: number;
  processingHours?: number;
  interviewHours?: number;
  site?: number;
}

/** A group already arrived now, with the fields a block reads. */
export function group(ctx: ModelContext, size: number, fields: GroupFields = {}): number {
  const g = ctx.groups;
  const slot = g.allocate();
  g.size[slot] = size;
  g.origin[slot] = 0;
  g.site[slot] = fields.site ?? 0;
  g.fate[slot] = fields.fate ?? 0;
  g.processingHours[slot] = fields.processingHours ?? 0;
  g.interviewHours[slot] = fields.interviewHours ?? 0;
  g.arrived[slot] = ctx.calendar.now;
  return slot;
}

export interface Handed {
  slot: number;
  at: number;
  size: number;
  exit?: Exit;
}

/** Collects what a block hands on; pass `sink.next` / `sink.leave` as its callbacks. */
export class Sink {
  readonly handed: Handed[] = [];
  constructor(private readonly ctx: ModelContext) {}
  readonly next = (slot: number): void => {
    this.handed.push({ slot, at: this.ctx.calendar.now, size: this.ctx.groups.size[slot] });
  };
  readonly leave = (slot: number, exit: Exit): void => {
    this.handed.push({ slot, at: this.ctx.calendar.now, size: this.ctx.groups.size[slot], exit });
  };
  get slots(): number[] {
    return this.handed.map((h) => h.slot);
  }
  get people(): number {
    return this.handed.reduce((a, h) => a + h.size, 0);
  }
}

/** Opens `days` days on the calendar (each at its midnight, as the day clock does) and runs them. */
export function runDays(ctx: ModelContext, days: number, ...blocks: { openDay(day: number, now: number): void }[]): void {
  for (let day = 0; day < days; day++) {
    ctx.calendar.schedule(day * 24, () => {
      for (const block of blocks) block.openDay(day, day * 24);
    });
  }
  ctx.calendar.runUntil(days * 24);
}

/** A daily row with nothing filled in, for a block's closeDay to write into. */
export function blankRow(kind: StageKind = 'sector'): DailyRow {
  const counts = Object.fromEntries(DAILY_COUNTS.map((c) => [c, 0])) as DailyRow['counts'];
  return {
    replication: 0, day: 0, date: '2019-11-01', kind, id: 'x', counts, queueEnd: 0, queueMean: 0, queueMax: 0,
    occupancyEnd: null, occupancyMean: null, occupancyMax: null, utilization: null, busLoadFactor: null, docketLeadDays: null,
  };
}

export function fixed(value: number): DistributionSpec {
  return { dist: 'deterministic', value };
}
