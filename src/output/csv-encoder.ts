// CSV rows encoded straight into one growing (or, with a spill, reused) UTF-8 byte buffer: no string
// per cell or per row, which is where formatting events.csv spent its time and its garbage.
// A text cell is csv-stringify's escaping of it, computed once per distinct text; a number is
// formatNumber's text (number-bytes.ts). A cell === the one in the same column of the row before
// (a group's people share most of their times, and their sector, category, outcome and site)
// copies that cell's bytes: 0 and -0, the only different numbers that are ===, both write '0'.
// Works in the browser too (no Node Buffer).

import { stringify } from 'csv-stringify/sync';
import { MAX_NUMBER_BYTES, writeNumber } from './number-bytes.js';
import { CSV_OPTIONS, type Cell } from './csv-options.js';

const COMMA = 44;
const NEWLINE = 10;
const utf8 = new TextEncoder();

/** One record of one field, less its record delimiter: exactly what the field is within a row. */
function field(cell: unknown): string {
  return stringify([[cell]], CSV_OPTIONS).slice(0, -1);
}

/**
 * Every encoder's text cells, escaped and encoded: shared, because the same dates, ids and names come
 * back in every replication's rows (a pipeline year's 365 dates cost each replication ~4 ms through
 * csv-stringify). Escaping depends on the text alone; emptied when large (event rows bring many texts).
 */
const TEXTS = new Map<string, Uint8Array>();
const MOST_TEXTS = 50_000;

export class CsvEncoder {
  private bytes: Uint8Array;
  private end = 0;
  // Per column, the previous row's number (NaN if text) or text (undefined if a number), and where
  // its bytes are (-1: none to copy; a room() that spills forgets them all).
  private lastValues = new Float64Array(16);
  private lastTexts: (string | undefined)[] = new Array<undefined>(16).fill(undefined);
  private lastStarts = new Int32Array(16).fill(-1);
  private lastEnds = new Int32Array(16);

  /** `spill` takes the bytes so far when the buffer is full (then reused); without one the buffer grows. */
  constructor(private readonly spill?: (bytes: Uint8Array) => void, capacity = 1 << 16) {
    this.bytes = new Uint8Array(Math.max(capacity, 2 * MAX_NUMBER_BYTES));
  }

  writeRow(row: readonly Cell[]): void {
    if (row.length > this.lastStarts.length) this.widen(row.length);
    for (let i = 0; i < row.length; i++) {
      this.room(MAX_NUMBER_BYTES);
      if (i > 0) this.bytes[this.end++] = COMMA;
      const cell = row[i];
      let start = this.end;
      const repeats = this.lastStarts[i] >= 0;
      if (typeof cell === 'number') {
        if (repeats && cell === this.lastValues[i]) this.repeat(i);
        else this.end = writeNumber(this.bytes, start, (this.lastValues[i] = cell));
        this.lastTexts[i] = undefined;
      } else if (typeof cell === 'string') {
        if (repeats && cell === this.lastTexts[i]) this.repeat(i);
        // A long text may spill the buffer first: its bytes then start at 0.
        else start = this.text((this.lastTexts[i] = cell));
        this.lastValues[i] = NaN;
      } else {
        this.lastStarts[i] = -1;
        // Not a Cell by its type, but a JavaScript caller may pass one: csv-stringify's own cast.
        if (cell !== null && cell !== undefined) this.put(utf8.encode(field(cell)));
        continue;
      }
      this.lastStarts[i] = start;
      this.lastEnds[i] = this.end;
    }
    this.room(1);
    this.bytes[this.end++] = NEWLINE;
  }

  /** The bytes written since the last spill (a view of the buffer: valid until the next write). */
  written(): Uint8Array {
    return this.bytes.subarray(0, this.end);
  }

  /** Hands what is written to the spill, and starts the buffer again. */
  flush(): void {
    if (this.end === 0 || !this.spill) return;
    this.spill(this.bytes.subarray(0, this.end));
    this.end = 0;
    this.lastStarts.fill(-1);
  }

  /** Copies the bytes of the cell above: the same cell, the same text. */
  private repeat(column: number): void {
    const bytes = this.bytes;
    const from = this.lastStarts[column];
    const length = this.lastEnds[column] - from;
    const start = this.end;
    for (let i = 0; i < length; i++) bytes[start + i] = bytes[from + i];
    this.end = start + length;
  }

  /** Writes a text cell, returns where its bytes start. */
  private text(cell: string): number {
    let encoded = TEXTS.get(cell);
    if (encoded === undefined) {
      encoded = utf8.encode(field(cell));
      if (TEXTS.size >= MOST_TEXTS) TEXTS.clear();
      TEXTS.set(cell, encoded);
    }
    return this.put(encoded);
  }

  private put(encoded: Uint8Array): number {
    this.room(encoded.length);
    const start = this.end;
    this.bytes.set(encoded, start);
    this.end = start + encoded.length;
    return start;
  }

  private room(length: number): void {
    if (this.end + length <= this.bytes.length) return;
    this.flush();
    if (this.end + length <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.end + length));
    grown.set(this.bytes.subarray(0, this.end));
    this.bytes = grown;
  }

  private widen(columns: number): void {
    const values = new Float64Array(columns);
    const starts = new Int32Array(columns).fill(-1);
    const ends = new Int32Array(columns);
    values.set(this.lastValues);
    this.lastTexts.length = columns;
    this.lastTexts.fill(undefined, this.lastValues.length);
    starts.set(this.lastStarts);
    ends.set(this.lastEnds);
    this.lastValues = values;
    this.lastStarts = starts;
    this.lastEnds = ends;
  }
}
