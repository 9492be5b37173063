// What commands print to, and how failures become exit codes: input problems and the machine's own
// failures (a full disk) exit 2 with their messages, invariant violations are bugs and exit 1, and
// nobody sees a stack trace.

// The error classes' own modules, not the rooms' indexes: validate must not load the model or the writers.
import { InvariantError } from '../model/invariants.js';
import { ScenarioError } from '../scenario/errors.js';
import { OutputExistsError } from '../output/output-dir.js';
import { UsageError } from '../experiment/errors.js';
import { environmentProblem } from './environment-errors.js';
import { EXIT_BUG, EXIT_INPUT, type Io } from './streams.js';

export { UsageError };
export { EXIT_BUG, EXIT_INPUT, EXIT_OK, processIo, type Io } from './streams.js';

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
