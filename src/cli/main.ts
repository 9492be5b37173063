// The mppsim command line: parse, call src/, print. No logic lives here; each command has its module.
// Only the options (X-options.ts) load at once; a command's handler (X-command.ts) is imported when
// it runs, so that `mppsim validate` or `--help` never loads piscina, vega, exceljs or the model.

import yargs from 'yargs';
import { mark } from '../experiment/timing.js';
import { MPPSIM_VERSION } from '../experiment/version.js';
import { calibrateOptions } from './calibrate-options.js';
import { compareOptions } from './compare-options.js';
import { mergeOptions } from './merge-options.js';
import { reportOptions } from './report-options.js';
import { runOptions } from './run-options.js';
import { scenariosOptions } from './scenarios-options.js';
import { serveOptions } from './serve-options.js';
import { onInterruptCleanUp } from './signals.js';
import { sizeOptions } from './size-options.js';
import { EXIT_INPUT, EXIT_OK, processIo, type Io } from './streams.js';
import { sweepOptions } from './sweep-options.js';
import { warmupOptions } from './warmup-options.js';

export { EXIT_BUG, EXIT_INPUT, EXIT_OK } from './streams.js';

mark('cli-loaded');

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
      async (args) => void (code = await (await loadHandler(() => import('./run-command.js'))).runCommand(args, io)),
    )
    .command(
      'compare <scenarios..>',
      'compare scenarios or variants of one, replication by replication (common random numbers): comparison.csv',
      (y) => compareOptions(y),
      async (args) => void (code = await (await loadHandler(() => import('./compare-command.js'))).compareCommand(args, io)),
    )
    .command(
      'sweep <scenario>',
      'run a grid or Latin hypercube of parameter values: sweep.csv',
      (y) => sweepOptions(y),
      async (args) => void (code = await (await loadHandler(() => import('./sweep-command.js'))).sweepCommand(args, io)),
    )
    .command(
      'size <scenario>',
      'the least value of a capacity for which every target holds: size.csv and the answer',
      (y) => sizeOptions(y),
      async (args) => void (code = await (await loadHandler(() => import('./size-command.js'))).sizeCommand(args, io)),
    )
    .command(
      'calibrate <scenario>',
      'the values of unknown inputs that best reproduce reported figures: calibrate.csv and the fitted scenario',
      (y) => calibrateOptions(y),
      async (args) => void (code = await (await loadHandler(() => import('./calibrate-command.js'))).calibrateCommand(args, io)),
    )
    .command(
      'merge <dirs..>',
      'combine the partial results of --shard runs',
      (y) => mergeOptions(y),
      async (args) => void (code = await (await loadHandler(() => import('./merge-command.js'))).mergeCommand(args, io)),
    )
    .command(
      'warmup <scenario>',
      "Welch's moving averages of the key queues, and a suggested warm-up length",
      (y) => warmupOptions(y),
      async (args) => void (code = await (await loadHandler(() => import('./warmup-command.js'))).warmupCommand(args, io)),
    )
    .command(
      'report <dir>',
      'write report.html (charts, summary, cited parameters) into an output folder',
      (y) => reportOptions(y),
      async (args) => void (code = await (await loadHandler(() => import('./report-command.js'))).reportCommand(args, io)),
    )
    .command(
      'serve',
      'serve the what-if page (the simulator in the browser, with capacity sliders) on localhost',
      (y) => serveOptions(y),
      async (args) => void (code = await (await loadHandler(() => import('./serve-command.js'))).serveCommand(args, io)),
    )
    .command(
      'validate <scenario>',
      'check a scenario file and report every problem in it',
      (y) => y.positional('scenario', { type: 'string', demandOption: true }),
      async (args) => void (code = await (await loadHandler(() => import('./validate-command.js'))).validateCommand(args, io)),
    )
    .command(
      'scenarios [name]',
      'list the bundled scenarios, or copy one to start from (--out FILE or --copy FOLDER)',
      (y) => scenariosOptions(y),
      async (args) => void (code = await (await loadHandler(() => import('./scenarios-command.js'))).scenariosCommand(args, io)),
    )
    .command('schema', 'print the JSON Schema of scenario files (for editor autocompletion)', {}, async () => {
      const { scenarioJsonSchema } = await loadHandler(() => import('../scenario/schema.js'));
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
  skipHelpCache(parser);
  try {
    await parser.parseAsync();
  } catch (error) {
    if (!(error instanceof ArgumentsRefused)) throw error;
    io.err(`mppsim: ${error.message}\n(see mppsim --help; a value starting with "-" is written --option=value)`);
    return EXIT_INPUT;
  }
  return code;
}

/** A command's handler module, imported now that its arguments are parsed and valid (noted for MPPSIM_TIMING). */
function loadHandler<T>(load: () => Promise<T>): Promise<T> {
  mark('arguments-parsed');
  return load();
}

/**
 * After calling a command's handler, yargs lays out that command's whole help and keeps it for a
 * later showHelp() (yargs' command.js, handleValidationAndGetResult): some 25 ms of cliui and
 * string-width on every command (issue 18 item 1), for text this CLI never prints, since it calls
 * no showHelp() and its fail callback prints no help. No option of yargs turns this off, and a
 * command registered without a handler is given an empty one and pays the same, so the cache of
 * the parser's usage object is made to keep nothing (as the Angular CLI does); --help and
 * `mppsim COMMAND --help` lay out their help when they print it, as before. Should a later yargs
 * name these differently, nothing changes but the time (test/cli/lazy-loading.test.ts would say so).
 */
function skipHelpCache(parser: object): void {
  const internals = parser as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = internals.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/** A usage problem yargs found (unknown option, bad choice, extra argument): nothing has run yet. */
class ArgumentsRefused extends Error {}
