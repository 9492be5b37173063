// A bus route alone: whole groups board in queue order, never past the seats nor the destination's
// free holding; fill-behind lets a smaller group past a larger one; a fleet bus is away until back.

import { describe, expect, it } from 'vitest';
import { BusRoute } from '../../src/model/blocks/bus-route.js';
import { Holding } from '../../src/model/blocks/holding.js';
import type { BusRoute as BusRouteSpec } from '../../src/scenario/schema.js';
import { Sink, blankRow, context, fixed, group, runDays, stage } from './harness.js';

function route(spec: Partial<BusRouteSpec>, destinationCapacity = 1000) {
  const ctx = context();
  const origin = new Holding(ctx, 'a', 0, 1000, stage('sector', 'a'));
  const destination = new Holding(ctx, 'b', 1, destinationCapacity, stage('sector', 'b'));
  const full: BusRouteSpec = { from: 'a', to: 'b', departures: ['06:00'], busesPerDeparture: 1, seatsPerBus: 10, travelHours: fixed(2), fillBehind: false, active: true, ...spec };
  const r = new BusRoute(ctx, stage('bus-route', 'r'), full, origin, destination);
  const arrived = new Sink(ctx);
  r.next = arrived.next;
  /** Groups of these sizes, held at the origin and queued for the bus at 00:00. */
  const queue = (...sizes: number[]): number[] =>
    sizes.map((size) => {
      const slot = group(ctx, size);
      origin.occupy(size);
      r.enqueue(slot);
      return slot;
    });
  return { ctx, r, origin, destination, arrived, queue };
}

describe('bus route', () => {
  it('boards whole groups in order up to the seats, and they arrive after the travel time', () => {
    const { ctx, r, origin, destination, arrived, queue } = route({});
    const [a, b, c] = queue(4, 5, 3);
    runDays(ctx, 1, r);
    expect(arrived.handed.map((h) => [h.slot, h.at])).toEqual([[a, 8], [b, 8]]);
    expect(r.queue.length).toBe(1);
    expect(r.queue.peek()).toBe(c);
    expect([origin.occupied, destination.occupied, destination.reserved]).toEqual([3, 9, 0]);
    expect([r.stage.daily.boarded, r.stage.daily.seats_offered, r.stage.daily.departures]).toEqual([9, 10, 1]);
    expect(destination.stage.daily.bus_arrivals).toBe(9);
  });

  it('with fill-behind a smaller group behind takes a seat a larger one ahead cannot use', () => {
    const { ctx, r, arrived, queue } = route({ fillBehind: true });
    const [a, , c] = queue(4, 7, 6);
    runDays(ctx, 1, r);
    expect(arrived.slots).toEqual([a, c]);
    expect(r.queue.length).toBe(1);
  });

  it('never boards past the destination free holding, counting seats already reserved', () => {
    const { ctx, r, destination, arrived, queue } = route({ departures: ['06:00', '07:00'], travelHours: fixed(5) }, 12);
    destination.occupy(3);
    queue(5, 5, 2);
    runDays(ctx, 1, r);
    // 9 free: the 06:00 bus takes 5 (4 left, the next 5 does not fit); at 07:00 the 5 still waits.
    expect(arrived.handed.map((h) => [h.size, h.at])).toEqual([[5, 11]]);
    expect(destination.occupied + destination.reserved).toBeLessThanOrEqual(12);
    expect(r.stage.daily.departures).toBe(1);
  });

  it('an empty bus does not leave, and a fleet bus is away until it is back', () => {
    const { ctx, r, arrived, queue } = route({ departures: ['01:00', '02:00', '09:00'], busesPerDeparture: 2, seatsPerBus: 2, travelHours: fixed(3), fleet: { buses: 2, returnHours: fixed(4) } });
    queue(2, 2, 2);
    runDays(ctx, 1, r);
    // 01:00: both buses leave (back at 08:00); 02:00: none available, no seats offered; 09:00: the
    // first bus takes the last group, the second has nobody and stays.
    expect(arrived.handed.map((h) => h.at)).toEqual([4, 4, 12]);
    expect(r.available).toBe(2); // the 09:00 bus was back at 16:00
    expect(r.stage.daily.departures).toBe(3);
    expect(r.stage.daily.seats_offered).toBe(8);
  });

  it('reports the day load factor as boarded over seats offered', () => {
    const { ctx, r, queue } = route({});
    queue(4);
    runDays(ctx, 1, r);
    const row = blankRow('bus-route');
    row.counts.boarded = r.stage.daily.boarded;
    row.counts.seats_offered = r.stage.daily.seats_offered;
    r.closeDay(24, row);
    expect(row.busLoadFactor).toBe(0.4);
  });
});
