// daily-mean.csv: the mean and 95% interval across replications of every daily figure, per day
// and stage. One estimate per cell of (day, stage, figure): fed a replication at a time into one
// RunningEstimate, rows encoded as they are made, rather than two arrays per cell and a row array
// per line kept until the end (which made it cost as much as daily.csv itself).

import { DAILY_COUNTS, OPTIONAL_DAILY_COUNTS, type DailyRow, type ReplicationResult } from '../model/index.js';
import { RunningEstimate } from '../stats/index.js';
import { CsvText, type Cell } from './csv.js';
import { cellOf, columnOf, packedDailyOf, type PackedDaily } from './packed-daily.js';

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
  const running = new RunningEstimate();
  const cells: Cell[] = [];
  for (const { name, results } of variants) {
    const packed = allPacked(results);
    const template = packed ? packedTemplate(packed) : rowsTemplate(results);
    for (let i = 0; i < template.rows; i++) {
      const key = template.key(i);
      for (let f = 0; f < DAILY_FIGURES.length; f++) {
        if (template.cell(i, f) === null) continue;
        running.reset();
        for (let r = 0; r < results.length; r++) {
          const value = packed ? cellOf(packed[r], i, template.columns[f]) : DAILY_FIGURES[f].get(results[r].daily[i]);
          if (value !== null) running.add(value);
        }
        const e = running.estimate();
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

/** The first replication's rows, which every replication of a variant shares in number and keys. */
interface Template {
  rows: number;
  key(row: number): Pick<DailyRow, 'day' | 'date' | 'kind' | 'id'>;
  /** The first replication's value of figure `f` (null: the row has no such figure). */
  cell(row: number, f: number): number | null;
  /** Per figure, its packed column. */
  columns: number[];
}

function rowsTemplate(results: readonly ReplicationResult[]): Template {
  const first = results[0]?.daily ?? [];
  return { rows: first.length, key: (row) => first[row], cell: (row, f) => DAILY_FIGURES[f].get(first[row]), columns: [] };
}

function packedTemplate(packed: readonly PackedDaily[]): Template {
  const first = packed[0];
  const columns = DAILY_FIGURES.map((figure) => columnOf(first, figure.field));
  return {
    rows: first.days.length,
    key: (row) => ({ day: first.days[row], date: first.dates[first.dateOf[row]], ...first.stages[first.stageOf[row]] }),
    cell: (row, f) => cellOf(first, row, columns[f]),
    columns,
  };
}

/** Every replication's packed rows, when all came packed from a worker thread with the same columns. */
function allPacked(results: readonly ReplicationResult[]): PackedDaily[] | undefined {
  const packed: PackedDaily[] = [];
  for (const result of results) {
    const p = packedDailyOf(result);
    if (!p || (packed.length > 0 && p.countKeys.join() !== packed[0].countKeys.join())) return undefined;
    packed.push(p);
  }
  return packed.length > 0 ? packed : undefined;
}
