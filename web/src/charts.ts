// The report's charts, drawn in the page: the same chart definitions (src/output/report/run-charts.ts)
// over the same rows, rendered to SVG by the same vega code, only narrowed to the page's width.
// Loaded on demand: vega and vega-lite are the page's largest part, and figures come first.

import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonRow } from '../../src/experiment/paired.js';
import { bandChart, type BandRow } from '../../src/output/report/chart-specs.js';
import { differenceChart, type DifferenceRow } from '../../src/output/report/experiment-chart-specs.js';
import { stageBands, stageIds } from '../../src/output/report/daily-bands.js';
import { percent, readable } from '../../src/output/report/html.js';
import { keyMetrics, metricLabel } from '../../src/output/report/key-metrics.js';
import type { RunFolder } from '../../src/output/report/read-run-folder.js';
import { renderChart, type ChartDefinition, type RenderedChart } from '../../src/output/report/render-chart.js';
import { courtDocketChart, portCrossingsChart } from '../../src/output/report/hearing-charts.js';
import { busLoadChart, occupancyChart, portCapChart, queueChart, returnTimeQuantilesChart, throughputChart } from '../../src/output/report/run-charts.js';
import { scenarioTimeline, timelineTableHtml } from '../../src/output/report/timeline.js';
import { STAGE_KINDS, stageSeries } from '../../src/output/stage-labels.js';

export type { RenderedChart };

/** The run report's charts but the histogram (which needs events.csv), in the report's order, the hearing half last. */
export function runCharts(run: RunFolder): ChartDefinition[] {
  const marks = scenarioTimeline(run.scenario).marks;
  return [queueChart(run), occupancyChart(run), throughputChart(run), busLoadChart(run), portCapChart(run), returnTimeQuantilesChart(run), courtDocketChart(run), portCrossingsChart(run, marks)].filter(
    (c): c is ChartDefinition => c !== undefined,
  );
}

/** As the compare report: each key figure's paired difference as a share of the published mean. */
export function differencesChart(rows: readonly ComparisonRow[], names: readonly [string, string]): ChartDefinition | undefined {
  const [reference, variant] = names;
  const base = rows.filter((r) => r.variant === reference);
  const keys = keyMetrics(base.map((r) => ({ metric: r.metric, scope: r.scope, mean: Number.isFinite(r.estimate.mean) ? r.estimate.mean : null })));
  const drawn: DifferenceRow[] = [];
  const skipped: string[] = [];
  for (const key of keys) {
    const ref = base.find((r) => r.metric === key.metric && r.scope === key.scope);
    const own = rows.find((r) => r.variant === variant && r.metric === key.metric && r.scope === key.scope);
    if (!ref || !own?.difference || !Number.isFinite(ref.estimate.mean) || ref.estimate.mean === 0 || !Number.isFinite(own.difference.mean)) {
      skipped.push(metricLabel(key));
      continue;
    }
    const scale = Math.abs(ref.estimate.mean);
    const d = own.difference;
    const interval = Number.isFinite(d.ciLow);
    drawn.push({
      label: metricLabel(key),
      variant,
      change: d.mean / scale,
      low: interval ? d.ciLow / scale : null,
      high: interval ? d.ciHigh / scale : null,
      significant: own.significant === true,
    });
  }
  if (drawn.length === 0) return undefined;
  const significant = drawn.filter((r) => r.significant).map((r) => `${r.label} ${percent(r.change, 1)}`);
  const title = `Change against ${reference}, key figures`;
  return {
    id: 'chart-differences',
    title,
    description:
      `Paired difference of each key figure of ${variant} against ${reference} (same seeds), as a share of ${reference}'s mean, with its 95% interval. ` +
      (significant.length > 0 ? `Intervals excluding no change: ${significant.join('; ')}.` : 'No interval excludes no change.') +
      (skipped.length > 0 ? ` Not shown (no value, or ${reference}'s mean is 0): ${skipped.join(', ')}.` : ''),
    spec: differenceChart(
      drawn,
      keys.map(metricLabel).filter((l) => drawn.some((r) => r.label === l)),
      [variant],
      title,
      ['paired difference / published mean; bar: 95% interval; filled point: the interval excludes 0'],
      `change against ${reference} (share of its mean)`,
    ),
  };
}

/** As the compare report: both variants' queues over time, one colour each. */
export function queuesByVariantChart(runs: readonly { name: string; folder: RunFolder }[]): ChartDefinition | undefined {
  const rows: BandRow[] = [];
  const order: string[] = [];
  for (const { name, folder } of runs) {
    for (const kind of STAGE_KINDS) {
      for (const id of stageIds(folder.daily, kind)) {
        const series = stageSeries(id, kind);
        if (!order.includes(series)) order.push(series);
        for (const b of stageBands(folder.daily.filter((r) => r.id === id && r.kind === kind), kind, 'queue_mean')) {
          rows.push({ series, group: name, date: b.date, mean: b.mean, low: b.low === null ? null : Math.max(0, b.low), high: b.high });
        }
      }
    }
  }
  if (rows.length === 0) return undefined;
  const names = runs.map((r) => r.name);
  const averages = order.map((series) => {
    const parts = names.map((v) => {
      const own = rows.filter((r) => r.series === series && r.group === v);
      return own.length > 0 ? `${v} ${readable(own.reduce((s, r) => s + r.mean, 0) / own.length)}` : '';
    });
    return `${series}: ${parts.filter(Boolean).join(', ')}`;
  });
  const title = 'Queue length over time, as published and as edited';
  return {
    id: 'chart-queues-by-variant',
    title,
    description: `People waiting, time-averaged over each day, mean across replications, one line per variant. Average over the days: ${averages.join('; ')}.`,
    spec: bandChart(rows, order, {
      title,
      subtitle: ['people waiting, time-averaged over each day; each stage on its own scale', 'line: mean across replications; band: its 95% interval (cut at 0)'],
      yTitle: 'people waiting',
      facet: true,
      groups: names,
    }),
  };
}

/**
 * The report's specs are 760 px wide; in a narrower page every plot width is scaled down (and facets
 * put in one column), so that text stays at its size instead of shrinking with the whole picture.
 */
export function fitWidth(spec: TopLevelSpec, available: number): TopLevelSpec {
  const s = structuredClone(spec) as unknown as Record<string, unknown> & { spec?: Record<string, unknown>; columns?: number };
  const room = Math.max(160, available - 110);
  // Charts narrower than 760 px leave the difference for their labels; they keep that room.
  const narrow = (width: unknown): unknown => (typeof width === 'number' ? Math.max(120, Math.min(width, room - (760 - width))) : width);
  if (s.spec && typeof s.spec.width === 'number') {
    if (available < 720 && typeof s.columns === 'number') s.columns = 1;
    s.spec.width = s.columns === 1 ? Math.min(room, 760) : Math.min(s.spec.width as number, Math.floor(room / 2) - 40);
  }
  s.width = narrow(s.width);
  return s as unknown as TopLevelSpec;
}

export async function renderFitted(chart: ChartDefinition, available: number): Promise<RenderedChart> {
  return renderChart({ ...chart, spec: fitWidth(chart.spec, available) });
}

/** The dated changes of the run's scenario as the report's table; undefined when it has none. */
export function timelineOf(run: RunFolder): string | undefined {
  const timeline = scenarioTimeline(run.scenario);
  return timeline.changes.length > 0 ? timelineTableHtml(timeline) : undefined;
}
