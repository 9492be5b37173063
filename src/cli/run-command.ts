// `mppsim run SCENARIO`: replicate a scenario into an output folder and print its key figures. Its
// options are run-options.ts's; this module loads only when a command runs.

import { join } from 'node:path';
import {
  DEFAULT_LIMITS,
  checkLimits,
  checkUnits,
  defaultWorkers,
  eventsSizeNote,
  parseShard,
  precisionLine,
  runExperiment,
  runPlan,
  withArrivalScale,
  type Experiment,
  type ExperimentOutcome,
  type Limits,
  type PrecisionGoal,
} from '../experiment/index.js';
import { formatTable, keyFigures } from '../output/index.js';
import { loadScenario } from '../scenario/index.js';
import { EXIT_OK, UsageError, guard, processIo, type Io } from './io.js';
import { precisionGoal, type PrecisionArgs } from './precision-options.js';
import { mark } from '../experiment/timing.js';
import { progressBar } from './progress.js';
import type { ExperimentArgs } from './run-options.js';
import { asTyped } from './typed-text.js';

export function limitsOf(args: ExperimentArgs): Limits | undefined {
  if (args['allow-large']) return undefined;
  return {
    maxPeople: args['max-people'] ?? DEFAULT_LIMITS.maxPeople,
    maxDays: args['max-days'] ?? DEFAULT_LIMITS.maxDays,
    maxReplications: args['max-reps'] ?? DEFAULT_LIMITS.maxReplications,
  };
}

export function checkSettings(args: ExperimentArgs): void {
  const whole = (name: string, value: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): void => {
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
      throw new UsageError(`--${name}: expected a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}, got ${asTyped(name, value)}`);
    }
  };
  whole('reps', args.reps, 1);
  whole('seed', args.seed, 0, 2 ** 32 - 1);
  whole('warmup-days', args['warmup-days'], 0);
  whole('workers', args.workers, 1, 1024);
  // A limit typed as text would be NaN, which every comparison passes: "unlimited" by accident.
  for (const name of ['max-people', 'max-days', 'max-reps'] as const) {
    const value = args[name];
    if (value !== undefined && !(value >= 1)) throw new UsageError(`--${name}: expected a number of at least 1, got ${asTyped(name, value)}`);
  }
}

export function settings(args: ExperimentArgs) {
  return { replications: args.reps, seed: args.seed, warmupDays: args['warmup-days'], engine: args.engine, events: args.events };
}

/** Runs a planned experiment with a progress bar, into `--out` or the default folder; with a precision goal, as many replications as it takes. */
export async function execute(
  planned: Experiment,
  args: ExperimentArgs,
  defaultOut: string,
  precision?: PrecisionGoal,
  warn: (line: string) => void = processIo.err,
): Promise<ExperimentOutcome> {
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
  const bar = progressBar(experiment.kind, args.quiet, runningHeader(experiment, args.workers, precision, args.shard));
  try {
    return await runExperiment(experiment, { out, force: args.force, workers: args.workers, shard, report: args.report, xlsx: args.xlsx, precision, onProgress: bar.update });
  } finally {
    bar.stop();
  }
}

/** What is about to run, shown at once on a terminal: a long run's first seconds are otherwise blank. */
function runningHeader(experiment: Experiment, workers: number | undefined, precision: PrecisionGoal | undefined, shard: string | undefined): string {
  const s = experiment.variants[0].scenario;
  const variants = experiment.variants.length;
  const reps = precision ? `${experiment.replications} to ${precision.maxReplications}` : `${experiment.replications}`;
  const threads = Math.max(1, Math.min(workers ?? defaultWorkers(), variants * (precision ? precision.maxReplications : experiment.replications)));
  const perVariant = variants > 1 ? ` × ${variants} variants` : '';
  return `${experiment.kind} ${s.name}: ${reps} replications${perVariant} on ${threads} worker${threads === 1 ? '' : 's'}${shard ? `, shard ${shard}` : ''}`;
}

export function describeRun(outcome: ExperimentOutcome): string {
  const { experiment } = outcome;
  const s = experiment.variants[0].scenario;
  const reps = experiment.replications;
  return `${s.title ?? s.name}: ${s.days} days from ${s.start}${s.warmupDays ? ` (first ${s.warmupDays} warm-up)` : ''}, ${reps} replication${reps === 1 ? '' : 's'}, seed ${s.seed}`;
}

export function wrote(outcome: ExperimentOutcome): string {
  if (outcome.partial) return `wrote a partial result (${outcome.files.join(', ')}) to ${outcome.dir}; combine all shards with \`mppsim merge\``;
  const report = outcome.files.includes('report.html') ? `\nreport: ${join(outcome.dir, 'report.html')}` : '';
  return `wrote ${outcome.files.join(', ')} to ${outcome.dir}${report}`;
}

/** With --precision: how many replications it took, on the terminal; a warning when --max-reps came first. */
export function reportPrecision(outcome: ExperimentOutcome, args: ExperimentArgs, io: Io): void {
  const p = outcome.precision;
  if (!p) return;
  if (!p.met) io.err(`warning: ${precisionLine(p, outcome.experiment.kind)}`);
  else if (!args.quiet) io.out(precisionLine(p, outcome.experiment.kind));
}

export function runCommand(args: ExperimentArgs & PrecisionArgs & { scenario: string }, io: Io): Promise<number> {
  mark('command-loaded');
  return guard(io, async () => {
    checkSettings(args);
    const goal = precisionGoal(args);
    const scenario = loadScenario(args.scenario);
    mark('scenario-loaded');
    const outcome = await execute(runPlan(scenario, settings(args)), args, `output/${scenario.name}`, goal, io.err);
    if (!args.quiet) io.out(describeRun(outcome));
    reportPrecision(outcome, args, io);
    if (!args.quiet) {
      if (!outcome.partial) io.out(formatTable(keyFigures(outcome.summary)));
      io.out(`\n${wrote(outcome)}`);
    }
    return EXIT_OK;
  });
}
