// One replication of a scenario, reduced to what the comparisons with reported figures read: its
// daily rows, its whole-run metrics, and people counted by sector, category, outcome and month.

import { simulate, type DailyRow, type Metric, type PersonRecord } from '../model/index.js';
import { dateOfDay, type Scenario } from '../scenario/index.js';

// The sums over daily rows live with the figures calibrate reads too, so that both count alike.
export { dailySum, dailySumOfKind, daysCovered } from '../experiment/run-figures.js';

export interface Observation {
  scenario: Scenario;
  daily: DailyRow[];
  metrics: Metric[];
  /** People by `sector|category|month` of arrival ("YYYY-MM"). */
  arrivals: Map<string, number>;
  /** People by `sector|category|outcome|month` of leaving (outcomes other than in custody). */
  exits: Map<string, number>;
  /** With courts, at the end of the run: people whose case had a hearing date come, and those who missed one. */
  hearingDates: { come: number; missed: number };
}

export function observe(scenario: Scenario, replication: number): Observation {
  const arrivals = new Map<string, number>();
  const exits = new Map<string, number>();
  const hearingDates = { come: 0, missed: 0 };
  const month = (hours: number): string => dateOfDay(scenario.start, Math.floor(hours / 24)).slice(0, 7);
  const bump = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
  const onPerson = (p: PersonRecord): void => {
    bump(arrivals, `${p.sector}|${p.category}|${month(p.arrivedHours)}`);
    if (p.exitHours !== null) bump(exits, `${p.sector}|${p.category}|${p.outcome}|${month(p.exitHours)}`);
    // A missed hearing ends a case in absentia, so these are the cases with a missed hearing; the others
    // whose date has come were heard at least once.
    if (p.outcome === 'in_absentia') hearingDates.missed++;
    if (p.outcome === 'in_absentia' || (p.hearings ?? 0) > 0) hearingDates.come++;
  };
  const result = simulate(scenario, { replication, onPerson });
  return { scenario, daily: result.daily, metrics: result.metrics, arrivals, exits, hearingDates };
}
