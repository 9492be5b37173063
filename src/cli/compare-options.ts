// `mppsim compare`'s options: what yargs needs to parse and to print --help. The handler,
// compare-command.ts, is imported only when the command runs (main.ts); keep this module's imports light.

import type { Argv } from 'yargs';
import { precisionOptions } from './precision-options.js';
import { experimentOptions } from './run-options.js';

export function compareOptions<T>(y: Argv<T>) {
  return precisionOptions(experimentOptions(
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario files; the first is the reference' })
      .option('variant', {
        type: 'string',
        array: true,
        default: [] as string[],
        describe: 'name:path=value[;path=value]: a variant of the first file, e.g. two-buses:routes.tucson-el-paso.busesPerDeparture=2',
      })
      .option('allow-unpaired', {
        type: 'boolean',
        default: false,
        describe: 'compare scenarios with different start, days, warm-up, sectors, routes or ports, paired by replication number only',
      }),
  ));
}
