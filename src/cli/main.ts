// The mppsim command line: parse, call src/, print. No logic lives here; each command has its module.

import yargs from 'yargs';
import { loadScenario, scenarioJsonSchema } from '../scenario/index.js';
import { EXIT_INPUT, EXIT_OK, guard, processIo, type Io } from './io.js';
import { runCommand, runOptions } from './run-command.js';

export { EXIT_BUG, EXIT_INPUT, EXIT_OK } from './io.js';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = EXIT_OK;
  const parser = yargs([...argv])
    .scriptName('mppsim')
    .usage('$0 <command> [options]\n\nSimulates border-return logistics under the 2019 Migrant Protection Protocols.')
    .command(
      'run <scenario>',
      'simulate a scenario and write daily.csv, summary.csv and more into a folder',
      (y) => runOptions(y),
      async (args) => {
        code = await runCommand(args, io);
      },
    )
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
