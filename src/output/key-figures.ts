// The short table printed after a run: the figures an analyst looks at first.

import { formatNumber } from './format.js';
import { keyMetricIds } from './metric-catalogue.js';
import type { SummaryRow } from './summary-rows.js';

export function keyFigures(rows: readonly SummaryRow[]): SummaryRow[] {
  const pick = (metric: string, scope: string): SummaryRow | undefined => rows.find((r) => r.metric === metric && r.scope === scope);
  const key: SummaryRow[] = [];
  for (const metric of keyMetricIds('total')) {
    const row = pick(metric, 'total');
    if (row && !(metric.startsWith('bus') && !Number.isFinite(row.mean))) key.push(row);
  }
  for (const p of keyMetricIds('returned')) {
    const row = pick(p, 'returned');
    if (row && Number.isFinite(row.mean)) key.push(row);
  }
  const perStage = new Set(keyMetricIds('stage'));
  for (const r of rows) if (perStage.has(r.metric)) key.push(r);
  return key;
}

export function formatTable(rows: readonly SummaryRow[]): string {
  const round = (v: number): string => (Number.isFinite(v) ? formatNumber(Math.round(v * 100) / 100) : '');
  const lines = [['metric', 'scope', 'mean', '95% interval']];
  for (const r of rows) {
    const interval = Number.isFinite(r.ciLow) ? `${round(r.ciLow)} to ${round(r.ciHigh)}` : '(1 replication)';
    lines.push([r.metric, r.scope, round(r.mean), interval]);
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  return lines.map((l) => l.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

export interface ComparisonLine {
  metric: string;
  scope: string;
  variant: string;
  estimate: { mean: number };
  difference?: { mean: number; ciLow: number; ciHigh: number; n: number };
  significant?: boolean;
}

/** The figures whose paired difference from the first variant excludes zero, totals first. */
export function formatComparison(rows: readonly ComparisonLine[], limit = 40): string {
  const base = new Map(rows.filter((r) => !r.difference).map((r) => [`${r.metric}\u0000${r.scope}`, r.estimate.mean]));
  if (rows.some((r) => r.difference) && rows.every((r) => !r.difference || r.difference.n < 2)) {
    return 'Intervals need at least 2 replications (run with --reps 2 or more): which figures change significantly is unknown; comparison.csv has the differences, with `significant` left empty.';
  }
  const changed = rows.filter((r) => r.significant);
  const ordered = [...changed.filter((r) => r.scope === 'total'), ...changed.filter((r) => r.scope !== 'total')];
  if (ordered.length === 0) return 'No figure changes significantly (every 95% interval of a paired difference includes zero).';
  const round = (v: number): string => (Number.isFinite(v) ? formatNumber(Math.round(v * 100) / 100) : '');
  const lines = [['metric', 'scope', 'variant', 'first', 'variant mean', 'difference', '95% interval']];
  for (const r of ordered.slice(0, limit)) {
    const d = r.difference!;
    lines.push([r.metric, r.scope, r.variant, round(base.get(`${r.metric}\u0000${r.scope}`) ?? NaN), round(r.estimate.mean), round(d.mean), `${round(d.ciLow)} to ${round(d.ciHigh)}`]);
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const table = lines.map((l) => l.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
  const more = ordered.length > limit ? `\n... and ${ordered.length - limit} more in comparison.csv` : '';
  return `${ordered.length} figure${ordered.length === 1 ? '' : 's'} change significantly (paired 95% interval excludes zero):\n${table}${more}`;
}
