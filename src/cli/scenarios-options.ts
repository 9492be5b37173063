// The options of `mppsim scenarios`, for yargs (parsing and --help); the handler, scenarios-command.ts, loads
// only when the command runs.

import type { Argv } from 'yargs';

export interface ScenariosArgs {
  name?: string;
  out?: string;
  copy?: string;
  force: boolean;
}

export function scenariosOptions<T>(y: Argv<T>) {
  return y
    .positional('name', { type: 'string', describe: 'a bundled scenario (without a name: list them all)' })
    .option('out', { type: 'string', describe: 'copy the scenario to this file' })
    .option('copy', { type: 'string', describe: 'copy the scenario into this folder, as NAME.yaml' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing file' })
    .conflicts('out', 'copy');
}
