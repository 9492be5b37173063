// Apprehensions at one sector: each day, per category, a count of groups (Poisson, negative binomial
// or deterministic with the fraction carried over) at times spread over the day or an hourly profile,
// plus an occasional surge. Every group is created (fates drawn) at the start of its day. The mix
// may change by month or period: each category named in any mix has its own streams throughout.

import { categoricalIndex, countSampler, sampler, type Sampler, type Uniform01 } from '../../random/index.js';
import { mixOn, peoplePerDayOn } from '../../scenario/dated.js';
import type { Arrivals as ArrivalsSpec } from '../../scenario/schema.js';
import { unwired, type Block, type Next } from '../block.js';
import { HOURS_PER_DAY, type ModelContext } from '../context.js';
import { STREAMS, type Category, type GroupFates } from '../fates.js';
import type { StageObserver } from '../stage.js';

interface CategoryStream {
  category: Category;
  share: number;
  count: (mean: number) => number;
  time: Uniform01;
  carry: number;
}

interface Surge {
  happens: Uniform01;
  people: Sampler;
  time: Uniform01;
  category: Category;
  withinHours: number;
  p: number;
}

export class Arrivals implements Block {
  /** Where an arrived group goes (holding); set by the network. */
  next: Next = unwired;
  private readonly streams: CategoryStream[] = [];
  private readonly hourOfArrival: (() => number) | null = null;
  private readonly surge: Surge | null = null;
  /** Whether the mix changes by date (else the shares set at construction hold throughout). */
  private readonly datedMix: boolean;
  private mixToday: Readonly<Record<string, number>> | null = null;

  constructor(
    private readonly ctx: ModelContext,
    private readonly fates: GroupFates,
    readonly index: number,
    readonly stage: StageObserver,
    private readonly spec: ArrivalsSpec,
  ) {
    const id = stage.id;
    this.datedMix = Boolean(spec.monthlyMix || spec.periods?.some((p) => p.mix));
    const shares = normalised(spec.mix);
    for (const categoryId of categoriesInAnyMix(spec)) {
      const share = shares[categoryId] ?? 0;
      const countSource = ctx.stream(STREAMS.arrivalCount(id, categoryId));
      const count =
        spec.count === 'deterministic'
          ? (mean: number) => mean
          : countSampler(countSource, spec.count === 'negative-binomial' ? spec.dispersion : undefined);
      const time = ctx.stream(STREAMS.arrivalTime(id, categoryId));
      this.streams.push({ category: fates.category(categoryId), share, count, time, carry: 0 });
    }
    if (spec.hourlyProfile) this.hourOfArrival = categoricalIndex(spec.hourlyProfile, ctx.stream(STREAMS.arrivalHour(id)));
    const surge = spec.surge;
    if (surge) {
      this.surge = {
        happens: ctx.stream(STREAMS.surgeDay(id)),
        people: sampler(surge.people, ctx.stream(STREAMS.surgePeople(id))),
        time: ctx.stream(STREAMS.surgeTime(id)),
        category: fates.category(surge.category),
        withinHours: surge.withinHours,
        p: surge.probabilityPerDay,
      };
    }
  }

  /** Mean people apprehended on a day (0 where the scenario gives no rate). */
  peoplePerDay(day: number): number {
    return peoplePerDayOn(this.spec, this.ctx.dateOf(day)) ?? 0;
  }

  openDay(day: number, dayStart: number): void {
    const people = this.peoplePerDay(day);
    if (this.datedMix) this.readMix(this.ctx.dateOf(day));
    const streams = this.streams;
    for (let s = 0; s < streams.length; s++) {
      const stream = streams[s];
      if (stream.share <= 0) continue;
      const mean = (people * stream.share) / stream.category.meanSize;
      let groups: number;
      if (this.spec.count === 'deterministic') {
        // Whole groups each day; the fraction carries over so the long-run mean is exact.
        stream.carry += mean;
        groups = Math.floor(stream.carry + 1e-9);
        stream.carry -= groups;
      } else {
        groups = stream.count(mean);
      }
      for (let i = 0; i < groups; i++) {
        const hour = this.hourOfArrival ? this.hourOfArrival() + stream.time() : HOURS_PER_DAY * stream.time();
        this.schedule(stream.category, dayStart + hour);
      }
    }
    const surge = this.surge;
    if (surge && surge.happens() < surge.p) {
      const people = Math.round(surge.people());
      const start = dayStart + HOURS_PER_DAY * surge.time();
      // Each group arrives when the people before it are that share of the surge, so the surge spans
      // withinHours whatever the size of its groups (not withinHours x groups / people).
      for (let total = 0; total < people; ) {
        const slot = this.schedule(surge.category, start + (surge.withinHours * total) / people);
        total += this.ctx.groups.size[slot];
      }
    }
  }

  closeDay(): void {}

  private readMix(date: string): void {
    const mix = mixOn(this.spec, date);
    if (mix === this.mixToday) return;
    this.mixToday = mix;
    const shares = normalised(mix);
    for (const stream of this.streams) stream.share = shares[stream.category.id] ?? 0;
  }

  restart(): void {}

  private schedule(category: Category, at: number): number {
    const slot = this.fates.create(this.index, category);
    this.ctx.calendar.schedule(at, this.onArrival, slot);
    return slot;
  }

  private readonly onArrival = (slot: number): void => {
    const g = this.ctx.groups;
    g.arrived[slot] = this.ctx.calendar.now;
    this.stage.daily.arrivals += g.size[slot];
    this.next(slot);
  };
}

/** Shares scaled to sum to 1 (validation keeps the written ones within rounding of it). */
function normalised(mix: Readonly<Record<string, number>>): Record<string, number> {
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(mix).map(([c, share]) => [c, total > 0 ? share / total : 0]));
}

/** The constant mix's categories with a share first (the order of their streams before dated mixes), then any other a dated mix names. */
function categoriesInAnyMix(spec: ArrivalsSpec): string[] {
  const order = Object.entries(spec.mix).filter(([, share]) => share > 0).map(([c]) => c);
  const dated = [...Object.values(spec.monthlyMix ?? {}), ...(spec.periods ?? []).map((p) => p.mix ?? {})];
  for (const mix of dated) for (const [c, share] of Object.entries(mix)) if (share > 0 && !order.includes(c)) order.push(c);
  return order;
}
