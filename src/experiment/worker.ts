// One replication of one variant, as run on a worker thread (piscina) or in the main thread.
// Per-person events, when asked for, go to a part file of their own, joined in order later.

import { CsvStream, eventCells } from '../output/index.js';
import { simulate, type ReplicationResult } from '../model/index.js';
import type { EngineName } from '../engine/index.js';
import type { Scenario } from '../scenario/index.js';

export interface ReplicationTask {
  scenario: Scenario;
  replication: number;
  engine: EngineName;
  eventsFile?: string;
  /** Leading cell of every events row (the variant), for experiments with several. */
  eventsLabel?: string;
}

export default function runReplication(task: ReplicationTask): ReplicationResult {
  const events = task.eventsFile ? new CsvStream(task.eventsFile, null) : undefined;
  try {
    return simulate(task.scenario, {
      replication: task.replication,
      engine: task.engine,
      onPerson: events
        ? task.eventsLabel === undefined
          ? (record) => events.write(eventCells(record))
          : (record) => events.write([task.eventsLabel, ...eventCells(record)])
        : undefined,
    });
  } finally {
    events?.close();
  }
}
