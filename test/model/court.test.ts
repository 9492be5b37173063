// The hearing half against arithmetic known exactly: the docket's lead time with deterministic
// returns, no-shows as a binomial share, resets returned through the port's cap, and conservation
// with people waiting in Mexico.

import { describe, expect, it } from 'vitest';
import { simulate, type DailyRow } from '../../src/model/index.js';
import { metric, scenario } from '../support/scenarios.js';

type Outcome = { reset: number; removal: number; relief: number; terminated: number };
const REMOVAL: Outcome = { reset: 0, removal: 1, relief: 0, terminated: 0 };

function hearings(o: { perDay: number; slots: number; days?: number; noShow?: number; outcomes?: Outcome[]; cap?: number; leadDays?: number }) {
  return scenario({
    days: o.days ?? 40,
    sectors: {
      a: { holdingCapacity: 100_000, arrivals: { peoplePerDay: o.perDay, count: 'deterministic', mix: { single: 1 } }, mpp: { enrolledFraction: 1 }, port: 'bridge' },
    },
    ports: { bridge: { dailyCap: o.cap ?? 100_000, court: 'court' } },
    courts: {
      court: {
        slotsPerDay: o.slots,
        closedWeekdays: [],
        leadDays: o.leadDays ?? 10,
        resetDays: 3,
        travelHours: { dist: 'deterministic', value: 0.5 },
        noShow: [o.noShow ?? 0],
        outcomes: o.outcomes ?? [REMOVAL],
      },
    },
  });
}

const rows = (daily: readonly DailyRow[], id: string): DailyRow[] => daily.filter((r) => r.id === id);

describe('the docket', () => {
  it('while returns a day (λ) do not exceed its slots (S), every first hearing is exactly the lead time away', () => {
    const court = rows(simulate(hearings({ perDay: 20, slots: 20 })).daily, 'court');
    expect(court.every((r) => r.docketLeadDays === 10)).toBe(true);
    // Heard from day 10 on, 20 a day.
    expect(court.map((r) => r.counts.hearings_held)).toEqual([...Array(10).fill(0), ...Array(30).fill(20)]);
  });

  it('with λ > S the lead time grows by (λ − S) / S days a day', () => {
    const court = rows(simulate(hearings({ perDay: 30, slots: 20 })).daily, 'court');
    // Person k (in return order) is heard on day 10 + floor(k / 20); day d books k = 30d ... 30d + 29,
    // so on an even day the mean lead is 10 + 1/3 + d / 2: it grows by (30 - 20) / 20 = 0.5 a day.
    for (const d of [0, 2, 10, 20, 38]) expect(court[d].docketLeadDays).toBeCloseTo(10 + 1 / 3 + d / 2, 10);
    expect(court.slice(10).every((r) => r.counts.hearings_held === 20)).toBe(true);
  });

  it('with no-show probability p, the share heard in absentia is inside a 99.9% binomial interval of p', () => {
    const p = 0.3;
    const m = simulate(hearings({ perDay: 100, slots: 1000, days: 60, noShow: p, leadDays: 5 })).metrics;
    const absent = metric(m, 'in_absentia', 'court');
    const called = absent + metric(m, 'hearings_held', 'court');
    expect(called).toBe(55 * 100);
    // |X − np| < 3.29 sd misses with probability 0.001 (normal approximation, n = 5,500).
    expect(Math.abs(absent - p * called)).toBeLessThan(3.29 * Math.sqrt(called * p * (1 - p)));
  });
});

describe('resets', () => {
  it('people reset at a hearing are returned through the port cap, ahead of later first returns, never above the cap', () => {
    const s = hearings({ perDay: 40, slots: 1000, cap: 50, leadDays: 3, outcomes: [{ reset: 1, removal: 0, relief: 0, terminated: 0 }] });
    const result = simulate(s);
    const port = rows(result.daily, 'bridge');
    expect(port.every((r) => (r.counts.returned as number) <= 50)).toBe(true);
    // Once hearings begin, 40 first returns and the resets together exceed 50 a day: the port runs at
    // its cap and its line grows, first returns waiting behind the hearing returns ahead of them.
    expect(port.slice(10).every((r) => r.counts.returned === 50)).toBe(true);
    expect(port[39].queueEnd).toBeGreaterThan(port[20].queueEnd);
    expect(port.slice(10).every((r) => (r.counts.returned_after_hearing as number) > 0)).toBe(true);
    expect(port.reduce((a, r) => a + (r.counts.crossings_in as number), 0)).toBeGreaterThan(0);
  });
});

describe('conservation with people waiting in Mexico', () => {
  it('arrivals = every exit + in custody + in Mexico, per sector and in total', () => {
    const s = hearings({ perDay: 30, slots: 25, noShow: 0.2, outcomes: [{ reset: 0.6, removal: 0.3, relief: 0.05, terminated: 0.05 }, { reset: 0.2, removal: 0.6, relief: 0.1, terminated: 0.1 }], cap: 60 });
    for (const engine of ['heap', 'simjs'] as const) {
      const m = simulate(s, { engine }).metrics;
      for (const scope of ['total', 'a']) {
        const parts = ['returned', 'released', 'screened_out', 'other', 'in_absentia', 'removal_ordered', 'relief', 'terminated', 'in_custody_end', 'in_mexico_end'];
        expect(parts.reduce((sum, k) => sum + metric(m, k, scope), 0)).toBe(metric(m, 'arrivals', scope));
      }
      expect(metric(m, 'in_mexico_end', 'total')).toBeGreaterThan(0);
      expect(metric(m, 'relief', 'total')).toBeGreaterThan(0);
      expect(metric(m, 'days_to_first_hearing_mean', 'total')).toBeGreaterThanOrEqual(10);
      // One court: its own days figures are the total's.
      expect(metric(m, 'days_to_first_hearing_p90', 'court')).toBe(metric(m, 'days_to_first_hearing_p90', 'total'));
      expect(metric(m, 'days_to_decision_mean', 'court')).toBe(metric(m, 'days_to_decision_mean', 'total'));
    }
  });

  it('a scenario without courts reports no hearing figures', () => {
    const m = simulate(scenario({ sectors: { a: { holdingCapacity: 100, arrivals: { peoplePerDay: 5, mix: { single: 1 } }, mpp: { enrolledFraction: 1 }, port: 'p' } }, ports: { p: { dailyCap: 10 } } })).metrics;
    expect(m.some((x) => x.metric === 'in_mexico_end' || x.metric === 'crossings_to_mexico')).toBe(false);
  });
});

describe('per-person records with courts', () => {
  it('carry the first return to Mexico and the hearings held; a decided case leaves by its decision', () => {
    const people: { outcome: string; firstReturnedHours: number | null; hearings: number | null; exitHours: number | null }[] = [];
    const s = hearings({ perDay: 10, slots: 100, outcomes: [{ reset: 1, removal: 0, relief: 0, terminated: 0 }, { reset: 0, removal: 0, relief: 1, terminated: 0 }], leadDays: 2 });
    simulate({ ...s, days: 20 }, { onPerson: (p) => people.push(p) });
    const relieved = people.filter((p) => p.outcome === 'relief');
    expect(relieved.length).toBeGreaterThan(0);
    expect(relieved.every((p) => p.hearings === 2 && p.firstReturnedHours !== null && p.exitHours! > p.firstReturnedHours)).toBe(true);
    expect(people.filter((p) => p.outcome === 'in_mexico').length).toBeGreaterThan(0);
  });
});

describe('fear expressed at a hearing', () => {
  const withFear = (positiveRate: number) =>
    scenario({
      days: 30,
      sectors: { a: { holdingCapacity: 100_000, arrivals: { peoplePerDay: 20, count: 'deterministic', mix: { single: 1 } }, mpp: { enrolledFraction: 1 }, port: 'bridge' } },
      ports: { bridge: { dailyCap: 100_000, court: 'court' } },
      screenings: { officers: { fearFraction: 0, officers: 6, interviewMinutes: { dist: 'deterministic', value: 30 }, positiveRate } },
      courts: {
        court: {
          screening: 'officers',
          slotsPerDay: 100,
          closedWeekdays: [],
          leadDays: 5,
          resetDays: 5,
          travelHours: { dist: 'deterministic', value: 0.5 },
          noShow: [0],
          outcomes: [{ reset: 0, removal: 0, relief: 0, terminated: 0, fear: 1 }],
        },
      },
    });

  it('sends the case to the court\'s screening: found positive, it leaves as screened out', () => {
    const m = simulate(withFear(1)).metrics;
    const heard = metric(m, 'hearings_held', 'court');
    expect(heard).toBe(25 * 20);
    expect(metric(m, 'screened_out', 'officers')).toBe(heard);
    expect(metric(m, 'returned_after_hearing', 'bridge')).toBe(0);
  });

  it('found negative, it is returned through the port and booked again, like a reset', () => {
    const m = simulate(withFear(0)).metrics;
    expect(metric(m, 'screened_out', 'total')).toBe(0);
    expect(metric(m, 'interviewed', 'officers')).toBe(metric(m, 'hearings_held', 'court'));
    expect(metric(m, 'returned_after_hearing', 'bridge')).toBe(metric(m, 'hearings_held', 'court'));
  });

  it('a court whose outcomes send cases to a screening must name one', () => {
    const s = withFear(1) as unknown as { courts: { court: { screening?: string } } };
    expect(() => scenario({ ...(s as object), courts: { court: { ...s.courts.court, screening: undefined } } } as never)).toThrow(/outcomes\[0\]\.fear: sends cases to a screening, but the court names none/);
  });
});
