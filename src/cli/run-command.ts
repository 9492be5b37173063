// `mppsim run SCENARIO`: replicate a scenario into an output folder and print its key figures.

import type { Argv } from 'yargs';
import { ENGINE_NAMES, type EngineName } from '../engine/index.js';
import { runToDirectory } from '../experiment/index.js';
import { formatTable, keyFigures } from '../output/index.js';
import { loadScenario } from '../scenario/index.js';
import { EXIT_OK, UsageError, guard, type Io } from './io.js';

export interface RunArgs {
  scenario: string;
  out?: string;
  reps?: number;
  seed?: number;
  engine: EngineName;
  events: boolean;
  force: boolean;
  quiet: boolean;
}

export function runOptions<T>(y: Argv<T>) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
    .option('out', { type: 'string', describe: 'output folder (default: output/<scenario name>)' })
    .option('reps', { type: 'number', describe: "replications (default: the scenario's, else 1)" })
    .option('seed', { type: 'number', describe: "seed (default: the scenario's)" })
    .option('engine', { choices: ENGINE_NAMES, default: 'heap' as EngineName, describe: 'event calendar' })
    .option('events', { type: 'boolean', default: false, describe: 'also write events.csv, one row per person' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' });
}

export function checkReps(reps: number | undefined): void {
  if (reps !== undefined && !(Number.isInteger(reps) && reps >= 1)) throw new UsageError(`--reps: expected a whole number >= 1, got ${reps}`);
}

export function checkSeed(seed: number | undefined): void {
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) {
    throw new UsageError(`--seed: expected a whole number from 0 to 4294967295, got ${seed}`);
  }
}

export function runCommand(args: RunArgs, io: Io): Promise<number> {
  return guard(io, () => {
    checkReps(args.reps);
    checkSeed(args.seed);
    const scenario = loadScenario(args.scenario);
    const outcome = runToDirectory(scenario, {
      out: args.out ?? `output/${scenario.name}`,
      force: args.force,
      engine: args.engine,
      replications: args.reps,
      seed: args.seed,
      events: args.events,
    });
    if (!args.quiet) {
      const reps = outcome.scenario.replications;
      io.out(`${scenario.title ?? scenario.name}: ${scenario.days} days from ${scenario.start}, ${reps} replication${reps === 1 ? '' : 's'}, seed ${outcome.scenario.seed}`);
      io.out(formatTable(keyFigures(outcome.summary)));
      io.out(`\nwrote ${outcome.files.join(', ')} to ${outcome.dir}`);
    }
    return EXIT_OK;
  });
}
