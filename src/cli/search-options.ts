// The options size and calibrate share: the scenario, where to write, and the settings of the
// candidates' replications (neither answer depends on --workers).

import type { Argv } from 'yargs';
import { ENGINE_NAMES, type EngineName } from '../engine/calendar.js';
import type { SearchRunOptions } from '../experiment/search-run.js';

export interface SearchArgs {
  scenario: string;
  out?: string;
  reps?: number;
  seed?: number;
  'warmup-days'?: number;
  workers?: number;
  engine: EngineName;
  force: boolean;
  quiet: boolean;
}

export function searchOptions<T>(y: Argv<T>, command: string) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
    .option('out', { type: 'string', describe: `output folder (default: output/${command}-<scenario name>)` })
    .option('seed', { type: 'number' })
    .option('warmup-days', { type: 'number' })
    .option('workers', { type: 'number', describe: 'worker threads (default: all cores); the answer does not depend on it' })
    .option('engine', { choices: ENGINE_NAMES, default: 'heap' as EngineName })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print only the answer line' });
}

export function scenarioName(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/, '');
}

/** The options of the search's run; `suffix` ends the default folder's name (a shard's). */
export function searchRunOptions(args: SearchArgs, command: string, onProgress: (done: number, total: number) => void, suffix = ''): SearchRunOptions {
  return {
    out: args.out ?? `output/${command}-${scenarioName(args.scenario)}${suffix}`,
    force: args.force,
    replications: args.reps,
    seed: args.seed,
    warmupDays: args['warmup-days'],
    engine: args.engine,
    workers: args.workers,
    onProgress,
  };
}
