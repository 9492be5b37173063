// Each entity's dated values on a date, read through the one rule of dated.ts, and the list of
// every dated change a scenario makes (for the report's timeline). The model asks here once a day.

import { addDays } from './calendar-dates.js';
import { inPeriod, periodValue, valueOn, type DateRange } from './dated.js';
import type { BusRoute, Mpp, Port, Processing, Scenario, Screening, Sector, Staffing } from './schema.js';

export interface RouteOnDate {
  active: boolean;
  departures: readonly string[];
  busesPerDeparture: number;
  seatsPerBus: number;
  /** Buses in the fleet; null when a bus is always available. */
  fleetBuses: number | null;
}

export function routeOn(route: BusRoute, date: string): RouteOnDate {
  const p = route.periods;
  return {
    active: valueOn(date, route.active, p, 'active'),
    departures: valueOn(date, route.departures, p, 'departures'),
    busesPerDeparture: valueOn(date, route.busesPerDeparture, p, 'busesPerDeparture'),
    seatsPerBus: valueOn(date, route.seatsPerBus, p, 'seatsPerBus'),
    fleetBuses: route.fleet ? valueOn(date, route.fleet.buses, p, 'fleetBuses') : null,
  };
}

export interface PortOnDate {
  /** People it may return that day: 0 on a closed day or while the port is not active. */
  dailyCap: number;
  open: string;
  close: string;
}

/** `capPeriods` (the older spelling) are read after `periods`, so a period's cap wins over them. */
export function portOn(port: Port, date: string, weekday: string): PortOnDate {
  const hours = valueOn(date, port.hours, port.periods, 'hours');
  const closed = !valueOn(date, port.active, port.periods, 'active') || port.closedDates.includes(date) || (port.closedWeekdays as readonly string[]).includes(weekday);
  const cap = periodValue(port.periods, 'dailyCap', date) ?? inPeriod(port.capPeriods, date)?.dailyCap ?? port.dailyCap;
  return { dailyCap: closed ? 0 : cap, open: hours.open, close: hours.close };
}

export function holdingCapacityOn(sector: Sector, date: string): number {
  return valueOn(date, sector.holdingCapacity, sector.periods, 'holdingCapacity');
}

export function agentsOn(processing: Processing, date: string): Staffing {
  return valueOn(date, processing.agents, processing.periods, 'agents');
}

export function officersOn(screening: Screening, date: string): Staffing {
  return valueOn(date, screening.officers, screening.periods, 'officers');
}

/** By arrival date: a period's fraction, else the month's (a roll-out), else the constant. */
export function enrolledFractionOn(mpp: Mpp, date: string): number {
  return valueOn(date, mpp.enrolledFraction, mpp.periods, 'enrolledFraction', mpp.monthly);
}

/** Where a sector's enrollees go on an arrival date, as shares of port ids and bus-route ids. */
export function destinationsOn(sector: Sector, date: string): Readonly<Record<string, number>> {
  const mpp = sector.mpp;
  if (!mpp) return {};
  return valueOn(date, defaultDestinations(sector), mpp.periods, 'destinations');
}

/** Before destinations existed: the mpp bus if there is one, else the sector's own port. */
export function defaultDestinations(sector: Sector): Readonly<Record<string, number>> {
  if (sector.mpp?.destinations) return sector.mpp.destinations;
  if (sector.mpp?.bus) return { [sector.mpp.bus]: 1 };
  return sector.port ? { [sector.port]: 1 } : {};
}

export interface TimelineChange {
  date: string;
  /** The entity's path in the scenario, e.g. "busRoutes.tucson-el-paso". */
  path: string;
  /** What the period sets, e.g. "busesPerDeparture 2", or "ends" on the day after it. */
  change: string;
}

/** Every dated policy change inside the horizon: each period's first day, and the day after its last. */
export function timelineChanges(s: Scenario): TimelineChange[] {
  const first = s.start;
  const last = addDays(s.start, s.days - 1);
  const changes: TimelineChange[] = [];
  const add = (path: string, periods: readonly (DateRange & Record<string, unknown>)[] | undefined): void => {
    for (const p of periods ?? []) {
      const set = Object.entries(p)
        .filter(([k]) => k !== 'from' && k !== 'to')
        .map(([k, v]) => `${k} ${describe(v)}`)
        .join(', ');
      if (p.from >= first && p.from <= last) changes.push({ date: p.from, path, change: set });
      const after = addDays(p.to, 1);
      if (after >= first && after <= last) changes.push({ date: after, path, change: `period from ${p.from} ends (${set})` });
    }
  };
  for (const [id, sector] of Object.entries(s.sectors)) {
    add(`sectors.${id}`, sector.periods);
    add(`sectors.${id}.processing`, sector.processing?.periods);
    add(`sectors.${id}.mpp`, sector.mpp?.periods);
  }
  for (const [id, route] of Object.entries(s.busRoutes)) add(`busRoutes.${id}`, route.periods);
  for (const [id, screening] of Object.entries(s.screenings)) add(`screenings.${id}`, screening.periods);
  for (const [id, port] of Object.entries(s.ports)) {
    add(`ports.${id}`, port.periods);
    add(`ports.${id}.capPeriods`, port.capPeriods);
  }
  for (const [id, court] of Object.entries(s.courts ?? {})) {
    add(`courts.${id}`, court.periods);
    for (const w of court.postponements ?? []) {
      if (w.from >= first && w.from <= last) changes.push({ date: w.from, path: `courts.${id}.postponements`, change: `hearings ${w.from} to ${w.to} postponed` });
    }
  }
  return changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return String(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v ? Object.values(v).join('-') : String(v))).join(', ');
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k} ${describe(v)}`).join(', ');
  return '';
}
