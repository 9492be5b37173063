// daily-mean.csv: the mean and 95% interval across replications of every daily figure, per day
// and stage. One estimate per cell of (day, stage, figure): fed a replication at a time into one
// RunningEstimate, rows encoded as they are made, rather than two arrays per cell and a row array
// per line kept until the end (which made it cost as much as daily.csv itself).

import { DAILY_COUNTS, OPTIONAL_DAILY_COUNTS, type DailyRow, type ReplicationResult } from '../model/index.js';
import { RunningEstimate } from '../stats/index.js';
import { CsvText, type Cell } from './csv.js';

const DAILY_FIGURES: { name: string; get: (row: DailyRow) => number | null }[] = [
  ...DAILY_COUNTS.map((c) => ({ name: c, get: (row: DailyRow) => row.counts[c] })),
  { name: 'bus_load_factor', get: (row) => row.busLoadFactor },
  { name: 'queue_end', get: (row) => row.queueEnd },
  { name: 'queue_mean', get: (row) => row.queueMean },
  { name: 'queue_max', get: (row) => row.queueMax },
  { name: 'occupancy_end', get: (row) => row.occupancyEnd },
  { name: 'occupancy_mean', get: (row) => row.occupancyMean },
  { name: 'occupancy_max', get: (row) => row.occupancyMax },
  { name: 'utilization', get: (row) => row.utilization },
  // Only rows of a stage with the feature carry these (empty elsewhere, so they add no line there).
  ...OPTIONAL_DAILY_COUNTS.map((c) => ({ name: c, get: (row: DailyRow) => row.optional?.[c] ?? null })),
];

const HEADER = ['day', 'date', 'kind', 'id', 'figure', 'mean', 'ci_low', 'ci_high', 'sd', 'n'];

export interface VariantResults {
  name: string;
  results: readonly ReplicationResult[];
}

/** Mean and 95% interval across replications of every daily figure, per day and stage. */
export function dailyMeanCsv(variants: readonly VariantResults[], withVariant: boolean): string {
  const csv = new CsvText(withVariant ? ['variant', ...HEADER] : HEADER);
  const running = new RunningEstimate();
  const cells: Cell[] = [];
  for (const { name, results } of variants) {
    const first = results[0]?.daily ?? [];
    for (let i = 0; i < first.length; i++) {
      const template = first[i];
      for (const figure of DAILY_FIGURES) {
        if (figure.get(template) === null) continue;
        running.reset();
        for (const result of results) {
          const value = figure.get(result.daily[i]);
          if (value !== null) running.add(value);
        }
        const e = running.estimate();
        let at = 0;
        if (withVariant) cells[at++] = name;
        cells[at++] = template.day;
        cells[at++] = template.date;
        cells[at++] = template.kind;
        cells[at++] = template.id;
        cells[at++] = figure.name;
        cells[at++] = e.mean;
        cells[at++] = e.ciLow;
        cells[at++] = e.ciHigh;
        cells[at++] = e.sd;
        cells[at++] = e.n;
        csv.row(cells);
      }
    }
  }
  return csv.text();
}
