// Everything random about a group, drawn when it is created and always in the same order (size,
// processing time, enrollment, fear, interview outcome and length), so that variants of a scenario
// see the same people: common random numbers. Also the catalogue of every stream's name.

import { sampler, type Sampler, type Uniform01 } from '../random/index.js';
import { DOUBLE_ZERO } from '../stats/double-zero.js';
import type { GroupSize, Mpp, Scenario } from '../scenario/schema.js';
import { enrolledFractionOn } from '../scenario/timeline.js';
import type { DayOpener } from './block.js';
import type { ModelContext } from './context.js';
import { ENROLLED, FEAR, POSITIVE } from './groups.js';
import { SectorRouting, type Destination, type ResolveDestination } from './routing.js';

/** Stream names: a stream's draws depend on its name alone, so these must never change. */
export const STREAMS = {
  groupSize: (category: string) => `group-size:${category}`,
  arrivalCount: (sector: string, category: string) => `arrivals:${sector}:${category}:count`,
  arrivalTime: (sector: string, category: string) => `arrivals:${sector}:${category}:time`,
  arrivalHour: (sector: string) => `arrivals:${sector}:hour`,
  surgeDay: (sector: string) => `surge:${sector}:day`,
  surgePeople: (sector: string) => `surge:${sector}:people`,
  surgeTime: (sector: string) => `surge:${sector}:time`,
  processing: (sector: string) => `processing:${sector}`,
  enrollment: (sector: string) => `enrollment:${sector}`,
  busTravel: (route: string) => `bus:${route}:travel`,
  busReturn: (route: string) => `bus:${route}:return`,
  fear: (screening: string) => `screening:${screening}:fear`,
  outcome: (screening: string) => `screening:${screening}:outcome`,
  interview: (screening: string) => `screening:${screening}:interview`,
  routing: (sector: string) => `routing:${sector}`,
  courtAppearance: (court: string) => `court:${court}:appearance`,
  courtOutcome: (court: string) => `court:${court}:outcome`,
  courtTravel: (court: string) => `court:${court}:travel`,
  courtFearOutcome: (court: string) => `court:${court}:fear-outcome`,
  courtFearInterview: (court: string) => `court:${court}:fear-interview`,
} as const;

export interface Category {
  index: number;
  id: string;
  meanSize: number;
  drawSize: () => number;
}

interface SectorFates {
  processingHours: Sampler | null;
  enrollment: Uniform01;
  /** 1 for the categories this sector enrolls. */
  enrolls: Uint8Array;
  /** Today's enrolled fraction (by arrival date). */
  enrolledToday: number;
  routing: SectorRouting;
  mpp: Mpp | undefined;
}

interface ScreeningFates {
  fearFraction: number;
  positiveRate: number;
  fear: Uniform01;
  outcome: Uniform01;
  interview: Sampler;
}

export class GroupFates implements DayOpener {
  readonly categories: Category[];
  private readonly sectors: SectorFates[];
  private readonly screenings: ScreeningFates[];
  private nextSerial = 0;

  constructor(
    private readonly ctx: ModelContext,
    scenario: Scenario,
    resolve: (sector: number) => ResolveDestination,
    nowhere: (sector: number) => Destination,
  ) {
    this.categories = Object.entries(scenario.categories).map(([id, c], index) => ({
      index,
      id,
      meanSize: meanGroupSize(c.groupSize),
      drawSize: groupSizeSampler(c.groupSize, ctx.stream(STREAMS.groupSize(id))),
    }));
    const eligible = Object.values(scenario.categories).map((c) => c.mppEligible);
    this.sectors = Object.entries(scenario.sectors).map(([id, spec], index) => ({
      processingHours: spec.processing ? sampler(spec.processing.hoursPerGroup, ctx.stream(STREAMS.processing(id))) : null,
      enrollment: ctx.stream(STREAMS.enrollment(id)),
      enrolls: Uint8Array.from(this.categories, (c) => (eligible[c.index] && (!spec.mpp?.categories || spec.mpp.categories.includes(c.id)) ? 1 : 0)),
      enrolledToday: DOUBLE_ZERO, // a fraction, set by openDay before it is read (see stats/double-zero.ts)
      mpp: spec.mpp,
      routing: new SectorRouting(spec, resolve(index), SectorRouting.routes(spec) ? ctx.stream(STREAMS.routing(id)) : null, nowhere(index)),
    }));
    this.screenings = Object.entries(scenario.screenings).map(([id, spec]) => ({
      fearFraction: spec.fearFraction,
      positiveRate: spec.positiveRate,
      fear: ctx.stream(STREAMS.fear(id)),
      outcome: ctx.stream(STREAMS.outcome(id)),
      interview: sampler(spec.interviewMinutes, ctx.stream(STREAMS.interview(id))),
    }));
  }

  /** Draws the group's destination and sets its bus route and return port. */
  private route(slot: number, routing: SectorRouting): Destination {
    const destination = routing.next();
    this.ctx.groups.route[slot] = destination.route;
    this.ctx.groups.returnPort[slot] = destination.port;
    return destination;
  }

  category(id: string): Category {
    return this.categories.find((c) => c.id === id) as Category;
  }

  openDay(day: number): void {
    const date = this.ctx.dateOf(day);
    for (let s = 0; s < this.sectors.length; s++) {
      const sector = this.sectors[s];
      sector.enrolledToday = sector.mpp ? enrolledFractionOn(sector.mpp, date) : 0;
      sector.routing.openDay(date);
    }
  }

  /** A group whose bus route stopped running: a destination by today's shares of its origin. */
  reroute(slot: number): void {
    const g = this.ctx.groups;
    this.route(slot, this.sectors[g.origin[slot]].routing);
  }

  /** A new group of this category from this sector, not yet arrived: its slot in the group table. */
  create(origin: number, category: Category): number {
    const g = this.ctx.groups;
    const sector = this.sectors[origin];
    const slot = g.allocate();
    g.serial[slot] = this.nextSerial++;
    g.size[slot] = category.drawSize();
    g.category[slot] = category.index;
    g.origin[slot] = origin;
    g.site[slot] = origin;
    g.processingHours[slot] = sector.processingHours ? sector.processingHours() : 0;
    let fate = 0;
    const enrolledDraw = sector.enrollment();
    if (sector.enrolls[category.index] && enrolledDraw < sector.enrolledToday) fate |= ENROLLED;
    const destination = this.route(slot, sector.routing);
    if (destination.screening >= 0) {
      const screening = this.screenings[destination.screening];
      if (screening.fear() < screening.fearFraction) fate |= FEAR;
      if (screening.outcome() < screening.positiveRate) fate |= POSITIVE;
      g.interviewHours[slot] = screening.interview() / 60;
    } else {
      g.interviewHours[slot] = 0;
    }
    g.fate[slot] = fate;
    return slot;
  }
}

function meanGroupSize(size: GroupSize): number {
  if (typeof size === 'number') return size;
  const total = size.weights.reduce((a, b) => a + b, 0);
  return size.values.reduce((sum, v, i) => sum + (v * size.weights[i]) / total, 0);
}

function groupSizeSampler(size: GroupSize, source: Uniform01): () => number {
  if (typeof size === 'number') return () => size;
  return sampler({ dist: 'categorical', values: size.values, weights: size.weights }, source);
}
