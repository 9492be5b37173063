// The end of `npm run bench`: issue 18's targets in one table, each read back from the figures the
// sections recorded, with whether it is met. A note quotes this table before and after a change.
// A target whose figure no section recorded (a figure renamed in its section) shows as "missing"
// rather than passing silently.

import type { Recorder } from './outputs-cost.js';

/** A recorded figure by its group and the start of its name (names may end in a count). */
export type Find = (group: string, name: string) => number | undefined;

/** The command breakdown's first replication against its later ones, as the analyst's run meets them. */
const firstOverLater = (find: Find): number | undefined => {
  const first = find('command', 'first replication');
  const later = find('command', 'later replications, each');
  return first === undefined || later === undefined ? undefined : first / later;
};

interface Target {
  label: string;
  /** The figure's group and name as its section records it, or how it is worked out from others. */
  figure: readonly [string, string] | ((find: Find) => number | undefined);
  bound: number;
  at: 'most' | 'least';
}

const TARGETS: readonly Target[] = [
  { label: 'validate / node -e 0', figure: ['startup', 'validate / node -e 0'], bound: 3, at: 'most' },
  { label: 'first / warm replication, pipeline', figure: ['warm-up', 'pipeline: first / warm'], bound: 2, at: 'most' },
  { label: 'first / warm replication, southwest', figure: ['warm-up', 'southwest-border-fy2019: first / warm'], bound: 2, at: 'most' },
  { label: 'first / later replication in a run command', figure: firstOverLater, bound: 2, at: 'most' },
  { label: 'run pipeline --reps 1, whole process (s)', figure: ['peers', 'whole process x1: mppsim'], bound: 0.3, at: 'most' },
  { label: 'run pipeline --reps 20, whole process (s)', figure: ['peers', 'whole process x20: mppsim'], bound: 0.8, at: 'most' },
  { label: '2 workers / 1 worker, 200 baseline replications', figure: ['workers', 'speed-up 2 workers vs 1'], bound: 1.7, at: 'least' },
  { label: 'per person / reference per customer', figure: ['model', 'per person / reference per customer'], bound: 3, at: 'most' },
  { label: '8 years / 1 year peak RSS', figure: ['model', '8 years / 1 year peak RSS'], bound: 1.1, at: 'most' },
  { label: 'pipeline tables / simulate', figure: ['outputs', 'pipeline x20: tables / simulate'], bound: 1, at: 'most' },
  { label: 'pipeline events.csv / simulate', figure: ['outputs', 'pipeline x20: events.csv / simulate'], bound: 1, at: 'most' },
  { label: 'baseline events.csv / simulate', figure: ['outputs', 'baseline x20: events.csv / simulate'], bound: 1, at: 'most' },
];

/** Prints issue 18's targets against the recorded figures and records each verdict as a row. */
export function summarizeTargets(find: Find, record: Recorder): void {
  console.log('\nissue 18 targets (this run, this machine)');
  for (const target of TARGETS) {
    const value = typeof target.figure === 'function' ? target.figure(find) : find(...target.figure);
    if (value === undefined) {
      record('targets', target.label, Number.NaN, 'missing', 'a section did not record its figure');
      continue;
    }
    const met = target.at === 'most' ? value <= target.bound : value >= target.bound;
    record('targets', target.label, value, met ? 'met' : 'NOT met', `target ${target.at === 'most' ? '<=' : '>='} ${target.bound}`);
  }
}
