// `mppsim merge`'s options: what yargs needs to parse and to print --help. The handler,
// merge-command.ts, is imported only when the command runs (main.ts); keep this module's imports light.

import type { Argv } from 'yargs';

export function mergeOptions<T>(y: Argv<T>) {
  return y
    .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'partial result folders, one per shard' })
    .option('out', { type: 'string', demandOption: true, describe: 'output folder for the merged result' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder' })
    .option('quiet', { type: 'boolean', default: false })
    .option('report', { type: 'boolean', default: false, describe: 'also write report.html' })
    .option('xlsx', { type: 'boolean', default: false, describe: 'also write results.xlsx: every table as a sheet, typed cells' });
}
