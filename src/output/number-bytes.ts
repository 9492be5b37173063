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

/** The digits of a non-negative safe integer. */
function writeDigits(bytes: Uint8Array, at: number, value: number): number {
  let length = 1;
  for (let power = 10; power <= value; power *= 10) length++;
  const end = at + length;
  let rest = value;
  for (let i = end - 1; i >= at; i--) {
    const next = Math.floor(rest / 10);
    bytes[i] = ZERO + (rest - next * 10);
    rest = next;
  }
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
  for (let i = end - 1; i > at; i--) {
    const next = Math.floor(rest / 10);
    bytes[i] = ZERO + (rest - next * 10);
    rest = next;
  }
  return end;
}

/** An ASCII string (formatNumber's text is only digits, '-' and '.'). */
export function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return at + text.length;
}
