// `npm run bench`'s outputs section (issue 18 item 4): for a run of 20 replications of the pipeline
// and of the baseline, the time to format and write the run's tables against the time to simulate
// it, each on one thread in a fresh process (bench/measure-run.ts). Target: writing < simulating.

import { execFileSync } from 'node:child_process';
import { median } from 'd3-array';

export type Recorder = (group: string, name: string, value: number, unit: string, note?: string) => void;

/** What bench/measure-run.ts prints. */
export interface RunParts {
  simulateMs: number[];
  dailyMs: number;
  dailyMeanMs: number;
  summaryMs: number;
  replicationsMs: number;
  writeMs: number;
  eventsMs: number | null;
  metrics: Record<string, number>[];
}

export function measureRun(file: string, reps: number, events = false): RunParts {
  const args = ['--import', 'tsx', 'bench/measure-run.ts', file, String(reps), ...(events ? ['--events'] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop() as string) as RunParts;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const med = (values: number[]): number => median(values) as number;

export function benchOutputs(record: Recorder, runs: number): void {
  for (const [label, file] of [['pipeline', 'bench/pipeline.yaml'], ['baseline', 'scenarios/baseline-tucson-el-paso.yaml']]) {
    const parts = Array.from({ length: runs }, () => measureRun(file, 20, true));
    const simulate = med(parts.map((p) => sum(p.simulateMs)));
    const tables = (p: RunParts): number => p.dailyMs + p.dailyMeanMs + p.summaryMs + p.replicationsMs + p.writeMs;
    const writing = med(parts.map(tables));
    const note = `${runs} runs, medians, one thread`;
    record('outputs', `${label} x20: simulate`, simulate, 'ms', note);
    record('outputs', `${label} x20: daily.csv`, med(parts.map((p) => p.dailyMs)), 'ms', 'format');
    record('outputs', `${label} x20: daily-mean.csv`, med(parts.map((p) => p.dailyMeanMs)), 'ms', 'format');
    record('outputs', `${label} x20: summary+replications`, med(parts.map((p) => p.summaryMs + p.replicationsMs)), 'ms', 'format');
    record('outputs', `${label} x20: write files`, med(parts.map((p) => p.writeMs)), 'ms');
    record('outputs', `${label} x20: tables / simulate`, writing / simulate, 'ratio', 'format + write of the tables; target < 1');
    record('outputs', `${label} x20: events.csv / simulate`, med(parts.map((p) => p.eventsMs as number)) / simulate, 'ratio', 'with --events: format + write per person (timed 64 rows at a time)');
  }
}
