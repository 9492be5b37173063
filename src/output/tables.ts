// The CSV tables of a run: daily figures, per-replication figures and the summary across replications.

import type { ReplicationResult } from '../model/index.js';
import { labelledReplicationsCsv, labelledReplicationsCsvBytes, labelledSummaryCsv } from './experiment-tables.js';
import type { SummaryRow } from './summary-rows.js';

export { summarize, type SummaryRow } from './summary-rows.js';
export { DAILY_HEADER, dailyCsv, dailyCsvBytes, dailyRowsBytes, dailyRowsText } from './daily-rows.js';

/** summary.csv of a run: the compare and sweep tables with no leading variant or point columns. */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  return labelledSummaryCsv([], [{ labels: [], summary: rows }]);
}

/** replications.csv of a run: one row per (replication, metric, scope) with its value. */
export function replicationsCsv(results: readonly ReplicationResult[]): string {
  return labelledReplicationsCsv([], [{ labels: [], results }]);
}

/** The same as bytes to write. */
export function replicationsCsvBytes(results: readonly ReplicationResult[]): Uint8Array[] {
  return labelledReplicationsCsvBytes([], [{ labels: [], results }]);
}

export { EVENTS_HEADER, eventCells } from './events.js';
