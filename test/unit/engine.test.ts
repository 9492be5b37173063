import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../support/prng.js';
import { ENGINE_NAMES, createCalendar, type EngineName, type EventCalendar, type EventId } from '../../src/engine/index.js';
import { storedTime } from '../../src/engine/calendar.js';
import { HeapCalendar } from '../../src/engine/heap-calendar.js';
import { SimjsCalendar } from '../../src/engine/simjs-adapter.js';

interface Delivery {
  arg: number;
  now: number;
}

/** A calendar plus a log of (arg, now) for every delivery made through `record`. */
function recorder(engine: EngineName): { cal: EventCalendar; log: Delivery[]; record: (arg: number) => void } {
  const cal = createCalendar(engine);
  const log: Delivery[] = [];
  return { cal, log, record: (arg: number) => log.push({ arg, now: cal.now }) };
}

describe('createCalendar', () => {
  it('lists both engines', () => {
    expect([...ENGINE_NAMES]).toEqual(['heap', 'simjs']);
  });

  it('builds the engine it is asked for', () => {
    expect(createCalendar('heap')).toBeInstanceOf(HeapCalendar);
    expect(createCalendar('simjs')).toBeInstanceOf(SimjsCalendar);
  });

  it('starts every engine at time 0 with nothing pending', () => {
    for (const engine of ENGINE_NAMES) {
      const cal = createCalendar(engine);
      expect([cal.now, cal.pending, cal.delivered]).toEqual([0, 0, 0]);
    }
  });
});

describe.each(['heap', 'simjs'] as const)('%s engine', (engine) => {
  it('delivers events in time order', () => {
    const { cal, log, record } = recorder(engine);
    const times = [5, 1, 3, 2.5, 4, 0, 7.25, 2];
    times.forEach((t, i) => cal.schedule(t, record, i));
    cal.runUntil(100);
    expect(log.map((d) => d.now)).toEqual([...times].sort((a, b) => a - b));
    expect(log.map((d) => d.arg)).toEqual([5, 1, 7, 3, 2, 4, 0, 6]);
  });

  it('delivers equal-time events in scheduling order', () => {
    const { cal, log, record } = recorder(engine);
    // Interleave three times so that heap sift-down has real work to do among the ties.
    for (let i = 0; i < 30; i++) cal.schedule([2, 1, 3][i % 3], record, i);
    cal.runUntil(10);
    const expected = [
      ...Array.from({ length: 10 }, (_, k) => 3 * k + 1), // time 1
      ...Array.from({ length: 10 }, (_, k) => 3 * k), // time 2
      ...Array.from({ length: 10 }, (_, k) => 3 * k + 2), // time 3
    ];
    expect(log.map((d) => d.arg)).toEqual(expected);
  });

  it('delivers events scheduled at the current time from a handler after the equal-time events already queued', () => {
    const { cal, log, record } = recorder(engine);
    cal.schedule(
      2,
      (arg) => {
        record(arg);
        cal.schedule(2, record, 10); // same time as the running event
        cal.schedule(2, (a) => {
          record(a);
          cal.schedule(cal.now, record, 12); // nested: still the current time
        }, 11);
        cal.schedule(1 + 1, record, 13);
      },
      0,
    );
    cal.schedule(2, record, 1);
    cal.schedule(2, record, 2);
    cal.schedule(3, record, 3);
    cal.runUntil(5);
    expect(log.map((d) => d.arg)).toEqual([0, 1, 2, 10, 11, 13, 12, 3]);
    expect(log.map((d) => d.now)).toEqual([2, 2, 2, 2, 2, 2, 2, 3]);
  });

  it('sets `now` to the event time while its handler runs', () => {
    const cal = createCalendar(engine);
    const seen: [number, number][] = [];
    // Scheduled from t = 0, the stored time is exactly `at` (0 + at === at).
    for (const t of [0.1, 0.7, 1 / 3, 2, 1e-9, 12345.678]) cal.schedule(t, () => seen.push([t, cal.now]));
    cal.runUntil(20000);
    expect(seen).toHaveLength(6);
    for (const [t, now] of seen) expect(now).toBe(t);
  });

  it('stores an event scheduled from a non-zero clock at now + (at - now), as documented', () => {
    // From now = 0.3, 0.3 + (0.9 - 0.3) is 0.9000000000000001: both engines must report that same
    // value as `now`, bit for bit, since the cross-engine comparison relies on it.
    const cal = createCalendar(engine);
    cal.runUntil(0.3);
    let seen = NaN;
    cal.schedule(0.9, () => (seen = cal.now));
    cal.runUntil(1);
    expect(seen).toBe(storedTime(0.3, 0.9));
    expect(Math.abs(seen - 0.9)).toBeLessThanOrEqual(Number.EPSILON);
  });

  it('runUntil(t) delivers an event at exactly t but not one at t + 1e-9, and leaves now === t', () => {
    const { cal, log, record } = recorder(engine);
    cal.schedule(10 + 1e-9, record, 2);
    cal.schedule(10, record, 1);
    cal.schedule(9, record, 0);
    cal.runUntil(10);
    expect(log.map((d) => d.arg)).toEqual([0, 1]);
    expect(cal.now).toBe(10);
    expect(cal.pending).toBe(1);
    // Resuming delivers the rest.
    cal.runUntil(11);
    expect(log.map((d) => d.arg)).toEqual([0, 1, 2]);
    expect(log[2].now).toBe(10 + 1e-9);
    expect(cal.now).toBe(11);
  });

  it('runBefore(t) delivers events before t but not one at exactly t, and leaves now === t', () => {
    const { cal, log, record } = recorder(engine);
    cal.schedule(10, record, 1);
    cal.schedule(10 - 1e-9, record, 0);
    cal.runBefore(10);
    expect(log.map((d) => d.arg)).toEqual([0]);
    expect(cal.now).toBe(10);
    expect(cal.pending).toBe(1);
  });

  it('runUntil with no events just moves the clock; a later schedule is measured from the new clock', () => {
    const { cal, log, record } = recorder(engine);
    cal.runUntil(4.5);
    expect(cal.now).toBe(4.5);
    cal.runUntil(4.5); // a zero-length run is allowed
    expect(cal.now).toBe(4.5);
    cal.schedule(6.5, record, 1);
    cal.runUntil(6);
    expect(log).toHaveLength(0);
    cal.runUntil(7);
    expect(log).toEqual([{ arg: 1, now: 6.5 }]);
  });

  it('does not drop the first event after `until` (simjs simulate(end) would)', () => {
    const { cal, log, record } = recorder(engine);
    cal.schedule(5, record, 5);
    cal.schedule(15, record, 15);
    cal.runUntil(10);
    expect(log.map((d) => d.arg)).toEqual([5]);
    expect(cal.now).toBe(10);
    expect(cal.pending).toBe(1);
    cal.runUntil(20);
    expect(log).toEqual([
      { arg: 5, now: 5 },
      { arg: 15, now: 15 },
    ]);
    expect(cal.now).toBe(20);
  });

  it('a cancelled event at the head does not let the next event beyond `until` through early', () => {
    const { cal, log, record } = recorder(engine);
    const a = cal.schedule(5, record, 1);
    cal.schedule(12, record, 2);
    cal.cancel(a);
    cal.runUntil(10);
    expect(log).toHaveLength(0);
    expect(cal.now).toBe(10);
    expect(cal.pending).toBe(1);
    cal.runUntil(12);
    expect(log).toEqual([{ arg: 2, now: 12 }]);
    expect(cal.now).toBe(12);
  });

  it('skips several cancelled events in a row, including ones at equal times', () => {
    const { cal, log, record } = recorder(engine);
    const ids = [1, 1, 2, 2, 3].map((t, i) => cal.schedule(t, record, i));
    cal.schedule(2, record, 99);
    for (const id of ids) cal.cancel(id);
    cal.runUntil(2.5);
    expect(log).toEqual([{ arg: 99, now: 2 }]);
    expect(cal.now).toBe(2.5);
    expect(cal.pending).toBe(0); // the one at 3 is cancelled too
    cal.runUntil(10);
    expect(log).toHaveLength(1);
    expect(cal.delivered).toBe(1);
  });

  it('cancelling a delivered, unknown, already-cancelled or running id does nothing', () => {
    const { cal, log, record } = recorder(engine);
    const a = cal.schedule(1, record, 1);
    cal.schedule(2, record, 2);
    const c = cal.schedule(3, record, 3);
    cal.runUntil(1);
    cal.cancel(a); // delivered
    cal.cancel(12345); // never issued
    cal.cancel(-1);
    expect(cal.pending).toBe(2);
    cal.cancel(c);
    cal.cancel(c); // twice
    expect(cal.pending).toBe(1);
    // A handler cancelling its own (running) event.
    let selfId: EventId = -1;
    selfId = cal.schedule(2.5, (arg) => {
      cal.cancel(selfId);
      record(arg);
    }, 25);
    expect(cal.pending).toBe(2);
    cal.runUntil(10);
    expect(log.map((d) => d.arg)).toEqual([1, 2, 25]);
    expect(cal.pending).toBe(0);
    expect(cal.delivered).toBe(3);
  });

  it('a handler can cancel a later event', () => {
    const { cal, log, record } = recorder(engine);
    let later: EventId = -1;
    cal.schedule(1, (arg) => {
      record(arg);
      cal.cancel(later);
    }, 1);
    later = cal.schedule(4, record, 4);
    cal.schedule(5, record, 5);
    cal.runUntil(10);
    expect(log.map((d) => d.arg)).toEqual([1, 5]);
  });

  it('counts pending and delivered events', () => {
    const cal = createCalendar(engine);
    const pendingInHandler: number[] = [];
    const handler = () => pendingInHandler.push(cal.pending);
    const ids = [1, 2, 3, 4].map((t) => cal.schedule(t, handler));
    expect([cal.pending, cal.delivered]).toEqual([4, 0]);
    cal.cancel(ids[2]);
    expect([cal.pending, cal.delivered]).toEqual([3, 0]);
    cal.runUntil(2);
    expect([cal.pending, cal.delivered]).toEqual([1, 2]);
    // The running event no longer counts as pending; the cancelled one never did.
    expect(pendingInHandler).toEqual([2, 1]);
    cal.runUntil(10);
    expect([cal.pending, cal.delivered]).toEqual([0, 3]);
    expect(pendingInHandler).toEqual([2, 1, 0]);
  });

  it('rejects scheduling in the past (or at a non-finite time) with a RangeError and changes nothing', () => {
    const cal = createCalendar(engine);
    cal.runUntil(5);
    expect(() => cal.schedule(4.999, () => {})).toThrow(RangeError);
    expect(() => cal.schedule(Number.NaN, () => {})).toThrow(RangeError);
    expect(() => cal.schedule(Number.POSITIVE_INFINITY, () => {})).toThrow(RangeError);
    expect(cal.pending).toBe(0);
    expect(() => cal.schedule(5, () => {})).not.toThrow(); // exactly now is fine
    expect(cal.pending).toBe(1);
  });

  it('rejects scheduling in the past from inside a handler', () => {
    const cal = createCalendar(engine);
    let error: unknown;
    cal.schedule(3, () => {
      try {
        cal.schedule(2, () => {});
      } catch (e) {
        error = e;
      }
    });
    cal.runUntil(4);
    expect(error).toBeInstanceOf(RangeError);
    expect(cal.pending).toBe(0);
  });

  it('rejects running the clock backwards with a RangeError', () => {
    const cal = createCalendar(engine);
    cal.runUntil(5);
    expect(() => cal.runUntil(4)).toThrow(RangeError);
    expect(() => cal.runUntil(Number.NaN)).toThrow(RangeError);
    expect(cal.now).toBe(5);
  });

  it('passes `arg` to the handler (default 0)', () => {
    const cal = createCalendar(engine);
    const args: number[] = [];
    const handler = (arg: number) => args.push(arg);
    cal.schedule(1, handler, 42);
    cal.schedule(2, handler, -3.5);
    cal.schedule(3, handler);
    cal.schedule(4, handler, 2 ** 40 + 1);
    cal.runUntil(5);
    expect(args).toEqual([42, -3.5, 0, 2 ** 40 + 1]);
  });

  it('keeps separate calendars independent', () => {
    const one = recorder(engine);
    const two = recorder(engine);
    one.cal.schedule(1, one.record, 1);
    two.cal.schedule(2, two.record, 2);
    one.cal.runUntil(5);
    expect(one.log).toEqual([{ arg: 1, now: 1 }]);
    expect(two.log).toEqual([]);
    expect(two.cal.now).toBe(0);
    expect(two.cal.pending).toBe(1);
    two.cal.runUntil(5);
    expect(two.log).toEqual([{ arg: 2, now: 2 }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Randomized cross-check: the same workload on both engines must give the same delivery sequence,
// and that sequence must be the unique correct one (sorted by (time, scheduling order), containing
// exactly the events scheduled and not cancelled while pending).

type Status = 'pending' | 'delivered' | 'cancelled';

interface WorkloadResult {
  /** [event id, time] per delivery, in delivery order. */
  deliveries: [number, number][];
  status: Status[];
  delivered: number;
  pending: number;
  cancelCalls: number;
  effectiveCancels: number;
  maxPending: number;
}

// Few distinct offsets on a dyadic grid, so that ties are everywhere and times stay exact;
// a few events use an arbitrary offset to exercise the stored-time rounding identically on both.
const NEAR_OFFSETS = [0, 0, 0.25, 0.5, 0.5, 1, 2, 4];

function runWorkload(engine: EngineName, seed: number, total: number, offsets = NEAR_OFFSETS, chunks = [0.5, 0.75, 1, 1.3]): WorkloadResult {
  const cal = createCalendar(engine);
  const rng = mulberry32(seed);
  const deliveries: [number, number][] = [];
  const status: Status[] = [];
  let cancelCalls = 0;
  let effectiveCancels = 0;
  let maxPending = 0;

  const handler = (id: number): void => {
    expect(status[id]).toBe('pending');
    status[id] = 'delivered';
    deliveries.push([id, cal.now]);
    const spawn = rng() < 0.7 ? 1 + Math.floor(rng() * 2) : 0;
    for (let k = 0; k < spawn; k++) scheduleOne(cal.now);
    if (rng() < 0.08 && status.length > 0) {
      // Any id: delivered, pending, already cancelled, or not yet issued.
      const target = Math.floor(rng() * (status.length + 5));
      cancelCalls++;
      if (status[target] === 'pending') {
        status[target] = 'cancelled';
        effectiveCancels++;
      }
      cal.cancel(target);
    }
    maxPending = Math.max(maxPending, cal.pending);
  };

  function scheduleOne(from: number): void {
    if (status.length >= total) return;
    const offset = rng() < 0.05 ? rng() * 3 : offsets[Math.floor(rng() * offsets.length)];
    const id = status.length;
    status.push('pending');
    // The workload's own counter doubles as `arg`; the engine's EventId must agree with it.
    expect(cal.schedule(from + offset, handler, id)).toBe(id);
  }

  // A large initial batch (more than the heap's initial capacity of 1024) at a handful of times.
  for (let i = 0; i < 3000; i++) scheduleOne([0, 0.5, 1, 1.5, 2][Math.floor(rng() * 5)]);
  // Keep the process going until the budget is used: seed new roots whenever the calendar drains.
  let until = 0;
  while (status.length < total || cal.pending > 0) {
    // Run in uneven chunks, some ending on grid times (ties at `until`), some between them.
    until += chunks[Math.floor(rng() * chunks.length)];
    cal.runUntil(until);
    expect(cal.now).toBe(until);
    if (cal.pending === 0) for (let i = 0; i < 50; i++) scheduleOne(until);
  }
  return { deliveries, status, delivered: cal.delivered, pending: cal.pending, cancelCalls, effectiveCancels, maxPending };
}

describe('heap and simjs engines on a random workload', () => {
  const TOTAL = 20_000;
  const results = {} as Record<EngineName, WorkloadResult>;
  beforeAll(() => {
    for (const e of ENGINE_NAMES) results[e] = runWorkload(e, 20240611, TOTAL);
  });

  it('exercises what it claims to (ties, cancels, a large queue)', () => {
    const r = results.heap;
    expect(r.status).toHaveLength(TOTAL);
    expect(r.effectiveCancels).toBeGreaterThan(50);
    expect(r.cancelCalls).toBeGreaterThan(r.effectiveCancels); // some cancels hit delivered/unknown ids
    expect(r.maxPending).toBeGreaterThan(1024);
    const ties = r.deliveries.filter((d, i) => i > 0 && d[1] === r.deliveries[i - 1][1]).length;
    expect(ties).toBeGreaterThan(TOTAL / 2);
  });

  it('gives the identical delivery sequence on both engines', () => {
    expect(results.simjs.deliveries.length).toBe(results.heap.deliveries.length);
    // Compare as one array: a mismatch reports the first differing delivery.
    expect(results.simjs.deliveries).toEqual(results.heap.deliveries);
    expect(results.simjs.status).toEqual(results.heap.status);
  });

  it.each(['heap', 'simjs'] as const)('%s: delivers exactly the non-cancelled events, ordered by (time, scheduling order)', (engine) => {
    const r = results[engine];
    const deliveredIds = r.deliveries.map(([id]) => id);
    expect(new Set(deliveredIds).size).toBe(deliveredIds.length);
    const expectedIds = r.status.flatMap((s, id) => (s === 'delivered' ? [id] : []));
    expect([...deliveredIds].sort((a, b) => a - b)).toEqual(expectedIds);
    expect(r.status.includes('pending')).toBe(false);
    expect(r.delivered).toBe(TOTAL - r.effectiveCancels);
    expect(r.pending).toBe(0);
    let outOfOrder = 0;
    for (let i = 1; i < r.deliveries.length; i++) {
      const [idA, tA] = r.deliveries[i - 1];
      const [idB, tB] = r.deliveries[i];
      if (!(tA < tB || (tA === tB && idA < idB))) outOfOrder++;
    }
    expect(outOfOrder).toBe(0);
  });
});

describe('heap engine: events far beyond its time buckets', () => {
  // Offsets within a bucket (1/32 h), on bucket edges, past the 32-hour ring and far past it.
  const FAR_OFFSETS = [0, 0, 1 / 64, 1 / 32, 0.5, 1, 31.96875, 32, 32.03125, 33, 40, 64, 100, 2000, 1e6];

  it('gives the same delivery sequence as simjs on a workload that spills past the ring', () => {
    const chunks = [0.5, 1, 31, 1000, 50_000];
    const heap = runWorkload('heap', 7, 20_000, FAR_OFFSETS, chunks);
    const simjs = runWorkload('simjs', 7, 20_000, FAR_OFFSETS, chunks);
    expect(heap.deliveries.length).toBeGreaterThan(19_000);
    expect(heap.deliveries.at(-1)![1]).toBeGreaterThan(1e6);
    expect(heap.deliveries).toEqual(simjs.deliveries);
    expect(heap.status).toEqual(simjs.status);
  });

  it('orders times too far for bucket numbers, and events scheduled after them', () => {
    const { cal, log, record } = recorder('heap');
    cal.schedule(1e308, record, 1);
    cal.schedule(5, record, 2);
    cal.schedule(1e308, record, 3);
    cal.schedule(1.7e308, record, 4);
    const cancelled = cal.schedule(1.79e308, record, 5);
    cal.runUntil(10);
    cal.cancel(cancelled);
    expect(cal.pending).toBe(3);
    cal.runUntil(1.5e308);
    cal.schedule(1.5e308, record, 6);
    cal.schedule(1.6e308, record, 7);
    cal.runUntil(Number.MAX_VALUE);
    expect(log.map((d) => d.arg)).toEqual([2, 1, 3, 6, 7, 4]);
    expect(cal.pending).toBe(0);
  });
});

describe('heap engine ordering property', () => {
  it('delivers 100,000 random-time events in non-decreasing time, each exactly once', () => {
    const N = 100_000;
    const rng = mulberry32(7);
    const cal = new HeapCalendar();
    const scheduled = new Float64Array(N);
    const out = new Float64Array(N);
    const seen = new Uint8Array(N);
    let k = 0;
    const handler = (arg: number) => {
      seen[arg]++;
      out[k++] = cal.now;
    };
    for (let i = 0; i < N; i++) {
      // Mostly continuous times, with some exact duplicates mixed in.
      const t = rng() < 0.1 ? Math.floor(rng() * 100) : rng() * 1000;
      scheduled[i] = t;
      cal.schedule(t, handler, i);
    }
    expect(cal.pending).toBe(N);
    cal.runUntil(1000);
    expect(k).toBe(N);
    let decreases = 0;
    for (let i = 1; i < N; i++) if (out[i] < out[i - 1]) decreases++;
    expect(decreases).toBe(0);
    expect(seen.every((c) => c === 1)).toBe(true);
    // The delivered times are exactly the scheduled times, sorted.
    expect(Array.from(out)).toEqual(Array.from(scheduled.sort()));
  });
});
