/**
 * Reading the formula of a computed cell: which CM function it calls (either spelling Excel
 * uses: `CM.X(` as typed, `_xldudf_CM_X(` as saved in a .xlsx; any letter case; with or without
 * the leading `=`), and which cells its arguments point at.
 */
import { columnIndex } from './a1';
import type { ColumnKey } from './columns';
import { matchHeader } from './headers';

export type FormulaShape =
  /** The whole formula is one call of the expected function. */
  | { readonly kind: 'call'; readonly args: readonly string[] }
  /** The expected function appears, inside some other expression (`=IFERROR(CM.X(…),"")`). */
  | { readonly kind: 'wrapped' }
  /** The expected function does not appear. */
  | { readonly kind: 'other' };

// Compiled once; the function name is captured and compared upper-cased.
const CALL = /^\s*=?\s*(?:_xldudf_cm_|cm\.)([a-z_][a-z0-9_]*)\s*\(/i;

/** What a formula is, given the CM function (`APPRAISAL_SCORE`) the column expects. */
export function formulaShape(formula: string, fn: string): FormulaShape {
  const m = CALL.exec(formula);
  if (m !== null && m[1].toUpperCase() === fn) {
    const args = splitCall(formula, m[0].length);
    if (args !== undefined) return { kind: 'call', args };
  }
  const upper = formula.toUpperCase();
  return upper.includes(`CM.${fn}(`) || upper.includes(`_XLDUDF_CM_${fn}(`)
    ? { kind: 'wrapped' }
    : { kind: 'other' };
}

/**
 * The top-level arguments of a call whose `(` ends at `start`, or undefined when anything but
 * white space follows the closing parenthesis.
 */
function splitCall(formula: string, start: number): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < formula.length; i++) {
    const ch = formula.charCodeAt(i);
    if (ch === 34 || ch === 39) {
      // "text" or 'sheet name': skip to the closing quote (a doubled quote escapes itself).
      const q = ch;
      i++;
      while (i < formula.length) {
        if (formula.charCodeAt(i) === q) {
          if (formula.charCodeAt(i + 1) === q) i++;
          else break;
        }
        i++;
      }
    } else if (ch === 40 || ch === 91 || ch === 123) {
      depth++; // ( [ {
    } else if (ch === 41 || ch === 93 || ch === 125) {
      if (depth === 0) {
        if (ch !== 41) return undefined;
        args.push(formula.slice(from, i).trim());
        return formula.slice(i + 1).trim() === '' ? args : undefined;
      }
      depth--;
    } else if (ch === 44 && depth === 0) {
      args.push(formula.slice(from, i).trim());
      from = i + 1;
    }
  }
  return undefined;
}

/** Where an argument points. */
export type ArgTarget =
  | { readonly kind: 'cell'; readonly sheet?: string; readonly row: number; readonly col: number }
  /** A structured reference to this row of a table column (`[@Score]`). */
  | { readonly kind: 'this-row'; readonly key?: ColumnKey }
  | { readonly kind: 'omitted' }
  | { readonly kind: 'other' };

const CELL_REF = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([a-z]{1,3})\$?(\d{1,7})$/i;
// [@Col], [@[Col]], Table1[@Col], Table1[[#This Row],[Col]]
const THIS_ROW = /^[^[\]]*\[(?:@\[?|\[#this row\],\s*\[)([^\]]+)\]{1,2}$/i;

/**
 * In a row template (the formula with its own row number replaced by U+0000, see
 * `rowTemplate`), the row of a reference that pointed at the formula's own row.
 */
export const THIS_ROW_MARK = -2;

/**
 * The formula with every occurrence of its own row number replaced by U+0000: the formulas of
 * a filled-down column share one template, so they are parsed once. A reference whose row is
 * exactly the marker pointed at the formula's own row; any other text the replacement touched
 * no longer reads as a same-row reference, so the template can only under-claim.
 */
export function rowTemplate(formula: string, sheetRow: number): string {
  const row = String(sheetRow + 1);
  let at = formula.indexOf(row);
  if (at < 0) return formula;
  let out = '';
  let from = 0;
  while (at >= 0) {
    out += `${formula.slice(from, at)}\u0000`;
    from = at + row.length;
    at = formula.indexOf(row, from);
  }
  return out + formula.slice(from);
}

/** A row template (`rowTemplate`) split at its markers, for `hasTemplate`. */
export interface TemplatePieces {
  /** The text between the markers. */
  readonly parts: readonly string[];
  /**
   * When no piece holds a digit (=CM.APPRAISAL_SCORE(D\u0000,E\u0000,…), most templates): the
   * pieces with one run of digits, the same each time, at every marker. A row number can then
   * occur only at the markers.
   */
  readonly pattern?: RegExp;
  /** The pieces' total length. */
  readonly length: number;
}

const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

export function templatePieces(template: string): TemplatePieces {
  const parts = template.split('\u0000');
  const length = parts.reduce((n, p) => n + p.length, 0);
  if (parts.some((p) => /[0-9]/.test(p))) return { parts, length };
  const [head, ...rest] = parts.map((p) => p.replace(REGEXP_SYNTAX, '\\$&'));
  const pattern = rest.length === 0 ? head : `${head}([0-9]+)${rest.join('\\1')}`;
  return { parts, length, pattern: new RegExp(`^${pattern}$`) };
}

/**
 * Whether `rowTemplate(formula, sheetRow)` is the template `pieces`, `row` being
 * String(sheetRow + 1), without building it: the formula is the pieces joined by `row`, and
 * `row` occurs nowhere else. A false answer may be wrong only for a formula holding U+0000
 * itself; then the template is built.
 */
export function hasTemplate(formula: string, pieces: TemplatePieces, row: string): boolean {
  const parts = pieces.parts;
  const pattern = pieces.pattern;
  if (pattern !== undefined) {
    // This runs for every computed cell of a sheet: no search, nothing allocated. The pattern
    // holds one run of digits at every marker; the length makes it as long as `row`, and the
    // first is `row`.
    return (
      formula.length === pieces.length + (parts.length - 1) * row.length &&
      (parts.length === 1 || formula.startsWith(row, parts[0].length)) &&
      pattern.test(formula)
    );
  }
  let pos = 0;
  // rowTemplate replaces each next occurrence of the row, left to right.
  let at = formula.indexOf(row);
  const last = parts.length - 1;
  for (let i = 0; i <= last; i++) {
    const part = parts[i];
    if (!formula.startsWith(part, pos)) return false;
    pos += part.length;
    if (i === last) break;
    if (at !== pos) return false;
    pos += row.length;
    at = formula.indexOf(row, pos);
  }
  return pos === formula.length && at < 0;
}

/** A plain `D2` / `$D$2` reference, scanned without a regex (the common case, row after row). */
function plainCell(arg: string): ArgTarget | undefined {
  let i = 0;
  const n = arg.length;
  if (arg.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const startLetters = i;
  while (i < n) {
    const ch = arg.charCodeAt(i) | 32; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
    i++;
  }
  const letters = i - startLetters;
  if (letters < 1 || letters > 3) return undefined;
  if (arg.charCodeAt(i) === 36) i++;
  if (i === n - 1 && arg.charCodeAt(i) === 0)
    return { kind: 'cell', row: THIS_ROW_MARK, col: col - 1 };
  let row = 0;
  const startDigits = i;
  while (i < n) {
    const ch = arg.charCodeAt(i);
    if (ch < 48 || ch > 57) return undefined;
    row = row * 10 + (ch - 48);
    i++;
  }
  if (i === startDigits || i - startDigits > 7) return undefined;
  return { kind: 'cell', row: row - 1, col: col - 1 };
}

export function argTarget(arg: string): ArgTarget {
  if (arg === '') return { kind: 'omitted' };
  const plain = plainCell(arg);
  if (plain !== undefined) return plain;
  const cell = CELL_REF.exec(arg);
  if (cell !== null) {
    const sheet = cell[1] !== undefined ? cell[1].replace(/''/g, "'") : cell[2];
    const col = columnIndex(cell[3]);
    const row = Number(cell[4]) - 1;
    return sheet !== undefined ? { kind: 'cell', sheet, row, col } : { kind: 'cell', row, col };
  }
  const tr = THIS_ROW.exec(arg);
  if (tr !== null) {
    // Excel escapes ' [ ] # in column names with a leading '.
    const key = matchHeader(tr[1].replace(/'(.)/g, '$1'))?.key;
    return key !== undefined ? { kind: 'this-row', key } : { kind: 'this-row' };
  }
  return { kind: 'other' };
}

/** A rectangle an argument names (`C2:C41`, `$C$2:$C$41`, `'表 1'!C2:C41`), 0-based. */
export interface RangeTarget {
  readonly sheet?: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const RANGE_REF =
  /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([a-z]{1,3})\$?(\d{1,7}):\$?([a-z]{1,3})\$?(\d{1,7})$/i;

/** The rectangle of a range argument, or undefined when the argument is not a plain range. */
export function rangeTarget(arg: string): RangeTarget | undefined {
  const m = RANGE_REF.exec(arg.trim());
  if (m === null) return undefined;
  const a = { row: Number(m[4]) - 1, col: columnIndex(m[3]) };
  const b = { row: Number(m[6]) - 1, col: columnIndex(m[5]) };
  const rect = {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return sheet !== undefined ? { sheet, ...rect } : rect;
}
