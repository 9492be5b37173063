// `mppsim calibrate SCENARIO --fit PATH=LO..HI … --targets FILE`: the inputs that best reproduce reported figures.

import { calibrationLines, runCalibrate } from '../experiment/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { progressBar } from './progress.js';
import { checkSettings } from './run-command.js';
import type { CalibrateArgs } from './calibrate-options.js';
import { searchRunOptions } from './search-options.js';

export function calibrateCommand(args: CalibrateArgs, io: Io): Promise<number> {
  return guard(io, async () => {
    checkSettings({ ...args, events: false });
    const bar = progressBar('calibrate', args.quiet);
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
