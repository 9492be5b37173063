// daily-mean.csv: the mean and 95% interval across replications of every daily figure, per day
// and stage. One estimate per cell of (day, stage, figure): fed a replication at a time into one
// RunningEstimate, rows encoded as they are made, rather than two arrays per cell and a row array
// per line kept until the end (which made it cost as much as daily.csv itself).

import { DAILY_COUNTS, OPTIONAL_DAILY_COUNTS, type DailyRow, type ReplicationResult } from '../model/index.js';
import { RunningEstimate, RunningEstimates, type Estimate } from '../stats/index.js';
import { CsvText, type Cell } from './csv.js';
import { offsetOf, packedDailyOf, rowCount, rowStart, type PackedDaily } from '../model/daily-table.js';

/** Each figure, read from a row or (`field`) from a packed replication's column of that name. */
const DAILY_FIGURES: { name: string; field: string; get: (row: DailyRow) => number | null }[] = [
  ...DAILY_COUNTS.map((c) => ({ name: c, field: c, get: (row: DailyRow) => row.counts[c] })),
  { name: 'bus_load_factor', field: 'busLoadFactor', get: (row) => row.busLoadFactor },
  { name: 'queue_end', field: 'queueEnd', get: (row) => row.queueEnd },
  { name: 'queue_mean', field: 'queueMean', get: (row) => row.queueMean },
  { name: 'queue_max', field: 'queueMax', get: (row) => row.queueMax },
  { name: 'occupancy_end', field: 'occupancyEnd', get: (row) => row.occupancyEnd },
  { name: 'occupancy_mean', field: 'occupancyMean', get: (row) => row.occupancyMean },
  { name: 'occupancy_max', field: 'occupancyMax', get: (row) => row.occupancyMax },
  { name: 'utilization', field: 'utilization', get: (row) => row.utilization },
  // Only rows of a stage with the feature carry these (empty elsewhere, so they add no line there).
  ...OPTIONAL_DAILY_COUNTS.map((c) => ({ name: c, field: c, get: (row: DailyRow) => row.optional?.[c] ?? null })),
];

const HEADER = ['day', 'date', 'kind', 'id', 'figure', 'mean', 'ci_low', 'ci_high', 'sd', 'n'];

export interface VariantResults {
  name: string;
  results: readonly ReplicationResult[];
}

/** Mean and 95% interval across replications of every daily figure, per day and stage. */
export function dailyMeanCsv(variants: readonly VariantResults[], withVariant: boolean): string {
  return dailyMeanTable(variants, withVariant).text();
}

/** The same as bytes to write: the table is encoded to bytes, and as text it was decoded and encoded again. */
export function dailyMeanCsvBytes(variants: readonly VariantResults[], withVariant: boolean): Uint8Array[] {
  return [dailyMeanTable(variants, withVariant).bytes()];
}

function dailyMeanTable(variants: readonly VariantResults[], withVariant: boolean): CsvText {
  const csv = new CsvText(withVariant ? ['variant', ...HEADER] : HEADER);
  const cells: Cell[] = [];
  for (const { name, results } of variants) {
    const packed = allPacked(results);
    const template = packed ? packedTemplate(packed) : rowsTemplate(results);
    for (let i = 0; i < template.rows; i++) {
      const key = template.key(i);
      for (let f = 0; f < DAILY_FIGURES.length; f++) {
        const e = template.estimate(i, f);
        if (e === null) continue;
        let at = 0;
        if (withVariant) cells[at++] = name;
        cells[at++] = key.day;
        cells[at++] = key.date;
        cells[at++] = key.kind;
        cells[at++] = key.id;
        cells[at++] = DAILY_FIGURES[f].name;
        cells[at++] = e.mean;
        cells[at++] = e.ciLow;
        cells[at++] = e.ciHigh;
        cells[at++] = e.sd;
        cells[at++] = e.n;
        csv.row(cells);
      }
    }
  }
  return csv;
}

/** A variant's rows, which every replication shares in number and keys, and the estimate of each cell. */
interface Template {
  rows: number;
  key(row: number): Pick<DailyRow, 'day' | 'date' | 'kind' | 'id'>;
  /** Figure `f` of the row across replications; null where the first replication's row leaves it empty (no line). */
  estimate(row: number, f: number): Estimate | null;
}

function rowsTemplate(results: readonly ReplicationResult[]): Template {
  const first = results[0]?.daily ?? [];
  const running = new RunningEstimate();
  return {
    rows: first.length,
    key: (row) => first[row],
    estimate: (row, f) => {
      if (DAILY_FIGURES[f].get(first[row]) === null) return null;
      running.reset();
      for (const result of results) {
        const value = DAILY_FIGURES[f].get(result.daily[row]);
        if (value !== null) running.add(value);
      }
      return running.estimate();
    },
  };
}

/** Packed replications are summed a replication at a time, cell by cell: the same additions in the same order. */
function packedTemplate(packed: readonly PackedDaily[]): Template {
  const first = packed[0];
  const stages = first.stages.length;
  const sums = new RunningEstimates(first.values.length);
  for (const p of packed) sums.addAll(p.values, p.present);
  const offsets = first.stages.map((stage) => Int32Array.from(DAILY_FIGURES, (figure) => offsetOf(stage, figure.field)));
  return {
    rows: rowCount(first),
    key: (row) => {
      const day = (row / stages) | 0;
      const { kind, id } = first.stages[row - day * stages];
      return { day: first.firstDay + day, date: first.dates[day], kind, id };
    },
    estimate: (row, f) => {
      const offset = offsets[row % stages][f];
      const cell = rowStart(first, row) + offset;
      return offset < 0 || first.present[cell] !== 1 ? null : sums.estimate(cell);
    },
  };
}

/** Every replication's packed rows, when all are packed with the same stages and days. */
function allPacked(results: readonly ReplicationResult[]): PackedDaily[] | undefined {
  const packed: PackedDaily[] = [];
  let layout = '';
  for (const result of results) {
    const p = packedDailyOf(result);
    if (!p || (packed.length > 0 && layoutOf(p) !== layout)) return undefined;
    if (packed.length === 0) layout = layoutOf(p);
    packed.push(p);
  }
  return packed.length > 0 ? packed : undefined;
}

function layoutOf(packed: PackedDaily): string {
  return JSON.stringify([packed.firstDay, packed.dates.length, packed.stages]);
}
