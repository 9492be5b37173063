// What run, compare and sweep (and size, calibrate, warmup, merge) share before any scenario loads:
// checking the settings, the worker threads opened ahead, and the lines they print. Light on
// purpose (no schema, no model, no writers): run-command.ts loads it before the threads start.

import { join } from 'node:path';
import { DEFAULT_LIMITS, type Limits } from '../experiment/defaults.js';
import type { ExperimentOutcome, PrecisionGoal } from '../experiment/index.js';
import { openThreads, type ReplicationThreads } from '../experiment/threads.js';
import { threadsFor } from '../experiment/thread-count.js';
import { UsageError } from '../experiment/errors.js';
import type { PrecisionArgs } from './precision-options.js';
import type { ExperimentArgs } from './run-options.js';
import { asTyped } from './typed-text.js';

/** `mppsim run`'s arguments. */
export type RunArgs = ExperimentArgs & PrecisionArgs & { scenario: string };

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

/**
 * Threads opened before the scenarios load and the plan is made, so that they start meanwhile: every
 * run needs one, and --workers says how many more (as far as --reps and the variants known now can use
 * them). Without --workers, how many more depends on the scenarios' work: runExperiment adds them.
 */
export function threadsAhead(args: ExperimentArgs, goal: PrecisionGoal | undefined, variants: number): ReplicationThreads {
  const reps = goal ? goal.maxReplications : args.reps;
  const known = args.workers !== undefined && reps !== undefined && args.shard === undefined;
  return openThreads(known ? threadsFor(reps * variants, args.workers) : 1);
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
