/**
 * The WorkbookHost port: everything the task pane and the ribbon commands may ask of a workbook.
 * Adapters: OfficeHost (Office.js, inside Excel) and LocalHost (the headless engine, in a
 * browser). Nothing outside src/host calls Office.js.
 */
import type { CellValue, Grid } from '../sheets/grid';
import type { SpillParent } from '../sheets/spills';

export type { SpillParent } from '../sheets/spills';
export type { SpillArea } from '../sheets/grid';

export interface TableInfo {
  readonly name: string;
  readonly sheet: string;
  /** A1 range of the whole table including its header row, e.g. `A1:T41`. */
  readonly address: string;
}

export interface SheetInfo {
  readonly name: string;
  readonly tables: readonly TableInfo[];
}

export type MarkSeverity = 'error' | 'warning';

/** A highlight on one cell. Marks never change a value or a formula, only formats. */
export interface Mark {
  readonly sheet: string;
  /** A1 address of one cell, e.g. `D7`. */
  readonly address: string;
  readonly severity: MarkSeverity;
}

export interface Selection {
  readonly sheet: string;
  /** A1 address of the active cell. */
  readonly address: string;
  readonly value: CellValue;
  readonly formula: string | null;
}

export interface ReadOptions {
  /** Called after each chunk with rows done and rows in all. */
  readonly onProgress?: (done: number, total: number) => void;
  /** When aborted, the read stops at the next chunk and rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

export interface WorkbookHost {
  readonly kind: 'office' | 'local';
  workbookName(): Promise<string>;
  /** The signed-in user's name where the host knows it, else null. */
  userName(): Promise<string | null>;
  listSheets(): Promise<SheetInfo[]>;
  activeSheet(): Promise<string>;
  /** The used range of a sheet (values and formulas). */
  readSheet(sheet: string, options?: ReadOptions): Promise<Grid>;
  /**
   * The used range of a sheet with the values the FILE reported (its saved results), for a host
   * that recalculates on opening (LocalHost). Optional: in Excel, readSheet before recalculate()
   * already gives what the user sees.
   */
  readSavedSheet?(sheet: string, options?: ReadOptions): Promise<Grid>;
  /**
   * One rectangle of a sheet (`D7`, `C2:G2`), values and formulas; cells outside the used range
   * read as blank. Optional: without it, callers read the whole sheet and cut the rectangle out.
   */
  readRange?(sheet: string, address: string): Promise<Grid>;
  /**
   * Calls `handler` whenever the user selects another cell; resolves to a function that stops
   * listening. Optional: hosts without selection events leave it out.
   */
  onSelectionChanged?(handler: () => void): Promise<() => Promise<void>>;
  /**
   * Calls `handler` with the sheet's name whenever the user changes a cell's value or formula;
   * resolves to a function that stops listening. Optional, like onSelectionChanged. The task
   * pane uses it to say that findings are out of date.
   */
  onCellsChanged?(handler: (sheet: string) => void): Promise<() => Promise<void>>;
  /**
   * A document-level setting saved with the workbook but not in any cell (the audit log's head
   * anchor), or null when it is not set. Optional, with writeSetting: hosts without document
   * settings leave both out.
   */
  readSetting?(key: string): Promise<string | null>;
  /** Set (or replace) a document-level setting; it is saved when the workbook is saved. */
  writeSetting?(key: string, value: string): Promise<void>;
  /**
   * The spill map, one cell at a time: for a cell filled by a dynamic-array result (not its
   * anchor), the anchor holding the formula and the cell's place in the result; null for any
   * other cell. Grids read by readSheet/readTable/readRange carry the same map as `spills`.
   * Excel: Range.getSpillParentOrNullObject (ExcelApi 1.12; an older Excel has no dynamic
   * arrays, so null). Optional: hosts that cannot tell leave it out.
   */
  spillParent?(sheet: string, address: string): Promise<SpillParent | null>;
  /** An Excel Table's range, header row included. */
  readTable(table: string, options?: ReadOptions): Promise<Grid>;
  /**
   * Full recalculation of every formula in the workbook; resolves when the host reports the
   * calculation done (Excel: `application.calculationState`, bounded wait). Cells of
   * asynchronous functions may still read `#BUSY!` afterwards: the audit re-reads them.
   */
  recalculate(): Promise<void>;
  /** Highlight cells; remembers each cell's original format so clearMarks restores it exactly. */
  writeMarks(marks: readonly Mark[]): Promise<void>;
  /** Restore every marked cell's format to what it was before writeMarks. */
  clearMarks(): Promise<void>;
  /** Add the sheet, or replace its whole content, with these rows starting at A1. */
  replaceReportSheet(sheet: string, rows: readonly (readonly CellValue[])[]): Promise<void>;
  /** The audit log sheet's rows (header included), or [] when it does not exist yet. */
  readLog(sheet: string): Promise<CellValue[][]>;
  /** Append rows to the audit log sheet, creating it (with `header`) and protecting it against casual edits. */
  appendLog(
    sheet: string,
    header: readonly string[],
    rows: readonly (readonly CellValue[])[],
  ): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  getSelection(): Promise<Selection>;
  /** Put a formula into a cell the user chose (the Functions view's insert). */
  setFormula(sheet: string, address: string, formula: string): Promise<void>;
}
