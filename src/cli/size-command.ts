// `mppsim size SCENARIO --vary PATH=LO..HI[:STEP] --target EXPR …`: the least value that meets every target.

import { join } from 'node:path';
import { parseShard, runSize, sizeAnswerLine, type SizeOutcome } from '../experiment/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { checkSettings } from './experiment-args.js';
import { searchRunOptions } from './search-options.js';
import { searchProgress } from './search-progress.js';
import type { SizeArgs } from './size-options.js';

export function sizeCommand(args: SizeArgs, io: Io): Promise<number> {
  return guard(io, async () => {
    checkSettings({ ...args, events: false });
    checkSettings({ reps: args['max-reps'], engine: args.engine, events: false, force: false, quiet: true });
    const shard = parseShard(args.shard);
    const how = args.search === 'grid' ? 'every value' : 'bisection';
    const progress = searchProgress('size', args, `${args.vary} by ${how}${shard ? `, shard ${args.shard}` : ''}`);
    let outcome: SizeOutcome;
    try {
      const options = searchRunOptions(args, 'size', progress.update, shard ? `-shard-${shard.index}-of-${shard.count}` : '');
      outcome = await runSize(args.scenario, { ...options, vary: args.vary, targets: args.target, maxReplications: args['max-reps'], search: args.search, shard, report: args.report });
    } finally {
      progress.stop();
    }
    printSize(outcome, io, args.quiet);
    return EXIT_OK;
  });
}

/** The warnings, the answer line (a shard has only part of the answer) and what was written: size's and merge's output. */
export function printSize(outcome: SizeOutcome, io: Io, quiet: boolean): void {
  if (outcome.partial) {
    if (!quiet) io.out(`wrote a partial result (${outcome.files.join(', ')}) to ${outcome.dir}: ${outcome.candidates.length} values, ${outcome.replications} replications; combine all shards with \`mppsim merge\``);
    return;
  }
  for (const w of outcome.warnings) io.err(`warning: ${w}`);
  io.out(sizeAnswerLine(outcome));
  if (quiet) return;
  io.out(`wrote ${outcome.files.join(', ')} to ${outcome.dir}`);
  if (outcome.files.includes('report.html')) io.out(`report: ${join(outcome.dir, 'report.html')}`);
}
