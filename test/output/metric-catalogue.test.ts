// The one metric catalogue (issue 12 item 4): every figure the model reports has a unit and words,
// and the key figures are the ones the terminal table and the reports have always listed.

import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulation.js';
import { METRIC_CATALOGUE, keyMetricIds, metricUnit } from '../../src/output/metric-catalogue.js';
import { keyMetrics } from '../../src/output/report/key-metrics.js';
import { parseText, validateScenario } from '../../src/scenario/load.js';
import { SMALL_CITED } from '../report/small-scenario.js';

describe('metric catalogue', () => {
  it('knows every figure the model reports, once, with a unit and a label', () => {
    const scenario = validateScenario(parseText('small-report.yaml', SMALL_CITED), 'small-report.yaml');
    const reported = new Set(simulate(scenario).metrics.map((m) => m.metric));
    const ids = METRIC_CATALOGUE.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...reported].filter((id) => !ids.includes(id))).toEqual([]);
    for (const m of METRIC_CATALOGUE) {
      expect(m.unit, m.id).not.toBe('');
      expect(m.label, m.id).not.toBe('');
    }
  });

  it('gives the queue totals their units', () => {
    expect(metricUnit('queue_entered')).toBe('people');
    expect(metricUnit('queue_wait_hours_total')).toBe('people-hours');
    expect(metricUnit('wait_hours_p95')).toBe('hours');
    expect(metricUnit('no_such_figure')).toBe('');
  });

  it('lists the key figures in the order the run table shows them; the reports chart all but arrivals and other', () => {
    expect(keyMetricIds('total')).toEqual(['arrivals', 'returned', 'released', 'screened_out', 'other', 'in_custody_end', 'boarded', 'bus_load_factor', 'returns_per_day']);
    expect(keyMetricIds('total', true)).toEqual(['returned', 'released', 'screened_out', 'in_custody_end', 'boarded', 'bus_load_factor', 'returns_per_day']);
    expect(keyMetricIds('returned')).toEqual(['wait_hours_mean', 'wait_hours_p90']);
    expect(keyMetricIds('stage')).toEqual(['queue_max', 'occupancy_max']);
  });

  it("the reports' key figures: only pairs with a value, per-stage figures grouped by metric", () => {
    const rows = [
      { metric: 'occupancy_max', scope: 'a', mean: 3 },
      { metric: 'queue_max', scope: 'a', mean: 1 },
      { metric: 'queue_max', scope: 'b', mean: 2 },
      { metric: 'arrivals', scope: 'total', mean: 9 },
      { metric: 'returned', scope: 'total', mean: 5 },
      { metric: 'boarded', scope: 'total', mean: null },
      { metric: 'wait_hours_p90', scope: 'returned', mean: 7 },
    ];
    expect(keyMetrics(rows).map((k) => `${k.metric}@${k.scope}`)).toEqual([
      'returned@total',
      'wait_hours_p90@returned',
      'queue_max@a',
      'queue_max@b',
      'occupancy_max@a',
    ]);
  });
});
