// Runs an experiment's units on a pool of worker threads (piscina), even a pool of one: the main
// thread stays free to handle Ctrl-C, which a replication running on it would make wait for its
// end. Results come back in unit order whatever finishes first, so the bytes never depend on --workers.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { ReplicationResult } from '../model/index.js';
import type { Experiment, Unit } from './design.js';
import { mark } from './timing.js';
import type { ReplicationBatch, ReplicationOutput, ReplicationTask } from './worker.js';

export interface UnitResult extends Unit {
  result: ReplicationResult;
  /** This replication's daily.csv rows, when formatted by the worker (run experiments). */
  dailyText?: string;
}

export interface ExecuteOptions {
  workers?: number;
  /** Where per-unit event part files go (with experiment.events). */
  eventsPart?: (unit: Unit) => string;
  /** Called once per finished replication, in the order they finish, with done = 1, 2, … total. */
  onProgress?: (done: number, total: number) => void;
  /** Threads kept open across calls (see openThreads): a search runs many small calls, and starting threads costs more than a batch. */
  threads?: Threads;
}

export type Threads = Piscina<ReplicationBatch, ReplicationOutput[]>;

/** A pool of `workers` threads for several execute calls, or undefined for one: the caller destroys it. */
export function openThreads(workers = defaultWorkers()): Threads | undefined {
  return workers > 1 ? new Piscina<ReplicationBatch, ReplicationOutput[]>({ filename: workerFile(), minThreads: workers, maxThreads: workers, concurrentTasksPerWorker: 2 }) : undefined;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

export async function execute(experiment: Experiment, units: readonly Unit[], options: ExecuteOptions = {}): Promise<UnitResult[]> {
  const task = (unit: Unit): ReplicationTask => ({
    scenario: experiment.variants[unit.variant].scenario,
    replication: unit.replication,
    engine: experiment.engine,
    eventsFile: experiment.events && options.eventsPart ? options.eventsPart(unit) : undefined,
    eventsLabel: experiment.kind === 'run' ? undefined : experiment.variants[unit.variant].name,
    formatDaily: experiment.kind === 'run',
  });
  if (units.length === 0) return [];
  const threads = options.threads;
  const workers = threads ? threads.options.maxThreads : Math.max(1, Math.min(options.workers ?? defaultWorkers(), units.length));
  let done = 0;
  const progress = (): void => options.onProgress?.(++done, units.length);
  // Batches of replications, about four per thread: enough to balance the load, few enough that
  // messages and per-message clones do not eat the gain. Each batch keeps unit order.
  const size = Math.max(1, Math.ceil(units.length / (workers * BATCHES_PER_WORKER)));
  const batches: Unit[][] = [];
  for (let i = 0; i < units.length; i += size) batches.push(units.slice(i, i + size));
  mark('pool-opening');
  const pool = threads ?? new Piscina<ReplicationBatch, ReplicationOutput[]>({ filename: workerFile(), minThreads: workers, maxThreads: workers, concurrentTasksPerWorker: 2 });
  try {
    const outputs = await Promise.all(
      batches.map(async (batch) => {
        const out = await runBatch(pool, batch.map(task), options.onProgress ? progress : undefined);
        return batch.map((unit, i) => ({ ...unit, ...out[i] }));
      }),
    );
    mark('replications-done');
    return outputs.flat();
  } finally {
    if (!threads) await pool.destroy();
    mark('pool-closed');
  }
}

const BATCHES_PER_WORKER = 4;
// Each thread holds a second batch while it runs one (piscina's concurrentTasksPerWorker: 2): it
// starts the next as soon as it posts a result, instead of idling while the main thread takes the
// result in and hands it more. 200 baseline replications on one thread: 2.77 -> 2.6 s.

/**
 * One batch on the pool, calling `finished` once per replication as the worker says it is done.
 * The port's messages and the batch's result travel apart, so whatever has not been heard of when
 * the result arrives is counted then: every replication is counted once, never after its batch.
 */
async function runBatch(pool: Threads, tasks: ReplicationTask[], finished?: () => void): Promise<ReplicationOutput[]> {
  if (!finished) return pool.run({ tasks });
  const channel = new MessageChannel();
  let heard = 0;
  const hear = (): void => {
    if (heard < tasks.length) {
      heard++;
      finished();
    }
  };
  channel.port1.on('message', hear);
  try {
    const out = await pool.run({ tasks, finished: channel.port2 }, { transferList: [channel.port2] });
    while (heard < tasks.length) hear();
    return out;
  } finally {
    channel.port1.close();
  }
}

/** The compiled worker module; under the test runner (TypeScript sources) the build's copy. */
function workerFile(): string {
  const beside = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL('../../dist/experiment/worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error('worker threads need the compiled worker: run `npm run build` first');
}
