/**
 * The WorkbookHost port over the Excel JavaScript API. Everything runs through an injected
 * `Excel.run`-shaped function, so tests drive it with a fake object model. Sync budget: a
 * constant number of `context.sync()` per call plus one per chunk (marks: two per chunk).
 */
import type { CellValue, Grid, SpillArea } from '../sheets/grid';
import { spillParentIn, type SpillParent } from '../sheets/spills';
import { normalizeCell, stripSheet } from './a1';
import { toCellValue, toExcelRows, toFormula, widthOf } from './cells';
import { readRows, writeRows } from './chunked';
import type {
  ExcelRun,
  XContext,
  XEventHandlerResult,
  XProtectionOptions,
  XRange,
} from './excel-api';
import { MARKS_SHEET } from './marks-store';
import { MarkBook } from './office-marks';
import type { Mark, ReadOptions, Selection, SheetInfo, TableInfo, WorkbookHost } from './port';
import { officeSupports, SPILL_SET, type ApiSupport } from './requirements';

export interface OfficeHostOptions {
  /** Defaults to the global `Excel.run`. */
  readonly run?: ExcelRun;
  /**
   * Excel's API does not expose the signed-in user (Outlook's userProfile has no Excel
   * counterpart); a caller with SSO set up can supply the name from the ID token.
   */
  readonly userName?: () => Promise<string | null>;
  /** How to wait between polls of the calculation state (tests pass a fake clock). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Defaults to Office.context.requirements.isSetSupported. */
  readonly supports?: ApiSupport;
}

/**
 * Polls of `application.calculationState` after a full recalculation, and the pause before
 * each: about 30 s in all before the audit goes on (cells still computing then read #BUSY! and
 * are reported as such, never compared).
 */
export const CALCULATION_POLLS = 60;
export const CALCULATION_POLL_MS = 500;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Anchors asked for their spill per sync; a larger batch is split. */
const SPILL_BATCH = 2000;

/**
 * Used when the workbook has no file name yet (a new, unsaved workbook reports an empty name).
 * workbook.name is ExcelApi 1.7, below the ExcelApi 1.9 the manifest requires.
 */
export const UNNAMED_WORKBOOK = 'Workbook';

/**
 * The log is protected without a password: a password shipped in add-in code is no secret, and
 * the aim is only to stop casual edits. The hash chain is what makes tampering detectable.
 */
const LOG_PROTECTION: XProtectionOptions = { allowFormatColumns: true };

type Batch<T> = (context: XContext) => Promise<T>;

const defaultRun: ExcelRun = <T>(first: XContext | Batch<T>, batch?: Batch<T>): Promise<T> =>
  typeof first === 'function'
    ? Excel.run((context) => first(context))
    : // A context an earlier batch was given, i.e. an Excel.RequestContext.
      Excel.run(first as Excel.RequestContext, (context) => (batch as Batch<T>)(context));

function emptyGrid(sheet: string, table?: string): Grid {
  return { sheet, top: 0, left: 0, values: [], formulas: [], ...(table ? { table } : {}) };
}

export class OfficeHost implements WorkbookHost {
  readonly kind = 'office' as const;
  private readonly run: ExcelRun;
  private readonly user: () => Promise<string | null>;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly supports: ApiSupport;
  private readonly marks = new MarkBook();
  /** Marks are read-modify-write on the store sheet; two at once would lose originals. */
  private marksQueue: Promise<unknown> = Promise.resolve();

  constructor(options: OfficeHostOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.user = options.userName ?? (async () => null);
    this.sleep = options.sleep ?? realSleep;
    this.supports = options.supports ?? officeSupports;
  }

  /** Whether this Excel reports spills (ExcelApi 1.12); without it there are no dynamic arrays to report. */
  private get spillsKnown(): boolean {
    return this.supports(SPILL_SET.name, SPILL_SET.version);
  }

  workbookName(): Promise<string> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      workbook.load('name');
      try {
        await context.sync();
        return workbook.name || UNNAMED_WORKBOOK;
      } catch {
        return UNNAMED_WORKBOOK;
      }
    });
  }

  userName(): Promise<string | null> {
    return this.user();
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const tables = context.workbook.tables;
      sheets.load('items/name');
      tables.load('items/name');
      await context.sync();
      const ranges = tables.items.map((table) => {
        const range = table.getRange();
        range.load('address');
        table.worksheet.load('name');
        return range;
      });
      if (ranges.length > 0) await context.sync();
      const bySheet = new Map<string, TableInfo[]>();
      tables.items.forEach((table, i) => {
        const sheet = table.worksheet.name;
        const info = { name: table.name, sheet, address: stripSheet(ranges[i].address) };
        bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), info]);
      });
      return sheets.items
        .filter((sheet) => sheet.name !== MARKS_SHEET)
        .map((sheet) => ({ name: sheet.name, tables: bySheet.get(sheet.name) ?? [] }));
    });
  }

  activeSheet(): Promise<string> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
  }

  readSheet(sheet: string, options: ReadOptions = {}): Promise<Grid> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.load('name');
      // valuesOnly: cells that only carry formatting (a styled template, our own marks) must not
      // stretch the range; a formula cell has a value, so every formula is still inside it.
      const used = worksheet.getUsedRangeOrNullObject(true);
      used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return emptyGrid(worksheet.name);
      return this.readArea(context, used, worksheet.name, `sheet ${worksheet.name}`, options);
    });
  }

  /**
   * `worksheets.onSelectionChanged` (ExcelApi 1.9). The handler is removed on the request
   * context it was added in, as Office requires; stopping twice is harmless.
   */
  async onSelectionChanged(handler: () => void): Promise<() => Promise<void>> {
    const added = await this.run(async (context) => {
      const result = context.workbook.worksheets.onSelectionChanged.add(async () => handler());
      await context.sync();
      return { context, result };
    });
    let stopped = false;
    return async () => {
      if (stopped) return;
      stopped = true;
      await this.removeHandler(added.context, added.result);
    };
  }

  /**
   * `worksheets.onChanged` (ExcelApi 1.9): the handler hears the changed sheet's name, looked
   * up from the event's `worksheetId`. Hosts whose API lacks the event reject, and the pane
   * simply does not hear about edits.
   */
  async onCellsChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    const added = await this.run(async (context) => {
      const event = context.workbook.worksheets.onChanged;
      if (!event) throw new Error('worksheets.onChanged is not available in this Excel.');
      const result = event.add(async (args) => {
        const id = (args as { worksheetId?: string } | null)?.worksheetId;
        if (!id) return;
        const name = await this.run(async (ctx) => {
          const sheet = ctx.workbook.worksheets.getItem(id);
          sheet.load('name');
          await ctx.sync();
          return sheet.name;
        }).catch(() => null);
        if (name !== null) handler(name);
      });
      await context.sync();
      return { context, result };
    });
    let stopped = false;
    return async () => {
      if (stopped) return;
      stopped = true;
      await this.removeHandler(added.context, added.result);
    };
  }

  private removeHandler(context: XContext, result: XEventHandlerResult): Promise<void> {
    return this.run(context, async (same) => {
      result.remove();
      await same.sync();
    });
  }

  /** A document setting of this add-in (ExcelApi 1.4); one sync. */
  readSetting(key: string): Promise<string | null> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load('isNullObject,value');
      await context.sync();
      if (setting.isNullObject) return null;
      const value = setting.value;
      if (value === null || value === undefined) return null;
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  }

  /** `settings.add` replaces the value of an existing key; one sync. */
  writeSetting(key: string, value: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.settings.add(key, value);
      await context.sync();
    });
  }

  readTable(table: string, options: ReadOptions = {}): Promise<Grid> {
    return this.run(async (context) => {
      const found = context.workbook.tables.getItem(table);
      found.load('name');
      found.worksheet.load('name');
      const range = found.getRange();
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      const grid = await this.readArea(
        context,
        range,
        found.worksheet.name,
        `table ${found.name}`,
        options,
      );
      return { ...grid, table: found.name };
    });
  }

  /** A range the user's formula refers to (the Explain view), read like any other area. */
  readRange(sheet: string, address: string): Promise<Grid> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.load('name');
      const range = worksheet.getRange(stripSheet(address));
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      return this.readArea(context, range, worksheet.name, `${sheet}!${address}`, {});
    });
  }

  private async readArea(
    context: XContext,
    range: XRange,
    sheet: string,
    what: string,
    options: ReadOptions,
  ): Promise<Grid> {
    const { values, formulas } = await readRows(context, range, range.rowCount, range.columnCount, {
      what,
      withFormulas: true,
      onProgress: options.onProgress,
      signal: options.signal,
    });
    const grid = { sheet, top: range.rowIndex, left: range.columnIndex, values, formulas };
    const spills = this.spillsKnown ? await this.spillsOf(context, grid) : [];
    return spills.length > 0 ? { ...grid, spills } : grid;
  }

  /**
   * The spills of an area read: a spilled cell reads as a value without a formula (Excel's
   * range.formulas gives its value), so every formula cell next to such a cell is asked for the
   * range it spills to (Range.getSpillingToRangeOrNullObject, ExcelApi 1.12). One sync per
   * SPILL_BATCH candidates; a per-row formula with blank or formula neighbours costs nothing.
   */
  private async spillsOf(context: XContext, grid: Grid): Promise<SpillArea[]> {
    const { values, formulas } = grid;
    const filled = (r: number, c: number) =>
      formulas[r]?.[c] === null && values[r]?.[c] !== null && values[r]?.[c] !== undefined;
    const anchors: { r: number; c: number; formula: string }[] = [];
    for (let r = 0; r < formulas.length; r++) {
      const row = formulas[r];
      for (let c = 0; c < row.length; c++) {
        const f = row[c];
        if (f !== null && (filled(r, c + 1) || filled(r + 1, c)))
          anchors.push({ r, c, formula: f });
      }
    }
    const sheet = context.workbook.worksheets.getItem(grid.sheet);
    const out: SpillArea[] = [];
    for (let from = 0; from < anchors.length; from += SPILL_BATCH) {
      const batch = anchors.slice(from, from + SPILL_BATCH).map((a) => {
        const spill = sheet
          .getRange('A1')
          .getOffsetRange(grid.top + a.r, grid.left + a.c)
          .getSpillingToRangeOrNullObject();
        spill.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
        return { a, spill };
      });
      await context.sync();
      for (const { a, spill } of batch) {
        if (spill.isNullObject || spill.rowCount * spill.columnCount <= 1) continue;
        out.push({
          top: spill.rowIndex,
          left: spill.columnIndex,
          bottom: spill.rowIndex + spill.rowCount - 1,
          right: spill.columnIndex + spill.columnCount - 1,
          formula: a.formula,
        });
      }
    }
    return out;
  }

  /** Range.getSpillParentOrNullObject on one cell (ExcelApi 1.12); null on older hosts. */
  async spillParent(sheet: string, address: string): Promise<SpillParent | null> {
    if (!this.spillsKnown) return null;
    const cell = normalizeCell(address);
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.load('name');
      const target = worksheet.getRange(cell);
      target.load('rowIndex,columnIndex');
      const parent = target.getSpillParentOrNullObject();
      parent.load('isNullObject,rowIndex,columnIndex,formulas');
      await context.sync();
      if (parent.isNullObject) return null;
      const spill = parent.getSpillingToRangeOrNullObject();
      spill.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      const formula = toFormula(parent.formulas[0]?.[0]);
      if (spill.isNullObject || formula === null) return null;
      const area: SpillArea = {
        top: spill.rowIndex,
        left: spill.columnIndex,
        bottom: spill.rowIndex + spill.rowCount - 1,
        right: spill.columnIndex + spill.columnCount - 1,
        formula,
      };
      return spillParentIn(worksheet.name, area, target.rowIndex, target.columnIndex);
    });
  }

  /**
   * `application.calculate('Full')`, then waits until `application.calculationState` is `Done`
   * (Excel.CalculationState, ExcelApi 1.9): custom functions recompute asynchronously, so values
   * read right after calculate() can still be the old ones or #BUSY!. Bounded; on a host before
   * ExcelApi 1.9 the state loads as undefined and is not waited for.
   */
  async recalculate(): Promise<void> {
    await this.run(async (context) => {
      context.workbook.application.calculate('Full');
      await context.sync();
    });
    for (let poll = 0; poll < CALCULATION_POLLS; poll++) {
      const state = await this.run(async (context) => {
        const app = context.workbook.application;
        app.load('calculationState');
        try {
          await context.sync();
        } catch {
          return undefined;
        }
        return app.calculationState;
      });
      if (state === undefined || state === 'Done') return;
      await this.sleep(CALCULATION_POLL_MS);
    }
  }

  writeMarks(marks: readonly Mark[]): Promise<void> {
    if (marks.length === 0) return Promise.resolve();
    return this.exclusive(() => this.run((context) => this.marks.write(context, marks)));
  }

  clearMarks(): Promise<void> {
    return this.exclusive(() => this.run((context) => this.marks.clear(context)));
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.marksQueue.then(task, task);
    this.marksQueue = next.catch(() => undefined);
    return next;
  }

  replaceReportSheet(sheet: string, rows: readonly (readonly CellValue[])[]): Promise<void> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(sheet);
      existing.load('isNullObject');
      await context.sync();
      // Not activated: the user stays where they were unless they go to the report.
      const target = existing.isNullObject ? sheets.add(sheet) : existing;
      if (!existing.isNullObject) target.getRange().clear();
      await context.sync();
      const width = widthOf(rows);
      await writeRows(context, target, 0, toExcelRows(rows, width), width);
      if (rows.length > 0 && width > 0) {
        target
          .getRange('A1')
          .getResizedRange(rows.length - 1, width - 1)
          .format.autofitColumns();
        await context.sync();
      }
    });
  }

  readLog(sheet: string): Promise<CellValue[][]> {
    return this.run(async (context) => {
      const log = context.workbook.worksheets.getItemOrNullObject(sheet);
      log.load('isNullObject');
      await context.sync();
      if (log.isNullObject) return [];
      const used = log.getUsedRangeOrNullObject(true);
      used.load('isNullObject,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return [];
      const read = await readRows(context, used, used.rowCount, used.columnCount, {
        what: `sheet ${sheet}`,
        withFormulas: false,
      });
      return read.values;
    });
  }

  appendLog(
    sheet: string,
    header: readonly string[],
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(sheet);
      existing.load('isNullObject');
      await context.sync();
      const width = Math.max(header.length, widthOf(rows));
      let next = 0;
      const log = existing.isNullObject ? sheets.add(sheet) : existing;
      if (existing.isNullObject && width > 0) {
        log.getRange('A1').getResizedRange(0, width - 1).values = toExcelRows([header], width);
        next = 1;
      } else if (!existing.isNullObject) {
        const used = log.getUsedRangeOrNullObject(true);
        used.load('isNullObject,rowIndex,rowCount');
        log.protection.load('protected');
        await context.sync();
        if (log.protection.protected) log.protection.unprotect();
        next = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      }
      await context.sync();
      try {
        await writeRows(context, log, next, toExcelRows(rows, width), width);
      } finally {
        // Re-protected even when a chunk failed, so the log is never left open.
        log.protection.protect(LOG_PROTECTION);
        await context.sync();
      }
    });
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(stripSheet(address)).select();
      await context.sync();
    });
  }

  getSelection(): Promise<Selection> {
    return this.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load('address,values,formulas');
      cell.worksheet.load('name');
      await context.sync();
      return {
        sheet: cell.worksheet.name,
        address: stripSheet(cell.address),
        value: toCellValue(cell.values[0][0]),
        formula: toFormula(cell.formulas[0][0]),
      };
    });
  }

  async setFormula(sheet: string, address: string, formula: string): Promise<void> {
    // One cell only: normalizeCell rejects a range address.
    const cell = normalizeCell(address);
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(cell).formulas = [[formula]];
      await context.sync();
    });
  }
}
