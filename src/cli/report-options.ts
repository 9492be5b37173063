// `mppsim report`'s options: what yargs needs to parse and to print --help. The handler,
// report-command.ts, is imported only when the command runs (main.ts); keep this module's imports light.

import type { Argv } from 'yargs';

export interface ReportArgs {
  dir: string;
  quiet: boolean;
}

export function reportOptions<T>(y: Argv<T>) {
  return y
    .positional('dir', { type: 'string', demandOption: true, describe: 'output folder of `mppsim run`, `compare`, `sweep` or `size`' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' });
}
