// The staffed FIFO alone (processing and screening are both this block): first come first served,
// as many at once as servers on duty, a server going off shift finishes the group in hand.

import { describe, expect, it } from 'vitest';
import { PROCESSING, SCREENING, Service } from '../../src/model/blocks/service.js';
import type { Staffing } from '../../src/scenario/schema.js';
import { Sink, blankRow, context, group, runDays, stage } from './harness.js';

function service(staffing: Staffing | null, kind = PROCESSING) {
  const ctx = context();
  const s = new Service(ctx, stage('sector'), kind, staffing);
  const done = new Sink(ctx);
  s.next = done.next;
  return { ctx, s, done };
}

describe('service', () => {
  it('serves in arrival order, one group per server, each for its own drawn time', () => {
    const { ctx, s, done } = service(2);
    const slots = [3, 1, 2, 1].map((hours) => group(ctx, 2, { processingHours: hours }));
    ctx.calendar.schedule(0, () => slots.forEach((slot) => s.accept(slot)));
    runDays(ctx, 1, s);
    // Two servers: groups 0 and 1 start at 0 (end 3 and 1); group 2 starts at 1 (ends 3); group 3 at 3.
    expect(done.handed.map((h) => [h.slot, h.at])).toEqual([[slots[1], 1], [slots[0], 3], [slots[2], 3], [slots[3], 4]]);
    expect(s.stage.daily.processed).toBe(8);
    expect(ctx.groups.processed[slots[3]]).toBe(4);
  });

  it('an agent going off shift finishes the group in hand; the queue waits for the next shift', () => {
    const { ctx, s, done } = service([{ from: '08:00', to: '10:00', count: 1 }]);
    const long = group(ctx, 1, { processingHours: 5 });
    const next = group(ctx, 1, { processingHours: 1 });
    ctx.calendar.schedule(9, () => {
      s.accept(long);
      s.accept(next);
    });
    runDays(ctx, 2, s);
    // Started at 9, off shift at 10, finished at 14; the next group starts when the shift returns at 32.
    expect(done.handed.map((h) => h.at)).toEqual([14, 33]);
  });

  it('shifts at minute times start and end on time every day (08:20-16:20, issue 11 item 1)', () => {
    const { ctx, s, done } = service([{ from: '08:20', to: '16:20', count: 1 }]);
    const days = 20;
    for (let day = 0; day < days; day++) {
      const slots = Array.from({ length: 8 }, () => group(ctx, 1, { processingHours: 1 }));
      ctx.calendar.schedule(day * 24 + 0.5, () => slots.forEach((slot) => s.accept(slot)));
    }
    runDays(ctx, days, s);
    // One agent, eight 1-hour jobs waiting from 00:30: done at 09:20, 10:20, ... 16:20 each day.
    const late = done.handed.filter((h, i) => Math.abs(h.at - (Math.floor(i / 8) * 24 + 8 + 1 / 3 + 1 + (i % 8))) > 1e-9);
    expect(late).toEqual([]);
  });

  it('with no staff a group passes straight through, stamped at once', () => {
    const { ctx, s, done } = service(null);
    const slot = group(ctx, 4, { processingHours: 7 });
    s.accept(slot);
    expect(done.handed).toEqual([{ slot, at: 0, size: 4 }]);
    expect(s.stage.queuedPeople).toBe(0);
  });

  it('a screening service uses the interview time and counts the interviewed', () => {
    const { ctx, s, done } = service(1, SCREENING);
    const slot = group(ctx, 3, { processingHours: 9, interviewHours: 0.5 });
    ctx.calendar.schedule(0, () => s.accept(slot));
    runDays(ctx, 1, s);
    expect(done.handed.map((h) => h.at)).toEqual([0.5]);
    expect([s.stage.daily.interviewed, s.stage.daily.processed]).toEqual([3, 0]);
  });

  it('reports utilization as busy over on-duty server-hours', () => {
    const { ctx, s } = service(2);
    const slot = group(ctx, 1, { processingHours: 12 });
    ctx.calendar.schedule(0, () => s.accept(slot));
    runDays(ctx, 1, s);
    const row = blankRow();
    s.closeDay(24, row);
    expect(row.utilization).toBeCloseTo(12 / 48, 12);
  });
});
