// A worker thread's daily rows travel packed (output/packed-daily.ts): whatever reads them back must
// get the very rows the model made, and daily-mean.csv the same bytes from the packed numbers.

import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { simulate, type ReplicationResult } from '../../src/model/index.js';
import { dailyMeanCsv } from '../../src/output/index.js';
import { dailyCsv, optionalDailyColumns } from '../../src/output/daily-rows.js';
import { packDaily, packedDailyOf, unpackDaily, withPackedDaily } from '../../src/output/packed-daily.js';

// The first two have optional counts (a court's transport and postponements; a port's intake).
const SCENARIOS = ['scenarios/hearings-el-paso.yaml', 'test/model/fixtures/golden-hearing-intake.yaml', 'scenarios/baseline-tucson-el-paso.yaml', 'bench/pipeline.yaml'];

function replications(file: string, days: number): ReplicationResult[] {
  const scenario = { ...loadScenario(file), days: Math.min(days, loadScenario(file).days) };
  return [0, 1, 2].map((replication) => simulate(scenario, { replication }));
}

/** The result as a worker sends it and the main thread takes it in (a structured clone between). */
function throughWorker(result: ReplicationResult): ReplicationResult {
  const packed = structuredClone(packDaily(result.replication, result.daily));
  return withPackedDaily(structuredClone({ ...result, daily: [] }), packed);
}

describe.each(SCENARIOS)('packed daily rows of %s', (file) => {
  const results = replications(file, 120);

  it('unpack to the same rows, key for key (JSON and deep equality, -0 and NaN included)', () => {
    for (const result of results) {
      const rows = unpackDaily(structuredClone(packDaily(result.replication, result.daily)));
      expect(rows).toEqual(result.daily);
      expect(JSON.stringify(rows)).toBe(JSON.stringify(result.daily));
    }
    expect(results[0].daily.length).toBeGreaterThan(100);
  });

  it('give the same daily-mean.csv, daily.csv and optional columns read packed as read from rows', () => {
    const received = results.map(throughWorker);
    expect(received.every((r) => packedDailyOf(r) !== undefined)).toBe(true);
    expect(dailyMeanCsv([{ name: 'a', results: received }], true)).toBe(dailyMeanCsv([{ name: 'a', results }], true));
    expect(optionalDailyColumns(received[0])).toEqual(optionalDailyColumns(results[0]));
    if (SCENARIOS.indexOf(file) < 2) expect(optionalDailyColumns(results[0]).length).toBeGreaterThan(0);
    expect(dailyCsv(received)).toBe(dailyCsv(results));
    expect(JSON.stringify(received)).toBe(JSON.stringify(results));
  });
});

describe('a packed cell', () => {
  it('keeps null, NaN and -0 apart', () => {
    const [result] = replications('bench/pipeline.yaml', 3);
    const rows = structuredClone(result.daily);
    rows[0].counts.arrivals = null;
    rows[0].queueMean = Number.NaN;
    rows[1].queueMean = -0;
    rows[1].utilization = null;
    const back = unpackDaily(packDaily(result.replication, rows));
    expect(back[0].counts.arrivals).toBeNull();
    expect(back[0].queueMean).toBeNaN();
    expect(Object.is(back[1].queueMean, -0)).toBe(true);
    expect(back[1].utilization).toBeNull();
  });
});
