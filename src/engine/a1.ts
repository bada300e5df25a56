/** A1 addresses: column letters, cells and ranges, 0-based internally. */
import { columnLetters } from '../sheets/a1';

/** 0 → A, 25 → Z, 26 → AA (one definition, shared with the sheets and the hosts). */
export { columnLetters };

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface CellPos {
  readonly row: number;
  readonly col: number;
}

export interface RangePos {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A → 0; -1 when not letters or beyond XFD. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return -1;
    n = n * 26 + (c - 96);
  }
  return n >= 1 && n <= MAX_COLUMNS ? n - 1 : -1;
}

export function formatCell(row: number, col: number): string {
  return columnLetters(col) + (row + 1);
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** `B7` or `$B$7` → {row: 6, col: 1}; undefined when not a cell address. */
export function parseCell(text: string): CellPos | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0 || row >= MAX_ROWS) return undefined;
  return { row, col };
}

/** `A1:C3` or a single cell `A1`. */
export function parseRange(text: string): RangePos | undefined {
  const [a, b] = text.split(':');
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function formatRange(r: RangePos, absolute = false): string {
  const d = absolute ? '$' : '';
  const a = `${d}${columnLetters(r.left)}${d}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${d}${columnLetters(r.right)}${d}${r.bottom + 1}`;
}

/** A sheet name as a formula writes it: always quoted, `'` doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
