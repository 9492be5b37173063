// Observations of one stage (sector, bus route, screening, port): daily counters, a queue's
// length over time and the waits of those who left it. Feeds stats/ accumulators only.

import { DOUBLE_ZERO } from '../stats/double-zero.js';
import { TimeWeighted } from '../stats/time-weighted.js';
import { type DailyCount, type StageKind } from './results.js';

export class StageObserver {
  /** Today's counts, in people: the model adds to them directly (`stage.daily.arrivals += n`). A fresh object each day: hold the stage, never its `daily`. */
  daily: Record<DailyCount, number> = zeroCounts();
  readonly total: Record<DailyCount, number> = zeroCounts();
  readonly queue = new TimeWeighted();
  queuedPeople = 0;
  // Hours start as doubles (see stats/double-zero.ts): each is added to before it is read.
  /** People-hours waited by those who left the queue, and how many they were (after warm-up). */
  waitPeopleHours = DOUBLE_ZERO;
  waitPeople = 0;
  /** People who joined the queue after warm-up. */
  enteredPeople = 0;
  /** People-hours spent in the queue after warm-up by those who left it, counting only their time after warm-up. */
  private windowPeopleHours = DOUBLE_ZERO;
  /** The sum over people now in the queue of their entry time, clamped to the start of the window. */
  private entryTimes = DOUBLE_ZERO;
  private windowStart = DOUBLE_ZERO;
  counting = true;

  constructor(
    readonly kind: StageKind,
    readonly id: string,
  ) {}

  enterQueue(time: number, people: number): void {
    this.queuedPeople += people;
    this.queue.set(time, this.queuedPeople);
    this.entryTimes += people * time;
    if (this.counting) this.enteredPeople += people;
  }

  leaveQueue(time: number, people: number, enteredAt: number): void {
    this.queuedPeople -= people;
    this.queue.set(time, this.queuedPeople);
    const windowEntry = Math.max(enteredAt, this.windowStart);
    this.entryTimes -= people * windowEntry;
    if (this.counting) {
      this.waitPeopleHours += people * (time - enteredAt);
      this.waitPeople += people;
      this.windowPeopleHours += people * (time - windowEntry);
    }
  }

  /**
   * People-hours spent in the queue after warm-up, up to `end`: by those who left it and by those
   * still waiting (their wait so far). Computed from entry and exit times, independently of the
   * time-weighted queue length, so that the two can be checked against each other (Little's law).
   */
  peopleHoursInWindow(end: number): number {
    return this.windowPeopleHours + (this.queuedPeople * end - this.entryTimes);
  }

  /** Adds the day's counts to the totals (if counted) and hands them over; the next day counts afresh. */
  closeDay(keep: boolean): Record<DailyCount, number> {
    const day = this.daily;
    this.daily = zeroCounts();
    if (keep) addCounts(this.total, day);
    return day;
  }

  /** Starts whole-run statistics afresh at the end of warm-up. */
  restart(time: number): void {
    this.queue.restartTotal(time);
    this.waitPeopleHours = 0;
    this.waitPeople = 0;
    this.enteredPeople = 0;
    this.windowPeopleHours = 0;
    // Everyone waiting now enters the window now: only their time from here on is counted.
    this.windowStart = time;
    this.entryTimes = this.queuedPeople * time;
  }
}

/** Written out rather than a loop over DAILY_COUNTS: it runs per stage per day, mostly before the optimizer has seen it. */
function addCounts(total: Record<DailyCount, number>, day: Readonly<Record<DailyCount, number>>): void {
  total.arrivals += day.arrivals;
  total.released += day.released;
  total.processed += day.processed;
  total.enrolled += day.enrolled;
  total.other += day.other;
  total.bus_arrivals += day.bus_arrivals;
  total.departures += day.departures;
  total.seats_offered += day.seats_offered;
  total.boarded += day.boarded;
  total.interviewed += day.interviewed;
  total.screened_out += day.screened_out;
  total.returned += day.returned;
  total.cap += day.cap;
  total.crossings_in += day.crossings_in;
  total.returned_after_hearing += day.returned_after_hearing;
  total.hearings_scheduled += day.hearings_scheduled;
  total.hearings_held += day.hearings_held;
  total.in_absentia += day.in_absentia;
  total.resets += day.resets;
  total.removal_ordered += day.removal_ordered;
  total.relief += day.relief;
  total.terminated += day.terminated;
}

/** A literal, so every stage's counters share one object shape and `stage.daily.arrivals += n` is a plain field update. */
function zeroCounts(): Record<DailyCount, number> {
  return {
    arrivals: 0, released: 0, processed: 0, enrolled: 0, other: 0, bus_arrivals: 0, departures: 0,
    seats_offered: 0, boarded: 0, interviewed: 0, screened_out: 0, returned: 0, cap: 0,
    crossings_in: 0, returned_after_hearing: 0, hearings_scheduled: 0, hearings_held: 0, in_absentia: 0,
    resets: 0, removal_ordered: 0, relief: 0, terminated: 0,
  };
}
