// The files of an output folder as the report reads them, each checked before it is believed: CSV
// headers against the columns mppsim writes, every row's length and numbers, and every file against
// the sha256 that manifest.json recorded when mppsim wrote it (a truncated or edited file is refused).

import { constants as bufferLimits } from 'node:buffer';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { readInputFile } from '../../scenario/index.js';
import { MANIFEST_FILE, readManifest, sha256 } from '../manifest.js';
import type { CsvRow } from './cells.js';
import { ReportInputError } from './report-input-error.js';

interface CsvShape {
  required: readonly string[];
  /** Columns whose cells are numbers or empty ("not applicable"); `rest` means every column not in `text`. */
  numbers: readonly string[] | { rest: true; text: readonly string[] };
}

const CSV_SHAPES: Record<string, CsvShape> = {
  'summary.csv': { required: ['metric', 'scope', 'mean', 'ci_low', 'ci_high', 'sd', 'n'], numbers: ['mean', 'ci_low', 'ci_high', 'sd', 'n'] },
  'daily.csv': { required: ['replication', 'day', 'date', 'kind', 'id'], numbers: { rest: true, text: ['date', 'kind', 'id'] } },
  'replications.csv': { required: ['replication', 'metric', 'scope', 'value'], numbers: ['replication', 'value'] },
  'comparison.csv': {
    required: ['metric', 'scope', 'variant', 'mean', 'ci_low', 'ci_high', 'n', 'diff', 'diff_ci_low', 'diff_ci_high', 'significant'],
    numbers: ['mean', 'ci_low', 'ci_high', 'n', 'diff', 'diff_ci_low', 'diff_ci_high'],
  },
  'daily-mean.csv': { required: ['variant', 'day', 'date', 'kind', 'id', 'figure', 'mean', 'ci_low', 'ci_high', 'n'], numbers: ['day', 'mean', 'ci_low', 'ci_high', 'n'] },
  'sweep.csv': { required: ['point', 'metric', 'scope', 'mean', 'ci_low', 'ci_high', 'n'], numbers: ['mean', 'ci_low', 'ci_high', 'n'] },
  'points.csv': { required: ['point'], numbers: [] },
};

function readBytes(file: string): Buffer {
  // A named pipe or a device in the folder would never finish reading: only regular files are read.
  const read = readInputFile(file, { maxBytes: bufferLimits.MAX_STRING_LENGTH, expected: 'a file mppsim wrote' });
  if ('problem' in read) throw new ReportInputError(file, read.problem);
  return read.bytes;
}

/**
 * Refuses `bytes` of `file` unless they are what manifest.json recorded, when the folder has one. Checked
 * after the content, so that a file that is plainly malformed is told as such, with its line.
 */
function checkRecorded(file: string, bytes: Buffer): void {
  checkRecordedDigest(file, sha256(bytes));
}

/** As checkRecorded, for a file hashed while it was streamed. */
export function checkRecordedDigest(file: string, digest: string): void {
  const dir = dirname(file);
  // A folder being written (run --report) has no manifest yet; nor has one from before manifests.
  const manifest = existsSync(join(dir, MANIFEST_FILE)) ? readManifest(dir) : undefined;
  if (typeof manifest === 'string') throw new ReportInputError(join(dir, MANIFEST_FILE), `not a record mppsim wrote: ${manifest.replace(/^its /, '')}`);
  const recorded = manifest && Object.hasOwn(manifest.files, basename(file)) ? manifest.files[basename(file)] : undefined;
  if (recorded !== undefined && recorded !== digest) {
    throw new ReportInputError(file, `was changed after mppsim wrote it (its sha256 is not the one in ${MANIFEST_FILE}: truncated or edited); run the command again`);
  }
}

/** A JSON file's value, passed through `check` (which throws ReportInputError) before its digest is compared. */
export function readJson<T = unknown>(file: string, check: (value: unknown) => T = (value) => value as T): T {
  const bytes = readBytes(file);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ReportInputError(file, `not valid JSON: ${(error as Error).message}`);
  }
  const checked = check(value);
  checkRecorded(file, bytes);
  return checked;
}

/** Parses a CSV file with a header row; `name` picks the columns it must have and those that hold numbers. */
export function readCsv(file: string, name: string): CsvRow[] {
  const bytes = readBytes(file);
  const records = csvRecords(bytes.toString('utf8'));
  if (records.length === 0) throw new ReportInputError(file, 'is empty; expected a header row and rows');
  const header = records[0].record;
  const shape = CSV_SHAPES[name];
  for (const column of shape?.required ?? []) {
    if (!header.includes(column)) throw new ReportInputError(file, `expected a column "${column}" in the header row`);
  }
  const numeric = !shape ? [] : Array.isArray(shape.numbers) ? shape.numbers : header.filter((c) => !(shape.numbers as { text: readonly string[] }).text.includes(c));
  const rows = records.slice(1).map(({ record, info }) => {
    if (record.length !== header.length) throw new ReportInputError(file, `not valid CSV: line ${info.lines} has ${record.length} cells, expected ${header.length} as in the header row`);
    const row: CsvRow = {};
    header.forEach((column, i) => (row[column] = record[i]));
    for (const column of numeric) {
      const cell = row[column];
      if (cell !== '' && !Number.isFinite(Number(cell))) throw new ReportInputError(file, `line ${info.lines}: expected a number (or nothing) in column "${column}", got ${JSON.stringify(cell.slice(0, 40))}`);
    }
    return row;
  });
  checkRecorded(file, bytes);
  return rows;
}

/**
 * The records of a CSV text with the line each ends on, empty lines left out. d3-dsv parses the
 * report's inputs some four times as fast as csv-parse did (a 200-replication daily.csv is 4.5 MB);
 * it takes any text as CSV, so the caller checks every record's length and numbers.
 */
function csvRecords(text: string): { record: string[]; info: { lines: number } }[] {
  const records: { record: string[]; info: { lines: number } }[] = [];
  let line = 0;
  for (const record of csvParseRows(text)) {
    line++;
    for (const cell of record) if (cell.includes('\n')) line += cell.split('\n').length - 1;
    if (record.length === 1 && record[0] === '') continue;
    records.push({ record, info: { lines: line } });
  }
  return records;
}
