// Streams CSV rows straight to a file descriptor: rows are encoded into one reused byte buffer
// (csv-encoder.ts) written out whenever it fills, so memory stays flat however many rows
// (events.csv) and no row outlives its call. Node-only; csv.ts is the part the browser shares.

import { closeSync, openSync } from 'node:fs';
import { CsvEncoder } from './csv-encoder.js';
import type { Cell } from './csv-options.js';
import { writeAll } from './write-all.js';

/** Writes rows as they come, through a reused buffer, straight to a file descriptor. */
export class CsvStream {
  private readonly fd: number;
  private readonly encoder: CsvEncoder;

  /** `header` null: rows only, for a part file to be joined after a header written elsewhere. */
  constructor(file: string, header: readonly string[] | null) {
    const fd = openSync(file, 'w');
    this.fd = fd;
    this.encoder = new CsvEncoder((bytes) => writeAll(fd, bytes), 1 << 18);
    if (header) this.encoder.writeRow(header);
  }

  write(row: readonly Cell[]): void {
    this.encoder.writeRow(row);
  }

  close(): void {
    this.encoder.flush();
    closeSync(this.fd);
  }
}
