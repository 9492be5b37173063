// Numbers as spreadsheets read them everywhere: '.' decimals, never exponent notation, empty for "no value".
// Called for every number of every table (millions in a run's daily.csv), hence no regular expressions.

const DECIMALS = 6;
const ZERO = 48;
const POINT = 46;

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  // toFixed switches to exponent notation from 1e21 on; BigInt prints every digit.
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  // A safe integer's String() is its digits ('0' for -0), as toFixed(0) gives; above 2^53 toFixed
  // prints the exact binary value (…024) where String() prints the shortest (…020).
  if (Number.isSafeInteger(value)) return String(value);
  if (Number.isInteger(value)) return value.toFixed(0);
  const fixed = value.toFixed(DECIMALS);
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === ZERO) end--;
  if (fixed.charCodeAt(end - 1) === POINT) end--;
  const trimmed = end === fixed.length ? fixed : fixed.slice(0, end);
  return trimmed === '-0' ? '0' : trimmed;
}
