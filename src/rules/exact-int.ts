/**
 * Integer arithmetic for the rules' exact fast paths (score-fast, outcome-fast, reserve-fast):
 * values read at Excel's 15 significant digits as whole counts of 1/scale, policy numbers
 * scaled to whole numbers, and division rounded in integers. Every integer stays below 2^53,
 * where doubles are exact, so no float decides anything.
 */
import type { Decimal } from './decimal';

/** Integers a fast path keeps below, so a sum or a small multiple stays exact. */
export const SAFE = 2 ** 51;

/** Scaled inputs stay below this: a 15-digit reading of such an integer is the integer itself. */
export const DIGITS_15 = 1e15;

/** A policy number already scaled, as an exact integer below SAFE; else undefined. */
export function exactInt(x: Decimal): number | undefined {
  return x.isInteger() && x.abs().lessThan(SAFE) ? x.toNumber() : undefined;
}

/**
 * x as an integer count of 1/scale, when x read at 15 significant digits is exactly that
 * (POLICY §0); else undefined. The float test is conservative: it accepts only when the true
 * distance is under half a unit in the 15th digit, so the 15-digit reading is k / scale. k has
 * at most 15 digits: a 16-digit k is not what a 15-digit reading gives.
 */
export function scaledInput(
  x: unknown,
  scale: number,
  min: number,
  max: number,
): number | undefined {
  if (typeof x !== 'number') return undefined;
  const y = x * scale;
  const k = Math.round(y);
  if (!(k >= min && k <= max) || !(k > -DIGITS_15 && k < DIGITS_15)) return undefined;
  if (Math.abs(y - k) > 3e-16 * Math.abs(y)) return undefined;
  return k === 0 ? 0 : k;
}

/** ⌊a ÷ b⌋ for non-negative integers below 2^53, corrected for the division's rounding. */
export function floorDiv(a: number, b: number): number {
  let k = Math.floor(a / b);
  if (k * b > a) k -= 1;
  else if ((k + 1) * b <= a) k += 1;
  return k;
}
