// `mppsim report DIR`: make DIR/report.html from an output folder and print its path.

import type { ReportArgs } from './report-options.js';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';

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

