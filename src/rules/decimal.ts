/**
 * decimal.js configured once for all policy arithmetic (POLICY §0): exact decimals, with every
 * rounding named where it happens. Nothing else in the project configures Decimal.
 */
import DecimalBase from 'decimal.js';

/** 40 significant digits: far beyond Excel's 15, so sums of exact items stay exact. */
export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

/** Excel shows and stores 15 significant digits. */
export const EXCEL_DIGITS = 15;

/**
 * A binary double as Excel shows it: rounded to 15 significant digits, then exact.
 * `0.1 + 0.2` (0.30000000000000004) is read as 0.3.
 */
export function fromExcelNumber(x: number): Decimal {
  if (x === 0) return new Decimal(0);
  // A whole number of at most 15 digits is already what Excel shows: no text to round through.
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return new Decimal(x);
  return new Decimal(x.toPrecision(EXCEL_DIGITS));
}

/** Half away from zero, as Excel's ROUND (decimal.js ROUND_HALF_UP rounds ties away from zero). */
export function roundHalfAway(x: Decimal, places: number): Decimal {
  return x.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export function clamp(x: Decimal, lo: Decimal, hi: Decimal): Decimal {
  if (x.lessThan(lo)) return lo;
  if (x.greaterThan(hi)) return hi;
  return x;
}

/** Truncate toward zero: whole steps only (option `whole_steps`, POLICY §1). */
export function truncate(x: Decimal): Decimal {
  return x.toDecimalPlaces(0, Decimal.ROUND_DOWN);
}
