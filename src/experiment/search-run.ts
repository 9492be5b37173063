// What the answer commands (size, calibrate) share on their way from a file to an output folder:
// the settings every search takes, and the record of a search for its manifest.json.

import type { EngineName } from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';
import { scenarioDigest } from './run-record.js';

export interface SearchRunOptions {
  out: string;
  force?: boolean;
  /** Replications of every candidate (default: the scenario's, at least 2). */
  replications?: number;
  seed?: number;
  warmupDays?: number;
  engine?: EngineName;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The candidates' replications and seed: the scenario's unless the options say otherwise. */
export function searchSettings(base: Scenario, options: SearchRunOptions) {
  return {
    replications: options.replications ?? Math.max(2, base.replications),
    seed: options.seed ?? base.seed,
    warmupDays: options.warmupDays,
    engine: options.engine,
    workers: options.workers,
    onProgress: options.onProgress,
  };
}

/** manifest.json's record of a search: what it was asked, and the settings that make it reproducible. */
export function searchRecord(kind: string, base: Scenario, asked: Record<string, unknown>, options: SearchRunOptions, startedAt: Date): Record<string, unknown> {
  const { replications, seed } = searchSettings(base, options);
  return {
    kind,
    scenarioSha256: scenarioDigest(base),
    ...asked,
    seed,
    replications,
    engine: options.engine ?? 'heap',
    workers: options.workers ?? null,
    commandLine: process.argv.slice(2),
    startedAt: startedAt.toISOString(),
  };
}
