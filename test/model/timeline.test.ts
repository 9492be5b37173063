// The policy timeline in the model: each dated value takes effect on its first day and ends after
// its last, and routing by shares draws from its own stream (common random numbers).

import { describe, expect, it } from 'vitest';
import { simulate, type DailyRow } from '../../src/model/index.js';
import { Service, SCREENING } from '../../src/model/blocks/service.js';
import type { Staffing } from '../../src/scenario/schema.js';
import { metric, scenario } from '../support/scenarios.js';
import { context, runDays, stage } from './harness.js';

const rowsOf = (daily: readonly DailyRow[], id: string): DailyRow[] => daily.filter((r) => r.id === id);
// Day d of a run starting 2019-11-01 is 2019-11-(d+1).
const tucson = (mpp: object) => ({
  holdingCapacity: 100_000,
  arrivals: { peoplePerDay: 200, count: 'deterministic' as const, mix: { single: 1 } },
  mpp: { enrolledFraction: 1, ...mpp },
});
const elPaso = { holdingCapacity: 100_000, port: 'juarez' };
const wide = { juarez: { dailyCap: 100_000 }, nogales: { dailyCap: 100_000 } };
const route = (extra: object) => ({
  from: 'tucson', to: 'el-paso', departures: ['08:00'], busesPerDeparture: 1, seatsPerBus: 50,
  travelHours: { dist: 'deterministic' as const, value: 5 }, ...extra,
});

describe('dated capacities take effect on their dates', () => {
  it('seats offered double on the day a second bus starts, and stop after the route\'s last day', () => {
    const s = scenario({
      days: 8,
      sectors: { tucson: tucson({ bus: 'bus' }), 'el-paso': elPaso },
      busRoutes: { bus: route({ periods: [{ from: '2019-11-04', to: '2019-11-30', busesPerDeparture: 2 }, { from: '2019-11-07', to: '2019-11-30', active: false }] }) },
      ports: wide,
    });
    const seats = rowsOf(simulate(s).daily, 'bus').map((r) => r.counts.seats_offered);
    expect(seats).toEqual([50, 50, 50, 100, 100, 100, 0, 0]);
  });

  it('on the first day a route does not run, those still waiting for it are routed by that day\'s destinations', () => {
    const s = scenario({
      days: 5,
      sectors: {
        tucson: tucson({ destinations: { bus: 1 }, periods: [{ from: '2019-11-04', to: '2019-11-30', destinations: { nogales: 1 } }] }),
        'el-paso': elPaso,
      },
      busRoutes: { bus: route({ periods: [{ from: '2019-11-04', to: '2019-11-30', active: false }] }) },
      ports: wide,
    });
    const daily = simulate(s).daily;
    // 200 a day for a 50-seat bus: 150 more wait each day; on day 4 the 450 waiting go to Nogales.
    expect(rowsOf(daily, 'bus').map((r) => r.queueEnd)).toEqual([150, 300, 450, 0, 0]);
    expect(rowsOf(daily, 'nogales').map((r) => r.counts.returned)).toEqual([0, 0, 0, 650, 200]);
  });

  it('a larger fleet from a date sends more buses at once; a smaller one retires buses as they come back', () => {
    // Two departures a day (08:00, 20:00), a 30 h round trip (5 h there, 25 h back).
    const s = scenario({
      days: 6,
      sectors: { tucson: tucson({ bus: 'bus' }), 'el-paso': elPaso },
      busRoutes: {
        bus: route({
          departures: ['08:00', '20:00'],
          fleet: { buses: 1, returnHours: { dist: 'deterministic', value: 25 } },
          periods: [{ from: '2019-11-03', to: '2019-11-04', fleetBuses: 3 }],
        }),
      },
      ports: wide,
    });
    const departures = rowsOf(simulate(s).daily, 'bus').map((r) => r.counts.departures);
    // Days 0-1: the one bus leaves at 08:00 (back at 38:00), then at 44:00. Day 2 (fleet 3): two more at
    // once, at 56:00 and 68:00. Day 3: the first back leaves at 80:00, the second at 92:00. Day 4 (fleet 1
    // again): 3 away, so the two back first (98:00, 110:00) retire and nothing leaves; day 5 the last is back.
    expect(departures).toEqual([1, 1, 2, 2, 0, 1]);
  });

  it('a route that starts on a date offers no seat before it', () => {
    const s = scenario({
      days: 5,
      sectors: { tucson: tucson({ bus: 'bus' }), 'el-paso': elPaso },
      busRoutes: { bus: route({ active: false, periods: [{ from: '2019-11-03', to: '2019-11-30', active: true }] }) },
      ports: wide,
    });
    const rows = rowsOf(simulate(s).daily, 'bus');
    expect(rows.map((r) => r.counts.boarded)).toEqual([0, 0, 50, 50, 50]);
  });

  it('a port returns nobody before it opens, then up to its cap; its dated cap holds on its days only', () => {
    const s = scenario({
      days: 6,
      sectors: { tucson: { ...tucson({}), port: 'nogales' } },
      ports: { nogales: { dailyCap: 120, active: false, periods: [{ from: '2019-11-03', to: '2019-11-30', active: true }, { from: '2019-11-05', to: '2019-11-05', dailyCap: 500 }] } },
    });
    const returned = rowsOf(simulate(s).daily, 'nogales').map((r) => r.counts.returned);
    // 200 a day arrive; nothing leaves for two days (400 waiting), then 120 a day, then a 500 day.
    expect(returned).toEqual([0, 0, 120, 120, 500, 120]);
  });

  it('holding capacity falls on its date: from then on arrivals beyond it are released, nobody held is put out', () => {
    const s = scenario({
      days: 4,
      sectors: { tucson: { ...tucson({ enrolledFraction: 0 }), holdingCapacity: 1000, processing: { agents: 0, hoursPerGroup: { dist: 'deterministic', value: 1 } }, periods: [{ from: '2019-11-03', to: '2019-11-03', holdingCapacity: 500 }, { from: '2019-11-04', to: '2019-11-30', holdingCapacity: 300 }] } },
    });
    const rows = rowsOf(simulate(s).daily, 'tucson');
    // Nobody is processed (no agents): 200 held a day until 500, then nobody above 300 is admitted.
    expect(rows.map((r) => r.counts.released)).toEqual([0, 0, 100, 200]);
    expect(rows.map((r) => r.occupancyEnd)).toEqual([200, 400, 500, 500]);
  });

  it("officers' on-duty numbers change at the midnight their period starts", () => {
    const ctx = context();
    const before: Staffing = [{ from: '08:00', to: '16:00', count: 1 }];
    const after: Staffing = 3;
    const service = new Service(ctx, stage('screening'), SCREENING, before, (date) => (date >= '2019-11-03' ? after : before));
    const seen: number[] = [];
    for (let day = 0; day < 4; day++) for (const hour of [2, 12]) ctx.calendar.schedule(day * 24 + hour, () => seen.push(service.pool!.onDuty));
    runDays(ctx, 4, service);
    expect(seen).toEqual([0, 1, 0, 1, 3, 3, 3, 3]);
  });

  it('the enrolled fraction follows its months (a roll-out)', () => {
    const s = scenario({
      start: '2019-10-30',
      days: 4,
      sectors: { tucson: { ...tucson({ enrolledFraction: 0, monthly: { '2019-11': 1 } }), port: 'nogales' } },
      ports: wide,
    });
    const enrolled = rowsOf(simulate(s).daily, 'tucson').map((r) => r.counts.enrolled);
    expect(enrolled).toEqual([0, 0, 200, 200]);
  });

  it('the category mix follows its months', () => {
    const s = scenario({
      start: '2019-10-30',
      days: 4,
      categories: { single: { groupSize: 1, mppEligible: true }, family: { groupSize: 2, mppEligible: true } },
      sectors: {
        tucson: {
          holdingCapacity: 100_000,
          arrivals: { peoplePerDay: 100, count: 'deterministic', mix: { single: 1 }, monthlyMix: { '2019-11': { single: 0.4, family: 0.6 } } },
          mpp: { enrolledFraction: 1, categories: ['family'] },
          port: 'nogales',
        },
      },
      ports: wide,
    });
    // Only families are enrolled: none in October, 60 people a day in November.
    const enrolled = rowsOf(simulate(s).daily, 'tucson').map((r) => r.counts.enrolled);
    expect(enrolled).toEqual([0, 0, 60, 60]);
  });
});

describe('routing to several destinations', () => {
  const routed = (shares: Record<string, number>) =>
    scenario({
      days: 30,
      sectors: {
        tucson: { ...tucson({ enrolledFraction: 0.5, destinations: shares }), arrivals: { peoplePerDay: 100, mix: { single: 1 } }, processing: { agents: 2, hoursPerGroup: { dist: 'exponential', mean: 0.2 } } },
      },
      ports: wide,
    });

  it('shares of 0.3 / 0.7 between two ports land inside a 99.9% binomial interval', () => {
    const m = simulate(routed({ juarez: 0.3, nogales: 0.7 })).metrics;
    const toJuarez = metric(m, 'returned', 'juarez');
    const n = toJuarez + metric(m, 'returned', 'nogales');
    expect(n).toBeGreaterThan(1000);
    // |X - np| < 3.29 sd misses with probability 0.001 under the binomial (normal approximation, n > 1000).
    expect(Math.abs(toJuarez - 0.3 * n)).toBeLessThan(3.29 * Math.sqrt(n * 0.3 * 0.7));
  });

  it('changing the shares leaves every other stream alone: the same arrivals, processing and enrollment', () => {
    const a = simulate(routed({ juarez: 0.3, nogales: 0.7 }));
    const b = simulate(routed({ juarez: 0.6, nogales: 0.4 }));
    const sector = (r: ReturnType<typeof simulate>) => rowsOf(r.daily, 'tucson').map((row) => [row.counts.arrivals, row.counts.processed, row.counts.enrolled, row.queueMax]);
    expect(sector(b)).toEqual(sector(a));
    expect(metric(b.metrics, 'returned', 'juarez')).toBeGreaterThan(metric(a.metrics, 'returned', 'juarez'));
    expect(metric(b.metrics, 'returned', 'total')).toBe(metric(a.metrics, 'returned', 'total'));
  });

  it('a dated destination sends enrollees to another port from its first day', () => {
    const s = scenario({
      days: 4,
      sectors: { tucson: { ...tucson({ periods: [{ from: '2019-11-03', to: '2019-11-30', destinations: { nogales: 1 } }] }), port: 'juarez' } },
      ports: wide,
    });
    const daily = simulate(s).daily;
    expect(rowsOf(daily, 'juarez').map((r) => r.counts.returned)).toEqual([200, 200, 0, 0]);
    expect(rowsOf(daily, 'nogales').map((r) => r.counts.returned)).toEqual([0, 0, 200, 200]);
  });
});
