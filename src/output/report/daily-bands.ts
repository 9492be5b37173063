// Day-by-day figures across replications from daily.csv: for each day, the mean over replications
// with its 95% Student-t interval (the band on the time charts). Pure functions over parsed rows.

import { estimate } from '../../stats/index.js';
import { cellNumber, type CsvRow } from './cells.js';

export interface DayBand {
  /** Series label: a stage id, or a flow name such as "arrivals". */
  series: string;
  day: number;
  date: string;
  mean: number;
  /** 95% interval across replications; null with fewer than two replications. */
  low: number | null;
  high: number | null;
  n: number;
}

/** Stage ids of one kind, in the order daily.csv lists them (the scenario's order). */
export function stageIds(daily: readonly CsvRow[], kind: string): string[] {
  const ids: string[] = [];
  for (const row of daily) if (row.kind === kind && !ids.includes(row.id)) ids.push(row.id);
  return ids;
}

/**
 * Per-day bands of `value(row)` for each stage of `kind`; days where a replication has no value
 * (an empty cell) use the replications that do.
 */
export function stageBands(daily: readonly CsvRow[], kind: string, column: string): DayBand[] {
  const bands: DayBand[] = [];
  for (const id of stageIds(daily, kind)) {
    const rows = daily.filter((r) => r.kind === kind && r.id === id);
    bands.push(...bandsByDay(id, rows, (r) => cellNumber(r[column])));
  }
  return bands;
}

/**
 * Per-day bands of a flow summed over all stages of `kind` (e.g. arrivals over every sector):
 * summed within each replication first, so the interval is that of the total.
 */
export function totalBands(daily: readonly CsvRow[], kind: string, column: string, series: string): DayBand[] {
  const totals = new Map<string, { day: number; date: string; replication: string; value: number }>();
  let any = false;
  for (const row of daily) {
    if (row.kind !== kind) continue;
    const value = cellNumber(row[column]);
    if (value === null) continue;
    any = true;
    const key = `${row.replication}\u0000${row.day}`;
    const entry = totals.get(key);
    if (entry) entry.value += value;
    else totals.set(key, { day: Number(row.day), date: row.date, replication: row.replication, value });
  }
  if (!any) return [];
  const rows = [...totals.values()].map((t) => ({ day: String(t.day), date: t.date, replication: t.replication, value: String(t.value) }));
  return bandsByDay(series, rows, (r) => cellNumber(r.value));
}

function bandsByDay(series: string, rows: readonly CsvRow[], value: (row: CsvRow) => number | null): DayBand[] {
  const byDay = new Map<number, { date: string; values: number[] }>();
  for (const row of rows) {
    const v = value(row);
    const day = Number(row.day);
    let entry = byDay.get(day);
    if (!entry) byDay.set(day, (entry = { date: row.date, values: [] }));
    if (v !== null) entry.values.push(v);
  }
  const bands: DayBand[] = [];
  for (const [day, { date, values }] of [...byDay].sort((a, b) => a[0] - b[0])) {
    if (values.length === 0) continue;
    const e = estimate(values);
    const interval = Number.isFinite(e.ciLow);
    bands.push({ series, day, date, mean: e.mean, low: interval ? e.ciLow : null, high: interval ? e.ciHigh : null, n: e.n });
  }
  return bands;
}
