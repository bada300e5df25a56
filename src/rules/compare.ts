/**
 * Exact comparisons against the policy's thresholds and bands, and how they read in an
 * explanation. Policy numbers are parsed once and kept.
 */
import { Decimal } from './decimal';
import type { Band, Num, Op, Threshold } from './policy-types';

const parsed = new Map<Num, Decimal>();

/** A policy number as an exact decimal (parsed once). */
export function num(text: Num): Decimal {
  let d = parsed.get(text);
  if (d === undefined) {
    d = new Decimal(text);
    parsed.set(text, d);
  }
  return d;
}

export function holds(x: Decimal, op: Op, value: Decimal): boolean {
  switch (op) {
    case '<':
      return x.lessThan(value);
    case '<=':
      return x.lessThanOrEqualTo(value);
    case '>':
      return x.greaterThan(value);
    case '>=':
      return x.greaterThanOrEqualTo(value);
  }
}

/** The same comparison on exact integers (the fast paths' scaled values, below 10^15). */
export function holdsNumber(x: number, op: Op, value: number): boolean {
  switch (op) {
    case '<':
      return x < value;
    case '<=':
      return x <= value;
    case '>':
      return x > value;
    case '>=':
      return x >= value;
  }
}

export function meets(x: Decimal, t: Threshold): boolean {
  return holds(x, t.op, num(t.value));
}

const SYMBOL: Record<Op, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };
const NEGATED: Record<Op, Op> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

export function opSymbol(op: Op): string {
  return SYMBOL[op];
}

/** The symbol of the comparison that holds when `op` does not. */
export function negatedSymbol(op: Op): string {
  return SYMBOL[NEGATED[op]];
}

export function inBand<T>(x: Decimal, band: Band<T>): boolean {
  if (band.lo !== null) {
    const lo = num(band.lo);
    if (band.loIncluded ? x.lessThan(lo) : x.lessThanOrEqualTo(lo)) return false;
  }
  if (band.hi !== null) {
    const hi = num(band.hi);
    if (band.hiIncluded ? x.greaterThan(hi) : x.greaterThanOrEqualTo(hi)) return false;
  }
  return true;
}

/** DMN hit policy FIRST: the first band that contains x. */
export function firstBand<T>(bands: readonly Band<T>[], x: Decimal): Band<T> | undefined {
  return bands.find((b) => inBand(x, b));
}

/** FEEL notation of a band, e.g. `(0.01..0.05]`. */
export function bandText<T>(band: Band<T>): string {
  return `${band.loIncluded ? '[' : '('}${band.lo ?? '-∞'}..${band.hi ?? '∞'}${band.hiIncluded ? ']' : ')'}`;
}
