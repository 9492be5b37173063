// The first replication in a process against a warm one (issue 18 item 3): in a fresh process, the
// wall time of replication 0, then the median of five after three more; the median of three such
// processes. `tsx bench/warmup.ts <scenario>` prints one process's JSON line; bench.ts records the
// medians through `measureWarmup(record)`. A benchmark, not a test.

import { execFileSync } from 'node:child_process';
import { median } from 'd3-array';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/scenario/index.js';
import { simulate } from '../src/model/index.js';
import type { Recorder } from './outputs-cost.js';

const SCENARIOS = ['bench/pipeline.yaml', 'scenarios/southwest-border-fy2019.yaml'];
const WARMUPS = 3;
const WARM_RUNS = 5;
const PROCESSES = 3;

/** Runs each scenario's measurement in its own process and records first, warm and their ratio. */
export function measureWarmup(record: Recorder, processes = PROCESSES): void {
  for (const file of SCENARIOS) {
    // One fresh process is one sample of a first replication: on a shared machine it varies by a third.
    const runs = Array.from({ length: processes }, () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/warmup.ts', file], { encoding: 'utf8' });
      return JSON.parse(out.trim().split('\n').pop() as string) as { firstMs: number; warmMs: number };
    });
    const firstMs = median(runs.map((r) => r.firstMs)) as number;
    const warmMs = median(runs.map((r) => r.warmMs)) as number;
    const name = file.split('/').pop()!.replace('.yaml', '');
    record('warm-up', `${name}: first replication`, firstMs, 'ms', `fresh process, median of ${processes}`);
    record('warm-up', `${name}: warm replication`, warmMs, 'ms', `median of ${WARM_RUNS} after ${WARMUPS + 1}, median of ${processes} processes`);
    record('warm-up', `${name}: first / warm`, firstMs / warmMs, 'ratio', 'target <= 2');
  }
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function main(file: string): void {
  const scenario = { ...loadScenario(file), replications: 1 };
  const firstMs = timed(() => simulate(scenario, { replication: 0 }));
  for (let r = 1; r <= WARMUPS; r++) simulate(scenario, { replication: r });
  const warm = Array.from({ length: WARM_RUNS }, (_, i) => timed(() => simulate(scenario, { replication: WARMUPS + 1 + i }))).sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({ firstMs, warmMs: warm[WARM_RUNS >> 1] })}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv[2]);
