/**
 * Excel's value rules for the light route, written to agree with the HyperFormula route (its
 * Excel-like settings) wherever the two could differ: where Excel and HyperFormula disagree, or
 * where the exact rule is not certain, the light route gives up (`bail()`) and the whole workbook
 * goes to HyperFormula rather than guess.
 */
import type { ErrorValue } from '../model';

/** A value inside the light route: null is a blank (an empty cell or a CM function's blank). */
export type Value = number | string | boolean | null | ErrorValue;

export class Bail extends Error {
  constructor(why: string) {
    super(`light route: ${why}`);
  }
}
export const bail = (why: string): never => {
  throw new Bail(why);
};

export const isError = (v: Value): v is ErrorValue => typeof v === 'object' && v !== null;

/** HyperFormula's relative epsilon for sums and comparisons (its default `precisionEpsilon`). */
const EPS = 1e-13;

export const VALUE_COERCION: ErrorValue = {
  error: '#VALUE!',
  message: 'Value cannot be coerced to number.',
};
const NUM_OVERFLOW: ErrorValue = { error: '#NUM!', message: 'NaN or infinite value encountered.' };
const DIV_ZERO: ErrorValue = { error: '#DIV/0!', message: 'Division by zero.' };

const PLAIN_NUMBER = /^[+-]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][+-]?\d+)?$/;

/** A value in arithmetic: blank 0, TRUE 1, numeric text its number, other text #VALUE!. */
export function toNumber(v: Value): number | ErrorValue {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (PLAIN_NUMBER.test(t)) return Number(t);
    // Text with no digit is no number, date, time, percent or currency in either engine. Text
    // with digits might be a date or currency one of them reads; "" is 0 to one, #VALUE! to
    // the other.
    if (v === '' || /\d/.test(v)) return bail(`text "${v}" in arithmetic`);
    return VALUE_COERCION;
  }
  return v;
}

/** A result number as HyperFormula keeps it: NaN and ±∞ are #NUM!, -0 is 0. */
export function finish(x: number): number | ErrorValue {
  if (!Number.isFinite(x)) return NUM_OVERFLOW;
  return x === 0 ? 0 : x;
}

export function arithmetic(op: string, av: Value, bv: Value): Value {
  const a = toNumber(av);
  const b = toNumber(bv);
  if (isError(av) || isError(bv)) {
    // HyperFormula reports an operand's error before the other's text that is no number; which
    // Excel reports first is not certain.
    if (isError(a) !== isError(av) || isError(b) !== isError(bv)) {
      return bail('an error and text that is no number in one operation');
    }
    return isError(av) ? av : bv;
  }
  if (typeof a !== 'number') return a;
  if (typeof b !== 'number') return b;
  switch (op) {
    case '+':
      return finish(addWithEpsilon(a, b));
    case '-': {
      const r = a - b;
      // Excel's and HyperFormula's snap to 0 of a difference lost in rounding.
      return finish(Math.abs(r) < EPS * Math.abs(a) ? 0 : r);
    }
    case '*':
      return finish(a * b);
    case '/':
      return b === 0 ? DIV_ZERO : finish(a / b);
    default:
      // 0^0 is #NUM! in Excel and 1 in HyperFormula; 0^-n is #DIV/0! in Excel, #NUM! there.
      if (a === 0 && b <= 0) return bail('0 to a power ≤ 0');
      return finish(Math.pow(a, b));
  }
}

export function addWithEpsilon(a: number, b: number): number {
  const r = a + b;
  return Math.abs(r) < EPS * Math.abs(a) ? 0 : r;
}

/** A value joined with `&`: blank "", booleans TRUE/FALSE, whole numbers as digits. */
export function toText(v: Value): string | ErrorValue {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    // Excel shows up to 15 significant digits; HyperFormula JavaScript's shortest form. They
    // agree on whole numbers of up to 15 digits only.
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    return bail(`number ${v} joined as text`);
  }
  return v;
}

export function concat(av: Value, bv: Value): Value {
  const a = toText(av);
  const b = toText(bv);
  if (typeof a !== 'string') return a;
  if (typeof b !== 'string') return b;
  // Excel's limit for a cell's text; HyperFormula has none.
  if (a.length + b.length > 32767) return bail('text longer than 32,767 characters');
  return a + b;
}

/** Text a date or time reading might take (digits with separators): compared, it is unsure. */
const DATE_LIKE = /^[\d\s/.:,\-APMapm]+$/;
const ORDERABLE = /^[A-Za-z0-9 ]*$/;
const ASCII = /^[\x20-\x7e]*$/;
let collator: Intl.Collator | undefined;

/** Type order of mixed comparisons (Excel's): numbers < text < logical values. */
function typeRank(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  return 3;
}

function floatCompare(a: number, b: number): number {
  const mod = 1 + EPS;
  if (b >= 0 && a * mod >= b && a <= b * mod) return 0;
  if (b <= 0 && a * mod <= b && a >= b * mod) return 0;
  return a > b ? 1 : -1;
}

function textCompare(a: string, b: string, ordered: boolean): number {
  if (a === b) return 0;
  if (ordered) {
    // Both engines compare case-insensitively; letters, digits and spaces order alike in
    // both. Punctuation and other scripts have engine-specific orders.
    if (!ORDERABLE.test(a) || !ORDERABLE.test(b)) return bail('ordering of text');
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (ASCII.test(a) && ASCII.test(b)) return a.toLowerCase() === b.toLowerCase() ? 0 : 1;
  // HyperFormula's collator ignores accents and width; Excel does not. Equal to it but not
  // identical: unsure.
  collator ??= new Intl.Collator('en', { sensitivity: 'base' });
  return collator.compare(a, b) === 0 ? bail('text equal only ignoring accents') : 1;
}

export function compare(op: string, a: Value, b: Value): Value {
  if (isError(a)) return a;
  if (isError(b)) return b;
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    if (typeof x === 'string' && /\d/.test(x) && DATE_LIKE.test(x)) {
      if (y === null || typeof y === 'number' || typeof y === 'string') {
        return bail(`comparison of date-like text "${x}"`);
      }
    }
  }
  // A blank compares as the other side's empty value: 0, "" or FALSE.
  let x: Value = a;
  let y: Value = b;
  if (x === null) x = blankAs(y);
  else if (y === null) y = blankAs(x);
  const ordered = op !== '=' && op !== '<>';
  let c: number;
  if (typeof x === 'number' && typeof y === 'number') c = floatCompare(x, y);
  else if (typeof x === 'string' && typeof y === 'string') c = textCompare(x, y, ordered);
  else if (typeof x === 'boolean' && typeof y === 'boolean') c = Number(x) - Number(y);
  else c = typeRank(x) - typeRank(y);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

function blankAs(other: Value): Value {
  if (typeof other === 'string') return '';
  if (typeof other === 'number') return 0;
  if (typeof other === 'boolean') return false;
  return null;
}

/** A condition (IF, NOT): numbers ≠ 0 are TRUE, "TRUE"/"FALSE" read, other text #VALUE!. */
export function toBoolean(v: Value): boolean | ErrorValue {
  if (typeof v === 'boolean') return v;
  if (v === null) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const u = v.toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
    // "" is FALSE to HyperFormula and #VALUE! to Excel.
    if (v === '') return bail('empty text as a condition');
    return { error: '#VALUE!', message: 'Value cannot be coerced to boolean.' };
  }
  return v;
}
