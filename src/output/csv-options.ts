// The one CSV dialect of every file: csv-stringify's options, with numbers cast by formatNumber so
// they stay numbers and formula escaping for text cells (scenario ids are user input).

import { formatNumber } from './format.js';

export type Cell = string | number | null | undefined;

export const CSV_OPTIONS = {
  escape_formulas: true,
  cast: { number: (value: number) => formatNumber(value) },
  record_delimiter: 'unix' as const,
};
