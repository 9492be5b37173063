// Metamorphic relations: how a figure must move when a capacity changes, checked replication by
// replication with common random numbers. Everything random about a group (size, processing
// time, enrollment, fear, interview) is drawn when it is created, from streams named for their
// purpose, so two variants of a scenario with the same seed and replication see the same people;
// only what capacity does to them differs.

import { describe, expect, it } from 'vitest';
import { simulate, type DailyRow, type ReplicationResult } from '../../src/model/index.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/index.js';
import { estimate } from '../../src/stats/index.js';
import { metric, scenario } from '../support/scenarios.js';
import { LEVEL } from './support.js';

const REPLICATIONS = 6;

const PEOPLE = {
  family: { groupSize: { values: [2, 3, 4, 5], weights: [45, 35, 15, 5] }, mppEligible: true },
  single: { groupSize: 1, mppEligible: true },
  child: { groupSize: 1, mppEligible: false },
};
const MIX = { family: 0.6, single: 0.3, child: 0.1 };

function runs(s: Scenario, n = REPLICATIONS): ReplicationResult[] {
  return Array.from({ length: n }, (_, replication) => simulate(s, { replication }));
}

function rowsOf(result: ReplicationResult, id: string): DailyRow[] {
  return result.daily.filter((r) => r.id === id);
}

describe('doubling the seats never lengthens the bus queue', () => {
  // Path by path: without fill-behind, boarding takes a prefix of the FIFO queue, and a bus with
  // twice the seats takes at least the prefix the smaller one would (every group that fits in S
  // seats after a shorter prefix fits in 2S after a longer one). With fill-behind, a bus of 2S seats
  // either clears its queue or boards more than 2S − (largest group − 1) ≥ S + 1 people, since no
  // group exceeds S. Either way cumulative boardings with 2S seats are never behind, so the queue
  // is never longer, at any moment. Origin and destination holding are ample so that neither
  // releases nor the destination's room (both of which the bus changes) feed back on the queue.
  const withSeats = (seatsPerBus: number, fillBehind: boolean) =>
    scenario({
      name: 'seats',
      days: 45,
      seed: 701,
      categories: PEOPLE,
      sectors: {
        tucson: {
          holdingCapacity: 1_000_000,
          arrivals: { peoplePerDay: 160, mix: MIX },
          processing: { agents: 8, hoursPerGroup: { dist: 'lognormal', mean: 2, sd: 1 } },
          mpp: { enrolledFraction: 0.4, bus: 'tucson-el-paso' },
        },
        'el-paso': { holdingCapacity: 1_000_000, port: 'ciudad-juarez' },
      },
      busRoutes: {
        'tucson-el-paso': {
          from: 'tucson', to: 'el-paso', departures: ['07:00', '19:00'], busesPerDeparture: 1, seatsPerBus,
          travelHours: { dist: 'triangular', min: 4.5, mode: 4.75, max: 5 }, fillBehind,
        },
      },
      ports: { 'ciudad-juarez': { dailyCap: 100_000 } },
    });

  it.each([false, true])('fillBehind %s: every day, the queue’s mean, maximum and end are no larger', (fillBehind) => {
    // 25 seats twice a day against about 58 enrolled a day: the queue grows; 50 seats: it does not.
    const small = runs(withSeats(25, fillBehind));
    const large = runs(withSeats(50, fillBehind));
    small.forEach((s, r) => {
      const a = rowsOf(s, 'tucson-el-paso');
      const b = rowsOf(large[r], 'tucson-el-paso');
      a.forEach((row, d) => {
        expect(b[d].queueMean, `replication ${r}, day ${d}`).toBeLessThanOrEqual(row.queueMean);
        expect(b[d].queueMax, `replication ${r}, day ${d}`).toBeLessThanOrEqual(row.queueMax);
        expect(b[d].queueEnd, `replication ${r}, day ${d}`).toBeLessThanOrEqual(row.queueEnd);
      });
      expect(metric(large[r].metrics, 'queue_mean', 'tucson-el-paso')).toBeLessThan(metric(s.metrics, 'queue_mean', 'tucson-el-paso'));
      // The same people arrive in both variants (common random numbers), so the comparison is fair.
      expect(metric(large[r].metrics, 'enrolled', 'tucson')).toBe(metric(s.metrics, 'enrolled', 'tucson'));
    });
  });
});

describe('raising a port cap never lowers returns', () => {
  // Path by path when the port does not feed back on what reaches it: its queue receives the same
  // groups at the same times in both variants; returns are a FIFO prefix; and if the higher cap has
  // returned at least as many groups so far, it has returned no more people today than the lower
  // one when it reaches the lower one's next group, so that group fits under the higher cap too.
  // Here holding also binds in some variants (the port queue fills it, and arrivals are released),
  // which breaks that argument's premise; the relation is still checked in every replication.
  const withCap = (dailyCap: number, holdingCapacity: number) =>
    scenario({
      name: 'port-cap',
      days: 60,
      seed: 702,
      categories: PEOPLE,
      sectors: {
        'del-rio': {
          holdingCapacity,
          arrivals: { peoplePerDay: 200, mix: MIX },
          processing: { agents: 12, hoursPerGroup: { dist: 'lognormal', mean: 2, sd: 1 } },
          mpp: { enrolledFraction: 0.4 },
          port: 'eagle-pass',
          screening: 'del-rio-screening',
        },
      },
      screenings: {
        'del-rio-screening': {
          fearFraction: 0.3, officers: [{ from: '08:00', to: '20:00', count: 2 }],
          interviewMinutes: { dist: 'triangular', min: 30, mode: 60, max: 120 }, positiveRate: 0.12,
        },
      },
      ports: { 'eagle-pass': { dailyCap, hours: { open: '06:00', close: '20:00' } } },
    });

  it.each([
    { holding: 1_000_000, caps: [30, 50, 51, 75, 100] },
    { holding: 600, caps: [30, 50, 51, 75, 100] },
  ])('holding $holding: caps $caps', ({ holding, caps }) => {
    const variants = caps.map((cap) => runs(withCap(cap, holding)));
    for (let r = 0; r < REPLICATIONS; r++) {
      for (let v = 1; v < caps.length; v++) {
        const lower = variants[v - 1][r];
        const higher = variants[v][r];
        const text = `replication ${r}, cap ${caps[v - 1]} → ${caps[v]}`;
        expect(metric(higher.metrics, 'returned', 'total'), text).toBeGreaterThanOrEqual(metric(lower.metrics, 'returned', 'total'));
        if (holding === 1_000_000) {
          // Path by path: cumulative returns at the end of every day.
          let a = 0;
          let b = 0;
          rowsOf(lower, 'eagle-pass').forEach((row, d) => {
            a += row.counts.returned as number;
            b += rowsOf(higher, 'eagle-pass')[d].counts.returned as number;
            expect(b, `${text}, day ${d}`).toBeGreaterThanOrEqual(a);
          });
        }
      }
    }
    // The caps bind: the lowest one is used to the full on most days, so the relation has something to test.
    expect(metric(variants[0][0].metrics, 'cap_used', 'eagle-pass')).toBeGreaterThan(0.9);
    if (holding < 1_000_000) expect(metric(variants[0][0].metrics, 'released', 'total')).toBeGreaterThan(0);
  });
});

describe('adding holding space never raises releases', () => {
  // Path by path it is expected to hold when people are interchangeable (one person per group, the
  // same processing time for all), since then it does not matter which arrival is admitted, only how
  // many; that case is checked in every replication over a range of capacities. With processing
  // times attached to groups it does not hold path by path, in the simulator or in queueing theory:
  // one more place can admit someone whose long processing keeps the site full while several later
  // arrivals are turned away (the reproducer in the last test). So with families and random
  // processing times the relation is checked in expectation.
  const holdingScenario = (holdingCapacity: number, people: 'identical' | 'families', seed: number, withPort: boolean) =>
    scenario({
      name: 'holding',
      days: 30,
      seed,
      categories: people === 'identical' ? { single: { groupSize: 1, mppEligible: true } } : PEOPLE,
      sectors: {
        site: {
          holdingCapacity,
          arrivals: { peoplePerDay: 100, mix: people === 'identical' ? { single: 1 } : MIX },
          processing: { agents: 2, hoursPerGroup: people === 'identical' ? { dist: 'deterministic', value: 0.5 } : { dist: 'exponential', mean: 0.8 } },
          ...(withPort ? { mpp: { enrolledFraction: 0.8 }, port: 'p' } : {}),
        },
      },
      ...(withPort ? { ports: { p: { dailyCap: 70, hours: { open: '07:00', close: '19:00' } } } } : {}),
    } as Partial<ScenarioInput> & Pick<ScenarioInput, 'sectors'>);

  it.each([false, true])('identical people (with a capped port: %s): every replication, for K = 1 … 12 and 40, 50, 80', (withPort) => {
    const capacities = [1, 2, 3, 4, 5, 6, 8, 10, 12, 40, 50, 80];
    const released = capacities.map((k) => runs(holdingScenario(k, 'identical', 703, withPort)).map((r) => metric(r.metrics, 'released', 'total')));
    for (let v = 1; v < capacities.length; v++) {
      released[v].forEach((value, r) => expect(value, `replication ${r}, K ${capacities[v - 1]} → ${capacities[v]}`).toBeLessThanOrEqual(released[v - 1][r]));
    }
    expect(released[0].every((v) => v > 0)).toBe(true);
  });

  it('families with random processing times: in expectation, with a 99.9% interval of the paired difference below zero', () => {
    // Paired (same seed and replication) differences released(K + 10) − released(K) are
    // independent across replications; their 99.9% t-interval must lie entirely below zero.
    for (const [k, withPort] of [[20, false], [40, true]] as const) {
      const n = 30;
      const a = runs(holdingScenario(k, 'families', 704, withPort), n).map((r) => metric(r.metrics, 'released', 'total'));
      const b = runs(holdingScenario(k + 10, 'families', 704, withPort), n).map((r) => metric(r.metrics, 'released', 'total'));
      const difference = estimate(b.map((v, r) => v - a[r]), LEVEL);
      if (process.env.MPPSIM_VALIDATION_LOG) console.log(`released, K ${k} → ${k + 10}: paired difference ${difference.mean} [${difference.ciLow}, ${difference.ciHigh}]`);
      expect(difference.ciHigh, `K ${k} → ${k + 10}: ${difference.mean} [${difference.ciLow}, ${difference.ciHigh}]`).toBeLessThan(0);
    }
  });

  it('…but not path by path: one more place can mean more releases (a reproducer, not a defect)', () => {
    // One agent, exponential processing, overloaded (load 1.5), K = 5 against K = 6. In expectation
    // K = 6 releases fewer (M/M/1/K blocking 0.365 → 0.354), yet in half of these replications it
    // releases more (at the time of writing, replication 0: 419 with K = 5, 429 with K = 6): the
    // extra place admits someone whose long processing keeps the site full when later people
    // arrive. Kept as a test so that this documented fact stays true of the model.
    const anomaly = (holdingCapacity: number) =>
      scenario({
        name: 'holding-anomaly',
        days: 20,
        seed: 3,
        sectors: {
          site: {
            holdingCapacity,
            arrivals: { peoplePerDay: 72, mix: { single: 1 } },
            processing: { agents: 1, hoursPerGroup: { dist: 'exponential', mean: 0.5 } },
          },
        },
      });
    const released = (k: number, replication: number) => metric(simulate(anomaly(k), { replication }).metrics, 'released', 'total');
    const more = Array.from({ length: 8 }, (_, r) => released(6, r) > released(5, r)).filter(Boolean).length;
    expect(more).toBeGreaterThan(0);
  });
});

describe('scaling every rate and capacity by k scales throughput by k', () => {
  const scaled = (k: number, count: 'deterministic' | 'poisson') =>
    scenario({
      name: 'scaled',
      days: 30,
      seed: 705,
      categories: count === 'deterministic' ? { single: { groupSize: 1, mppEligible: true } } : PEOPLE,
      sectors: {
        tucson: {
          holdingCapacity: 100_000 * k,
          arrivals: { peoplePerDay: 80 * k, count, mix: count === 'deterministic' ? { single: 1 } : MIX },
          ...(count === 'poisson' ? { processing: { agents: 3 * k, hoursPerGroup: { dist: 'lognormal', mean: 1, sd: 0.5 } } } : {}),
          mpp: { enrolledFraction: count === 'poisson' ? 0.8 : 1, bus: 'bus' },
        },
        'el-paso': { holdingCapacity: 100_000 * k, port: 'juarez', ...(count === 'poisson' ? { screening: 'uscis' } : {}) },
      },
      busRoutes: {
        // Saturated in the deterministic case (80 a day against 50 seats); ample in the Poisson one.
        bus: { from: 'tucson', to: 'el-paso', departures: ['00:00'], busesPerDeparture: (count === 'poisson' ? 2 : 1) * k, seatsPerBus: 50, travelHours: { dist: 'deterministic', value: 5 } },
      },
      screenings: { uscis: { fearFraction: 0.3, officers: 2 * k, interviewMinutes: { dist: 'exponential', mean: 60 }, positiveRate: 0.1 } },
      ports: { juarez: { dailyCap: (count === 'poisson' ? 100 : 40) * k } },
    } as Partial<ScenarioInput> & Pick<ScenarioInput, 'sectors'>);

  it.each([2, 3, 5])('exactly, day by day, with deterministic counts and saturated bus and port (k = %i)', (k) => {
    // Deterministic daily counts of single people; a 00:00 bus finds everyone who arrived the day
    // before, more than its seats from day 1, and the port then has more than its cap. So arrivals,
    // boardings and returns are k times the k = 1 figures on every day, whatever the arrival times.
    const one = simulate(scaled(1, 'deterministic'));
    const many = simulate(scaled(k, 'deterministic'));
    for (const [id, figure] of [['tucson', 'arrivals'], ['bus', 'boarded'], ['bus', 'departures'], ['juarez', 'returned']] as const) {
      const a = rowsOf(one, id).map((r) => r.counts[figure] as number);
      const b = rowsOf(many, id).map((r) => r.counts[figure] as number);
      // Departures count buses that leave: k buses per departure.
      expect(b, `${figure} at ${id}`).toEqual(a.map((v) => k * v));
    }
    expect(metric(many.metrics, 'returned', 'total')).toBe(k * metric(one.metrics, 'returned', 'total'));
    expect(metric(one.metrics, 'returned', 'total')).toBe(40 * 29); // the first bus leaves on day 1 and is at El Paso at 05:00: 40 a day on days 1-29
  });

  it('in expectation, with Poisson arrivals of families, processing and screening (k = 3)', () => {
    // No stage near saturation (about 41 enrolled a day per unit of k, against 100 seats and a cap
    // of 100): returns are the enrolled, screened-in arrivals less those still in custody at the end
    // (mostly the last day's, waiting for the next 00:00 bus), all proportional to k in expectation.
    // The k-system pools k times the agents and officers, so its processing and interview queues are
    // shorter, a difference of well under one person per unit of k against ~1,600 returned.
    // (Near saturation this relation fails, and should: with a cap of 40 a day per unit against
    // about 41 enrolled, the k-system returns about 1% more per unit, because its relative day-to-day
    // variation is smaller, so less of its cap goes unused. That is economies of scale, not a bug.)
    // Paired differences returned(k)/k − returned(1) over 40 replications: their 99.9% interval must
    // contain 0 and its half-width be at most 3% of the mean returns.
    const k = 3;
    const n = 40;
    const one = runs(scaled(1, 'poisson'), n).map((r) => metric(r.metrics, 'returned', 'total'));
    const many = runs(scaled(k, 'poisson'), n).map((r) => metric(r.metrics, 'returned', 'total'));
    const difference = estimate(many.map((v, r) => v / k - one[r]), LEVEL);
    const mean = one.reduce((a, b) => a + b, 0) / n;
    const text = `returned/k − returned: ${difference.mean} [${difference.ciLow}, ${difference.ciHigh}] against ${mean}`;
    if (process.env.MPPSIM_VALIDATION_LOG) console.log(text);
    expect(difference.ciLow, text).toBeLessThanOrEqual(0);
    expect(difference.ciHigh, text).toBeGreaterThanOrEqual(0);
    expect((difference.ciHigh - difference.ciLow) / 2, text).toBeLessThanOrEqual(0.03 * mean);
  });
});
