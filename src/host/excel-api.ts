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
  /**
   * On an anchor cell, the range its dynamic-array result fills; a null object otherwise
   * (ExcelApi 1.12, learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays).
   */
  getSpillingToRangeOrNullObject(): XRange;
  /** On one cell filled by a spill, its anchor; a null object otherwise (ExcelApi 1.12). */
  getSpillParentOrNullObject(): XRange;
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
  /** The selection changed on any worksheet (ExcelApi 1.9). */
  readonly onSelectionChanged: XEventHandlers;
  /**
   * Data changed on any worksheet (ExcelApi 1.9, WorksheetCollection.onChanged; its
   * WorksheetChangedEventArgs carry `worksheetId`). Optional here: fakes may leave it out.
   */
  readonly onChanged?: XEventHandlers;
}

/** What an event's `add` returns; `remove()` is queued on the context the handler was added in. */
export interface XEventHandlerResult {
  remove(): void;
}

/** An event of a proxy (`worksheets.onSelectionChanged`); the handler's arguments are unused. */
export interface XEventHandlers {
  add(handler: (args: unknown) => Promise<unknown>): XEventHandlerResult;
}

/** A document setting (ExcelApi 1.4): one key and its value, saved with the workbook. */
export interface XSetting extends XLoadable {
  readonly isNullObject: boolean;
  readonly key: string;
  /** What was stored: the adapter only stores strings. */
  readonly value: unknown;
}

export interface XSettingCollection {
  getItemOrNullObject(key: string): XSetting;
  /** Adds the setting, or replaces the value of the one with this key. */
  add(key: string, value: string): XSetting;
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

export interface XApplication extends XLoadable {
  calculate(calculationType: 'Full'): void;
  /**
   * `Done`, `Calculating` or `Pending` (Excel.CalculationState, ExcelApi 1.9,
   * learn.microsoft.com/javascript/api/excel/excel.calculationstate); undefined before 1.9.
   */
  readonly calculationState?: string;
}

export interface XWorkbook extends XLoadable {
  readonly name: string;
  readonly worksheets: XWorksheetCollection;
  readonly tables: XTableCollection;
  readonly application: XApplication;
  /** Document settings of this add-in (ExcelApi 1.4). */
  readonly settings: XSettingCollection;
  getActiveCell(): XRange;
}

export interface XContext {
  readonly workbook: XWorkbook;
  sync(): Promise<unknown>;
}

/**
 * The shape of `Excel.run`: one batch against a new request context or, given the context of an
 * earlier batch, another batch against that one (removing an event handler requires the context
 * it was added in).
 */
export interface ExcelRun {
  <T>(batch: (context: XContext) => Promise<T>): Promise<T>;
  <T>(context: XContext, batch: (context: XContext) => Promise<T>): Promise<T>;
}
