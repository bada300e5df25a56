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
  // The same input is read several times in a row (each function of a row, then the audit's
  // recomputation): a small cache of recent conversions. Decimals are immutable, so sharing one
  // is safe; NaN never matches a key, and 0 and -0 both read as 0.
  BITS[0] = x;
  const at = (WORDS[0] ^ WORDS[1] ^ (WORDS[1] >>> 13)) & (RECENT_SLOTS - 1);
  if (recentKeys[at] === x) return recentValues[at] as Decimal;
  const d = readExcelNumber(x);
  recentKeys[at] = x;
  recentValues[at] = d;
  return d;
}

const RECENT_SLOTS = 1024;
const recentKeys = new Float64Array(RECENT_SLOTS).fill(NaN);
const recentValues: (Decimal | undefined)[] = new Array<Decimal | undefined>(RECENT_SLOTS);
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

/** Zero, shared: Decimals never change. */
const ZERO = new Decimal(0);

function readExcelNumber(x: number): Decimal {
  if (x === 0) return ZERO;
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
