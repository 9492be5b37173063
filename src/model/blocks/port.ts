// A port of entry returning people to Mexico: open hours, closed weekdays and dates, a daily cap.
// Rules: FIFO by group, never splitting one; a group larger than what is left of today's cap waits
// for tomorrow, and so does everyone behind it; the people returned in a day never exceed its cap.
// Dated values (active or not, cap, hours) hold for the whole day: an inactive port returns nobody.

import { clockHours } from '../../scenario/calendar-dates.js';
import type { Port as PortSpec } from '../../scenario/schema.js';
import { portOn } from '../../scenario/timeline.js';
import { unwired, type Block, type Leave } from '../block.js';
import { HOURS_PER_DAY, type ModelContext } from '../context.js';
import { GroupFifo } from '../fifo.js';
import { InvariantError } from '../invariants.js';
import type { StageObserver } from '../stage.js';

export class Port implements Block {
  readonly queue = new GroupFifo();
  /** How returned groups leave the model; set by the network. */
  leave: Leave = unwired;
  isOpen = false;
  capToday = 0;
  returnedToday = 0;

  constructor(
    private readonly ctx: ModelContext,
    readonly stage: StageObserver,
    private readonly spec: PortSpec,
  ) {}

  /** A group to be returned joins the queue, and leaves at once if the port is open with room. */
  enqueue(slot: number): void {
    const now = this.ctx.calendar.now;
    this.ctx.groups.queuedAt[slot] = now;
    this.queue.push(slot);
    this.stage.enterQueue(now, this.ctx.groups.size[slot]);
    this.returnQueued();
  }

  openDay(day: number, now: number): void {
    const today = portOn(this.spec, this.ctx.dateOf(day), this.ctx.weekdayOf(day));
    this.returnedToday = 0;
    this.capToday = today.dailyCap;
    this.stage.daily.cap += this.capToday;
    this.isOpen = false;
    if (today.dailyCap === 0) return;
    const open = this.hoursOf(today.open);
    const close = this.hoursOf(today.close);
    if (open === 0) this.onOpen();
    else this.ctx.calendar.schedule(now + open, this.onOpen, 0);
    if (close < HOURS_PER_DAY) this.ctx.calendar.schedule(now + close, this.onClose, 0);
  }

  closeDay(): void {}

  /** Clock times parsed once each: the hours are the same string day after day. */
  private readonly parsedHours = new Map<string, number>();

  private hoursOf(clock: string): number {
    let hours = this.parsedHours.get(clock);
    if (hours === undefined) {
      hours = clockHours(clock);
      this.parsedHours.set(clock, hours);
    }
    return hours;
  }

  restart(): void {}

  private returnQueued(): void {
    if (!this.isOpen) return;
    const g = this.ctx.groups;
    const now = this.ctx.calendar.now;
    while (this.queue.length > 0) {
      const slot = this.queue.peek();
      const size = g.size[slot];
      if (this.returnedToday + size > this.capToday) break;
      this.queue.shift();
      this.returnedToday += size;
      this.stage.leaveQueue(now, size, g.queuedAt[slot]);
      this.stage.daily.returned += size;
      this.leave(slot, 'returned');
    }
    if (this.returnedToday > this.capToday) throw new InvariantError(`port ${this.stage.id} returned ${this.returnedToday} people today, over its cap of ${this.capToday}`);
  }

  private readonly onOpen = (): void => {
    this.isOpen = true;
    this.returnQueued();
  };

  private readonly onClose = (): void => {
    this.isOpen = false;
  };
}
