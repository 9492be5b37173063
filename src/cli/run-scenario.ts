// The body of `mppsim run SCENARIO`, loaded by run-command.ts while the worker threads start: load
// the scenario, replicate it into its folder, print its key figures.

import { runPlan, type ReplicationThreads } from '../experiment/index.js';
import { mark } from '../experiment/timing.js';
import { formatTable, keyFigures } from '../output/index.js';
import { loadScenario } from '../scenario/index.js';
import { execute, reportPrecision } from './experiment-command.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { checkSettings, describeRun, settings, wrote, type RunArgs } from './experiment-args.js';
import { precisionGoal } from './precision-options.js';

/** Runs the command on `threads` when they were opened ahead (run-command.ts closes them), else on its own. */
export function runScenario(args: RunArgs, io: Io, threads: ReplicationThreads | undefined): Promise<number> {
  return guard(io, async () => {
    checkSettings(args);
    const goal = precisionGoal(args);
    const scenario = loadScenario(args.scenario);
    mark('scenario-loaded');
    const outcome = await execute(runPlan(scenario, settings(args)), args, `output/${scenario.name}`, { precision: goal, warn: io.err, threads });
    if (!args.quiet) io.out(describeRun(outcome));
    reportPrecision(outcome, args, io);
    if (!args.quiet) {
      if (!outcome.partial) io.out(formatTable(keyFigures(outcome.summary)));
      io.out(`\n${wrote(outcome)}`);
    }
    return EXIT_OK;
  });
}
