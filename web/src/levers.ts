// The capacity levers of a scenario document: what the page's sliders set, each as edits to fields
// of the document (never to the validated scenario), so the edited file says exactly what was run.

import { arrivalScaleEdits, type FieldPath } from '../../src/scenario/arrival-scale.js';

export type { FieldPath };

export interface Edit {
  path: FieldPath;
  value: unknown;
}

export interface Lever {
  /** Unique and stable: the key in the page's URL. A field path where the lever is one field. */
  key: string;
  /** The part of the system it belongs to: a fieldset's legend. */
  group: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  /** The value in the scenario as published. */
  published: number;
  /** The edits that give the lever this value. */
  edits: (value: number) => Edit[];
}

type Doc = Record<string, unknown>;

const record = (value: unknown): Doc => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Doc) : {});
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** A slider range around the published value: wide enough to double or triple it. */
function upper(published: number, floor: number, factor = 3): number {
  return Math.max(floor, Math.ceil(published * factor));
}

function fieldLever(group: string, path: FieldPath, label: string, unit: string, published: number, min: number, max: number): Lever {
  return { key: path.join('.'), group, label, unit, min, max, step: 1, published, edits: (value) => [{ path, value }] };
}

/** Every lever the document offers, in the order the page shows them. */
export function leversOf(document: unknown): Lever[] {
  const doc = record(document);
  const levers: Lever[] = [];
  const sectors = record(doc.sectors);
  if (Object.values(sectors).some((s) => record(s).arrivals !== undefined)) levers.push(arrivalScale(document));

  for (const [id, value] of Object.entries(record(doc.busRoutes))) {
    const route = record(value);
    const group = `Bus route ${id}`;
    const buses = num(route.busesPerDeparture);
    const seats = num(route.seatsPerBus);
    if (buses !== undefined) levers.push(fieldLever(group, ['busRoutes', id, 'busesPerDeparture'], 'buses per departure', 'buses', buses, 0, upper(buses, 6, 2)));
    if (seats !== undefined) levers.push(fieldLever(group, ['busRoutes', id, 'seatsPerBus'], 'seats per bus', 'seats', seats, 1, upper(seats, 100, 2)));
    if (Array.isArray(route.departures) && route.departures.every((d) => typeof d === 'string')) {
      levers.push(departuresPerDay(group, id, route.departures as string[]));
    }
  }
  for (const [id, value] of Object.entries(record(doc.ports))) {
    const port = record(value);
    const group = `Port ${id}`;
    const cap = num(port.dailyCap);
    if (cap !== undefined) {
      const dated = Array.isArray(port.capPeriods) && port.capPeriods.length > 0;
      levers.push(fieldLever(group, ['ports', id, 'dailyCap'], dated ? 'daily cap (other dates)' : 'daily cap', 'people a day', cap, 0, upper(cap, 500)));
    }
    (Array.isArray(port.capPeriods) ? port.capPeriods : []).forEach((p, i) => {
      const period = record(p);
      const periodCap = num(period.dailyCap);
      if (periodCap === undefined) return;
      const label = `daily cap ${String(period.from)} to ${String(period.to)}`;
      levers.push(fieldLever(group, ['ports', id, 'capPeriods', i, 'dailyCap'], label, 'people a day', periodCap, 0, upper(periodCap, 500)));
    });
  }
  for (const [id, value] of Object.entries(record(doc.screenings))) {
    levers.push(...staffLevers(`Screening ${id}`, ['screenings', id, 'officers'], record(value).officers, 'officers', 'officers'));
  }
  for (const [id, value] of Object.entries(record(doc.courts))) {
    const court = record(value);
    const group = `Court ${id}`;
    const slots = num(court.slotsPerDay);
    const lead = num(court.leadDays);
    if (slots !== undefined) levers.push(fieldLever(group, ['courts', id, 'slotsPerDay'], 'docket slots a day', 'people a day', slots, 0, upper(slots, 1000)));
    if (lead !== undefined) levers.push(fieldLever(group, ['courts', id, 'leadDays'], 'notice lead time', 'days', lead, 0, upper(lead, 180)));
  }
  for (const [id, value] of Object.entries(sectors)) {
    const capacity = num(record(value).holdingCapacity);
    if (capacity !== undefined) {
      levers.push(fieldLever(`Holding site ${id}`, ['sectors', id, 'holdingCapacity'], 'holding capacity', 'people', capacity, 0, upper(capacity, 3000)));
    }
  }
  return levers;
}

/** A constant number on duty is one lever; shifts are one lever each, named by their hours. */
function staffLevers(group: string, path: FieldPath, staffing: unknown, noun: string, unit: string): Lever[] {
  const constant = num(staffing);
  if (constant !== undefined) return [fieldLever(group, path, noun, unit, constant, 0, upper(constant, 20))];
  if (!Array.isArray(staffing)) return [];
  return staffing.flatMap((s, i) => {
    const shift = record(s);
    const count = num(shift.count);
    if (count === undefined) return [];
    return [fieldLever(group, [...path, i, 'count'], `${noun} ${String(shift.from)}\u2013${String(shift.to)}`, unit, count, 0, upper(count, 20))];
  });
}

/**
 * Departures a day: the published timetable at its own count; any other count spreads the departures
 * evenly over 24 hours from the first published one (07:00 twice a day: 07:00 and 19:00).
 */
function departuresPerDay(group: string, id: string, published: readonly string[]): Lever {
  const path: FieldPath = ['busRoutes', id, 'departures'];
  return {
    key: `busRoutes.${id}.departuresPerDay`,
    group,
    label: 'departures per day',
    unit: 'departures',
    min: 1,
    max: Math.max(12, published.length * 2),
    step: 1,
    published: published.length,
    edits: (count) => [{ path, value: count === published.length ? [...published] : spreadDepartures(published[0] ?? '00:00', count) }],
  };
}

export function spreadDepartures(first: string, count: number): string[] {
  const [h, m] = first.split(':').map(Number);
  const start = (h * 60 + m) % 1440;
  const minutes = Array.from({ length: count }, (_, k) => (start + Math.round((k * 1440) / count)) % 1440);
  return [...new Set(minutes)].sort((a, b) => a - b).map((t) => `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
}

/** Arrivals scaled: every sector's peoplePerDay, monthly and periods values times the factor (shared with --scale-arrivals). */
function arrivalScale(document: unknown): Lever {
  return {
    key: 'arrivalScale',
    group: 'Arrivals',
    label: 'arrival scale (\u00d7 every arrival rate)',
    unit: '\u00d7',
    min: 0,
    max: 3,
    step: 0.05,
    published: 1,
    edits: (factor) => arrivalScaleEdits(document, factor),
  };
}
