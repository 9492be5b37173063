// The report of one run folder: its charts, its summary table and its parameters with their
// sources. Compare and sweep reports are built the same way from their own folders (see write-report.ts).

import type { Fact } from '../../scenario/index.js';
import { escapeHtml } from './html.js';
import type { ReportPage, ReportSection } from './page.js';
import { parametersTableHtml } from './parameters-table.js';
import { parameterRows } from './parameters.js';
import type { RunFolder } from './read-run-folder.js';
import { renderChart, type ChartDefinition, type RenderedChart } from './render-chart.js';
import { returnTimeBins } from './return-time-histogram.js';
import {
  busLoadChart,
  occupancyChart,
  portCapChart,
  queueChart,
  replicationCount,
  returnTimeHistogramChart,
  returnTimeQuantilesChart,
  throughputChart,
} from './run-charts.js';
import { courtDocketChart, portCrossingsChart } from './hearing-charts.js';
import { summaryTableHtml } from './summary-table.js';
import { scenarioTimeline, timelineTableHtml } from './timeline.js';

export async function runReportPage(run: RunFolder, facts: ReadonlyMap<string, Fact>): Promise<ReportPage> {
  const s = run.scenario;
  const reps = replicationCount(run);
  const title = typeof s.title === 'string' ? s.title : String(s.name);
  const warmup = typeof s.warmupDays === 'number' && s.warmupDays > 0 ? ` (the first ${s.warmupDays} left out as warm-up)` : '';
  const subtitle = `Scenario ${String(s.name)}: ${String(s.days)} days from ${String(s.start)}${warmup}, ${reps} replication${reps === 1 ? '' : 's'}, seed ${String(s.seed)}.`;

  const maxWait = Math.max(0, ...run.replications.filter((r) => r.metric === 'wait_hours_max' && r.scope === 'returned').map((r) => Number(r.value)).filter(Number.isFinite));
  const histogram = run.eventsFile ? returnTimeHistogramChart(await returnTimeBins(run.eventsFile, maxWait)) : undefined;
  const groups: [string, string, (ChartDefinition | undefined)[]][] = [
    ['queues', 'Queues and holding', [queueChart(run), occupancyChart(run)]],
    ['throughput', 'Throughput, buses and ports', [throughputChart(run), busLoadChart(run), portCapChart(run)]],
    ['return-time', 'Time to return', [returnTimeQuantilesChart(run), histogram]],
    ['hearings', 'Hearings and waiting in Mexico', [courtDocketChart(run), portCrossingsChart(run, scenarioTimeline(s).marks)]],
  ];
  const sections: ReportSection[] = [];
  for (const [id, heading, charts] of groups) {
    const rendered: RenderedChart[] = [];
    // One at a time, in order: the bytes of the page must not depend on which finishes first.
    for (const chart of charts) if (chart) rendered.push(await renderChart(chart));
    if (rendered.length > 0) sections.push({ id, title: heading, html: rendered.map(figureHtml).join('\n') });
  }
  if (!run.eventsFile) {
    const last = sections.find((x) => x.id === 'return-time');
    if (last) last.html += '\n<p class="note">For a histogram of every person\u2019s time to return, run with <code>--events</code> and make the report again.</p>';
  }
  const timeline = scenarioTimeline(s);
  if (timeline.changes.length > 0) sections.push({ id: 'timeline', title: 'Policy timeline', html: timelineTableHtml(timeline) });
  sections.push({ id: 'summary', title: 'Summary with 95% intervals', html: summaryTableHtml(run.summary) });
  sections.push({ id: 'parameters', title: 'Parameters and their sources', html: parametersTableHtml(parameterRows(s, facts)) });
  if (typeof s.description === 'string') {
    sections.unshift({ id: 'about', title: 'About this scenario', html: `<p>${escapeHtml(s.description)}</p>` });
  }
  return { title: `${title} — mppsim report`, subtitle, sections };
}

export function figureHtml(chart: RenderedChart): string {
  return `<figure class="chart" id="${chart.id}" aria-labelledby="${chart.id}-caption">
<div class="plot">${chart.svg}</div>
<figcaption id="${chart.id}-caption"><strong>${escapeHtml(chart.title)}.</strong> ${escapeHtml(chart.description)}</figcaption>
</figure>`;
}

