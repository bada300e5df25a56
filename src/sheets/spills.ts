/**
 * Cells filled by a spill: which spill covers a cell, and that cell's parent (the anchor whose
 * formula produced it). Excel's counterpart is Range.getSpillParent (ExcelApi 1.12, see
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays).
 */
import { cellAddress, rangeAddress } from './a1';
import type { Grid, SpillArea } from './grid';

/** The parent of a cell filled by a spill, and where the cell sits in the spilled result. */
export interface SpillParent {
  readonly sheet: string;
  /** The anchor cell that holds the formula, e.g. `H2`. */
  readonly address: string;
  /** The anchor's formula as typed, with `=`: `=CM.APPRAISAL_SCORE(C2:C41,D2:D41,…)`. */
  readonly formula: string;
  /** The whole spilled result, anchor included, e.g. `H2:H41`. */
  readonly range: string;
  /** The cell's place in the result: row 0, column 0 is the anchor. */
  readonly row: number;
  readonly col: number;
}

/** The spill covering the cell at 0-based sheet (row, col), anchor included, if any. */
export function spillAt(grid: Grid, row: number, col: number): SpillArea | undefined {
  const spills = grid.spills;
  if (spills === undefined) return undefined;
  for (const s of spills) {
    if (row >= s.top && row <= s.bottom && col >= s.left && col <= s.right) return s;
  }
  return undefined;
}

/** The spill parent of a cell other than an anchor, from a spill area (null for an anchor). */
export function spillParentIn(
  sheet: string,
  area: SpillArea,
  row: number,
  col: number,
): SpillParent | null {
  if (row === area.top && col === area.left) return null;
  return {
    sheet,
    address: cellAddress(area.top, area.left),
    formula: area.formula,
    range: rangeAddress(area.top, area.left, area.bottom, area.right),
    row: row - area.top,
    col: col - area.left,
  };
}

/** The spill parent of the cell at 0-based sheet (row, col) of `grid`, or null. */
export function spillParentOf(grid: Grid, row: number, col: number): SpillParent | null {
  const area = spillAt(grid, row, col);
  return area === undefined ? null : spillParentIn(grid.sheet, area, row, col);
}
