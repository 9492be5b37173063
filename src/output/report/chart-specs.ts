// Vega-Lite specs for the report's kinds of chart, fed with plain rows. Specs only: rendering is
// render-chart.ts's job, and choosing what data goes in is the sections' (run-charts.ts).

import type { TopLevelSpec } from 'vega-lite';
import { CHART_WIDTH, CONFIG, dateAxis, facetResolve, facetValue } from './chart-look.js';
import { seriesColourScale } from './series-colours.js';

export { CHART_WIDTH, facetValue };

export interface BandRow {
  series: string;
  date: string;
  mean: number;
  low: number | null;
  high: number | null;
  /** A colour within each facet, such as the variant of a comparison. */
  group?: string;
}

export interface BandChartOptions {
  title: string;
  /** One line, or several. */
  subtitle: string | string[];
  /** The y-axis title, with its unit; short (or in lines), since a faceted cell is only 140 px high. */
  yTitle: string | string[];
  /** One small chart per series (independent y scales) instead of one chart with a colour per series. */
  facet: boolean;
  /** Facet headers, by series; defaults to the series name. */
  headers?: Record<string, string>;
  yFormat?: string;
  yDomain?: [number, number];
  points?: boolean;
  /** With `facet`: colour each facet's lines by the rows' `group`, in this order. */
  groups?: readonly string[];
  /** Dated policy changes: a dashed rule and its number at each date (in every facet). */
  marks?: readonly { date: string; label: string }[];
}

const MARK_COLOR = '#9a4d00';

/** The rule-and-number layers for timeline marks; their rows carry `mark`, the data rows do not. */
function markLayers() {
  const only = { transform: [{ filter: 'isValid(datum.mark)' }] };
  return [
    { ...only, mark: { type: 'rule', strokeDash: [4, 3], color: MARK_COLOR, strokeWidth: 1.2 }, encoding: { x: dateAxis() } },
    { ...only, mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, dy: 2, fontSize: 11, fontWeight: 'bold', color: MARK_COLOR }, encoding: { x: dateAxis(), y: { value: 0 }, text: { field: 'mark' } } },
  ];
}

/** Mean across replications as a line, its 95% interval as a band around it; over dates. */
export function bandChart(rows: readonly BandRow[], order: readonly string[], o: BandChartOptions): TopLevelSpec {
  const y = (field: string, withTitle: boolean) => ({
    field,
    type: 'quantitative',
    title: withTitle ? o.yTitle : null,
    ...(o.yDomain ? { scale: { domain: o.yDomain } } : {}),
    ...(o.yFormat && withTitle ? { axis: { format: o.yFormat } } : {}),
  });
  // A series without a row would be an empty panel with an axis (or a legend entry with no line).
  const shown = order.filter((s) => rows.some((r) => r.series === s));
  const color = o.facet
    ? o.groups
      ? { field: 'group', type: 'nominal', scale: seriesColourScale(o.groups), legend: { title: null } }
      : { value: '#1f5f99' }
    : { field: 'series', type: 'nominal', scale: seriesColourScale(shown, order), legend: { title: null } };
  // Lines of one colour are drawn per group; without this, vega-lite would join the groups' points.
  const detail = o.groups ? { detail: { field: 'group', type: 'nominal' } } : {};
  const marks = o.marks ?? [];
  const dataOnly = marks.length > 0 ? { transform: [{ filter: '!isValid(datum.mark)' }] } : {};
  const layer = [
    { ...dataOnly, mark: { type: 'area', opacity: 0.25 }, encoding: { x: dateAxis(), y: y('low', true), y2: { field: 'high' }, color, ...detail } },
    { ...dataOnly, mark: { type: 'line', strokeWidth: 1.8, ...(o.points ? { point: { size: 16 } } : {}) }, encoding: { x: dateAxis(), y: y('mean', true), color, ...detail } },
    ...(marks.length > 0 ? markLayers() : []),
  ];
  // Own keys only: a series is a scenario id, and "constructor" is one.
  const header = (series: string): string => facetValue(o.headers && Object.hasOwn(o.headers, series) ? o.headers[series] : series);
  const values: Record<string, unknown>[] = rows.map((r) => ({ ...r, header: header(r.series) }));
  // A mark row per facet, so every facet draws every rule.
  const facets = o.facet ? shown : [shown[0] ?? ''];
  for (const m of marks) for (const series of facets) values.push({ series, date: m.date, mark: m.label, header: header(series) });
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text: o.title, subtitle: o.subtitle }, config: CONFIG, data: { values } };
  if (!o.facet) return { ...base, width: CHART_WIDTH, height: 260, layer } as unknown as TopLevelSpec;
  const columns = shown.length > 2 ? 2 : 1;
  const headerOrder = shown.map(header);
  return {
    ...base,
    columns,
    facet: { field: 'header', type: 'nominal', title: null, sort: headerOrder },
    spec: { width: columns === 1 ? CHART_WIDTH : CHART_WIDTH / 2 - 40, height: 140, layer },
    resolve: facetResolve(columns),
  } as unknown as TopLevelSpec;
}

export interface CapRow {
  series: string;
  date: string;
  returned: number;
  cap: number;
}

/** People returned a day (mean across replications) as an area, against the day's cap as a step line. */
/** The legend's words for the used area and the cap line (a port's by default). */
export interface CapLabels {
  used: string;
  cap: string;
}

const PORT_CAP_LABELS: CapLabels = { used: 'returned (mean across replications)', cap: 'daily cap (0 when closed)' };

export function capChart(rows: readonly CapRow[], order: readonly string[], title: string, subtitle: string, labels: CapLabels = PORT_CAP_LABELS): TopLevelSpec {
  const returnedLabel = labels.used;
  const capLabel = labels.cap;
  const color = { scale: { domain: [returnedLabel, capLabel], range: ['#4c9a5b', '#b03a2e'] }, legend: { title: null } };
  const layer = [
    {
      mark: { type: 'area', opacity: 0.55, interpolate: 'step-after' },
      encoding: { x: dateAxis(), y: { field: 'returned', type: 'quantitative', title: 'people per day' }, color: { datum: returnedLabel, ...color } },
    },
    {
      mark: { type: 'line', strokeWidth: 1.5, strokeDash: [4, 2], interpolate: 'step-after' },
      encoding: { x: dateAxis(), y: { field: 'cap', type: 'quantitative', title: 'people per day' }, color: { datum: capLabel, ...color } },
    },
  ];
  const shown = order.filter((s) => rows.some((r) => r.series === s));
  const columns = shown.length > 2 ? 2 : 1;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    config: CONFIG,
    data: { values: rows.map((r) => ({ ...r, series: facetValue(r.series) })) },
    columns,
    facet: { field: 'series', type: 'nominal', title: null, sort: shown.map(facetValue) },
    spec: { width: columns === 1 ? CHART_WIDTH : CHART_WIDTH / 2 - 40, height: 150, layer },
    resolve: facetResolve(columns),
  } as unknown as TopLevelSpec;
}

export interface IntervalRow {
  label: string;
  mean: number;
  low: number | null;
  high: number | null;
}

/** Point estimates with their 95% intervals as horizontal bars, one row per label, in the given order. */
export function intervalChart(rows: readonly IntervalRow[], title: string, subtitle: string, xTitle: string): TopLevelSpec {
  const y = { field: 'label', type: 'ordinal', title: null, sort: rows.map((r) => r.label) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    config: CONFIG,
    data: { values: rows },
    width: CHART_WIDTH - 120,
    height: { step: 34 },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2, color: '#1f5f99' }, encoding: { y, x: { field: 'low', type: 'quantitative', title: xTitle }, x2: { field: 'high' } } },
      { mark: { type: 'point', filled: true, size: 70, color: '#1f5f99' }, encoding: { y, x: { field: 'mean', type: 'quantitative', title: xTitle } } },
    ],
  } as unknown as TopLevelSpec;
}

export interface BinRow {
  start: number;
  end: number;
  share: number;
}

/** A histogram from bins computed beforehand (so it can come from a streamed file). */
export function histogramChart(rows: readonly BinRow[], title: string, subtitle: string, xTitle: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    config: CONFIG,
    data: { values: rows },
    width: CHART_WIDTH,
    height: 220,
    mark: { type: 'bar', color: '#1f5f99', binSpacing: 0 },
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: xTitle },
      x2: { field: 'end' },
      y: { field: 'share', type: 'quantitative', title: 'share of people returned', axis: { format: '.0%' } },
    },
  } as unknown as TopLevelSpec;
}
