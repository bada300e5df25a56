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
}
