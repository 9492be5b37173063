// A staffed FIFO: groups wait in arrival order for one of a pool of servers on daily shifts, and
// each is served in one piece for the time drawn at its creation. A server going off shift finishes
// the group in hand. With no staff at all, a group passes straight through. Dated staffing takes
// effect at the midnight that starts its first day. Processing and screening.

import type { Staffing } from '../../scenario/schema.js';
import { unwired, type Block, type Next } from '../block.js';
import type { ModelContext } from '../context.js';
import { GroupFifo } from '../fifo.js';
import type { DailyRow } from '../results.js';
import type { StageObserver } from '../stage.js';
import { ServerPool, changeHours, shiftsOf } from '../staff.js';

/** Which service time of the group table this service uses, and which time and count it stamps. */
export interface ServiceKind {
  hours: 'processingHours' | 'interviewHours';
  served: 'processed' | 'interviewed';
}

export const PROCESSING: ServiceKind = { hours: 'processingHours', served: 'processed' };
export const SCREENING: ServiceKind = { hours: 'interviewHours', served: 'interviewed' };

export class Service implements Block {
  readonly pool: ServerPool | null;
  readonly queue = new GroupFifo();
  next: Next = unwired;

  constructor(
    private readonly ctx: ModelContext,
    readonly stage: StageObserver,
    kind: ServiceKind,
    staffing: Staffing | null,
    /** Today's staffing, when it changes by date. */
    private readonly staffingOn: ((date: string) => Staffing) | null = null,
  ) {
    this.pool = staffing === null ? null : new ServerPool(shiftsOf(staffing));
    this.changes = this.pool ? changeHours(this.pool.shifts) : [];
    this.staffingToday = staffing;
    this.screens = kind.served === 'interviewed';
  }

  /** Whether this service stamps interviews (screening) rather than processing. */
  private readonly screens: boolean;

  private staffingToday: Staffing | null;
  /** The hours at which today's shifts change the number on duty: worked out when the staffing changes, not each day. */
  private changes: readonly number[];

  accept(slot: number): void {
    if (!this.pool) {
      this.finish(slot);
      return;
    }
    const now = this.ctx.calendar.now;
    this.ctx.groups.queuedAt[slot] = now;
    this.queue.push(slot);
    this.stage.enterQueue(now, this.ctx.groups.size[slot]);
    this.start();
  }

  openDay(day: number, now: number): void {
    const pool = this.pool;
    if (!pool) return;
    if (this.staffingOn) {
      const staffing = this.staffingOn(this.ctx.dateOf(day));
      if (staffing !== this.staffingToday) {
        pool.shifts = shiftsOf(staffing);
        this.changes = changeHours(pool.shifts);
      }
      this.staffingToday = staffing;
    }
    pool.setOnDuty(now, 0);
    this.onShiftChange(0);
    // The clock hour travels with the event: recomputing it as now % 24 lands an ulp short of 08:20.
    const changes = this.changes;
    for (let i = 0; i < changes.length; i++) this.ctx.calendar.schedule(now + changes[i], this.onShiftChange, changes[i]);
  }

  closeDay(now: number, row: DailyRow): void {
    row.utilization = this.pool ? utilization(this.pool, now) : null;
  }

  restart(now: number): void {
    this.pool?.busyOverTime.restartTotal(now);
    this.pool?.onDutyOverTime.restartTotal(now);
  }

  private start(): void {
    const pool = this.pool as ServerPool;
    const g = this.ctx.groups;
    const calendar = this.ctx.calendar;
    // A branch, not g[this.kind.hours]: a keyed load whose key varies between the services is megamorphic.
    const hours = this.screens ? g.interviewHours : g.processingHours;
    while (pool.free && this.queue.length > 0) {
      const slot = this.queue.shift();
      const now = calendar.now;
      this.stage.leaveQueue(now, g.size[slot], g.queuedAt[slot]);
      pool.take(now);
      calendar.schedule(now + hours[slot], this.onServed, slot);
    }
  }

  private finish(slot: number): void {
    const g = this.ctx.groups;
    const now = this.ctx.calendar.now;
    if (this.screens) {
      g.interviewed[slot] = now;
      this.stage.daily.interviewed += g.size[slot];
    } else {
      g.processed[slot] = now;
      this.stage.daily.processed += g.size[slot];
    }
    this.next(slot);
  }

  private readonly onShiftChange = (hour: number): void => {
    (this.pool as ServerPool).setOnDuty(this.ctx.calendar.now, hour);
    this.start();
  };

  private readonly onServed = (slot: number): void => {
    (this.pool as ServerPool).release(this.ctx.calendar.now);
    this.finish(slot);
    this.start();
  };
}

function utilization(pool: ServerPool, now: number): number | null {
  const busy = pool.busyOverTime.closePeriod(now).mean;
  const onDuty = pool.onDutyOverTime.closePeriod(now).mean;
  return onDuty > 0 ? busy / onDuty : null;
}
