// Vega-Lite specs of the experiment reports' own charts (compare's paired differences, a sweep's
// figures against its parameter, a size search's targets against its parameter), on the shared look
// of chart-specs.ts.

import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, CHART_WIDTH, facetResolve, facetValue } from './chart-look.js';
import { seriesColourScale } from './series-colours.js';

export interface DifferenceRow {
  /** What changed: "metric · scope". */
  label: string;
  variant: string;
  /** Paired difference as a share of the reference's mean, and its 95% interval. */
  change: number;
  low: number | null;
  high: number | null;
  significant: boolean;
}

/**
 * Paired differences against the reference, relative to the reference's mean so that figures of
 * different units share one axis: a point per variant and figure, its interval as a bar, filled
 * where the interval excludes zero.
 */
export function differenceChart(
  rows: readonly DifferenceRow[],
  labels: readonly string[],
  variantNames: readonly string[],
  title: string,
  subtitle: string[],
  xTitle: string,
  /** Every variant, the reference first, as the over-time charts colour them. */
  allVariants: readonly string[] = variantNames,
): TopLevelSpec {
  // An offset by variant is drawn through a vega facet too.
  const variants = variantNames.map(facetValue);
  // Each variant keeps the colour it has in the over-time charts, where the reference comes first.
  const scale = { domain: [...variants], range: seriesColourScale(variantNames, allVariants).range };
  const y = { field: 'label', type: 'nominal', title: null, sort: [...labels], axis: { labelLimit: 320 } };
  const color = { field: 'variant', type: 'nominal', scale, legend: variants.length > 1 ? { title: null } : null };
  const yOffset = variants.length > 1 ? { yOffset: { field: 'variant', type: 'nominal', sort: [...variants] } } : {};
  const x = (field: string) => ({ field, type: 'quantitative', title: xTitle, axis: { format: '+.0%' } });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    config: CONFIG,
    width: CHART_WIDTH - 280,
    height: { step: variants.length > 1 ? 14 * variants.length + 8 : 24 },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888', strokeDash: [3, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      {
        data: { values: rows.map((r) => ({ ...r, variant: facetValue(r.variant) })) },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, ...yOffset, x: x('low'), x2: { field: 'high' }, color } },
          {
            mark: { type: 'point', size: 60, strokeWidth: 2 },
            encoding: {
              y,
              ...yOffset,
              x: x('change'),
              color,
              fillOpacity: { condition: { test: 'datum.significant', value: 1 }, value: 0 },
              fill: { field: 'variant', type: 'nominal', scale, legend: null },
            },
          },
        ],
      },
    ],
  } as unknown as TopLevelSpec;
}

export interface SweepRow {
  /** The figure's label with its unit, one small chart each. */
  figure: string;
  x: number | string;
  /** The second swept parameter's value, as a colour; empty with one parameter. */
  group: string;
  mean: number;
  low: number | null;
  high: number | null;
}

/** Each figure against a swept parameter: points with 95% intervals, joined by lines on a grid. */
export function sweepChart(
  rows: readonly SweepRow[],
  figures: readonly string[],
  o: { title: string; subtitle: string[]; xTitle: string; xNumeric: boolean; groupTitle: string | null; groups: readonly string[]; lines: boolean },
): TopLevelSpec {
  const x = (withTitle: boolean) => ({ field: 'x', type: o.xNumeric ? 'quantitative' : 'ordinal', title: withTitle ? o.xTitle : null, ...(o.xNumeric ? { scale: { zero: false, padding: 12 } } : {}) });
  const color = o.groupTitle
    ? { field: 'group', type: 'nominal', scale: seriesColourScale(o.groups), legend: { title: o.groupTitle, titleLimit: 600 } }
    : { value: '#1f5f99' };
  // Units differ from figure to figure: each small chart's header names its unit.
  const y = { field: 'mean', type: 'quantitative', title: 'mean', scale: { zero: false } };
  const layer = [
    { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: x(true), y: { field: 'low', type: 'quantitative', title: 'mean' }, y2: { field: 'high' }, color } },
    ...(o.lines ? [{ mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x: x(true), y, color } }] : []),
    { mark: { type: 'point', filled: true, size: 40 }, encoding: { x: x(true), y, color } },
  ];
  const columns = figures.length > 1 ? 2 : 1;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title, subtitle: o.subtitle },
    config: CONFIG,
    data: { values: rows },
    columns,
    facet: { field: 'figure', type: 'nominal', title: null, sort: [...figures] },
    spec: { width: columns === 1 ? CHART_WIDTH : CHART_WIDTH / 2 - 40, height: 150, layer },
    resolve: facetResolve(columns),
  } as unknown as TopLevelSpec;
}

export interface SizeChartRow {
  /** The target as written, one small chart each. */
  target: string;
  x: number;
  mean: number;
  /** The one-sided 95% bound the verdict is read from. */
  bound: number;
  verdict: 'pass' | 'fail' | 'undecided';
  /** The target's value: the line the bound must meet. */
  goal: number;
}

const VERDICT_COLOURS = { domain: ['pass', 'fail', 'undecided'], range: ['#2e7d32', '#c62828', '#8a8a8a'] };

/**
 * Each target of a size search against the parameter: every candidate's mean as a point coloured by its
 * verdict, a bar from the mean to its one-sided 95% bound, the target as a dashed line and the answer
 * (when there is one) as a vertical line.
 */
export function sizeChart(rows: readonly SizeChartRow[], targets: readonly string[], o: { title: string; subtitle: string[]; xTitle: string; answer?: number }): TopLevelSpec {
  const x = { field: 'x', type: 'quantitative', title: o.xTitle, scale: { zero: false, padding: 12 } };
  const y = { field: 'mean', type: 'quantitative', title: 'mean', scale: { zero: false } };
  const color = { field: 'verdict', type: 'nominal', scale: VERDICT_COLOURS, legend: { title: null } };
  const layer = [
    { mark: { type: 'rule', strokeDash: [5, 3], color: '#555' }, encoding: { y: { field: 'goal', type: 'quantitative', title: 'mean' } } },
    ...(o.answer === undefined ? [] : [{ mark: { type: 'rule', color: '#2e7d32', opacity: 0.5 }, encoding: { x: { datum: o.answer, type: 'quantitative' } } }]),
    { mark: { type: 'line', color: '#bbb', strokeWidth: 1 }, encoding: { x, y } },
    { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y, y2: { field: 'bound' }, color } },
    { mark: { type: 'tick', orient: 'horizontal', thickness: 2, size: 10 }, encoding: { x, y: { field: 'bound', type: 'quantitative' }, color } },
    { mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, color } },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: o.title, subtitle: o.subtitle },
    config: CONFIG,
    data: { values: rows },
    columns: 1,
    facet: { field: 'target', type: 'nominal', title: null, sort: [...targets] },
    spec: { width: CHART_WIDTH, height: 180, layer },
    resolve: facetResolve(1),
  } as unknown as TopLevelSpec;
}
