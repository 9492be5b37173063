// A stage's daily use against its daily cap (a port's returns, a court's hearings), as chart rows and
// a few words per stage: shared by the port and the court charts.

import type { CapRow } from './chart-specs.js';
import { cellNumber } from './cells.js';
import { stageBands, stageIds } from './daily-bands.js';
import type { RunFolder } from './read-run-folder.js';

export interface CapUseSummary {
  id: string;
  usedPerDay: number;
  shareOfCap: number | null;
  daysAtCap: number;
  openDays: number;
}

export function capUse(run: RunFolder, kind: string, column: string): { ids: string[]; rows: CapRow[]; summaries: CapUseSummary[] } | undefined {
  const ids = stageIds(run.daily, kind);
  if (ids.length === 0) return undefined;
  const used = stageBands(run.daily, kind, column);
  const caps = new Map<string, number>();
  // The cap is the scenario's, the same in every replication; the first replication's row gives it.
  for (const row of run.daily) {
    const key = `${row.id}\u0000${row.date}`;
    if (row.kind === kind && !caps.has(key)) caps.set(key, cellNumber(row.cap) ?? 0);
  }
  const rows: CapRow[] = used.map((b) => ({ series: b.series, date: b.date, returned: b.mean, cap: caps.get(`${b.series}\u0000${b.date}`) ?? 0 }));
  const summaries = ids.map((id) => {
    const own = rows.filter((r) => r.series === id);
    const usedSum = own.reduce((s, r) => s + r.returned, 0);
    const capSum = own.reduce((s, r) => s + r.cap, 0);
    return {
      id,
      usedPerDay: usedSum / Math.max(1, own.length),
      shareOfCap: capSum > 0 ? usedSum / capSum : null,
      daysAtCap: own.filter((r) => r.cap > 0 && r.returned >= 0.95 * r.cap).length,
      openDays: own.filter((r) => r.cap > 0).length,
    };
  });
  // A step drawn "after" each day's point ends at the last point: a copy one day later gives the
  // last day its width, like every other day.
  const drawn = [...rows];
  for (const id of ids) {
    const own = rows.filter((r) => r.series === id);
    const last = own[own.length - 1];
    if (last) drawn.push({ ...last, date: nextDate(last.date) });
  }
  return { ids, rows: drawn, summaries };
}

function nextDate(iso: string): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
