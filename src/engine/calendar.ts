// The event calendar every part of the model schedules on: nothing more than time-ordered callbacks.
// Not a process library: resources, queues and statistics live above it (as in SimPy's core).

/** A scheduled callback. `arg` lets callers pass an index instead of allocating a closure per event. */
export type EventHandler = (arg: number) => void;

/** Opaque handle returned by `schedule`, accepted by `cancel`. */
export type EventId = number;

export interface EventCalendar {
  /** Current simulated time in hours. */
  readonly now: number;
  /** Events scheduled and not yet delivered or cancelled. */
  readonly pending: number;
  /** Events delivered so far (cancelled ones excluded). */
  readonly delivered: number;
  /**
   * Schedules `handler(arg)` at absolute time `at` (hours, `at >= now`).
   * Equal times are delivered in scheduling order.
   */
  schedule(at: number, handler: EventHandler, arg?: number): EventId;
  /** Cancels a pending event; cancelling a delivered or unknown id does nothing. */
  cancel(id: EventId): void;
  /** Delivers every event with time `<= until`, in order, then sets `now = until`. Can be called again to resume. */
  runUntil(until: number): void;
  /** Delivers every event with time `< until`, in order, then sets `now = until`: a horizon that excludes its own instant. */
  runBefore(until: number): void;
}

export type EngineName = 'heap' | 'simjs';
/** The calendars `createCalendar` and `--engine` accept. */
export const ENGINE_NAMES: readonly EngineName[] = ['heap', 'simjs'];

/**
 * The time an event scheduled for `at` is stored under. simjs only offers relative timers
 * (`setTimer(at - now)`) and stores `now + (at - now)`, which can differ from `at` by one ulp;
 * both engines store this same value so that they order events identically to the bit.
 */
export function storedTime(now: number, at: number): number {
  return now + (at - now);
}

export function checkScheduleTime(now: number, at: number): void {
  if (!(at >= now) || !Number.isFinite(at)) {
    throw new RangeError(`cannot schedule an event at ${at} h: the clock is at ${now} h`);
  }
}
