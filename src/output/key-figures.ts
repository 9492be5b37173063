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
  const table = lines.map((l) => l.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
  const n = rows.find((r) => Number.isFinite(r.ciLow))?.n;
  return n !== undefined && n <= FEW_REPLICATIONS ? `${table}\n${fewReplicationsNote(n)}` : table;
}

/** With this many replications or fewer, a 95% t-interval is several times as wide as its standard error suggests. */
export const FEW_REPLICATIONS = 3;

export function fewReplicationsNote(n: number): string {
  return `Note: with ${n} replications the 95% intervals are wide (the t quantile is ${n === 2 ? '12.7' : '4.3'}) and mean little; run with --reps 10 or more for intervals to compare.`;
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
  // Totals first, then each stage's; the waits split by sector or category ("returned/tucson") last.
  const split = (r: ComparisonLine): boolean => r.scope.includes('/');
  const ordered = [...changed.filter((r) => r.scope === 'total'), ...changed.filter((r) => r.scope !== 'total' && !split(r)), ...changed.filter(split)];
  if (ordered.length === 0) return 'No figure changes significantly (every 95% interval of a paired difference includes zero).';
  const lines = [['metric', 'scope', 'variant', 'first', 'variant mean', 'difference', 'change', '95% interval']];
  for (const r of ordered.slice(0, limit)) {
    const d = r.difference!;
    const first = base.get(`${r.metric}\u0000${r.scope}`) ?? NaN;
    const change = first !== 0 && Number.isFinite(first) ? `${formatNumber(significant((100 * d.mean) / Math.abs(first)))}%` : '';
    lines.push([r.metric, r.scope, r.variant, readableNumber(first), readableNumber(r.estimate.mean), readableNumber(d.mean), change, `${readableNumber(d.ciLow)} to ${readableNumber(d.ciHigh)}`]);
  }
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const table = lines.map((l) => l.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
  const more = ordered.length > limit ? `\n... and ${ordered.length - limit} more in comparison.csv` : '';
  const n = ordered[0].difference!.n;
  const few = n <= FEW_REPLICATIONS ? `\n${fewReplicationsNote(n)}` : '';
  return `${ordered.length} figure${ordered.length === 1 ? '' : 's'} change significantly (paired 95% interval excludes zero):\n${table}${more}${few}`;
}

/** Two decimals, or three significant digits for smaller numbers, so a significant difference never prints as 0. */
export function readableNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  return formatNumber(Math.abs(v) >= 1 || v === 0 ? Math.round(v * 100) / 100 : significant(v));
}

function significant(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(3));
}
