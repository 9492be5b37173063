// `mppsim warmup`'s options: what yargs needs to parse and to print --help. The handler,
// warmup-command.ts, is imported only when the command runs (main.ts); keep this module's imports light.

import type { Argv } from 'yargs';

export function warmupOptions<T>(y: Argv<T>) {
  return y
    .positional('scenario', { type: 'string', demandOption: true })
    .option('out', { type: 'string', describe: 'output folder (default: output/warmup-<scenario name>)' })
    .option('reps', { type: 'number', default: 10, describe: 'replications to average' })
    .option('seed', { type: 'number' })
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'path=value: an edit to the scenario, as in a compare variant (repeatable)' })
    .option('variant', { type: 'string', array: true, default: [] as string[], describe: "name:path=value[;path=value]: the warm-up of one of compare's variants" })
    .option('scale-arrivals', { type: 'number', describe: "every sector's arrival rates times K (1 = as published)" })
    .option('window', { type: 'number', default: 7, describe: 'moving-average half-width in days' })
    .option('workers', { type: 'number' })
    .option('force', { type: 'boolean', default: false })
    .option('quiet', { type: 'boolean', default: false });
}
