// Runs an experiment into an output folder, whole or as one shard's partial result, and merges
// partial results. A merged result is written by the very code that writes a one-machine run, from
// the same per-replication results in the same order, so the bytes are the same.

import { rmSync } from 'node:fs';
import type { ReplicationResult } from '../model/index.js';
import {
  StagedOutput,
  comparisonCsv,
  dailyCsvBytes,
  dailyMeanCsvBytes,
  labelledReplicationsCsvBytes,
  labelledSummaryCsv,
  replicationsCsvBytes,
  summarize,
  summaryCsv,
  sweepCsv,
  toCsv,
  type Cell,
  type SummaryRow,
  type SweepTablePoint,
} from '../output/index.js';
import { allUnits, shardUnits, type Experiment, type Shard, type Unit } from './design.js';
import { execute, experimentThreads, type UnitResult } from './execute.js';
import { openThreads, type ReplicationThreads } from './threads.js';
import { UsageError } from './errors.js';
import { compareVariants, type ComparisonRow } from './paired.js';
import { replicateToPrecision, type PrecisionGoal, type PrecisionOutcome } from './precision.js';
import { partialFiles } from './partials.js';
import { runRecord } from './run-record.js';
import { mark } from './timing.js';
import { eventsPartName, joinEvents } from './events-parts.js';
import { preloadExtras, writeExtras } from './extras.js';

export interface ExperimentRunOptions {
  out: string;
  force?: boolean;
  workers?: number;
  shard?: Shard;
  /** Also write report.html (not for a shard's partial result). */
  report?: boolean;
  /** Also write results.xlsx, the tables as one workbook (not for a shard's partial result). */
  xlsx?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Replicate in batches until the key figures are this precise, instead of experiment.replications. */
  precision?: PrecisionGoal;
  /**
   * Threads opened ahead (openThreads), so that they start while the caller loads its scenario.
   * runExperiment closes them once the replications are done; the caller closes them too (again,
   * which is harmless) in case it never got that far. Otherwise runExperiment opens its own.
   */
  threads?: ReplicationThreads;
}

export interface ExperimentOutcome {
  dir: string;
  files: string[];
  experiment: Experiment;
  /** Run: the summary; compare: the first variant's. */
  summary: SummaryRow[];
  comparison: ComparisonRow[];
  /** Sweep: each point's parameter values and summary, for the terminal table. */
  points?: SweepTablePoint[];
  partial: boolean;
  precision?: PrecisionOutcome;
}

/**
 * Runs a planned experiment (runPlan, comparePlan, sweepPlan) on worker threads and writes its tables into
 * `options.out` atomically (daily.csv, daily-mean.csv, summary.csv, replications.csv, and comparison.csv
 * or sweep.csv, with manifest.json); with `shard`, only that shard's partial result for mergePartials.
 * Resolves to the folder, the files written and the summary (and comparison) rows.
 */
export async function runExperiment(planned: Experiment, options: ExperimentRunOptions): Promise<ExperimentOutcome> {
  const startedAt = new Date();
  const staged = new StagedOutput(options.out, options.force ?? false);
  const count = runningThreads(planned, options);
  // Threads opened ahead are as many as the command knew to open: as many more as the work can use.
  const threads = options.threads ?? openThreads(count);
  threads.grow(count);
  if (!options.shard) preloadExtras(options);
  try {
    const { experiment, results, precision } = await runUnits(planned, options, threads, (unit) => staged.path(eventsPartName(unit)));
    // The threads end (their heaps torn down) while this thread writes the tables; `finally` waits for them.
    void threads.close();
    let outcome: Omit<ExperimentOutcome, 'dir'>;
    if (options.shard) {
      outcome = writePartial(staged, experiment, options.shard, results);
    } else {
      outcome = await writeExperiment(staged, experiment, results, (unit) => staged.path(eventsPartName(unit)));
      mark('tables-written');
      await writeExtras(staged, outcome.files, options);
      mark('extras-written');
    }
    await staged.commit(runRecord(experiment, { workers: options.workers, shard: options.shard, startedAt, precision }));
    mark('committed');
    return { ...outcome, dir: staged.target, precision };
  } finally {
    await threads.close();
    staged.abandon();
  }
}

/** The threads an experiment runs on: for the replications that may run (a shard's share, or with a precision goal its most). */
export function runningThreads(experiment: Experiment, options: Pick<ExperimentRunOptions, 'precision' | 'shard' | 'workers'>): number {
  const units = options.precision ? options.precision.maxReplications * experiment.variants.length : shardUnits(allUnits(experiment), options.shard).length;
  return experimentThreads(experiment, units, options.workers);
}

/** The experiment's units (a shard's share), or with --precision as many batches as it takes. */
async function runUnits(
  experiment: Experiment,
  options: ExperimentRunOptions,
  threads: ReplicationThreads,
  eventsPart: (unit: Unit) => string,
): Promise<{ experiment: Experiment; results: UnitResult[]; precision?: PrecisionOutcome }> {
  const goal = options.precision;
  // A sweep writes no daily table: its results come back without their daily rows.
  const daily = experiment.kind !== 'sweep';
  if (!goal) {
    const results = await execute(experiment, shardUnits(allUnits(experiment), options.shard), { threads, eventsPart, onProgress: options.onProgress, daily });
    return { experiment, results };
  }
  if (options.shard) throw new UsageError('--precision decides how many replications to run as it goes, so it cannot be split with --shard');
  const total = goal.maxReplications * experiment.variants.length;
  const run = (units: readonly Unit[], before: number): Promise<UnitResult[]> =>
    execute(experiment, units, { threads, eventsPart, onProgress: (done) => options.onProgress?.(before + done, total), daily });
  return replicateToPrecision(experiment, goal, run);
}

// ---- complete outputs --------------------------------------------------------------------

export async function writeExperiment(
  staged: StagedOutput,
  experiment: Experiment,
  results: readonly UnitResult[],
  eventsPart: (unit: Unit) => string,
): Promise<Omit<ExperimentOutcome, 'dir'>> {
  const byVariant: ReplicationResult[][] = experiment.variants.map(() => []);
  for (const r of results) byVariant[r.variant][r.replication] = r.result;
  const files: string[] = [];
  const write = (name: string, text: string | readonly Uint8Array[]): void => {
    staged.write(name, text);
    files.push(name);
  };
  let summary: SummaryRow[] = [];
  let comparison: ComparisonRow[] = [];
  let sweepPoints: SweepTablePoint[] | undefined;
  const names = experiment.variants.map((v) => v.name);

  if (experiment.kind === 'run') {
    const own = byVariant[0];
    summary = summarize(own);
    // Rows formatted by the workers where they were; merged partials format them here, identically.
    write('daily.csv', dailyCsvBytes(own, results.map((r) => r.dailyBytes)));
    write('daily-mean.csv', dailyMeanCsvBytes([{ name: names[0], results: own }], false));
    write('summary.csv', summaryCsv(summary));
    write('replications.csv', replicationsCsvBytes(own));
    // The effective scenario (defaults filled, overrides applied): rerunning it reproduces these bytes.
    write('scenario.json', `${JSON.stringify(experiment.variants[0].scenario, null, 2)}\n`);
  } else if (experiment.kind === 'compare') {
    comparison = compareVariants(names, byVariant);
    summary = summarize(byVariant[0]);
    write('comparison.csv', comparisonCsv(comparison));
    write('summary.csv', labelledSummaryCsv(['variant'], byVariant.map((rs, v) => ({ labels: [names[v]], summary: v === 0 ? summary : summarize(rs) }))));
    write('replications.csv', labelledReplicationsCsvBytes(['variant'], byVariant.map((rs, v) => ({ labels: [names[v]], results: rs }))));
    write('daily-mean.csv', dailyMeanCsvBytes(byVariant.map((rs, v) => ({ name: names[v], results: rs })), true));
    write('variants.json', `${JSON.stringify(experiment.variants, null, 2)}\n`);
  } else {
    const params = (v: number): Cell[] => experiment.parameters.map((p) => paramCell(experiment.variants[v].params?.[p]));
    const points = byVariant.map((rs, v) => ({ point: v, params: params(v), summary: summarize(rs), results: rs }));
    write('sweep.csv', sweepCsv(experiment.parameters, points));
    sweepPoints = points;
    write('replications.csv', labelledReplicationsCsvBytes(['point', ...experiment.parameters], points.map((p) => ({ labels: [p.point, ...p.params], results: p.results }))));
    write('points.csv', toCsv(['point', ...experiment.parameters], points.map((p) => [p.point, ...p.params])));
    write('scenario.json', `${JSON.stringify(experiment.variants[0]?.scenario ?? null, null, 2)}\n`);
  }
  if (experiment.events) {
    await joinEvents(staged.path('events.csv'), allUnits(experiment).map(eventsPart), (experiment.kind === 'run' ? [] : ['variant']));
    for (const unit of allUnits(experiment)) rmSync(staged.path(eventsPartName(unit)), { force: true });
    files.push('events.csv');
  }
  return { files, experiment, summary, comparison, points: sweepPoints, partial: false };
}

function paramCell(value: unknown): Cell {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

function writePartial(staged: StagedOutput, experiment: Experiment, shard: Shard, results: readonly UnitResult[]): Omit<ExperimentOutcome, 'dir'> {
  const files = partialFiles(experiment, shard, results);
  for (const [name, text] of Object.entries(files)) staged.write(name, text);
  return { files: Object.keys(files), experiment, summary: [], comparison: [], partial: true };
}
