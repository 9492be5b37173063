// `mppsim sweep`'s options: what yargs needs to parse and to print --help. The handler,
// sweep-command.ts, is imported only when the command runs (main.ts); keep this module's imports light.

import type { Argv } from 'yargs';
import { experimentOptions } from './run-options.js';

export function sweepOptions<T>(y: Argv<T>) {
  return experimentOptions(
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('set', { type: 'string', array: true, demandOption: true, describe: 'path=v1,v2,v3 or path=a..b:step (repeatable)' })
      .option('design', { choices: ['grid', 'lhs'] as const, default: 'grid' as const, describe: 'full grid, or a Latin hypercube over ranges' })
      .option('points', { type: 'number', describe: 'points of a Latin hypercube' }),
  );
}
