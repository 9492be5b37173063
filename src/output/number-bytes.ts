// formatNumber's text written straight as ASCII bytes, for the CSV encoder: the same characters,
// without a string per number. toFixed(6) is a runtime call that allocates; scaling by 10^6 gives
// the same digits whenever the product is far enough from a rounding tie, and formatNumber itself
// answers every other case (ties, huge values, integers past 2^53, NaN and infinities).

import { formatNumber } from './format.js';

const MINUS = 45;
const POINT = 46;
const ZERO = 48;
const SCALE = 1e6; // formatNumber's six decimals
// Below 2^50 the scaled value's integer part is exact, its rounding error is under 2^-3 of one unit
// and the split into whole and decimal parts below cannot carry wrongly.
const FAST_LIMIT = 2 ** 50;
// Rounding is monotonic and n + 0.5 is a double here, so the rounded product lies above (below) a tie
// exactly when the exact one does: only a product equal to a tie is ambiguous. The margin (four times
// the product's rounding error) is a belt on top of that argument, sending a few more values to toFixed.
const TIE_MARGIN = 2 ** -51;

/** The number of bytes a number's text can take: the bytes array must have this much room at `at`. */
export const MAX_NUMBER_BYTES = 400;

/** Writes formatNumber(value) at `at`, returns the index after it. */
export function writeNumber(bytes: Uint8Array, at: number, value: number): number {
  if (Number.isSafeInteger(value)) {
    // -0 is a safe integer and writes '0', as String(-0).
    if (value < 0) {
      bytes[at++] = MINUS;
      return writeDigits(bytes, at, -value);
    }
    return writeDigits(bytes, at, value);
  }
  const magnitude = value < 0 ? -value : value;
  const scaled = magnitude * SCALE;
  if (scaled < FAST_LIMIT) {
    let units = Math.floor(scaled);
    const fromHalf = scaled - units - 0.5;
    const margin = (scaled + 1) * TIE_MARGIN;
    if (fromHalf > margin || fromHalf < -margin) {
      if (fromHalf > 0) units += 1;
      // toFixed's '-0.000000' trims to '-0', which formatNumber writes '0'.
      if (units === 0) {
        bytes[at] = ZERO;
        return at + 1;
      }
      if (value < 0) bytes[at++] = MINUS;
      let whole = Math.floor(units / SCALE);
      let decimals = units - whole * SCALE;
      if (decimals < 0) {
        whole -= 1;
        decimals += SCALE;
      } else if (decimals >= SCALE) {
        whole += 1;
        decimals -= SCALE;
      }
      at = writeDigits(bytes, at, whole);
      return decimals === 0 ? at : writeDecimals(bytes, at, decimals);
    }
  }
  return writeAscii(bytes, at, formatNumber(value));
}

// "00" to "99": two digits per division (the division is most of a digit's cost).
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = ZERO + Math.floor(i / 10);
  PAIRS[2 * i + 1] = ZERO + (i % 10);
}
const INT32_LIMIT = 2 ** 31;

/** The digits of a non-negative safe integer. */
function writeDigits(bytes: Uint8Array, at: number, value: number): number {
  let length = 1;
  for (let power = 10; power <= value; power *= 10) length++;
  const end = at + length;
  writeDigitsBackward(bytes, end, value, length);
  return end;
}

/** '.' and the six decimals of `decimals` (1 to 999,999 millionths), trailing zeros dropped. */
function writeDecimals(bytes: Uint8Array, at: number, decimals: number): number {
  let rest = decimals;
  let width = 6;
  while (rest % 10 === 0) {
    rest /= 10;
    width--;
  }
  bytes[at] = POINT;
  const end = at + 1 + width;
  writeDigitsBackward(bytes, end, rest, width);
  return end;
}

/** The last `width` digits of `value` (zeros in front if it has fewer), ending just before `end`. */
function writeDigitsBackward(bytes: Uint8Array, end: number, value: number, width: number): void {
  let i = end;
  const start = end - width;
  let rest = value;
  while (rest >= INT32_LIMIT) {
    const next = Math.floor(rest / 100);
    const pair = 2 * (rest - next * 100);
    bytes[--i] = PAIRS[pair + 1];
    bytes[--i] = PAIRS[pair];
    rest = next;
  }
  // Small integers: V8 divides int32 by a constant with a multiplication.
  let small = rest | 0;
  while (i - start >= 2) {
    const next = (small / 100) | 0;
    const pair = 2 * (small - next * 100);
    bytes[--i] = PAIRS[pair + 1];
    bytes[--i] = PAIRS[pair];
    small = next;
  }
  if (i > start) bytes[--i] = ZERO + small;
}

/** An ASCII string (formatNumber's text is only digits, '-' and '.'). */
export function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return at + text.length;
}
