// Where a whole command's time goes (issue 18 items 1 to 3): `mppsim run` of the pipeline from process
// start to exit, phase by phase (the CLI's MPPSIM_TIMING marks, src/experiment/timing.ts), and how
// long `validate`, `--help` and a one-replication run take next to `node -e 0`. Called by bench.ts.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from 'd3-array';
import type { Recorder } from './outputs-cost.js';

interface ThreadMarks {
  thread: 'main' | 'worker';
  started: number;
  marks: [string, number][];
}

const PIPELINE = ['run', 'bench/pipeline.yaml', '--workers', '1', '--force', '--quiet'];
const REPS = 5;

function wallMs(args: readonly string[], env: NodeJS.ProcessEnv = {}): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, CI: 'true', ...env } });
  return performance.now() - start;
}

/** The phases of one `mppsim run` of the pipeline with REPS replications and a report, in ms. */
function phasesOfOneRun(scratch: string, run: number): Map<string, number> {
  const file = join(scratch, `timing-${run}.jsonl`);
  const spawned = Date.now();
  const wall = wallMs(['bin/mppsim.js', ...PIPELINE, '--reps', String(REPS), '--report', '--out', join(scratch, 'out')], { MPPSIM_TIMING: file });
  const threads = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ThreadMarks);
  const main = threads.find((t) => t.thread === 'main') as ThreadMarks;
  const at = (name: string): number => (main.marks.find(([n]) => n === name) as [string, number])[1];
  const workerMarks = threads.filter((t) => t.thread === 'worker').flatMap((t) => t.marks);
  const all = (name: string): number[] => workerMarks.filter(([n]) => n === name).map(([, t]) => t);
  const starts = all('replication-start');
  const simulated = all('replication-simulated');
  const formatted = all('replication-formatted');
  const replicationMs = starts.map((s, i) => simulated[i] - s);
  const later = replicationMs.slice(1);
  // The threads open before the run handler loads (src/cli/run-command.ts), so their start overlaps
  // the handler and the scenario; 'waiting for the worker' is what of it the replications still wait for.
  const lastFormatted = formatted[formatted.length - 1];
  const phases = new Map<string, number>([
    ['spawn to node started', main.started - spawned],
    ['node started to launcher (node itself)', at('bin') - main.started],
    ['CLI modules (yargs, options)', at('cli-loaded') - at('bin')],
    ['parse arguments', at('arguments-parsed') - at('cli-loaded')],
    ['load the run command', at('command-loaded') - at('arguments-parsed')],
    ['open the worker threads', at('pool-opening') - at('command-loaded')],
    ['load the run handler (threads starting meanwhile)', at('handler-loaded') - at('pool-opening')],
    ['scenario parse + validate', at('scenario-loaded') - at('handler-loaded')],
    ['plan the experiment', at('batches-sent') - at('scenario-loaded')],
    ['worker thread started, its modules loaded (from opening)', (all('worker-loaded')[0] as number) - at('pool-opening')],
    ['waiting for the worker (after the batches are sent)', Math.max(0, starts[0] - at('batches-sent'))],
    ['first replication (model built and run)', replicationMs[0]],
    [`later replications, each (of ${later.length})`, later.reduce((a, b) => a + b, 0) / later.length],
    ['daily.csv rows in the worker, each', formatted.reduce((sum, f, i) => sum + f - simulated[i], 0) / formatted.length],
    ['results back to the main thread', at('replications-done') - lastFormatted],
    ['CSV tables formatted + written', at('tables-written') - at('replications-done')],
    ['report.html', at('extras-written') - at('tables-written')],
    ['manifest + commit', at('committed') - at('extras-written')],
    ['threads closed (meanwhile), then to exit', at('exit') - at('committed')],
    ['threads closing (overlapping the tables)', at('pool-closed') - at('replications-done')],
    ['whole process (wall)', wall],
  ]);
  rmSync(file);
  return phases;
}

/** Median over alternating runs of each command, so that a busy moment of the machine hits them alike. */
function alternating(commands: Readonly<Record<string, readonly string[]>>, runs: number): Map<string, number> {
  const times = new Map(Object.keys(commands).map((k) => [k, [] as number[]]));
  for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) times.get(name)?.push(wallMs(args));
  return new Map([...times].map(([name, ms]) => [name, median(ms) as number]));
}

export function commandBreakdown(record: Recorder, quick: boolean): void {
  const scratch = mkdtempSync(join(tmpdir(), 'mppsim-breakdown-'));
  try {
    const runs = Array.from({ length: quick ? 1 : 5 }, (_, i) => phasesOfOneRun(scratch, i));
    for (const phase of runs[0].keys()) {
      record('command', phase, median(runs.map((r) => r.get(phase) as number)) as number, 'ms', `run bench/pipeline.yaml --reps ${REPS} --report, median of ${runs.length}`);
    }
    const scenario = 'scenarios/baseline-tucson-el-paso.yaml';
    const startup = alternating(
      {
        'node -e 0': ['-e', '0'],
        'mppsim validate': ['bin/mppsim.js', 'validate', scenario],
        'mppsim --help': ['bin/mppsim.js', '--help'],
        'mppsim run, 1 replication': ['bin/mppsim.js', ...PIPELINE, '--reps', '1', '--out', join(scratch, 'one')],
      },
      quick ? 3 : 15,
    );
    const node = startup.get('node -e 0') as number;
    for (const [name, ms] of startup) record('startup', name, ms, 'ms', `median of ${quick ? 3 : 15} alternating runs`);
    record('startup', 'validate / node -e 0', (startup.get('mppsim validate') as number) / node, 'ratio', 'target <= 3');
    record('startup', '--help / node -e 0', (startup.get('mppsim --help') as number) / node, 'ratio');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
