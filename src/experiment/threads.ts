// The worker threads that run replications (piscina), opened by whoever knows first that they will
// be needed: a command opens them before it loads its scenario, so that starting the threads and
// loading their modules overlaps the main thread's own work instead of following it.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { mark } from './timing.js';
import type { ReplicationBatch, ReplicationOutput } from './worker.js';

export type ReplicationPool = Piscina<ReplicationBatch, ReplicationOutput[]>;

/** Batches a thread holds at once: the one it runs and the next. */
export const BATCHES_PER_THREAD = 2;

/** A pool of `count` threads that can be closed more than once (the first close is the one that counts). */
export class ReplicationThreads {
  readonly pool: ReplicationPool;
  private closing: Promise<void> | undefined;

  constructor(readonly count: number) {
    mark('pool-opening');
    // Each thread holds a second batch while it runs one (BATCHES_PER_THREAD): it starts
    // the next as soon as it posts a result, instead of idling while the main thread takes the
    // result in and hands it more. 200 baseline replications on one thread: 2.77 -> 2.6 s.
    this.pool = new Piscina<ReplicationBatch, ReplicationOutput[]>({ filename: workerFile(), minThreads: count, maxThreads: count, concurrentTasksPerWorker: BATCHES_PER_THREAD });
  }

  /** Ends the threads; the promise settles once they are gone. */
  close(): Promise<void> {
    this.closing ??= this.pool.destroy().then(() => mark('pool-closed'));
    return this.closing;
  }
}

/** Threads for one or several execute calls: the caller closes them. */
export function openThreads(count = defaultWorkers()): ReplicationThreads {
  return new ReplicationThreads(Math.max(1, count));
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/** The threads that `units` replications get with --workers `workers` (default: one per core): never more than the units. */
export function threadsFor(units: number, workers = defaultWorkers()): number {
  return Math.max(1, Math.min(workers, units));
}

/** The compiled worker module; under the test runner (TypeScript sources) the build's copy. */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/experiment/worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error('worker threads need the compiled worker: run `npm run build` first');
}
