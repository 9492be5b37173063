// Issue 16 item 13: one colour per series in every chart and report, no panel drawn for a series
// without data, and the bus-load caption counting only the days a route ran.

import { describe, expect, it } from 'vitest';
import { bandChart, capChart, type BandRow } from '../../src/output/report/chart-specs.js';
import { differenceChart, sweepChart } from '../../src/output/report/experiment-chart-specs.js';
import { renderChart } from '../../src/output/report/render-chart.js';
import { busLoadChart } from '../../src/output/report/run-charts.js';
import { SERIES_PALETTE } from '../../src/output/report/series-colours.js';
import type { CsvRow } from '../../src/output/report/cells.js';

interface Scale {
  domain: string[];
  range: string[];
}
type Encoded = { encoding: { color: { scale?: Scale; value?: string } } };
/** The colour of each series as the spec's first coloured layer maps it. */
function colours(layer: readonly Encoded[]): Record<string, string> {
  const scale = layer.find((l) => l.encoding.color.scale)!.encoding.color.scale!;
  return Object.fromEntries(scale.domain.map((d, k) => [d, scale.range[k]]));
}

const days = ['2019-11-01', '2019-11-02'];
const band = (series: string, group?: string): BandRow[] => days.map((date) => ({ series, date, mean: 1, low: 0, high: 2, ...(group ? { group } : {}) }));
const text = { title: 't', subtitle: 's', yTitle: 'y' };

describe('one colour per series', () => {
  it('a variant has the same colour in the differences (reference left out) as in the over-time charts', () => {
    const overTime = bandChart([...band('queue a', 'ref'), ...band('queue a', 'more'), ...band('queue a', 'fewer')], ['queue a'], { ...text, facet: true, groups: ['ref', 'more', 'fewer'] }) as unknown as { spec: { layer: Encoded[] } };
    const rows = ['more', 'fewer'].map((variant) => ({ label: 'x · total', variant, change: 0.1, low: 0, high: 0.2, significant: true }));
    const differences = differenceChart(rows, ['x · total'], ['more', 'fewer'], 't', ['s'], 'x', ['ref', 'more', 'fewer']) as unknown as { layer: [unknown, { layer: Encoded[] }] };
    expect(colours(overTime.spec.layer)).toEqual({ ref: SERIES_PALETTE[0], more: SERIES_PALETTE[1], fewer: SERIES_PALETTE[2] });
    expect(colours(differences.layer[1].layer)).toEqual({ more: SERIES_PALETTE[1], fewer: SERIES_PALETTE[2] });
  });

  it('a named flow keeps its colour whichever other flows a chart shows', () => {
    const spec = (order: string[]) => colours((bandChart(order.flatMap((s) => band(s)), order, { ...text, facet: false }) as unknown as { layer: Encoded[] }).layer);
    expect(spec(['arrivals', 'boarded', 'returned', 'released'])).toEqual({ arrivals: SERIES_PALETTE[0], boarded: SERIES_PALETTE[1], returned: SERIES_PALETTE[4], released: SERIES_PALETTE[2] });
    expect(spec(['arrivals', 'returned'])).toEqual({ arrivals: SERIES_PALETTE[0], returned: SERIES_PALETTE[4] });
  });

  it('a sweep colours its groups from the same palette, in their order', () => {
    const rows = ['1', '2'].map((group) => ({ figure: 'f', x: 1, group, mean: 1, low: 0, high: 2 }));
    const spec = sweepChart(rows, ['f'], { title: 't', subtitle: [], xTitle: 'x', xNumeric: true, groupTitle: 'g', groups: ['1', '2'], lines: true }) as unknown as { spec: { layer: Encoded[] } };
    expect(colours(spec.spec.layer)).toEqual({ 1: SERIES_PALETTE[0], 2: SERIES_PALETTE[1] });
  });
});

describe('no empty panels', () => {
  it('a band chart draws no facet (not even a timeline rule) for a series without rows', () => {
    const spec = bandChart([...band('a'), ...band('c')], ['a', 'b', 'c'], { ...text, facet: true, marks: [{ date: days[1], label: '1' }] }) as unknown as {
      columns: number;
      facet: { sort: string[] };
      data: { values: { series: string }[] };
    };
    expect(spec.facet.sort).toEqual(['a', 'c']);
    expect(spec.columns).toBe(1);
    expect([...new Set(spec.data.values.map((v) => v.series))]).toEqual(['a', 'c']);
  });

  it('an odd number of small charts on two columns leaves the last cell blank: no x axis under it', async () => {
    const spec = bandChart(['a', 'b', 'c'].flatMap((s) => band(s)), ['a', 'b', 'c'], { ...text, facet: true });
    const { svg } = await renderChart({ id: 'odd', title: 't', description: 'd', spec });
    expect(svg.match(/aria-label="X-axis/g)).toHaveLength(3);
  });

  it('a cap chart draws no facet for a port without rows', () => {
    const spec = capChart([{ series: 'p', date: days[0], returned: 1, cap: 2 }], ['p', 'q'], 't', 's') as unknown as { facet: { sort: string[] } };
    expect(spec.facet.sort).toEqual(['p']);
  });
});

describe('the bus-load caption', () => {
  it('counts only the days the route offered seats, even where a cell holds 0 on other days', () => {
    const daily: CsvRow[] = [];
    for (const replication of ['0', '1'])
      for (const [day, seats] of [[0, 0], [1, 0], [2, 50], [3, 50], [4, 0]] as const)
        daily.push({ replication, day: String(day), date: `2019-11-0${day + 1}`, kind: 'bus-route', id: 'r', seats_offered: String(seats), boarded: String(seats / 2), bus_load_factor: seats > 0 ? '0.5' : '0' });
    const chart = busLoadChart({ dir: '', scenario: {}, summary: [], daily, replications: [], eventsFile: undefined })!;
    expect(chart.description).toContain('r: 50% of seats filled on average over 2 departure days; full in every replication on 0 of them, under half full on average on 0');
  });
});
