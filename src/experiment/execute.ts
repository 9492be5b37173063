// Runs an experiment's units on a pool of worker threads (piscina), even a pool of one: the main
// thread stays free to handle Ctrl-C, which a replication running on it would make wait for its
// end. Results come back in unit order whatever finishes first, so the bytes never depend on --workers.

import { MessageChannel } from 'node:worker_threads';
import type { ReplicationResult } from '../model/index.js';
import type { Experiment, Unit } from './design.js';
import { batchSizes, inOrder } from './batches.js';
import { BATCHES_PER_THREAD, openThreads, type ReplicationThreads } from './threads.js';
import { threadsFor } from './thread-count.js';
import { expectedPeople } from './limits.js';
import { mark } from './timing.js';
import { withPackedDaily } from '../model/daily-table.js';
import { withPackedMetrics } from '../model/metrics-table.js';
import type { ReplicationOutput, ReplicationTask } from './worker.js';

export interface UnitResult extends Unit {
  result: ReplicationResult;
  /** This replication's daily.csv rows, when formatted by the worker (run experiments). */
  dailyBytes?: Uint8Array;
}

export interface ExecuteOptions {
  workers?: number;
  /** Where per-unit event part files go (with experiment.events). */
  eventsPart?: (unit: Unit) => string;
  /** Called once per finished replication, in the order they finish, with done = 1, 2, … total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Threads opened by the caller (openThreads) and closed by it: a search runs many small calls, and
   * starting threads costs more than a batch; a command opens them before it loads its scenario.
   */
  threads?: ReplicationThreads;
  /**
   * False: the results come back without their daily rows (`daily` empty), for a caller that reads
   * only the whole-run metrics (a sweep). A border-wide replication's rows are ~1 MB on the main
   * thread, kept until the end: a sweep of a thousand replications held a gigabyte it never read.
   */
  daily?: boolean;
}

export async function execute(experiment: Experiment, units: readonly Unit[], options: ExecuteOptions = {}): Promise<UnitResult[]> {
  const task = (unit: Unit): ReplicationTask => ({
    scenario: experiment.variants[unit.variant].scenario,
    replication: unit.replication,
    engine: experiment.engine,
    eventsFile: experiment.events && options.eventsPart ? options.eventsPart(unit) : undefined,
    eventsLabel: experiment.kind === 'run' ? undefined : experiment.variants[unit.variant].name,
    formatDaily: experiment.kind === 'run',
    ...(options.daily === false ? { daily: false } : {}),
  });
  if (units.length === 0) return [];
  const threads = options.threads ?? openThreads(experimentThreads(experiment, units.length, options.workers));
  let done = 0;
  const progress = (): void => options.onProgress?.(++done, units.length);
  const batches: Unit[][] = [];
  let from = 0;
  for (const size of batchSizes(units.length, threads.count)) batches.push(units.slice(from, (from += size)));
  mark('batches-sent');
  try {
    // As many batches in flight as the threads hold, handed out in order.
    const outputs = await inOrder(batches.length, BATCHES_PER_THREAD * threads.count, async (b) => {
      const batch = batches[b];
      const out = await runBatch(threads, batch.map(task), options.onProgress ? progress : undefined);
      return batch.map((unit, i) => {
        const { result, packedDaily, packedMetrics, dailyBytes } = out[i];
        withPackedMetrics(result, packedMetrics);
        return { ...unit, result: packedDaily ? withPackedDaily(result, packedDaily) : result, dailyBytes };
      });
    });
    mark('replications-done');
    return outputs.flat();
  } finally {
    if (!options.threads) await threads.close();
  }
}

/** Threads for `units` replications of `experiment` (a shard's share, or with --precision its most), with --workers `workers`. */
export function experimentThreads(experiment: Experiment, units: number, workers?: number): number {
  if (workers !== undefined) return threadsFor(units, workers);
  const perReplication = experiment.variants.reduce((sum, v) => sum + expectedPeople(v.scenario), 0) / Math.max(1, experiment.variants.length);
  return threadsFor(units, undefined, perReplication * units);
}

/**
 * One batch on a thread, calling `finished` once per replication as the worker says it is done.
 * The port's messages and the batch's result travel apart, so whatever has not been heard of when
 * the result arrives is counted then: every replication is counted once, never after its batch.
 */
async function runBatch(threads: ReplicationThreads, tasks: ReplicationTask[], finished?: () => void): Promise<ReplicationOutput[]> {
  if (!finished) return threads.run({ tasks });
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
    const out = await threads.run({ tasks, finished: channel.port2 }, { transferList: [channel.port2] });
    while (heard < tasks.length) hear();
    return out;
  } finally {
    channel.port1.close();
  }
}
