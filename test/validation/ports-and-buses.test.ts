// Ports with a daily cap and buses with a timetable, against what their rules imply: a capped port
// fed above its cap gains (λ − cap) people a day; fed below it, it returns λ a day in the long run;
// a bus departure boards min(seats × buses, people waiting), exactly.

import { describe, expect, it } from 'vitest';
import { simulate, type PersonRecord } from '../../src/model/index.js';
import { metric, scenario } from '../support/scenarios.js';
import { expectWithin, replications, values } from './support.js';

/** Poisson arrivals of single people, all enrolled on arrival (no processing), returned through one port open all day. */
const cappedPort = (perDay: number, dailyCap: number, days: number, seed: number) =>
  scenario({
    name: 'capped-port',
    days,
    seed,
    sectors: {
      s: { holdingCapacity: 100_000_000, arrivals: { peoplePerDay: perDay, mix: { single: 1 } }, mpp: { enrolledFraction: 1 }, port: 'p' },
    },
    ports: { p: { dailyCap } },
  });

describe('a port with a daily cap', () => {
  it('fed above its cap, its queue grows by exactly arrivals − cap each day, (λ − cap) a day on average', () => {
    const lambda = 80;
    const cap = 50;
    const days = 365;
    const increments: number[] = [];
    for (let r = 0; r < 10; r++) {
      const daily = simulate(cappedPort(lambda, cap, days, 401), { replication: r }).daily;
      const port = daily.filter((row) => row.kind === 'port');
      const sector = daily.filter((row) => row.kind === 'sector');
      expect(port).toHaveLength(days);
      let before = 0;
      port.forEach((row, d) => {
        const arrived = sector[d].counts.arrivals as number;
        // FIFO up to the cap, open all day: min(cap, backlog + today's arrivals) are returned ...
        expect(row.counts.returned, `day ${d}`).toBe(Math.min(cap, before + arrived));
        // ... and the rest wait: the queue is conserved exactly.
        expect(row.queueEnd, `day ${d}`).toBe(before + arrived - (row.counts.returned as number));
        if (d > 0) increments.push(row.queueEnd - before);
        before = row.queueEnd;
      });
    }
    // Once the backlog exceeds the cap (from day 0, with near certainty at 80 against 50), each day
    // adds Poisson(λ) − cap: the mean daily increment estimates λ − cap with variance λ / n. The
    // tolerance is the 99.9% normal quantile (3.29) times that standard error (the sum of n ≈ 3,600
    // Poisson counts is normal to within far less than that): ±0.49 a day, 1.6% of the slope of 30.
    const slope = increments.reduce((a, b) => a + b, 0) / increments.length;
    const tolerance = 3.29 * Math.sqrt(lambda / increments.length);
    expect(tolerance).toBeLessThan(0.02 * (lambda - cap));
    if (process.env.MPPSIM_VALIDATION_LOG) console.log(`queue slope above the cap: ${slope.toFixed(3)} a day against λ − cap = ${lambda - cap} ± ${tolerance.toFixed(3)}`);
    expect(Math.abs(slope - (lambda - cap)), `slope ${slope} against ${lambda - cap} ± ${tolerance}`).toBeLessThanOrEqual(tolerance);
  });

  it('fed below its cap, it returns λ a day in the long run', () => {
    const lambda = 40;
    // Returns per day over a year, per replication: Poisson(λ × days) / days, less the few still
    // queued at the end (a stable queue: E[queue_end] is about one person, 0.003 a day). The
    // 99.9% interval must contain λ and have a half-width of at most 2% of it.
    const runs = replications(cappedPort(lambda, 50, 365, 402), 10);
    expectWithin('returns per day below the cap', values(runs, 'returns_per_day', 'p'), lambda, 0.02);
    for (const used of values(runs, 'cap_used', 'p')) expect(used).toBeLessThan(1);
  });
});

describe('buses with a deterministic timetable and seats', () => {
  const seats = 20;
  const buses = 2;
  const departures = ['06:00', '18:00'];
  const busScenario = (seed: number) =>
    scenario({
      name: 'bus-batches',
      days: 60,
      seed,
      sectors: {
        // 70 a day against 80 seats a day: some departures leave people behind, some leave seats empty.
        origin: { holdingCapacity: 100_000_000, arrivals: { peoplePerDay: 70, mix: { single: 1 } }, mpp: { enrolledFraction: 1, bus: 'route' } },
        destination: { holdingCapacity: 100_000_000, port: 'p' },
      },
      busRoutes: {
        route: { from: 'origin', to: 'destination', departures, busesPerDeparture: buses, seatsPerBus: seats, travelHours: { dist: 'deterministic', value: 5 } },
      },
      ports: { p: { dailyCap: 100_000 } },
    });

  it.each([501, 502, 503])('each departure boards min(seats × buses, waiting), exactly (seed %i)', (seed) => {
    const people: PersonRecord[] = [];
    const result = simulate(busScenario(seed), { onPerson: (p) => people.push(p) });
    // Waiting at a departure: joined the bus queue (processed: no processing here, so on arrival)
    // at or before it, and not boarded before it.
    const joined = people.map((p) => p.processedHours as number).sort((a, b) => a - b);
    const boardedAt = new Map<number, number>();
    for (const p of people) if (p.boardedHours !== null) boardedAt.set(p.boardedHours, (boardedAt.get(p.boardedHours) ?? 0) + 1);
    const hours = departures.map((d) => Number(d.slice(0, 2)));
    let joinedSoFar = 0;
    let boardedSoFar = 0;
    const bothCases = { full: 0, cleared: 0 };
    const rows = result.daily.filter((r) => r.kind === 'bus-route');
    rows.forEach((row, day) => {
      let boardedToday = 0;
      for (const hour of hours) {
        const t = 24 * day + hour;
        while (joinedSoFar < joined.length && joined[joinedSoFar] <= t) joinedSoFar++;
        const waiting = joinedSoFar - boardedSoFar;
        const boarded = boardedAt.get(t) ?? 0;
        expect(boarded, `day ${day} ${hour}:00, ${waiting} waiting`).toBe(Math.min(seats * buses, waiting));
        if (waiting >= seats * buses) bothCases.full++;
        else bothCases.cleared++;
        boardedSoFar += boarded;
        boardedToday += boarded;
      }
      expect(row.counts.boarded, `day ${day}`).toBe(boardedToday);
      expect(row.counts.seats_offered).toBe(seats * buses * hours.length);
    });
    // Nobody boards at any other time, and both sides of the min occur.
    expect([...boardedAt.values()].reduce((a, b) => a + b, 0)).toBe(boardedSoFar);
    expect(bothCases.full).toBeGreaterThan(5);
    expect(bothCases.cleared).toBeGreaterThan(5);
    expect(metric(result.metrics, 'boarded', 'route')).toBe(boardedSoFar);
  });
});
