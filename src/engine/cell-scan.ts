/**
 * The cells of a piece of `<sheetData>` XML (./sheet-xml), scanned by hand: a 100,000-row sheet
 * has millions of cells, and a regular expression per cell and per attribute allocated about a
 * kilobyte each (match arrays, substrings), most of the reader's time in garbage collection.
 * This walks the text with indexOf and charCodeAt and cuts out only what a cell keeps: its
 * attribute values and the text of its `<f>`, `<v>` and `<is>`.
 *
 * It reads what the regular expressions read: elements without a namespace prefix (the caller
 * removes one), attributes quoted with " or ', no `>` inside an attribute value.
 */
import { MAX_COLUMNS, MAX_ROWS } from './a1';

/** What one `<row>` or `<c>` element says; the scanner reuses one object for every element. */
export interface ScannedElement {
  kind: 'row' | 'c';
  /** The `r` attribute as written (undefined when absent). */
  r: string | undefined;
  /** For a cell with `r` in plain A1 form: its 0-based row and column, else -1. */
  row: number;
  col: number;
  /** Cell: `t` and `s` attributes. */
  t: string | undefined;
  s: string | undefined;
  /** Cell: self-closed (`<c r="A1"/>`): no content. */
  empty: boolean;
  /** Cell: the `<f>` element's attributes (t, si, ref) and raw text ('' when self-closed). */
  hasF: boolean;
  fT: string | undefined;
  fSi: string | undefined;
  fRef: string | undefined;
  fText: string;
  /** Cell: the raw text of `<v>` (undefined when there is none). */
  v: string | undefined;
  /** Cell: the raw content of `<is>` (undefined when there is none). */
  is: string | undefined;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const R = 114; // r
const S = 115; // s
const T = 116; // t

const isSpace = (ch: number) => ch === 32 || ch === 9 || ch === 10 || ch === 13;

/** True when `name` starts at `at` and is followed by whitespace, `/` or `>`. */
function tagAt(text: string, at: number, name: string): boolean {
  if (!text.startsWith(name, at)) return false;
  const next = text.charCodeAt(at + name.length);
  return isSpace(next) || next === SLASH || next === GT;
}

/**
 * Calls `seen` for each attribute in text[from, to) with where its name and its value (quotes
 * removed) are: nothing is cut out until the caller wants the value.
 */
function eachAttribute(
  text: string,
  from: number,
  to: number,
  seen: (name: number, nameEnd: number, value: number, valueEnd: number) => void,
): void {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < to) {
      const ch = text.charCodeAt(i);
      if (ch === EQ || isSpace(ch) || ch === SLASH) break;
      i++;
    }
    const nameEnd = i;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== EQ) {
      i++;
      continue;
    }
    i++;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i);
    if (quote !== DQ && quote !== SQ) {
      i++;
      continue;
    }
    const close = text.indexOf(quote === DQ ? '"' : "'", i + 1);
    if (close < 0 || close > to) return;
    seen(nameStart, nameEnd, i + 1, close);
    i = close + 1;
  }
}

/** `B7` → row 6, col 1 into `e`; -1s when not plain A1 (the caller reads it another way). */
function plainA1(ref: string, e: ScannedElement): void {
  e.row = -1;
  e.col = -1;
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i > 3 || i === ref.length || ref.length - i > 7) return;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) return;
    row = row * 10 + (ch - 48);
  }
  if (col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return;
  e.row = row - 1;
  e.col = col - 1;
}

/** A child element's tags, made once. */
interface Child {
  readonly name: string;
  readonly open: string;
  readonly close: string;
}

const child = (name: string): Child => ({ name, open: `<${name}`, close: `</${name}>` });
const F = child('f');
const V = child('v');
const IS = child('is');

/** Where the first child element `c` inside text[from, to) is: its attributes and text. */
interface Found {
  attrsFrom: number;
  attrsTo: number;
  text: string;
}

/** Finds the first child element `c` inside text[from, to) into `out`; false when none. */
function childText(text: string, from: number, to: number, c: Child, out: Found): boolean {
  // Tag by tag inside the cell: a search for `<f` alone would run on to the next formula cell.
  let at = text.indexOf('<', from);
  while (at >= 0 && at < to && !tagAt(text, at + 1, c.name)) at = text.indexOf('<', at + 1);
  if (at < 0 || at >= to) return false;
  const gt = text.indexOf('>', at);
  if (gt < 0 || gt >= to) return false;
  out.attrsFrom = at + c.open.length;
  if (text.charCodeAt(gt - 1) === SLASH) {
    out.attrsTo = gt - 1;
    out.text = '';
    return true;
  }
  const close = text.indexOf(c.close, gt);
  if (close < 0 || close > to) return false;
  out.attrsTo = gt;
  out.text = text.slice(gt + 1, close);
  return true;
}

/**
 * Scans `<row>` and `<c>` elements of `text` in order, calling `visit` with each (the same
 * object, refilled). Text between them (`</row>`, `<extLst>`...) is skipped.
 */
export function scanCells(piece: string, visit: (e: ScannedElement) => void): void {
  const e: ScannedElement = {
    kind: 'c',
    r: undefined,
    row: -1,
    col: -1,
    t: undefined,
    s: undefined,
    empty: true,
    hasF: false,
    fT: undefined,
    fSi: undefined,
    fRef: undefined,
    fText: '',
    v: undefined,
    is: undefined,
  };
  const found: Found = { attrsFrom: 0, attrsTo: 0, text: '' };
  // Attribute names compared where they stand: r, t and s of a cell, t, si and ref of <f>.
  let text = '';
  const is = (at: number, end: number, name: string) =>
    end - at === name.length && text.startsWith(name, at);
  const cellAttr = (at: number, end: number, v: number, vEnd: number) => {
    if (end - at !== 1) return;
    const ch = text.charCodeAt(at);
    if (ch === R) e.r = text.slice(v, vEnd);
    else if (ch === T) e.t = text.slice(v, vEnd);
    else if (ch === S) e.s = text.slice(v, vEnd);
  };
  const rowAttr = (at: number, end: number, v: number, vEnd: number) => {
    if (end - at === 1 && text.charCodeAt(at) === R) e.r = text.slice(v, vEnd);
  };
  const fAttr = (at: number, end: number, v: number, vEnd: number) => {
    if (is(at, end, 't')) e.fT = text.slice(v, vEnd);
    else if (is(at, end, 'si')) e.fSi = text.slice(v, vEnd);
    else if (is(at, end, 'ref')) e.fRef = text.slice(v, vEnd);
  };
  text = piece;
  let i = text.indexOf('<');
  while (i >= 0) {
    const isRow = tagAt(text, i + 1, 'row');
    if (!isRow && !tagAt(text, i + 1, 'c')) {
      i = text.indexOf('<', i + 1);
      continue;
    }
    const gt = text.indexOf('>', i);
    if (gt < 0) return;
    const selfClosed = text.charCodeAt(gt - 1) === SLASH;
    const attrsTo = selfClosed ? gt - 1 : gt;
    e.r = undefined;
    if (isRow) {
      e.kind = 'row';
      eachAttribute(text, i + 4, attrsTo, rowAttr);
      visit(e);
      i = text.indexOf('<', gt + 1);
      continue;
    }
    e.kind = 'c';
    e.t = undefined;
    e.s = undefined;
    e.hasF = false;
    e.fT = undefined;
    e.fSi = undefined;
    e.fRef = undefined;
    e.fText = '';
    e.v = undefined;
    e.is = undefined;
    eachAttribute(text, i + 2, attrsTo, cellAttr);
    if (e.r !== undefined) plainA1(e.r, e);
    let next = gt + 1;
    if (selfClosed) e.empty = true;
    else {
      const close = text.indexOf('</c>', gt);
      if (close < 0) {
        // An unclosed cell (damaged text): skipped, as the expression skipped it.
        i = text.indexOf('<', gt + 1);
        continue;
      }
      e.empty = false;
      if (childText(text, gt + 1, close, F, found)) {
        e.hasF = true;
        eachAttribute(text, found.attrsFrom, found.attrsTo, fAttr);
        e.fText = found.text;
      }
      if (childText(text, gt + 1, close, V, found)) e.v = found.text;
      if (e.t === 'inlineStr' && childText(text, gt + 1, close, IS, found)) e.is = found.text;
      next = close + 4;
    }
    if (text.charCodeAt(next) !== LT) next = text.indexOf('<', next);
    visit(e);
    i = next;
  }
}
