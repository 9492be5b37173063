// Values that depend on the date: the one reading of "periods override monthly, which overrides
// the constant" shared by the model, the reference checks and the size estimate.

import { daysInMonth } from './calendar-dates.js';
import type { Arrivals } from './schema.js';

/** The first period covering an ISO date (inclusive bounds), if any. */
export function inPeriod<P extends { from: string; to: string }>(periods: readonly P[] | undefined, date: string): P | undefined {
  return periods?.find((p) => p.from <= date && date <= p.to);
}

/** Mean people arriving on an ISO date: a period's rate, else the month's total spread evenly, else the constant; undefined if none applies. */
export function peoplePerDayOn(arrivals: Arrivals, date: string): number | undefined {
  const period = inPeriod(arrivals.periods, date);
  if (period) return period.peoplePerDay;
  const month = date.slice(0, 7);
  const monthly = arrivals.monthly?.[month];
  if (monthly !== undefined) return monthly / daysInMonth(month);
  return arrivals.peoplePerDay;
}
