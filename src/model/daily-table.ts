// A replication's daily rows as one array of numbers: per kept day, per stage, the counts and row
// figures its kind reports, then its optional counts. As objects, the rows were the one part of
// a replication's memory that grew with the horizon (some 400 bytes a row: 23 MB over eight
// border-wide years), and a worker thread packed them again to send them. Whoever reads
// `result.daily` gets the rows back exactly as the model made them, key for key, built once.

import { packedField } from './packed-field.js';
import { DAILY_COUNTS, OPTIONAL_DAILY_COUNTS, type DailyCount, type DailyRow, type OptionalDailyCount, type StageKind } from './results.js';

/** The row figures after the counts, in the order of DailyRow's fields. */
export const ROW_FIGURES = ['queueEnd', 'queueMean', 'queueMax', 'occupancyEnd', 'occupancyMean', 'occupancyMax', 'utilization', 'busLoadFactor', 'docketLeadDays'] as const;
export type RowFigure = (typeof ROW_FIGURES)[number];

/** Each kind of stage reports only the counts that mean something for it; its rows leave the rest empty. */
export const RELEVANT: Record<StageKind, readonly DailyCount[]> = {
  sector: ['arrivals', 'released', 'processed', 'enrolled', 'other', 'bus_arrivals'],
  'bus-route': ['departures', 'seats_offered', 'boarded'],
  screening: ['interviewed', 'screened_out'],
  port: ['returned', 'cap', 'crossings_in', 'returned_after_hearing'],
  court: ['cap', 'hearings_scheduled', 'hearings_held', 'in_absentia', 'resets', 'removal_ordered', 'relief', 'terminated'],
};

/** The row figures each kind of stage can have (its blocks' closeDay writes them); the rest are always empty. */
export const FIGURES: Record<StageKind, readonly RowFigure[]> = {
  sector: ['queueEnd', 'queueMean', 'queueMax', 'occupancyEnd', 'occupancyMean', 'occupancyMax', 'utilization'],
  'bus-route': ['queueEnd', 'queueMean', 'queueMax', 'busLoadFactor'],
  screening: ['queueEnd', 'queueMean', 'queueMax', 'utilization'],
  port: ['queueEnd', 'queueMean', 'queueMax'],
  court: ['queueEnd', 'queueMean', 'queueMax', 'docketLeadDays'],
};

/** One stage's cells within a day: its counts (in DAILY_COUNTS order), its figures (in ROW_FIGURES order), its optional counts (in its rows' key order). */
export interface StageCells {
  kind: StageKind;
  id: string;
  counts: readonly DailyCount[];
  figures: readonly RowFigure[];
  optional: readonly OptionalDailyCount[];
  /** Where its cells start within a day's. */
  offset: number;
}

/** Plain data (typed arrays and literals): it crosses to the main thread as a structured clone. */
export interface PackedDaily {
  replication: number;
  /** The first kept day (a warm-up's days are not kept). */
  firstDay: number;
  /** One per kept day. */
  dates: string[];
  stages: StageCells[];
  /** Cells per day: the stages' cells, one after another. */
  stride: number;
  values: Float64Array;
  /** 1 where the cell holds a number, 0 for null. */
  present: Uint8Array;
}

export function cellsOf(kind: StageKind, id: string, optional: readonly OptionalDailyCount[], offset: number): StageCells {
  return { kind, id, counts: RELEVANT[kind], figures: FIGURES[kind], optional, offset };
}

/** The number of rows: one per stage per kept day. */
export function rowCount(packed: PackedDaily): number {
  return packed.dates.length * packed.stages.length;
}

/** Where row `row`'s cells start. */
export function rowStart(packed: PackedDaily, row: number): number {
  const stages = packed.stages.length;
  const day = (row / stages) | 0;
  return day * packed.stride + packed.stages[row - day * stages].offset;
}

/** The offset of a figure within a stage's cells (a count, a row figure or an optional count), or -1 when its rows leave it empty. */
export function offsetOf(stage: StageCells, name: string): number {
  const count = stage.counts.indexOf(name as DailyCount);
  if (count >= 0) return count;
  const figure = stage.figures.indexOf(name as RowFigure);
  if (figure >= 0) return stage.counts.length + figure;
  const optional = stage.optional.indexOf(name as OptionalDailyCount);
  return optional >= 0 ? stage.counts.length + stage.figures.length + optional : -1;
}

/** The cell's number, or null. */
export function cellAt(packed: PackedDaily, cell: number): number | null {
  return packed.present[cell] === 1 ? packed.values[cell] : null;
}

/** The rows as the model made them. */
export function unpackDaily(packed: PackedDaily): DailyRow[] {
  const rows: DailyRow[] = new Array(rowCount(packed));
  const stages = packed.stages.length;
  for (let r = 0; r < rows.length; r++) {
    const day = (r / stages) | 0;
    const stage = packed.stages[r - day * stages];
    const at = rowStart(packed, r);
    const counts = {} as Record<DailyCount, number | null>;
    for (const count of DAILY_COUNTS) counts[count] = null;
    for (let k = 0; k < stage.counts.length; k++) counts[stage.counts[k]] = cellAt(packed, at + k);
    const f = at + stage.counts.length;
    const figure = (name: RowFigure): number | null => {
      const i = stage.figures.indexOf(name);
      return i < 0 ? null : cellAt(packed, f + i);
    };
    const row: DailyRow = {
      replication: packed.replication, day: packed.firstDay + day, date: packed.dates[day], kind: stage.kind, id: stage.id, counts,
      queueEnd: figure('queueEnd') as number, queueMean: figure('queueMean') as number, queueMax: figure('queueMax') as number,
      occupancyEnd: figure('occupancyEnd'), occupancyMean: figure('occupancyMean'), occupancyMax: figure('occupancyMax'),
      utilization: figure('utilization'), busLoadFactor: figure('busLoadFactor'), docketLeadDays: figure('docketLeadDays'),
    };
    if (stage.optional.length > 0) {
      const optional: Partial<Record<OptionalDailyCount, number>> = {};
      const o = f + stage.figures.length;
      for (let k = 0; k < stage.optional.length; k++) optional[stage.optional[k]] = cellAt(packed, o + k) as number;
      row.optional = optional;
    }
    rows[r] = row;
  }
  return rows;
}

/** The optional counts any stage reports, in catalogue order. */
export function optionalColumnsOf(packed: PackedDaily): OptionalDailyCount[] {
  return OPTIONAL_DAILY_COUNTS.filter((c) => packed.stages.some((s) => s.optional.includes(c)));
}

const dailyField = packedField('daily', unpackDaily);

/** Gives `result` its daily rows in packed form: `result.daily` rebuilds them when first read. */
export const withPackedDaily = dailyField.attach;
/** The packed rows, read without rebuilding anything. */
export const packedDailyOf = dailyField.of;
