// `mppsim size SCENARIO --vary PATH=LO..HI[:STEP] --target EXPR …`: the least value that meets every target.

import type { Argv } from 'yargs';
import { ENGINE_NAMES, type EngineName } from '../engine/index.js';
import { runSize, sizeAnswerLine } from '../experiment/index.js';
import { EXIT_OK, guard, type Io } from './io.js';
import { progressBar } from './progress.js';
import { checkSettings } from './run-command.js';

export interface SizeArgs {
  scenario: string;
  vary: string;
  target: string[];
  out?: string;
  reps?: number;
  'max-reps'?: number;
  seed?: number;
  'warmup-days'?: number;
  workers?: number;
  engine: EngineName;
  force: boolean;
  quiet: boolean;
}

export function sizeOptions<T>(y: Argv<T>) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
    .option('vary', { type: 'string', demandOption: true, describe: 'path=LO..HI[:STEP]: the capacity to size, e.g. ports.eagle-pass-laredo.dailyCap=40..200' })
    .option('target', { type: 'string', array: true, demandOption: true, describe: "metric.scope <= value (or >=), repeatable, e.g. 'released.total <= 0'" })
    .option('out', { type: 'string', describe: 'output folder (default: output/size-<scenario name>)' })
    .option('reps', { type: 'number', describe: "replications per candidate, and per added batch (default: the scenario's, at least 2)" })
    .option('max-reps', { type: 'number', describe: 'most replications for a candidate too close to call (default 100)' })
    .option('seed', { type: 'number' })
    .option('warmup-days', { type: 'number' })
    .option('workers', { type: 'number', describe: 'worker threads (default: all cores); the answer does not depend on it' })
    .option('engine', { choices: ENGINE_NAMES, default: 'heap' as EngineName })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder' })
    .option('quiet', { type: 'boolean', default: false, describe: 'print only the answer line' });
}

export function sizeCommand(args: SizeArgs, io: Io): Promise<number> {
  return guard(io, async () => {
    checkSettings({ ...args, events: false });
    checkSettings({ reps: args['max-reps'], engine: args.engine, events: false, force: false, quiet: true });
    const bar = progressBar('size', args.quiet);
    const name = args.scenario.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/, '');
    try {
      const outcome = await runSize(args.scenario, {
        vary: args.vary,
        targets: args.target,
        out: args.out ?? `output/size-${name}`,
        force: args.force,
        replications: args.reps,
        maxReplications: args['max-reps'],
        seed: args.seed,
        warmupDays: args['warmup-days'],
        engine: args.engine,
        workers: args.workers,
        onProgress: bar.update,
      });
      bar.stop();
      for (const w of outcome.warnings) io.err(`warning: ${w}`);
      io.out(sizeAnswerLine(outcome));
      if (!args.quiet) io.out(`wrote ${outcome.files.join(', ')} to ${outcome.dir}`);
    } finally {
      bar.stop();
    }
    return EXIT_OK;
  });
}
