// What every block of one replication shares: the calendar, the group table, the named random
// streams, the replication number, whether figures are being counted yet, and the date of a day.

import type { EventCalendar } from '../engine/index.js';
import { RandomStreams, type Uniform01 } from '../random/index.js';
import { dateOfDay, weekdayOfDay } from '../scenario/calendar-dates.js';
import { GroupTable } from './groups.js';

export const HOURS_PER_DAY = 24;

export class ModelContext {
  readonly groups = new GroupTable();
  /** False during warm-up: exits and stages add to whole-run figures only once it is true. */
  counting: boolean;
  private readonly streams: RandomStreams;
  private readonly calendarDays: CalendarDays;

  constructor(
    readonly calendar: EventCalendar,
    readonly start: string,
    seed: number,
    readonly replication: number,
    warmupDays: number,
  ) {
    this.streams = new RandomStreams(seed, replication);
    this.calendarDays = calendarFrom(start);
    this.counting = warmupDays === 0;
  }

  /** The stream with this name (see STREAMS in fates.ts for the catalogue). */
  stream(name: string): Uniform01 {
    return this.streams.stream(name);
  }

  /** The ISO date of a day: worked out once per start date in a process, not once per replication. */
  dateOf(day: number): string {
    return this.calendarDays.dates[day] ?? this.calendarDays.extend(day).dates[day];
  }

  weekdayOf(day: number): string {
    return this.calendarDays.weekdays[day] ?? this.calendarDays.extend(day).weekdays[day];
  }
}

/** The dates and weekdays of the days from one start, grown on demand and shared by every replication. */
class CalendarDays {
  readonly dates: string[] = [];
  readonly weekdays: string[] = [];

  constructor(private readonly start: string) {}

  extend(day: number): this {
    for (let d = this.dates.length; d <= day; d++) {
      this.dates.push(dateOfDay(this.start, d));
      this.weekdays.push(weekdayOfDay(this.start, d));
    }
    return this;
  }
}

const CALENDARS = new Map<string, CalendarDays>();

function calendarFrom(start: string): CalendarDays {
  let days = CALENDARS.get(start);
  if (!days) {
    days = new CalendarDays(start);
    CALENDARS.set(start, days);
  }
  return days;
}
