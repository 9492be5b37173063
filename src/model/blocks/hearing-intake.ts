// A port's intake of people presenting for their hearings, when the port sets `hearingIntakePerDay`.
// Rules: at most that many people a day, whole groups in the order they present; once a group does not
// fit, the intake is full for the day and that group and everyone presenting after it miss their
// hearing. A group refused is not in absentia: it goes back to waiting in Mexico and is booked again,
// as the morning's hearings were rescheduled when a bridge closed (KRGV, 10 Oct 2019).

import { unwired, type Block, type Next } from '../block.js';
import type { ModelContext } from '../context.js';
import { InvariantError } from '../invariants.js';
import type { DailyRow } from '../results.js';
import type { StageObserver } from '../stage.js';

export class HearingIntake implements Block {
  /** A group taken in crosses to the US side for its hearing. */
  next: Next = unwired;
  /** A group the intake could not take in misses its hearing and waits in Mexico again. */
  refused: Next = unwired;
  /** People refused after warm-up. */
  refusedTotal = 0;
  private takenToday = 0;
  private refusedToday = 0;
  private fullToday = false;

  constructor(
    private readonly ctx: ModelContext,
    /** The port's stage: the intake writes into the port's daily row. */
    readonly stage: StageObserver,
    private readonly perDay: number,
  ) {}

  /** A group that appeared for its hearing presents at the port. */
  present(slot: number): void {
    const size = this.ctx.groups.size[slot];
    if (!this.fullToday && this.takenToday + size <= this.perDay) {
      this.takenToday += size;
      this.next(slot);
      return;
    }
    // First in line, first in: nobody behind a group that did not fit overtakes it.
    this.fullToday = true;
    this.refusedToday += size;
    this.refused(slot);
  }

  openDay(): void {
    this.takenToday = 0;
    this.fullToday = false;
  }

  closeDay(_now: number, row: DailyRow): void {
    if (this.takenToday > this.perDay) throw new InvariantError(`port ${this.stage.id} took in ${this.takenToday} people for hearings in a day, over its intake of ${this.perDay}`);
    row.optional = { ...row.optional, intake_refused: this.refusedToday };
    if (this.ctx.counting) this.refusedTotal += this.refusedToday;
    this.refusedToday = 0;
  }

  restart(): void {}
}
