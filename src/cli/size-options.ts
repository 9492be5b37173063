// `mppsim size`'s options: what yargs needs to parse and to print --help. The handler,
// size-command.ts, is imported only when the command runs (main.ts); keep this module's imports light.

import type { Argv } from 'yargs';
import { SIZE_SEARCHES, type SizeSearch } from '../experiment/defaults.js';
import { searchOptions, type SearchArgs } from './search-options.js';

export interface SizeArgs extends SearchArgs {
  vary: string;
  target: string[];
  'max-reps'?: number;
  search: SizeSearch;
  shard?: string;
  report: boolean;
}

export function sizeOptions<T>(y: Argv<T>) {
  return searchOptions(y, 'size')
    .option('vary', { type: 'string', demandOption: true, describe: 'path=LO..HI[:STEP]: the capacity to size, e.g. ports.eagle-pass-laredo.dailyCap=40..200' })
    .option('target', { type: 'string', array: true, demandOption: true, describe: "metric.scope <= value (or >=), repeatable, e.g. 'released.total <= 0'" })
    .option('reps', { type: 'number', describe: "replications per candidate, and per added batch (default: the scenario's, at least 2)" })
    .option('max-reps', { type: 'number', describe: 'most replications for a candidate too close to call (default 100)' })
    .option('search', { choices: SIZE_SEARCHES, default: 'bisect' as SizeSearch, describe: 'bisect: few candidates, one after another; grid: every value of the range (the same answer when the targets are monotone), which --shard can split' })
    .option('shard', { type: 'string', describe: 'i/n, with --search grid: evaluate only every n-th value from the i-th and write a partial result for `mppsim merge`' })
    .option('report', { type: 'boolean', default: false, describe: 'also write report.html: each target against the parameter, and the answer' });
}
