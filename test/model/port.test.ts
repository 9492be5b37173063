// A port alone: FIFO by group, never splitting one, never past the day's cap; hours and closed days.

import { describe, expect, it } from 'vitest';
import { Port } from '../../src/model/blocks/port.js';
import type { Port as PortSpec } from '../../src/scenario/schema.js';
import { Sink, context, group, runDays, stage } from './harness.js';

function port(spec: Partial<PortSpec>) {
  const ctx = context();
  const full: PortSpec = { dailyCap: 7, hours: { open: '00:00', close: '24:00' }, closedWeekdays: [], closedDates: [], active: true, ...spec };
  const p = new Port(ctx, stage('port', 'p'), full);
  const out = new Sink(ctx);
  p.leave = out.leave;
  /** Groups of these sizes join the queue at this hour. */
  const queueAt = (hour: number, ...sizes: number[]): number[] => {
    const slots = sizes.map((size) => group(ctx, size));
    ctx.calendar.schedule(hour, () => slots.forEach((slot) => p.enqueue(slot)));
    return slots;
  };
  return { ctx, p, out, queueAt };
}

describe('port', () => {
  it('never splits a group and never exceeds the day cap: the group that does not fit waits for tomorrow', () => {
    const { ctx, p, out, queueAt } = port({ dailyCap: 7 });
    const [a, b, c] = queueAt(1, 3, 3, 3);
    runDays(ctx, 2, p);
    expect(out.handed.map((h) => [h.slot, h.at, h.exit])).toEqual([[a, 1, 'returned'], [b, 1, 'returned'], [c, 24, 'returned']]);
    expect(p.stage.total.returned + p.stage.daily.returned).toBe(9);
  });

  it('is FIFO: a large group at the head blocks the smaller ones behind it', () => {
    const { ctx, p, out, queueAt } = port({ dailyCap: 6 });
    const [a, b, c] = queueAt(2, 4, 5, 1);
    runDays(ctx, 2, p);
    // Day 0: 4 returned, 2 left; the 5 does not fit and the 1 behind it, which would, waits too.
    expect(out.handed.map((h) => [h.slot, h.at])).toEqual([[a, 2], [b, 24], [c, 24]]);
  });

  it('returns only within its hours, and not on closed weekdays or dates', () => {
    // 2019-11-01 is a Friday; the 2nd (Saturday) is a closed weekday, the 3rd a closed date.
    const { ctx, p, out, queueAt } = port({ dailyCap: 100, hours: { open: '08:00', close: '16:00' }, closedWeekdays: ['saturday'], closedDates: ['2019-11-03'] });
    queueAt(1, 2);
    queueAt(17, 3);
    runDays(ctx, 4, p);
    expect(out.handed.map((h) => [h.size, h.at])).toEqual([[2, 8], [3, 3 * 24 + 8]]);
    expect(p.capToday).toBe(100);
  });

  it('takes a dated cap over the constant one', () => {
    const { ctx, p, out, queueAt } = port({ dailyCap: 2, capPeriods: [{ from: '2019-11-02', to: '2019-11-02', dailyCap: 5 }] });
    queueAt(0.5, 1, 1, 1, 1, 1, 1);
    runDays(ctx, 2, p);
    expect(out.handed.map((h) => h.at)).toEqual([0.5, 0.5, 24, 24, 24, 24]);
  });
});
