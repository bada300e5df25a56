/**
 * The part of the Excel JavaScript API the Office adapter uses, as structural types. Excel's own
 * `Excel.RequestContext` satisfies them (office-host.ts passes it through unchanged, so the
 * compiler checks that), and the test fake implements exactly this much. Keeping the surface
 * this small is what makes the adapter testable without Office.
 */

/** Every proxy: queue a load, read the property after `context.sync()`. */
export interface XLoadable {
  load(propertyNames: string): unknown;
}

export interface XRangeFill extends XLoadable {
  /** `#RRGGBB`; Excel reports `#FFFFFF` for a cell with no fill, hence `pattern`. */
  color: string;
  /** `None` for no fill (ExcelApi 1.9). */
  pattern: string;
  patternColor: string;
  clear(): void;
}

export interface XRangeFormat {
  readonly fill: XRangeFill;
  autofitColumns(): void;
}

export interface XRange extends XLoadable {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  values: unknown[][];
  formulas: unknown[][];
  readonly format: XRangeFormat;
  readonly worksheet: XWorksheet;
  getCell(row: number, column: number): XRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XRange;
  getOffsetRange(rowOffset: number, columnOffset: number): XRange;
  clear(): void;
  select(): void;
}

export interface XProtectionOptions {
  allowFormatColumns?: boolean;
  allowAutoFilter?: boolean;
  allowSort?: boolean;
}

export interface XProtection extends XLoadable {
  readonly protected: boolean;
  protect(options?: XProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

export interface XWorksheet extends XLoadable {
  readonly name: string;
  readonly isNullObject: boolean;
  visibility: string;
  readonly protection: XProtection;
  getRange(address?: string): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  activate(): void;
  delete(): void;
}

export interface XWorksheetCollection extends XLoadable {
  readonly items: XWorksheet[];
  getItem(name: string): XWorksheet;
  getItemOrNullObject(name: string): XWorksheet;
  add(name?: string): XWorksheet;
  getActiveWorksheet(): XWorksheet;
}

export interface XTable extends XLoadable {
  readonly name: string;
  readonly worksheet: XWorksheet;
  getRange(): XRange;
}

export interface XTableCollection extends XLoadable {
  readonly items: XTable[];
  getItem(name: string): XTable;
}

export interface XApplication {
  calculate(calculationType: 'Full'): void;
}

export interface XWorkbook extends XLoadable {
  readonly name: string;
  readonly worksheets: XWorksheetCollection;
  readonly tables: XTableCollection;
  readonly application: XApplication;
  getActiveCell(): XRange;
}

export interface XContext {
  readonly workbook: XWorkbook;
  sync(): Promise<unknown>;
}

/** The shape of `Excel.run`: one batch against one request context. */
export type ExcelRun = <T>(batch: (context: XContext) => Promise<T>) => Promise<T>;
