// `mppsim size SCENARIO --vary PATH=LO..HI[:STEP] --target EXPR …`: the least value that meets every target.

import type { Argv } from 'yargs';
import { runSize, sizeAnswerLine } from '../experiment/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { progressBar } from './progress.js';
import { checkSettings } from './run-command.js';
import { searchOptions, searchRunOptions, type SearchArgs } from './search-options.js';

export interface SizeArgs extends SearchArgs {
  vary: string;
  target: string[];
  'max-reps'?: number;
}

export function sizeOptions<T>(y: Argv<T>) {
  return searchOptions(y, 'size')
    .option('vary', { type: 'string', demandOption: true, describe: 'path=LO..HI[:STEP]: the capacity to size, e.g. ports.eagle-pass-laredo.dailyCap=40..200' })
    .option('target', { type: 'string', array: true, demandOption: true, describe: "metric.scope <= value (or >=), repeatable, e.g. 'released.total <= 0'" })
    .option('reps', { type: 'number', describe: "replications per candidate, and per added batch (default: the scenario's, at least 2)" })
    .option('max-reps', { type: 'number', describe: 'most replications for a candidate too close to call (default 100)' });
}

export function sizeCommand(args: SizeArgs, io: Io): Promise<number> {
  return guard(io, async () => {
    checkSettings({ ...args, events: false });
    checkSettings({ reps: args['max-reps'], engine: args.engine, events: false, force: false, quiet: true });
    const bar = progressBar('size', args.quiet);
    try {
      const outcome = await runSize(args.scenario, { ...searchRunOptions(args, 'size', bar.update), vary: args.vary, targets: args.target, maxReplications: args['max-reps'] });
      bar.stop();
      for (const w of outcome.warnings) io.err(`warning: ${w}`);
      io.out(sizeAnswerLine(outcome));
      if (!args.quiet) io.out(`wrote ${outcome.files.join(', ')} to ${outcome.dir}`);
    } finally {
      bar.stop();
    }
    return EXIT_OK;
  });
}
