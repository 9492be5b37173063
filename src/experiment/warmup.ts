// Welch's method for choosing a warm-up length: average each key queue's daily level across
// replications, smooth it with a moving average, and find the day after which the smoothed
// series stays near its long-run level. A queue that keeps growing has no steady state to wait for.

import type { DailyRow, ReplicationResult } from '../model/index.js';

export interface WelchSeries {
  kind: DailyRow['kind'];
  id: string;
  series: 'queue_mean' | 'occupancy_mean';
  dates: string[];
  mean: number[];
  movingAverage: number[];
  /** Days to discard; null when the series has no steady state within the horizon. */
  suggestedDays: number | null;
  note: string;
}

/** Tolerance around the long-run level: 5% of it, or half a person for near-empty queues. */
const RELATIVE_BAND = 0.05;
const ABSOLUTE_BAND = 0.5;

export function welch(results: readonly ReplicationResult[], window: number): WelchSeries[] {
  const first = results[0]?.daily ?? [];
  const keys = new Map<string, { kind: DailyRow['kind']; id: string }>();
  for (const row of first) keys.set(`${row.kind}/${row.id}`, { kind: row.kind, id: row.id });
  const out: WelchSeries[] = [];
  for (const { kind, id } of keys.values()) {
    for (const series of kind === 'sector' ? (['queue_mean', 'occupancy_mean'] as const) : (['queue_mean'] as const)) {
      const rows = results.map((r) => r.daily.filter((d) => d.kind === kind && d.id === id));
      const days = rows[0].length;
      const value = (row: DailyRow): number => (series === 'queue_mean' ? row.queueMean : (row.occupancyMean ?? 0));
      const mean = Array.from({ length: days }, (_, d) => rows.reduce((sum, r) => sum + value(r[d]), 0) / rows.length);
      const movingAverage = smooth(mean, window);
      out.push({ kind, id, series, dates: rows[0].map((r) => r.date), mean, movingAverage, ...suggest(movingAverage) });
    }
  }
  return out;
}

/** Welch's moving average: a centred window of 2w+1 days, shrunk symmetrically near the start. */
export function smooth(values: readonly number[], window: number): number[] {
  const n = values.length;
  const last = n - window; // days with a full window after them
  const out: number[] = [];
  for (let d = 0; d < Math.max(0, last); d++) {
    const w = Math.min(window, d);
    let sum = 0;
    for (let k = d - w; k <= d + w; k++) sum += values[k];
    out.push(sum / (2 * w + 1));
  }
  return out;
}

function suggest(ma: readonly number[]): { suggestedDays: number | null; note: string } {
  const n = ma.length;
  if (n < 8) return { suggestedDays: null, note: 'horizon too short to judge' };
  const quarter = Math.floor(n / 4);
  const avg = (from: number, to: number): number => ma.slice(from, to).reduce((a, b) => a + b, 0) / Math.max(1, to - from);
  const third = avg(2 * quarter, 3 * quarter);
  const fourth = avg(3 * quarter, n);
  if (fourth > third * 1.1 + ABSOLUTE_BAND) return { suggestedDays: null, note: 'keeps growing: no steady state (capacity below demand)' };
  const level = avg(Math.floor(n / 2), n);
  const band = Math.max(RELATIVE_BAND * level, ABSOLUTE_BAND);
  let day = n;
  while (day > 0 && Math.abs(ma[day - 1] - level) <= band) day--;
  return { suggestedDays: day, note: `within ±${band.toFixed(2)} of its level ${level.toFixed(2)} from day ${day}` };
}
