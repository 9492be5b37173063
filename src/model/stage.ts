// Observations of one stage (sector, bus route, screening, port): daily counters, a queue's
// length over time and the waits of those who left it. Feeds stats/ accumulators only.

import { TimeWeighted } from '../stats/index.js';
import { DAILY_COUNTS, type DailyCount, type StageKind } from './results.js';

export class StageObserver {
  readonly daily: Record<DailyCount, number> = zeroCounts();
  readonly total: Record<DailyCount, number> = zeroCounts();
  readonly queue = new TimeWeighted();
  queuedPeople = 0;
  /** People-hours waited by those who left the queue, and how many they were (after warm-up). */
  waitPeopleHours = 0;
  waitPeople = 0;
  counting = true;

  constructor(
    readonly kind: StageKind,
    readonly id: string,
  ) {}

  count(figure: DailyCount, people: number): void {
    this.daily[figure] += people;
  }

  enterQueue(time: number, people: number): void {
    this.queuedPeople += people;
    this.queue.set(time, this.queuedPeople);
  }

  leaveQueue(time: number, people: number, enteredAt: number): void {
    this.queuedPeople -= people;
    this.queue.set(time, this.queuedPeople);
    if (this.counting) {
      this.waitPeopleHours += people * (time - enteredAt);
      this.waitPeople += people;
    }
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
  }
}

function zeroCounts(): Record<DailyCount, number> {
  return Object.fromEntries(DAILY_COUNTS.map((f) => [f, 0])) as Record<DailyCount, number>;
}
