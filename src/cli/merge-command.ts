// `mppsim merge DIR…`: combine the partial results of `--shard i/n` runs (run, compare, sweep, or
// size --search grid) into the complete outputs.

import { isSizePartial, mergePartials, mergeSizePartials } from '../experiment/index.js';
import { formatComparison, formatTable, keyFigures } from '../output/index.js';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';
import { describeRun, wrote } from './experiment-args.js';
import { printSize } from './size-command.js';
import { printSweep } from './sweep-command.js';

export function mergeCommand(args: { dirs: string[]; out: string; force: boolean; quiet: boolean; report: boolean; xlsx: boolean }, io: Io): Promise<number> {
  return guard(io, async () => {
    if (args.dirs.length === 0) throw new UsageError('merge: name the partial result folders');
    if (isSizePartial(args.dirs[0])) {
      if (args.xlsx) throw new UsageError('--xlsx: a size answer has no workbook; size.csv holds every candidate');
      printSize(await mergeSizePartials(args.dirs, { out: args.out, force: args.force, report: args.report }), io, args.quiet);
      return EXIT_OK;
    }
    const outcome = await mergePartials(args.dirs, { out: args.out, force: args.force, report: args.report, xlsx: args.xlsx });
    if (!args.quiet && outcome.experiment.kind === 'sweep') printSweep(outcome, io);
    else if (!args.quiet) {
      io.out(describeRun(outcome));
      if (outcome.experiment.kind === 'run') io.out(formatTable(keyFigures(outcome.summary)));
      if (outcome.experiment.kind === 'compare') io.out(formatComparison(outcome.comparison));
      io.out(`\n${wrote(outcome)}`);
    }
    return EXIT_OK;
  });
}
