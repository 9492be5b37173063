// An experiment: variants of a scenario (one for a run, several for compare, grid points for a
// sweep), each replicated with the same seeds — replication r of every variant draws the same
// people (common random numbers). Work is split into units (variant, replication), in a fixed
// order that shards and workers share, so that outputs never depend on how the work was spread.

import type { EngineName } from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';
import { UsageError } from './errors.js';

export type ExperimentKind = 'run' | 'compare' | 'sweep';

export interface Variant {
  name: string;
  scenario: Scenario;
  /** Sweep points: the swept parameters' values, by parameter path. */
  params?: Record<string, unknown>;
}

export interface Experiment {
  kind: ExperimentKind;
  variants: Variant[];
  replications: number;
  engine: EngineName;
  events: boolean;
  /** Sweep: the swept parameter paths, in column order. */
  parameters: string[];
}

export interface Unit {
  variant: number;
  replication: number;
}

export interface Shard {
  index: number; // 1-based
  count: number;
}

export function allUnits(experiment: Experiment): Unit[] {
  const units: Unit[] = [];
  experiment.variants.forEach((_, variant) => {
    for (let replication = 0; replication < experiment.replications; replication++) units.push({ variant, replication });
  });
  return units;
}

/** Unit k belongs to shard (k mod n) + 1: shares differ by at most one unit and mix cheap and costly variants. */
export function shardUnits(units: readonly Unit[], shard: Shard | undefined): Unit[] {
  if (!shard) return [...units];
  return units.filter((_, k) => k % shard.count === shard.index - 1);
}

export function parseShard(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count)) throw new UsageError(`--shard: expected i/n with 1 <= i <= n, such as 2/5, got "${text}"`);
  return { index, count };
}

/** Same seed, replications and warm-up for every variant: what makes them comparable. */
export function harmonise(scenario: Scenario, settings: { seed: number; replications: number; warmupDays?: number }): Scenario {
  const warmupDays = settings.warmupDays ?? scenario.warmupDays;
  if (warmupDays >= scenario.days) {
    throw new UsageError(`--warmup-days: expected fewer than the scenario's ${scenario.days} days, got ${warmupDays}`);
  }
  return { ...scenario, seed: settings.seed, replications: settings.replications, warmupDays };
}
