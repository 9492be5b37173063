// The options of `mppsim report`, for yargs (parsing and --help); the handler, report-command.ts, loads
// only when the command runs.

import type { Argv } from 'yargs';

export interface ReportArgs {
  dir: string;
  quiet: boolean;
}

export function reportOptions<T>(y: Argv<T>) {
  return y
    .positional('dir', { type: 'string', demandOption: true, describe: 'output folder of `mppsim run`, `compare` or `sweep`' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' });
}
