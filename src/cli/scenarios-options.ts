// `mppsim scenarios`'s options: what yargs needs to parse and to print --help. The handler,
// scenarios-command.ts, is imported only when the command runs (main.ts); keep this module's imports light.

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
