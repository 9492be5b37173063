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
  return summarizeAligned(results) ?? summarizeByKey(results);
}

/**
 * Every replication of a run reports the same metrics in the same order: then each row is a column
 * of values read by position (200 baseline replications: 43,000 keys built and looked up, 50-100 ms
 * of a command's serial end, are not). Undefined when any replication's list differs.
 */
function summarizeAligned(results: readonly ReplicationResult[]): SummaryRow[] | undefined {
  const first = results[0]?.metrics;
  if (!first) return undefined;
  const columns = first.map(() => new Array<number>(results.length));
  for (let r = 0; r < results.length; r++) {
    const metrics = results[r].metrics;
    if (metrics.length !== first.length) return undefined;
    for (let i = 0; i < metrics.length; i++) {
      const m = metrics[i];
      if (m.metric !== first[i].metric || m.scope !== first[i].scope) return undefined;
      columns[i][r] = m.value;
    }
  }
  // A metric reported twice under one scope would be one row of both values by key: leave that to it.
  if (new Set(first.map((m) => `${m.metric}\u0000${m.scope}`)).size !== first.length) return undefined;
  return first.map((m, i) => ({ metric: m.metric, scope: m.scope, ...estimate(columns[i]) }));
}

function summarizeByKey(results: readonly ReplicationResult[]): SummaryRow[] {
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
