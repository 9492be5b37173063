// The summary across replications, one row per (metric, scope): what summary.csv, compare and sweep
// tables are written from. Its own module, so that both table modules import it and not each other.

import type { ReplicationResult } from '../model/index.js';
import { estimate, type Estimate } from '../stats/index.js';

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
