// A port's intake for hearing-day crossings: never more than its people a day, whole groups in the
// order they present, and a group it cannot take in misses the hearing and is booked again (not in
// absentia), with conservation holding.

import { describe, expect, it } from 'vitest';
import { HearingIntake } from '../../src/model/blocks/hearing-intake.js';
import { simulate, type DailyRow } from '../../src/model/index.js';
import { balance, metric, oneCourt, scenario } from '../support/scenarios.js';
import { blankRow, context, group, Sink, stage } from './harness.js';

describe('the hearing intake block', () => {
  it('takes in whole groups in the order they present up to its people a day; from the first that does not fit, refuses the rest of the day', () => {
    const ctx = context();
    const intake = new HearingIntake(ctx, stage('port'), 10);
    const taken = new Sink(ctx);
    const refused = new Sink(ctx);
    intake.next = taken.next;
    intake.refused = refused.next;
    intake.openDay();
    const sizes = [4, 5, 3, 1, 1];
    const slots = sizes.map((n) => group(ctx, n));
    for (const slot of slots) intake.present(slot);
    // 4 + 5 = 9; the 3 does not fit, and the 1s behind it do not overtake it.
    expect(taken.slots).toEqual(slots.slice(0, 2));
    expect(refused.slots).toEqual(slots.slice(2));
    const row = blankRow('port');
    intake.closeDay(0, row);
    expect(row.optional).toEqual({ intake_refused: 5 });
    expect(intake.refusedTotal).toBe(5);
    // A new day starts with the whole intake free again.
    intake.openDay();
    intake.present(slots[2]);
    expect(taken.slots).toEqual([...slots.slice(0, 2), slots[2]]);
  });
});

function withIntake(intake: number | undefined, noShow = 0) {
  return scenario({
    ...oneCourt({ perDay: 30, mix: { pair: 1 }, port: intake === undefined ? {} : { hearingIntakePerDay: intake }, court: { noShow: [noShow] } }),
    categories: { pair: { groupSize: { values: [1, 2, 3], weights: [1, 1, 1] }, mppEligible: true } },
  });
}

const rows = (daily: readonly DailyRow[], id: string): DailyRow[] => daily.filter((r) => r.id === id);

describe('a port with a hearing intake, in a run', () => {
  it('never takes in more than its intake a day; those it refuses are booked again, not heard in absentia', () => {
    const result = simulate(withIntake(20));
    const port = rows(result.daily, 'bridge');
    expect(port.every((r) => (r.counts.crossings_in as number) <= 20)).toBe(true);
    // About 30 people a day are called from day 5 on: the intake binds and refuses some every day.
    expect(port.slice(6).every((r) => (r.optional?.intake_refused as number) > 0)).toBe(true);
    const refused = metric(result.metrics, 'intake_refused', 'bridge');
    expect(refused).toBe(port.reduce((a, r) => a + (r.optional?.intake_refused as number), 0));
    // Nobody absent (noShow 0): a refusal is never an in absentia order.
    expect(metric(result.metrics, 'in_absentia', 'total')).toBe(0);
    // Everyone called crossed in and was heard, or was refused and booked again.
    const crossed = port.reduce((a, r) => a + (r.counts.crossings_in as number), 0);
    expect(crossed).toBe(metric(result.metrics, 'hearings_held', 'court'));
    expect(crossed + refused).toBeLessThanOrEqual(metric(result.metrics, 'hearings_scheduled', 'court'));
  });

  it('conservation holds with refusals, on both engines', () => {
    for (const engine of ['heap', 'simjs'] as const) {
      const m = simulate(withIntake(12, 0.1), { engine }).metrics;
      for (const scope of ['total', 'a']) expect(balance(m, scope).out).toBe(balance(m, scope).in);
      expect(metric(m, 'intake_refused', 'bridge')).toBeGreaterThan(0);
    }
  });

  it('an intake that never binds changes no figure; without one the port reports no intake figures', () => {
    const none = simulate(withIntake(undefined));
    const wide = simulate(withIntake(100_000));
    expect(wide.metrics.filter((m) => m.metric !== 'intake_refused')).toEqual(none.metrics);
    expect(metric(wide.metrics, 'intake_refused', 'bridge')).toBe(0);
    expect(none.metrics.some((m) => m.metric === 'intake_refused')).toBe(false);
    expect(none.daily.some((r) => r.optional !== undefined)).toBe(false);
  });
});
