// Which charts a run's report shows, from which columns, and the words that stand in for each
// chart (its text alternative). The specs' shapes are in chart-specs.ts.

import { bandChart, capChart, type BandRow } from './chart-specs.js';
import { stageBands, stageIds, totalBands, type DayBand } from './daily-bands.js';
import { percent, readable } from './html.js';
import { capUse } from './cap-use.js';
import { cellNumber, replicationCount } from './cells.js';
import type { RunFolder } from './read-run-folder.js';
import type { ChartDefinition } from './render-chart.js';
import { scenarioTimeline, type TimelineMark } from './timeline.js';
import { STAGE_KINDS, stageSeries } from '../stage-labels.js';

export { replicationCount } from './cells.js';
export { returnTimeHistogramChart, returnTimeQuantilesChart } from './return-time-charts.js';

/** A band for quantities that cannot be negative: the interval is cut at 0 where it dips below. */
function bandRows(bands: readonly DayBand[]): BandRow[] {
  return bands.map((b) => ({ series: b.series, date: b.date, mean: b.mean, low: b.low === null ? null : Math.max(0, b.low), high: b.high }));
}

function bandSubtitle(run: RunFolder): string {
  const reps = replicationCount(run);
  return reps > 1
    ? `line: mean across ${reps} replications; band: 95% interval of that mean (cut at 0)`
    : 'one replication: no interval (run with --reps 2 or more for bands)';
}

/** The scenario's dated changes, drawn on every chart over dates. */
function marksOf(run: RunFolder): TimelineMark[] {
  return scenarioTimeline(run.scenario).marks;
}

function peakAndAverage(bands: readonly DayBand[], series: string, unit: string): string {
  const own = bands.filter((b) => b.series === series);
  if (own.length === 0) return `${series}: no data`;
  const peak = own.reduce((a, b) => (b.mean > a.mean ? b : a));
  const average = own.reduce((s, b) => s + b.mean, 0) / own.length;
  return `${series}: ${readable(average)} ${unit} on average, highest ${readable(peak.mean)} on ${peak.date}`;
}

export function occupancyChart(run: RunFolder): ChartDefinition | undefined {
  const bands = stageBands(run.daily, 'sector', 'occupancy_mean');
  const sites = stageIds(run.daily, 'sector');
  if (bands.length === 0) return undefined;
  const capacity = (id: string): number | null => {
    const sectors = run.scenario.sectors as Record<string, { holdingCapacity?: number }> | undefined;
    const sector = sectors && Object.hasOwn(sectors, id) ? sectors[id] : undefined;
    return typeof sector?.holdingCapacity === 'number' ? sector.holdingCapacity : null;
  };
  const headers = Object.fromEntries(sites.map((id) => [id, capacity(id) === null ? id : `${id} (holds ${readable(capacity(id))})`]));
  return {
    id: 'chart-occupancy',
    title: 'Holding occupancy over time, by site',
    description:
      `People held at each site, time-averaged over each day, mean across replications. ` +
      sites.map((id) => `${peakAndAverage(bands, id, 'people held')}${capacity(id) === null ? '' : ` (capacity ${readable(capacity(id))})`}`).join('; ') +
      '.',
    spec: bandChart(bandRows(bands), sites, {
      title: 'Holding occupancy over time, by site',
      subtitle: ['people held, time-averaged over each day', bandSubtitle(run)],
      yTitle: 'people held',
      facet: true,
      marks: marksOf(run),
      headers,
    }),
  };
}

export function queueChart(run: RunFolder): ChartDefinition | undefined {
  const bands: DayBand[] = [];
  const order: string[] = [];
  for (const kind of STAGE_KINDS) {
    for (const id of stageIds(run.daily, kind)) {
      const label = stageSeries(id, kind);
      order.push(label);
      bands.push(...stageBands(run.daily.filter((r) => r.id === id && r.kind === kind), kind, 'queue_mean').map((b) => ({ ...b, series: label })));
    }
  }
  if (bands.length === 0) return undefined;
  return {
    id: 'chart-queues',
    title: 'Queue length over time, by stage',
    description: `People waiting for each stage, time-averaged over each day, mean across replications. ${order.map((s) => peakAndAverage(bands, s, 'waiting')).join('; ')}.`,
    spec: bandChart(bandRows(bands), order, {
      title: 'Queue length over time, by stage',
      subtitle: ['people waiting, time-averaged over each day; each stage on its own scale', bandSubtitle(run)],
      yTitle: 'people waiting',
      facet: true,
      marks: marksOf(run),
    }),
  };
}

export function throughputChart(run: RunFolder): ChartDefinition | undefined {
  const flows: [string, string, string][] = [
    ['sector', 'arrivals', 'arrivals'],
    ['bus-route', 'boarded', 'boarded'],
    ['port', 'returned', 'returned'],
    ['sector', 'released', 'released'],
  ];
  const bands = flows.flatMap(([kind, column, series]) => totalBands(run.daily, kind, column, series));
  const order = flows.map(([, , s]) => s).filter((s) => bands.some((b) => b.series === s));
  if (bands.length === 0) return undefined;
  return {
    id: 'chart-throughput',
    title: 'Daily throughput: arrivals, boarded, returned, released',
    description: `People per day over all sites, mean across replications. ${order.map((s) => peakAndAverage(bands, s, 'a day')).join('; ')}.`,
    spec: bandChart(bandRows(bands), order, {
      title: 'Daily throughput: arrivals, boarded, returned, released',
      subtitle: ['people per day, summed over all sites', bandSubtitle(run)],
      yTitle: 'people per day',
      facet: false,
      marks: marksOf(run),
    }),
  };
}

export function busLoadChart(run: RunFolder): ChartDefinition | undefined {
  // A departure day is one with seats offered in some replication; on any other day the load factor
  // means nothing (whatever its cell holds), so it is neither drawn nor counted in the caption.
  const ran = new Set(run.daily.filter((r) => r.kind === 'bus-route' && (cellNumber(r.seats_offered) ?? 0) > 0).map((r) => `${r.id}\u0000${r.day}`));
  const bands = stageBands(run.daily, 'bus-route', 'bus_load_factor').filter((b) => ran.has(`${b.series}\u0000${b.day}`));
  const routes = stageIds(run.daily, 'bus-route').filter((id) => bands.some((b) => b.series === id));
  if (bands.length === 0) return undefined;
  const described = routes.map((id) => {
    const own = bands.filter((b) => b.series === id);
    const average = own.reduce((s, b) => s + b.mean, 0) / own.length;
    const full = own.filter((b) => b.mean >= 0.999).length;
    const low = own.filter((b) => b.mean < 0.5).length;
    return `${id}: ${percent(average)} of seats filled on average over ${own.length} departure days; full in every replication on ${full} of them, under half full on average on ${low}`;
  });
  return {
    id: 'chart-bus-load',
    title: 'Bus load factor per departure day',
    description: `People boarded divided by seats offered, per day with departures, mean across replications. ${described.join('; ')}.`,
    spec: bandChart(
      bands.map((b) => ({ series: b.series, date: b.date, mean: b.mean, low: b.low === null ? null : Math.max(0, b.low), high: b.high === null ? null : Math.min(1, b.high) })),
      routes,
      {
        title: 'Bus load factor per departure day',
        subtitle: `${bandSubtitle(run).replace('cut at 0', 'cut at 0% and 100%')}`,
        yTitle: ['load factor', '(boarded / seats offered)'],
        facet: false,
        marks: marksOf(run),
        yFormat: '.0%',
        yDomain: [0, 1],
        points: true,
      },
    ),
  };
}

export function portCapChart(run: RunFolder): ChartDefinition | undefined {
  const use = capUse(run, 'port', 'returned');
  if (!use) return undefined;
  const described = use.summaries.map((u) => `${u.id}: ${readable(u.usedPerDay)} returned a day on average, ${percent(u.shareOfCap)} of the summed caps; within 5% of the cap on ${u.daysAtCap} of ${u.openDays} open days`);
  return {
    id: 'chart-port-cap',
    title: 'Port use against its daily cap',
    description: `People returned per day at each port, mean across replications, and that day's cap. ${described.join('; ')}.`,
    spec: capChart(use.rows, use.ids, 'Port use against its daily cap', 'area: people returned per day, mean across replications; dashed: the day\u2019s cap'),
  };
}
