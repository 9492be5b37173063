// The worker threads that run replications (piscina), opened by whoever knows first that they will
// be needed: a command opens them before it loads its scenario, so that starting the threads and
// loading their modules overlaps the main thread's own work instead of following it.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { defaultWorkers } from './thread-count.js';
import { mark } from './timing.js';
import type { ReplicationBatch, ReplicationOutput } from './worker.js';

type ReplicationPool = Piscina<ReplicationBatch, ReplicationOutput[]>;

/** Batches a thread holds at once: the one it runs and the next. */
export const BATCHES_PER_THREAD = 2;

type RunOptions = Parameters<ReplicationPool['run']>[1];

/**
 * Threads that can be added to once the work is known (thread-count.ts) and closed more than once (the
 * first close is the one that counts). Each is a piscina pool of one thread, so that this class, not
 * piscina, decides how many run: piscina opens more threads of a pool whenever tasks queue.
 */
export class ReplicationThreads {
  private readonly pools: ReplicationPool[] = [];
  /** Per thread, the batches it holds. */
  private readonly held: number[] = [];
  /** Per thread, settled once it has loaded its modules (an empty batch run). */
  private readonly loaded: Promise<unknown>[] = [];
  private closing: Promise<void> | undefined;

  constructor(count: number) {
    mark('pool-opening');
    this.grow(count);
  }

  get count(): number {
    return this.pools.length;
  }

  /** Opens threads until there are `count`. */
  grow(count: number): void {
    while (!this.closing && this.pools.length < count) {
      // Each thread holds a second batch while it runs one (BATCHES_PER_THREAD): it starts the next as
      // soon as it posts a result, instead of idling while the main thread takes the result in and
      // hands it more. 200 baseline replications on one thread: 2.77 -> 2.6 s.
      const pool = new Piscina<ReplicationBatch, ReplicationOutput[]>({ filename: workerFile(), minThreads: 1, maxThreads: 1, concurrentTasksPerWorker: BATCHES_PER_THREAD });
      this.pools.push(pool);
      this.held.push(0);
      this.loaded.push(pool.run({ tasks: [] }).catch(() => undefined));
    }
  }

  /** Runs a batch on the thread holding the fewest. */
  async run(batch: ReplicationBatch, options?: RunOptions): Promise<ReplicationOutput[]> {
    let thread = 0;
    for (let t = 1; t < this.held.length; t++) if (this.held[t] < this.held[thread]) thread = t;
    this.held[thread]++;
    try {
      return await this.pools[thread].run(batch, options);
    } finally {
      this.held[thread]--;
    }
  }

  /**
   * Ends the threads; the promise settles once they are gone. A thread still loading its modules is
   * let finish first: Node 20 aborts the whole process (FATAL ERROR in ModuleWrap) when a worker is
   * terminated while it requires an ES module, which a bad scenario's quick exit 2 did now and then.
   */
  close(): Promise<void> {
    this.closing ??= Promise.all(this.loaded)
      .then(() => Promise.all(this.pools.map((pool) => pool.destroy())))
      .then(() => mark('pool-closed'));
    return this.closing;
  }
}

/** Threads for one or several execute calls: the caller closes them. */
export function openThreads(count = defaultWorkers()): ReplicationThreads {
  return new ReplicationThreads(Math.max(1, count));
}

/** The compiled worker module; under the test runner (TypeScript sources) the build's copy. */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/experiment/worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error('worker threads need the compiled worker: run `npm run build` first');
}
