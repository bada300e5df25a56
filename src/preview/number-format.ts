/**
 * A number as Excel shows it in a cell under a number format code. It knows the common codes
 * (General, `0`, `0.00`, `#,##0`, `#,##0.00`, `0%`, `0.0%`, `0.00%`, quoted or bracketed
 * currency text, sections for negatives and zero) and dates and times (date-format.ts); it
 * shows anything else (fractions, scientific, conditions) as General rather than guess.
 */

import { formatDate, isDateSection } from './date-format';

/** Excel's General in a cell: at most 11 significant digits, scientific when longer. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) return scientific(value);
  const text = String(Number(value.toPrecision(11)));
  return /e/i.test(text) ? scientific(value) : text;
}

/** `1.23457E+11`: six significant digits, trailing zeros dropped, a two-digit exponent. */
function scientific(value: number): string {
  const [mantissa, exp] = value.toExponential(5).split('e');
  const m = mantissa.replace(/\.?0+$/, '');
  const e = Number(exp);
  return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** The format's sections (`positive;negative;zero;text`), split outside quotes and brackets. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !quoted && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

type Token = { readonly literal: string; readonly percent?: true } | { readonly digits: string };

/** A section as literal text around one run of digit placeholders; undefined if not known. */
function tokens(section: string): Token[] | undefined {
  const out: Token[] = [];
  let literal = '';
  let digits = '';
  let seenDigits = false;
  const flush = () => {
    if (literal) out.push({ literal });
    literal = '';
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if ('0#?'.includes(ch) || ((ch === '.' || ch === ',') && (digits || nextIsDigit(section, i)))) {
      if (seenDigits && !digits) return undefined; // a second run of digits: a fraction or the like
      flush();
      digits += ch;
      continue;
    }
    if (digits) {
      out.push({ digits });
      digits = '';
      seenDigits = true;
    }
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      if (end < 0) return undefined;
      literal += section.slice(i + 1, end);
      i = end;
    } else if (ch === '\\') {
      literal += section[++i] ?? '';
    } else if (ch === '_') {
      i++;
      literal += ' ';
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      if (end < 0) return undefined;
      const inside = section.slice(i + 1, end);
      if (inside.startsWith('$')) literal += inside.slice(1).split('-')[0];
      else if (!/^[a-z]+\d*$/i.test(inside)) return undefined; // a condition or elapsed time
      i = end;
    } else if (/[a-z@/]/i.test(ch)) {
      return undefined; // dates, times, scientific, text, fractions
    } else if (ch === '%') {
      flush();
      out.push({ literal: '%', percent: true });
    } else {
      literal += ch;
    }
  }
  if (digits) out.push({ digits });
  flush();
  return out;
}

function nextIsDigit(section: string, i: number): boolean {
  for (let j = i + 1; j < section.length; j++) {
    if ('0#?'.includes(section[j])) return true;
    if (section[j] !== ',' && section[j] !== '.') return false;
  }
  return false;
}

/** A non-negative number under one run of placeholders like `#,##0.00` or `0,`. */
function formatDigits(abs: number, pattern: string): string {
  const point = pattern.indexOf('.');
  let int = point < 0 ? pattern : pattern.slice(0, point);
  const frac = point < 0 ? '' : pattern.slice(point + 1).replace(/,/g, '');
  // Commas after the last integer placeholder divide by a thousand each.
  const trailing = /,+$/.exec(int);
  if (trailing) {
    abs /= 1000 ** trailing[0].length;
    int = int.slice(0, -trailing[0].length);
  }
  const grouped = int.includes(',');
  const minInt = (int.match(/0/g) ?? []).length;
  const places = frac.length;
  const minFrac = frac.replace(/[#?]+$/, '').length;
  const rounded = roundTo(abs, places);
  let [whole, decimals = ''] = rounded.split('.');
  decimals = decimals.padEnd(places, '0');
  while (decimals.length > minFrac && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  if (whole === '0' && minInt === 0) whole = '';
  whole = whole.padStart(minInt, '0');
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return places > 0 && (decimals || point >= 0) ? `${whole}.${decimals}` : whole;
}

/** `abs` rounded half away from zero to `places` decimals, in plain digits. */
function roundTo(abs: number, places: number): string {
  const shifted = Math.round(Number(`${abs}e${places}`));
  if (!Number.isFinite(shifted)) return abs.toFixed(places);
  return Number(`${shifted}e-${places}`).toFixed(places);
}

/** `value` as a cell with number format `format` shows it. */
export function formatNumber(value: number, format: string | undefined): string {
  if (format === undefined || !Number.isFinite(value)) return formatGeneral(value);
  const parts = sections(format);
  let section = parts[0];
  let sign = value < 0 ? '-' : '';
  if (value < 0 && parts.length > 1) {
    section = parts[1];
    sign = '';
  } else if (value === 0 && parts.length > 2) {
    section = parts[2];
  }
  if (section.trim().toLowerCase() === 'general' || section.trim() === '') {
    return sign + formatGeneral(Math.abs(value));
  }
  if (isDateSection(section)) return formatDate(value, section) ?? formatGeneral(value);
  const toks = tokens(section);
  if (!toks) return formatGeneral(value);
  let abs = Math.abs(value);
  for (const t of toks) if ('percent' in t) abs *= 100;
  if (abs >= 1e15) return formatGeneral(value);
  let text = '';
  let anyDigit = false;
  for (const t of toks) {
    if ('literal' in t) text += t.literal;
    else {
      const d = formatDigits(abs, t.digits);
      if (/[1-9]/.test(d)) anyDigit = true;
      text += d;
    }
  }
  // A negative that rounds to zero shows no sign.
  return (anyDigit ? sign : '') + text;
}
