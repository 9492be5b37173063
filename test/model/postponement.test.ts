// A court's dated postponement: from its announcement no booking falls in the window, and a hearing
// already booked in it is given, at its call time, the first free day after it; nobody is heard in
// the window, and conservation holds.

import { describe, expect, it } from 'vitest';
import { simulate, type DailyRow } from '../../src/model/index.js';
import { balance, metric, oneCourt, scenario } from '../support/scenarios.js';

const REMOVAL = { reset: 0, removal: 1, relief: 0, terminated: 0 };

function postponed(windows: { from: string; to: string }[] | undefined, noShow = 0) {
  return scenario({
    ...oneCourt({ perDay: 20, mix: { single: 1 }, days: 30, court: { leadDays: 2, noShow: [noShow], outcomes: [REMOVAL], ...(windows ? { postponements: windows } : {}) } }),
    categories: { single: { groupSize: 1, mppEligible: true } },
  });
}

const court = (daily: readonly DailyRow[]): DailyRow[] => daily.filter((r) => r.id === 'court');

describe('a postponement of hearings', () => {
  // Days 10-14 (11-15 Nov 2019), announced on day 10. Returns of 20 a day are booked 2 days out.
  const window = [{ from: '2019-11-11', to: '2019-11-15' }];

  it('moves hearings booked in it to the first day after it, and books nobody in it once announced', () => {
    const rows = court(simulate(postponed(window)).daily);
    const held = rows.map((r) => r.counts.hearings_held);
    // Bookings of days 0-7 are heard on days 2-9. Those of days 8 and 9 (for days 10 and 11, made
    // before the announcement) are moved at their call time to day 15; those of days 10-13 (for days
    // 12-15) find the docket closed until day 15: 6 x 20 heard on day 15, then 20 a day again.
    expect(held).toEqual([0, 0, ...Array(8).fill(20), 0, 0, 0, 0, 0, 120, ...Array(14).fill(20)]);
    expect(rows.map((r) => r.optional?.postponed)).toEqual([...Array(10).fill(0), 20, 20, ...Array(18).fill(0)]);
    expect(rows.slice(10, 15).every((r) => r.counts.cap === 0)).toBe(true);
    // A moved hearing is a new booking, on its original day.
    expect(rows[10].counts.hearings_scheduled).toBe(40);
  });

  it('conservation holds; the appearance draws do not shift, so a window after the run changes no figure', () => {
    const m = simulate(postponed(window, 0.3)).metrics;
    for (const scope of ['total', 'a']) expect(balance(m, scope).out).toBe(balance(m, scope).in);
    expect(metric(m, 'postponed', 'court')).toBeGreaterThan(0);
    const after = simulate(postponed([{ from: '2020-01-01', to: '2020-01-31' }], 0.3)).metrics;
    const none = simulate(postponed(undefined, 0.3)).metrics;
    expect(after.filter((x) => x.metric !== 'postponed')).toEqual(none);
    expect(none.some((x) => x.metric === 'postponed')).toBe(false);
  });

  it('a window must not end before it starts', () => {
    expect(() => postponed([{ from: '2019-11-15', to: '2019-11-11' }])).toThrow(/courts\.court\.postponements\[0\]\.to: expected from on or before to/);
  });
});
