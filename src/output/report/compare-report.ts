// The report of a `mppsim compare` folder: the paired differences against the first variant with
// their intervals, the variants' queues and occupancy side by side over time, the comparison table,
// and what differs between the variants' parameters.

import type { Fact } from '../../scenario/index.js';
import { bandChart, type BandRow } from './chart-specs.js';
import { differenceChart, type DifferenceRow } from './experiment-chart-specs.js';
import { escapeHtml, listing, percent, readable } from './html.js';
import { keyMetrics, metricLabel } from './key-metrics.js';
import type { ReportPage, ReportSection } from './page.js';
import { parametersTableHtml } from './parameters-table.js';
import { formatValue, parameterRows } from './parameters.js';
import type { CompareFolder } from './read-experiment-folder.js';
import { cellNumber } from './read-run-folder.js';
import { renderChart, type ChartDefinition } from './render-chart.js';
import { figureHtml } from './run-report.js';
import { metricUnit } from '../metric-catalogue.js';
import { stageSeries } from '../stage-labels.js';

export async function compareReportPage(folder: CompareFolder, facts: ReadonlyMap<string, Fact>): Promise<ReportPage> {
  const names = folder.variants.map((v) => v.name);
  const reference = folder.variants[0];
  const reps = Math.max(0, ...folder.comparison.map((c) => c.n));
  const charts: ChartDefinition[] = [];
  const difference = differencesChart(folder, names);
  if (difference) charts.push(difference);
  const sideBySide = [overTimeChart(folder, names, 'queue_mean', 'queues'), overTimeChart(folder, names, 'occupancy_mean', 'occupancy')];
  const sections: ReportSection[] = [];
  if (charts.length > 0) sections.push({ id: 'differences', title: 'Paired differences', html: (await renderAll(charts)).join('\n') });
  const over = sideBySide.filter((c): c is ChartDefinition => c !== undefined);
  if (over.length > 0) sections.push({ id: 'over-time', title: 'The variants over time', html: (await renderAll(over)).join('\n') });
  sections.push({ id: 'comparison', title: 'Comparison table', html: comparisonTableHtml(folder, names) });
  sections.push({ id: 'variants', title: 'What differs between the variants', html: variantDifferencesHtml(folder) });
  sections.push({
    id: 'parameters',
    title: `Parameters of ${reference.name} and their sources`,
    html: parametersTableHtml(parameterRows(reference.scenario, facts)),
  });
  const title = typeof reference.scenario.title === 'string' ? reference.scenario.title : reference.name;
  return {
    title: `Comparison: ${listing(names)} — mppsim report`,
    subtitle: `${names.length} variants (${title}), ${reps} replication${reps === 1 ? '' : 's'} each with common random numbers: replication r of every variant saw the same people. Differences are paired, against ${reference.name}.`,
    sections,
  };
}

async function renderAll(charts: readonly ChartDefinition[]): Promise<string[]> {
  const html: string[] = [];
  for (const chart of charts) html.push(figureHtml(await renderChart(chart)));
  return html;
}

function differencesChart(folder: CompareFolder, names: readonly string[]): ChartDefinition | undefined {
  const reference = names[0];
  const others = names.slice(1);
  const keys = keyMetrics(folder.comparison.filter((c) => c.variant === reference));
  const rows: DifferenceRow[] = [];
  const skipped: string[] = [];
  for (const key of keys) {
    const base = folder.comparison.find((c) => c.variant === reference && c.metric === key.metric && c.scope === key.scope);
    if (!base || base.mean === null || base.mean === 0) {
      skipped.push(metricLabel(key));
      continue;
    }
    for (const variant of others) {
      const row = folder.comparison.find((c) => c.variant === variant && c.metric === key.metric && c.scope === key.scope);
      if (!row || row.diff === null) continue;
      const scale = Math.abs(base.mean);
      rows.push({
        label: metricLabel(key),
        variant,
        change: row.diff / scale,
        low: row.diffLow === null ? null : row.diffLow / scale,
        high: row.diffHigh === null ? null : row.diffHigh / scale,
        significant: row.significant === true,
      });
    }
  }
  if (rows.length === 0) return undefined;
  const labels = keys.map(metricLabel).filter((l) => rows.some((r) => r.label === l));
  const significant = rows.filter((r) => r.significant).map((r) => `${r.label} ${percent(r.change, 1)} in ${r.variant}`);
  return {
    id: 'chart-differences',
    title: `Change against ${reference}, key figures`,
    description:
      `Paired difference of each key figure against ${reference}, as a share of ${reference}'s mean, with its 95% interval. ` +
      (significant.length > 0 ? `Intervals excluding no change: ${significant.join('; ')}.` : 'No interval excludes no change.') +
      (skipped.length > 0 ? ` Not shown (${reference}'s mean is 0): ${skipped.join(', ')}.` : ''),
    spec: differenceChart(
      rows,
      labels,
      others,
      `Change against ${reference}, key figures`,
      ['paired difference / reference mean; bar: 95% interval; filled point: the interval excludes 0', 'figures whose reference mean is 0 are in the table only'],
      `change against ${reference} (share of its mean)`,
      names,
    ),
  };
}

function overTimeChart(folder: CompareFolder, names: readonly string[], figure: string, what: 'queues' | 'occupancy'): ChartDefinition | undefined {
  const rows: BandRow[] = [];
  const order: string[] = [];
  for (const r of folder.dailyMean) {
    if (r.figure !== figure) continue;
    const series = stageSeries(r.id, r.kind);
    if (!order.includes(series)) order.push(series);
    const mean = cellNumber(r.mean);
    if (mean === null) continue;
    const low = cellNumber(r.ci_low);
    rows.push({ series, group: r.variant, date: r.date, mean, low: low === null ? null : Math.max(0, low), high: cellNumber(r.ci_high) });
  }
  if (rows.length === 0) return undefined;
  const averages = order.map((series) => {
    const parts = names.map((v) => {
      const own = rows.filter((r) => r.series === series && r.group === v);
      return own.length > 0 ? `${v} ${readable(own.reduce((s, r) => s + r.mean, 0) / own.length)}` : '';
    });
    return `${series}: ${parts.filter(Boolean).join(', ')}`;
  });
  const title = what === 'queues' ? 'Queue length over time, variant by variant' : 'Holding occupancy over time, variant by variant';
  const unit = what === 'queues' ? 'people waiting' : 'people held';
  return {
    id: `chart-${what}-by-variant`,
    title,
    description: `${unit[0].toUpperCase()}${unit.slice(1)}, time-averaged over each day, mean across replications, one line per variant. Average over the days: ${averages.join('; ')}.`,
    spec: bandChart(rows, order, {
      title,
      subtitle: [`${unit}, time-averaged over each day; each stage on its own scale`, 'line: mean across replications; band: its 95% interval (cut at 0)'],
      yTitle: unit,
      facet: true,
      groups: names,
    }),
  };
}

function comparisonTableHtml(folder: CompareFolder, names: readonly string[]): string {
  const keys: { metric: string; scope: string }[] = [];
  for (const c of folder.comparison) if (!keys.some((k) => k.metric === c.metric && k.scope === c.scope)) keys.push({ metric: c.metric, scope: c.scope });
  const interval = (low: number | null, high: number | null) => (low !== null && high !== null ? `${readable(low)} to ${readable(high)}` : '');
  const head = names
    .map((n, i) => `<th scope="col" class="num">${escapeHtml(n)}<br>mean (95% interval)</th>${i > 0 ? `<th scope="col" class="num">difference (95% interval)</th>` : ''}`)
    .join('');
  const body = keys.map((k) => {
    const cells = names
      .map((n, i) => {
        const c = folder.comparison.find((x) => x.variant === n && x.metric === k.metric && x.scope === k.scope);
        const own = c ? `${c.mean === null ? '' : readable(c.mean)}<br><span class="source">${interval(c.ciLow, c.ciHigh)}</span>` : '';
        if (i === 0) return `<td class="num">${own}</td>`;
        const diff = c && c.diff !== null ? `${readable(c.diff)}${c.significant ? ' <span class="mark fact" title="the interval excludes 0">≠ 0</span>' : ''}<br><span class="source">${interval(c.diffLow, c.diffHigh)}</span>` : '';
        return `<td class="num">${own}</td><td class="num">${diff}</td>`;
      })
      .join('');
    return `<tr><td><code>${escapeHtml(k.metric)}</code></td><td>${escapeHtml(k.scope)}</td><td>${escapeHtml(metricUnit(k.metric))}</td>${cells}</tr>`;
  });
  return `<table class="comparison">
<caption>comparison.csv: each variant's mean across replications, and its paired difference from ${escapeHtml(names[0])} with the 95% interval of that difference; "≠ 0" marks an interval that excludes 0.</caption>
<thead><tr><th scope="col">metric</th><th scope="col">scope</th><th scope="col">unit</th>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>`;
}

function variantDifferencesHtml(folder: CompareFolder): string {
  const [reference, ...others] = folder.variants;
  const base = new Map(parameterRows(reference.scenario, new Map()).map((r) => [r.path, r.value]));
  const items = others.map((v) => {
    const own = parameterRows(v.scenario, new Map());
    const changed = own.filter((r) => base.get(r.path) !== r.value);
    const removed = [...base.keys()].filter((p) => !own.some((r) => r.path === p));
    const lines = [
      ...changed.map((r) => `<li><code>${escapeHtml(r.path)}</code>: ${escapeHtml(base.has(r.path) ? (base.get(r.path) as string) : 'absent')} → <strong>${escapeHtml(r.value)}</strong></li>`),
      ...removed.map((p) => `<li><code>${escapeHtml(p)}</code>: ${escapeHtml(base.get(p) as string)} → absent</li>`),
    ];
    const name = v.scenario.name === reference.scenario.name ? '' : ` (scenario ${escapeHtml(String(v.scenario.name))})`;
    return `<li><strong>${escapeHtml(v.name)}</strong>${name}: ${lines.length === 0 ? 'the same parameters as the reference' : `<ul>${lines.join('')}</ul>`}</li>`;
  });
  return `<p class="note">Against <strong>${escapeHtml(reference.name)}</strong>, the reference (values as in each variant's scenario as run; ${escapeHtml(formatValue(others.length))} other variant${others.length === 1 ? '' : 's'}):</p>\n<ul>${items.join('\n')}</ul>`;
}
