/**
 * What a mark replaced, and where that is kept. The originals live in a very hidden worksheet
 * `_cm_marks` rather than in workbook settings: the sheet travels with the file like settings
 * do, but it grows row by row in chunks under the payload limit, whereas a settings value is
 * one JSON string that a few thousand marks would push towards Office's settings size limit,
 * and it is written in the same batch as the highlights themselves.
 */
import type { CellValue } from '../sheets/grid';
import { normalizeCell } from './a1';
import type { MarkSeverity } from './port';
import type { XRangeFill } from './excel-api';

export const MARKS_SHEET = '_cm_marks';

export const MARKS_HEADER = ['sheet', 'address', 'pattern', 'color', 'patternColor'] as const;

/** Excel's own "Bad" and "Neutral" cell-style fills, so marks read like Excel's styles. */
export const MARK_FILL: Readonly<Record<MarkSeverity, string>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
};

/** A cell's fill before it was marked. */
export interface SavedFill {
  readonly sheet: string;
  readonly address: string;
  /** `None` when the cell had no fill; null when Excel could not say (a gradient). */
  readonly pattern: string | null;
  readonly color: string | null;
  readonly patternColor: string | null;
}

export function markKey(sheet: string, address: string): string {
  return `${sheet}\u0000${normalizeCell(address)}`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function savedFromFill(sheet: string, address: string, fill: XRangeFill): SavedFill {
  return {
    sheet,
    address: normalizeCell(address),
    pattern: text(fill.pattern),
    color: text(fill.color),
    patternColor: text(fill.patternColor),
  };
}

export function toStoreRow(saved: SavedFill): CellValue[] {
  return [saved.sheet, saved.address, saved.pattern, saved.color, saved.patternColor];
}

/** The store's rows, header first, back into saved fills (later rows never override earlier). */
export function fromStoreRows(rows: readonly (readonly CellValue[])[]): Map<string, SavedFill> {
  const saved = new Map<string, SavedFill>();
  for (const row of rows.slice(1)) {
    const [sheet, address, pattern, color, patternColor] = row.map(text);
    if (!sheet || !address) continue;
    const key = markKey(sheet, address);
    if (!saved.has(key)) saved.set(key, { sheet, address, pattern, color, patternColor });
  }
  return saved;
}

/** Put a fill back as it was. Setting `color` alone would turn "no fill" into solid white. */
export function restoreFill(fill: XRangeFill, saved: SavedFill): void {
  if (saved.pattern === 'None') {
    fill.clear();
    return;
  }
  if (saved.color) fill.color = saved.color;
  if (saved.pattern && saved.pattern !== 'Solid') {
    fill.pattern = saved.pattern;
    if (saved.patternColor) fill.patternColor = saved.patternColor;
  }
}
