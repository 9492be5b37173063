// The report of `mppsim size --report`: the answer first, then each target against the parameter
// (mean, one-sided bound, target line, verdict colours) drawn by vega without warnings, the
// candidates' table; the same bytes from `mppsim report` afterwards; a search with no answer says so.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sizeChart } from '../../src/output/report/experiment-chart-specs.js';
import { readSizeFolder } from '../../src/output/report/read-experiment-folder.js';
import { renderChart } from '../../src/output/report/render-chart.js';
import { mppsim, tempDir } from '../support/cli.js';
import { writePortScenario } from '../support/port-document.js';

let dir = '';
let file = '';
let out = '';
let html = '';
const size = (range: string, to: string, extra: readonly string[] = []) =>
  mppsim(['size', file, '--vary', `ports.p.dailyCap=${range}`, '--target', 'queue_end.p <= 0', '--target', 'returned.total >= 1000', '--reps', '2', '--workers', '1', '--out', to, ...extra]);

beforeAll(() => {
  dir = tempDir('mppsim-size-report-');
  // 80 people a day exactly: the least cap with no queue left is 80.
  file = writePortScenario(dir, 'deterministic');
  out = join(dir, 'out');
  const run = size('70..90:5', out, ['--report']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.trim().split('\n').pop()).toBe(`report: ${join(out, 'report.html')}`);
  html = readFileSync(join(out, 'report.html'), 'utf8');
  // Several spawned searches: more than the default 10 s a hook may take on a loaded machine.
}, 120_000);

describe('size --report', () => {
  it('states the answer first, with the value below it failing', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    const sections = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['answer', 'targets', 'candidates', 'parameters']);
    // Bisection of 70..90:5 tries 90, 70, 80 and 75; 80 leaves no queue, 75 leaves 5 a day for 20 days.
    expect(html).toContain('<p><strong><code>ports.p.dailyCap</code> = 80</strong>: the least value tried for which every target holds');
    expect(html).toContain('75, the value tried just below it, fails: <code>queue_end.p &lt;= 0</code>: mean 100, bound 100 (fail).');
  });

  it('draws each target against the parameter for every candidate: mean, bound, target line and verdict', () => {
    const figure = html.slice(html.indexOf('<figure class="chart" id="chart-size"'), html.indexOf('</figure>', html.indexOf('id="chart-size"')));
    expect(figure).toContain('<svg');
    expect(figure).toContain('role="img" aria-labelledby="chart-size-title chart-size-desc"');
    expect(figure).toContain('queue_end.p &lt;= 0: 70: 200 (fail), 75: 100 (fail), 80: 0 (pass), 90: 0 (pass).');
    expect(figure).toContain('The answer, 80, is marked by a vertical line.');
    // The target lines are dashed; passes and failures have their own colours.
    expect(figure).toContain('stroke-dasharray="5,3"');
    expect(figure).toContain('#2e7d32');
    expect(figure).toContain('#c62828');
    const table = html.slice(html.indexOf('<table class="candidates">'), html.indexOf('</table>', html.indexOf('<table class="candidates">')));
    expect(table.match(/<tr><th scope="row">/g)).toHaveLength(4);
  });

  it('its chart renders without a vega or vega-lite warning', async () => {
    const folder = readSizeFolder(out);
    const rows = folder.rows.map((r) => ({ target: r.target, x: r.value, mean: r.mean!, bound: r.bound!, verdict: r.targetVerdict, goal: r.target.endsWith('0') ? 0 : 1000 }));
    const rendered = await renderChart({ id: 'c', title: 't', description: 'd', spec: sizeChart(rows, ['queue_end.p <= 0', 'returned.total >= 1000'], { title: 't', subtitle: [], xTitle: folder.parameter, answer: 80 }) });
    expect(rendered.warnings).toEqual([]);
  });

  it('mppsim report writes the same bytes afterwards', () => {
    const again = join(dir, 'again');
    expect(size('70..90:5', again).code).toBe(0);
    expect(mppsim(['report', again, '--quiet']).code).toBe(0);
    expect(readFileSync(join(again, 'report.html'), 'utf8')).toBe(html);
  });

  it('says when no value meets the targets, and has no scenario to show', () => {
    const none = join(dir, 'none');
    expect(size('40..60:10', none, ['--report']).code).toBe(0);
    const page = readFileSync(join(none, 'report.html'), 'utf8');
    expect(page).toContain('<p><strong>No value of <code>ports.p.dailyCap</code> tried meets every target.</strong> At the highest, 60: <code>queue_end.p &lt;= 0</code>: mean 400, bound 400 (fail).</p>');
    expect(page).not.toContain('<section id="parameters"');
  });
});
