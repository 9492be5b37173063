// How many worker threads an experiment gets: as --workers says, or else as many as its work can keep
// busy, up to one per core. A thread is not free: it loads its modules, compiles the model and runs
// its first replications cold, some 0.3-0.5 s of CPU, on cores the other threads need. On this
// project's 2-core benchmark machine, 20 replications of the 52,000-person pipeline (1.0 M people)
// ran in 1.16 s on one thread and 1.25 s on two; 40 of them (2.1 M), 1.80 s and 1.64 s; 100 baseline
// replications (1.8 M), 1.89 s and 1.68 s. So a thread is opened for each 700,000 people simulated.
// Which thread runs which replication never changes a byte of output. Plain numbers: the CLI opens
// threads with this before any scenario module loads.

import { availableParallelism } from 'node:os';

export function defaultWorkers(): number {
  return availableParallelism();
}

/** Expected people to simulate for each thread opened by default. */
export const PEOPLE_PER_THREAD = 700_000;

/**
 * Threads for `units` replications: `workers` if given, else one per PEOPLE_PER_THREAD of the `people`
 * they simulate (one at least) up to one per core; never more than the units.
 */
export function threadsFor(units: number, workers?: number, people = Number.POSITIVE_INFINITY): number {
  // An estimate that is not a number (a distribution without a mean) counts as more than enough work.
  const perThread = people >= 0 ? Math.floor(people / PEOPLE_PER_THREAD) : Number.POSITIVE_INFINITY;
  const wanted = workers ?? Math.min(defaultWorkers(), Math.max(1, perThread));
  return Math.max(1, Math.min(wanted, units));
}
