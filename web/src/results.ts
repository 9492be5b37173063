// What the page shows and offers for download, from the replications' results: the same functions
// that write summary.csv, daily.csv and comparison.csv on the command line, so the bytes match.

import { compareVariants, type ComparisonRow } from '../../src/experiment/paired.js';
import type { ReplicationResult } from '../../src/model/results.js';
import { dailyCells, dailyCsv, DAILY_HEADER } from '../../src/output/daily-rows.js';
import { comparisonCsv } from '../../src/output/experiment-tables.js';
import { formatNumber } from '../../src/output/format.js';
import type { CsvRow } from '../../src/output/report/cells.js';
import type { RunFolder, SummaryEntry } from '../../src/output/report/read-run-folder.js';
import { replicationsCsv, summarize, summaryCsv, type SummaryRow } from '../../src/output/tables.js';
import type { Scenario } from '../../src/scenario/schema.js';

export interface VariantRun {
  name: string;
  scenario: Scenario;
  results: ReplicationResult[];
  summary: SummaryRow[];
}

export function variantRun(name: string, scenario: Scenario, results: ReplicationResult[]): VariantRun {
  return { name, scenario, results, summary: summarize(results) };
}

export const summaryCsvOf = (run: VariantRun): string => summaryCsv(run.summary);
export const dailyCsvOf = (run: VariantRun): string => dailyCsv(run.results);
export const replicationsCsvOf = (run: VariantRun): string => replicationsCsv(run.results);

/** Variant names as `mppsim compare PUBLISHED EDITED` gives them: a repeated name gets "-2". */
export function comparisonNames(reference: string, other: string): [string, string] {
  return [reference, other === reference ? `${other}-2` : other];
}

export function comparison(reference: VariantRun, edited: VariantRun): ComparisonRow[] {
  return compareVariants(comparisonNames(reference.name, edited.name), [reference.results, edited.results]);
}

export const comparisonCsvOf = (rows: readonly ComparisonRow[]): string => comparisonCsv(rows);

/** A figure of summary.csv as the report reads it back: empty cells (no value) as null. */
export function summaryEntries(rows: readonly SummaryRow[]): SummaryEntry[] {
  const cell = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return rows.map((r) => ({ metric: r.metric, scope: r.scope, mean: cell(r.mean), ciLow: cell(r.ciLow), ciHigh: cell(r.ciHigh), sd: cell(r.sd), n: r.n }));
}

/**
 * The run as the report reads its output folder: daily.csv's rows as the CSV would hold them (numbers
 * formatted as written), so the report's chart functions draw exactly what the report would draw.
 */
export function runFolderOf(run: VariantRun): RunFolder {
  const text = (cell: unknown): string => (typeof cell === 'number' ? formatNumber(cell) : cell === null || cell === undefined ? '' : String(cell));
  const daily: CsvRow[] = [];
  for (const result of run.results) {
    for (const row of result.daily) {
      const cells = dailyCells(row);
      const csvRow: CsvRow = {};
      DAILY_HEADER.forEach((column, i) => (csvRow[column] = text(cells[i])));
      daily.push(csvRow);
    }
  }
  const replications: CsvRow[] = [];
  for (const result of run.results) {
    for (const m of result.metrics) replications.push({ replication: String(result.replication), metric: m.metric, scope: m.scope, value: text(m.value) });
  }
  return {
    dir: '',
    scenario: run.scenario as unknown as Record<string, unknown>,
    summary: summaryEntries(run.summary),
    daily,
    replications,
    eventsFile: undefined,
  };
}
