// daily-mean.csv is computed in one pass (daily-mean.ts); this pins it to the former way — every
// cell's values gathered in an array, estimate(), rows written by csv-stringify — byte for byte,
// on the golden scenario of model features, with and without the variant column.

import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { DAILY_COUNTS, OPTIONAL_DAILY_COUNTS, simulate, type DailyRow } from '../../src/model/index.js';
import { dailyMeanCsv, type VariantResults } from '../../src/output/daily-mean.js';
import { CSV_OPTIONS, type Cell } from '../../src/output/csv.js';
import { loadScenario } from '../../src/scenario/index.js';
import { estimate } from '../../src/stats/index.js';

const figures: [string, (row: DailyRow) => number | null][] = [
  ...DAILY_COUNTS.map((c): [string, (row: DailyRow) => number | null] => [c, (row) => row.counts[c]]),
  ['bus_load_factor', (row) => row.busLoadFactor],
  ['queue_end', (row) => row.queueEnd],
  ['queue_mean', (row) => row.queueMean],
  ['queue_max', (row) => row.queueMax],
  ['occupancy_end', (row) => row.occupancyEnd],
  ['occupancy_mean', (row) => row.occupancyMean],
  ['occupancy_max', (row) => row.occupancyMax],
  ['utilization', (row) => row.utilization],
  ...OPTIONAL_DAILY_COUNTS.map((c): [string, (row: DailyRow) => number | null] => [c, (row) => row.optional?.[c] ?? null]),
];

function formerDailyMeanCsv(variants: readonly VariantResults[], withVariant: boolean): string {
  const rows: Cell[][] = [];
  for (const { name, results } of variants) {
    results[0].daily.forEach((template, i) => {
      for (const [figure, get] of figures) {
        if (get(template) === null) continue;
        const e = estimate(results.map((r) => get(r.daily[i])).filter((v): v is number => v !== null));
        const cells: Cell[] = [template.day, template.date, template.kind, template.id, figure, e.mean, e.ciLow, e.ciHigh, e.sd, e.n];
        rows.push(withVariant ? [name, ...cells] : cells);
      }
    });
  }
  const header = ['day', 'date', 'kind', 'id', 'figure', 'mean', 'ci_low', 'ci_high', 'sd', 'n'];
  return stringify([withVariant ? ['variant', ...header] : header, ...rows], CSV_OPTIONS);
}

describe('daily-mean.csv', () => {
  it('has the bytes of the former per-cell arrays and csv-stringify', () => {
    const scenario = loadScenario(join(import.meta.dirname, '../model/fixtures/golden-features.yaml'));
    const results = [0, 1, 2].map((replication) => simulate(scenario, { replication }));
    const one = [{ name: 'a', results }];
    // One replication alone: n = 1, the interval and sd empty.
    const two = [{ name: 'a', results }, { name: '=b,c', results: results.slice(2) }];
    expect(dailyMeanCsv(one, false)).toBe(formerDailyMeanCsv(one, false));
    expect(dailyMeanCsv(two, true)).toBe(formerDailyMeanCsv(two, true));
  });
});
