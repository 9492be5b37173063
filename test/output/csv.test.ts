// The CSV writer joins rows itself for speed (issue 18 item 4); these pin that it writes exactly the
// bytes of csv-stringify's own path with the number cast, and formatNumber exactly its former rule.

import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { CSV_OPTIONS, csvRows, toCsv, type Cell } from '../../src/output/csv.js';
import { formatNumber } from '../../src/output/format.js';
import { mulberry32 } from '../support/prng.js';

/** formatNumber as it was written before it was made fast: toFixed and regular expressions. */
function formerFormatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  if (Number.isInteger(value)) return value.toFixed(0);
  const fixed = value.toFixed(6);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

const EDGE_NUMBERS = [0, -0, 1, -1, 0.5, -0.5, 1e-7, -1e-7, 4e-7, 5e-7, -5e-7, 0.1 + 0.2, 123456.0000004, 1e20, 1e21, -1e21, 2 ** 53 + 2, 1.5e300, NaN, Infinity, -Infinity];

describe('formatNumber', () => {
  it('gives the former rule’s text for edge values and 20,000 seeded ones of every magnitude', () => {
    const random = mulberry32(18);
    const values = [...EDGE_NUMBERS];
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 30 - 10);
      const v = (random() - 0.5) * magnitude;
      values.push(v, Math.round(v), Math.round(v * 1e6) / 1e6);
    }
    for (const v of values) expect(formatNumber(v), String(v)).toBe(formerFormatNumber(v));
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(-0.0000004)).toBe('0');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
  });
});

describe('CSV rows', () => {
  // Text a scenario could put in an id or a name: delimiters, quotes, line breaks, formula starts.
  const texts = ['', ' ', 'tucson', 'el-paso', '-1', '-tucson', '=SUM(A1)', '+1', '@x', '\tx', '\rx', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', '\uFF1Dx', 'día', '2019-01-01'];
  const numbers = EDGE_NUMBERS;

  it('are byte for byte what csv-stringify writes with the number cast, for hostile text and edge numbers', () => {
    const random = mulberry32(7);
    // Runs of equal cells, as a group's people make in events.csv, -0 and NaN among them.
    const rows: Cell[][] = [[], [''], [null], [undefined, ''], [...texts], [...numbers], [0, 'a', null, 1.5], [-0, 'a', undefined], [NaN, '=a', null, 1.5, 2], [NaN, '=a', 1, 1.5, 2], [NaN, '=a'], [NaN, '=a', undefined]];
    for (let r = 0; r < 500; r++) {
      const row: Cell[] = [];
      const width = 1 + Math.floor(random() * 12);
      for (let c = 0; c < width; c++) {
        const pick = random();
        row.push(pick < 0.4 ? texts[Math.floor(random() * texts.length)] : pick < 0.8 ? numbers[Math.floor(random() * numbers.length)] : pick < 0.9 ? null : (random() - 0.5) * 1e4);
      }
      rows.push(row);
    }
    expect(csvRows(rows)).toBe(stringify(rows, CSV_OPTIONS));
    expect(toCsv(['metric', '=scope', 'a,b'], rows)).toBe(stringify([['metric', '=scope', 'a,b'], ...rows], CSV_OPTIONS));
    expect(csvRows([])).toBe('');
    expect(toCsv(['a', 'b'], [])).toBe('a,b\n');
  });
});
