/**
 * Most formulas of a workbook differ only by row (`…(D2,E2)`, `…(D3,E3)`, …). Their key replaces
 * each cell reference by its offset from the formula's cell (absolute parts stay absolute), so
 * one parse serves every row. Two formulas with one key tokenize alike with references that
 * point the same way relative to their cells, so their trees are the same.
 *
 * What counts as a reference, as one regular expression (the definition; the test holds the
 * scanner below equal to it): strings and quoted sheet names are skipped whole; a reference is
 * a whole word: nothing that continues a word (or a number, `1E5`) before it, and no `(`, `!`,
 * `[` or word character after.
 *
 *   /"(?:[^"]|"")*"?|'(?:[^']|'')*'?|(?<![\p{L}\p{N}\p{M}_.$\\?])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\p{L}\p{N}\p{M}_.$\\?(![])/gu
 *
 * It runs once per formula cell (300,000 times for 100,000 rows), so it is scanned by hand.
 */
import { MAX_COLUMNS } from '../a1';

const WORD = /[\p{L}\p{N}\p{M}]/u;
const DOLLAR = 0x24;

const isLetter = (ch: number) => (ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x7a;
const isDigit = (ch: number) => ch >= 0x30 && ch <= 0x39;

/** A code point that continues a word: a letter, number or mark, `_ . $ \ ?`. */
function continuesWord(cp: number): boolean {
  if (cp < 0x80) {
    return (
      isLetter(cp) ||
      isDigit(cp) ||
      cp === 0x5f || // _
      cp === 0x2e || // .
      cp === DOLLAR ||
      cp === 0x5c || // \
      cp === 0x3f // ?
    );
  }
  return WORD.test(String.fromCodePoint(cp));
}

/**
 * The end of the run of ASCII word characters (letters, digits, `_ . $ \ ?`) from `i`: no
 * reference starts inside it, since each of its characters follows one that continues a word.
 */
function afterWord(s: string, i: number): number {
  while (i < s.length && continuesWord(s.charCodeAt(i)) && s.charCodeAt(i) < 0x80) i++;
  return i;
}

/** The code point that ends just before `i`. */
function codePointBefore(s: string, i: number): number {
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** The end of a string or quoted name opening at i: after its closing quote, or the end. */
function skipQuoted(s: string, i: number, quote: number): number {
  let j = i + 1;
  while (j < s.length) {
    if (s.charCodeAt(j) !== quote) j++;
    else if (s.charCodeAt(j + 1) === quote) j += 2;
    else return j + 1;
  }
  return j;
}

/** The reference nextRef found: where it lies and what it points at (0-based). */
interface Found {
  start: number;
  end: number;
  colAbs: boolean;
  col: number;
  rowAbs: boolean;
  row: number;
}

const found = (): Found => ({ start: 0, end: 0, colAbs: false, col: 0, rowAbs: false, row: 0 });

/**
 * The first reference at or after `from` (outside strings and quoted names), written into
 * `into`; false when there is none. A word shaped like a reference whose column is past XFD is
 * text, as the definition leaves it.
 */
function nextRef(s: string, from: number, into: Found): boolean {
  const n = s.length;
  let i = from;
  while (i < n) {
    const ch = s.charCodeAt(i);
    if (ch === 0x22 || ch === 0x27) {
      i = skipQuoted(s, i, ch);
      continue;
    }
    if (ch !== DOLLAR && !isLetter(ch)) {
      i++;
      continue;
    }
    if (i > 0 && continuesWord(codePointBefore(s, i))) {
      i = afterWord(s, i + 1);
      continue;
    }
    if (refAt(s, i, into)) return true;
    i = into.end;
  }
  return false;
}

/**
 * Whether a reference starts at `i`, whose preceding character does not continue a word: then
 * true with it in `into`; else false with `into.end` where a reference may next start.
 */
function refAt(s: string, i: number, into: Found): boolean {
  // `$`? 1–3 letters `$`? 1–7 digits, then nothing that continues it.
  const n = s.length;
  let j = i;
  const colAbs = s.charCodeAt(i) === DOLLAR;
  if (colAbs) j++;
  const lettersAt = j;
  let col = 0;
  while (j < n && isLetter(s.charCodeAt(j))) col = col * 26 + ((s.charCodeAt(j++) | 0x20) - 0x60);
  const lettersEnd = j;
  const rowAbs = s.charCodeAt(j) === DOLLAR;
  if (rowAbs) j++;
  const digitsAt = j;
  let row = 0;
  while (j < n && isDigit(s.charCodeAt(j))) row = row * 10 + (s.charCodeAt(j++) - 0x30);
  const letters = lettersEnd - lettersAt;
  const digits = j - digitsAt;
  const next = j < n ? s.codePointAt(j) : undefined;
  const isRef =
    letters >= 1 &&
    letters <= 3 &&
    digits >= 1 &&
    digits <= 7 &&
    (next === undefined ||
      (next !== 0x28 && next !== 0x21 && next !== 0x5b && !continuesWord(next))); // ( ! [
  if (!isRef) {
    into.end = afterWord(s, i + 1);
    return false;
  }
  into.end = j;
  if (col > MAX_COLUMNS) return false;
  into.start = i;
  into.colAbs = colAbs;
  into.col = col - 1;
  into.rowAbs = rowAbs;
  into.row = row - 1;
  return true;
}

const keyRef = found();

export function shapeKey(formula: string, row: number, col: number): string | undefined {
  if (formula.includes('\u0001')) return undefined;
  const f = keyRef;
  let out = '';
  let copied = 0;
  while (nextRef(formula, copied, f)) {
    // \u0001 cannot be in a formula saved in XML; shapeKey is not used for one that has it.
    out += `${formula.slice(copied, f.start)}\u0001${f.colAbs ? `$${f.col}` : f.col - col}\u0001${f.rowAbs ? `$${f.row}` : f.row - row}\u0001`;
    copied = f.end;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

/**
 * A formula in its cell, with its references found once, so that formulas of other cells are
 * compared with it in one pass (hasShape): a column filled down compares each formula with one
 * met a few rows above.
 */
export interface Shape {
  readonly formula: string;
  readonly row: number;
  readonly col: number;
  /** Per reference: start, end, 1 for an absolute column + 2 for an absolute row, column, row. */
  readonly refs: Int32Array;
}

const REF_FIELDS = 5;
const scratch = found();

/** The shape of a formula in (row, col); undefined when it has no key (shapeKey). */
export function shapeOf(formula: string, row: number, col: number): Shape | undefined {
  if (formula.includes('\u0001')) return undefined;
  const list: number[] = [];
  for (let at = 0; nextRef(formula, at, scratch); at = scratch.end) {
    const f = scratch;
    list.push(f.start, f.end, (f.colAbs ? 1 : 0) | (f.rowAbs ? 2 : 0), f.col, f.row);
  }
  return { formula, row, col, refs: Int32Array.from(list) };
}

/**
 * Whether formula `b` in (rb, cb) has shape `a`: the same shape key, found without making
 * either. Only b's references can differ from a's, so b is read once: a's text between
 * references must be b's, and at each place where a has a reference b must have one pointing
 * the same way from its cell. (The text between them being the same, with the same character
 * before each place, b has no reference a has not.)
 */
export function hasShape(a: Shape, b: string, rb: number, cb: number): boolean {
  const s = a.formula;
  const refs = a.refs;
  const f = scratch;
  let i = 0;
  let j = 0;
  for (let k = 0; k < refs.length; k += REF_FIELDS) {
    const start = refs[k];
    if (!sameText(s, i, b, j, start - i)) return false;
    j += start - i;
    if (!refAt(b, j, f)) return false;
    const abs = refs[k + 2];
    if (f.colAbs !== ((abs & 1) !== 0) || f.rowAbs !== ((abs & 2) !== 0)) return false;
    if (f.colAbs ? f.col !== refs[k + 3] : f.col - cb !== refs[k + 3] - a.col) return false;
    if (f.rowAbs ? f.row !== refs[k + 4] : f.row - rb !== refs[k + 4] - a.row) return false;
    i = refs[k + 1];
    j = f.end;
  }
  return b.length - j === s.length - i && sameText(s, i, b, j, s.length - i);
}

function sameText(a: string, i: number, b: string, j: number, length: number): boolean {
  if (j + length > b.length) return false;
  for (let k = 0; k < length; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}
