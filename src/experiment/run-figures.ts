// A reported figure read from one replication's outputs: a whole-run metric, or a daily count summed
// over a date range (or cumulated to a date), of one stage or every stage of a kind. The one way both
// docs/VALIDATION.md's comparisons and `mppsim calibrate`'s targets compute a figure from a run.

import type { DailyCount, DailyRow, Metric, StageKind } from '../model/index.js';

/** A figure of summary.csv: its metric and scope. */
export interface MetricFigure {
  metric: string;
  scope: string;
}

/** A daily count (less another, e.g. returns less returns after a hearing) summed over [from, to], inclusive ISO dates. */
export interface DailyFigure {
  count: DailyCount;
  less?: DailyCount;
  /** One stage's rows, or every stage of `kind`. */
  stage?: string;
  kind?: StageKind;
  /** Absent: from the first day the run reports (a cumulative count by `to`). */
  from?: string;
  to: string;
  /** Divide by the days the run covers in the range. */
  perDay?: boolean;
}

export type RunFigure = MetricFigure | DailyFigure;

/** What a figure is read from: a replication's daily rows and whole-run metrics. */
export interface RunOutputs {
  daily: readonly DailyRow[];
  metrics: readonly Metric[];
}

export function isDailyFigure(figure: RunFigure): figure is DailyFigure {
  return 'count' in figure;
}

/** The figure in one replication; NaN when the outputs lack it (check first with figureProblem). */
export function figureValue(figure: RunFigure, run: RunOutputs): number {
  if (!isDailyFigure(figure)) return run.metrics.find((m) => m.metric === figure.metric && m.scope === figure.scope)?.value ?? NaN;
  const from = figure.from ?? '';
  let total = 0;
  const dates = new Set<string>();
  for (const row of run.daily) {
    if (row.date < from || row.date > figure.to) continue;
    dates.add(row.date);
    if (figure.stage !== undefined ? row.id !== figure.stage : row.kind !== figure.kind) continue;
    total += (row.counts[figure.count] ?? 0) - (figure.less ? (row.counts[figure.less] ?? 0) : 0);
  }
  if (!figure.perDay) return total;
  return dates.size > 0 ? total / dates.size : NaN;
}

/** Why the outputs cannot give the figure (no such metric, stage or kind, or dates outside the run), or undefined. */
export function figureProblem(figure: RunFigure, run: RunOutputs): string | undefined {
  if (!isDailyFigure(figure)) {
    return run.metrics.some((m) => m.metric === figure.metric && m.scope === figure.scope) ? undefined : `the outputs have no metric ${figure.metric} for scope ${figure.scope} (see summary.csv for the names)`;
  }
  const rows = run.daily.filter((r) => (figure.stage !== undefined ? r.id === figure.stage : r.kind === figure.kind));
  if (rows.length === 0) return figure.stage !== undefined ? `the scenario has no stage "${figure.stage}"` : `the scenario has no stage of kind ${figure.kind}`;
  const [first, last] = [rows[0].date, rows[rows.length - 1].date];
  if ((figure.from ?? first) > figure.to) return `expected from (${figure.from}) on or before to (${figure.to})`;
  if (figure.to < first || (figure.from ?? first) > last) return `the dates lie outside the run's ${first} to ${last}`;
  return undefined;
}

/** The figure as outputs and messages name it: "returned.total", "enrolled of sector 2019-01-01..2019-01-31". */
export function figureLabel(figure: RunFigure): string {
  if (!isDailyFigure(figure)) return `${figure.metric}.${figure.scope}`;
  const count = figure.less ? `${figure.count}-${figure.less}` : figure.count;
  const where = figure.stage ?? `every ${figure.kind}`;
  const when = figure.from === undefined ? `by ${figure.to}` : `${figure.from}..${figure.to}`;
  return `${count}${figure.perDay ? ' per day' : ''}, ${where}, ${when}`;
}

/** Sum of a daily count over the rows of one stage whose date lies in [from, to] (inclusive ISO dates). */
export function dailySum(run: RunOutputs, id: string, count: DailyCount, from: string, to: string): number {
  return figureValue({ count, stage: id, from, to }, run);
}

/** The same sum over every stage of a kind (all sectors, all ports, ...). */
export function dailySumOfKind(run: RunOutputs, kind: StageKind, count: DailyCount, from: string, to: string): number {
  return figureValue({ count, kind, from, to }, run);
}

/** Days in [from, to] that the run covers (after warm-up). */
export function daysCovered(run: RunOutputs, from: string, to: string): number {
  const dates = new Set<string>();
  for (const row of run.daily) if (row.date >= from && row.date <= to) dates.add(row.date);
  return dates.size;
}
