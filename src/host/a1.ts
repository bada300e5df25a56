/**
 * A1 addresses as Office.js gives and takes them. Pure helpers, shared by the Office adapter and
 * its test fake.
 */

import { cellAddress } from '../sheets/a1';

export { cellAddress, columnLetters } from '../sheets/a1';

export interface CellRef {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
}

export interface RectRef extends CellRef {
  readonly rows: number;
  readonly cols: number;
}

export function rectAddress(rect: RectRef): string {
  const first = cellAddress(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(address: string): CellRef {
  const m = CELL.exec(address.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** `D7`, `$D$7` or `A1:T41` (no sheet prefix) to a rectangle. */
export function parseRect(address: string): RectRef {
  const [a, b = a] = address.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  const row = Math.min(p.row, q.row);
  const col = Math.min(p.col, q.col);
  return { row, col, rows: Math.abs(p.row - q.row) + 1, cols: Math.abs(p.col - q.col) + 1 };
}

/** Office.js addresses carry the sheet (`'My sheet'!D7`); the port speaks without it. */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/** One spelling per cell, so `d7`, `$D$7` and `D7` are the same mark. */
export function normalizeCell(address: string): string {
  const { row, col } = parseCell(stripSheet(address));
  return cellAddress(row, col);
}

/** Sheet names with spaces or punctuation are quoted in addresses, with `'` doubled. */
export function qualify(sheet: string, address: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}
