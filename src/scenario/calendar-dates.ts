// Day arithmetic on ISO dates in UTC, so that results never depend on the machine's time zone.

const MS_PER_DAY = 86_400_000;

export function parseIsoDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whole days from `start` to `date` (both ISO). */
export function dayIndex(start: string, date: string): number {
  return Math.round((parseIsoDate(date) - parseIsoDate(start)) / MS_PER_DAY);
}

export function dateOfDay(start: string, day: number): string {
  return new Date(parseIsoDate(start) + day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** "YYYY-MM" of the given day. */
export function monthOfDay(start: string, day: number): string {
  return dateOfDay(start, day).slice(0, 7);
}

/** Remembered per month: the model asks once per sector and day (a monthly arrival rate spread over the month). */
const DAYS_IN_MONTH = new Map<string, number>();

export function daysInMonth(month: string): number {
  let days = DAYS_IN_MONTH.get(month);
  if (days === undefined) {
    const [year, m] = month.split('-').map(Number);
    days = new Date(Date.UTC(year, m, 0)).getUTCDate();
    DAYS_IN_MONTH.set(month, days);
  }
  return days;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export function weekdayOfDay(start: string, day: number): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(parseIsoDate(start) + day * MS_PER_DAY).getUTCDay()];
}

/** "HH:MM" to hours after midnight. */
export function clockHours(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h + m / 60;
}

/** The ISO date `days` after an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(parseIsoDate(date) + days * MS_PER_DAY).toISOString().slice(0, 10);
}
