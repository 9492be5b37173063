// Transport between a court's port and the court, when the court sets `transport`. Rules: trips leave
// at fixed times each way with `seatsPerTrip` seats and one travel time drawn per trip; groups board
// whole, in the order they came, and the first that does not fit stops boarding for that trip; a trip
// with nobody waiting does not run. Who has no seat on the day's last trip to court misses the hearing
// (`missed`: returned to Mexico and booked again); who has no seat back waits for the next trip back.

import type { Sampler } from '../../random/index.js';
import { clockHours } from '../../scenario/calendar-dates.js';
import type { Court } from '../../scenario/schema.js';
import { unwired, type Block, type Next } from '../block.js';
import type { ModelContext } from '../context.js';
import { GroupFifo } from '../fifo.js';
import { InvariantError } from '../invariants.js';
import type { DailyRow, OptionalDailyCount } from '../results.js';
import type { StageObserver } from '../stage.js';

type TransportSpec = NonNullable<Court['transport']>;
type Figure = Extract<OptionalDailyCount, 'trips_to_court' | 'rode_to_court' | 'missed_no_seat' | 'trips_to_port' | 'rode_to_port'>;
const FIGURES: readonly Figure[] = ['trips_to_court', 'rode_to_court', 'missed_no_seat', 'trips_to_port', 'rode_to_port'];
const TO_COURT = 0;
const TO_PORT = 1;
const LAST_TO_COURT = 2;

export class CourtTransport implements Block {
  /** Groups taken in at the port waiting for a trip to court, and reset groups waiting at court for one back. */
  readonly atPort = new GroupFifo();
  readonly atCourt = new GroupFifo();
  /** Arrived at court; arrived back at the port; left without a seat to court today. */
  arrivedAtCourt: Next = unwired;
  arrivedAtPort: Next = unwired;
  missed: Next = unwired;
  /** The counts after warm-up, for the summary. */
  readonly total: Record<Figure, number> = zero();
  private readonly today: Record<Figure, number> = zero();
  private readonly toCourtHours: number[];
  private readonly toPortHours: number[];
  /** True from the day's last trip to court until midnight: whoever comes now has missed it. */
  private lastTripGone = false;

  constructor(
    private readonly ctx: ModelContext,
    /** The court's stage: transport writes into the court's daily row. */
    readonly stage: StageObserver,
    private readonly spec: TransportSpec,
    /** The court's travel time, drawn once per trip. */
    private readonly travel: Sampler,
  ) {
    this.toCourtHours = [...spec.toCourt].map(clockHours).sort((a, b) => a - b);
    this.toPortHours = [...spec.toPort].map(clockHours).sort((a, b) => a - b);
  }

  get seatsPerTrip(): number {
    return this.spec.seatsPerTrip;
  }

  /** A group crossed in waits at the port for the next trip to court with room. */
  toCourt(slot: number): void {
    if (this.lastTripGone) this.miss(slot);
    else this.atPort.push(slot);
  }

  /** A reset group waits at court for the next trip back with room. */
  toPort(slot: number): void {
    this.atCourt.push(slot);
  }

  openDay(_day: number, now: number): void {
    this.lastTripGone = false;
    const last = this.toCourtHours.length - 1;
    this.toCourtHours.forEach((h, i) => this.ctx.calendar.schedule(now + h, this.onDeparture, i === last ? LAST_TO_COURT : TO_COURT));
    for (const h of this.toPortHours) this.ctx.calendar.schedule(now + h, this.onDeparture, TO_PORT);
  }

  closeDay(_now: number, row: DailyRow): void {
    row.optional = { ...row.optional };
    for (const figure of FIGURES) {
      row.optional[figure] = this.today[figure];
      if (this.ctx.counting) this.total[figure] += this.today[figure];
      this.today[figure] = 0;
    }
  }

  restart(): void {}

  private readonly onDeparture = (trip: number): void => {
    const toCourt = trip !== TO_PORT;
    const line = toCourt ? this.atPort : this.atCourt;
    const g = this.ctx.groups;
    const aboard: number[] = [];
    let seated = 0;
    while (line.length > 0 && seated + g.size[line.peek()] <= this.spec.seatsPerTrip) {
      const slot = line.shift();
      seated += g.size[slot];
      aboard.push(slot);
    }
    if (seated > this.spec.seatsPerTrip) throw new InvariantError(`transport of ${this.stage.id} carried ${seated} people on a trip of ${this.spec.seatsPerTrip} seats`);
    if (aboard.length > 0) {
      this.today[toCourt ? 'trips_to_court' : 'trips_to_port']++;
      this.today[toCourt ? 'rode_to_court' : 'rode_to_port'] += seated;
      const at = this.ctx.calendar.now + this.travel();
      for (const slot of aboard) this.ctx.calendar.schedule(at, toCourt ? this.onAtCourt : this.onAtPort, slot);
    }
    if (trip !== LAST_TO_COURT) return;
    this.lastTripGone = true;
    while (this.atPort.length > 0) this.miss(this.atPort.shift());
  };

  private miss(slot: number): void {
    this.today.missed_no_seat += this.ctx.groups.size[slot];
    this.missed(slot);
  }

  private readonly onAtCourt = (slot: number): void => this.arrivedAtCourt(slot);
  private readonly onAtPort = (slot: number): void => this.arrivedAtPort(slot);
}

function zero(): Record<Figure, number> {
  return { trips_to_court: 0, rode_to_court: 0, missed_no_seat: 0, trips_to_port: 0, rode_to_port: 0 };
}
