// A bus route between two sectors: a daily timetable, buses of fixed seats, an optional fleet.
// Rules: groups board whole, in queue order, never past the seats nor past the destination's free
// holding (reserved on boarding); with fill-behind a smaller group behind may take a seat a larger
// one ahead cannot. An empty bus stays; with a fleet, a bus that left is away until it is back.
// Dated values (running or not, departures, buses, seats, fleet size) hold from the day's midnight:
// seats are offered only on days the route runs; a smaller fleet retires buses as they come back.
// On a day it does not run, the groups waiting for it are handed back to be routed afresh.

import { sampler, type Sampler } from '../../random/index.js';
import type { BusRoute as BusRouteSpec } from '../../scenario/schema.js';
import { clockHours } from '../../scenario/calendar-dates.js';
import { routeOn } from '../../scenario/timeline.js';
import { unwired, type Block, type Next } from '../block.js';
import type { ModelContext } from '../context.js';
import { STREAMS } from '../fates.js';
import { GroupFifo, type ScanVerdict } from '../fifo.js';
import { InvariantError } from '../invariants.js';
import type { DailyRow } from '../results.js';
import type { StageObserver } from '../stage.js';
import type { Holding } from './holding.js';

export class BusRoute implements Block {
  readonly queue = new GroupFifo();
  /** Where a group goes on arriving at the destination; set by the network. */
  next: Next = unwired;
  /** Where a waiting group goes on a day the route does not run; set by the network. */
  reroute: Next = unwired;
  /** Today's timetable, buses and seats (the spec's, or a dated period's). */
  departures: number[];
  busesPerDeparture: number;
  seatsPerBus: number;
  running: boolean;
  fleet: number | null;
  available: number;
  private readonly travel: Sampler;
  private readonly back: Sampler;
  /** Groups on the bus being filled: reused, so a departure allocates nothing. */
  private readonly boarding: number[] = [];
  /** The departures as written that `departures` was made from. */
  private timetableOf: readonly string[];
  private seatsLeft = 0;
  private aboard = 0;

  constructor(
    private readonly ctx: ModelContext,
    readonly stage: StageObserver,
    private readonly spec: BusRouteSpec,
    readonly origin: Holding,
    readonly destination: Holding,
  ) {
    const id = stage.id;
    this.timetableOf = spec.departures;
    this.departures = timetable(spec.departures);
    this.busesPerDeparture = spec.busesPerDeparture;
    this.seatsPerBus = spec.seatsPerBus;
    this.running = spec.active;
    this.travel = sampler(spec.travelHours, ctx.stream(STREAMS.busTravel(id)));
    this.back = sampler(spec.fleet?.returnHours ? spec.fleet.returnHours : spec.travelHours, ctx.stream(STREAMS.busReturn(id)));
    this.fleet = spec.fleet ? spec.fleet.buses : null;
    this.available = this.fleet ?? Number.POSITIVE_INFINITY;
  }

  /** A group enrolled at the origin joins the queue for the next bus. */
  enqueue(slot: number): void {
    const now = this.ctx.calendar.now;
    this.ctx.groups.queuedAt[slot] = now;
    this.queue.push(slot);
    this.stage.enterQueue(now, this.ctx.groups.size[slot]);
  }

  openDay(day: number, now: number): void {
    if (this.spec.periods) this.readToday(this.ctx.dateOf(day));
    if (!this.running) {
      this.handBack(now);
      return;
    }
    const departures = this.departures;
    for (let i = 0; i < departures.length; i++) this.ctx.calendar.schedule(now + departures[i], this.onDeparture, 0);
  }

  closeDay(_now: number, row: DailyRow): void {
    row.busLoadFactor = row.counts.seats_offered ? row.counts.boarded! / row.counts.seats_offered : null;
  }

  restart(): void {}

  /** Everyone waiting, in queue order; a group routed here again waits on (once per day). */
  private handBack(now: number): void {
    const g = this.ctx.groups;
    for (let n = this.queue.length; n > 0; n--) {
      const slot = this.queue.shift();
      this.stage.leaveQueue(now, g.size[slot], g.queuedAt[slot]);
      this.reroute(slot);
    }
  }

  private readToday(date: string): void {
    const today = routeOn(this.spec, date);
    this.running = today.active;
    if (today.departures !== this.timetableOf) {
      this.timetableOf = today.departures;
      this.departures = timetable(today.departures);
    }
    this.busesPerDeparture = today.busesPerDeparture;
    this.seatsPerBus = today.seatsPerBus;
    if (this.fleet !== null && today.fleetBuses !== null) {
      // Buses added are available at once; buses taken away leave as they come back (available < 0).
      this.available += today.fleetBuses - this.fleet;
      this.fleet = today.fleetBuses;
    }
  }

  private readonly onDeparture = (): void => {
    const now = this.ctx.calendar.now;
    const seats = this.seatsPerBus;
    const buses = Math.max(0, Math.min(this.busesPerDeparture, this.available));
    this.stage.daily.seats_offered += buses * seats;
    for (let bus = 0; bus < buses; bus++) {
      this.seatsLeft = seats;
      this.aboard = 0;
      this.boarding.length = 0;
      this.queue.scan(this.board);
      if (this.aboard > seats) throw new InvariantError(`bus on ${this.stage.id} carries ${this.aboard} people in ${seats} seats`);
      this.stage.daily.boarded += this.aboard;
      // An empty bus does not travel: nobody was waiting, or the destination has no room. Its travel
      // time is not drawn either, so variants where different buses leave keep the same draws for the rest.
      if (this.aboard === 0) break;
      const arriveAt = now + this.travel();
      const boarding = this.boarding;
      for (let i = 0; i < boarding.length; i++) this.ctx.calendar.schedule(arriveAt, this.onBusArrival, boarding[i]);
      this.stage.daily.departures += 1;
      if (this.fleet !== null) {
        this.available--;
        this.ctx.calendar.schedule(arriveAt + this.back(), this.onBusBack, 0);
      }
    }
  };

  /** One group in queue order: aboard if it fits the seats left and the destination's free holding. */
  private readonly board = (slot: number): ScanVerdict => {
    const g = this.ctx.groups;
    const size = g.size[slot];
    if (size > this.seatsLeft || size > this.destination.free) return this.spec.fillBehind ? 'skip' : 'stop';
    const now = this.ctx.calendar.now;
    this.seatsLeft -= size;
    this.aboard += size;
    this.stage.leaveQueue(now, size, g.queuedAt[slot]);
    this.origin.vacate(size);
    this.destination.reserve(size);
    g.boarded[slot] = now;
    this.boarding.push(slot);
    return this.seatsLeft === 0 ? 'take-last' : 'take';
  };

  private readonly onBusBack = (): void => {
    this.available++;
  };

  private readonly onBusArrival = (slot: number): void => {
    const g = this.ctx.groups;
    g.busArrived[slot] = this.ctx.calendar.now;
    g.site[slot] = this.destination.index;
    this.destination.receive(g.size[slot]);
    this.next(slot);
  };
}

/** Departure hours in order (validation keeps them before 24:00). */
function timetable(departures: readonly string[]): number[] {
  return departures.map(clockHours).sort((a, b) => a - b);
}
