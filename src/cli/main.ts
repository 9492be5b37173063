// The mppsim command line: parse, call src/, print. No logic lives here.

import yargs from 'yargs';
import { ENGINE_NAMES, type EngineName } from '../engine/index.js';
import { InvariantError } from '../model/index.js';
import { ScenarioError, loadScenario, scenarioJsonSchema } from '../scenario/index.js';
import { runToDirectory } from '../experiment/index.js';
import { OutputExistsError, formatTable, keyFigures } from '../output/index.js';

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_INPUT = 2;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = EXIT_OK;
  const parser = yargs([...argv])
    .scriptName('mppsim')
    .usage('$0 <command> [options]\n\nSimulates border-return logistics under the 2019 Migrant Protection Protocols.')
    .command(
      'run <scenario>',
      'simulate a scenario and write daily.csv, summary.csv and more into a folder',
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
          .option('out', { type: 'string', describe: 'output folder (default: output/<scenario name>)' })
          .option('reps', { type: 'number', describe: 'replications (default: the scenario\'s, else 1)' })
          .option('seed', { type: 'number', describe: 'seed (default: the scenario\'s)' })
          .option('engine', { choices: ENGINE_NAMES, default: 'heap' as EngineName, describe: 'event calendar' })
          .option('events', { type: 'boolean', default: false, describe: 'also write events.csv, one row per person' })
          .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder' })
          .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' }),
      (args) => {
        code = runCommand(args, io);
      },
    )
    .command(
      'validate <scenario>',
      'check a scenario file and report every problem in it',
      (y) => y.positional('scenario', { type: 'string', demandOption: true }),
      (args) => {
        code = guard(io, () => {
          const s = loadScenario(args.scenario);
          io.out(`${args.scenario}: ok (${s.name}: ${Object.keys(s.sectors).length} sectors, ${s.days} days)`);
          return EXIT_OK;
        });
      },
    )
    .command('schema', 'print the JSON Schema of scenario files (for editor autocompletion)', {}, () => {
      io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
    })
    .demandCommand(1, 'name a command: run, validate or schema')
    .strict()
    .help()
    .version(false)
    .fail((message, error) => {
      if (error) throw error;
      io.err(`mppsim: ${message}\n(see mppsim --help)`);
      code = EXIT_INPUT;
    })
    .exitProcess(false);
  await parser.parseAsync();
  return code;
}

function runCommand(
  args: { scenario: string; out?: string; reps?: number; seed?: number; engine: EngineName; events: boolean; force: boolean; quiet: boolean },
  io: Io,
): number {
  return guard(io, () => {
    if (args.reps !== undefined && !(Number.isInteger(args.reps) && args.reps >= 1)) {
      throw new ScenarioError('--reps', [{ path: '', message: `expected a whole number >= 1, got ${args.reps}` }]);
    }
    if (args.seed !== undefined && !(Number.isInteger(args.seed) && args.seed >= 0 && args.seed < 2 ** 32)) {
      throw new ScenarioError('--seed', [{ path: '', message: `expected a whole number from 0 to 4294967295, got ${args.seed}` }]);
    }
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

/** Input problems exit 2 with their messages; invariant violations are bugs and exit 1; no stack traces. */
function guard(io: Io, action: () => number): number {
  try {
    return action();
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof OutputExistsError) {
      io.err(error.message);
      return EXIT_INPUT;
    }
    if (error instanceof InvariantError) {
      io.err(`mppsim: ${error.message}\nThis is a bug in the model; please report it with the scenario file.`);
      return EXIT_BUG;
    }
    io.err(`mppsim: internal error: ${(error as Error).message ?? String(error)}`);
    if (process.env.MPPSIM_DEBUG) io.err((error as Error).stack ?? '');
    return EXIT_BUG;
  }
}
