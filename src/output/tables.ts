// The CSV tables of a run: daily figures, per-replication figures and the summary across replications.

import { DAILY_COUNTS, type DailyRow, type PersonRecord, type ReplicationResult } from '../model/index.js';
import { estimate, type Estimate } from '../stats/index.js';
import { toCsv, type Cell } from './csv.js';

export const DAILY_HEADER = [
  'replication', 'day', 'date', 'kind', 'id',
  ...DAILY_COUNTS, 'bus_load_factor',
  'queue_end', 'queue_mean', 'queue_max', 'occupancy_end', 'occupancy_mean', 'occupancy_max', 'utilization',
] as const;

export function dailyCsv(results: readonly ReplicationResult[]): string {
  const rows: Cell[][] = [];
  for (const result of results) for (const row of result.daily) rows.push(dailyCells(row));
  return toCsv(DAILY_HEADER, rows);
}

function dailyCells(row: DailyRow): Cell[] {
  return [
    row.replication, row.day, row.date, row.kind, row.id,
    ...DAILY_COUNTS.map((c) => row.counts[c]), row.busLoadFactor,
    row.queueEnd, row.queueMean, row.queueMax, row.occupancyEnd, row.occupancyMean, row.occupancyMax, row.utilization,
  ];
}

export interface SummaryRow extends Estimate {
  metric: string;
  scope: string;
}

/** One row per (metric, scope), in the order the model reports them, with the estimate across replications. */
export function summarize(results: readonly ReplicationResult[]): SummaryRow[] {
  const byKey = new Map<string, { metric: string; scope: string; values: number[] }>();
  for (const result of results) {
    for (const m of result.metrics) {
      const key = `${m.metric}\u0000${m.scope}`;
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { metric: m.metric, scope: m.scope, values: [] }));
      entry.values.push(m.value);
    }
  }
  return [...byKey.values()].map((e) => ({ metric: e.metric, scope: e.scope, ...estimate(e.values) }));
}

export function summaryCsv(rows: readonly SummaryRow[]): string {
  return toCsv(
    ['metric', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n'],
    rows.map((r) => [r.metric, r.scope, r.mean, r.ciLow, r.ciHigh, r.sd, r.n]),
  );
}

export function replicationsCsv(results: readonly ReplicationResult[]): string {
  const rows: Cell[][] = [];
  for (const result of results) for (const m of result.metrics) rows.push([result.replication, m.metric, m.scope, m.value]);
  return toCsv(['replication', 'metric', 'scope', 'value'], rows);
}

export const EVENTS_HEADER = [
  'replication', 'person', 'group', 'group_size', 'sector', 'category', 'arrived_hours', 'processed_hours',
  'boarded_hours', 'bus_arrived_hours', 'interviewed_hours', 'exit_hours', 'outcome', 'site',
];

export function eventCells(p: PersonRecord): Cell[] {
  return [
    p.replication, p.person, p.group, p.groupSize, p.sector, p.category, p.arrivedHours, p.processedHours,
    p.boardedHours, p.busArrivedHours, p.interviewedHours, p.exitHours, p.outcome, p.site,
  ];
}
