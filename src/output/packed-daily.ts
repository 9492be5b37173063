// A replication's daily rows as a few typed arrays, as a worker thread hands them to the main thread.
// As objects they were most of what a worker sent (a pipeline year: 1,825 rows, about 1 MB cloned),
// and taking them in cost the main thread as much as simulating them had cost the worker. The main
// thread reads the numbers straight from the arrays (daily-mean.csv); anything that asks for
// `result.daily` gets the very rows back, rebuilt once, key for key in the model's order.

import { OPTIONAL_DAILY_COUNTS, type DailyRow, type OptionalDailyCount, type ReplicationResult, type StageKind } from '../model/results.js';

/** The row figures after the counts, in the order of DailyRow's fields. */
export const ROW_FIGURES = ['queueEnd', 'queueMean', 'queueMax', 'occupancyEnd', 'occupancyMean', 'occupancyMax', 'utilization', 'busLoadFactor', 'docketLeadDays'] as const;
type RowFigure = (typeof ROW_FIGURES)[number];

export interface PackedDaily {
  replication: number;
  /** The counts' keys in their objects' order (every row has the same). */
  countKeys: string[];
  /** Distinct stages and dates, and each row's index into them. */
  stages: { kind: StageKind; id: string }[];
  stageOf: Int32Array;
  dates: string[];
  dateOf: Int32Array;
  days: Int32Array;
  /** Per row, `columns` cells: the counts, ROW_FIGURES, then OPTIONAL_DAILY_COUNTS; 0 where `present` is 0. */
  values: Float64Array;
  /** 1 where the cell holds a number; 0 for null or an optional count the row does not have. */
  present: Uint8Array;
  /** Per row, its optional counts' keys in their object's order (an index into `optionalOrders`; -1: none). */
  optionalOf: Int32Array;
  optionalOrders: OptionalDailyCount[][];
}

export function columnsOf(packed: PackedDaily): number {
  return packed.countKeys.length + ROW_FIGURES.length + OPTIONAL_DAILY_COUNTS.length;
}

/** The column of a count, a row figure or an optional count. */
export function columnOf(packed: PackedDaily, name: string): number {
  const count = packed.countKeys.indexOf(name);
  if (count >= 0) return count;
  const figure = ROW_FIGURES.indexOf(name as RowFigure);
  if (figure >= 0) return packed.countKeys.length + figure;
  const optional = OPTIONAL_DAILY_COUNTS.indexOf(name as OptionalDailyCount);
  if (optional >= 0) return packed.countKeys.length + ROW_FIGURES.length + optional;
  throw new Error(`no daily column ${name}`);
}

export function packDaily(replication: number, rows: readonly DailyRow[]): PackedDaily {
  const countKeys = rows.length > 0 ? Object.keys(rows[0].counts) : [];
  const packed: PackedDaily = {
    replication, countKeys, stages: [], stageOf: new Int32Array(rows.length), dates: [], dateOf: new Int32Array(rows.length), days: new Int32Array(rows.length),
    values: new Float64Array(0), present: new Uint8Array(0), optionalOf: new Int32Array(rows.length), optionalOrders: [],
  };
  const columns = columnsOf(packed);
  packed.values = new Float64Array(rows.length * columns);
  packed.present = new Uint8Array(rows.length * columns);
  const stageIndex = new Map<string, number>();
  const dateIndex = new Map<string, number>();
  const orderIndex = new Map<string, number>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    packed.stageOf[r] = indexIn(stageIndex, `${row.kind}\u0000${row.id}`, () => packed.stages.push({ kind: row.kind, id: row.id }) - 1);
    packed.dateOf[r] = indexIn(dateIndex, row.date, () => packed.dates.push(row.date) - 1);
    packed.days[r] = row.day;
    let at = r * columns;
    const counts = row.counts as Record<string, number | null>;
    for (let k = 0; k < countKeys.length; k++) put(packed, at++, counts[countKeys[k]]);
    for (let f = 0; f < ROW_FIGURES.length; f++) put(packed, at++, row[ROW_FIGURES[f]]);
    const optional = row.optional;
    if (!optional) {
      packed.optionalOf[r] = -1;
      continue;
    }
    const keys = Object.keys(optional) as OptionalDailyCount[];
    packed.optionalOf[r] = indexIn(orderIndex, keys.join(','), () => packed.optionalOrders.push(keys) - 1);
    for (let o = 0; o < OPTIONAL_DAILY_COUNTS.length; o++) put(packed, at++, optional[OPTIONAL_DAILY_COUNTS[o]]);
  }
  return packed;
}

function indexIn(index: Map<string, number>, key: string, add: () => number): number {
  let i = index.get(key);
  if (i === undefined) index.set(key, (i = add()));
  return i;
}

function put(packed: PackedDaily, cell: number, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  packed.values[cell] = value;
  packed.present[cell] = 1;
}

/** The cell's number, or null. */
export function cellOf(packed: PackedDaily, row: number, column: number): number | null {
  const cell = row * columnsOf(packed) + column;
  return packed.present[cell] === 1 ? packed.values[cell] : null;
}

/** The rows as the model made them. */
export function unpackDaily(packed: PackedDaily): DailyRow[] {
  const columns = columnsOf(packed);
  const { countKeys } = packed;
  const cell = (at: number): number | null => (packed.present[at] === 1 ? packed.values[at] : null);
  const rows: DailyRow[] = new Array(packed.days.length);
  for (let r = 0; r < rows.length; r++) {
    const at = r * columns;
    const counts: Record<string, number | null> = {};
    for (let k = 0; k < countKeys.length; k++) counts[countKeys[k]] = cell(at + k);
    const stage = packed.stages[packed.stageOf[r]];
    const figures = at + countKeys.length;
    const row: DailyRow = {
      replication: packed.replication, day: packed.days[r], date: packed.dates[packed.dateOf[r]], kind: stage.kind, id: stage.id,
      counts: counts as DailyRow['counts'],
      queueEnd: cell(figures) as number, queueMean: cell(figures + 1) as number, queueMax: cell(figures + 2) as number,
      occupancyEnd: cell(figures + 3), occupancyMean: cell(figures + 4), occupancyMax: cell(figures + 5),
      utilization: cell(figures + 6), busLoadFactor: cell(figures + 7), docketLeadDays: cell(figures + 8),
    };
    if (packed.optionalOf[r] >= 0) {
      const optional: Partial<Record<OptionalDailyCount, number>> = {};
      const first = figures + ROW_FIGURES.length;
      for (const key of packed.optionalOrders[packed.optionalOf[r]]) optional[key] = cell(first + OPTIONAL_DAILY_COUNTS.indexOf(key)) as number;
      row.optional = optional;
    }
    rows[r] = row;
  }
  return rows;
}

const packedOf = new WeakMap<ReplicationResult, PackedDaily>();

/**
 * Gives `result` its daily rows in packed form: `result.daily` rebuilds them when first read (and keeps
 * them), and `packedDailyOf(result)` reads the numbers without rebuilding anything.
 */
export function withPackedDaily(result: ReplicationResult, packed: PackedDaily): ReplicationResult {
  let rows: DailyRow[] | undefined;
  Object.defineProperty(result, 'daily', { get: () => (rows ??= unpackDaily(packed)), enumerable: true, configurable: true });
  packedOf.set(result, packed);
  return result;
}

export function packedDailyOf(result: ReplicationResult): PackedDaily | undefined {
  return packedOf.get(result);
}
