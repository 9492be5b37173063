// Every CSV goes through csv-stringify: header row, formula escaping for text cells (scenario ids
// are user input), numbers cast by formatNumber so they stay numbers.
// Its generic path costs more per cell than the model costs per event, so rows are joined here:
// a number is formatNumber's text (what the cast gives, which csv-stringify never quotes or
// escapes), and each distinct text cell is escaped by csv-stringify once per call. Same bytes.

import { stringify } from 'csv-stringify/sync';
import { formatNumber } from './format.js';

export type Cell = string | number | null | undefined;

export const CSV_OPTIONS = {
  escape_formulas: true,
  cast: { number: (value: number) => formatNumber(value) },
  record_delimiter: 'unix' as const,
};

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return rowsText([header]) + rowsText(rows);
}

/** Rows only, no header: a piece of a CSV whose header is written elsewhere. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return rowsText(rows);
}

function rowsText(rows: readonly (readonly Cell[])[]): string {
  const escaped = new Map<string, string>();
  const text = (cell: string): string => {
    let t = escaped.get(cell);
    if (t === undefined) {
      // One record of one field, less its record delimiter: exactly what the field is within a row.
      t = stringify([[cell]], CSV_OPTIONS).slice(0, -1);
      escaped.set(cell, t);
    }
    return t;
  };
  // Arrays joined once: appending cell by cell builds a chain of string pieces that costs more than the formatting.
  const lines = new Array<string>(rows.length + 1);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const parts = new Array<string>(row.length);
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (typeof cell === 'number') parts[i] = formatNumber(cell);
      else if (typeof cell === 'string') parts[i] = text(cell);
      else if (cell === null || cell === undefined) parts[i] = '';
      else parts[i] = stringify([[cell]], CSV_OPTIONS).slice(0, -1);
    }
    lines[r] = parts.join(',');
  }
  lines[rows.length] = '';
  return rows.length > 0 ? lines.join('\n') : '';
}
