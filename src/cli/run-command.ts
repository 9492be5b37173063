// `mppsim run SCENARIO`: replicate a scenario into an output folder and print its key figures.

import { join } from 'node:path';
import type { Argv } from 'yargs';
import { ENGINE_NAMES, type EngineName } from '../engine/index.js';
import {
  DEFAULT_LIMITS,
  DEFAULT_PRECISION_MAX_REPLICATIONS,
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
import { precisionGoal, precisionOptions, type PrecisionArgs } from './precision-options.js';
import { progressBar } from './progress.js';
import { asTyped } from './typed-text.js';

export interface ExperimentArgs {
  out?: string;
  reps?: number;
  seed?: number;
  'warmup-days'?: number;
  workers?: number;
  shard?: string;
  engine: EngineName;
  events: boolean;
  force: boolean;
  quiet: boolean;
  report?: boolean;
  xlsx?: boolean;
  'allow-large'?: boolean;
  'max-people'?: number;
  'max-days'?: number;
  'max-reps'?: number;
  'scale-arrivals'?: number;
}

/** Options every experiment command shares. */
export function experimentOptions<T>(y: Argv<T>) {
  return y
    .option('out', { type: 'string', describe: 'output folder (default: under output/)' })
    .option('reps', { type: 'number', describe: "replications (default: the scenario's, else 1)" })
    .option('seed', { type: 'number', describe: "seed (default: the (first) scenario's)" })
    .option('warmup-days', { type: 'number', describe: "days simulated but left out of statistics (default: the scenario's)" })
    .option('workers', { type: 'number', describe: 'worker threads (default: all cores); outputs do not depend on it' })
    .option('shard', { type: 'string', describe: 'i/n: run only shard i of n and write a partial result for `mppsim merge`' })
    .option('engine', { choices: ENGINE_NAMES, default: 'heap' as EngineName, describe: 'event calendar' })
    .option('scale-arrivals', { type: 'number', describe: "every sector's arrival rates times K (the page's arrival scale; 1 = as published)" })
    .option('events', { type: 'boolean', default: false, describe: 'also write events.csv, one row per person' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
    .option('report', { type: 'boolean', default: false, describe: 'also write report.html (charts, summary, cited parameters)' })
    .option('xlsx', { type: 'boolean', default: false, describe: 'also write results.xlsx: every table as a sheet, typed cells' })
    .option('allow-large', { type: 'boolean', default: false, describe: 'lift the size limits below' })
    .option('max-people', { type: 'number', default: DEFAULT_LIMITS.maxPeople, describe: 'refuse experiments expected to simulate more people' })
    .option('max-days', { type: 'number', default: DEFAULT_LIMITS.maxDays, describe: 'refuse longer horizons' })
    .option('max-reps', { type: 'number', describe: `refuse more replications (default ${DEFAULT_LIMITS.maxReplications}); with --precision, the most to run (default ${DEFAULT_PRECISION_MAX_REPLICATIONS})` });
}

/** `run`'s options: the shared ones and --precision. */
export function runOptions<T>(y: Argv<T>) {
  return precisionOptions(experimentOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON), or the name of a bundled scenario (see mppsim scenarios)' })));
}

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
  return guard(io, async () => {
    checkSettings(args);
    const goal = precisionGoal(args);
    const scenario = loadScenario(args.scenario);
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
