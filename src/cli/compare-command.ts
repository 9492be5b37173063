// `mppsim compare A.yaml [B.yaml …] [--variant name:path=value …]`: paired differences under common random numbers.

import { comparePlan } from '../experiment/index.js';
import { formatComparison } from '../output/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { precisionGoal, type PrecisionArgs } from './precision-options.js';
import { execute, reportPrecision } from './experiment-command.js';
import { checkSettings, describeRun, settings, threadsAhead, wrote } from './experiment-args.js';
import type { ExperimentArgs } from './run-options.js';

export function compareCommand(args: ExperimentArgs & PrecisionArgs & { scenarios: string[]; variant: string[]; 'allow-unpaired': boolean }, io: Io): Promise<number> {
  return guard(io, async () => {
    checkSettings(args);
    const goal = precisionGoal(args);
    const threads = threadsAhead(args, goal, args.scenarios.length + args.variant.length);
    try {
      const onUnpaired = (unpaired: string[]) =>
        io.err(`warning: these scenarios are paired by replication number only, not as the same people (common random numbers):\n  ${unpaired.join('\n  ')}`);
      const experiment = comparePlan(args.scenarios, args.variant, { ...settings(args), allowUnpaired: args['allow-unpaired'], onUnpaired });
      const outcome = await execute(experiment, args, `output/compare-${experiment.variants[0].name}`, { precision: goal, threads });
      if (!args.quiet) io.out(`${describeRun(outcome)}; variants: ${experiment.variants.map((v) => v.name).join(', ')}`);
      reportPrecision(outcome, args, io);
      if (!args.quiet) {
        if (!outcome.partial) io.out(formatComparison(outcome.comparison));
        io.out(`\n${wrote(outcome)}`);
      }
      return EXIT_OK;
    } finally {
      await threads.close();
    }
  });
}
