// CSV rows as the report reads them, and a cell as a number: no file access, so the chart modules
// that use them (daily-bands.ts, run-charts.ts) also run in the browser (the what-if page).

export type CsvRow = Record<string, string>;

/** A CSV cell as a number; empty means "not applicable". */
export function cellNumber(cell: string | undefined): number | null {
  if (cell === undefined || cell === '') return null;
  const value = Number(cell);
  return Number.isFinite(value) ? value : null;
}

/** How many replications a run's daily rows hold. */
export function replicationCount(run: { daily: readonly CsvRow[] }): number {
  return new Set(run.daily.map((r) => r.replication)).size;
}
