// A replication's daily rows are kept packed (model/daily-table.ts) and cross to the main thread so:
// whatever reads `result.daily` must get the rows the model closed, key for key; daily.csv and
// daily-mean.csv must be the same bytes read packed as read from those rows.

import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { DAILY_COUNTS, simulate, type DailyRow, type ReplicationResult } from '../../src/model/index.js';
import { RELEVANT, packedDailyOf, unpackDaily, withPackedDaily } from '../../src/model/daily-table.js';
import { DailyWriter } from '../../src/model/daily-writer.js';
import { dailyMeanCsv } from '../../src/output/index.js';
import { dailyCsv, optionalDailyColumns } from '../../src/output/daily-rows.js';

// The first two have optional counts (a court's transport and postponements; a port's intake).
const SCENARIOS = ['scenarios/hearings-el-paso.yaml', 'test/model/fixtures/golden-hearing-intake.yaml', 'scenarios/baseline-tucson-el-paso.yaml', 'bench/pipeline.yaml'];

function replications(file: string, days: number, warmupDays = 0): ReplicationResult[] {
  const scenario = { ...loadScenario(file), days: Math.min(days, loadScenario(file).days), warmupDays };
  return [0, 1, 2].map((replication) => simulate(scenario, { replication }));
}

/** The result as a worker sends it and the main thread takes it in (a structured clone between). */
function throughWorker(result: ReplicationResult): ReplicationResult {
  const packed = structuredClone(packedDailyOf(result)!);
  return withPackedDaily(structuredClone({ replication: result.replication, daily: [], metrics: result.metrics, events: result.events }), packed);
}

/** The same result with its rows as plain objects: read by the code that reads rows, not numbers. */
function asRows(result: ReplicationResult): ReplicationResult {
  return { replication: result.replication, daily: structuredClone(result.daily), metrics: result.metrics, events: result.events };
}

describe.each(SCENARIOS)('the daily rows of %s', (file) => {
  const results = replications(file, 120, 10);

  it('come back as the model closed them: a row per stage per kept day, only its kind\'s counts filled', () => {
    const rows = results[0].daily;
    const stages = new Set(rows.map((r) => `${r.kind} ${r.id}`)).size;
    const days = Math.min(120, loadScenario(file).days);
    expect(rows.length).toBe((days - 10) * stages);
    expect(rows[0].day).toBe(10);
    expect(rows.at(-1)!.day).toBe(days - 1);
    for (const row of rows) {
      expect(Object.keys(row.counts)).toEqual([...DAILY_COUNTS]);
      for (const count of DAILY_COUNTS) expect(row.counts[count] === null).toBe(!RELEVANT[row.kind].includes(count));
      expect(row.replication).toBe(0);
    }
    // The key order of a row as the day clock builds it (JSON of a shard's results depends on it).
    expect(Object.keys(rows[0]).slice(0, 15)).toEqual(['replication', 'day', 'date', 'kind', 'id', 'counts', 'queueEnd', 'queueMean', 'queueMax', 'occupancyEnd', 'occupancyMean', 'occupancyMax', 'utilization', 'busLoadFactor', 'docketLeadDays']);
    expect(Object.keys(results[0])).toEqual(['replication', 'daily', 'metrics', 'events']);
  });

  it('give the same daily-mean.csv, daily.csv, optional columns and JSON read packed as read from rows', () => {
    const received = results.map(throughWorker);
    const rows = results.map(asRows);
    expect(received.every((r) => packedDailyOf(r) !== undefined) && rows.every((r) => packedDailyOf(r) === undefined)).toBe(true);
    expect(dailyMeanCsv([{ name: 'a', results: received }], true)).toBe(dailyMeanCsv([{ name: 'a', results: rows }], true));
    expect(optionalDailyColumns(received[0])).toEqual(optionalDailyColumns(rows[0]));
    if (SCENARIOS.indexOf(file) < 2) expect(optionalDailyColumns(rows[0]).length).toBeGreaterThan(0);
    expect(dailyCsv(received)).toBe(dailyCsv(rows));
    expect(JSON.stringify(received)).toBe(JSON.stringify(rows));
  });
});

describe('a packed cell', () => {
  it('keeps null, NaN and -0 apart, and optional counts in their order', () => {
    const [result] = replications('bench/pipeline.yaml', 3);
    const day: DailyRow[] = structuredClone(result.daily.slice(0, 5));
    day[0].counts.arrivals = null;
    day[0].queueMean = Number.NaN;
    day[1].queueMean = -0;
    day[1].utilization = null;
    day[2].optional = { postponed: 3, intake_refused: 0 };
    const writer = new DailyWriter(0, 0, 1);
    writer.addDay(day[0].date, day);
    const back = unpackDaily(writer.packed);
    expect(back[0].counts.arrivals).toBeNull();
    expect(back[0].queueMean).toBeNaN();
    expect(Object.is(back[1].queueMean, -0)).toBe(true);
    expect(back[1].utilization).toBeNull();
    expect(JSON.stringify(back[2].optional)).toBe('{"postponed":3,"intake_refused":0}');
    expect(back[3]).toEqual(day[3]);
  });

  it('refuses a figure its kind of stage never has: a new one must be given a cell, not dropped', () => {
    const [result] = replications('bench/pipeline.yaml', 3);
    const day: DailyRow[] = structuredClone(result.daily.slice(0, 5));
    expect(day[4].kind).toBe('port');
    day[4].utilization = 0.5;
    expect(() => new DailyWriter(0, 0, 1).addDay(day[0].date, day)).toThrow(/a port row has a utilization, which the daily table keeps only for sector, screening/);
  });

  it('refuses a day that does not fit: a bug in the day clock, not a row lost', () => {
    const [result] = replications('bench/pipeline.yaml', 3);
    const writer = new DailyWriter(0, 0, 1);
    writer.addDay('2019-01-01', result.daily.slice(0, 5));
    expect(() => writer.addDay('2019-01-02', result.daily.slice(5, 10))).toThrow(/does not fit/);
  });
});
