// The byte encoder (csv-encoder.ts, number-bytes.ts) against csv-stringify with the number cast, on
// random rows: what the fast path relies on is generated on purpose — a cell repeating the one above
// (copied bytes), 0 and -0 (=== but different numbers), NaN and infinities (empty), values at and
// beside a rounding tie of the sixth decimal (the scaled fast path hands ties to toFixed), huge and
// unsafe integers, and text that csv-stringify must quote or formula-escape.

import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CsvEncoder } from '../../src/output/csv-encoder.js';
import { CSV_OPTIONS, csvRows, type Cell } from '../../src/output/csv.js';
import { formatNumber } from '../../src/output/format.js';

const decoder = new TextDecoder();

/** The double `steps` representable values away from `value` (toward +infinity when positive). */
function ulpSteps(value: number, steps: number): number {
  const view = new Float64Array([value]);
  new BigInt64Array(view.buffer)[0] += BigInt(steps);
  return view[0];
}

/**
 * Numbers whose text is easy to get wrong: exact ties of the sixth decimal (odd multiples of 1/128,
 * such as 0.0078125), a few doubles beside them and near ties (k + 0.5 millionths, inexact in binary), hours, every double.
 */
const awkwardNumber = fc.oneof(
  fc.double(),
  fc.double({ min: -1e4, max: 1e4, noNaN: true }),
  fc.integer().map((k) => (2 * k + 1) / 128),
  fc.tuple(fc.integer(), fc.integer({ min: -3, max: 3 })).map(([k, steps]) => ulpSteps((2 * k + 1) / 128, steps)),
  fc.integer().map((k) => (k + 0.5) / 1e6),
  fc.maxSafeInteger().map((k) => (k + 0.5) / 1e6),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 5e-7, -5e-7, 4.9999999e-7, 0.9999995, 2 ** 53 + 2, 1e21, -1.5e300, Number.MIN_VALUE),
  fc.integer().map((k) => k / 1e6),
);
const awkwardText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  // Longer than the spilling encoder's buffer has room for after a few cells.
  fc.string({ minLength: 300, maxLength: 900 }),
  fc.constantFrom('', 'tucson', '=SUM(A1)', '+1', '-x', '@x', '\tx', '\rx', 'a,b', 'say "hi"', 'two\nlines', 'día', '\uFF1Dx'),
);
const cell: fc.Arbitrary<Cell> = fc.oneof({ weight: 3, arbitrary: awkwardNumber }, { weight: 2, arbitrary: awkwardText }, fc.constantFrom(null, undefined));

/** Rows built from a template row (wider than the encoder starts with: 16 columns), each cell either the template’s (a repeat) or a fresh one. */
const rows = fc
  .array(cell, { minLength: 1, maxLength: 24 })
  .chain((template) => fc.array(fc.tuple(...template.map((t) => fc.oneof(fc.constant(t), cell))), { maxLength: 30 }));

describe('CSV byte encoder (fast-check)', () => {
  it('writes numbers exactly as formatNumber', () => {
    fc.assert(
      fc.property(awkwardNumber, (value) => {
        const encoder = new CsvEncoder(undefined, 0);
        encoder.writeRow([value]);
        expect(decoder.decode(encoder.written())).toBe(`${formatNumber(value)}\n`);
      }),
      { numRuns: 10_000 },
    );
  });

  it('writes rows exactly as csv-stringify with the number cast', () => {
    fc.assert(
      fc.property(rows, (table) => {
        expect(csvRows(table)).toBe(table.length === 0 ? '' : stringify(table, CSV_OPTIONS));
      }),
      { numRuns: 500 },
    );
  });

  it('spills the same bytes as it would have kept, a buffer too small for a row included', () => {
    fc.assert(
      fc.property(rows, (table) => {
        const pieces: Uint8Array[] = [];
        const encoder = new CsvEncoder((bytes) => pieces.push(bytes.slice()), 0);
        for (const row of table) encoder.writeRow(row);
        encoder.flush();
        expect(Buffer.concat(pieces).toString('utf8')).toBe(table.length === 0 ? '' : stringify(table, CSV_OPTIONS));
      }),
      { numRuns: 300 },
    );
  });
});
