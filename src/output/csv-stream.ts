// Streams CSV rows straight to a file descriptor in chunks: memory stays flat however many rows
// (events.csv). Node-only; csv.ts is the part the browser shares.

import { closeSync, openSync, writeSync } from 'node:fs';
import { csvRows, type Cell } from './csv.js';

/** Writes rows as they come, in chunks, straight to a file descriptor: memory stays flat however many rows. */
export class CsvStream {
  private readonly fd: number;
  private pending: Cell[][] = [];
  private static readonly CHUNK = 2048;

  /** `header` null: rows only, for a part file to be joined after a header written elsewhere. */
  constructor(file: string, header: readonly string[] | null) {
    this.fd = openSync(file, 'w');
    if (header) writeSync(this.fd, csvRows([header]));
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
    writeSync(this.fd, csvRows(this.pending));
    this.pending = [];
  }
}
