// One replication of one variant, as run on a worker thread (piscina); tasks come in batches.
// Per-person events, when asked for, go to a part file of their own, joined in order later.

// Direct module imports: a worker thread loads only what a replication needs (not reports or zod).
import { CsvStream } from '../output/csv-stream.js';
import { eventCells } from '../output/events.js';
import { dailyRowsBytes } from '../output/daily-rows.js';
import { packedDailyOf, type PackedDaily } from '../model/daily-table.js';
import { packMetrics, type MetricKeys, type PackedMetrics } from '../model/metrics-table.js';
import { simulate } from '../model/simulation.js';
import { flushMarks, mark } from './timing.js';
import type { MessagePort } from 'node:worker_threads';
import type { ReplicationResult } from '../model/results.js';
import type { EngineName } from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';

export interface ReplicationTask {
  scenario: Scenario;
  replication: number;
  engine: EngineName;
  eventsFile?: string;
  /** Leading cell of every events row (the variant), for experiments with several. */
  eventsLabel?: string;
  /** Also format this replication's rows of daily.csv, here, in parallel with the others. */
  formatDaily?: boolean;
  /** False: send the result without its daily rows (the caller reads only its metrics). */
  daily?: boolean;
}

mark('worker-loaded');

export interface ReplicationOutput {
  /**
   * Without its daily rows and metrics, which travel as `packedDaily` (model/daily-table.ts; not at all
   * if the task said so) and `packedMetrics` (model/metrics-table.ts).
   */
  result: ReplicationResult;
  packedDaily?: PackedDaily;
  packedMetrics: PackedMetrics;
  dailyBytes?: Uint8Array;
}

/** One replication; `keys` are the metric keys of the batch's replication before, shared if the same. */
export function runReplication(task: ReplicationTask, keys?: MetricKeys): ReplicationOutput {
  const events = task.eventsFile ? new CsvStream(task.eventsFile, null) : undefined;
  mark('replication-start');
  try {
    const result = simulate(task.scenario, {
      replication: task.replication,
      engine: task.engine,
      onPerson: events
        ? task.eventsLabel === undefined
          ? (record) => events.write(eventCells(record))
          : (record) => events.write([task.eventsLabel, ...eventCells(record)])
        : undefined,
    });
    mark('replication-simulated');
    const dailyBytes = task.formatDaily ? dailyRowsBytes(result) : undefined;
    mark('replication-formatted');
    // Not `...result`: that would read `daily`, building the rows the packed numbers stand for.
    const packedDaily = task.daily === false ? undefined : packedDailyOf(result);
    const packedMetrics = packMetrics(result.metrics, keys);
    return { result: { replication: result.replication, daily: [], metrics: [], events: result.events }, packedDaily, packedMetrics, dailyBytes };
  } finally {
    events?.close();
  }
}

/** A batch of replications, and where to say that each has finished (a task cannot stream its results). */
export interface ReplicationBatch {
  tasks: readonly ReplicationTask[];
  /** Gets one message per finished replication: the progress bar then moves per replication, not per batch. */
  finished?: MessagePort;
}

/**
 * A worker thread's task: several replications at once. Fewer messages, and one structured clone
 * of a scenario that every replication of the batch shares, and of the metric keys every result of
 * the batch shares (clones keep shared references shared).
 */
export default function runReplications(batch: ReplicationBatch): ReplicationOutput[] {
  try {
    let keys: MetricKeys | undefined;
    return batch.tasks.map((task) => {
      const output = runReplication(task, keys);
      keys = output.packedMetrics.keys;
      batch.finished?.postMessage(null);
      return output;
    });
  } finally {
    batch.finished?.close();
    flushMarks();
  }
}
