// The parameters table tells a value the file set from one the loader filled in (issue 16 item 13).

import { describe, expect, it } from 'vitest';
import { parametersTableHtml } from '../../src/output/report/parameters-table.js';
import { parameterRows } from '../../src/output/report/parameters.js';

const scenario = {
  name: 'x',
  seed: 3,
  ports: { p: { dailyCap: 40, hours: { open: '00:00', close: '24:00' }, closedWeekdays: [], active: true } },
  busRoutes: { r: { seatsPerBus: 50, fillBehind: false } },
  citations: { 'ports.p.dailyCap': { fact: 'f' } },
};
const facts = new Map([['f', { id: 'f', value: 40, unit: 'people a day', date: 'n/a', source: 'Someone' }]]);

describe('the parameters table', () => {
  it('marks a value the loader filled in "format default", not "not cited"', () => {
    const rows = parameterRows(scenario, facts);
    const row = (path: string) => rows.find((r) => r.path === path)!;
    expect(row('ports.p.hours').formatDefault).toBe(true);
    expect(row('ports.p.closedWeekdays').formatDefault).toBe(true);
    expect(row('busRoutes.r.fillBehind').formatDefault).toBe(true);
    expect(row('busRoutes.r.seatsPerBus').formatDefault).toBe(false);
    const html = parametersTableHtml(rows);
    expect(html).toMatch(/1 parameters cite reported facts, 0 rest on stated assumptions, 4 are the format's defaults \(left out of the file\), and 2 are not cited/);
    expect(html.match(/format default/g)).toHaveLength(4);
  });

  it('shows no date for a fact without one, rather than "n/a"', () => {
    const html = parametersTableHtml(parameterRows(scenario, facts));
    expect(html).toContain('<strong>40 people a day</strong> <span class="source">— Someone</span>');
    expect(html).not.toContain('n/a');
  });
});
