// The options of `mppsim run` and those every experiment command shares: what yargs needs to parse
// and to print --help, and nothing else, so that a command loads its handler (run-command.ts) only
// when it runs.

import type { Argv } from 'yargs';
import { ENGINE_NAMES, type EngineName } from '../engine/calendar.js';
import { DEFAULT_LIMITS, DEFAULT_PRECISION_MAX_REPLICATIONS } from '../experiment/defaults.js';
import { precisionOptions } from './precision-options.js';

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
    .option('workers', { type: 'number', describe: 'worker threads (default: one per 700,000 people simulated, up to all cores); outputs do not depend on it' })
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
