// Independent replications of one scenario: replication r draws from streams seeded by (seed, r).

import type { EngineName } from '../engine/index.js';
import { simulate, type PersonSink, type ReplicationResult } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';

export interface ReplicateOptions {
  replications?: number;
  engine?: EngineName;
  onPerson?: PersonSink;
  onReplicationDone?: (done: number, total: number) => void;
}

/**
 * Runs replications 0..n-1 of a scenario in this thread (n: `replications`, else the scenario's), in order.
 * For worker threads and an output folder, use runPlan and runExperiment.
 */
export function replicate(scenario: Scenario, options: ReplicateOptions = {}): ReplicationResult[] {
  const total = options.replications ?? scenario.replications;
  const results: ReplicationResult[] = [];
  for (let replication = 0; replication < total; replication++) {
    results.push(simulate(scenario, { replication, engine: options.engine, onPerson: options.onPerson }));
    options.onReplicationDone?.(replication + 1, total);
  }
  return results;
}
