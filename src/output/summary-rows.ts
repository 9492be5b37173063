// The summary across replications, one row per (metric, scope): what summary.csv, compare and sweep
// tables are written from. Its own module, so that both table modules import it and not each other.

import type { ReplicationResult } from '../model/index.js';
import { packedMetricsOf, sameKeys, type MetricKeys } from '../model/metrics-table.js';
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
 * of a command's serial end, are not), from the packed numbers when the results came from worker
 * threads. Undefined when any replication's list differs.
 */
function summarizeAligned(results: readonly ReplicationResult[]): SummaryRow[] | undefined {
  if (results.length === 0) return undefined;
  const first = keysOf(results[0]);
  // A metric reported twice under one scope would be one row of both values by key: leave that to it.
  if (new Set(first.metric.map((metric, i) => `${metric}\u0000${first.scope[i]}`)).size !== first.metric.length) return undefined;
  const columns = first.metric.map(() => new Array<number>(results.length));
  for (let r = 0; r < results.length; r++) {
    const packed = packedMetricsOf(results[r]);
    if (packed) {
      if (!sameKeys(packed.keys, first)) return undefined;
      for (let i = 0; i < packed.values.length; i++) columns[i][r] = packed.values[i];
      continue;
    }
    const metrics = results[r].metrics;
    if (metrics.length !== first.metric.length) return undefined;
    for (let i = 0; i < metrics.length; i++) {
      const m = metrics[i];
      if (m.metric !== first.metric[i] || m.scope !== first.scope[i]) return undefined;
      columns[i][r] = m.value;
    }
  }
  return first.metric.map((metric, i) => ({ metric, scope: first.scope[i], ...estimate(columns[i]) }));
}

function keysOf(result: ReplicationResult): MetricKeys {
  return packedMetricsOf(result)?.keys ?? { metric: result.metrics.map((m) => m.metric), scope: result.metrics.map((m) => m.scope) };
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
