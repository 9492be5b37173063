// daily.csv, one replication at a time: worker threads format their own replication's rows (the
// costliest part of writing a run), and the main thread only joins them in replication order.

import { DAILY_COUNTS, type DailyRow, type ReplicationResult } from '../model/results.js';
import { csvRows, toCsv, type Cell } from './csv.js';

export const DAILY_HEADER = [
  'replication', 'day', 'date', 'kind', 'id',
  ...DAILY_COUNTS, 'bus_load_factor',
  'queue_end', 'queue_mean', 'queue_max', 'occupancy_end', 'occupancy_mean', 'occupancy_max', 'utilization',
  'docket_lead_days',
] as const;

/** One replication's rows of daily.csv, without the header. */
export function dailyRowsText(result: ReplicationResult): string {
  return csvRows(result.daily.map(dailyCells));
}

/** The whole daily.csv; `texts[i]`, when given, is `dailyRowsText(results[i])` computed elsewhere. */
export function dailyCsv(results: readonly ReplicationResult[], texts?: readonly (string | undefined)[]): string {
  return toCsv(DAILY_HEADER, []) + results.map((r, i) => texts?.[i] ?? dailyRowsText(r)).join('');
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
