// The report of a `mppsim sweep` folder: each key figure against the swept parameter (the second
// one, if any, as a colour), the points with their figures, and the base scenario's parameters.

import type { Fact } from '../../scenario/index.js';
import { sweepChart, type SweepRow } from './experiment-chart-specs.js';
import { escapeHtml, listing, readable } from './html.js';
import { keyMetrics, metricLabel } from './key-metrics.js';
import type { ReportPage, ReportSection } from './page.js';
import { parametersTableHtml } from './parameters-table.js';
import { parameterRows } from './parameters.js';
import type { SweepFolder } from './read-experiment-folder.js';
import { renderChart, type ChartDefinition } from './render-chart.js';
import { figureHtml } from './run-report.js';
import { metricUnit } from '../metric-catalogue.js';

export async function sweepReportPage(folder: SweepFolder, facts: ReadonlyMap<string, Fact>): Promise<ReportPage> {
  const reps = Math.max(0, ...folder.rows.map((r) => r.n));
  const keys = keyMetrics(folder.rows.filter((r) => r.point === folder.points[0]?.point));
  const sections: ReportSection[] = [];
  const chart = figuresChart(folder, keys);
  if (chart) sections.push({ id: 'figures', title: 'Key figures against the swept parameters', html: figureHtml(await renderChart(chart)) });
  sections.push({ id: 'points', title: 'Points', html: pointsTableHtml(folder, keys) });
  const swept = folder.parameters.map((p) => `<li><code>${escapeHtml(p)}</code>: ${escapeHtml(distinct(folder.points.map((r) => r[p])).join(', '))}</li>`).join('');
  sections.push({
    id: 'parameters',
    title: 'Parameters and their sources',
    html: `<p class="note">Swept, so their values below (the first point's) vary from point to point:</p><ul>${swept}</ul>\n${parametersTableHtml(parameterRows(folder.scenario, facts))}`,
  });
  const name = String(folder.scenario.name);
  return {
    title: `Sweep of ${name} over ${listing(folder.parameters)} — mppsim report`,
    subtitle: `${folder.points.length} points, ${reps} replication${reps === 1 ? '' : 's'} each with common random numbers; every figure is the mean across replications with its 95% interval.`,
    sections,
  };
}

function distinct(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) if (!out.includes(v)) out.push(v);
  return out;
}

function figuresChart(folder: SweepFolder, keys: readonly { metric: string; scope: string }[]): ChartDefinition | undefined {
  const [first, second] = folder.parameters;
  if (first === undefined || keys.length === 0) return undefined;
  const pointValues = new Map(folder.points.map((p) => [p.point, p]));
  const xNumeric = folder.points.every((p) => p[first] !== '' && Number.isFinite(Number(p[first])));
  const groups = second === undefined ? [] : distinct(folder.points.map((p) => p[second]));
  // On a grid every colour has each x once, so lines may join the points; a Latin hypercube draws points only.
  const firstValues = distinct(folder.points.map((p) => p[first]));
  const lines = folder.points.length === firstValues.length * Math.max(1, groups.length) && groups.length <= 10;
  const label = (k: { metric: string; scope: string }) => `${metricLabel(k)} (${metricUnit(k.metric)})`;
  // A figure that is 0 at every point (nobody released, say) is said in words, not drawn.
  const zero = keys.filter((k) => folder.rows.every((r) => r.metric !== k.metric || r.scope !== k.scope || r.mean === 0 || r.mean === null));
  const rows: SweepRow[] = [];
  for (const r of folder.rows) {
    const key = keys.find((k) => k.metric === r.metric && k.scope === r.scope);
    const point = pointValues.get(r.point);
    if (!key || !point || r.mean === null || zero.includes(key)) continue;
    rows.push({
      figure: label(key),
      x: xNumeric ? Number(point[first]) : point[first],
      group: second === undefined ? '' : point[second],
      mean: r.mean,
      low: r.ciLow,
      high: r.ciHigh,
    });
  }
  if (rows.length === 0) return undefined;
  const figures = keys.map(label).filter((f) => rows.some((r) => r.figure === f));
  const at = (r: SweepRow) => (second === undefined ? `${r.x}` : `${r.x}, ${r.group}`);
  const described = figures.slice(0, 12).map((f) => {
    const own = rows.filter((r) => r.figure === f);
    const low = own.reduce((a, b) => (b.mean < a.mean ? b : a));
    const high = own.reduce((a, b) => (b.mean > a.mean ? b : a));
    return `${f} from ${readable(low.mean)} (at ${at(low)}) to ${readable(high.mean)} (at ${at(high)})`;
  });
  const title = `Key figures against ${first}`;
  const where = second === undefined ? `${first}` : `(${first}, ${second})`;
  return {
    id: 'chart-sweep',
    title,
    description:
      `Each key figure's mean across replications at each point of the sweep, against ${first}${second ? `, one colour per value of ${second}` : ''}; points are given as ${where}. ` +
      `${described.join('; ')}${figures.length > 12 ? '; the rest are in the table' : ''}.` +
      (zero.length > 0 ? ` 0 at every point, so not drawn: ${zero.map(metricLabel).join(', ')}.` : ''),
    spec: sweepChart(rows, figures, {
      title,
      subtitle: [`point: mean across replications; bar: its 95% interval${second ? `; colour: ${second}` : ''}`, ...(folder.parameters.length > 2 ? [`other swept parameters (${folder.parameters.slice(2).join(', ')}) are in the table`] : [])],
      xTitle: first,
      xNumeric,
      groupTitle: second ?? null,
      groups,
      lines,
    }),
  };
}

function pointsTableHtml(folder: SweepFolder, keys: readonly { metric: string; scope: string }[]): string {
  const head = [...folder.parameters.map((p) => `<th scope="col"><code>${escapeHtml(p)}</code></th>`), ...keys.map((k) => `<th scope="col" class="num">${escapeHtml(metricLabel(k))}</th>`)].join('');
  const body = folder.points.map((p) => {
    const cells = keys.map((k) => {
      const r = folder.rows.find((x) => x.point === p.point && x.metric === k.metric && x.scope === k.scope);
      if (!r || r.mean === null) return '<td class="num"></td>';
      const interval = r.ciLow !== null && r.ciHigh !== null ? `<br><span class="source">${readable(r.ciLow)} to ${readable(r.ciHigh)}</span>` : '';
      return `<td class="num">${readable(r.mean)}${interval}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(p.point)}</th>${folder.parameters.map((q) => `<td>${escapeHtml(p[q])}</td>`).join('')}${cells.join('')}</tr>`;
  });
  return `<div class="wide"><table class="points">
<caption>Each point's key figures: mean across replications, and its 95% interval below it. Every figure of every point is in sweep.csv.</caption>
<thead><tr><th scope="col">point</th>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`;
}
