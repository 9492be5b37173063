// Values that depend on the date, read by one rule for every dated field of a scenario: the first
// listed period covering the date that sets the field, else the month's value (where a field has
// monthly values), else the constant. The model, the reference checks and the size estimate all read
// dated values through here, so the rule is written once.

import { daysInMonth } from './calendar-dates.js';
import type { Arrivals } from './schema.js';

/** A date range, both ends inclusive, as ISO dates. */
export interface DateRange {
  from: string;
  to: string;
}

/** The first period covering an ISO date (inclusive bounds), if any. */
export function inPeriod<P extends DateRange>(periods: readonly P[] | undefined, date: string): P | undefined {
  return periods?.find((p) => p.from <= date && date <= p.to);
}

/** The first period covering the date that sets `field`, if any: the value it sets. */
export function periodValue<P extends DateRange, K extends keyof P>(periods: readonly P[] | undefined, field: K, date: string): Exclude<P[K], undefined> | undefined {
  if (!periods) return undefined;
  for (const p of periods) {
    if (p.from <= date && date <= p.to && p[field] !== undefined) return p[field] as Exclude<P[K], undefined>;
  }
  return undefined;
}

/** The one precedence rule: a period's value, else the month's, else the constant. */
export function valueOn<P extends DateRange, K extends keyof P>(
  date: string,
  constant: Exclude<P[K], undefined>,
  periods: readonly P[] | undefined,
  field: K,
  monthly?: Readonly<Record<string, Exclude<P[K], undefined>>>,
): Exclude<P[K], undefined> {
  const dated = periodValue(periods, field, date);
  if (dated !== undefined) return dated;
  const month = monthly && Object.hasOwn(monthly, date.slice(0, 7)) ? monthly[date.slice(0, 7)] : undefined;
  return month ?? constant;
}

/** Mean people arriving on an ISO date: a period's rate, else the month's total spread evenly, else the constant; undefined if none applies. */
export function peoplePerDayOn(arrivals: Arrivals, date: string): number | undefined {
  const period = periodValue(arrivals.periods, 'peoplePerDay', date);
  if (period !== undefined) return period;
  const month = date.slice(0, 7);
  const monthly = arrivals.monthly && Object.hasOwn(arrivals.monthly, month) ? arrivals.monthly[month] : undefined;
  if (monthly !== undefined) return monthly / daysInMonth(month);
  return arrivals.peoplePerDay;
}

/** The category mix of arrivals on a date (shares as written; the model normalises them). */
export function mixOn(arrivals: Arrivals, date: string): Readonly<Record<string, number>> {
  return valueOn(date, arrivals.mix, arrivals.periods, 'mix', arrivals.monthlyMix);
}
