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
import { columnIndex } from '../a1';

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

export function shapeKey(formula: string, row: number, col: number): string | undefined {
  if (formula.includes('\u0001')) return undefined;
  const n = formula.length;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < n) {
    const ch = formula.charCodeAt(i);
    if (ch === 0x22 || ch === 0x27) {
      i = skipQuoted(formula, i, ch);
      continue;
    }
    if ((ch !== DOLLAR && !isLetter(ch)) || (i > 0 && continuesWord(codePointBefore(formula, i)))) {
      i++;
      continue;
    }
    // `$`? 1–3 letters `$`? 1–7 digits, then nothing that continues it.
    let j = i;
    const colAbs = ch === DOLLAR;
    if (colAbs) j++;
    const lettersAt = j;
    while (j < n && isLetter(formula.charCodeAt(j))) j++;
    const lettersEnd = j;
    const rowAbs = formula.charCodeAt(j) === DOLLAR;
    if (rowAbs) j++;
    const digitsAt = j;
    while (j < n && isDigit(formula.charCodeAt(j))) j++;
    const letters = lettersEnd - lettersAt;
    const digits = j - digitsAt;
    const next = j < n ? formula.codePointAt(j) : undefined;
    const isRef =
      letters >= 1 &&
      letters <= 3 &&
      digits >= 1 &&
      digits <= 7 &&
      (next === undefined ||
        (next !== 0x28 && next !== 0x21 && next !== 0x5b && !continuesWord(next))); // ( ! [
    if (!isRef) {
      i = Math.max(i + 1, lettersEnd); // nothing inside the word can start a reference
      continue;
    }
    const c = columnIndex(formula.slice(lettersAt, lettersEnd));
    if (c >= 0) {
      const r = Number(formula.slice(digitsAt, j)) - 1;
      // \u0001 cannot be in a formula saved in XML; shapeKey is not used for one that has it.
      out += `${formula.slice(copied, i)}\u0001${colAbs ? `$${c}` : c - col}\u0001${rowAbs ? `$${r}` : r - row}\u0001`;
      copied = j;
    }
    i = j;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}
