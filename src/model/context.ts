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
  private cachedDay = -1;
  private cachedDate = '';
  private cachedWeekday = '';

  constructor(
    readonly calendar: EventCalendar,
    readonly start: string,
    seed: number,
    readonly replication: number,
    warmupDays: number,
  ) {
    this.streams = new RandomStreams(seed, replication);
    this.counting = warmupDays === 0;
  }

  /** The stream with this name (see STREAMS in fates.ts for the catalogue). */
  stream(name: string): Uniform01 {
    return this.streams.stream(name);
  }

  /** The ISO date of a day, computed once a day rather than once per block. */
  dateOf(day: number): string {
    this.cache(day);
    return this.cachedDate;
  }

  weekdayOf(day: number): string {
    this.cache(day);
    return this.cachedWeekday;
  }

  private cache(day: number): void {
    if (this.cachedDay === day) return;
    this.cachedDay = day;
    this.cachedDate = dateOfDay(this.start, day);
    this.cachedWeekday = weekdayOfDay(this.start, day);
  }
}
