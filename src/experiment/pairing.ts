// Whether the scenarios of a compare can be paired: common random numbers make replication r of
// each the same people only when they share a calendar and the places people come from and go to.
// Names what differs; plans.ts decides whether that refuses the comparison.

import type { Scenario } from '../scenario/index.js';

export interface Labelled {
  /** How the user named it: a file's name, or "variant NAME". */
  label: string;
  scenario: Scenario;
}

const CALENDAR = ['start', 'days', 'warmupDays'] as const;
const PLACES = ['sectors', 'busRoutes', 'ports'] as const;

/** "start: 2019-06-01 vs 2019-07-01; days: 120 vs 90; sectors only in b.yaml: x", or '' when they pair. */
export function pairingDifferences(reference: Labelled, other: Labelled): string {
  const differences: string[] = [];
  for (const field of CALENDAR) {
    const a = reference.scenario[field];
    const b = other.scenario[field];
    if (a !== b) differences.push(`${field}: ${a} vs ${b}`);
  }
  for (const field of PLACES) {
    const a = Object.keys(reference.scenario[field]);
    const b = Object.keys(other.scenario[field]);
    const onlyIn = (ids: string[], not: string[], where: string) => {
      const only = ids.filter((id) => !not.includes(id));
      if (only.length > 0) differences.push(`${field} only in ${where}: ${only.join(', ')}`);
    };
    onlyIn(a, b, reference.label);
    onlyIn(b, a, other.label);
  }
  return differences.join('; ');
}

/** One line per scenario that does not pair with the first, e.g. "b.yaml: days: 120 vs 90". */
export function unpairedScenarios(scenarios: readonly Labelled[]): string[] {
  const [reference, ...others] = scenarios;
  return others.flatMap((other) => {
    const differences = pairingDifferences(reference, other);
    return differences ? [`${other.label}: ${differences} (against ${reference.label})`] : [];
  });
}
