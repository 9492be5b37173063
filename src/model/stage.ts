// Observations of one stage (sector, bus route, screening, port): daily counters, a queue's
// length over time and the waits of those who left it. Feeds stats/ accumulators only.

import { TimeWeighted } from '../stats/time-weighted.js';
import { DAILY_COUNTS, type DailyCount, type StageKind } from './results.js';

export class StageObserver {
  /** Today's counts, in people: the model adds to them directly (`stage.daily.arrivals += n`). */
  readonly daily: Record<DailyCount, number> = zeroCounts();
  readonly total: Record<DailyCount, number> = zeroCounts();
  readonly queue = new TimeWeighted();
  queuedPeople = 0;
  /** People-hours waited by those who left the queue, and how many they were (after warm-up). */
  waitPeopleHours = 0;
  waitPeople = 0;
  /** People who joined the queue after warm-up. */
  enteredPeople = 0;
  /** People-hours spent in the queue after warm-up by those who left it, counting only their time after warm-up. */
  private windowPeopleHours = 0;
  /** The sum over people now in the queue of their entry time, clamped to the start of the window. */
  private entryTimes = 0;
  private windowStart = 0;
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

  /** Adds the day's counts to the totals (if counted) and zeroes them. */
  closeDay(keep: boolean): Record<DailyCount, number> {
    const day = { ...this.daily };
    for (const figure of DAILY_COUNTS) {
      if (keep) this.total[figure] += this.daily[figure];
      this.daily[figure] = 0;
    }
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

/** A literal, so every stage's counters share one object shape and `stage.daily.arrivals += n` is a plain field update. */
function zeroCounts(): Record<DailyCount, number> {
  return {
    arrivals: 0, released: 0, processed: 0, enrolled: 0, other: 0, bus_arrivals: 0, departures: 0,
    seats_offered: 0, boarded: 0, interviewed: 0, screened_out: 0, returned: 0, cap: 0,
    crossings_in: 0, returned_after_hearing: 0, hearings_scheduled: 0, hearings_held: 0, in_absentia: 0,
    resets: 0, removal_ordered: 0, relief: 0, terminated: 0,
  };
}
