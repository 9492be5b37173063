// Tables of experiments with several variants (compare) or points (sweep), and per-day means
// across replications: long format, one observation per row, ready for a pivot table.

import { DAILY_COUNTS, OPTIONAL_DAILY_COUNTS, type DailyRow, type ReplicationResult } from '../model/index.js';
import { estimate } from '../stats/index.js';
import { toCsv, type Cell } from './csv.js';
import type { SummaryRow } from './summary-rows.js';

const DAILY_FIGURES: { name: string; get: (row: DailyRow) => number | null }[] = [
  ...DAILY_COUNTS.map((c) => ({ name: c, get: (row: DailyRow) => row.counts[c] })),
  { name: 'bus_load_factor', get: (row) => row.busLoadFactor },
  { name: 'queue_end', get: (row) => row.queueEnd },
  { name: 'queue_mean', get: (row) => row.queueMean },
  { name: 'queue_max', get: (row) => row.queueMax },
  { name: 'occupancy_end', get: (row) => row.occupancyEnd },
  { name: 'occupancy_mean', get: (row) => row.occupancyMean },
  { name: 'occupancy_max', get: (row) => row.occupancyMax },
  { name: 'utilization', get: (row) => row.utilization },
  // Only rows of a stage with the feature carry these (empty elsewhere, so they add no line there).
  ...OPTIONAL_DAILY_COUNTS.map((c) => ({ name: c, get: (row: DailyRow) => row.optional?.[c] ?? null })),
];

export interface VariantResults {
  name: string;
  results: readonly ReplicationResult[];
}

/** Mean and 95% interval across replications of every daily figure, per day and stage. */
export function dailyMeanCsv(variants: readonly VariantResults[], withVariant: boolean): string {
  const rows: Cell[][] = [];
  for (const { name, results } of variants) {
    const first = results[0]?.daily ?? [];
    first.forEach((template, i) => {
      for (const figure of DAILY_FIGURES) {
        if (figure.get(template) === null) continue;
        const values = results.map((r) => figure.get(r.daily[i])).filter((v): v is number => v !== null);
        const e = estimate(values);
        const cells: Cell[] = [template.day, template.date, template.kind, template.id, figure.name, e.mean, e.ciLow, e.ciHigh, e.sd, e.n];
        rows.push(withVariant ? [name, ...cells] : cells);
      }
    });
  }
  const header = ['day', 'date', 'kind', 'id', 'figure', 'mean', 'ci_low', 'ci_high', 'sd', 'n'];
  return toCsv(withVariant ? ['variant', ...header] : header, rows);
}

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
