/** Converting cells between Office.js's arrays and the port's CellValue. */
import type { CellValue } from '../sheets/grid';

/** Office.js gives `''` for an empty cell; errors arrive as their text (`#N/A`). */
export function toCellValue(raw: unknown): CellValue {
  if (raw === '' || raw === undefined || raw === null) return null;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw;
  return String(raw);
}

/** `range.formulas` holds the constant itself for a non-formula cell; only `=…` is a formula. */
export function toFormula(raw: unknown): string | null {
  return typeof raw === 'string' && raw.startsWith('=') ? raw : null;
}

/**
 * A value to put into a report or log cell. Text gets Excel's `'` text prefix: without it Excel
 * parses what is written as if typed, so `=CM.SCORE(…)` would become a live formula, an id
 * `00123` a number and a hash `12e45…` a float, and the log's hash chain would break. The prefix
 * is not part of the stored value.
 */
export function toExcelInput(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return `'${String(value)}`;
  return value;
}

/** Rows of any lengths as a rectangle `width` wide, ready for `range.values`. */
export function toExcelRows(
  rows: readonly (readonly CellValue[])[],
  width: number,
): (string | number | boolean)[][] {
  return rows.map((row) => {
    const out: (string | number | boolean)[] = new Array<string | number | boolean>(width);
    for (let c = 0; c < width; c++) out[c] = toExcelInput(c < row.length ? row[c] : null);
    return out;
  });
}

export function widthOf(rows: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  return width;
}
