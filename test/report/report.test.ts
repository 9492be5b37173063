// `mppsim report DIR` without a browser: what the page holds, that it is self-contained and
// reproducible, and that a bad folder is an input error (exit 2) naming the file, with nothing written.

import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parameterRows } from '../../src/output/report/parameters.js';
import { renderChart } from '../../src/output/report/render-chart.js';
import { stageBands, totalBands } from '../../src/output/report/daily-bands.js';
import { niceBinHours } from '../../src/output/report/return-time-histogram.js';
import { readRunFolder } from '../../src/output/report/read-run-folder.js';
import { busLoadChart, occupancyChart, portCapChart, queueChart, returnTimeQuantilesChart, throughputChart } from '../../src/output/report/run-charts.js';
import { mppsim, tempDir } from '../support/cli.js';
import { writeSmallScenario } from './small-scenario.js';

let dir = '';
let out = '';
let html = '';

beforeAll(() => {
  dir = tempDir('mppsim-report-');
  out = join(dir, 'out');
  expect(mppsim(['run', writeSmallScenario(dir), '--out', out, '--workers', '1', '--quiet']).code).toBe(0);
  const report = mppsim(['report', out]);
  expect(report.stderr).toBe('');
  expect(report.code).toBe(0);
  html = readFileSync(join(out, 'report.html'), 'utf8');
});

describe('mppsim report', () => {
  it('writes one self-contained page: no scripts, no external resources, nothing left behind', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/<link(?![^>]*href="data:)/i);
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    expect(html).toContain(`content="default-src 'none'`);
    expect(readdirSync(out).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('gives the same bytes for the same folder, wherever it is and whatever the time zone', () => {
    const copy = join(dir, 'copy');
    cpSync(out, copy, { recursive: true });
    rmSync(join(copy, 'report.html'));
    const again = mppsim(['report', copy, '--quiet']);
    expect(again.stdout).toBe('');
    expect(readFileSync(join(copy, 'report.html'), 'utf8')).toBe(html);
    process.env.TZ = 'Pacific/Chatham';
    try {
      expect(mppsim(['report', copy, '--quiet']).code).toBe(0);
    } finally {
      delete process.env.TZ;
    }
    expect(readFileSync(join(copy, 'report.html'), 'utf8')).toBe(html);
  });

  it('shows every parameter with its cited fact (value, date, source) or its assumption, escaped', () => {
    // A scenario's own fact, with its value, unit, date and source (escaped) and the citation's note.
    expect(html).toContain('<code>ports.ciudad-juarez.dailyCap</code>');
    expect(html).toContain('people per day (test figure)');
    expect(html).toContain('Report test fixture &lt;not a publication&gt;');
    expect(html).toContain("a scenario&#39;s own fact");
    // A bundled fact, from seeds/facts.yaml.
    expect(html).toMatch(/busRoutes\.tucson-el-paso\.seatsPerBus<\/code><\/td><td>50<\/td><td><ul class="citations"><li><span class="mark fact">fact<\/span>/);
    expect(html).toContain('<code>bus-people-per-bus</code>');
    // A prefix citation covers the fields under it; assumptions are marked and escaped.
    expect(html).toMatch(/sectors\.tucson\.holdingCapacity<\/code><\/td><td>300<\/td><td><ul class="citations"><li><span class="mark assumption">assumption<\/span>whole-sector assumption for the test <span class="via">\(citation of <code>sectors\.tucson<\/code>\)/);
    expect(html).toContain('an assumption with &lt;markup&gt; &amp; quotes&quot;');
    // Uncited values say so.
    expect(html).toMatch(/<code>days<\/code><\/td><td>12<\/td><td><ul class="citations"><li><span class="mark uncited">not cited<\/span>/);
  });

  it('has the summary table with 95% intervals, one row per row of summary.csv', () => {
    const summaryRows = readFileSync(join(out, 'summary.csv'), 'utf8').trim().split('\n').length - 1;
    const table = html.slice(html.indexOf('<table class="summary">'), html.indexOf('</table>', html.indexOf('<table class="summary">')));
    expect(table.match(/<tr><td>/g)).toHaveLength(summaryRows);
    expect(table).toContain('95% interval');
    expect(table).toMatch(/<code>returned<\/code><\/td><td>people<\/td><td class="num">[\d,.]+<\/td><td class="num">[\d,.-]+ to [\d,.]+<\/td>/);
  });

  it('has a figure for each chart, with a caption and an SVG labelled by its title and description', () => {
    const ids = [...html.matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1]);
    // No events.csv in this run: the quantile chart, and a note on how to get the histogram.
    expect(ids).toEqual(['chart-queues', 'chart-occupancy', 'chart-throughput', 'chart-bus-load', 'chart-port-cap', 'chart-return-time']);
    expect(html).toContain('run with <code>--events</code>');
    for (const id of ids) {
      expect(html).toContain(`role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">`);
      expect(html).toContain(`<figcaption id="${id}-caption">`);
    }
    // Ids inside the SVGs (clip paths) are unique in the page.
    const svgIds = [...html.matchAll(/<(?:clipPath|linearGradient|radialGradient)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(svgIds).size).toBe(svgIds.length);
  });

  it('refuses a folder that is not a run folder with exit 2, naming each missing file, and writes nothing', () => {
    const missing = mppsim(['report', join(dir, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${join(dir, 'nowhere')}: no such folder`);

    const partial = join(dir, 'partial');
    cpSync(out, partial, { recursive: true });
    rmSync(join(partial, 'report.html'));
    rmSync(join(partial, 'daily.csv'));
    rmSync(join(partial, 'scenario.json'));
    const incomplete = mppsim(['report', partial]);
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain(`${join(partial, 'daily.csv')}: no such file`);
    expect(incomplete.stderr).toContain(`${join(partial, 'scenario.json')}: no such file`);
    expect(incomplete.stderr).not.toMatch(/internal error|at .*\.js/);
    expect(existsSync(join(partial, 'report.html'))).toBe(false);

    const malformed = join(dir, 'malformed');
    cpSync(out, malformed, { recursive: true });
    rmSync(join(malformed, 'report.html'));
    writeFileSync(join(malformed, 'summary.csv'), 'metric,scope,mean\nreturned,total,1\n');
    const bad = mppsim(['report', malformed]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(malformed, 'summary.csv')}: expected a column "ci_low"`);
    expect(existsSync(join(malformed, 'report.html'))).toBe(false);

    writeFileSync(join(malformed, 'summary.csv'), readFileSync(join(out, 'summary.csv')));
    writeFileSync(join(malformed, 'scenario.json'), '{"name": ');
    const json = mppsim(['report', malformed]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain(`${join(malformed, 'scenario.json')}: not valid JSON`);
  });
});

describe('report building blocks', () => {
  it('bands: the mean across replications per day, with a Student-t interval; totals summed within a replication first', () => {
    const row = (replication: number, day: number, id: string, arrivals: string) => ({ replication: String(replication), day: String(day), date: `2019-11-0${day + 1}`, kind: 'sector', id, arrivals });
    const daily = [row(0, 0, 'a', '10'), row(0, 0, 'b', '2'), row(1, 0, 'a', '14'), row(1, 0, 'b', '6'), row(0, 1, 'a', ''), row(1, 1, 'a', '')];
    const bands = stageBands(daily, 'sector', 'arrivals');
    // t(0.975, 1) = 12.706; sd of (10, 14) = 2.828; half-width = 12.706 × 2.828 / √2 = 25.41.
    expect(bands.find((b) => b.series === 'a')).toMatchObject({ day: 0, mean: 12, n: 2 });
    expect(bands.find((b) => b.series === 'a')!.high).toBeCloseTo(12 + 25.412, 2);
    expect(bands.filter((b) => b.series === 'a')).toHaveLength(1); // day 1 has no values
    const total = totalBands(daily, 'sector', 'arrivals', 'arrivals');
    expect(total[0]).toMatchObject({ series: 'arrivals', mean: 16, n: 2 });
  });

  it('parameters: the longest citation prefix applies; citations inside a one-line value are listed too', () => {
    const rows = parameterRows(
      {
        name: 'x',
        days: 5,
        sectors: { s: { holdingCapacity: 10, processing: { hoursPerGroup: { dist: 'triangular', min: 1, mode: 2, max: 3 } } } },
        facts: [{ id: 'own', value: 3, unit: 'h', date: '2019', source: 'S' }],
        citations: {
          sectors: { assumption: 'all sectors' },
          'sectors.s.holdingCapacity': { fact: 'own' },
          'sectors.s.processing.hoursPerGroup.max': { fact: 'own', note: 'the max' },
        },
      },
      new Map(),
    );
    expect(rows.map((r) => r.path)).toEqual(['days', 'sectors.s.holdingCapacity', 'sectors.s.processing.hoursPerGroup']);
    expect(rows[0].citations).toEqual([]);
    expect(rows[1].citations).toMatchObject([{ path: 'sectors.s.holdingCapacity', kind: 'fact', facts: [{ id: 'own', fact: { value: 3 } }] }]);
    expect(rows[2].value).toBe('triangular (min 1, mode 2, max 3)');
    expect(rows[2].citations.map((c) => c.path)).toEqual(['sectors', 'sectors.s.processing.hoursPerGroup.max']);
  });

  it('histogram bins are 1, 2 or 5 × 10^k hours, about 40 of them', () => {
    expect(niceBinHours(62.5)).toBe(2);
    expect(niceBinHours(200)).toBe(5);
    expect(niceBinHours(1000)).toBe(50);
    expect(niceBinHours(0)).toBe(1);
  });

  it('every chart of a run compiles and renders without a vega or vega-lite warning', async () => {
    const run = readRunFolder(out);
    const charts = [queueChart(run), occupancyChart(run), throughputChart(run), busLoadChart(run), portCapChart(run), returnTimeQuantilesChart(run)];
    for (const chart of charts) {
      expect(chart).toBeDefined();
      const rendered = await renderChart(chart!);
      expect(rendered.warnings, chart!.id).toEqual([]);
      expect(rendered.svg.startsWith('<svg')).toBe(true);
    }
  });
});

describe('mppsim report of compare and sweep folders', () => {
  it('a comparison: paired differences, the variants over time, the comparison table and what differs', () => {
    const compare = join(dir, 'compare');
    expect(mppsim(['compare', writeSmallScenario(dir), '--variant', 'more-seats:busRoutes.tucson-el-paso.seatsPerBus=60', '--out', compare, '--reps', '3', '--workers', '1', '--quiet']).code).toBe(0);
    expect(mppsim(['report', compare, '--quiet']).code).toBe(0);
    const page = readFileSync(join(compare, 'report.html'), 'utf8');
    expect([...page.matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1])).toEqual(['chart-differences', 'chart-queues-by-variant', 'chart-occupancy-by-variant']);
    expect(page).toContain('<code>busRoutes.tucson-el-paso.seatsPerBus</code>: 50 → <strong>60</strong>');
    const comparisonRows = readFileSync(join(compare, 'comparison.csv'), 'utf8').trim().split('\n').length - 1;
    const table = page.slice(page.indexOf('<table class="comparison">'), page.indexOf('</table>', page.indexOf('<table class="comparison">')));
    // One table row per (metric, scope): comparison.csv has one line per variant of each.
    expect(table.match(/<tr><td>/g)).toHaveLength(comparisonRows / 2);
    expect(page).toContain('<table class="parameters">');

    rmSync(join(compare, 'variants.json'));
    const bad = mppsim(['report', compare]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(compare, 'variants.json')}: no such file`);
  });

  it('a sweep: key figures against the swept parameter, and a table of the points', () => {
    const sweep = join(dir, 'sweep');
    expect(mppsim(['sweep', writeSmallScenario(dir), '--set', 'busRoutes.tucson-el-paso.seatsPerBus=40,60', '--out', sweep, '--reps', '2', '--workers', '1', '--quiet']).code).toBe(0);
    expect(mppsim(['report', sweep, '--quiet']).code).toBe(0);
    const page = readFileSync(join(sweep, 'report.html'), 'utf8');
    expect([...page.matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1])).toEqual(['chart-sweep']);
    expect(page).toContain('Key figures against busRoutes.tucson-el-paso.seatsPerBus');
    const table = page.slice(page.indexOf('<table class="points">'), page.indexOf('</table>', page.indexOf('<table class="points">')));
    expect(table.match(/<tr><th scope="row">/g)).toHaveLength(2);
  });
});
