// Reads what a run wrote into its folder (summary.csv, daily.csv, replications.csv, scenario.json)
// back into plain rows for the report. It reads files only; it never re-runs or imports the model.

import { existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError, validateScenario } from '../../scenario/index.js';
import { cellNumber, type CsvRow } from './cells.js';
import { readCsv, readJson } from './checked-files.js';
import { ReportInputError } from './report-input-error.js';

export { cellNumber, readCsv, readJson, type CsvRow };

export interface SummaryEntry {
  metric: string;
  scope: string;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  sd: number | null;
  n: number;
}

export interface RunFolder {
  dir: string;
  /** scenario.json as written by the run: the effective scenario, defaults filled in. */
  scenario: Record<string, unknown>;
  summary: SummaryEntry[];
  daily: CsvRow[];
  replications: CsvRow[];
  /** Path of events.csv when the run wrote one (`run --events`), else undefined. */
  eventsFile: string | undefined;
}

export const RUN_FILES = ['summary.csv', 'daily.csv', 'replications.csv', 'scenario.json'] as const;

/** Checks that `dir` is a folder; the message names it. */
export function checkFolder(dir: string): void {
  const expected = 'expected the output folder of `mppsim run`, `compare`, `sweep` or `size`';
  if (!existsSync(dir)) throw new ReportInputError(dir, `no such folder; ${expected}`);
  if (!statSync(dir).isDirectory()) throw new ReportInputError(dir, `not a folder; ${expected}`);
}

/** Every file of `files` that `dir` lacks, reported together. */
export function requireFiles(dir: string, files: readonly string[], command: string): void {
  const missing = files.filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    throw new ReportInputError(missing.map((f) => ({ file: join(dir, f), problem: `no such file; expected it in the output folder of \`${command}\`` })));
  }
}

export function readRunFolder(dir: string): RunFolder {
  checkFolder(dir);
  requireFiles(dir, RUN_FILES, 'mppsim run');
  const events = join(dir, 'events.csv');
  return {
    dir,
    scenario: readScenarioJson(join(dir, 'scenario.json')),
    summary: readCsv(join(dir, 'summary.csv'), 'summary.csv').map(toSummaryEntry),
    daily: readCsv(join(dir, 'daily.csv'), 'daily.csv'),
    replications: readCsv(join(dir, 'replications.csv'), 'replications.csv'),
    eventsFile: optionalRegularFile(events),
  };
}

/** The file if it exists; refused if it is not a regular file, which streaming would never finish. */
function optionalRegularFile(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  if (!lstatSync(file).isFile()) throw new ReportInputError(file, 'is not a regular file; expected a file mppsim wrote');
  return file;
}

export function readScenarioJson(file: string): Record<string, unknown> {
  return readJson(file, (value) => checkScenario(value, file, ''));
}

/**
 * A scenario as run, as scenario.json (or an entry of variants.json, at `where`) holds it: checked as
 * a scenario file is, so that the report never describes a scenario mppsim would not have run.
 */
export function checkScenario(value: unknown, file: string, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ReportInputError(file, `${where}expected the scenario as a JSON object`);
  }
  try {
    validateScenario(value, file);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new ReportInputError(error.problems.map((p) => ({ file, problem: `${where}${p.path ? `${p.path}: ` : ''}${p.message} (not the scenario as mppsim ran it)` })));
  }
  return value as Record<string, unknown>;
}

export function toSummaryEntry(row: CsvRow): SummaryEntry {
  return {
    metric: row.metric,
    scope: row.scope,
    mean: cellNumber(row.mean),
    ciLow: cellNumber(row.ci_low),
    ciHigh: cellNumber(row.ci_high),
    sd: cellNumber(row.sd),
    n: cellNumber(row.n) ?? 0,
  };
}
