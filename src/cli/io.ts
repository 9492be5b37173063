// What commands print to, and how failures become exit codes: input problems and the machine's own
// failures (a full disk) exit 2 with their messages, invariant violations are bugs and exit 1, and
// nobody sees a stack trace.

import { InvariantError } from '../model/index.js';
import { ScenarioError } from '../scenario/index.js';
import { OutputExistsError, printable } from '../output/index.js';
import { UsageError } from '../experiment/errors.js';
import { environmentProblem } from './environment-errors.js';

export { UsageError };

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_INPUT = 2;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

// Everything printed may quote a scenario (a title, an unknown key): never let it drive the terminal.
export const processIo: Io = {
  out: (text) => process.stdout.write(`${printable(text)}\n`),
  err: (text) => process.stderr.write(`${printable(text)}\n`),
};

export async function guard(io: Io, action: () => number | Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof OutputExistsError || error instanceof UsageError) {
      io.err(error.message);
      return EXIT_INPUT;
    }
    const environment = environmentProblem(error);
    if (environment) {
      io.err(environment);
      return EXIT_INPUT;
    }
    if (error instanceof InvariantError) {
      io.err(`mppsim: ${error.message}\nThis is a bug in the model; please report it with the scenario file.`);
      return EXIT_BUG;
    }
    io.err(`mppsim: internal error: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.MPPSIM_DEBUG) io.err((error as Error)?.stack ?? '');
    return EXIT_BUG;
  }
}
