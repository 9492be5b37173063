// The CSV tables of a run: daily figures, per-replication figures and the summary across replications.

import type { ReplicationResult } from '../model/index.js';
import { estimate, type Estimate } from '../stats/index.js';
import { labelledReplicationsCsv, labelledSummaryCsv } from './experiment-tables.js';

export { DAILY_HEADER, dailyCsv, dailyRowsText } from './daily-rows.js';

export interface SummaryRow extends Estimate {
  metric: string;
  scope: string;
}

/** One row per (metric, scope), in the order the model reports them, with the estimate across replications. */
export function summarize(results: readonly ReplicationResult[]): SummaryRow[] {
  const byKey = new Map<string, { metric: string; scope: string; values: number[] }>();
  for (const result of results) {
    for (const m of result.metrics) {
      const key = `${m.metric}\u0000${m.scope}`;
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { metric: m.metric, scope: m.scope, values: [] }));
      entry.values.push(m.value);
    }
  }
  return [...byKey.values()].map((e) => ({ metric: e.metric, scope: e.scope, ...estimate(e.values) }));
}

/** summary.csv of a run: the compare and sweep tables with no leading variant or point columns. */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  return labelledSummaryCsv([], [{ labels: [], summary: rows }]);
}

export function replicationsCsv(results: readonly ReplicationResult[]): string {
  return labelledReplicationsCsv([], [{ labels: [], results }]);
}

export { EVENTS_HEADER, eventCells } from './events.js';
