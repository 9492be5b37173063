// `npm run bench`'s peers section (issue 18 item 7): the pipeline of bench/pipeline.yaml in mppsim
// and written anew in discrete-sim and in simjs, on the same file. Prints whole-process and
// per-replication time ratios, and whether each total agrees with mppsim's within the replications'
// 99% intervals. Then the outputs section (outputs-cost.ts). Called from bench.ts in one line.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { median } from 'd3-array';
import { buildSync } from 'esbuild';
import { estimate } from '../src/stats/index.js';
import { benchOutputs, measureRun, type Recorder } from './outputs-cost.js';
import { MPPSIM_FIGURES, type PeerTotals } from './peer-pipeline.js';

const PIPELINE = 'bench/pipeline.yaml';
const PEERS = ['discrete-sim', 'simjs'] as const;
type Peer = (typeof PEERS)[number];
type Figure = keyof PeerTotals;
const med = (values: number[]): number => median(values) as number;

/** Each peer compiled to one ES module (its packages left to node_modules), as its user would run it. */
function bundlePeers(): Record<Peer, string> {
  const dir = 'output/bench/peers';
  mkdirSync(dir, { recursive: true });
  const files = {} as Record<Peer, string>;
  for (const peer of PEERS) {
    files[peer] = join(dir, `peer-${peer}.mjs`);
    buildSync({ entryPoints: [`bench/peer-${peer}.ts`], outfile: files[peer], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  }
  return files;
}

function wall(args: string[]): [number, string] {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return [performance.now() - t0, out];
}

/** Each replication's figures from mppsim's replications.csv, by peer total. */
function mppsimTotals(dir: string): Record<Figure, number[]> {
  const rows = parse(readFileSync(join(dir, 'replications.csv')), { columns: true }) as { metric: string; scope: string; value: string }[];
  const totals = {} as Record<Figure, number[]>;
  for (const [figure, [metric, scope]] of Object.entries(MPPSIM_FIGURES) as [Figure, [string, string]][]) {
    totals[figure] = rows.filter((r) => r.metric === metric && r.scope === scope).map((r) => Number(r.value));
  }
  return totals;
}

interface PeerOutput {
  replications: { totals: PeerTotals; ms: number }[];
}

/**
 * Agreement of two sets of independent replications: the difference of their means lies within
 * the combined half-widths of their 99% Student-t intervals (sqrt(h1^2 + h2^2), about a Welch test at 1%).
 */
function agreement(ours: number[], theirs: number[]): { ours: number; theirs: number; half: number; agree: boolean } {
  const a = estimate(ours, 0.99);
  const b = estimate(theirs, 0.99);
  const half = Math.hypot(a.ciHigh - a.mean, b.ciHigh - b.mean);
  return { ours: a.mean, theirs: b.mean, half, agree: Math.abs(a.mean - b.mean) <= half };
}

/** Fresh replications of both sides (mppsim's replications reps..2reps-1, the peer's next seeds) for a figure that disagreed. */
function retry(bundle: string, scratch: string, reps: number): [Record<Figure, number[]>, PeerOutput] {
  const out = join(scratch, 'mppsim-retry');
  wall(['bin/mppsim.js', 'run', PIPELINE, '--reps', String(2 * reps), '--out', out, '--force', '--quiet']);
  const all = mppsimTotals(out);
  const later = Object.fromEntries(Object.entries(all).map(([figure, values]) => [figure, values.slice(reps)])) as Record<Figure, number[]>;
  return [later, JSON.parse(wall([bundle, String(reps), String(reps + 1), PIPELINE])[1]) as PeerOutput];
}

/**
 * Nine figures for each of two peers at 1% each: about one run in six shows a disagreement by chance, so one
 * is checked again on fresh replications and reported as a disagreement only if it repeats.
 */
function checkAgreement(record: Recorder, peer: Peer, ours: Record<Figure, number[]>, theirs: PeerOutput, again: () => [Record<Figure, number[]>, PeerOutput]): void {
  let fresh: [Record<Figure, number[]>, PeerOutput] | undefined;
  for (const figure of Object.keys(MPPSIM_FIGURES) as Figure[]) {
    const check = (o: Record<Figure, number[]>, t: PeerOutput) => agreement(o[figure], t.replications.map((r) => r.totals[figure]));
    const first = check(ours, theirs);
    let verdict = 'agree';
    let a = first;
    if (!first.agree) {
      fresh ??= again();
      a = check(...fresh);
      verdict = a.agree ? 'agree' : 'DISAGREE';
    }
    const retried = first.agree ? '' : ` (disagreed at first: |diff| ${Math.abs(first.theirs - first.ours).toPrecision(3)} vs ${first.half.toPrecision(3)}; fresh replications)`;
    const n = theirs.replications.length;
    record('agree', `${peer}: ${figure}`, a.theirs, verdict, `mppsim ${a.ours.toPrecision(5)}; |diff| ${Math.abs(a.theirs - a.ours).toPrecision(3)} vs 99% ${a.half.toPrecision(3)}; ${n} reps each${retried}`);
  }
}

export function benchPeersAndOutputs(record: Recorder, runs: number, quick: boolean): void {
  const reps = quick ? 5 : 20;
  const bundles = bundlePeers();
  const scratch = mkdtempSync(join(tmpdir(), 'mppsim-peers-'));
  try {
    const times: Record<string, number[]> = {};
    const keep = (key: string, ms: number): void => void (times[key] ??= []).push(ms);
    let ours: Record<Figure, number[]> | undefined;
    const theirs = {} as Record<Peer, PeerOutput>;
    // Whole processes, alternating the three so the machine's load falls on each alike.
    for (let run = 0; run < runs; run++) {
      for (const n of [1, reps]) {
        const out = join(scratch, `mppsim-${n}`);
        keep(`mppsim ${n}`, wall(['bin/mppsim.js', 'run', PIPELINE, '--reps', String(n), '--out', out, '--force', '--quiet'])[0]);
        if (n === reps) ours = mppsimTotals(out);
        for (const peer of PEERS) {
          const [ms, text] = wall([bundles[peer], String(n), '1', PIPELINE]);
          keep(`${peer} ${n}`, ms);
          if (n === reps) theirs[peer] = JSON.parse(text) as PeerOutput;
        }
      }
    }
    for (const n of [1, reps]) {
      const base = med(times[`mppsim ${n}`]);
      record('peers', `whole process x${n}: mppsim`, base / 1000, 's', `${runs} runs, median; mppsim also writes its tables`);
      for (const peer of PEERS) record('peers', `whole process x${n}: ${peer} / mppsim`, med(times[`${peer} ${n}`]) / base, 'ratio');
    }
    const perRep = med(measureRun(PIPELINE, reps).simulateMs);
    record('peers', 'per replication: mppsim', perRep, 'ms', `median of ${reps}, in process`);
    for (const peer of PEERS) record('peers', `per replication: ${peer} / mppsim`, med(theirs[peer].replications.map((r) => r.ms)) / perRep, 'ratio');
    for (const peer of PEERS) checkAgreement(record, peer, ours as Record<Figure, number[]>, theirs[peer], () => retry(bundles[peer], scratch, reps));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  benchOutputs(record, runs);
}
