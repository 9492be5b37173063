// A module worker that runs replications, one message each: the same `simulate` as the command line,
// with the scenario already validated by the page. Results go back whole (structured clone).

import type { EngineName } from '../../src/engine/index.js';
import { simulate } from '../../src/model/simulation.js';
import type { ReplicationResult } from '../../src/model/results.js';
import type { Scenario } from '../../src/scenario/schema.js';

export interface ReplicationRequest {
  task: number;
  scenario: Scenario;
  replication: number;
  engine: EngineName;
}

export type ReplicationReply = { task: number; result: ReplicationResult } | { task: number; error: string; invariant: boolean };

const scope = self as unknown as { onmessage: ((event: MessageEvent<ReplicationRequest>) => void) | null; postMessage(reply: ReplicationReply): void };

scope.onmessage = ({ data }) => {
  try {
    const result = simulate(data.scenario, { replication: data.replication, engine: data.engine });
    scope.postMessage({ task: data.task, result });
  } catch (error) {
    const e = error as Error;
    scope.postMessage({ task: data.task, error: e?.message ?? String(error), invariant: e?.name === 'InvariantError' });
  }
};
