// Every CSV is csv-stringify's dialect (csv-options.ts): header row, formula escaping for text
// cells, numbers as formatNumber writes them. Its generic path costs more per cell than the model
// costs per event, so rows are encoded to bytes by csv-encoder.ts, which asks csv-stringify to
// escape each distinct text cell once. Same bytes (test/output/csv.test.ts).

import { CsvEncoder } from './csv-encoder.js';
import type { Cell } from './csv-options.js';

export { CSV_OPTIONS, type Cell } from './csv-options.js';

const utf8 = new TextDecoder();

/**
 * A CSV text built a row at a time: a row is encoded when given, so its cells may be a reused array
 * and a big table never holds all its rows as arrays (which the garbage collector would then copy).
 */
export class CsvText {
  private readonly encoder = new CsvEncoder();

  /** `header` null: rows only, a piece of a CSV whose header is written elsewhere. */
  constructor(header: readonly string[] | null) {
    if (header) this.row(header);
  }

  row(cells: readonly Cell[]): void {
    this.encoder.writeRow(cells);
  }

  text(): string {
    return utf8.decode(this.encoder.written());
  }

  /**
   * The encoded bytes, copied to a buffer of their own: a view of the encoder's larger buffer would
   * take all of it along when cloned to another thread.
   */
  bytes(): Uint8Array {
    return this.encoder.written().slice();
  }
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvText(header, rows);
}

/** Rows only, no header: a piece of a CSV whose header is written elsewhere. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return csvText(null, rows);
}

function csvText(header: readonly string[] | null, rows: readonly (readonly Cell[])[]): string {
  const csv = new CsvText(header);
  for (let r = 0; r < rows.length; r++) csv.row(rows[r]);
  return csv.text();
}
