// The mppsim command line: parse, call src/, print. No logic lives here; each command has its module.

import yargs from 'yargs';
import { MPPSIM_VERSION } from '../experiment/index.js';
import { loadScenario, scenarioJsonSchema } from '../scenario/index.js';
import { calibrateCommand, calibrateOptions } from './calibrate-command.js';
import { compareCommand, compareOptions } from './compare-command.js';
import { EXIT_INPUT, EXIT_OK, guard, processIo, type Io } from './io.js';
import { mergeCommand, mergeOptions } from './merge-command.js';
import { reportCommandModule } from './report-command.js';
import { runCommand, runOptions } from './run-command.js';
import { scenariosCommand, scenariosOptions } from './scenarios-command.js';
import { serveCommandModule } from './serve-command.js';
import { onInterruptCleanUp } from './signals.js';
import { sizeCommand, sizeOptions } from './size-command.js';
import { sweepCommand, sweepOptions } from './sweep-command.js';
import { warmupCommand, warmupOptions } from './warmup-command.js';

export { EXIT_BUG, EXIT_INPUT, EXIT_OK } from './io.js';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const stopCleaningUp = onInterruptCleanUp(io.err);
  try {
    return await parse(argv, io);
  } finally {
    stopCleaningUp();
  }
}

async function parse(argv: readonly string[], io: Io): Promise<number> {
  let code = EXIT_OK;
  const parser = yargs([...argv])
    .scriptName('mppsim')
    .usage('$0 <command> [options]\n\nSimulates border-return logistics under the 2019 Migrant Protection Protocols.')
    .command(
      'run <scenario>',
      'simulate a scenario: daily.csv, daily-mean.csv, summary.csv, replications.csv',
      (y) => runOptions(y),
      async (args) => void (code = await runCommand(args, io)),
    )
    .command(
      'compare <scenarios..>',
      'compare scenarios or variants of one, replication by replication (common random numbers): comparison.csv',
      (y) => compareOptions(y),
      async (args) => void (code = await compareCommand(args, io)),
    )
    .command(
      'sweep <scenario>',
      'run a grid or Latin hypercube of parameter values: sweep.csv',
      (y) => sweepOptions(y),
      async (args) => void (code = await sweepCommand(args, io)),
    )
    .command(
      'size <scenario>',
      'the least value of a capacity for which every target holds: size.csv and the answer',
      (y) => sizeOptions(y),
      async (args) => void (code = await sizeCommand(args, io)),
    )
    .command(
      'calibrate <scenario>',
      'the values of unknown inputs that best reproduce reported figures: calibrate.csv and the fitted scenario',
      (y) => calibrateOptions(y),
      async (args) => void (code = await calibrateCommand(args, io)),
    )
    .command(
      'merge <dirs..>',
      'combine the partial results of --shard runs',
      (y) => mergeOptions(y),
      async (args) => void (code = await mergeCommand(args, io)),
    )
    .command(
      'warmup <scenario>',
      "Welch's moving averages of the key queues, and a suggested warm-up length",
      (y) => warmupOptions(y),
      async (args) => void (code = await warmupCommand(args, io)),
    )
    .command(reportCommandModule(io, (c) => void (code = c)))
    .command(serveCommandModule(io, (c) => void (code = c)))
    .command(
      'validate <scenario>',
      'check a scenario file and report every problem in it',
      (y) => y.positional('scenario', { type: 'string', demandOption: true }),
      async (args) => {
        code = await guard(io, () => {
          const s = loadScenario(args.scenario);
          io.out(`${args.scenario}: ok (${s.name}: ${Object.keys(s.sectors).length} sectors, ${s.days} days)`);
          return EXIT_OK;
        });
      },
    )
    .command(
      'scenarios [name]',
      'list the bundled scenarios, or copy one to start from (--out FILE or --copy FOLDER)',
      (y) => scenariosOptions(y),
      async (args) => void (code = await scenariosCommand(args, io)),
    )
    .command('schema', 'print the JSON Schema of scenario files (for editor autocompletion)', {}, () => {
      io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
    })
    .demandCommand(1, 'name a command: run, compare, sweep, merge, warmup, report, serve, validate, scenarios or schema')
    .strict()
    .help()
    .version('version', 'print the version of mppsim', MPPSIM_VERSION)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error) => {
      if (error) throw error;
      // Throwing is what stops yargs: a fail callback that returns lets the command's handler run.
      throw new ArgumentsRefused(message);
    })
    .exitProcess(false);
  try {
    await parser.parseAsync();
  } catch (error) {
    if (!(error instanceof ArgumentsRefused)) throw error;
    io.err(`mppsim: ${error.message}\n(see mppsim --help; a value starting with "-" is written --option=value)`);
    return EXIT_INPUT;
  }
  return code;
}

/** A usage problem yargs found (unknown option, bad choice, extra argument): nothing has run yet. */
class ArgumentsRefused extends Error {}
