// What a search (size, calibrate) shows while it runs: a header at once, then its progress bar.
// Apart from search-options.ts because it loads the progress bar and the experiment layer, which
// the options modules (read for --help) must not.

import { defaultWorkers } from '../experiment/index.js';
import { progressBar, type Progress } from './progress.js';
import { scenarioName, type SearchArgs } from './search-options.js';

/** The progress bar of a search, with searchHeader shown at once on a terminal. */
export function searchProgress(command: string, args: SearchArgs, what: string): Progress {
  return progressBar(command, args.quiet, searchHeader(command, args, what));
}

/** What a search is about to run: `what` is searched, with how many replications a candidate, on how many threads. */
export function searchHeader(command: string, args: Pick<SearchArgs, 'scenario' | 'reps' | 'workers'>, what: string): string {
  const reps = args.reps === undefined ? "the scenario's replications" : `${args.reps} replications`;
  const threads = args.workers ?? defaultWorkers();
  return `${command} ${scenarioName(args.scenario)}: ${what}, ${reps} a candidate on ${threads} worker${threads === 1 ? '' : 's'}`;
}
