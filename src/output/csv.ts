// Every CSV is csv-stringify's dialect (csv-options.ts): header row, formula escaping for text
// cells, numbers as formatNumber writes them. Its generic path costs more per cell than the model
// costs per event, so rows are encoded to bytes by csv-encoder.ts, which asks csv-stringify to
// escape each distinct text cell once. Same bytes (test/output/csv.test.ts).

import { CsvEncoder } from './csv-encoder.js';
import type { Cell } from './csv-options.js';

export { CSV_OPTIONS, type Cell } from './csv-options.js';

const utf8 = new TextDecoder();

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return rowsText([header]) + rowsText(rows);
}

/** Rows only, no header: a piece of a CSV whose header is written elsewhere. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return rowsText(rows);
}

function rowsText(rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return '';
  const encoder = new CsvEncoder();
  for (let r = 0; r < rows.length; r++) encoder.writeRow(rows[r]);
  return utf8.decode(encoder.written());
}
