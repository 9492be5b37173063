// `mppsim warmup SCENARIO`: Welch's moving averages of the key queues across replications
// (warmup.csv) and a suggested warm-up length.

import { runPlan, execute as executeUnits, allUnits, checkLimits, editedScenario, runRecord, withArrivalScale } from '../experiment/index.js';
import { welch } from '../experiment/warmup.js';
import { StagedOutput, toCsv, type Cell } from '../output/index.js';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';
import { checkSettings, settings } from './experiment-args.js';
import type { ExperimentArgs } from './run-options.js';

export function warmupCommand(
  args: {
    scenario: string;
    out?: string;
    reps: number;
    seed?: number;
    set: string[];
    variant: string[];
    'scale-arrivals'?: number;
    window: number;
    workers?: number;
    force: boolean;
    quiet: boolean;
  },
  io: Io,
): Promise<number> {
  return guard(io, async () => {
    const common: ExperimentArgs = { reps: args.reps, seed: args.seed, workers: args.workers, engine: 'heap', events: false, force: args.force, quiet: args.quiet, 'warmup-days': 0 };
    checkSettings(common);
    if (!(Number.isInteger(args.window) && args.window >= 1)) throw new UsageError(`--window: expected a whole number >= 1, got ${args.window}`);
    const scenario = editedScenario(args.scenario, args.set, args.variant);
    const startedAt = new Date();
    const experiment = withArrivalScale(runPlan(scenario, settings(common)), args['scale-arrivals']);
    checkLimits(experiment);
    const results = (await executeUnits(experiment, allUnits(experiment), { workers: args.workers })).map((u) => u.result);
    const series = welch(results, args.window);
    const rows: Cell[][] = [];
    for (const s of series) s.movingAverage.forEach((ma, d) => rows.push([d, s.dates[d], s.kind, s.id, s.series, s.mean[d], ma]));
    const staged = new StagedOutput(args.out ?? `output/warmup-${scenario.name}`, args.force);
    try {
      staged.write('warmup.csv', toCsv(['day', 'date', 'kind', 'id', 'series', 'mean', 'moving_average'], rows));
      await staged.commit(runRecord(experiment, { workers: args.workers, startedAt }));
    } finally {
      staged.abandon();
    }
    const steady = series.filter((s) => s.suggestedDays !== null);
    const suggestion = Math.max(0, ...steady.map((s) => s.suggestedDays as number));
    if (!args.quiet) {
      for (const s of series) io.out(`${s.kind} ${s.id} ${s.series}: ${s.note}`);
      io.out(
        steady.length > 0
          ? `\nsuggested warm-up: ${suggestion} days (run with --warmup-days ${suggestion})`
          : '\nno queue reaches a steady state within the horizon: a warm-up cannot be suggested',
      );
      io.out(`wrote warmup.csv to ${staged.target}`);
    }
    return EXIT_OK;
  });
}
