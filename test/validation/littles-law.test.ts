// Little's law, L = λW, for every queue of every bundled scenario (sector processing, bus routes,
// screenings, ports), from the simulator's own time-average queue lengths and waits.
//
// Over a finite window [T0, T] Little's law is an identity, not a limit: the integral of the
// queue length equals the people-hours spent in the queue within the window,
//     queue_mean × (T − T0) = queue_wait_hours_total,
// that is L = λ̂ Ŵ with λ̂ = queue_entered / (T − T0) and Ŵ = queue_wait_hours_total / queue_entered
// (when the window starts with an empty queue). The left side is the time-weighted queue length;
// the right side is summed from each group's entry and exit times — two independent accountings,
// so the tolerance is floating-point rounding only: 1e-9 relative (the sums have ~1e6 terms of
// ~1e4, so rounding is ~1e-12 relative; one misplaced person-hour is ~1e-6).
//
// The textbook form uses W̄ = queue_wait_hours_mean, the mean wait of those who left the queue. It
// then differs from L by the boundary: people still waiting at T have waited between 0 and
// T − T0 each, so with an empty start
//     0 ≤ queue_mean × (T − T0) − W̄ × (queue_entered − queue_end) ≤ queue_end × (T − T0),
// which is an equality when the queue is empty at the end.

import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate, type Metric, type PersonRecord } from '../../src/model/index.js';
import { loadScenario, type Scenario } from '../../src/scenario/index.js';
import { bundledScenarios } from '../support/cli.js';
import { metric, scenario } from '../support/scenarios.js';

const RELATIVE = 1e-9;
const close = (a: number, b: number): boolean => Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(a), Math.abs(b));

function stageIds(s: Scenario): string[] {
  return [...Object.keys(s.sectors), ...Object.keys(s.busRoutes), ...Object.keys(s.screenings), ...Object.keys(s.ports)];
}

interface LittleFigures {
  id: string;
  L: number;
  lambdaW: number;
  hours: number;
  total: number;
  entered: number;
  end: number;
  meanWait: number;
}

function littleFigures(s: Scenario, metrics: readonly Metric[], id: string): LittleFigures {
  const hours = 24 * (s.days - s.warmupDays);
  const entered = metric(metrics, 'queue_entered', id);
  const meanWait = metric(metrics, 'queue_wait_hours_mean', id);
  return {
    id,
    hours,
    L: metric(metrics, 'queue_mean', id),
    total: metric(metrics, 'queue_wait_hours_total', id),
    entered,
    end: metric(metrics, 'queue_end', id),
    meanWait,
    lambdaW: Number.isNaN(meanWait) ? 0 : (entered / hours) * meanWait,
  };
}

function expectFiniteWindowLittle(f: LittleFigures): void {
  expect(close(f.L * f.hours, f.total), `${f.id}: ∫L dt = ${f.L * f.hours}, people-hours in queue = ${f.total}`).toBe(true);
}

/** The textbook form, with an empty queue at the start of the window. */
function expectTextbookLittle(f: LittleFigures): void {
  const left = f.entered - f.end;
  const completed = left > 0 ? f.meanWait * left : 0;
  const open = f.L * f.hours - completed;
  const slack = RELATIVE * Math.max(1, f.L * f.hours);
  const text = `${f.id}: L = ${f.L}, λ̂W̄ = ${f.lambdaW}, ${f.end} still waiting`;
  expect(open, text).toBeGreaterThanOrEqual(-slack);
  expect(open, text).toBeLessThanOrEqual(f.end * f.hours + slack);
  if (f.end === 0) expect(close(f.L, f.lambdaW), text).toBe(true);
}

describe("Little's law in every bundled scenario", () => {
  it.each(bundledScenarios().map((file) => [basename(file), file]))('%s', (_name, file) => {
    const loaded = loadScenario(file);
    // The textbook form needs an empty start; a warm-up ends with people queued, so it is checked
    // on the same scenario without warm-up (the finite-window identity holds either way).
    const variants = loaded.warmupDays === 0 ? [loaded] : [loaded, { ...loaded, warmupDays: 0 }];
    for (const s of variants) {
      const metrics = simulate(s, { replication: 0 }).metrics;
      let queuesUsed = 0;
      for (const id of stageIds(s)) {
        const f = littleFigures(s, metrics, id);
        expectFiniteWindowLittle(f);
        if (s.warmupDays === 0) expectTextbookLittle(f);
        if (f.entered > 0) queuesUsed++;
        if (process.env.MPPSIM_VALIDATION_LOG) {
          console.log(`${s.name} ${id}: L = ${f.L.toFixed(4)}, λ̂ = ${(f.entered / f.hours).toFixed(3)}/h, W̄ = ${f.meanWait.toFixed(4)} h, λ̂W̄ = ${f.lambdaW.toFixed(4)}, queue_end ${f.end}`);
        }
      }
      expect(queuesUsed).toBeGreaterThan(0);
    }
  });
});

describe("Little's law after a warm-up, against per-person records", () => {
  // A bus queue and a capped port that are both non-empty when the warm-up ends, so that the
  // window clamps the waits of people queued across its start. The people-hours are recomputed
  // from the per-person records (bus queue: processed → boarded; port queue: bus arrival or
  // processing → return), a third accounting independent of the model's queue observers.
  const s = scenario({
    name: 'warm-up-little',
    days: 40,
    warmupDays: 10,
    seed: 601,
    categories: { family: { groupSize: { values: [2, 3, 4], weights: [1, 1, 1] }, mppEligible: true } },
    sectors: {
      a: {
        holdingCapacity: 100_000,
        arrivals: { peoplePerDay: 120, mix: { family: 1 } },
        processing: { agents: 4, hoursPerGroup: { dist: 'exponential', mean: 1 } },
        mpp: { enrolledFraction: 0.6, bus: 'bus' },
      },
      b: {
        holdingCapacity: 100_000,
        arrivals: { peoplePerDay: 40, mix: { family: 1 } },
        processing: { agents: 2, hoursPerGroup: { dist: 'exponential', mean: 1 } },
        mpp: { enrolledFraction: 1 },
        port: 'p',
      },
    },
    busRoutes: { bus: { from: 'a', to: 'b', departures: ['08:00'], busesPerDeparture: 1, seatsPerBus: 60, travelHours: { dist: 'deterministic', value: 5 }, fillBehind: true } },
    ports: { p: { dailyCap: 90, hours: { open: '07:00', close: '19:00' } } },
  });

  it('queue_mean × window = queue_wait_hours_total = the records’ people-hours in the window', () => {
    const people: PersonRecord[] = [];
    const result = simulate(s, { onPerson: (p) => people.push(p) });
    const t0 = 24 * s.warmupDays;
    const t1 = 24 * s.days;
    const inWindow = (from: number, to: number | null): number => Math.max(0, Math.min(to ?? t1, t1) - Math.max(from, t0));
    const hours = { bus: 0, p: 0 };
    const entered = { bus: 0, p: 0 };
    for (const p of people) {
      // Released people never queued; "other" left right after processing, before any of these queues.
      if (p.processedHours === null || p.outcome === 'other') continue;
      let atPort = p.processedHours;
      if (p.sector === 'a') {
        hours.bus += inWindow(p.processedHours, p.boardedHours);
        if (p.processedHours >= t0) entered.bus++;
        if (p.busArrivedHours === null) continue; // still waiting for the bus, or on it, at the end
        atPort = p.busArrivedHours;
      }
      hours.p += inWindow(atPort, p.outcome === 'returned' ? p.exitHours : null);
      if (atPort >= t0) entered.p++;
    }
    for (const id of ['bus', 'p'] as const) {
      const f = littleFigures(s, result.metrics, id);
      expectFiniteWindowLittle(f);
      // The records agree with the model's own accounting, to rounding.
      expect(close(f.total, hours[id]), `${id}: ${f.total} against ${hours[id]} from the records`).toBe(true);
      expect(f.entered).toBe(entered[id]);
      // The queue was not empty when the warm-up ended, or this would not test the clamping.
      expect(result.daily.find((r) => r.id === id && r.day === s.warmupDays)!.queueMax).toBeGreaterThan(0);
    }
    for (const id of ['a', 'b']) expectFiniteWindowLittle(littleFigures(s, result.metrics, id));
  });
});
