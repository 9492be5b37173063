// The short table printed after a sweep: one row per point, its parameter values, then each key
// figure that differs between points as mean ± the half-width of its 95% interval.

import type { Cell } from './csv.js';
import { FEW_REPLICATIONS, fewReplicationsNote, readableNumber } from './key-figures.js';
import { keyMetricIds } from './metric-catalogue.js';
import type { SummaryRow } from './summary-rows.js';

export interface SweepTablePoint {
  point: number;
  params: readonly Cell[];
  summary: readonly SummaryRow[];
}

/** The totals and the waits to return, as the sweep report charts them. */
function figures(): { metric: string; scope: string }[] {
  return [...keyMetricIds('total', true).map((metric) => ({ metric, scope: 'total' })), ...keyMetricIds('returned', true).map((metric) => ({ metric, scope: 'returned' }))];
}

/** At most `limit` rows; parameter values rounded for reading (a Latin hypercube's carry ten decimals; sweep.csv has them all). */
export function formatSweepTable(parameters: readonly string[], points: readonly SweepTablePoint[], limit = 40): string {
  const find = (p: SweepTablePoint, f: { metric: string; scope: string }) => p.summary.find((r) => r.metric === f.metric && r.scope === f.scope);
  const present = figures().filter((f) => points.some((p) => Number.isFinite(find(p, f)?.mean)));
  // A figure equal at every point (no buses, or a lever it cannot feel) is named once, not repeated per row.
  const same = present.filter((f) => new Set(points.map((p) => find(p, f)?.mean)).size === 1);
  const shown = present.filter((f) => !same.includes(f));
  const cell = (row: SummaryRow | undefined): string => {
    if (!row || !Number.isFinite(row.mean)) return '';
    return Number.isFinite(row.ciHigh) ? plusMinus(row.mean, row.ciHigh - row.mean) : readableNumber(row.mean);
  };
  const label = (f: { metric: string; scope: string }): string => (f.scope === 'total' ? f.metric : `${f.metric} (${f.scope})`);
  const lines = [['point', ...parameters, ...shown.map(label)]];
  for (const p of points.slice(0, limit)) lines.push([String(p.point), ...p.params.map((v) => (typeof v === 'number' ? readableNumber(v) : String(v ?? ''))), ...shown.map((f) => cell(find(p, f)))]);
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const numeric = 1 + parameters.length;
  const table = lines.map((l) => l.map((text, c) => (c >= numeric ? text.padStart(widths[c]) : text.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
  const n = points[0]?.summary.find((r) => r.metric === 'returned' && r.scope === 'total')?.n ?? 0;
  const notes = [
    n >= 2 ? 'mean ± half-width of the 95% interval, over replications' : 'means of 1 replication: run with --reps 2 or more for intervals',
    ...(points.length > limit ? [`... and ${points.length - limit} more points in sweep.csv`] : []),
    ...(same.length > 0 ? [`the same at every point: ${same.map((f) => `${label(f)} ${readableNumber(find(points[0], f)!.mean)}`).join(', ')}`] : []),
    ...(n >= 2 && n <= FEW_REPLICATIONS ? [fewReplicationsNote(n)] : []),
  ];
  return `${table}\n${notes.join('\n')}`;
}

/** The half-width to three significant digits and the mean to the same decimal place: "5028 ± 185", "0.720 ± 0.0460". */
function plusMinus(mean: number, halfWidth: number): string {
  if (!(halfWidth > 0)) return `${readableNumber(mean)} ± 0`;
  const decimals = Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(halfWidth))));
  return `${mean.toFixed(decimals)} ± ${halfWidth.toFixed(decimals)}`;
}
