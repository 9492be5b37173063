// The CSV tables of a run: daily figures, per-replication figures and the summary across replications.

import type { ReplicationResult } from '../model/index.js';
import { estimate, type Estimate } from '../stats/index.js';
import { toCsv, type Cell } from './csv.js';

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

export function summaryCsv(rows: readonly SummaryRow[]): string {
  return toCsv(
    ['metric', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n'],
    rows.map((r) => [r.metric, r.scope, r.mean, r.ciLow, r.ciHigh, r.sd, r.n]),
  );
}

export function replicationsCsv(results: readonly ReplicationResult[]): string {
  const rows: Cell[][] = [];
  for (const result of results) for (const m of result.metrics) rows.push([result.replication, m.metric, m.scope, m.value]);
  return toCsv(['replication', 'metric', 'scope', 'value'], rows);
}

export { EVENTS_HEADER, eventCells } from './events.js';
