// Holding at a sector: capacity, the people held and the seats reserved for buses on their way here.
// Rules: a group arriving to a site without room for all of it is released at once (never split);
// no admission or reservation takes occupied + reserved past today's capacity. When the capacity
// falls on a date, nobody already held or on a bus is put out: admissions stop until there is room.
// A shared resource: bus routes reserve and fill it.

import type { Sector } from '../../scenario/schema.js';
import { holdingCapacityOn } from '../../scenario/timeline.js';
import { TimeWeighted } from '../../stats/time-weighted.js';
import { unwired, type Block, type Leave, type Next } from '../block.js';
import type { ModelContext } from '../context.js';
import { InvariantError } from '../invariants.js';
import type { DailyRow } from '../results.js';
import type { StageObserver } from '../stage.js';

export class Holding implements Block {
  occupied = 0;
  /** People on buses bound here: their places are kept from the moment they board. */
  reserved = 0;
  readonly occupancy = new TimeWeighted();
  /** Where an admitted group goes (processing); set by the network. */
  next: Next = unwired;
  leave: Leave = unwired;

  constructor(
    private readonly ctx: ModelContext,
    readonly id: string,
    readonly index: number,
    /** Today's capacity: the scenario's, or a dated period's. */
    public capacity: number,
    readonly stage: StageObserver,
    /** The sector, when its capacity changes by date. */
    private readonly dated: Sector | null = null,
  ) {}

  /** People who could still be admitted or reserved. */
  get free(): number {
    return Math.max(0, this.capacity - this.occupied - this.reserved);
  }

  /** A group apprehended here: held if there is room for all of it, released otherwise. */
  admit(slot: number): void {
    const size = this.ctx.groups.size[slot];
    if (this.occupied + this.reserved + size > this.capacity) {
      this.stage.daily.released += size;
      this.leave(slot, 'released');
      return;
    }
    this.occupy(size);
    this.next(slot);
  }

  /** People admitted: never past today's capacity. */
  occupy(people: number): void {
    this.occupied += people;
    this.checkCapacity();
    this.occupancy.set(this.ctx.calendar.now, this.occupied);
  }

  /** A bus bound here has arrived: its reserved places become occupied ones. */
  receive(size: number): void {
    this.reserved -= size;
    this.occupied += size;
    this.occupancy.set(this.ctx.calendar.now, this.occupied);
    this.stage.daily.bus_arrivals += size;
  }

  reserve(size: number): void {
    this.reserved += size;
    this.checkCapacity();
  }

  private checkCapacity(): void {
    if (this.occupied + this.reserved > this.capacity) {
      throw new InvariantError(`site ${this.id} holds ${this.occupied} people (+${this.reserved} reserved) over its capacity of ${this.capacity}`);
    }
  }

  vacate(people: number): void {
    this.occupied -= people;
    this.occupancy.set(this.ctx.calendar.now, this.occupied);
  }

  openDay(day: number): void {
    if (this.dated) this.capacity = holdingCapacityOn(this.dated, this.ctx.dateOf(day));
  }

  closeDay(now: number, row: DailyRow): void {
    const occupancy = this.occupancy.closePeriod(now);
    row.occupancyEnd = occupancy.end;
    row.occupancyMean = occupancy.mean;
    row.occupancyMax = occupancy.max;
  }

  restart(now: number): void {
    this.occupancy.restartTotal(now);
  }
}
