// A court's docket: how many people are booked on each day against the day's slots. A booking takes
// the first day at or after the requested one with room for the whole group (never split), so a
// full docket pushes dates out: waiting times come from capacity, not from an input.

import { dateOfDay, weekdayOfDay } from '../scenario/calendar-dates.js';
import { valueOn } from '../scenario/dated.js';
import type { Court } from '../scenario/schema.js';

/** Days searched ahead for a free slot before a case is left unscheduled (a court that never opens). */
export const DOCKET_SEARCH_DAYS = 3660;

export class Docket {
  private readonly booked: number[] = [];
  private readonly slots: number[] = [];

  /** `slotsOn(day)`: people the court can hear on a day (0 on a closed day); asked once per day. */
  constructor(private readonly slotsOfDay: (day: number) => number) {}

  /** Books `people` on the first day >= `from` with room for them all: that day, or -1 if none within the search. */
  book(from: number, people: number): number {
    const day = this.firstFree(from, people);
    if (day >= 0) this.booked[day] = (this.booked[day] ?? 0) + people;
    return day;
  }

  /** The day a booking of `people` from `from` would get, without booking it. */
  firstFree(from: number, people: number): number {
    for (let day = from; day < from + DOCKET_SEARCH_DAYS; day++) {
      if ((this.booked[day] ?? 0) + people <= this.slotsOn(day)) return day;
    }
    return -1;
  }

  /** Days until a booking of one person made on `day`, at least `leadDays` out, would be heard (null: none within the search). */
  leadDaysFrom(day: number, leadDays: number): number | null {
    const free = this.firstFree(day + leadDays, 1);
    return free < 0 ? null : free - day;
  }

  /** No more bookings on these days (a postponement): those already booked there keep their place. */
  close(from: number, to: number): void {
    for (let day = from; day <= to; day++) this.slots[day] = 0;
  }

  bookedOn(day: number): number {
    return this.booked[day] ?? 0;
  }

  /** People the court can hear on a day. */
  slotsOn(day: number): number {
    let slots = this.slots[day];
    if (slots === undefined) slots = this.slots[day] = this.slotsOfDay(day);
    return slots;
  }
}

/** A court's docket: its dated slots a day, none on its closed weekdays and dates. */
export function docketOf(court: Court, start: string): Docket {
  const closedWeekdays = new Set<string>(court.closedWeekdays);
  const closedDates = new Set(court.closedDates);
  return new Docket((day) => {
    const date = dateOfDay(start, day);
    if (closedDates.has(date) || closedWeekdays.has(weekdayOfDay(start, day))) return 0;
    return valueOn(date, court.slotsPerDay, court.periods, 'slotsPerDay');
  });
}
