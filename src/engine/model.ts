/**
 * The plain in-memory model of a workbook the engine reads from .xlsx: no ExcelJS, no
 * HyperFormula, so it can be built, tested and sent anywhere.
 */

/** An Excel error value, with why where the engine knows it. */
export interface ErrorValue {
  /** Excel's error text: `#VALUE!`, `#NAME?`, `#N/A`, `#NUM!`, `#REF!`, `#DIV/0!`, `#SPILL!`, ... */
  readonly error: string;
  readonly message?: string;
}

/** One cell's value. Dates are serial numbers; rich text is plain text; empty is null. */
export type EngineValue = number | string | boolean | null | ErrorValue;

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && typeof (v as ErrorValue).error === 'string';
}

/** A formula saved as an array formula (a legacy CSE array or a dynamic-array spill). */
export interface ArrayFormulaModel {
  readonly row: number;
  readonly col: number;
  /** The range the file says it fills, e.g. `H2:H5001`. */
  readonly ref: string;
}

/**
 * One worksheet. Cells are held in two parallel row-major arrays from A1 (rather than an
 * object per cell) so a 100,000-row sheet costs two arrays per row, not millions of objects.
 * Rows may be shorter than `colCount`; missing entries are null.
 */
export interface SheetModel {
  readonly name: string;
  /** Rows and columns from A1 to the last non-empty cell. */
  readonly rowCount: number;
  readonly colCount: number;
  /**
   * Cached values as saved (for a formula cell: its cached result). As read, a row that holds
   * a cell is colCount wide (null where empty), so a grid can share it; an empty row is `[]`.
   */
  readonly values: EngineValue[][];
  /** Formulas as saved, without the leading `=`; null for a constant or empty cell. */
  readonly formulas: (string | null)[][];
  readonly arrayFormulas: readonly ArrayFormulaModel[];
  /**
   * Number formats as saved (`0.00%`, `#,##0`), for cells that hold a value or formula and a
   * format other than General; absent when no cell has one. Rows may be missing or short; the
   * same format text is shared by every cell that has it, so this costs a pointer per cell.
   */
  readonly formats?: (string | null)[][];
}

/**
 * A sheet model, its fields always set in one order (`formats` undefined when absent): every
 * sheet, read or made, then shares one hidden class in V8, and the code that walks sheets stays
 * optimized from one workbook to the next (with three shapes it was deoptimized again for each
 * of a batch's first workbooks).
 */
export function sheetModel(s: SheetModel): SheetModel {
  return {
    name: s.name,
    rowCount: s.rowCount,
    colCount: s.colCount,
    values: s.values,
    formulas: s.formulas,
    arrayFormulas: s.arrayFormulas,
    formats: s.formats,
  };
}

export interface TableModel {
  readonly name: string;
  readonly sheet: string;
  /** Whole table including header and totals rows, e.g. `A1:T41`. */
  readonly ref: string;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  readonly columns: readonly string[];
}

export interface DefinedName {
  readonly name: string;
  /** What it refers to, as saved (without `=`): `'参数'!$B$2`, `Sheet1!$A$1:$A$9`. */
  readonly refersTo: string;
}

export interface WorkbookModel {
  readonly sheets: SheetModel[];
  readonly tables: TableModel[];
  readonly names: DefinedName[];
  /** The workbook uses the 1904 date system. */
  readonly date1904: boolean;
}

/** One cell of a sheet model, for callers that want an object. */
export interface CellModel {
  readonly value: EngineValue;
  readonly formula?: string;
}

/** A cell's number format: `General` unless the file gives it another. */
export function formatAt(sheet: SheetModel, row: number, col: number): string {
  return sheet.formats?.[row]?.[col] ?? 'General';
}

/** Records a cell's number format in a sheet's formats under construction (General is left out). */
export function setFormat(
  formats: (string | null)[][],
  row: number,
  col: number,
  format: string | undefined,
): void {
  if (format === undefined || format === '' || format === 'General') return;
  const line = (formats[row] ??= []);
  while (line.length < col) line.push(null);
  line[col] = format;
}

export function cellAt(sheet: SheetModel, row: number, col: number): CellModel {
  const value = sheet.values[row]?.[col] ?? null;
  const formula = sheet.formulas[row]?.[col];
  return formula == null ? { value } : { value, formula };
}

/** A copy of a row at least `width` cells wide, null after its last cell. */
export function padded(row: readonly EngineValue[], width: number): EngineValue[] {
  const out = new Array<EngineValue>(Math.max(width, row.length));
  for (let c = 0; c < out.length; c++) out[c] = row[c] ?? null;
  return out;
}

/**
 * The end of reading a sheet, whichever reader read it: every row that holds a cell becomes
 * `colCount` wide (see SheetModel.values), a missing row `[]`, a missing formulas row `[]`;
 * `formats` is kept only when a cell has one.
 */
export function finishedSheet(
  s: SheetModel & { readonly formats: (string | null)[][] },
): SheetModel {
  const { values, formulas, rowCount, colCount } = s;
  for (let r = 0; r < rowCount; r++) {
    const row = values[r];
    if (row === undefined) values[r] = [];
    else if (row.length > 0 && row.length < colCount) values[r] = padded(row, colCount);
    formulas[r] ??= [];
  }
  return sheetModel({ ...s, formats: s.formats.length > 0 ? s.formats : undefined });
}
