// A pool of identical servers (agents, officers) whose number on duty follows daily shifts.
// Service is never pre-empted: a server going off duty finishes the group in hand.

import { clockHours } from '../scenario/calendar-dates.js';
import type { Staffing } from '../scenario/schema.js';
import { TimeWeighted } from '../stats/time-weighted.js';

export interface Shift {
  from: number;
  to: number;
  count: number;
}

export function shiftsOf(staffing: Staffing): Shift[] {
  if (typeof staffing === 'number') return [{ from: 0, to: 24, count: staffing }];
  return staffing.map((s) => ({ from: clockHours(s.from), to: clockHours(s.to), count: s.count }));
}

/** Servers on duty at an hour of the day (0 <= hour < 24); a shift with from > to wraps past midnight. */
export function onDutyAt(shifts: readonly Shift[], hour: number): number {
  let total = 0;
  for (let i = 0; i < shifts.length; i++) {
    const s = shifts[i];
    const covers = s.from <= s.to ? hour >= s.from && hour < s.to : hour >= s.from || hour < s.to;
    if (covers) total += s.count;
  }
  return total;
}

/** The hours of the day at which the number on duty may change. */
export function changeHours(shifts: readonly Shift[]): number[] {
  const hours = new Set<number>();
  for (const s of shifts) {
    if (s.from > 0 && s.from < 24) hours.add(s.from);
    if (s.to > 0 && s.to < 24) hours.add(s.to);
  }
  return [...hours].sort((a, b) => a - b);
}

export class ServerPool {
  onDuty = 0;
  busy = 0;
  readonly busyOverTime = new TimeWeighted();
  readonly onDutyOverTime = new TimeWeighted();

  /** Today's shifts: a dated staffing replaces them at a midnight. */
  constructor(public shifts: readonly Shift[]) {}

  get free(): boolean {
    return this.busy < this.onDuty;
  }

  setOnDuty(time: number, hour: number): void {
    this.onDuty = onDutyAt(this.shifts, hour);
    this.onDutyOverTime.set(time, this.onDuty);
  }

  take(time: number): void {
    this.busy++;
    this.busyOverTime.set(time, this.busy);
  }

  release(time: number): void {
    this.busy--;
    this.busyOverTime.set(time, this.busy);
  }
}
