// Transport between a court's port and the court: no trip carries more than its seats, a group boards
// only whole and in the order it came, who has no seat on the day's last trip to court misses the
// hearing, and conservation holds in a run.

import { describe, expect, it } from 'vitest';
import { CourtTransport } from '../../src/model/blocks/court-transport.js';
import { simulate, type DailyRow } from '../../src/model/index.js';
import { dailyMeanCsv } from '../../src/output/daily-mean.js';
import { dailyCsv } from '../../src/output/daily-rows.js';
import { sampler } from '../../src/random/index.js';
import { balance, metric, oneCourt, scenario } from '../support/scenarios.js';
import { blankRow, context, fixed, group, Sink, stage } from './harness.js';

function transport(toCourt: string[], toPort: string[] = ['12:00']) {
  const ctx = context();
  const t = new CourtTransport(ctx, stage('court'), { seatsPerTrip: 6, toCourt, toPort }, sampler(fixed(0.5), ctx.stream('test')));
  const atCourt = new Sink(ctx);
  const atPort = new Sink(ctx);
  const missed = new Sink(ctx);
  t.arrivedAtCourt = atCourt.next;
  t.arrivedAtPort = atPort.next;
  t.missed = missed.next;
  return { ctx, t, atCourt, atPort, missed };
}

describe('the court transport block', () => {
  it('boards whole groups in order up to its seats; the first that does not fit waits; no seat on the last trip to court: missed', () => {
    const { ctx, t, atCourt, missed } = transport(['05:00', '06:00']);
    t.openDay(0, 0);
    const slots = [4, 3, 2, 5, 2].map((n) => group(ctx, n));
    for (const slot of slots) t.toCourt(slot);
    ctx.calendar.runUntil(24);
    // 05:00 carries 4 (the 3 does not fit); 06:00 carries 3 + 2 (the 5 does not fit); the 5 and the 2 behind it miss.
    expect(atCourt.handed.map((h) => [h.size, h.at])).toEqual([[4, 5.5], [3, 6.5], [2, 6.5]]);
    expect(missed.handed.map((h) => [h.size, h.at])).toEqual([[5, 6], [2, 6]]);
    const row = blankRow('court');
    t.closeDay(24, row);
    expect(row.optional).toEqual({ trips_to_court: 2, rode_to_court: 9, missed_no_seat: 7, trips_to_port: 0, rode_to_port: 0 });
  });

  it('a group that comes after the last trip to court has left misses at once; the way back waits for the next trip, the next day if need be', () => {
    const { ctx, t, atPort, missed } = transport(['05:00'], ['12:00']);
    t.openDay(0, 0);
    ctx.calendar.runUntil(7);
    const late = group(ctx, 1);
    t.toCourt(late);
    expect(missed.slots).toEqual([late]);
    const back = [5, 4].map((n) => group(ctx, n));
    for (const slot of back) t.toPort(slot);
    ctx.calendar.runUntil(24);
    t.openDay(1, 24);
    ctx.calendar.runUntil(48);
    expect(atPort.handed.map((h) => [h.size, h.at])).toEqual([[5, 12.5], [4, 36.5]]);
  });
});

function withTransport(seatsPerTrip: number | null) {
  const transport = seatsPerTrip === null ? {} : { transport: { seatsPerTrip, toCourt: ['05:30', '07:00'], toPort: ['13:00', '16:00'] } };
  return scenario({
    ...oneCourt({
      perDay: 40,
      mix: { family: 1 },
      court: { port: 'bridge', travelHours: { dist: 'uniform', min: 0.5, max: 1 }, noShow: [0.1], outcomes: [{ reset: 0.6, removal: 0.3, relief: 0.05, terminated: 0.05 }], ...transport },
    }),
    categories: { family: { groupSize: { values: [1, 2, 3, 4], weights: [1, 1, 1, 1] }, mppEligible: true } },
  });
}

const rows = (daily: readonly DailyRow[], id: string): DailyRow[] => daily.filter((r) => r.id === id);

describe('a court with transport, in a run', () => {
  it('carries no more than the seats of the trips that ran; who had no seat to court is returned and booked again', () => {
    const result = simulate(withTransport(12));
    const court = rows(result.daily, 'court');
    const o = (r: DailyRow, k: keyof NonNullable<DailyRow['optional']>): number => r.optional?.[k] as number;
    expect(court.every((r) => o(r, 'rode_to_court') <= 12 * o(r, 'trips_to_court') && o(r, 'trips_to_court') <= 2)).toBe(true);
    expect(court.every((r) => o(r, 'rode_to_port') <= 12 * o(r, 'trips_to_port') && o(r, 'trips_to_port') <= 2)).toBe(true);
    // About 36 appear a day from day 5 and 24 seats go to court: some miss every day.
    expect(court.slice(6).every((r) => o(r, 'missed_no_seat') > 0)).toBe(true);
    const m = result.metrics;
    const carried = metric(m, 'rode_to_court', 'court');
    expect(carried).toBe(metric(m, 'hearings_held', 'court'));
    expect(metric(m, 'crossings_in', 'bridge')).toBe(carried + metric(m, 'missed_no_seat', 'court'));
    expect(metric(m, 'trip_load_factor', 'court')).toBeLessThanOrEqual(1);
  });

  it('conservation holds on both engines, with people waiting for a trip at the end', () => {
    for (const engine of ['heap', 'simjs'] as const) {
      const m = simulate(withTransport(8), { engine }).metrics;
      for (const scope of ['total', 'a']) expect(balance(m, scope).out).toBe(balance(m, scope).in);
      expect(metric(m, 'in_mexico_end', 'total')).toBeGreaterThan(0);
    }
  });

  it('daily.csv and daily-mean.csv carry the transport columns only for a court with transport', () => {
    const withIt = simulate(withTransport(12));
    const without = simulate(withTransport(null));
    expect(dailyCsv([withIt]).split('\n')[0]).toMatch(/,docket_lead_days,trips_to_court,rode_to_court,missed_no_seat,trips_to_port,rode_to_port$/);
    expect(dailyCsv([without]).split('\n')[0]).toMatch(/,docket_lead_days$/);
    const mean = dailyMeanCsv([{ name: 'x', results: [withIt] }], false);
    expect(mean).toContain(`10,2019-11-11,court,court,rode_to_court,${withIt.daily.find((r) => r.day === 10 && r.id === 'court')?.optional?.rode_to_court},`);
    expect(dailyMeanCsv([{ name: 'x', results: [without] }], false)).not.toContain('rode_to_court');
  });

  it('a court with transport must name the port its trips run from', () => {
    const document = oneCourt({ perDay: 1, mix: { single: 1 }, court: { transport: { seatsPerTrip: 5, toCourt: ['06:00'], toPort: ['14:00'] } } });
    expect(() => scenario({ ...document, categories: { single: { groupSize: 1, mppEligible: true } } })).toThrow(/courts\.court\.transport: runs from the court's port, but the court names none; expected courts\.court\.port/);
  });

  it('a court without transport reports no transport figures', () => {
    const result = simulate(withTransport(null));
    expect(result.metrics.some((x) => x.metric === 'trips_to_court')).toBe(false);
    expect(result.daily.some((r) => r.optional !== undefined)).toBe(false);
  });
});
