// What run, compare and sweep share once their scenarios are loaded: running a planned experiment
// with a progress bar into its folder, and the precision line. The light part (settings checks,
// what they print) is experiment-args.ts's, which run-command.ts loads before the worker threads start.

import {
  checkLimits,
  checkUnits,
  eventsSizeNote,
  parseShard,
  precisionLine,
  runExperiment,
  runningThreads,
  withArrivalScale,
  type Experiment,
  type ExperimentOutcome,
  type PrecisionGoal,
  type ReplicationThreads,
} from '../experiment/index.js';
import { UsageError, processIo, type Io } from './io.js';
import { progressBar } from './progress.js';
import { limitsOf } from './experiment-args.js';
import type { ExperimentArgs } from './run-options.js';

/** How a command runs its experiment: a precision goal, where warnings go, threads opened ahead (which the command closes). */
export interface ExecuteChoices {
  precision?: PrecisionGoal;
  warn?: (line: string) => void;
  threads?: ReplicationThreads;
}

/** Runs a planned experiment with a progress bar, into `--out` or the default folder; with a precision goal, as many replications as it takes. */
export async function execute(planned: Experiment, args: ExperimentArgs, defaultOut: string, choices: ExecuteChoices = {}): Promise<ExperimentOutcome> {
  const { precision, warn = processIo.err, threads } = choices;
  const experiment = withArrivalScale(planned, args['scale-arrivals']);
  // With a precision goal, what may run is its most replications.
  const most = precision ? { ...experiment, replications: precision.maxReplications } : experiment;
  checkUnits(most);
  const limits = limitsOf(args);
  if (limits) checkLimits(most, limits);
  const shard = parseShard(args.shard);
  const units = experiment.variants.length * experiment.replications;
  // merge refuses an empty shard; refuse to write one.
  if (shard && shard.count > units) throw new UsageError(`--shard ${args.shard}: ${shard.count} shards of ${units} replication(s); each shard needs at least one`);
  const out = args.out ?? (shard ? `${defaultOut}-shard-${shard.index}-of-${shard.count}` : defaultOut);
  const eventsNote = eventsSizeNote(most, precision !== undefined);
  if (eventsNote) warn(eventsNote);
  const bar = progressBar(experiment.kind, args.quiet, runningHeader(experiment, runningThreads(experiment, { workers: args.workers, precision, shard }), precision, args.shard));
  try {
    return await runExperiment(experiment, { out, force: args.force, workers: args.workers, shard, report: args.report, xlsx: args.xlsx, precision, threads, onProgress: bar.update });
  } finally {
    bar.stop();
  }
}

/** What is about to run, shown at once on a terminal: a long run's first seconds are otherwise blank. */
function runningHeader(experiment: Experiment, threads: number, precision: PrecisionGoal | undefined, shard: string | undefined): string {
  const s = experiment.variants[0].scenario;
  const variants = experiment.variants.length;
  const reps = precision ? `${experiment.replications} to ${precision.maxReplications}` : `${experiment.replications}`;
  const perVariant = variants > 1 ? ` × ${variants} variants` : '';
  return `${experiment.kind} ${s.name}: ${reps} replications${perVariant} on ${threads} worker${threads === 1 ? '' : 's'}${shard ? `, shard ${shard}` : ''}`;
}

/** With --precision: how many replications it took, on the terminal; a warning when --max-reps came first. */
export function reportPrecision(outcome: ExperimentOutcome, args: ExperimentArgs, io: Io): void {
  const p = outcome.precision;
  if (!p) return;
  if (!p.met) io.err(`warning: ${precisionLine(p, outcome.experiment.kind)}`);
  else if (!args.quiet) io.out(precisionLine(p, outcome.experiment.kind));
}
