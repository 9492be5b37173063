// How the text of a CSV cell becomes a typed spreadsheet cell, and what each column's header says
// about its unit. Pure functions: the workbook writer (xlsx.ts) applies them column by column.

import { metricUnit } from './metric-catalogue.js';

export type XlsxValue = string | number | Date | null;

/** Columns that hold names, never numbers, even where a name looks like one. */
const TEXT_COLUMNS = new Set(['metric', 'scope', 'variant', 'kind', 'id', 'figure', 'significant', 'unit']);
const DATE_COLUMNS = new Set(['date']);

/** formatNumber's output: '.' decimals, no exponent, no thousands separators. */
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The typed value of one CSV cell: empty is no value, a number column's text a number, an ISO date
 * a date at 00:00 UTC (which Excel shows as that calendar day). Text stays exactly the CSV's text:
 * a string cell is never evaluated as a formula, and the CSV's escape apostrophe stays visible.
 */
export function typedCell(column: string, text: string): XlsxValue {
  if (text === '') return null;
  if (TEXT_COLUMNS.has(column)) return text;
  if (DATE_COLUMNS.has(column) || ISO_DATE.test(text)) {
    if (ISO_DATE.test(text)) return new Date(`${text}T00:00:00Z`);
    return text;
  }
  return NUMBER.test(text) ? Number(text) : text;
}

/** Fixed units of columns, named in their header; columns whose unit varies by row get a unit column. */
const COLUMN_UNITS: Record<string, string> = {
  day: 'days from start',
  point: 'index',
  replication: 'index',
  n: 'replications',
};

export function headerLabel(column: string): string {
  const unit = COLUMN_UNITS[column];
  return unit ? `${column} (${unit})` : column;
}

/** Units of daily figures (daily-mean.csv's figure column), where they differ from the summary's metrics. */
const DAILY_UNITS: Record<string, string> = {
  cap: 'people per day',
  queue_mean: 'people (time-average over the day)',
  occupancy_mean: 'people (time-average over the day)',
};

/** The unit of a row's figures: from its `metric` (summary-like tables) or `figure` (daily-mean). */
export function rowUnit(column: 'metric' | 'figure', name: string): string {
  if (column === 'figure') return DAILY_UNITS[name] ?? metricUnit(name);
  return metricUnit(name);
}
