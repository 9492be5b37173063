// `--precision REL`, `--half-width ABS` and `--batch N` of run and compare: replicate until the key
// figures' 95% intervals are that narrow, in place of --reps (see src/experiment/precision.ts).

import type { Argv } from 'yargs';
import { DEFAULT_PRECISION_BATCH, DEFAULT_PRECISION_MAX_REPLICATIONS } from '../experiment/defaults.js';
import { UsageError } from '../experiment/errors.js';
import type { PrecisionGoal } from '../experiment/index.js';
import { asTyped } from './typed-text.js';

export interface PrecisionArgs {
  precision?: number;
  'half-width'?: number;
  batch?: number;
  reps?: number;
  shard?: string;
  'max-reps'?: number;
}

export function precisionOptions<T>(y: Argv<T>) {
  return y
    .option('precision', { type: 'number', describe: "replicate until each key figure's 95% half-width is at most this fraction of its mean (0.05 = ±5%)" })
    .option('half-width', { type: 'number', describe: "replicate until each key figure's 95% half-width is at most this (with --precision: whichever allows more)" })
    .option('batch', { type: 'number', describe: `with --precision/--half-width: replications added at a time (default ${DEFAULT_PRECISION_BATCH})` });
}

/** The goal the options ask for, or undefined without --precision and --half-width. */
export function precisionGoal(args: PrecisionArgs): PrecisionGoal | undefined {
  const { precision: relative, 'half-width': absolute, batch } = args;
  if (relative === undefined && absolute === undefined) {
    if (batch !== undefined) throw new UsageError('--batch: only with --precision or --half-width');
    return undefined;
  }
  for (const [name, value] of [['precision', relative], ['half-width', absolute]] as const) {
    if (value !== undefined && !(value > 0 && Number.isFinite(value))) throw new UsageError(`--${name}: expected a number above 0, got ${asTyped(name, value)}`);
  }
  if (args.reps !== undefined) throw new UsageError('--reps: not with --precision or --half-width, which decide the replications (bound them with --max-reps)');
  if (args.shard !== undefined) throw new UsageError('--shard: not with --precision or --half-width, which decide the replications as they go');
  const maxReplications = args['max-reps'] ?? DEFAULT_PRECISION_MAX_REPLICATIONS;
  const step = batch ?? Math.min(DEFAULT_PRECISION_BATCH, maxReplications);
  if (!(Number.isInteger(step) && step >= 2)) throw new UsageError(`--batch: expected a whole number from 2 up (an interval needs two replications), got ${asTyped('batch', step)}`);
  if (!(Number.isInteger(maxReplications) && maxReplications >= step)) throw new UsageError(`--max-reps: expected a whole number of at least --batch (${step}), got ${asTyped('max-reps', maxReplications)}`);
  return { relative, absolute, batch: step, maxReplications };
}
