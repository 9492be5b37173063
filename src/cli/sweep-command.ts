// `mppsim sweep SCENARIO --set path=v1,v2 --set path=a..b:step [--design lhs --points K]`.

import { sweepPlan, type ExperimentOutcome } from '../experiment/index.js';
import { formatSweepTable } from '../output/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { execute } from './experiment-command.js';
import { checkSettings, describeRun, settings, threadsAhead, wrote } from './experiment-args.js';
import type { ExperimentArgs } from './run-options.js';

export function sweepCommand(
  args: ExperimentArgs & { scenario: string; set: string[]; design: 'grid' | 'lhs'; points?: number },
  io: Io,
): Promise<number> {
  return guard(io, async () => {
    checkSettings(args);
    // Every point runs --reps replications: the threads for one point can start now.
    const threads = threadsAhead(args, undefined, 1);
    try {
      const experiment = sweepPlan(args.scenario, { ...settings(args), sets: args.set, design: args.design, points: args.points });
      const outcome = await execute(experiment, args, `output/sweep-${experiment.variants[0].scenario.name}`, { warn: io.err, threads });
      if (!args.quiet) printSweep(outcome, io);
      return EXIT_OK;
    } finally {
      await threads.close();
    }
  });
}

/** What a sweep prints, run whole or merged from its shards: the run, each point's key figures, the files. */
export function printSweep(outcome: ExperimentOutcome, io: Io): void {
  const { experiment } = outcome;
  if (experiment.kind !== 'sweep') return;
  io.out(`${describeRun(outcome)}; ${experiment.variants.length} points over ${experiment.parameters.join(', ')}`);
  if (outcome.points) io.out(formatSweepTable(experiment.parameters, outcome.points));
  io.out(`\n${wrote(outcome)}`);
}
