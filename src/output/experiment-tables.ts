// Tables of experiments with several variants (compare) or points (sweep): long format, one
// observation per row, ready for a pivot table. Per-day means across replications: daily-mean.ts.

import type { ReplicationResult } from '../model/index.js';
import { packedMetricsOf } from '../model/metrics-table.js';
import { CsvText, toCsv, type Cell } from './csv.js';
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

export interface LabelledResults {
  labels: readonly Cell[];
  results: readonly ReplicationResult[];
}

/** Per-replication figures with leading columns naming the variant or point. */
export function labelledReplicationsCsv(leading: readonly string[], groups: readonly LabelledResults[]): string {
  return replicationsTable(leading, groups).text();
}

/** The same as bytes to write (200 baseline replications: 43,000 rows, which as text were decoded and encoded again). */
export function labelledReplicationsCsvBytes(leading: readonly string[], groups: readonly LabelledResults[]): Uint8Array[] {
  return [replicationsTable(leading, groups).bytes()];
}

/** Rows encoded as they are made, from one reused array: no array per row kept until the end. */
function replicationsTable(leading: readonly string[], groups: readonly LabelledResults[]): CsvText {
  const csv = new CsvText([...leading, 'replication', 'metric', 'scope', 'value']);
  const cells: Cell[] = [];
  for (const { labels, results } of groups) {
    for (let l = 0; l < labels.length; l++) cells[l] = labels[l];
    const at = labels.length;
    for (const r of results) {
      cells[at] = r.replication;
      const packed = packedMetricsOf(r);
      if (packed) {
        // The numbers as they came from the worker thread: no list of metric objects is built.
        const { keys, values } = packed;
        for (let i = 0; i < values.length; i++) {
          cells[at + 1] = keys.metric[i];
          cells[at + 2] = keys.scope[i];
          cells[at + 3] = values[i];
          csv.row(cells);
        }
        continue;
      }
      for (const m of r.metrics) {
        cells[at + 1] = m.metric;
        cells[at + 2] = m.scope;
        cells[at + 3] = m.value;
        csv.row(cells);
      }
    }
  }
  return csv;
}

export function labelledSummaryCsv(leading: readonly string[], groups: readonly { labels: readonly Cell[]; summary: readonly SummaryRow[] }[]): string {
  const rows: Cell[][] = [];
  for (const g of groups) for (const s of g.summary) rows.push([...g.labels, s.metric, s.scope, s.mean, s.ciLow, s.ciHigh, s.sd, s.n]);
  return toCsv([...leading, 'metric', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n'], rows);
}
