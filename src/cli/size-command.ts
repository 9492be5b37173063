// `mppsim size SCENARIO --vary PATH=LO..HI[:STEP] --target EXPR …`: the least value that meets every target.

import { runSize, sizeAnswerLine } from '../experiment/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { progressBar } from './progress.js';
import { checkSettings } from './run-command.js';
import { searchRunOptions } from './search-options.js';
import type { SizeArgs } from './size-options.js';

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
