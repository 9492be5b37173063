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
}

export function calibrateOptions<T>(y: Argv<T>) {
  return searchOptions(y, 'calibrate')
    .option('fit', { type: 'string', array: true, demandOption: true, describe: 'path=LO..HI[:STEP]: an unknown input to fit, repeatable, e.g. sectors.del-rio.mpp.enrolledFraction=0.1..0.9' })
    .option('targets', { type: 'string', demandOption: true, describe: 'YAML list of {metric, scope, value, tolerance, fact?, heldOut?}: the reported figures' })
    .option('reps', { type: 'number', describe: "replications per candidate (default: the scenario's, at least 2)" })
    .option('grid', { type: 'number', describe: `points of each range tried per round (default ${DEFAULT_CALIBRATE_GRID})` })
    .option('rounds', { type: 'number', describe: `rounds of the search, each narrowing the ranges around the best (default ${DEFAULT_CALIBRATE_ROUNDS})` });
}
