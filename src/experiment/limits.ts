// Refuses, before it starts, an experiment too large to be what the user meant: too many simulated
// people, too long a horizon or too many replications. The limits are settings, and --allow-large
// lifts them; the message says what was estimated so the user can tell a typo from a real need.

// Plain modules, not the scenario index: the what-if page estimates sizes with these too, without Node's file system.
import { dateOfDay } from '../scenario/calendar-dates.js';
import { peoplePerDayOn } from '../scenario/dated.js';
import type { Scenario } from '../scenario/schema.js';
import { distributionMean } from '../random/index.js';
import type { Experiment } from './design.js';
import { DEFAULT_LIMITS, type Limits } from './defaults.js';
import { UsageError } from './errors.js';

export { DEFAULT_LIMITS, type Limits };

/** Variants of one experiment (compare variants, sweep points): each is validated and kept in memory. */
export const MAX_VARIANTS = 10_000;

/** Replications across every variant (a sweep's points x replications): each result is held in memory until written. */
export const MAX_UNITS = 1_000_000;

export class LimitError extends UsageError {
  constructor(message: string) {
    super(`${message}\nIf that is really intended, pass --allow-large.`);
    this.name = 'LimitError';
  }
}

/**
 * Each scenario's estimate, worked out once: a command asks for it to check its limits, to warn about
 * events.csv's size, to choose its threads and to say how many it runs on, and a border-wide variant
 * takes ~3 ms (a day-by-day sum), which a sweep's thousand variants paid four times over. A scenario is
 * never changed once planned (an edit makes a new one), so its object is its key.
 */
const estimates = new WeakMap<Scenario, number>();

/** Expected people arriving in one replication: daily means over the horizon, surges included. */
export function expectedPeople(s: Scenario): number {
  let people = estimates.get(s);
  if (people === undefined) estimates.set(s, (people = sumExpectedPeople(s)));
  return people;
}

function sumExpectedPeople(s: Scenario): number {
  let total = 0;
  for (const sector of Object.values(s.sectors)) {
    const a = sector.arrivals;
    if (!a) continue;
    const surge = a.surge ? a.surge.probabilityPerDay * distributionMean(a.surge.people) : 0;
    for (let day = 0; day < s.days; day++) {
      total += (peoplePerDayOn(a, dateOfDay(s.start, day)) ?? 0) + surge;
      if (!Number.isFinite(total)) return Infinity;
    }
  }
  return total;
}

/** The one bound --allow-large does not lift: results beyond it would not fit in memory. */
export function checkUnits(experiment: Experiment): void {
  const units = experiment.variants.length * experiment.replications;
  if (units > MAX_UNITS) {
    throw new UsageError(`${experiment.variants.length} variant(s) x ${experiment.replications} replication(s) = ${formatCount(units)} replications in all; mppsim runs at most ${formatCount(MAX_UNITS)} (even with --allow-large)`);
  }
}

export function checkLimits(experiment: Experiment, limits: Limits = DEFAULT_LIMITS): void {
  if (experiment.replications > limits.maxReplications) {
    throw new LimitError(`${experiment.replications} replications requested; the limit is ${limits.maxReplications}.`);
  }
  let people = 0;
  for (const v of experiment.variants) {
    if (v.scenario.days > limits.maxDays) {
      throw new LimitError(`${v.name}: a horizon of ${v.scenario.days} days; the limit is ${limits.maxDays} days.`);
    }
    people += expectedPeople(v.scenario) * experiment.replications;
  }
  if (!(people <= limits.maxPeople)) {
    throw new LimitError(
      `this would simulate about ${formatCount(people)} people (${experiment.variants.length} variant(s) x ${experiment.replications} replication(s)); the limit is ${formatCount(limits.maxPeople)}.`,
    );
  }
}

/** A count as messages print it: "1.2 million", "12,345". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return 'infinitely many';
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : Math.round(n).toLocaleString('en-US');
}
