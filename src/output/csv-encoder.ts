// CSV rows encoded straight into one growing (or, with a spill, reused) UTF-8 byte buffer: no string
// per cell or per row, which is where formatting events.csv spent its time and its garbage.
// A text cell is csv-stringify's escaping of it, computed once per distinct text; a number is
// formatNumber's text (number-bytes.ts). A number === the one in the same column of the row before
// (a group's people share most of their times) copies that cell's bytes: 0 and -0, the only
// different numbers that are ===, both write '0'. Works in the browser too (no Node Buffer).

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

export class CsvEncoder {
  private bytes: Uint8Array;
  private end = 0;
  private readonly texts = new Map<string, Uint8Array>();
  // Per column, the previous row's number and where its bytes are (-1: none to copy).
  private lastValues = new Float64Array(16);
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
      if (typeof cell === 'number') this.number(i, cell);
      else {
        this.lastStarts[i] = -1;
        if (typeof cell === 'string') this.text(cell);
        // Not a Cell by its type, but a JavaScript caller may pass one: csv-stringify's own cast.
        else if (cell !== null && cell !== undefined) this.put(utf8.encode(field(cell)));
      }
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

  private number(column: number, value: number): void {
    const bytes = this.bytes;
    const start = this.end;
    const lastStart = this.lastStarts[column];
    if (lastStart >= 0 && value === this.lastValues[column]) {
      const length = this.lastEnds[column] - lastStart;
      for (let i = 0; i < length; i++) bytes[start + i] = bytes[lastStart + i];
      this.end = start + length;
    } else {
      this.end = writeNumber(bytes, start, value);
      this.lastValues[column] = value;
    }
    this.lastStarts[column] = start;
    this.lastEnds[column] = this.end;
  }

  private text(cell: string): void {
    let encoded = this.texts.get(cell);
    if (encoded === undefined) {
      encoded = utf8.encode(field(cell));
      this.texts.set(cell, encoded);
    }
    this.put(encoded);
  }

  private put(encoded: Uint8Array): void {
    this.room(encoded.length);
    this.bytes.set(encoded, this.end);
    this.end += encoded.length;
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
    starts.set(this.lastStarts);
    ends.set(this.lastEnds);
    this.lastValues = values;
    this.lastStarts = starts;
    this.lastEnds = ends;
  }
}
