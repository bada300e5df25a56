/**
 * A rectangle of a worksheet as both Office.js and ExcelJS can give it: shown values and
 * formulas, row-major, with where it sits. Validation and audit read only this.
 */

/** A cell's shown value. Excel errors arrive as their text (`#VALUE!`); empty cells as null. */
export type CellValue = string | number | boolean | null;

export interface Grid {
  /** Worksheet name. */
  readonly sheet: string;
  /** 0-based row and column of values[0][0] on the sheet (A1 is 0,0). */
  readonly top: number;
  readonly left: number;
  /** Shown (cached) values. */
  readonly values: readonly (readonly CellValue[])[];
  /** Formulas as typed, with the leading `=`, or null for a constant / empty cell. Same shape. */
  readonly formulas: readonly (readonly (string | null)[])[];
  /** Set when the grid is an Excel Table's range (header row included). */
  readonly table?: string;
  /**
   * Spills that fill cells of this grid (set only when there are any). A spilled cell holds a
   * value and no formula of its own: Excel's `range.formulas` gives its value, and an .xlsx
   * keeps the formula on the anchor only. Validation and audit read its formula from here.
   */
  readonly spills?: readonly SpillArea[];
}

/**
 * A dynamic-array result: the anchor cell (top, left) holds the formula, and the result fills
 * top..bottom × left..right (0-based sheet rows and columns, anchor included). Excel spills
 * only down and to the right of the anchor.
 */
export interface SpillArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** The anchor's formula as typed, with `=`. */
  readonly formula: string;
}
