// Tables of experiments with several variants (compare) or points (sweep): long format, one
// observation per row, ready for a pivot table. Per-day means across replications: daily-mean.ts.

import type { ReplicationResult } from '../model/index.js';
import { toCsv, type Cell } from './csv.js';
import type { SummaryRow } from './summary-rows.js';


export interface ComparisonCsvRow {
  metric: string;
  scope: string;
  variant: string;
  estimate: { mean: number; ciLow: number; ciHigh: number; sd: number; n: number };
  difference?: { mean: number; ciLow: number; ciHigh: number };
  significant?: boolean;
}

export function comparisonCsv(rows: readonly ComparisonCsvRow[]): string {
  return toCsv(
    ['metric', 'scope', 'variant', 'mean', 'ci_low', 'ci_high', 'sd', 'n', 'diff', 'diff_ci_low', 'diff_ci_high', 'significant'],
    rows.map((r) => [
      r.metric, r.scope, r.variant, r.estimate.mean, r.estimate.ciLow, r.estimate.ciHigh, r.estimate.sd, r.estimate.n,
      r.difference?.mean, r.difference?.ciLow, r.difference?.ciHigh,
      r.significant === undefined ? '' : r.significant ? 'yes' : 'no',
    ]),
  );
}

export interface SweepPoint {
  point: number;
  params: readonly Cell[];
  summary: readonly SummaryRow[];
  results: readonly ReplicationResult[];
}

export function sweepCsv(parameters: readonly string[], points: readonly SweepPoint[]): string {
  const rows: Cell[][] = [];
  for (const p of points) for (const s of p.summary) rows.push([p.point, ...p.params, s.metric, s.scope, s.mean, s.ciLow, s.ciHigh, s.sd, s.n]);
  return toCsv(['point', ...parameters, 'metric', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n'], rows);
}

/** Per-replication figures with leading columns naming the variant or point. */
export function labelledReplicationsCsv(leading: readonly string[], groups: readonly { labels: readonly Cell[]; results: readonly ReplicationResult[] }[]): string {
  const rows: Cell[][] = [];
  for (const g of groups) for (const r of g.results) for (const m of r.metrics) rows.push([...g.labels, r.replication, m.metric, m.scope, m.value]);
  return toCsv([...leading, 'replication', 'metric', 'scope', 'value'], rows);
}

export function labelledSummaryCsv(leading: readonly string[], groups: readonly { labels: readonly Cell[]; summary: readonly SummaryRow[] }[]): string {
  const rows: Cell[][] = [];
  for (const g of groups) for (const s of g.summary) rows.push([...g.labels, s.metric, s.scope, s.mean, s.ciLow, s.ciHigh, s.sd, s.n]);
  return toCsv([...leading, 'metric', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n'], rows);
}
