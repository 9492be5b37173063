// `npm run bench`: medians over repeated runs of the engine on M/M/3, the full model on the
// border-wide FY2019 scenario over 1 to 8 years, and 200 baseline replications on 1 and all
// cores. Each measurement runs in a fresh process (its own peak memory). A benchmark, not a test.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from 'd3-array';
import { toCsv, type Cell } from '../src/output/index.js';
import { benchPeersAndOutputs } from './peers.js';
import { commandBreakdown } from './breakdown.js';
import { measureWarmup } from './warmup.js';
import { summarizeTargets, type Find } from './targets.js';

const CUSTOMERS = 1_000_000;
const quick = process.argv.includes('--quick');
const repeats = (n: number): number => (quick ? 1 : n);

interface Measured {
  ms: number;
  maxRssMb: number;
  events?: number;
  people?: number;
  simulateMs?: number;
}

function measure(args: string[]): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/measure.ts', ...args], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string) as Measured;
}

function timed(command: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, command, { stdio: 'ignore', env: { ...process.env, CI: 'true' } });
  return performance.now() - start;
}

const med = (values: number[]): number => median(values) as number;
const rows: Cell[][] = [];
const record = (group: string, name: string, value: number, unit: string, note = ''): void => {
  rows.push([group, name, Number(value.toPrecision(4)), unit, note]);
  console.log(`${group.padEnd(10)} ${name.padEnd(34)} ${String(Number(value.toPrecision(4))).padStart(12)} ${unit.padEnd(14)} ${note}`);
};
/** A recorded figure by its group and the start of its name. */
const find: Find = (group, name) => rows.find(([g, n]) => g === group && String(n).startsWith(name))?.[2] as number | undefined;

// 1. The event calendar on M/M/3, rho = 0.8, a million customers (two million events).
const engineRate: Record<string, number> = {};
for (const engine of ['reference', 'heap', 'simjs']) {
  const runs = Array.from({ length: repeats(engine === 'simjs' ? 3 : 5) }, () => measure(['engine', engine, String(CUSTOMERS)]));
  const ms = med(runs.map((r) => r.ms));
  engineRate[engine] = (2 * CUSTOMERS) / (ms / 1000);
  record('engine', `M/M/3 events/s (${engine})`, engineRate[engine], 'events/s', `${runs.length} runs, median ${ms.toFixed(0)} ms`);
}
record('engine', 'heap / reference', engineRate.heap / engineRate.reference, 'ratio', 'target >= 0.6');
record('engine', 'simjs / reference', engineRate.simjs / engineRate.reference, 'ratio');
const referenceNsPerCustomer = 1e9 / (engineRate.reference / 2);

// 2. The full model: one replication of the border-wide scenario, 1 to 8 years.
const model: Record<number, { ms: number; rss: number; people: number }> = {};
for (const years of [1, 2, 4, 8]) {
  const runs = Array.from({ length: repeats(years <= 2 ? 3 : 1) }, () => measure(['model', String(years)]));
  model[years] = { ms: med(runs.map((r) => r.simulateMs as number)), rss: med(runs.map((r) => r.maxRssMb)), people: runs[0].people as number };
  record('model', `border-wide ${years} year(s): time`, model[years].ms / 1000, 's', `${model[years].people} people; target 1 year <= 1.5 s`);
  record('model', `border-wide ${years} year(s): peak RSS`, model[years].rss, 'MB', 'target <= 250 MB');
}
record('model', '8 years / 1 year time', model[8].ms / model[1].ms, 'ratio', 'target <= 8');
record('model', '8 years / 1 year peak RSS', model[8].rss / model[1].rss, 'ratio', 'target <= 1.1');
const nsPerPerson = (model[1].ms * 1e6) / model[1].people;
record('model', 'cost per person', nsPerPerson, 'ns', `reference loop: ${referenceNsPerCustomer.toFixed(0)} ns per customer`);
record('model', 'per person / reference per customer', nsPerPerson / referenceNsPerCustomer, 'ratio', 'target <= 3');

// 2b. The first replication in a fresh process against a warm one (bench/warmup.ts).
measureWarmup(record, repeats(3));
// The same year warm (the second and later replications in a process): what per person costs once the
// first replication's compiling is done. The target above is measured cold, as a one-replication run is.
const warmYearMs = find('warm-up', 'southwest-border-fy2019: warm replication') as number;
record('model', 'cost per person, warm replication', (warmYearMs * 1e6) / model[1].people, 'ns', 'southwest-border-fy2019 warm (warm-up section)');
record('model', 'warm per person / reference per customer', (warmYearMs * 1e6) / model[1].people / referenceNsPerCustomer, 'ratio', 'not the target (that is cold); the cold part is the first replication');

// 3. 200 replications of the baseline through the CLI, with one worker and with every core.
const scratch = mkdtempSync(join(tmpdir(), 'mppsim-bench-'));
const cores = availableParallelism();
const workers: Record<number, number> = {};
for (const k of [...new Set([1, cores])]) {
  const runs = Array.from({ length: repeats(3) }, () =>
    timed(['bin/mppsim.js', 'run', 'scenarios/baseline-tucson-el-paso.yaml', '--reps', '200', '--workers', String(k), '--out', join(scratch, `w${k}`), '--force', '--quiet']),
  );
  workers[k] = med(runs);
  record('workers', `200 baseline replications, ${k} worker(s)`, workers[k] / 1000, 's', `${runs.length} runs, whole command`);
}
record('workers', `speed-up ${cores} workers vs 1`, workers[1] / workers[cores], 'ratio', 'target >= 1.7 on 2 cores');
rmSync(scratch, { recursive: true, force: true });

// 4. The pipeline in mppsim and in two peers (discrete-sim, simjs); outputs against simulation.
benchPeersAndOutputs(record, repeats(3), quick);

// 5. Where a whole command's time goes, and start-up next to `node -e 0` (bench/breakdown.ts).
commandBreakdown(record, quick);

// 6. Issue 18's targets against the figures above (bench/targets.ts).
summarizeTargets(find, record);

mkdirSync('output/bench', { recursive: true });
const file = 'output/bench/bench.csv';
writeFileSync(`${file}.tmp`, toCsv(['group', 'measure', 'value', 'unit', 'note'], rows));
renameSync(`${file}.tmp`, file);
console.log(`\nwrote ${file}`);
