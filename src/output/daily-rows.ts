// daily.csv, one replication at a time: worker threads format their own replication's rows (the
// costliest part of writing a run), and the main thread only joins them in replication order.

import { DAILY_COUNTS, OPTIONAL_DAILY_COUNTS, type DailyRow, type OptionalDailyCount, type ReplicationResult } from '../model/results.js';
import { csvRows, toCsv, type Cell } from './csv.js';

export const DAILY_HEADER = [
  'replication', 'day', 'date', 'kind', 'id',
  ...DAILY_COUNTS, 'bus_load_factor',
  'queue_end', 'queue_mean', 'queue_max', 'occupancy_end', 'occupancy_mean', 'occupancy_max', 'utilization',
  'docket_lead_days',
] as const;

/**
 * The optional columns a replication reports (OPTIONAL_DAILY_COUNTS), in catalogue order. They follow
 * what the scenario configures, not chance, so every replication of a run has the same ones.
 */
export function optionalDailyColumns(result: ReplicationResult | undefined): OptionalDailyCount[] {
  const seen = new Set<string>();
  for (const row of result?.daily ?? []) if (row.optional) for (const column of Object.keys(row.optional)) seen.add(column);
  return OPTIONAL_DAILY_COUNTS.filter((c) => seen.has(c));
}

/** One replication's rows of daily.csv, without the header. */
export function dailyRowsText(result: ReplicationResult): string {
  const optional = optionalDailyColumns(result);
  if (optional.length === 0) return csvRows(result.daily.map(dailyCells));
  return csvRows(result.daily.map((row) => [...dailyCells(row), ...optional.map((c) => row.optional?.[c] ?? null)]));
}

/** The whole daily.csv; `texts[i]`, when given, is `dailyRowsText(results[i])` computed elsewhere. */
export function dailyCsv(results: readonly ReplicationResult[], texts?: readonly (string | undefined)[]): string {
  return toCsv([...DAILY_HEADER, ...optionalDailyColumns(results[0])], []) + results.map((r, i) => texts?.[i] ?? dailyRowsText(r)).join('');
}

/** One row of daily.csv as cells, in DAILY_HEADER's order (also the what-if page's chart rows). */
export function dailyCells(row: DailyRow): Cell[] {
  return [
    row.replication, row.day, row.date, row.kind, row.id,
    ...DAILY_COUNTS.map((c) => row.counts[c]), row.busLoadFactor,
    row.queueEnd, row.queueMean, row.queueMax, row.occupancyEnd, row.occupancyMean, row.occupancyMax, row.utilization,
    row.docketLeadDays,
  ];
}
