// Numbers as spreadsheets read them everywhere: '.' decimals, never exponent notation, empty for "no value".

const DECIMALS = 6;

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  // toFixed switches to exponent notation from 1e21 on; BigInt prints every digit.
  if (Math.abs(value) >= 1e21) return BigInt(value).toString();
  if (Number.isInteger(value)) return value.toFixed(0);
  const fixed = value.toFixed(DECIMALS);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}
