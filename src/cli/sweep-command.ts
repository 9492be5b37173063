// `mppsim sweep SCENARIO --set path=v1,v2 --set path=a..b:step [--design lhs --points K]`.

import type { Argv } from 'yargs';
import { sweepPlan } from '../experiment/index.js';
import { formatSweepTable } from '../output/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { checkSettings, describeRun, execute, experimentOptions, settings, wrote, type ExperimentArgs } from './run-command.js';

export function sweepOptions<T>(y: Argv<T>) {
  return experimentOptions(
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('set', { type: 'string', array: true, demandOption: true, describe: 'path=v1,v2,v3 or path=a..b:step (repeatable)' })
      .option('design', { choices: ['grid', 'lhs'] as const, default: 'grid' as const, describe: 'full grid, or a Latin hypercube over ranges' })
      .option('points', { type: 'number', describe: 'points of a Latin hypercube' }),
  );
}

export function sweepCommand(
  args: ExperimentArgs & { scenario: string; set: string[]; design: 'grid' | 'lhs'; points?: number },
  io: Io,
): Promise<number> {
  return guard(io, async () => {
    checkSettings(args);
    const experiment = sweepPlan(args.scenario, { ...settings(args), sets: args.set, design: args.design, points: args.points });
    const outcome = await execute(experiment, args, `output/sweep-${experiment.variants[0].scenario.name}`, undefined, io.err);
    if (!args.quiet) {
      io.out(`${describeRun(outcome)}; ${experiment.variants.length} points over ${experiment.parameters.join(', ')}`);
      if (outcome.points) io.out(formatSweepTable(experiment.parameters, outcome.points));
      io.out(`\n${wrote(outcome)}`);
    }
    return EXIT_OK;
  });
}
