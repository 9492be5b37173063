// What one replication hands to the output layer: per-day rows per stage and whole-run figures.
// Plain data, so that output/ never reaches into the model.

export type StageKind = 'sector' | 'bus-route' | 'screening' | 'port' | 'court';

/** Daily counts, in people unless the name says otherwise. */
export const DAILY_COUNTS = [
  'arrivals',
  'released',
  'processed',
  'enrolled',
  'other',
  'bus_arrivals',
  'departures',
  'seats_offered',
  'boarded',
  'interviewed',
  'screened_out',
  'returned',
  'cap',
  // The hearing half (empty without courts): a port's crossings in for hearings and returns after one;
  // a court's people booked, heard, not appearing and each decision.
  'crossings_in',
  'returned_after_hearing',
  'hearings_scheduled',
  'hearings_held',
  'in_absentia',
  'resets',
  'removal_ordered',
  'relief',
  'terminated',
] as const;
export type DailyCount = (typeof DAILY_COUNTS)[number];

/**
 * Daily counts of features a scenario may leave out: a port's hearing intake (people refused), a
 * court's transport (trips each way, people carried, people left without a seat to court) and its
 * postponements (people whose hearing was moved). daily.csv
 * has their columns, after all the others, only when a run reports them, so a scenario without the
 * features keeps its bytes; a row carries those of its own stage.
 */
export const OPTIONAL_DAILY_COUNTS = ['intake_refused', 'trips_to_court', 'rode_to_court', 'missed_no_seat', 'trips_to_port', 'rode_to_port', 'postponed'] as const;
export type OptionalDailyCount = (typeof OPTIONAL_DAILY_COUNTS)[number];

export interface DailyRow {
  replication: number;
  day: number;
  date: string;
  kind: StageKind;
  id: string;
  counts: Record<DailyCount, number | null>;
  queueEnd: number;
  queueMean: number;
  queueMax: number;
  occupancyEnd: number | null;
  occupancyMean: number | null;
  occupancyMax: number | null;
  utilization: number | null;
  busLoadFactor: number | null;
  /** A court's mean days from booking to hearing over the bookings made that day. */
  docketLeadDays: number | null;
  /** Absent unless the stage has an optional feature (OPTIONAL_DAILY_COUNTS). */
  optional?: Partial<Record<OptionalDailyCount, number>>;
}

export interface Metric {
  metric: string;
  scope: string;
  value: number;
}

export const EXITS = ['returned', 'released', 'screened_out', 'other'] as const;
/** How a case leaves the model when its returnees wait in Mexico for a court. */
export const COURT_EXITS = ['in_absentia', 'removal_ordered', 'relief', 'terminated'] as const;
export const ALL_EXITS = [...EXITS, ...COURT_EXITS] as const;
export type Exit = (typeof ALL_EXITS)[number];

/**
 * summary.csv's balance, per sector of origin and in total: what came in (arrivals, and after a
 * warm-up those already held or waiting in Mexico) = every exit + still in custody + still waiting in
 * Mexico. The figures a scenario does not report (no warm-up, no courts) count as 0.
 */
export const BALANCE_IN = ['arrivals', 'in_custody_start', 'in_mexico_start'] as const;
export const BALANCE_OUT = [...ALL_EXITS, 'in_custody_end', 'in_mexico_end'] as const;

export interface ReplicationResult {
  replication: number;
  daily: DailyRow[];
  metrics: Metric[];
  events: number;
}

/** One person's record, emitted when they leave the model (or at the end, still in custody). */
export interface PersonRecord {
  replication: number;
  person: number;
  group: number;
  groupSize: number;
  sector: string;
  category: string;
  arrivedHours: number;
  processedHours: number | null;
  boardedHours: number | null;
  busArrivedHours: number | null;
  interviewedHours: number | null;
  exitHours: number | null;
  outcome: Exit | 'in_custody' | 'in_mexico';
  site: string;
  /** With courts: when first returned to Mexico to wait for court, and the hearings held (null without one). */
  firstReturnedHours: number | null;
  hearings: number | null;
}

export type PersonSink = (record: PersonRecord) => void;
