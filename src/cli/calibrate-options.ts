// `mppsim calibrate`'s options: what yargs needs to parse and to print --help. The handler,
// calibrate-command.ts, is imported only when the command runs (main.ts); keep this module's imports light.

import type { Argv } from 'yargs';
import { DEFAULT_CALIBRATE_GRID, DEFAULT_CALIBRATE_ROUNDS } from '../experiment/defaults.js';
import { searchOptions, type SearchArgs } from './search-options.js';

export interface CalibrateArgs extends SearchArgs {
  fit: string[];
  targets: string;
  grid?: number;
  rounds?: number;
  shard?: string;
}

export function calibrateOptions<T>(y: Argv<T>) {
  return searchOptions(y, 'calibrate')
    .option('fit', { type: 'string', array: true, demandOption: true, describe: 'path=LO..HI[:STEP]: an unknown input to fit, repeatable, e.g. sectors.del-rio.mpp.enrolledFraction=0.1..0.9; a path segment * or a|b sets every number it matches' })
    .option('targets', { type: 'string', demandOption: true, describe: 'YAML list of reported figures, each {metric, scope} or {count, stage or kind, from and to, or by}, with value (or a fact), tolerance and heldOut?' })
    .option('reps', { type: 'number', describe: "replications per candidate (default: the scenario's, at least 2)" })
    .option('grid', { type: 'number', describe: `points of each range tried per round (default ${DEFAULT_CALIBRATE_GRID})` })
    .option('rounds', { type: 'number', describe: `rounds of the search, each narrowing the ranges around the best (default ${DEFAULT_CALIBRATE_ROUNDS})` })
    .option('shard', { type: 'string', describe: 'not available: each round depends on the one before (use --workers, or a sharded sweep)' });
}
