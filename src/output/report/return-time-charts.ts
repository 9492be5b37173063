// The report's two charts of the time from arrival to return: its quantiles from summary.csv (with
// their intervals across replications) and its distribution from events.csv. No file access, so the
// what-if page draws them too.

import { histogramChart, intervalChart, type IntervalRow } from './chart-specs.js';
import { listing, percent, readable } from './html.js';
import { replicationCount } from './cells.js';
import type { RunFolder } from './read-run-folder.js';
import type { ChartDefinition } from './render-chart.js';
import type { ReturnTimeBins } from './return-time-histogram.js';

const WAIT_STATISTICS: [string, string][] = [
  ['wait_hours_mean', 'mean'],
  ['wait_hours_p50', 'median (p50)'],
  ['wait_hours_p90', '90th percentile'],
  ['wait_hours_p95', '95th percentile'],
  ['wait_hours_max', 'maximum'],
];

export function returnTimeQuantilesChart(run: RunFolder): ChartDefinition | undefined {
  const rows: IntervalRow[] = [];
  for (const [metric, label] of WAIT_STATISTICS) {
    const entry = run.summary.find((s) => s.metric === metric && s.scope === 'returned');
    if (entry && entry.mean !== null) rows.push({ label, mean: entry.mean, low: entry.ciLow, high: entry.ciHigh });
  }
  if (rows.length === 0) return undefined;
  const reps = replicationCount(run);
  const words = rows.map((r) => `${r.label} ${readable(r.mean)} h${r.low !== null ? ` (95% interval ${readable(r.low)} to ${readable(r.high)})` : ''}`);
  return {
    id: 'chart-return-time',
    title: 'Time from arrival to return: quantiles',
    description: `Hours from arrival to return to Mexico, per person returned, averaged over replications: ${listing(words)}.`,
    spec: intervalChart(
      rows,
      'Time from arrival to return: quantiles',
      reps > 1 ? `point: mean across ${reps} replications of each replication's figure; bar: its 95% interval` : 'one replication: no interval',
      'hours from arrival to return',
    ),
  };
}

export function returnTimeHistogramChart(bins: ReturnTimeBins): ChartDefinition | undefined {
  if (bins.people === 0) return undefined;
  const rows = bins.counts.map((count, k) => ({ start: k * bins.binHours, end: (k + 1) * bins.binHours, share: count / bins.people }));
  const within24 = bins.counts.reduce((s, c, k) => ((k + 1) * bins.binHours <= 24 ? s + c : s), 0);
  const mode = rows.reduce((a, b) => (b.share > a.share ? b : a));
  return {
    id: 'chart-return-time-histogram',
    title: 'Time from arrival to return: distribution',
    description:
      `Histogram of hours from arrival to return for ${readable(bins.people, 0)} people returned, all ${bins.replications} replications pooled, in bins of ${readable(bins.binHours)} h. ` +
      `The most common is ${readable(mode.start)} to ${readable(mode.end)} h (${percent(mode.share, 1)}); ${percent(within24 / bins.people, 1)} were returned within 24 h.`,
    spec: histogramChart(rows, 'Time from arrival to return: distribution', `from events.csv: every person returned, all replications pooled; bins of ${readable(bins.binHours)} h`, 'hours from arrival to return'),
  };
}
