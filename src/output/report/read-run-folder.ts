// Reads what a run wrote into its folder (summary.csv, daily.csv, replications.csv, scenario.json)
// back into plain rows for the report. It reads files only; it never re-runs or imports the model.

import { constants as bufferLimits } from 'node:buffer';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readInputFile } from '../../scenario/index.js';
import { cellNumber, type CsvRow } from './cells.js';
import { ReportInputError } from './report-input-error.js';

export { cellNumber, type CsvRow };

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

const REQUIRED_COLUMNS: Record<string, readonly string[]> = {
  'summary.csv': ['metric', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n'],
  'daily.csv': ['replication', 'day', 'date', 'kind', 'id'],
  'replications.csv': ['replication', 'metric', 'scope', 'value'],
  'comparison.csv': ['metric', 'scope', 'variant', 'mean', 'ci_low', 'ci_high', 'n', 'diff', 'diff_ci_low', 'diff_ci_high', 'significant'],
  'daily-mean.csv': ['variant', 'day', 'date', 'kind', 'id', 'figure', 'mean', 'ci_low', 'ci_high', 'n'],
  'sweep.csv': ['point', 'metric', 'scope', 'mean', 'ci_low', 'ci_high', 'n'],
  'points.csv': ['point'],
};

/** Checks that `dir` is a folder; the message names it. */
export function checkFolder(dir: string): void {
  const expected = 'expected the output folder of `mppsim run`, `compare` or `sweep`';
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

export function readText(file: string): string {
  // A named pipe or a device in the folder would never finish reading: only regular files are read.
  const read = readInputFile(file, { maxBytes: bufferLimits.MAX_STRING_LENGTH, expected: 'a file mppsim wrote' });
  if ('problem' in read) throw new ReportInputError(file, read.problem);
  return read.bytes.toString('utf8');
}

/** Parses a CSV file with a header row; `name` picks the columns it must have. */
export function readCsv(file: string, name: string): CsvRow[] {
  const text = readText(file);
  let rows: CsvRow[];
  let header: string[] = [];
  try {
    rows = parse(text, {
      columns: (names: string[]) => (header = names),
      skip_empty_lines: true,
    }) as CsvRow[];
  } catch (error) {
    throw new ReportInputError(file, `not valid CSV: ${(error as Error).message}`);
  }
  for (const column of REQUIRED_COLUMNS[name] ?? []) {
    if (!header.includes(column)) throw new ReportInputError(file, `expected a column "${column}" in the header row`);
  }
  return rows;
}

export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ReportInputError(file, `not valid JSON: ${(error as Error).message}`);
  }
}

export function readScenarioJson(file: string): Record<string, unknown> {
  return checkScenario(readJson(file), file, '');
}

/** A scenario as run, as scenario.json (or an entry of variants.json, at `where`) holds it. */
export function checkScenario(value: unknown, file: string, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ReportInputError(file, `${where}expected the scenario as a JSON object`);
  }
  const s = value as Record<string, unknown>;
  for (const field of ['name', 'start', 'days', 'sectors']) {
    if (!(field in s)) throw new ReportInputError(file, `${where}expected a field "${field}" (the scenario as run)`);
  }
  return s;
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
