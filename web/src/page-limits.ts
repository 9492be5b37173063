// What the page will run in a browser tab: the command line's size estimate with smaller limits,
// applied to the edited scenario (levers and link included) before a replication starts.

import { expectedPeople } from '../../src/experiment/limits.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** People simulated in one run of the page, over every replication and variant (the CLI allows 100 million). */
export const PAGE_MAX_PEOPLE = 20_000_000;
export const PAGE_MAX_DAYS = 3_660;

/** Why the page will not run these, or undefined when it will. */
export function pageLimitProblem(variants: readonly Scenario[], replications: number): string | undefined {
  const days = Math.max(...variants.map((s) => s.days));
  if (days > PAGE_MAX_DAYS) return `a horizon of ${days.toLocaleString('en')} days; the page runs at most ${PAGE_MAX_DAYS.toLocaleString('en')}`;
  const people = variants.reduce((sum, s) => sum + expectedPeople(s), 0) * replications;
  if (!(people <= PAGE_MAX_PEOPLE)) {
    const about = Number.isFinite(people) ? `about ${(people / 1e6).toFixed(1)} million` : 'infinitely many';
    return `this would simulate ${about} people (${variants.length} variant(s) x ${replications} replication(s)); the page runs at most ${PAGE_MAX_PEOPLE / 1e6} million at once`;
  }
  return undefined;
}

/** A lever value from a link, held to the lever's own range (a link may say anything). */
export function withinRange(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
