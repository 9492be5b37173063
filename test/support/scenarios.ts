// Small scenario documents for tests, written in the scenario format itself (validated like a user's file).

import { validateScenario, type Scenario, type ScenarioInput } from '../../src/scenario/index.js';

export function scenario(document: Partial<ScenarioInput> & Pick<ScenarioInput, 'sectors'>): Scenario {
  return validateScenario(
    {
      name: 'test',
      start: '2019-11-01',
      days: 10,
      seed: 7,
      categories: { single: { groupSize: 1, mppEligible: true } },
      ...document,
    },
    'test-scenario',
  );
}

/** Looks up one (metric, scope) value in a replication's metrics. */
export function metric(metrics: readonly { metric: string; scope: string; value: number }[], name: string, scope: string): number {
  const found = metrics.find((m) => m.metric === name && m.scope === scope);
  if (!found) throw new Error(`no metric ${name} for ${scope}`);
  return found.value;
}
