// Holding alone: admits whole groups while there is room, releases the rest, keeps bus seats reserved.

import { describe, expect, it } from 'vitest';
import { Holding } from '../../src/model/blocks/holding.js';
import { InvariantError } from '../../src/model/invariants.js';
import { Sink, blankRow, context, group, stage } from './harness.js';

function holding(capacity: number) {
  const ctx = context();
  const h = new Holding(ctx, 'yuma', 0, capacity, stage('sector', 'yuma'));
  const next = new Sink(ctx);
  const out = new Sink(ctx);
  h.next = next.next;
  h.leave = out.leave;
  return { ctx, h, next, out };
}

describe('holding', () => {
  it('admits groups up to capacity and releases, whole, a group that does not fit', () => {
    const { ctx, h, next, out } = holding(10);
    const a = group(ctx, 4);
    const b = group(ctx, 6);
    const c = group(ctx, 1);
    [a, b, c].forEach((slot) => h.admit(slot));
    expect(next.slots).toEqual([a, b]);
    expect(h.occupied).toBe(10);
    expect(out.handed).toEqual([{ slot: c, at: 0, size: 1, exit: 'released' }]);
    expect(h.stage.daily.released).toBe(1);
  });

  it('never splits a group: 3 of a 5 would fit, all 5 are released', () => {
    const { ctx, h, next, out } = holding(8);
    h.admit(group(ctx, 5));
    h.admit(group(ctx, 5));
    expect(next.people).toBe(5);
    expect(out.people).toBe(5);
    expect(h.free).toBe(3);
  });

  it('counts places reserved for a bus on its way as taken, until the bus arrives', () => {
    const { ctx, h, next, out } = holding(10);
    h.reserve(7);
    h.admit(group(ctx, 4));
    expect(out.people).toBe(4);
    h.receive(7);
    expect([h.occupied, h.reserved, h.stage.daily.bus_arrivals]).toEqual([7, 0, 7]);
    h.admit(group(ctx, 3));
    expect(next.people).toBe(3);
    expect(h.free).toBe(0);
  });

  it('guards the capacity invariant against any caller', () => {
    const { h } = holding(5);
    h.occupy(5);
    expect(() => h.occupy(1)).toThrow(InvariantError);
  });

  it('reports the day occupancy figures from its time-weighted record', () => {
    const { ctx, h } = holding(10);
    h.occupy(4);
    ctx.calendar.schedule(12, () => h.vacate(4));
    ctx.calendar.runUntil(24);
    const row = blankRow();
    h.closeDay(24, row);
    expect([row.occupancyEnd, row.occupancyMean, row.occupancyMax]).toEqual([0, 2, 4]);
  });
});
