// Arrivals alone: the daily counts of groups, their times within the day, surges, and the fates
// drawn for each group at creation (common random numbers: the same people in every variant).

import { describe, expect, it } from 'vitest';
import { Arrivals } from '../../src/model/blocks/arrivals.js';
import { GroupFates } from '../../src/model/fates.js';
import { ENROLLED } from '../../src/model/groups.js';
import type { Arrivals as ArrivalsSpec, ScenarioInput } from '../../src/scenario/schema.js';
import { scenario } from '../support/scenarios.js';
import { Sink, context, runDays, stage } from './harness.js';

type SectorInput = ScenarioInput['sectors'][string];

function arrivals(sector: SectorInput, extra: Partial<ScenarioInput> = {}) {
  const s = scenario({ sectors: { a: sector }, ...extra });
  const ctx = context();
  const none = { route: -1, port: -1, screening: -1 };
  const fates = new GroupFates(ctx, s, () => () => none, () => none);
  const block = new Arrivals(ctx, fates, 0, stage('sector', 'a'), s.sectors.a.arrivals as ArrivalsSpec);
  const arrived = new Sink(ctx);
  block.next = arrived.next;
  /** Groups that arrived on each day. */
  const perDay = (days: number): number[] => {
    const counts = new Array<number>(days).fill(0);
    for (const h of arrived.handed) counts[Math.floor(h.at / 24)]++;
    return counts;
  };
  return { ctx, fates, block, arrived, perDay };
}

describe('arrivals', () => {
  it('deterministic counts: whole groups a day, the fraction carried so the mean is exact', () => {
    const { ctx, block, perDay } = arrivals({ holdingCapacity: 10, arrivals: { peoplePerDay: 2.5, count: 'deterministic', mix: { single: 1 } } });
    runDays(ctx, 4, block);
    expect(perDay(4)).toEqual([2, 3, 2, 3]);
  });

  it('splits people by the mix and divides by the mean group size', () => {
    const { ctx, block, arrived } = arrivals(
      { holdingCapacity: 10, arrivals: { peoplePerDay: 40, count: 'deterministic', mix: { single: 0.25, family: 0.75 } } },
      { categories: { single: { groupSize: 1, mppEligible: true }, family: { groupSize: { values: [2, 4], weights: [1, 1] }, mppEligible: true } } },
    );
    runDays(ctx, 1, block);
    const g = ctx.groups;
    const byCategory = [0, 0];
    for (const h of arrived.handed) byCategory[g.category[h.slot]]++;
    // 10 singles; 30 family people in groups of mean 3: 10 groups.
    expect(byCategory).toEqual([10, 10]);
    expect(block.stage.daily.arrivals).toBe(arrived.people);
  });

  it('Poisson counts average the daily rate (tolerance: 4 standard errors of a mean of 200 draws)', () => {
    const { ctx, block, arrived } = arrivals({ holdingCapacity: 10, arrivals: { peoplePerDay: 30, mix: { single: 1 } } });
    runDays(ctx, 200, block);
    // Poisson(30) per day: the mean of 200 days has sd sqrt(30/200) = 0.39.
    expect(Math.abs(arrived.handed.length / 200 - 30)).toBeLessThan(4 * Math.sqrt(30 / 200));
  });

  it('follows the hourly profile: with all weight on 05:00, every arrival falls in that hour', () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h === 5 ? 1 : 0));
    const { ctx, block, arrived } = arrivals({ holdingCapacity: 10, arrivals: { peoplePerDay: 20, mix: { single: 1 }, hourlyProfile: profile } });
    runDays(ctx, 3, block);
    expect(arrived.handed.length).toBeGreaterThan(0);
    expect(arrived.handed.filter((h) => h.at % 24 < 5 || h.at % 24 >= 6)).toEqual([]);
  });

  it('a surge adds groups of its category until its people are reached, spread over its hours', () => {
    const { ctx, block, arrived, perDay } = arrivals({
      holdingCapacity: 10,
      arrivals: { peoplePerDay: 0, count: 'deterministic', mix: { single: 1 }, surge: { probabilityPerDay: 1, people: { dist: 'deterministic', value: 12 }, category: 'single', withinHours: 6 } },
    });
    runDays(ctx, 2, block);
    expect(perDay(2)).toEqual([12, 12]);
    const day0 = arrived.handed.filter((h) => h.at < 24).map((h) => h.at);
    expect(Math.max(...day0) - Math.min(...day0)).toBeCloseTo((6 * 11) / 12, 9);
  });

  it('a surge is spread over withinHours whatever its group size (issue 11 item 4)', () => {
    const { ctx, block, arrived } = arrivals(
      {
        holdingCapacity: 10,
        arrivals: { peoplePerDay: 0, count: 'deterministic', mix: { family: 1 }, surge: { probabilityPerDay: 1, people: { dist: 'deterministic', value: 400 }, category: 'family', withinHours: 10 } },
      },
      { categories: { family: { groupSize: 4, mppEligible: true } } },
    );
    runDays(ctx, 1, block);
    const times = arrived.handed.map((h) => h.at);
    // 100 families, each arriving when the people before it are that share of the 400: the last at 9.9 h.
    expect(times.length).toBe(100);
    expect(Math.max(...times) - Math.min(...times)).toBeCloseTo(9.9, 9);
  });

  it('draws each group fate at creation: the enrolled fraction of the arrival date applies', () => {
    const { ctx, fates, block, arrived } = arrivals({
      holdingCapacity: 10,
      arrivals: { peoplePerDay: 50, count: 'deterministic', mix: { single: 1 } },
      mpp: { enrolledFraction: 0, periods: [{ from: '2019-11-02', to: '2019-11-02', enrolledFraction: 1 }] },
      port: 'p',
    }, { ports: { p: { dailyCap: 10 } } });
    runDays(ctx, 2, fates, block);
    const enrolled = arrived.handed.map((h) => (ctx.groups.fate[h.slot] & ENROLLED ? 1 : 0));
    expect(enrolled).toEqual([...new Array(50).fill(0), ...new Array(50).fill(1)]);
  });
});
