// The model's flow against exact expectations: queueing theory where it gives a closed form,
// exact counts where the scenario is deterministic, and the invariants of docs/MODEL.md.

import { describe, expect, it } from 'vitest';
import { simulate, type PersonRecord } from '../../src/model/index.js';
import { estimate } from '../../src/stats/index.js';
import { metric, scenario } from '../support/scenarios.js';
import { erlangC } from '../validation/queueing-theory.js';

const DEST_SITE = { holdingCapacity: 100_000, port: 'juarez' };
const WIDE_PORT = { juarez: { dailyCap: 100_000 } };

describe('processing with c agents (M/M/c)', () => {
  it('matches the Erlang-C mean wait within a 99.9% interval over 20 replications', () => {
    // λ = 2.4/h, μ = 1/h, c = 3: ρ = 0.8. Poisson daily counts with uniform times within the day
    // form a Poisson process, so the processing queue is exactly M/M/3.
    const s = scenario({
      days: 220,
      warmupDays: 20,
      sectors: {
        a: {
          holdingCapacity: 100_000,
          arrivals: { peoplePerDay: 2.4 * 24, mix: { single: 1 } },
          processing: { agents: 3, hoursPerGroup: { dist: 'exponential', mean: 1 } },
        },
      },
    });
    const waits = Array.from({ length: 20 }, (_, r) => metric(simulate(s, { replication: r }).metrics, 'queue_wait_hours_mean', 'a'));
    const exact = erlangC(3, 2.4) / (3 - 2.4);
    // Replication means are independent; a 99.9% t-interval misses the truth with probability 0.001.
    const ci = estimate(waits, 0.999);
    // C(3, 2.4) = 11.52 / 17.8 = 0.6472; Wq = C / (cμ − λ) = 1.0787 h.
    expect(exact).toBeCloseTo(1.0787, 4);
    expect(ci.ciLow).toBeLessThan(exact);
    expect(ci.ciHigh).toBeGreaterThan(exact);
    // And the interval is tight enough to mean something: within ±10% of the truth.
    expect(ci.ciHigh - ci.ciLow).toBeLessThan(0.2 * exact);
  });
});

describe('buses', () => {
  const busScenario = (fillBehind: boolean, groupSize: unknown = 1, seats = 50) =>
    scenario({
      days: 8,
      categories: { single: { groupSize: groupSize as number, mppEligible: true } },
      sectors: {
        tucson: {
          holdingCapacity: 100_000,
          arrivals: { peoplePerDay: 80, count: 'deterministic', mix: { single: 1 } },
          mpp: { enrolledFraction: 1, bus: 'tucson-el-paso' },
        },
        'el-paso': DEST_SITE,
      },
      busRoutes: {
        'tucson-el-paso': {
          from: 'tucson',
          to: 'el-paso',
          departures: ['23:59'],
          busesPerDeparture: 1,
          seatsPerBus: seats,
          travelHours: { dist: 'deterministic', value: 5 },
          fillBehind,
        },
      },
      ports: WIDE_PORT,
    });

  it('80 a day against one 50-seat bus a day leaves exactly 30 more waiting each day', () => {
    const result = simulate(busScenario(false));
    const days = result.daily.filter((r) => r.kind === 'bus-route');
    expect(days).toHaveLength(8);
    days.forEach((row, d) => {
      expect(row.counts.boarded).toBe(50);
      expect(row.counts.seats_offered).toBe(50);
      expect(row.queueEnd).toBe(30 * (d + 1));
      expect(row.busLoadFactor).toBe(1);
    });
  });

  it.each([false, true])('never splits a family across buses (fillBehind %s)', (fillBehind) => {
    const people: PersonRecord[] = [];
    const s = busScenario(fillBehind, { values: [2, 3, 4, 5], weights: [1, 1, 1, 1] }, 7);
    simulate(s, { onPerson: (p) => people.push(p) });
    const byGroup = new Map<number, PersonRecord[]>();
    for (const p of people) byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), p]);
    let bused = 0;
    for (const members of byGroup.values()) {
      expect(members).toHaveLength(members[0].groupSize);
      expect(new Set(members.map((m) => m.boardedHours)).size).toBe(1);
      expect(new Set(members.map((m) => m.busArrivedHours)).size).toBe(1);
      if (members[0].boardedHours !== null) bused++;
    }
    expect(bused).toBeGreaterThan(8);
    // One bus of 7 seats a day: each day's boarding fits in 7 seats.
    const perDeparture = new Map<number, number>();
    for (const p of people) if (p.boardedHours !== null) perDeparture.set(p.boardedHours, (perDeparture.get(p.boardedHours) ?? 0) + 1);
    for (const n of perDeparture.values()) expect(n).toBeLessThanOrEqual(7);
  });

  it('fill-behind lets smaller groups take seats a larger group ahead cannot use', () => {
    const boarded = (fill: boolean) =>
      metric(simulate(busScenario(fill, { values: [2, 5], weights: [1, 1] }, 6)).metrics, 'boarded', 'tucson-el-paso');
    expect(boarded(true)).toBeGreaterThan(boarded(false));
  });

  it('boards only as many as the destination can still hold', () => {
    const s = scenario({
      days: 5,
      sectors: {
        tucson: {
          holdingCapacity: 100_000,
          arrivals: { peoplePerDay: 80, count: 'deterministic', mix: { single: 1 } },
          mpp: { enrolledFraction: 1, bus: 'tucson-el-paso' },
        },
        'el-paso': { holdingCapacity: 30, port: 'juarez' },
      },
      busRoutes: {
        'tucson-el-paso': {
          from: 'tucson', to: 'el-paso', departures: ['12:00'], busesPerDeparture: 2, seatsPerBus: 50,
          travelHours: { dist: 'deterministic', value: 5 },
        },
      },
      // The port never opens, so El Paso fills once and stays full.
      ports: { juarez: { dailyCap: 0 } },
    });
    const result = simulate(s);
    expect(metric(result.metrics, 'boarded', 'tucson-el-paso')).toBe(30);
    expect(metric(result.metrics, 'occupancy_max', 'el-paso')).toBe(30);
  });

  it('a fleet makes a bus unavailable until it is back', () => {
    const s = scenario({
      days: 6,
      sectors: {
        tucson: {
          holdingCapacity: 100_000,
          arrivals: { peoplePerDay: 200, count: 'deterministic', mix: { single: 1 } },
          mpp: { enrolledFraction: 1, bus: 'tucson-el-paso' },
        },
        'el-paso': DEST_SITE,
      },
      busRoutes: {
        'tucson-el-paso': {
          from: 'tucson', to: 'el-paso', departures: ['06:00', '18:00'], busesPerDeparture: 1, seatsPerBus: 50,
          // 10 h there and 10 h back: the 06:00 bus is back at 02:00 next day, so it misses the 18:00 departure.
          travelHours: { dist: 'deterministic', value: 10 },
          fleet: { buses: 1 },
        },
      },
      ports: WIDE_PORT,
    });
    const result = simulate(s);
    // Without the fleet limit there would be 12 departures; with it, one a day (the 06:00 one).
    for (const row of result.daily.filter((r) => r.kind === 'bus-route')) expect(row.counts.departures).toBe(1);
    expect(metric(result.metrics, 'departures', 'tucson-el-paso')).toBe(6);
  });
});

describe('ports', () => {
  it('a 50-a-day cap with 80 enrollees a day returns exactly 50 every full day', () => {
    const s = scenario({
      days: 12,
      sectors: {
        'del-rio': {
          holdingCapacity: 100_000,
          arrivals: { peoplePerDay: 80, count: 'deterministic', mix: { single: 1 } },
          processing: { agents: 10, hoursPerGroup: { dist: 'exponential', mean: 0.5 } },
          mpp: { enrolledFraction: 1 },
          port: 'eagle-pass',
        },
      },
      ports: { 'eagle-pass': { dailyCap: 50 } },
    });
    const result = simulate(s);
    const days = result.daily.filter((r) => r.kind === 'port');
    for (const row of days.slice(1)) expect(row.counts.returned).toBe(50);
    expect(metric(result.metrics, 'queue_end', 'eagle-pass')).toBeGreaterThanOrEqual(30 * 11);
  });

  it('returns nobody on closed days or outside its hours', () => {
    const people: PersonRecord[] = [];
    const s = scenario({
      days: 14,
      sectors: {
        a: { holdingCapacity: 10_000, arrivals: { peoplePerDay: 20, mix: { single: 1 } }, mpp: { enrolledFraction: 1 }, port: 'p' },
      },
      ports: { p: { dailyCap: 100, hours: { open: '08:00', close: '17:00' }, closedWeekdays: ['sunday'], closedDates: ['2019-11-05'] } },
    });
    const result = simulate(s, { onPerson: (p) => people.push(p) });
    for (const row of result.daily.filter((r) => r.kind === 'port')) {
      const closed = row.date === '2019-11-05' || new Date(`${row.date}T00:00:00Z`).getUTCDay() === 0;
      if (closed) expect(row.counts.returned).toBe(0);
      expect(row.counts.cap).toBe(closed ? 0 : 100);
    }
    for (const p of people.filter((q) => q.outcome === 'returned')) {
      const hour = (p.exitHours as number) % 24;
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(17);
    }
  });
});

describe('holding', () => {
  it('a full site releases arrivals and never holds more than its capacity', () => {
    const s = scenario({
      days: 10,
      sectors: {
        a: {
          holdingCapacity: 120,
          arrivals: { peoplePerDay: 100, mix: { single: 1 } },
          processing: { agents: 1, hoursPerGroup: { dist: 'exponential', mean: 0.5 } },
          mpp: { enrolledFraction: 1 },
          port: 'p',
        },
      },
      ports: { p: { dailyCap: 30 } },
    });
    const result = simulate(s);
    expect(metric(result.metrics, 'released', 'total')).toBeGreaterThan(100);
    expect(metric(result.metrics, 'occupancy_max', 'a')).toBe(120);
    for (const row of result.daily.filter((r) => r.kind === 'sector')) expect(row.occupancyMax).toBeLessThanOrEqual(120);
  });
});

describe('screening', () => {
  it('interviews the fearful fraction and screens out the positive share of them', () => {
    const s = scenario({
      days: 60,
      sectors: {
        a: { holdingCapacity: 100_000, arrivals: { peoplePerDay: 100, mix: { single: 1 } }, mpp: { enrolledFraction: 1 }, port: 'p', screening: 'uscis' },
      },
      screenings: { uscis: { fearFraction: 0.25, officers: 5, interviewMinutes: { dist: 'deterministic', value: 60 }, positiveRate: 0.2 } },
      ports: { p: { dailyCap: 100_000 } },
    });
    const m = simulate(s).metrics;
    const arrivals = metric(m, 'arrivals', 'total');
    const interviewed = metric(m, 'interviewed', 'uscis');
    const out = metric(m, 'screened_out', 'uscis');
    // Binomial counts: 4 standard errors around the expected fractions.
    expect(Math.abs(interviewed / arrivals - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / arrivals));
    expect(Math.abs(out / interviewed - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / interviewed));
    expect(metric(m, 'screened_out', 'total')).toBe(out);
  });
});

describe('conservation', () => {
  it('arrivals = returned + released + screened out + other + in custody, in total and per sector', () => {
    const s = scenario({
      days: 30,
      categories: {
        family: { groupSize: { values: [2, 3, 4], weights: [2, 2, 1] }, mppEligible: true },
        child: { groupSize: 1, mppEligible: false },
      },
      sectors: {
        tucson: {
          holdingCapacity: 150,
          arrivals: { peoplePerDay: 90, mix: { family: 0.8, child: 0.2 }, surge: { probabilityPerDay: 0.2, people: { dist: 'uniform', min: 100, max: 130 }, category: 'family' } },
          processing: { agents: [{ from: '06:00', to: '22:00', count: 3 }], hoursPerGroup: { dist: 'lognormal', mean: 1, sd: 0.5 } },
          mpp: { enrolledFraction: 0.7, bus: 'bus' },
        },
        'el-paso': {
          holdingCapacity: 200,
          arrivals: { peoplePerDay: 60, count: 'negative-binomial', dispersion: 3, mix: { family: 1 } },
          processing: { agents: 2, hoursPerGroup: { dist: 'triangular', min: 0.5, mode: 1, max: 2 } },
          mpp: { enrolledFraction: 0.5 },
          port: 'juarez',
          screening: 'uscis',
        },
      },
      busRoutes: { bus: { from: 'tucson', to: 'el-paso', departures: ['09:00'], busesPerDeparture: 1, seatsPerBus: 50, travelHours: { dist: 'uniform', min: 4.5, max: 5 }, fleet: { buses: 1 } } },
      screenings: { uscis: { fearFraction: 0.3, officers: [{ from: '08:00', to: '17:00', count: 2 }], interviewMinutes: { dist: 'exponential', mean: 90 }, positiveRate: 0.1 } },
      ports: { juarez: { dailyCap: 60, hours: { open: '06:00', close: '20:00' } } },
    });
    for (let r = 0; r < 3; r++) {
      const m = simulate(s, { replication: r }).metrics;
      for (const scope of ['total', 'tucson', 'el-paso']) {
        const accounted = ['returned', 'released', 'screened_out', 'other', 'in_custody_end'].reduce((sum, k) => sum + metric(m, k, scope), 0);
        expect(accounted).toBe(metric(m, 'arrivals', scope));
      }
      // Tucson's enrollees are returned through El Paso's port: by origin they count for Tucson.
      expect(metric(m, 'returned', 'tucson')).toBeGreaterThan(0);
      expect(metric(m, 'returned', 'tucson') + metric(m, 'returned', 'el-paso')).toBe(metric(m, 'returned', 'juarez'));
      expect(metric(m, 'released', 'total')).toBeGreaterThan(0);
      expect(metric(m, 'screened_out', 'total')).toBeGreaterThan(0);
      expect(metric(m, 'boarded', 'total')).toBeGreaterThan(0);
    }
  });
});

describe('conservation after a warm-up', () => {
  it('in custody at the start + arrivals = the exits + in custody at the end, per sector and in total', () => {
    const s = scenario({
      days: 12,
      warmupDays: 4,
      sectors: {
        tucson: { holdingCapacity: 100_000, arrivals: { peoplePerDay: 60, mix: { single: 1 } }, processing: { agents: 1, hoursPerGroup: { dist: 'exponential', mean: 0.5 } }, mpp: { enrolledFraction: 0.7, bus: 'bus' } },
        'el-paso': { ...DEST_SITE },
      },
      busRoutes: { bus: { from: 'tucson', to: 'el-paso', departures: ['09:00'], busesPerDeparture: 1, seatsPerBus: 30, travelHours: { dist: 'deterministic', value: 5 } } },
      ports: { juarez: { dailyCap: 20 } },
    });
    const m = simulate(s, { replication: 1 }).metrics;
    for (const scope of ['total', 'tucson', 'el-paso']) {
      const accounted = ['returned', 'released', 'screened_out', 'other', 'in_custody_end'].reduce((sum, k) => sum + metric(m, k, scope), 0);
      expect(accounted).toBe(metric(m, 'in_custody_start', scope) + metric(m, 'arrivals', scope));
    }
    // The bus carries 30 a day of the ~42 enrolled and the port returns 20: people pile up during warm-up.
    expect(metric(m, 'in_custody_start', 'tucson')).toBeGreaterThan(20);
    expect(() => metric(simulate({ ...s, warmupDays: 0 }).metrics, 'in_custody_start', 'total')).toThrow(/no metric/);
  });
});

describe('the horizon', () => {
  it('an arrival due exactly at the end is not delivered, so every stage total and exit agrees', () => {
    // The second day's 08:00 bus reaches El Paso after exactly 16 h: at 48:00, the end of day 2.
    const s = scenario({
      days: 2,
      sectors: {
        tucson: { holdingCapacity: 100_000, arrivals: { peoplePerDay: 10, count: 'deterministic', mix: { single: 1 } }, mpp: { enrolledFraction: 1, bus: 'bus' } },
        'el-paso': { ...DEST_SITE },
      },
      busRoutes: { bus: { from: 'tucson', to: 'el-paso', departures: ['08:00'], busesPerDeparture: 1, seatsPerBus: 50, travelHours: { dist: 'deterministic', value: 16 } } },
      ports: WIDE_PORT,
    });
    for (const engine of ['heap', 'simjs'] as const) {
      const m = simulate(s, { engine }).metrics;
      expect(metric(m, 'boarded', 'bus')).toBeGreaterThan(metric(m, 'bus_arrivals', 'el-paso'));
      for (const scope of ['total', 'tucson']) {
        const accounted = ['returned', 'released', 'screened_out', 'other', 'in_custody_end'].reduce((sum, k) => sum + metric(m, k, scope), 0);
        expect(accounted).toBe(metric(m, 'arrivals', scope));
      }
      expect(metric(m, 'arrivals', 'total')).toBe(20);
      expect(metric(m, 'returned', 'total')).toBe(metric(m, 'returned', 'juarez'));
    }
  });
});

describe('dated changes', () => {
  it('enrolls nobody before an MPP period starts, and only the categories the sector lists', () => {
    const s = scenario({
      days: 20,
      categories: {
        family: { groupSize: 2, mppEligible: true },
        single: { groupSize: 1, mppEligible: true },
      },
      sectors: {
        a: {
          holdingCapacity: 100_000,
          arrivals: { peoplePerDay: 100, count: 'deterministic', mix: { family: 0.5, single: 0.5 } },
          mpp: { enrolledFraction: 0, periods: [{ from: '2019-11-11', to: '2019-11-30', enrolledFraction: 1 }], categories: ['family'] },
          port: 'p',
        },
      },
      ports: { p: { dailyCap: 100_000 } },
    });
    const rows = simulate(s).daily.filter((r) => r.kind === 'sector');
    rows.forEach((row, day) => expect(row.counts.enrolled, `day ${day}`).toBe(day < 10 ? 0 : 50));
  });

  it('a port cap period overrides the daily cap on its dates', () => {
    const s = scenario({
      days: 6,
      sectors: {
        a: { holdingCapacity: 100_000, arrivals: { peoplePerDay: 300, count: 'deterministic', mix: { single: 1 } }, mpp: { enrolledFraction: 1 }, port: 'juarez' },
      },
      // Ciudad Juárez went from about 100 to about 200 a day on 13 June 2019.
      ports: { juarez: { dailyCap: 100, capPeriods: [{ from: '2019-11-04', to: '2019-12-31', dailyCap: 200 }] } },
    });
    const returned = simulate(s).daily.filter((r) => r.kind === 'port').map((r) => r.counts.returned);
    expect(returned).toEqual([100, 100, 100, 200, 200, 200]);
  });
});

describe('queue statistics', () => {
  it('a group served the instant it arrives never shows as a queue (queue_max 0 when nobody waits)', () => {
    const s = scenario({
      days: 5,
      sectors: {
        a: {
          holdingCapacity: 100_000,
          arrivals: { peoplePerDay: 10, mix: { single: 1 } },
          processing: { agents: 50, hoursPerGroup: { dist: 'exponential', mean: 0.5 } },
        },
      },
    });
    const result = simulate(s);
    expect(metric(result.metrics, 'queue_wait_hours_mean', 'a')).toBe(0);
    expect(metric(result.metrics, 'queue_max', 'a')).toBe(0);
    for (const row of result.daily) expect(row.queueMax).toBe(0);
    // The people held are real, though: occupancy rises above zero.
    expect(metric(result.metrics, 'occupancy_max', 'a')).toBeGreaterThan(0);
  });
});
