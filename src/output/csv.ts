// Every CSV goes through csv-stringify: header row, formula escaping for text cells (scenario ids
// are user input), numbers cast by formatNumber so they stay numbers.

import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { formatNumber } from './format.js';

export type Cell = string | number | null | undefined;

const OPTIONS = {
  escape_formulas: true,
  cast: { number: (value: number) => formatNumber(value) },
  record_delimiter: 'unix' as const,
};

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header as Cell[], ...(rows as Cell[][])], OPTIONS);
}

/** Rows only, no header: a piece of a CSV whose header is written elsewhere. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return rows.length > 0 ? stringify(rows as Cell[][], OPTIONS) : '';
}

/** Writes rows as they come, in chunks, straight to a file descriptor: memory stays flat however many rows. */
export class CsvStream {
  private readonly fd: number;
  private pending: Cell[][] = [];
  private static readonly CHUNK = 2048;

  /** `header` null: rows only, for a part file to be joined after a header written elsewhere. */
  constructor(file: string, header: readonly string[] | null) {
    this.fd = openSync(file, 'w');
    if (header) writeSync(this.fd, stringify([header as Cell[]], OPTIONS));
  }

  write(row: Cell[]): void {
    this.pending.push(row);
    if (this.pending.length >= CsvStream.CHUNK) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, stringify(this.pending, OPTIONS));
    this.pending = [];
  }
}
