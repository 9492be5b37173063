// One `mppsim run` taken apart in a fresh process, each part timed alone on one thread: simulating
// every replication, formatting each table the run writes (as writeExperiment does), writing them,
// and streaming events.csv. Prints a JSON line. Run by bench/peers.ts:
// `tsx bench/measure-run.ts scenarios/baseline-tucson-el-paso.yaml 20 [--events]`.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate, type PersonRecord, type ReplicationResult } from '../src/model/index.js';
import { loadScenario } from '../src/scenario/index.js';
import { CsvStream, dailyMeanCsv, dailyRowsText, eventCells, replicationsCsv, summarize, summaryCsv, toCsv, DAILY_HEADER } from '../src/output/index.js';

const [file, repsText, eventsFlag] = process.argv.slice(2);
const reps = Number(repsText);
const scenario = loadScenario(file);
const EVENTS_BATCH = 64;
const dir = mkdtempSync(join(tmpdir(), 'mppsim-measure-run-'));

function timed<T>(work: () => T): [T, number] {
  const t0 = performance.now();
  const value = work();
  return [value, performance.now() - t0];
}

try {
  const results: ReplicationResult[] = [];
  const simulateMs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const [result, ms] = timed(() => simulate(scenario, { replication: r }));
    results.push(result);
    simulateMs.push(ms);
  }
  const [daily, dailyMs] = timed(() => toCsv(DAILY_HEADER, []) + results.map(dailyRowsText).join(''));
  const [dailyMean, dailyMeanMs] = timed(() => dailyMeanCsv([{ name: scenario.name, results }], false));
  const [summary, summaryMs] = timed(() => summaryCsv(summarize(results)));
  const [replications, replicationsMs] = timed(() => replicationsCsv(results));
  const texts = { 'daily.csv': daily, 'daily-mean.csv': dailyMean, 'summary.csv': summary, 'replications.csv': replications };
  const [, writeMs] = timed(() => Object.entries(texts).forEach(([name, text]) => writeFileSync(join(dir, name), text)));
  // events.csv: the same replications again, each person's row streamed; only the rows' formatting
  // and writing is timed. Timing each row alone would count two performance.now() calls (some
  // 100 ns each) per 350 ns row, so rows are timed a few dozen at a time, as the model hands them over.
  let eventsMs = 0;
  if (eventsFlag === '--events') {
    const waiting: PersonRecord[] = [];
    for (let r = 0; r < reps; r++) {
      const events = new CsvStream(join(dir, `events-${r}.csv`), null);
      const writeWaiting = (): void => {
        const t0 = performance.now();
        for (const p of waiting) events.write(eventCells(p));
        eventsMs += performance.now() - t0;
        waiting.length = 0;
      };
      simulate(scenario, {
        replication: r,
        onPerson: (p) => {
          if (waiting.push(p) === EVENTS_BATCH) writeWaiting();
        },
      });
      writeWaiting();
      eventsMs += timed(() => events.close())[1];
    }
  }
  const figures = {
    simulateMs,
    dailyMs,
    dailyMeanMs,
    summaryMs,
    replicationsMs,
    writeMs,
    eventsMs: eventsFlag === '--events' ? eventsMs : null,
    dailyBytes: daily.length,
    replicationsBytes: replications.length,
    metrics: results.map((r) => Object.fromEntries(r.metrics.map((m) => [`${m.metric}\u0000${m.scope}`, m.value]))),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
