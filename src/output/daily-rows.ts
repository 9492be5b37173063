// daily.csv, one replication at a time: worker threads format their own replication's rows (the
// costliest part of writing a run), and the main thread only joins them in replication order.

import { DAILY_COUNTS, OPTIONAL_DAILY_COUNTS, type DailyRow, type OptionalDailyCount, type ReplicationResult } from '../model/results.js';
import { offsetOf, optionalColumnsOf, packedDailyOf, rowCount, rowStart, type PackedDaily, type RowFigure } from '../model/daily-table.js';
import { CsvText, type Cell } from './csv.js';

export const DAILY_HEADER = [
  'replication', 'day', 'date', 'kind', 'id',
  ...DAILY_COUNTS, 'bus_load_factor',
  'queue_end', 'queue_mean', 'queue_max', 'occupancy_end', 'occupancy_mean', 'occupancy_max', 'utilization',
  'docket_lead_days',
] as const;

/** The row figures after the counts, in DAILY_HEADER's order: rows and packed numbers are written by this one list. */
const FIGURE_COLUMNS: readonly RowFigure[] = ['busLoadFactor', 'queueEnd', 'queueMean', 'queueMax', 'occupancyEnd', 'occupancyMean', 'occupancyMax', 'utilization', 'docketLeadDays'];

/**
 * The optional columns a replication reports (OPTIONAL_DAILY_COUNTS), in catalogue order. They follow
 * what the scenario configures, not chance, so every replication of a run has the same ones.
 */
export function optionalDailyColumns(result: ReplicationResult | undefined): OptionalDailyCount[] {
  const packed = result && packedDailyOf(result);
  if (packed) return optionalColumnsOf(packed);
  const seen = new Set<string>();
  for (const row of result?.daily ?? []) if (row.optional) for (const column of Object.keys(row.optional)) seen.add(column);
  return OPTIONAL_DAILY_COUNTS.filter((c) => seen.has(c));
}

/** One replication's rows of daily.csv, without the header. */
export function dailyRowsText(result: ReplicationResult): string {
  return dailyRows(result).text();
}

/**
 * The same rows as UTF-8 bytes, as a worker thread hands them to the main thread: a pipeline
 * replication's rows are some 3.5 MB, which as text were decoded here and encoded again to be written.
 */
export function dailyRowsBytes(result: ReplicationResult): Uint8Array {
  return dailyRows(result).bytes();
}

function dailyRows(result: ReplicationResult): CsvText {
  const optional = optionalDailyColumns(result);
  const packed = packedDailyOf(result);
  if (packed) return packedRows(packed, optional);
  const csv = new CsvText(null);
  // One array for every row: the encoder reads a row when given it and keeps nothing of it.
  const cells: Cell[] = [];
  for (const row of result.daily) {
    let end = fillDailyCells(cells, row);
    for (const column of optional) cells[end++] = row.optional?.[column] ?? null;
    csv.row(cells);
  }
  return csv;
}

/** The whole daily.csv as text (the what-if page's download). */
export function dailyCsv(results: readonly ReplicationResult[]): string {
  return dailyHeader(results).text() + results.map(dailyRowsText).join('');
}

/**
 * The whole daily.csv as pieces of bytes to write one after another, the header first; `rows[i]`, when
 * given, is `dailyRowsBytes(results[i])` computed on a worker thread.
 */
export function dailyCsvBytes(results: readonly ReplicationResult[], rows?: readonly (Uint8Array | undefined)[]): Uint8Array[] {
  return [dailyHeader(results).bytes(), ...results.map((r, i) => rows?.[i] ?? dailyRowsBytes(r))];
}

function dailyHeader(results: readonly ReplicationResult[]): CsvText {
  return new CsvText([...DAILY_HEADER, ...optionalDailyColumns(results[0])]);
}

/** One row of daily.csv as cells, in DAILY_HEADER's order (also the what-if page's chart rows). */
export function dailyCells(row: DailyRow): Cell[] {
  const cells: Cell[] = [];
  fillDailyCells(cells, row);
  return cells;
}

/** Puts a row's cells in DAILY_HEADER's order at the start of `cells`; returns how many. */
function fillDailyCells(cells: Cell[], row: DailyRow): number {
  let i = 0;
  cells[i++] = row.replication;
  cells[i++] = row.day;
  cells[i++] = row.date;
  cells[i++] = row.kind;
  cells[i++] = row.id;
  for (const count of DAILY_COUNTS) cells[i++] = row.counts[count];
  for (const figure of FIGURE_COLUMNS) cells[i++] = row[figure];
  return i;
}

/** The packed cell each column after the row's key takes, per stage (-1: the stage leaves it empty). */
const PACKED_COLUMNS = [...DAILY_COUNTS, ...FIGURE_COLUMNS];

/** The same rows read straight from the packed numbers (a replication's rows are never built as objects). */
function packedRows(packed: PackedDaily, optional: readonly OptionalDailyCount[]): CsvText {
  const names = [...PACKED_COLUMNS, ...optional];
  const offsets = packed.stages.map((stage) => Int32Array.from(names, (name) => offsetOf(stage, name)));
  const { values, present } = packed;
  const stages = packed.stages.length;
  const csv = new CsvText(null);
  const cells: Cell[] = [];
  for (let r = 0; r < rowCount(packed); r++) {
    const day = (r / stages) | 0;
    const s = r - day * stages;
    const stage = packed.stages[s];
    const at = rowStart(packed, r);
    const columns = offsets[s];
    cells[0] = packed.replication;
    cells[1] = packed.firstDay + day;
    cells[2] = packed.dates[day];
    cells[3] = stage.kind;
    cells[4] = stage.id;
    for (let c = 0; c < columns.length; c++) {
      const offset = columns[c];
      cells[5 + c] = offset >= 0 && present[at + offset] === 1 ? values[at + offset] : null;
    }
    csv.row(cells);
  }
  return csv;
}
