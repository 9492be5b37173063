// `mppsim run SCENARIO`: replicate a scenario into an output folder and print its key figures. Its
// options are run-options.ts's; this module loads only when a command runs. It stays light (no
// schema, no model, no writers): it starts the worker threads, then loads the rest (run-scenario.ts)
// while they load theirs.

import type { ReplicationThreads } from '../experiment/threads.js';
import { mark } from '../experiment/timing.js';
import { checkSettings, threadsAhead, type RunArgs } from './experiment-args.js';
import type { Io } from './streams.js';
import { precisionGoal } from './precision-options.js';

export async function runCommand(args: RunArgs, io: Io): Promise<number> {
  mark('command-loaded');
  const threads = threadsForSoundSettings(args);
  try {
    const { runScenario } = await import('./run-scenario.js');
    mark('handler-loaded');
    return await runScenario(args, io, threads);
  } finally {
    await threads?.close();
  }
}

/**
 * Threads opened ahead (threadsAhead). None when anything is wrong (a setting, the
 * threads themselves): runScenario meets it again inside guard, which reports it as every error is.
 */
function threadsForSoundSettings(args: RunArgs): ReplicationThreads | undefined {
  try {
    checkSettings(args);
    return threadsAhead(args, precisionGoal(args), 1);
  } catch {
    return undefined;
  }
}
