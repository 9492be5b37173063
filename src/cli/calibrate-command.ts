// `mppsim calibrate SCENARIO --fit PATH=LO..HI … --targets FILE`: the inputs that best reproduce reported figures.

import { calibrationLines, runCalibrate } from '../experiment/index.js';
import type { CalibrateArgs } from './calibrate-options.js';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';
import { checkSettings } from './experiment-args.js';
import { searchRunOptions } from './search-options.js';
import { searchProgress } from './search-progress.js';

/** Why calibrate takes no --shard, and what to do instead. */
export const CALIBRATE_NO_SHARD =
  "--shard: calibrate cannot be split into shards: each round of its coordinate search is placed around the best of the round before, so its candidates are not known in advance. Run it on one machine, where --workers spreads each round's candidates over the cores; to spread a fixed grid over machines, run `mppsim sweep --set PATH=VALUES --shard i/n`, merge, and read each point's figures against the targets";

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
