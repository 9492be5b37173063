// Paired differences between variants replicated with common random numbers: replication r of
// every variant saw the same people, so the difference is estimated from per-replication pairs,
// with a far narrower interval than two independent estimates would give.

import type { ReplicationResult } from '../model/index.js';
import { estimate, type Estimate } from '../stats/index.js';

export interface ComparisonRow {
  metric: string;
  scope: string;
  variant: string;
  estimate: Estimate;
  /** Against the first variant; undefined for the first itself. */
  difference?: Estimate;
  significant?: boolean;
}

/**
 * Paired differences of every metric against the first variant. `byVariant[v][r]` is replication r of
 * variant v, run with the same seed (common random numbers); one row per (metric, scope, variant).
 */
export function compareVariants(names: readonly string[], byVariant: readonly (readonly ReplicationResult[])[]): ComparisonRow[] {
  const keys: { metric: string; scope: string }[] = [];
  const values = byVariant.map((results) => {
    const table = new Map<string, number[]>();
    for (const result of results) {
      for (const m of result.metrics) {
        const key = `${m.metric}\u0000${m.scope}`;
        let list = table.get(key);
        if (!list) table.set(key, (list = []));
        list.push(m.value);
      }
    }
    return table;
  });
  for (const m of byVariant[0][0]?.metrics ?? []) keys.push({ metric: m.metric, scope: m.scope });
  const rows: ComparisonRow[] = [];
  for (const { metric, scope } of keys) {
    const key = `${metric}\u0000${scope}`;
    const base = values[0].get(key) ?? [];
    names.forEach((variant, v) => {
      const own = values[v].get(key) ?? [];
      const row: ComparisonRow = { metric, scope, variant, estimate: estimate(own) };
      if (v > 0) {
        const diffs = own.map((x, r) => x - base[r]).filter((d) => Number.isFinite(d));
        row.difference = estimate(diffs);
        const d = row.difference;
        // One replication gives no interval: significance is unknown (left empty), not "no". A
        // difference that is exactly zero in every replication is no change, not an undefined interval.
        if (d.n >= 2) row.significant = Number.isFinite(d.ciLow) ? d.ciLow > 0 || d.ciHigh < 0 : false;
      }
      rows.push(row);
    });
  }
  return rows;
}
