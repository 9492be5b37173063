// Small scenario documents for tests, written in the scenario format itself (validated like a user's file).

import { BALANCE_IN, BALANCE_OUT } from '../../src/model/results.js';
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

/** What summary.csv's balance adds up at a scope: in (arrivals, ...) and out (every exit, in custody, in Mexico); absent figures 0. */
export function balance(metrics: readonly { metric: string; scope: string; value: number }[], scope: string): { in: number; out: number } {
  const sum = (names: readonly string[]): number => names.reduce((a, n) => a + (metrics.find((m) => m.metric === n && m.scope === scope)?.value ?? 0), 0);
  return { in: sum(BALANCE_IN), out: sum(BALANCE_OUT) };
}

/** One sector `a` of deterministic arrivals returned through port `bridge`, whose cases a court `court` hears every day. */
export function oneCourt(o: { perDay: number; mix: Record<string, number>; port?: Record<string, unknown>; court?: Record<string, unknown>; days?: number }): ScenarioInput {
  return {
    name: 'test',
    start: '2019-11-01',
    seed: 7,
    days: o.days ?? 40,
    sectors: { a: { holdingCapacity: 100_000, arrivals: { peoplePerDay: o.perDay, count: 'deterministic', mix: o.mix }, mpp: { enrolledFraction: 1 }, port: 'bridge' } },
    ports: { bridge: { dailyCap: 100_000, court: 'court', ...o.port } },
    courts: {
      court: { slotsPerDay: 1000, closedWeekdays: [], leadDays: 5, resetDays: 3, travelHours: { dist: 'deterministic', value: 0.5 }, noShow: [0], outcomes: [{ reset: 0.5, removal: 0.5, relief: 0, terminated: 0 }], ...o.court },
    },
  } as unknown as ScenarioInput;
}
