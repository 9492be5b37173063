// The protocol every block of the flow implements, and the two callbacks the network hands it.
// A block owns its state and rules; it learns where a group goes next only through these callbacks.

import { InvariantError } from './invariants.js';
import type { DailyRow, Exit } from './results.js';
import type { StageObserver } from './stage.js';

/** Hands a group (by its slot in the group table) to whatever comes next in the flow. */
export type Next = (slot: number) => void;
/** Takes a group out of the model through one of the exits. */
export type Leave = (slot: number, exit: Exit) => void;

/** Anything that acts at the start of each day (blocks, and the group fates' dated fractions). */
export interface DayOpener {
  openDay(day: number, now: number): void;
}

export interface Block extends DayOpener {
  /** The stage whose daily counts and queue this block feeds; a sector's blocks share one. */
  readonly stage: StageObserver;
  /** Writes this block's own figures into its stage's row for the day that just closed. */
  closeDay(now: number, row: DailyRow): void;
  /** Starts this block's whole-run statistics afresh at the end of warm-up. */
  restart(now: number): void;
}

/** The callback a block holds until the network wires it: reaching it is a bug. */
export function unwired(): never {
  throw new InvariantError('a block was used before the network wired it');
}
