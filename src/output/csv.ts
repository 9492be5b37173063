// Every CSV goes through csv-stringify: header row, formula escaping for text cells (scenario ids
// are user input), numbers cast by formatNumber so they stay numbers.

import { stringify } from 'csv-stringify/sync';
import { formatNumber } from './format.js';

export type Cell = string | number | null | undefined;

export const CSV_OPTIONS = {
  escape_formulas: true,
  cast: { number: (value: number) => formatNumber(value) },
  record_delimiter: 'unix' as const,
};

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header as Cell[], ...(rows as Cell[][])], CSV_OPTIONS);
}

/** Rows only, no header: a piece of a CSV whose header is written elsewhere. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return rows.length > 0 ? stringify(rows as Cell[][], CSV_OPTIONS) : '';
}
