// `mppsim compare A.yaml [B.yaml …] [--variant name:path=value …]`: paired differences under common random numbers.

import type { Argv } from 'yargs';
import { comparePlan } from '../experiment/index.js';
import { formatComparison } from '../output/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { precisionGoal, precisionOptions, type PrecisionArgs } from './precision-options.js';
import { checkSettings, describeRun, execute, experimentOptions, reportPrecision, settings, wrote, type ExperimentArgs } from './run-command.js';

export function compareOptions<T>(y: Argv<T>) {
  return precisionOptions(experimentOptions(
    y
      .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'scenario files; the first is the reference' })
      .option('variant', {
        type: 'string',
        array: true,
        default: [] as string[],
        describe: 'name:path=value[;path=value]: a variant of the first file, e.g. two-buses:routes.tucson-el-paso.busesPerDeparture=2',
      })
      .option('allow-unpaired', {
        type: 'boolean',
        default: false,
        describe: 'compare scenarios with different start, days, warm-up, sectors, routes or ports, paired by replication number only',
      }),
  ));
}

export function compareCommand(args: ExperimentArgs & PrecisionArgs & { scenarios: string[]; variant: string[]; 'allow-unpaired': boolean }, io: Io): Promise<number> {
  return guard(io, async () => {
    checkSettings(args);
    const goal = precisionGoal(args);
    const onUnpaired = (unpaired: string[]) =>
      io.err(`warning: these scenarios are paired by replication number only, not as the same people (common random numbers):\n  ${unpaired.join('\n  ')}`);
    const experiment = comparePlan(args.scenarios, args.variant, { ...settings(args), allowUnpaired: args['allow-unpaired'], onUnpaired });
    const outcome = await execute(experiment, args, `output/compare-${experiment.variants[0].name}`, goal);
    if (!args.quiet) io.out(`${describeRun(outcome)}; variants: ${experiment.variants.map((v) => v.name).join(', ')}`);
    reportPrecision(outcome, args, io);
    if (!args.quiet) {
      if (!outcome.partial) io.out(formatComparison(outcome.comparison));
      io.out(`\n${wrote(outcome)}`);
    }
    return EXIT_OK;
  });
}
