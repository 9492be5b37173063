// What a stage and a staff pool observed, as the metrics read them: plain shapes (a StageObserver is one).

import type { TimeWeighted } from '../stats/time-weighted.js';
import type { DailyCount } from './results.js';

/** What one stage observed (a StageObserver is one). */
export interface StageFigures {
  readonly id: string;
  readonly total: Readonly<Record<DailyCount, number>>;
  readonly queue: TimeWeighted;
  readonly queuedPeople: number;
  readonly waitPeopleHours: number;
  readonly waitPeople: number;
  readonly enteredPeople: number;
  peopleHoursInWindow(end: number): number;
}

export interface StaffFigures {
  readonly busyOverTime: TimeWeighted;
  readonly onDutyOverTime: TimeWeighted;
}
