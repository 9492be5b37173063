// The hearing half's charts, shown when a run has courts: each court's hearings a day against its
// docket slots, and each port's crossings by purpose (first returns, returns after a hearing, and
// crossings in for a hearing). People waiting in Mexico per court are the queue chart's court panels.

import { bandChart, capChart, type BandRow } from './chart-specs.js';
import { cellNumber, type CsvRow } from './cells.js';
import { capUse } from './cap-use.js';
import { stageBands, stageIds } from './daily-bands.js';
import { percent, readable } from './html.js';
import type { RunFolder } from './read-run-folder.js';
import type { ChartDefinition } from './render-chart.js';

export function courtDocketChart(run: RunFolder): ChartDefinition | undefined {
  const use = capUse(run, 'court', 'hearings_held');
  if (!use) return undefined;
  const described = use.summaries.map((u) => `${u.id}: ${readable(u.usedPerDay)} heard a day on average, ${percent(u.shareOfCap)} of its slots; within 5% of its slots on ${u.daysAtCap} of ${u.openDays} hearing days`);
  return {
    id: 'chart-court-docket',
    title: 'Hearings a day against the docket',
    description: `People heard per day at each court, mean across replications, and that day's docket slots. ${described.join('; ')}.`,
    spec: capChart(use.rows, use.ids, 'Hearings a day against the docket', 'area: people heard per day, mean across replications; dashed: the day\u2019s slots', {
      used: 'heard (mean across replications)',
      cap: 'docket slots (0 on days without hearings)',
    }),
  };
}

const PURPOSES: [string, string][] = [
  ['first_returns', 'first returns to Mexico'],
  ['returned_after_hearing', 'returns after a hearing'],
  ['crossings_in', 'crossings in for a hearing'],
];

export function portCrossingsChart(run: RunFolder, marks: readonly { date: string; label: string }[]): ChartDefinition | undefined {
  if (!run.daily.some((r) => r.kind === 'court')) return undefined;
  // First returns are the port's returns less those after a hearing, per row (so per replication).
  const daily: CsvRow[] = run.daily.map((r) =>
    r.kind === 'port' ? { ...r, first_returns: String((cellNumber(r.returned) ?? 0) - (cellNumber(r.returned_after_hearing) ?? 0)) } : r,
  );
  const ports = stageIds(daily, 'port');
  const rows: BandRow[] = PURPOSES.flatMap(([column, label]) =>
    stageBands(daily, 'port', column).map((b) => ({ series: b.series, group: label, date: b.date, mean: b.mean, low: b.low === null ? null : Math.max(0, b.low), high: b.high })),
  );
  const totals = ports.map((id) => {
    const sum = (label: string) => rows.filter((r) => r.series === id && r.group === label).reduce((s, r) => s + r.mean, 0);
    return `${id}: ${PURPOSES.map(([, label]) => `${readable(sum(label))} ${label}`).join(', ')}`;
  });
  return {
    id: 'chart-port-crossings',
    title: 'Crossings at each port, by purpose',
    description: `People crossing at each port per day, mean across replications, by purpose. Over the run, ${totals.join('; ')}.`,
    spec: bandChart(rows, ports, {
      title: 'Crossings at each port, by purpose',
      subtitle: ['people per day, mean across replications, with its 95% interval'],
      yTitle: 'people per day',
      facet: true,
      groups: PURPOSES.map(([, label]) => label),
      marks,
    }),
  };
}
