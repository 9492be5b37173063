// `mppsim report DIR`: make DIR/report.html from an output folder and print its path.

import type { Argv } from 'yargs';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';

export interface ReportArgs {
  dir: string;
  quiet: boolean;
}

export function reportOptions<T>(y: Argv<T>) {
  return y
    .positional('dir', { type: 'string', demandOption: true, describe: 'output folder of `mppsim run`, `compare`, `sweep` or `size`' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' });
}

export function reportCommand(args: ReportArgs, io: Io): Promise<number> {
  return guard(io, async () => {
    // Loaded only when asked for: vega and its packages take a while to load.
    const { ReportInputError, writeReport } = await import('../output/report/index.js');
    let file: string;
    try {
      file = await writeReport(args.dir);
    } catch (error) {
      // A missing or malformed file of the folder is the user's input, not a bug: exit 2.
      if (error instanceof ReportInputError) throw new UsageError(error.message);
      throw error;
    }
    if (!args.quiet) io.out(`wrote ${file}`);
    return EXIT_OK;
  });
}

/** The yargs command module, registered in main.ts. */
export function reportCommandModule(io: Io, done: (code: number) => void) {
  return {
    command: 'report <dir>',
    describe: 'write report.html (charts, summary, cited parameters) into an output folder',
    builder: <T>(y: Argv<T>) => reportOptions(y),
    handler: async (args: ReportArgs) => done(await reportCommand(args, io)),
  };
}
