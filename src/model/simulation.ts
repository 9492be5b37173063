// The border-return model of MODEL.md, one replication: arrivals, holding, processing, enrollment,
// buses, screening and ports, on an event calendar. Never touches files, the clock or Math.random.

import { createCalendar, type EngineName, type EventCalendar } from '../engine/index.js';
import { RandomStreams, categoricalIndex, countSampler, sampler, type Sampler, type Uniform01 } from '../random/index.js';
import { clockHours, dateOfDay, weekdayOfDay } from '../scenario/calendar-dates.js';
import { inPeriod, peoplePerDayOn } from '../scenario/dated.js';
import type { Arrivals, GroupSize, Scenario } from '../scenario/schema.js';
// Direct module imports keep worker threads from loading what a replication never uses.
import { QuantileSketch } from '../stats/quantile-sketch.js';
import { TimeWeighted } from '../stats/time-weighted.js';
import { ENROLLED, FEAR, GroupTable, POSITIVE } from './groups.js';
import { GroupFifo } from './fifo.js';
import { InvariantError, checkConservation } from './invariants.js';
import type { DailyRow, Exit, PersonSink, ReplicationResult } from './results.js';
import { StageObserver } from './stage.js';
import { ServerPool, changeHours, shiftsOf } from './staff.js';
import { collectMetrics } from './metrics.js';

const HOURS_PER_DAY = 24;

export interface SimulateOptions {
  replication?: number;
  engine?: EngineName;
  /** Receives one record per person as they leave (streamed; nothing is kept). */
  onPerson?: PersonSink;
}

interface CategoryPlan {
  index: number;
  id: string;
  eligible: boolean;
  meanSize: number;
  drawSize: () => number;
}

interface ArrivalStream {
  category: CategoryPlan;
  share: number;
  count: (mean: number) => number;
  time: Uniform01;
  carry: number;
}

export interface SectorState {
  index: number;
  id: string;
  capacity: number;
  occupied: number;
  reserved: number;
  stage: StageObserver;
  occupancy: TimeWeighted;
  queue: GroupFifo;
  agents: ServerPool | null;
  arrivals: Arrivals | undefined;
  streams: ArrivalStream[];
  hourOfArrival: (() => number) | null;
  surge: { happens: Uniform01; people: Sampler; time: Uniform01; category: CategoryPlan; withinHours: number; p: number } | null;
  processingHours: Sampler | null;
  enrollment: Uniform01;
  /** Today's enrolled fraction (by arrival date); updated at the start of each day. */
  enrolledToday: number;
  /** 1 for the categories this sector enrolls. */
  enrolls: Uint8Array;
  route: number;
  port: number;
  screening: number;
}

interface RouteState {
  index: number;
  id: string;
  from: number;
  to: number;
  departures: number[];
  busesPerDeparture: number;
  seatsPerBus: number;
  travel: Sampler;
  back: Sampler;
  fleet: number | null;
  available: number;
  fillBehind: boolean;
  queue: GroupFifo;
  stage: StageObserver;
}

interface ScreeningState {
  index: number;
  id: string;
  fearFraction: number;
  positiveRate: number;
  officers: ServerPool;
  queue: GroupFifo;
  stage: StageObserver;
  fear: Uniform01;
  outcome: Uniform01;
  interview: Sampler;
}

interface PortState {
  index: number;
  id: string;
  dailyCap: number;
  capPeriods: readonly { from: string; to: string; dailyCap: number }[] | undefined;
  open: number;
  close: number;
  closedWeekdays: ReadonlySet<string>;
  closedDates: ReadonlySet<string>;
  isOpen: boolean;
  capToday: number;
  returnedToday: number;
  queue: GroupFifo;
  stage: StageObserver;
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): ReplicationResult {
  return new BorderReturnModel(scenario, options).run();
}

export class BorderReturnModel {
  readonly calendar: EventCalendar;
  readonly groups = new GroupTable();
  readonly sectors: SectorState[];
  readonly routes: RouteState[];
  readonly screenings: ScreeningState[];
  readonly ports: PortState[];
  readonly categories: CategoryPlan[];
  readonly replication: number;
  /** All-time counts per sector of origin, for the conservation invariant (warm-up included). */
  readonly ledger: Record<Exit | 'arrivals', Float64Array>;
  /** Exits per sector of origin after warm-up (the ledger's counted share). */
  readonly exitsByOrigin: Record<Exit, Float64Array>;
  /** Time from arrival to each exit, per person, after warm-up. */
  readonly waits: Record<Exit, QuantileSketch>;
  private readonly daily: DailyRow[] = [];
  /** Groups boarding the bus being filled: reused, so a departure allocates nothing. */
  private readonly boarding: number[] = [];
  private readonly streams: RandomStreams;
  private nextGroupSerial = 0;
  private nextPerson = 0;
  private counting: boolean;
  private readonly onPerson: PersonSink | undefined;

  constructor(
    readonly scenario: Scenario,
    options: SimulateOptions,
  ) {
    this.replication = options.replication ?? 0;
    this.calendar = createCalendar(options.engine ?? 'heap');
    this.streams = new RandomStreams(scenario.seed, this.replication);
    this.onPerson = options.onPerson;
    this.counting = scenario.warmupDays === 0;
    this.categories = Object.entries(scenario.categories).map(([id, c], index) => ({
      index,
      id,
      eligible: c.mppEligible,
      meanSize: meanGroupSize(c.groupSize),
      drawSize: groupSizeSampler(c.groupSize, this.streams.stream(`group-size:${id}`)),
    }));
    const sectorIds = Object.keys(scenario.sectors);
    const routeIds = Object.keys(scenario.busRoutes);
    const screeningIds = Object.keys(scenario.screenings);
    const portIds = Object.keys(scenario.ports);
    this.sectors = sectorIds.map((id, index) => this.buildSector(id, index, routeIds, screeningIds, portIds));
    this.routes = routeIds.map((id, index) => this.buildRoute(id, index, sectorIds));
    this.screenings = screeningIds.map((id, index) => this.buildScreening(id, index));
    this.ports = portIds.map((id, index) => this.buildPort(id, index));
    this.ledger = {
      arrivals: new Float64Array(sectorIds.length),
      returned: new Float64Array(sectorIds.length),
      released: new Float64Array(sectorIds.length),
      screened_out: new Float64Array(sectorIds.length),
      other: new Float64Array(sectorIds.length),
    };
    this.exitsByOrigin = {
      returned: new Float64Array(sectorIds.length),
      released: new Float64Array(sectorIds.length),
      screened_out: new Float64Array(sectorIds.length),
      other: new Float64Array(sectorIds.length),
    };
    this.waits = { returned: new QuantileSketch(), released: new QuantileSketch(), screened_out: new QuantileSketch(), other: new QuantileSketch() };
    for (const stage of this.allStages()) stage.counting = this.counting;
  }

  run(): ReplicationResult {
    const { days } = this.scenario;
    // Day boundaries are scheduled before anything else so that, at equal times, a day is closed
    // before the next day's first events (a 00:00 departure, a port opening) are delivered.
    for (let day = 0; day <= days; day++) this.calendar.schedule(day * HOURS_PER_DAY, this.onDayBoundary, day);
    this.calendar.runUntil(days * HOURS_PER_DAY);
    const end = days * HOURS_PER_DAY;
    this.flushPeopleInCustody();
    const inCustody = this.inCustodyByOrigin();
    checkConservation(this.sectors.map((s) => s.id), this.ledger, inCustody, this.peopleAtSitesOrOnBuses());
    return {
      replication: this.replication,
      daily: this.daily,
      metrics: collectMetrics(this, end, inCustody),
      events: this.calendar.delivered,
    };
  }

  allStages(): StageObserver[] {
    return [
      ...this.sectors.map((s) => s.stage),
      ...this.routes.map((r) => r.stage),
      ...this.screenings.map((s) => s.stage),
      ...this.ports.map((p) => p.stage),
    ];
  }

  get countedDays(): number {
    return this.scenario.days - this.scenario.warmupDays;
  }

  // ---- building ----------------------------------------------------------------------------

  private buildSector(id: string, index: number, routeIds: string[], screeningIds: string[], portIds: string[]): SectorState {
    const spec = this.scenario.sectors[id];
    const s = this.streams;
    const arrivals = spec.arrivals;
    const streams: ArrivalStream[] = [];
    let hourOfArrival: (() => number) | null = null;
    let surge: SectorState['surge'] = null;
    if (arrivals) {
      const totalShare = Object.values(arrivals.mix).reduce((a, b) => a + b, 0);
      for (const [categoryId, share] of Object.entries(arrivals.mix)) {
        if (share <= 0) continue;
        const category = this.categories.find((c) => c.id === categoryId) as CategoryPlan;
        const countSource = s.stream(`arrivals:${id}:${categoryId}:count`);
        const count =
          arrivals.count === 'deterministic'
            ? (mean: number) => mean
            : countSampler(countSource, arrivals.count === 'negative-binomial' ? arrivals.dispersion : undefined);
        streams.push({ category, share: share / totalShare, count, time: s.stream(`arrivals:${id}:${categoryId}:time`), carry: 0 });
      }
      if (arrivals.hourlyProfile) {
        const hour = categoricalIndex(arrivals.hourlyProfile, s.stream(`arrivals:${id}:hour`));
        hourOfArrival = hour;
      }
      if (arrivals.surge) {
        const surgeSpec = arrivals.surge;
        surge = {
          happens: s.stream(`surge:${id}:day`),
          people: sampler(surgeSpec.people, s.stream(`surge:${id}:people`)),
          time: s.stream(`surge:${id}:time`),
          category: this.categories.find((c) => c.id === surgeSpec.category) as CategoryPlan,
          withinHours: surgeSpec.withinHours,
          p: surgeSpec.probabilityPerDay,
        };
      }
    }
    return {
      index,
      id,
      capacity: spec.holdingCapacity,
      occupied: 0,
      reserved: 0,
      stage: new StageObserver('sector', id),
      occupancy: new TimeWeighted(),
      queue: new GroupFifo(),
      agents: spec.processing ? new ServerPool(shiftsOf(spec.processing.agents)) : null,
      arrivals,
      streams,
      hourOfArrival,
      surge,
      processingHours: spec.processing ? sampler(spec.processing.hoursPerGroup, s.stream(`processing:${id}`)) : null,
      enrollment: s.stream(`enrollment:${id}`),
      enrolledToday: 0,
      enrolls: Uint8Array.from(this.categories, (c) => (c.eligible && (!spec.mpp?.categories || spec.mpp.categories.includes(c.id)) ? 1 : 0)),
      route: spec.mpp?.bus ? routeIds.indexOf(spec.mpp.bus) : -1,
      port: spec.port ? portIds.indexOf(spec.port) : -1,
      screening: spec.screening ? screeningIds.indexOf(spec.screening) : -1,
    };
  }

  private buildRoute(id: string, index: number, sectorIds: string[]): RouteState {
    const spec = this.scenario.busRoutes[id];
    const travel = sampler(spec.travelHours, this.streams.stream(`bus:${id}:travel`));
    return {
      index,
      id,
      from: sectorIds.indexOf(spec.from),
      to: sectorIds.indexOf(spec.to),
      departures: spec.departures.map(clockHours).filter((h) => h < HOURS_PER_DAY).sort((a, b) => a - b),
      busesPerDeparture: spec.busesPerDeparture,
      seatsPerBus: spec.seatsPerBus,
      travel,
      back: spec.fleet?.returnHours ? sampler(spec.fleet.returnHours, this.streams.stream(`bus:${id}:return`)) : sampler(spec.travelHours, this.streams.stream(`bus:${id}:return`)),
      fleet: spec.fleet ? spec.fleet.buses : null,
      available: spec.fleet ? spec.fleet.buses : Number.POSITIVE_INFINITY,
      fillBehind: spec.fillBehind,
      queue: new GroupFifo(),
      stage: new StageObserver('bus-route', id),
    };
  }

  private buildScreening(id: string, index: number): ScreeningState {
    const spec = this.scenario.screenings[id];
    return {
      index,
      id,
      fearFraction: spec.fearFraction,
      positiveRate: spec.positiveRate,
      officers: new ServerPool(shiftsOf(spec.officers)),
      queue: new GroupFifo(),
      stage: new StageObserver('screening', id),
      fear: this.streams.stream(`screening:${id}:fear`),
      outcome: this.streams.stream(`screening:${id}:outcome`),
      interview: sampler(spec.interviewMinutes, this.streams.stream(`screening:${id}:interview`)),
    };
  }

  private buildPort(id: string, index: number): PortState {
    const spec = this.scenario.ports[id];
    return {
      index,
      id,
      dailyCap: spec.dailyCap,
      capPeriods: spec.capPeriods,
      open: clockHours(spec.hours.open),
      close: clockHours(spec.hours.close),
      closedWeekdays: new Set(spec.closedWeekdays),
      closedDates: new Set(spec.closedDates),
      isOpen: false,
      capToday: 0,
      returnedToday: 0,
      queue: new GroupFifo(),
      stage: new StageObserver('port', id),
    };
  }

  // ---- days --------------------------------------------------------------------------------

  private readonly onDayBoundary = (day: number): void => {
    const now = this.calendar.now;
    if (day > 0) this.closeDay(day - 1, now);
    if (day === this.scenario.warmupDays && day > 0) this.endWarmup(now);
    if (day === this.scenario.days) return;
    this.openDay(day, now);
  };

  private openDay(day: number, now: number): void {
    const date = this.calendarDay(day);
    for (const sector of this.sectors) {
      const mpp = this.scenario.sectors[sector.id].mpp;
      sector.enrolledToday = mpp ? inPeriod(mpp.periods, date)?.enrolledFraction ?? mpp.enrolledFraction : 0;
      if (sector.agents) this.scheduleShifts(sector.agents, now, this.onAgentsChange, sector.index);
      this.generateArrivals(sector, day, now);
    }
    for (const screening of this.screenings) this.scheduleShifts(screening.officers, now, this.onOfficersChange, screening.index);
    for (const route of this.routes) {
      for (const hour of route.departures) this.calendar.schedule(now + hour, this.onDeparture, route.index);
    }
    const weekday = weekdayOfDay(this.scenario.start, day);
    for (const port of this.ports) {
      const closed = port.closedDates.has(date) || port.closedWeekdays.has(weekday);
      port.returnedToday = 0;
      port.capToday = closed ? 0 : inPeriod(port.capPeriods, date)?.dailyCap ?? port.dailyCap;
      port.stage.daily.cap += port.capToday;
      port.isOpen = false;
      if (closed) continue;
      if (port.open === 0) this.onPortOpen(port.index);
      else this.calendar.schedule(now + port.open, this.onPortOpen, port.index);
      if (port.close < HOURS_PER_DAY) this.calendar.schedule(now + port.close, this.onPortClose, port.index);
    }
  }

  private scheduleShifts(pool: ServerPool, now: number, handler: (index: number) => void, index: number): void {
    pool.setOnDuty(now, 0);
    handler(index);
    for (const hour of changeHours(pool.shifts)) this.calendar.schedule(now + hour, handler, index);
  }

  private readonly onAgentsChange = (index: number): void => {
    const sector = this.sectors[index];
    const pool = sector.agents as ServerPool;
    pool.setOnDuty(this.calendar.now, this.calendar.now % HOURS_PER_DAY);
    this.startProcessing(sector);
  };

  private readonly onOfficersChange = (index: number): void => {
    const screening = this.screenings[index];
    screening.officers.setOnDuty(this.calendar.now, this.calendar.now % HOURS_PER_DAY);
    this.startInterviews(screening);
  };

  private closeDay(day: number, now: number): void {
    const keep = day >= this.scenario.warmupDays;
    const date = dateOfDay(this.scenario.start, day);
    const row = (kind: DailyRow['kind'], stage: StageObserver): DailyRow => {
      const counts = stage.closeDay(keep);
      const queue = stage.queue.closePeriod(now);
      return {
        replication: this.replication,
        day,
        date,
        kind,
        id: stage.id,
        counts,
        queueEnd: queue.end,
        queueMean: queue.mean,
        queueMax: queue.max,
        occupancyEnd: null,
        occupancyMean: null,
        occupancyMax: null,
        utilization: null,
        busLoadFactor: null,
      };
    };
    const rows: DailyRow[] = [];
    for (const sector of this.sectors) {
      const r = row('sector', sector.stage);
      const occupancy = sector.occupancy.closePeriod(now);
      r.occupancyEnd = occupancy.end;
      r.occupancyMean = occupancy.mean;
      r.occupancyMax = occupancy.max;
      r.utilization = sector.agents ? utilization(sector.agents, now) : null;
      rows.push(r);
    }
    for (const route of this.routes) {
      const r = row('bus-route', route.stage);
      r.busLoadFactor = r.counts.seats_offered ? r.counts.boarded! / r.counts.seats_offered : null;
      rows.push(r);
    }
    for (const screening of this.screenings) {
      const r = row('screening', screening.stage);
      r.utilization = utilization(screening.officers, now);
      rows.push(r);
    }
    for (const port of this.ports) rows.push(row('port', port.stage));
    if (keep) this.daily.push(...rows.map(blankIrrelevant));
  }

  private endWarmup(now: number): void {
    this.counting = true;
    for (const stage of this.allStages()) {
      stage.counting = true;
      stage.restart(now);
    }
    for (const sector of this.sectors) {
      sector.occupancy.restartTotal(now);
      sector.agents?.busyOverTime.restartTotal(now);
      sector.agents?.onDutyOverTime.restartTotal(now);
    }
    for (const screening of this.screenings) {
      screening.officers.busyOverTime.restartTotal(now);
      screening.officers.onDutyOverTime.restartTotal(now);
    }
  }

  // ---- arrivals ----------------------------------------------------------------------------

  peoplePerDay(arrivals: Arrivals, day: number): number {
    return peoplePerDayOn(arrivals, this.calendarDay(day)) ?? 0;
  }

  private dayCache = { day: -1, date: '' };

  /** The ISO date of a day, computed once a day rather than once per sector. */
  private calendarDay(day: number): string {
    const cache = this.dayCache;
    if (cache.day !== day) {
      cache.day = day;
      cache.date = dateOfDay(this.scenario.start, day);
    }
    return cache.date;
  }

  private generateArrivals(sector: SectorState, day: number, dayStart: number): void {
    if (!sector.arrivals) return;
    const people = this.peoplePerDay(sector.arrivals, day);
    for (const stream of sector.streams) {
      const mean = (people * stream.share) / stream.category.meanSize;
      let groups: number;
      if (sector.arrivals.count === 'deterministic') {
        // Whole groups each day; the fraction carries over so the long-run mean is exact.
        stream.carry += mean;
        groups = Math.floor(stream.carry + 1e-9);
        stream.carry -= groups;
      } else {
        groups = stream.count(mean);
      }
      for (let i = 0; i < groups; i++) {
        const hour = sector.hourOfArrival ? sector.hourOfArrival() + stream.time() : HOURS_PER_DAY * stream.time();
        this.createGroup(sector, stream.category, dayStart + hour);
      }
    }
    const surge = sector.surge;
    if (surge && surge.happens() < surge.p) {
      const people = Math.round(surge.people());
      const start = dayStart + HOURS_PER_DAY * surge.time();
      for (let total = 0, k = 0; total < people; k++) {
        const slot = this.createGroup(sector, surge.category, start + (surge.withinHours * k) / Math.max(1, people));
        total += this.groups.size[slot];
      }
    }
  }

  /** Draws everything about a group when it is created, in a fixed order, so that variants of a scenario see the same people. */
  private createGroup(sector: SectorState, category: CategoryPlan, at: number): number {
    const g = this.groups;
    const slot = g.allocate();
    g.serial[slot] = this.nextGroupSerial++;
    g.size[slot] = category.drawSize();
    g.category[slot] = category.index;
    g.origin[slot] = sector.index;
    g.site[slot] = sector.index;
    g.processingHours[slot] = sector.processingHours ? sector.processingHours() : 0;
    let fate = 0;
    const enrolledDraw = sector.enrollment();
    if (sector.enrolls[category.index] && enrolledDraw < sector.enrolledToday) fate |= ENROLLED;
    const screeningIndex = this.screeningFor(sector);
    if (screeningIndex >= 0) {
      const screening = this.screenings[screeningIndex];
      if (screening.fear() < screening.fearFraction) fate |= FEAR;
      if (screening.outcome() < screening.positiveRate) fate |= POSITIVE;
      g.interviewHours[slot] = screening.interview() / 60;
    } else {
      g.interviewHours[slot] = 0;
    }
    g.fate[slot] = fate;
    this.calendar.schedule(at, this.onArrival, slot);
    return slot;
  }

  /** The screening an enrollee of this sector will meet: at the bus destination, or here. */
  private screeningFor(sector: SectorState): number {
    if (sector.route >= 0) return this.sectors[this.routes[sector.route].to].screening;
    return sector.screening;
  }

  private readonly onArrival = (slot: number): void => {
    const g = this.groups;
    const now = this.calendar.now;
    const sector = this.sectors[g.origin[slot]];
    const size = g.size[slot];
    g.arrived[slot] = now;
    g.firstPerson[slot] = this.nextPerson;
    this.nextPerson += size;
    this.ledger.arrivals[sector.index] += size;
    sector.stage.daily.arrivals += size;
    if (sector.occupied + sector.reserved + size > sector.capacity) {
      sector.stage.daily.released += size;
      this.exit(slot, 'released');
      return;
    }
    this.occupy(sector, size);
    if (!sector.agents) {
      this.afterProcessing(slot);
      return;
    }
    g.queuedAt[slot] = now;
    sector.queue.push(slot);
    sector.stage.enterQueue(now, size);
    this.startProcessing(sector);
  };

  // ---- processing --------------------------------------------------------------------------

  private startProcessing(sector: SectorState): void {
    const agents = sector.agents as ServerPool;
    const g = this.groups;
    while (agents.free && sector.queue.length > 0) {
      const slot = sector.queue.shift();
      const now = this.calendar.now;
      sector.stage.leaveQueue(now, g.size[slot], g.queuedAt[slot]);
      agents.take(now);
      this.calendar.schedule(now + g.processingHours[slot], this.onProcessed, slot);
    }
  }

  private readonly onProcessed = (slot: number): void => {
    const sector = this.sectors[this.groups.site[slot]];
    (sector.agents as ServerPool).release(this.calendar.now);
    this.afterProcessing(slot);
    this.startProcessing(sector);
  };

  private afterProcessing(slot: number): void {
    const g = this.groups;
    const now = this.calendar.now;
    const sector = this.sectors[g.site[slot]];
    const size = g.size[slot];
    g.processed[slot] = now;
    sector.stage.daily.processed += size;
    if (!(g.fate[slot] & ENROLLED)) {
      sector.stage.daily.other += size;
      this.exit(slot, 'other');
      return;
    }
    sector.stage.daily.enrolled += size;
    if (sector.route >= 0) {
      const route = this.routes[sector.route];
      g.queuedAt[slot] = now;
      route.queue.push(slot);
      route.stage.enterQueue(now, size);
    } else {
      this.toReturn(slot, sector);
    }
  }

  // ---- buses -------------------------------------------------------------------------------

  private readonly onDeparture = (index: number): void => {
    const route = this.routes[index];
    const now = this.calendar.now;
    const g = this.groups;
    const destination = this.sectors[route.to];
    const origin = this.sectors[route.from];
    const buses = Math.min(route.busesPerDeparture, route.available);
    route.stage.daily.seats_offered += buses * route.seatsPerBus;
    const boarding = this.boarding;
    for (let bus = 0; bus < buses; bus++) {
      let seatsLeft = route.seatsPerBus;
      let aboard = 0;
      boarding.length = 0;
      route.queue.scan((slot) => {
        const size = g.size[slot];
        const space = destination.capacity - destination.occupied - destination.reserved;
        if (size > seatsLeft || size > space) return route.fillBehind ? 'skip' : 'stop';
        seatsLeft -= size;
        aboard += size;
        route.stage.leaveQueue(now, size, g.queuedAt[slot]);
        this.vacate(origin, size);
        destination.reserved += size;
        g.boarded[slot] = now;
        boarding.push(slot);
        return seatsLeft === 0 ? 'take-last' : 'take';
      });
      if (aboard > route.seatsPerBus) throw new InvariantError(`bus on ${route.id} carries ${aboard} people in ${route.seatsPerBus} seats`);
      route.stage.daily.boarded += aboard;
      // An empty bus does not travel: nobody was waiting, or the destination has no room. Its travel
      // time is not drawn either, so variants where different buses leave keep the same draws for the rest.
      if (aboard === 0) break;
      const arriveAt = now + route.travel();
      for (const slot of boarding) this.calendar.schedule(arriveAt, this.onBusArrival, slot);
      route.stage.daily.departures += 1;
      if (route.fleet !== null) {
        route.available--;
        this.calendar.schedule(arriveAt + route.back(), this.onBusBack, route.index);
      }
    }
  };

  private readonly onBusBack = (index: number): void => {
    this.routes[index].available++;
  };

  private readonly onBusArrival = (slot: number): void => {
    const g = this.groups;
    const route = this.routes[this.sectors[g.origin[slot]].route];
    const destination = this.sectors[route.to];
    const size = g.size[slot];
    g.busArrived[slot] = this.calendar.now;
    g.site[slot] = destination.index;
    destination.reserved -= size;
    this.occupy(destination, size);
    destination.stage.daily.bus_arrivals += size;
    this.toReturn(slot, destination);
  };

  // ---- screening and return ----------------------------------------------------------------

  private toReturn(slot: number, site: SectorState): void {
    const g = this.groups;
    const now = this.calendar.now;
    if (site.screening >= 0 && g.fate[slot] & FEAR) {
      const screening = this.screenings[site.screening];
      g.queuedAt[slot] = now;
      screening.queue.push(slot);
      screening.stage.enterQueue(now, g.size[slot]);
      this.startInterviews(screening);
      return;
    }
    this.toPort(slot, site);
  }

  private startInterviews(screening: ScreeningState): void {
    const g = this.groups;
    while (screening.officers.free && screening.queue.length > 0) {
      const slot = screening.queue.shift();
      const now = this.calendar.now;
      screening.stage.leaveQueue(now, g.size[slot], g.queuedAt[slot]);
      screening.officers.take(now);
      this.calendar.schedule(now + g.interviewHours[slot], this.onInterviewed, slot);
    }
  }

  private readonly onInterviewed = (slot: number): void => {
    const g = this.groups;
    const site = this.sectors[g.site[slot]];
    const screening = this.screenings[site.screening];
    const size = g.size[slot];
    screening.officers.release(this.calendar.now);
    g.interviewed[slot] = this.calendar.now;
    screening.stage.daily.interviewed += size;
    if (g.fate[slot] & POSITIVE) {
      screening.stage.daily.screened_out += size;
      this.exit(slot, 'screened_out');
    } else {
      this.toPort(slot, site);
    }
    this.startInterviews(screening);
  };

  private toPort(slot: number, site: SectorState): void {
    const port = this.ports[site.port];
    const size = this.groups.size[slot];
    this.groups.queuedAt[slot] = this.calendar.now;
    port.queue.push(slot);
    port.stage.enterQueue(this.calendar.now, size);
    this.returnFrom(port);
  }

  private readonly onPortOpen = (index: number): void => {
    const port = this.ports[index];
    port.isOpen = true;
    this.returnFrom(port);
  };

  private readonly onPortClose = (index: number): void => {
    this.ports[index].isOpen = false;
  };

  /** FIFO by group, never splitting one: a group larger than what is left of today's cap waits for tomorrow, and so does everyone behind it. */
  private returnFrom(port: PortState): void {
    if (!port.isOpen) return;
    const g = this.groups;
    const now = this.calendar.now;
    while (port.queue.length > 0) {
      const slot = port.queue.peek();
      const size = g.size[slot];
      if (port.returnedToday + size > port.capToday) break;
      port.queue.shift();
      port.returnedToday += size;
      port.stage.leaveQueue(now, size, g.queuedAt[slot]);
      port.stage.daily.returned += size;
      this.exit(slot, 'returned');
    }
    if (port.returnedToday > port.capToday) throw new InvariantError(`port ${port.id} returned ${port.returnedToday} people today, over its cap of ${port.capToday}`);
  }

  // ---- holding and exits -------------------------------------------------------------------

  private occupy(site: SectorState, people: number): void {
    site.occupied += people;
    if (site.occupied + site.reserved > site.capacity) {
      throw new InvariantError(`site ${site.id} holds ${site.occupied} people (+${site.reserved} reserved) over its capacity of ${site.capacity}`);
    }
    site.occupancy.set(this.calendar.now, site.occupied);
  }

  private vacate(site: SectorState, people: number): void {
    site.occupied -= people;
    site.occupancy.set(this.calendar.now, site.occupied);
  }

  private exit(slot: number, outcome: Exit): void {
    const g = this.groups;
    const size = g.size[slot];
    const origin = g.origin[slot];
    const now = this.calendar.now;
    if (outcome !== 'released') this.vacate(this.sectors[g.site[slot]], size);
    this.ledger[outcome][origin] += size;
    if (this.counting) {
      this.exitsByOrigin[outcome][origin] += size;
      const wait = now - g.arrived[slot];
      this.waits[outcome].add(wait, size);
    }
    this.emitPeople(slot, outcome, now);
    g.release(slot);
  }

  private emitPeople(slot: number, outcome: Exit | 'in_custody', now: number | null): void {
    if (!this.onPerson) return;
    const g = this.groups;
    const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
    for (let i = 0; i < g.size[slot]; i++) {
      this.onPerson({
        replication: this.replication,
        person: g.firstPerson[slot] + i,
        group: g.serial[slot],
        groupSize: g.size[slot],
        sector: this.sectors[g.origin[slot]].id,
        category: this.categories[g.category[slot]].id,
        arrivedHours: g.arrived[slot],
        processedHours: orNull(g.processed[slot]),
        boardedHours: orNull(g.boarded[slot]),
        busArrivedHours: orNull(g.busArrived[slot]),
        interviewedHours: orNull(g.interviewed[slot]),
        exitHours: now,
        outcome,
        site: this.sectors[g.site[slot]].id,
      });
    }
  }

  /** People in custody at the end, per sector of origin, counted afresh from the group table. */
  private inCustodyByOrigin(): Float64Array {
    const held = new Float64Array(this.sectors.length);
    this.forEachGroupInCustody((slot) => {
      held[this.groups.origin[slot]] += this.groups.size[slot];
    });
    return held;
  }

  private flushPeopleInCustody(): void {
    if (!this.onPerson) return;
    this.forEachGroupInCustody((slot) => this.emitPeople(slot, 'in_custody', null));
  }

  /** Groups that have arrived and not left: at a site (queued, in service) or on a bus. */
  private forEachGroupInCustody(visit: (slot: number) => void): void {
    const g = this.groups;
    for (let slot = 0; slot < g.capacity; slot++) {
      if (g.alive[slot] && !Number.isNaN(g.arrived[slot])) visit(slot);
    }
  }

  /** People physically at sites or reserved for a bus in transit: must equal those in custody. */
  peopleAtSitesOrOnBuses(): number {
    return this.sectors.reduce((sum, s) => sum + s.occupied + s.reserved, 0);
  }
}


function utilization(pool: ServerPool, now: number): number | null {
  const busy = pool.busyOverTime.closePeriod(now).mean;
  const onDuty = pool.onDutyOverTime.closePeriod(now).mean;
  return onDuty > 0 ? busy / onDuty : null;
}

function meanGroupSize(size: GroupSize): number {
  if (typeof size === 'number') return size;
  const total = size.weights.reduce((a, b) => a + b, 0);
  return size.values.reduce((sum, v, i) => sum + (v * size.weights[i]) / total, 0);
}

function groupSizeSampler(size: GroupSize, source: Uniform01): () => number {
  if (typeof size === 'number') return () => size;
  const index = categoricalIndex(size.weights, source);
  return () => size.values[index()];
}

/** Each kind of stage reports only the figures that mean something for it; the rest are left empty. */
const RELEVANT: Record<DailyRow['kind'], readonly string[]> = {
  sector: ['arrivals', 'released', 'processed', 'enrolled', 'other', 'bus_arrivals'],
  'bus-route': ['departures', 'seats_offered', 'boarded'],
  screening: ['interviewed', 'screened_out'],
  port: ['returned', 'cap'],
};

function blankIrrelevant(row: DailyRow): DailyRow {
  const keep = RELEVANT[row.kind];
  for (const key of Object.keys(row.counts) as (keyof DailyRow['counts'])[]) {
    if (!keep.includes(key)) row.counts[key] = null;
  }
  return row;
}

