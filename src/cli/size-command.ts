// `mppsim size SCENARIO --vary PATH=LO..HI[:STEP] --target EXPR …`: the least value that meets every target.

import { join } from 'node:path';
import type { Argv } from 'yargs';
import { SIZE_SEARCHES, parseShard, runSize, sizeAnswerLine, type SizeOutcome, type SizeSearch } from '../experiment/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { checkSettings } from './run-command.js';
import { searchOptions, searchProgress, searchRunOptions, type SearchArgs } from './search-options.js';

export interface SizeArgs extends SearchArgs {
  vary: string;
  target: string[];
  'max-reps'?: number;
  search: SizeSearch;
  shard?: string;
  report: boolean;
}

export function sizeOptions<T>(y: Argv<T>) {
  return searchOptions(y, 'size')
    .option('vary', { type: 'string', demandOption: true, describe: 'path=LO..HI[:STEP]: the capacity to size, e.g. ports.eagle-pass-laredo.dailyCap=40..200' })
    .option('target', { type: 'string', array: true, demandOption: true, describe: "metric.scope <= value (or >=), repeatable, e.g. 'released.total <= 0'" })
    .option('reps', { type: 'number', describe: "replications per candidate, and per added batch (default: the scenario's, at least 2)" })
    .option('max-reps', { type: 'number', describe: 'most replications for a candidate too close to call (default 100)' })
    .option('search', { choices: SIZE_SEARCHES, default: 'bisect' as SizeSearch, describe: 'bisect: few candidates, one after another; grid: every value of the range (the same answer when the targets are monotone), which --shard can split' })
    .option('shard', { type: 'string', describe: 'i/n, with --search grid: evaluate only every n-th value from the i-th and write a partial result for `mppsim merge`' })
    .option('report', { type: 'boolean', default: false, describe: 'also write report.html: each target against the parameter, and the answer' });
}

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
