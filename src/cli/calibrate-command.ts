// `mppsim calibrate SCENARIO --fit PATH=LO..HI … --targets FILE`: the inputs that best reproduce reported figures.

import type { Argv } from 'yargs';
import { DEFAULT_CALIBRATE_GRID, DEFAULT_CALIBRATE_ROUNDS, calibrationLines, runCalibrate } from '../experiment/index.js';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';
import { checkSettings } from './run-command.js';
import { searchOptions, searchProgress, searchRunOptions, type SearchArgs } from './search-options.js';

export interface CalibrateArgs extends SearchArgs {
  fit: string[];
  targets: string;
  grid?: number;
  rounds?: number;
  shard?: string;
}

/** Why calibrate takes no --shard, and what to do instead. */
export const CALIBRATE_NO_SHARD =
  "--shard: calibrate cannot be split into shards: each round of its coordinate search is placed around the best of the round before, so its candidates are not known in advance. Run it on one machine, where --workers spreads each round's candidates over the cores; to spread a fixed grid over machines, run `mppsim sweep --set PATH=VALUES --shard i/n`, merge, and read each point's figures against the targets";

export function calibrateOptions<T>(y: Argv<T>) {
  return searchOptions(y, 'calibrate')
    .option('fit', { type: 'string', array: true, demandOption: true, describe: 'path=LO..HI[:STEP]: an unknown input to fit, repeatable, e.g. sectors.del-rio.mpp.enrolledFraction=0.1..0.9; a path segment * or a|b sets every number it matches' })
    .option('targets', { type: 'string', demandOption: true, describe: 'YAML list of reported figures, each {metric, scope} or {count, stage or kind, from and to, or by}, with value (or a fact), tolerance and heldOut?' })
    .option('reps', { type: 'number', describe: "replications per candidate (default: the scenario's, at least 2)" })
    .option('grid', { type: 'number', describe: `points of each range tried per round (default ${DEFAULT_CALIBRATE_GRID})` })
    .option('rounds', { type: 'number', describe: `rounds of the search, each narrowing the ranges around the best (default ${DEFAULT_CALIBRATE_ROUNDS})` })
    .option('shard', { type: 'string', describe: 'not available: each round depends on the one before (use --workers, or a sharded sweep)' });
}

export function calibrateCommand(args: CalibrateArgs, io: Io): Promise<number> {
  return guard(io, async () => {
    if (args.shard !== undefined) throw new UsageError(CALIBRATE_NO_SHARD);
    checkSettings({ ...args, events: false });
    const bar = searchProgress('calibrate', args, `fitting ${args.fit.map((f) => f.replace(/=.*/, '')).join(', ')} by coordinate search`);
    try {
      const options = { ...searchRunOptions(args, 'calibrate', bar.update), fits: args.fit, targetsFile: args.targets, gridPoints: args.grid, rounds: args.rounds };
      const outcome = await runCalibrate(args.scenario, options);
      bar.stop();
      const lines = calibrationLines(outcome);
      io.out(args.quiet ? lines[0] : lines.join('\n'));
      if (!args.quiet) io.out(`wrote ${outcome.files.join(', ')} to ${outcome.dir}`);
    } finally {
      bar.stop();
    }
    return EXIT_OK;
  });
}
