// An immigration court for people waiting in Mexico. Rules: a case returned to Mexico is booked on
// the docket's first day with room for the whole group at least the notice lead time away; on that
// day the group presents at its port the call time before the hearing, or does not (in absentia);
// one that appears crosses in (through the port's intake, if it has one), is taken to court, heard,
// and either decided (an exit) or reset: taken back to its port, returned through the day's cap like
// any return, and booked again. Fear at a hearing goes to the court's screening: positive leaves,
// negative is reset. How people get to court and back is the network's: travel alone, or transport.
// A postponement (postponement.ts) gives a hearing booked in it, at its call time, a date after it.

import { sampler, type Sampler, type Uniform01 } from '../../random/index.js';
import { clockHours } from '../../scenario/calendar-dates.js';
import type { Court as CourtSpec, Screening } from '../../scenario/schema.js';
import { unwired, type Block, type Leave, type Next } from '../block.js';
import { CaseClock, type CaseTiming } from '../case-timing.js';
import { HOURS_PER_DAY, type ModelContext } from '../context.js';
import { docketOf, type Docket } from '../docket.js';
import { STREAMS } from '../fates.js';
import { AT_HEARING, IN_MEXICO, POSITIVE } from '../groups.js';
import { Postponements } from '../postponement.js';
import type { DailyRow } from '../results.js';
import type { StageObserver } from '../stage.js';

export class Court implements Block {
  readonly docket: Docket;
  private readonly clock: CaseClock;
  /** The court's dated postponements, if it has any (the network opens them before the court). */
  readonly postponements: Postponements | null;
  /** People crossed back for a hearing and not yet returned or decided: in US custody, at no site. */
  attending = 0;
  /** A group that appeared presents at its port; the network hands it back to `crossedIn`, or to `arriveInMexico` if refused. */
  present: Next = unwired;
  /** A group crossed in is counted at its port, then taken to court: `travelToCourt`, or transport that ends in `arriveAtCourt`. */
  crossIn: Next = unwired;
  toCourt: Next = unwired;
  /** A reset group leaves the court for its port (`travelBack`, or transport); at the port, `backToPort` returns it. */
  fromCourt: Next = unwired;
  backToPort: Next = unwired;
  /** A group that expressed fear at its hearing goes to the court's screening; set by the network. */
  toScreening: Next = unwired;
  leave: Leave = unwired;
  private readonly appearance: Uniform01;
  private readonly outcome: Uniform01;
  private readonly travel: Sampler;
  private readonly fear: { positiveRate: number; positive: Uniform01; interview: Sampler } | null;
  private readonly hearingHour: number;
  private leadDaysToday = 0;
  private bookingsToday = 0;

  constructor(
    private readonly ctx: ModelContext,
    readonly stage: StageObserver,
    readonly spec: CourtSpec,
    /** Days to first hearing and to decision over every court; `ownTiming` holds this court's. */
    timing: CaseTiming,
    /** The screening fear at a hearing is referred to, if the court names one. */
    screening: Screening | null = null,
  ) {
    const id = stage.id;
    this.appearance = ctx.stream(STREAMS.courtAppearance(id));
    this.outcome = ctx.stream(STREAMS.courtOutcome(id));
    this.travel = sampler(spec.travelHours, ctx.stream(STREAMS.courtTravel(id)));
    this.hearingHour = clockHours(spec.hearingTime);
    this.fear = screening ? { positiveRate: screening.positiveRate, positive: ctx.stream(STREAMS.courtFearOutcome(id)), interview: sampler(screening.interviewMinutes, ctx.stream(STREAMS.courtFearInterview(id))) } : null;
    this.docket = docketOf(spec, ctx.start);
    this.clock = new CaseClock(ctx, timing);
    this.postponements = spec.postponements ? new Postponements(ctx, stage, spec.postponements, this.docket) : null;
  }

  get ownTiming(): CaseTiming {
    return this.clock.own;
  }

  /**
   * A group waits in Mexico (crossed back, or never let in): booked from today the notice lead time
   * away for a first hearing, the reset interval for a later one, unless told otherwise.
   */
  arriveInMexico(slot: number, leadDays = this.ctx.groups.hearingsHeld[slot] === 0 ? this.spec.leadDays : this.spec.resetDays): void {
    const g = this.ctx.groups;
    const now = this.ctx.calendar.now;
    g.phase[slot] = IN_MEXICO;
    g.queuedAt[slot] = now;
    this.stage.enterQueue(now, g.size[slot]);
    this.book(slot, leadDays);
  }

  openDay(day: number): void {
    this.stage.daily.cap += this.docket.slotsOn(day);
  }

  closeDay(_now: number, row: DailyRow): void {
    row.docketLeadDays = this.bookingsToday > 0 ? this.leadDaysToday / this.bookingsToday : null;
    this.leadDaysToday = 0;
    this.bookingsToday = 0;
  }

  restart(): void {}

  private book(slot: number, leadDays: number): void {
    const g = this.ctx.groups;
    const now = this.ctx.calendar.now;
    const today = Math.floor(now / HOURS_PER_DAY);
    const callAt = (day: number): number => day * HOURS_PER_DAY + this.hearingHour - this.spec.callHours;
    let from = today + leadDays;
    // The call time of a same-day booking may already have passed: the first day it has not.
    while (callAt(from) < now) from++;
    const day = this.docket.book(from, g.size[slot]);
    if (day < 0) return; // no slot within the search: the case waits in Mexico unheard
    this.stage.daily.hearings_scheduled += g.size[slot];
    this.leadDaysToday += (day - today) * g.size[slot];
    this.bookingsToday += g.size[slot];
    this.ctx.calendar.schedule(callAt(day), this.onCallTime, slot);
  }

  private readonly onCallTime = (slot: number): void => {
    const g = this.ctx.groups;
    const now = this.ctx.calendar.now;
    const size = g.size[slot];
    this.stage.leaveQueue(now, size, g.queuedAt[slot]);
    // Drawn even for a postponed hearing, so that a postponement shifts nobody else's draws.
    const absent = this.appearance() < byHearing(this.spec.noShow, g.hearingsHeld[slot]);
    const resumes = this.postponements?.postpone(Math.round((now + this.spec.callHours - this.hearingHour) / HOURS_PER_DAY), size) ?? -1;
    if (resumes >= 0) return this.arriveInMexico(slot, resumes - Math.floor(now / HOURS_PER_DAY));
    if (absent) {
      this.stage.daily.in_absentia += size;
      this.decide(slot, 'in_absentia');
      return;
    }
    this.present(slot);
  };

  /** Taken in at the port: in US custody, at no site, until returned or decided. */
  crossedIn(slot: number): void {
    this.ctx.groups.phase[slot] = AT_HEARING;
    this.attending += this.ctx.groups.size[slot];
    this.crossIn(slot);
    this.toCourt(slot);
  }

  /** On their own (or driven at once): at court after the travel time, heard no earlier than the hearing time. */
  travelToCourt(slot: number): void {
    const now = this.ctx.calendar.now;
    const hearingAt = Math.max(now + this.travel(), Math.floor(now / HOURS_PER_DAY) * HOURS_PER_DAY + this.hearingHour);
    this.ctx.calendar.schedule(hearingAt, this.onHearing, slot);
  }

  /** Brought by transport: heard now, or at the day's hearing time if earlier. */
  arriveAtCourt(slot: number): void {
    const now = this.ctx.calendar.now;
    this.ctx.calendar.schedule(Math.max(now, Math.floor(now / HOURS_PER_DAY) * HOURS_PER_DAY + this.hearingHour), this.onHearing, slot);
  }

  travelBack(slot: number): void {
    this.ctx.calendar.schedule(this.ctx.calendar.now + this.travel(), this.onBackAtPort, slot);
  }

  private readonly onHearing = (slot: number): void => {
    const g = this.ctx.groups;
    const size = g.size[slot];
    if (g.hearingsHeld[slot] === 0) this.clock.firstHearing(slot);
    g.hearingsHeld[slot]++;
    this.stage.daily.hearings_held += size;
    const shares = byHearing(this.spec.outcomes, g.hearingsHeld[slot] - 1);
    const u = this.outcome();
    if (u < shares.reset) {
      this.stage.daily.resets += size;
      this.fromCourt(slot);
      return;
    }
    if (u >= 1 - shares.fear && this.fear) {
      // Fear at a hearing: the screening decides; its outcome and length come from this court's own streams.
      g.fate[slot] = this.fear.positive() < this.fear.positiveRate ? g.fate[slot] | POSITIVE : g.fate[slot] & ~POSITIVE;
      g.interviewHours[slot] = this.fear.interview() / 60;
      this.toScreening(slot);
      return;
    }
    this.attending -= size;
    const decision = u < shares.reset + shares.removal ? 'removal_ordered' : u < shares.reset + shares.removal + shares.relief ? 'relief' : 'terminated';
    this.stage.daily[decision] += size;
    this.decide(slot, decision);
  };

  private readonly onBackAtPort = (slot: number): void => {
    this.backToPort(slot);
  };

  private decide(slot: number, decision: 'in_absentia' | 'removal_ordered' | 'relief' | 'terminated'): void {
    this.clock.decided(slot);
    this.leave(slot, decision);
  }
}

/** The entry for a hearing by its number (0: the first); the last entry holds for every later one. */
function byHearing<T>(list: readonly T[], hearing: number): T {
  return list[Math.min(hearing, list.length - 1)];
}
