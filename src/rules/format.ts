/**
 * How numbers read in explanations: rates as percents, money with thousands separators,
 * everything exact (no binary rounding in what a user reads).
 */
import { Decimal } from './decimal';

export function percent(x: Decimal): string {
  return `${x.times(100).toString()}%`;
}

export function plain(x: Decimal): string {
  return x.toString();
}

export function yuan(x: Decimal): string {
  const [whole, frac] = x.toFixed(2).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === '00' ? `${sign}${grouped}` : `${sign}${grouped}.${frac}`;
}

/** Up to 4 decimals, for points that may be a repeating fraction (10 × 6 ÷ 7). */
export function points(x: Decimal): string {
  return x.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString();
}
