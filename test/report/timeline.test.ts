// The policy timeline in the report: numbered dashed rules at each dated change on the time charts,
// and a table of what each number changes; a scenario without dated changes has neither.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bandChart } from '../../src/output/report/chart-specs.js';
import { timelineOf } from '../../src/output/report/timeline.js';
import { loadScenario } from '../../src/scenario/index.js';
import { ROOT, mppsim, tempDir } from '../support/cli.js';

const TIMELINE = join(ROOT, 'scenarios/tucson-timeline-2019-2020.yaml');

describe('the timeline of a scenario', () => {
  it('numbers the changes by date: the bus and enrollment on 22 Nov, the route ending and Nogales opening on 2 Jan', () => {
    const timeline = timelineOf(loadScenario(TIMELINE));
    expect(timeline.marks).toEqual([
      { date: '2019-11-22', label: '1' },
      { date: '2020-01-02', label: '2' },
    ]);
    expect(timeline.changes.map((c) => [c.label, c.path])).toEqual([
      ['1', 'sectors.tucson.mpp'],
      ['1', 'busRoutes.tucson-el-paso'],
      ['2', 'sectors.tucson.mpp'],
      ['2', 'busRoutes.tucson-el-paso'],
      ['2', 'ports.nogales'],
    ]);
    expect(timeline.changes[3].change).toMatch(/ends/);
  });

  it('a band chart draws a rule in every facet for every mark, and keeps the marks out of its lines', () => {
    const rows = ['a', 'b'].flatMap((series) => ['2019-11-01', '2019-11-02'].map((date) => ({ series, date, mean: 1, low: 0, high: 2 })));
    const spec = bandChart(rows, ['a', 'b'], { title: 't', subtitle: 's', yTitle: 'y', facet: true, marks: [{ date: '2019-11-02', label: '1' }] }) as unknown as {
      data: { values: { mark?: string; header: string }[] };
      spec: { layer: { mark: { type: string }; transform?: { filter: string }[] }[] };
    };
    expect(spec.data.values.filter((v) => v.mark === '1').map((v) => v.header)).toEqual(['a', 'b']);
    expect(spec.spec.layer.map((l) => [l.mark.type, l.transform?.[0].filter])).toEqual([
      ['area', '!isValid(datum.mark)'],
      ['line', '!isValid(datum.mark)'],
      ['rule', 'isValid(datum.mark)'],
      ['text', 'isValid(datum.mark)'],
    ]);
  });
});

describe('mppsim run --report on the timeline scenario', () => {
  let html = '';
  beforeAll(() => {
    const out = join(tempDir('mppsim-timeline-'), 'out');
    const run = mppsim(['run', TIMELINE, '--reps', '2', '--out', out, '--report', '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    html = readFileSync(join(out, 'report.html'), 'utf8');
  });

  it('lists the changes in a timeline table and marks them on the charts', () => {
    const table = html.slice(html.indexOf('id="timeline"'), html.indexOf('</table>', html.indexOf('id="timeline"')));
    expect(table.match(/<tr><td>/g)).toHaveLength(5);
    expect(table).toContain('<code>ports.nogales</code>');
    // Dashed rules in the SVG: the queue chart's six facets, the occupancy chart's two, and one each on the
    // throughput and bus-load charts, two marks each.
    const rules = html.match(/stroke-dasharray="4,3"/g) ?? [];
    expect(rules.length).toBe(2 * (6 + 2 + 1 + 1));
  });
});
