/** A loaded workbook: its model, its evaluation, and the ExcelJS workbook it is saved through. */
import type ExcelJS from 'exceljs';
import type { CellValue, Grid, SpillArea } from '../sheets/grid';
import { formatCell, parseCell, parseRange, type RangePos } from './a1';
import { compactDataValidations } from './data-validations';
import { toSavedFormula, toTypedFormula } from './dialect';
import { fileError } from './errors';
import type { Evaluation } from './evaluate';
import type { FunctionSet } from './function-table';
import { evaluateLight } from './light';
import {
  formatAt,
  isErrorValue,
  sheetModel,
  type EngineValue,
  type SheetModel,
  type WorkbookModel,
} from './model';
import { readWorkbookModel } from './read';
import { writeSheetResults } from './write';
import type { OwnSheet, PackageEditor } from './xlsx-patch';
import type { XlsxLayout } from './xlsx-read';
import type { ZipArchive } from './zip';

/** The file a workbook was read from, for writing it back by patching it (Node only). */
export interface XlsxPackage {
  readonly zip: ZipArchive;
  readonly layout: XlsxLayout;
}

/** How a sheet the product writes looks: bold rows (1-based → font size) and column widths. */
export interface SheetLook {
  readonly bold?: ReadonlyMap<number, number>;
  readonly widths?: readonly number[];
}

type ExcelOp = (excel: ExcelJS.Workbook) => void | Promise<void>;

/**
 * ExcelJS, loaded when a workbook first needs it (styles, cell edits, a file the direct reader
 * leaves to it): an audit read and written by the direct reader and the patch writer never
 * loads it, and the command and each batch worker start a quarter of a second sooner.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excelJs = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;

interface OwnState {
  rows: (string | number | boolean | null)[][];
  protect: boolean;
  bold: Map<number, number>;
  widths: number[];
}

/**
 * The HyperFormula route (./evaluate), loaded when a workbook first needs it: the light route
 * evaluates most appraisal workbooks without HyperFormula, and the command starts faster.
 */
type HyperFormulaRoute = typeof import('./evaluate');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hfRoute = (): HyperFormulaRoute => require('./evaluate') as HyperFormulaRoute;

export interface FormulaCell {
  readonly sheet: string;
  /** A1 address, e.g. `H7`. */
  readonly address: string;
  /** As typed, with `=`: `=CM.APPRAISAL_SCORE(C7,D7,E7,F7,G7)`. A spilled cell has its anchor's. */
  readonly formula: string;
  readonly value: EngineValue;
  /** Set on a cell filled by another cell's spilling formula: that cell's address. */
  readonly spilledFrom?: string;
}

/** What setCell accepts: a formula as typed (`=...`), or a constant. */
export type CellInput = string | number | boolean | null;

/** A cell change made before the ExcelJS workbook was loaded, replayed when it is. */
interface PendingEdit {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly saved: string | null;
  readonly value: EngineValue;
}

export class Workbook {
  private evaluation: Evaluation | undefined;
  /**
   * Evaluated by the light route (light/): no HyperFormula instance; `computed` holds every
   * sheet's values, and a change that clears it has them recomputed when next read.
   */
  private light = false;
  private readonly computed = new Map<number, EngineValue[][]>();
  /**
   * Formulas as typed (`=CM.APPRAISAL_SCORE(…)`) by sheet and range, made once and shared by
   * every grid of the range (the reported and the recalculated one): cleared when a cell changes.
   */
  private readonly typed = new Map<string, (string | null)[][]>();
  private excelBook: ExcelJS.Workbook | undefined;
  private excelLoading: Promise<ExcelJS.Workbook> | undefined;
  private readonly pending: PendingEdit[] = [];
  /** Changes to the ExcelJS workbook made before it was loaded (sheets added, rows, looks). */
  private readonly deferred: ExcelOp[] = [];
  /** Cells changed with setCell: the workbook is then written through ExcelJS. */
  private cellEdits = 0;
  /** Sheets the product wrote whole (setRows), by model index. */
  private readonly own = new Map<number, OwnState>();

  constructor(
    /**
     * The ExcelJS workbook everything not modelled (styles, validations, ...) lives in, or the
     * file's bytes to load it from when first needed (see excelWorkbook()).
     */
    excel: ExcelJS.Workbook | Uint8Array,
    readonly model: WorkbookModel,
    private readonly functions: FunctionSet,
    private readonly fileName = 'the data',
    /** The package it was read from, when read by the direct reader (Node). */
    private readonly pkg?: XlsxPackage,
  ) {
    if (excel instanceof Uint8Array) this.source = excel;
    else this.excelBook = excel;
  }

  private source: Uint8Array | undefined;

  /**
   * The ExcelJS workbook. A workbook opened by loadWorkbook() reads it only when first needed:
   * `await excelWorkbook()` first (toBuffer() and saveWorkbook() do).
   */
  get excel(): ExcelJS.Workbook {
    if (!this.excelBook) {
      throw new Error(
        'The ExcelJS workbook is not loaded yet: await workbook.excelWorkbook() first.',
      );
    }
    return this.excelBook;
  }

  /** Loads the ExcelJS workbook (once), with every setCell so far applied to it. */
  async excelWorkbook(): Promise<ExcelJS.Workbook> {
    if (this.excelBook) return this.excelBook;
    this.excelLoading ??= (async () => {
      const excel = await loadExcel(this.source as Uint8Array, this.fileName);
      this.excelBook = excel;
      this.source = undefined;
      for (const e of this.pending.splice(0)) this.applyToExcel(e);
      for (const op of this.deferred.splice(0)) await op(excel);
      return excel;
    })();
    return this.excelLoading;
  }

  /** Reads an .xlsx held in memory with ExcelJS. Throws EngineFileError when it is not one. */
  static async fromBuffer(
    data: Uint8Array | ArrayBuffer,
    functions: FunctionSet,
    fileName = 'the data',
  ): Promise<Workbook> {
    const excel = await loadExcel(data, fileName);
    return new Workbook(excel, readWorkbookModel(excel), functions, fileName);
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  get evaluated(): boolean {
    return this.evaluation !== undefined || this.light;
  }

  /**
   * Computes every formula (once; later changes recalculate): with the light route when every
   * formula is in its subset (plain CM calls and helper arithmetic), else with HyperFormula.
   */
  evaluate(): this {
    if (!this.evaluation && !this.light) {
      this.light = true;
      if (!this.lightValues()) this.useHyperFormula();
    }
    return this;
  }

  /** Runs the light route into `computed`; false when the workbook is not for it. */
  private lightValues(): boolean {
    const all = evaluateLight(this.model, this.functions);
    this.computed.clear();
    all?.forEach((v, i) => this.computed.set(i, v));
    return all !== undefined;
  }

  private useHyperFormula(): void {
    this.light = false;
    this.evaluation = hfRoute().evaluateModel(this.model, this.functions);
    this.computed.clear();
  }

  private sheetIndex(sheet: string): number {
    const lower = sheet.toLowerCase();
    const i = this.model.sheets.findIndex((s) => s.name.toLowerCase() === lower);
    if (i < 0) throw new RangeError(`No sheet named ${sheet}`);
    return i;
  }

  /** Values of a sheet: computed once evaluated, else the cached values saved in the file. */
  values(sheet: string | number): EngineValue[][] {
    const i = typeof sheet === 'number' ? sheet : this.sheetIndex(sheet);
    if (this.light && !this.computed.has(i) && !this.lightValues()) this.useHyperFormula();
    if (!this.evaluation && !this.light) return this.model.sheets[i].values;
    let v = this.computed.get(i);
    if (!v && this.light) return this.model.sheets[i].values;
    if (!v) {
      v = hfRoute().sheetValues(this.evaluation as Evaluation, i);
      this.computed.set(i, v);
    }
    return v;
  }

  value(sheet: string, address: string): EngineValue {
    const pos = parseCell(address);
    if (!pos) throw new RangeError(`Not a cell address: ${address}`);
    return this.values(sheet)[pos.row]?.[pos.col] ?? null;
  }

  /** The saved formula of a cell (without `=`), or null. */
  formula(sheet: string, address: string): string | null {
    const pos = parseCell(address);
    if (!pos) throw new RangeError(`Not a cell address: ${address}`);
    return this.model.sheets[this.sheetIndex(sheet)].formulas[pos.row]?.[pos.col] ?? null;
  }

  /** A cell's number format as saved (`0.00%`, `#,##0`), or `General`. */
  format(sheet: string, address: string): string {
    const pos = parseCell(address);
    if (!pos) throw new RangeError(`Not a cell address: ${address}`);
    return this.formatAt(sheet, pos.row, pos.col);
  }

  /** The number format of the cell at (row, col), 0-based: for callers that walk a grid. */
  formatAt(sheet: string, row: number, col: number): string {
    return formatAt(this.model.sheets[this.sheetIndex(sheet)], row, col);
  }

  private spill(i: number, row: number, col: number): RangePos | undefined {
    return this.evaluation
      ? hfRoute().spillRange(this.evaluation, i, row, col)
      : savedSpill(this.model.sheets[i], row, col);
  }

  /** Every formula cell, spilled cells included (with their anchor's formula). */
  formulaCells(): FormulaCell[] {
    const out: FormulaCell[] = [];
    this.model.sheets.forEach((sheet, i) => {
      const values = this.values(i);
      for (let r = 0; r < sheet.rowCount; r++) {
        const forms = sheet.formulas[r];
        for (let c = 0; c < forms.length; c++) {
          const f = forms[c];
          if (f == null) continue;
          const formula = `=${toTypedFormula(f)}`;
          const address = formatCell(r, c);
          out.push({ sheet: sheet.name, address, formula, value: values[r]?.[c] ?? null });
          const spill = this.spill(i, r, c);
          if (!spill) continue;
          for (let y = spill.top; y <= spill.bottom; y++) {
            for (let x = spill.left; x <= spill.right; x++) {
              if (y === r && x === c) continue;
              const value = values[y]?.[x] ?? null;
              out.push({
                sheet: sheet.name,
                address: formatCell(y, x),
                formula,
                value,
                spilledFrom: address,
              });
            }
          }
        }
      }
    });
    return out;
  }

  /**
   * The engine's spill map of a sheet: every formula whose result fills more than its own cell
   * (as evaluated, or as the file recorded it before evaluation), with the area it fills.
   */
  spillAreas(sheet: string | number): SpillArea[] {
    const i = typeof sheet === 'number' ? sheet : this.sheetIndex(sheet);
    const model = this.model.sheets[i];
    const out: SpillArea[] = [];
    // Without HyperFormula only a saved array formula can spill.
    if (!this.evaluation && model.arrayFormulas.length === 0) return out;
    for (let r = 0; r < model.formulas.length; r++) {
      const forms = model.formulas[r];
      if (!forms) continue;
      for (let c = 0; c < forms.length; c++) {
        const f = forms[c];
        if (f == null) continue;
        const spill = this.spill(i, r, c);
        if (spill) out.push({ ...spill, formula: `=${toTypedFormula(f)}` });
      }
    }
    return out;
  }

  /**
   * The used range of a sheet as a Grid (values shown, formulas as typed). `saved`: the values
   * as the file carried them (its cached results), even after evaluation: what the workbook
   * reported before anything was recalculated.
   */
  grid(sheet: string, saved = false): Grid {
    const i = this.sheetIndex(sheet);
    const model = this.model.sheets[i];
    const values = saved ? model.values : this.values(i);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const filled = (row: readonly EngineValue[], forms: readonly (string | null)[], c: number) =>
      (row[c] ?? null) !== null || forms[c] != null;
    for (let r = 0; r < values.length; r++) {
      const row = values[r] ?? [];
      const forms = model.formulas[r] ?? [];
      // The row's first and last filled cells bound it: searched from each end.
      let first = 0;
      const width = Math.max(row.length, forms.length);
      while (first < width && !filled(row, forms, first)) first++;
      if (first === width) continue;
      let last = width - 1;
      while (!filled(row, forms, last)) last--;
      if (r < top) top = r;
      bottom = r;
      if (first < left) left = first;
      if (last > right) right = last;
    }
    if (bottom < 0) return { sheet: model.name, top: 0, left: 0, values: [], formulas: [] };
    return this.gridOf(i, { top, left, bottom, right }, saved);
  }

  /** An Excel Table's range, header row included, as a Grid (`saved`: as in grid()). */
  tableGrid(table: string, saved = false): Grid {
    const t = this.model.tables.find((x) => x.name.toLowerCase() === table.toLowerCase());
    const range = t && parseRange(t.ref);
    if (!t || !range) throw new RangeError(`No table named ${table}`);
    return { ...this.gridOf(this.sheetIndex(t.sheet), range, saved), table: t.name };
  }

  /** The formulas of a range of sheet i as typed, with `=` (see `typed`), made once. */
  private typedFormulas(i: number, r: RangePos): (string | null)[][] {
    const key = `${i}:${r.top}:${r.left}:${r.bottom}:${r.right}`;
    let typed = this.typed.get(key);
    if (!typed) {
      const formulas = this.model.sheets[i].formulas;
      typed = [];
      for (let y = r.top; y <= r.bottom; y++) {
        const forms = formulas[y] ?? [];
        const line: (string | null)[] = new Array(r.right - r.left + 1);
        for (let x = r.left; x <= r.right; x++) {
          const f = forms[x];
          line[x - r.left] = f == null ? null : toTypedFormula(f, '=');
        }
        typed.push(line);
      }
      this.typed.set(key, typed);
    }
    return typed;
  }

  private gridOf(i: number, r: RangePos, saved = false): Grid {
    const model = this.model.sheets[i];
    const values = saved ? model.values : this.values(i);
    const width = r.right - r.left + 1;
    const gv: (readonly CellValue[])[] = [];
    for (let y = r.top; y <= r.bottom; y++) {
      const row = values[y] ?? [];
      // A row that already is the grid's row (from A, full width, no error objects) is shared,
      // not copied: grids are read-only, and setCell replaces a row rather than changing it.
      if (r.left === 0 && row.length === width && !row.some(isErrorValue)) {
        gv.push(row as CellValue[]);
        continue;
      }
      const vr: CellValue[] = new Array(width);
      for (let x = r.left; x <= r.right; x++) {
        const v = row[x] ?? null;
        vr[x - r.left] = isErrorValue(v) ? v.error : v;
      }
      gv.push(vr);
    }
    // The formulas are the same in every grid of the range (reported and recalculated).
    const formulas = this.typedFormulas(i, r);
    const grid = { sheet: model.name, top: r.top, left: r.left, values: gv, formulas };
    // Spills that reach into the area (their anchor may lie outside it).
    const spills = this.spillAreas(i).filter(
      (s) => s.top <= r.bottom && s.bottom >= r.top && s.left <= r.right && s.right >= r.left,
    );
    return spills.length > 0 ? { ...grid, spills } : grid;
  }

  /**
   * Puts a formula (as typed, `=CM.LABEL("DEMOTE")`) or a constant into a cell and recalculates
   * what depends on it.
   */
  setCell(sheet: string, address: string, input: CellInput): void {
    const pos = parseCell(address);
    if (!pos) throw new RangeError(`Not a cell address: ${address}`);
    const i = this.sheetIndex(sheet);
    const model = this.model.sheets[i];
    this.evaluate();
    const ev = this.evaluation;
    const { row, col } = pos;
    const isFormula = typeof input === 'string' && input.startsWith('=') && input.length > 1;
    const saved = isFormula ? toSavedFormula(input) : null;
    const value: EngineValue = isFormula ? null : input;

    const edit: PendingEdit = { sheet: model.name, row, col, saved, value };
    this.cellEdits++;
    // The master of shared clones is read before the model changes.
    if (this.excelBook) this.applyToExcel(edit);
    else this.pending.push(edit);
    setModelCell(model, row, col, value, saved);
    this.typed.clear();
    if (!ev) {
      // The light route recomputes from the model when next read (values()).
      this.computed.clear();
      return;
    }
    ev.overrides[i].delete(hfRoute().cellKey(row, col));
    let content = hfRoute().rawConstant(value);
    if (saved !== null) {
      const t = hfRoute()
        .sheetTranslator(this.model, this.functions)
        .translate(model.name, row, col, saved);
      if (typeof t === 'string') content = t;
      else {
        ev.overrides[i].set(hfRoute().cellKey(row, col), t);
        content = t.error;
      }
    }
    ev.hf.setCellContents({ sheet: ev.sheetIds[i], row, col }, content);
    this.computed.clear();
  }

  private applyToExcel(e: PendingEdit): void {
    const ws = this.excel.getWorksheet(e.sheet);
    if (!ws) return;
    const model = this.model.sheets[this.sheetIndex(e.sheet)];
    detachSharedClones(ws, model, e.row, e.col);
    ws.getCell(e.row + 1, e.col + 1).value = (
      e.saved !== null ? { formula: e.saved } : e.value
    ) as ExcelJS.CellValue;
  }

  /**
   * Runs a change on the ExcelJS workbook: now when it is loaded, else when it is (a workbook
   * read from a file is then written by patching it, without loading ExcelJS at all).
   */
  private async onExcel(op: ExcelOp): Promise<void> {
    if (this.excelBook) await op(this.excelBook);
    else if (this.pkg && !this.excelLoading) this.deferred.push(op);
    else await op(await this.excelWorkbook());
  }

  /**
   * Adds an empty worksheet at the end (the audit's report and log sheets). Throws a RangeError
   * for a name Excel would refuse or one already taken (names compare case-insensitively).
   */
  async addSheet(name: string): Promise<void> {
    const why = sheetNameProblem(name);
    if (why) throw new RangeError(`Cannot add the sheet "${name}": ${why}.`);
    const taken = (n: string) => n.toLowerCase() === name.toLowerCase();
    if (this.model.sheets.some((s) => taken(s.name))) {
      throw new RangeError(`Cannot add the sheet "${name}": a sheet of that name exists.`);
    }
    await this.onExcel((excel) => {
      excel.addWorksheet(name);
    });
    // Checked again: another addSheet may have run while ExcelJS loaded.
    if (this.model.sheets.some((s) => taken(s.name))) {
      throw new RangeError(`Cannot add the sheet "${name}": a sheet of that name exists.`);
    }
    this.model.sheets.push(
      sheetModel({ name, rowCount: 0, colCount: 0, values: [], formulas: [], arrayFormulas: [] }),
    );
    if (this.evaluation) {
      const ev = this.evaluation;
      ev.sheetIds.push(ev.hf.getSheetId(ev.hf.addSheet(name)) as number);
      ev.overrides.push(new Map());
    }
    this.sheetChanged(name);
  }

  /**
   * Replaces a sheet's whole content with constant rows from A1 (a string starting with `=` is
   * text here, not a formula). Formats stay; formulas elsewhere that read the sheet recalculate.
   * The rows are kept as given, not copied (an audit report of 100,000 rows has 300,000 lines):
   * the caller hands over rows it does not change afterwards; the workbook never changes them
   * in place (setCell replaces a row).
   */
  async setRows(sheet: string, rows: readonly (readonly CellInput[])[]): Promise<void> {
    const i = this.sheetIndex(sheet);
    const { name, formats } = this.model.sheets[i];
    const values = rows.slice() as CellInput[][];
    const own = this.own.get(i);
    this.own.set(i, {
      rows: values,
      protect: own?.protect ?? false,
      bold: own?.bold ?? new Map(),
      widths: own?.widths ?? [],
    });
    this.model.sheets[i] = sheetModel({
      name,
      rowCount: values.length,
      colCount: values.reduce((n, r) => Math.max(n, r.length), 0),
      values,
      // One empty formulas row for all: setCell copies a row before it changes it.
      formulas: values.map(() => NO_FORMULAS as (string | null)[]),
      arrayFormulas: [],
      formats,
    });
    this.typed.clear();
    await this.onExcel((excel) => {
      const ws = excel.getWorksheet(name);
      if (!ws) return;
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          cell.value = null;
        }),
      );
      values.forEach((r, y) =>
        r.forEach((v, x) => {
          if (v !== null) ws.getCell(y + 1, x + 1).value = v;
        }),
      );
    });
    if (this.evaluation) {
      const ev = this.evaluation;
      ev.overrides[i].clear();
      ev.hf.setSheetContent(
        ev.sheetIds[i],
        values.map((r) => r.map(hfRoute().rawConstant)),
      );
    }
    this.sheetChanged(name);
  }

  /**
   * A sheet's content was replaced or added: values computed from it are recomputed when next
   * read. The light route keeps the other sheets' values when no formula and no defined name
   * mentions the sheet (the audit writing its report and log must not recompute 100,000 rows).
   */
  private sheetChanged(name: string): void {
    if (!this.light || this.evaluation) {
      this.computed.clear();
      return;
    }
    const lower = name.toLowerCase();
    const mentions = (text: string) => text.toLowerCase().includes(lower);
    const read =
      this.model.names.some((n) => mentions(n.refersTo)) ||
      this.model.sheets.some((sheet) =>
        sheet.formulas.some((row) => row.some((f) => f != null && mentions(f))),
      );
    if (read) this.computed.clear();
    else {
      // The changed sheet holds constants only (setRows, addSheet): its values are the model's.
      const i = this.sheetIndex(name);
      this.computed.set(i, this.model.sheets[i].values);
    }
  }

  /** Protects a sheet against casual edits (no password: one in code would be no secret). */
  async protectSheet(sheet: string): Promise<void> {
    const i = this.sheetIndex(sheet);
    const name = this.model.sheets[i].name;
    const own = this.own.get(i);
    if (own) own.protect = true;
    else this.own.set(i, { rows: this.sheetRows(i), protect: true, bold: new Map(), widths: [] });
    await this.onExcel(async (excel) => {
      const ws = excel.getWorksheet(name);
      if (ws) await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
    });
  }

  /** Bold rows and column widths of a sheet the product writes (presentation only). */
  async setLook(sheet: string, look: SheetLook): Promise<void> {
    const i = this.sheetIndex(sheet);
    const name = this.model.sheets[i].name;
    const own = this.own.get(i) ?? {
      rows: this.sheetRows(i),
      protect: false,
      bold: new Map<number, number>(),
      widths: [],
    };
    this.own.set(i, own);
    for (const [row, size] of look.bold ?? []) own.bold.set(row, size);
    if (look.widths) own.widths = [...look.widths];
    await this.onExcel((excel) => {
      const ws = excel.getWorksheet(name);
      if (!ws) return;
      for (const [row, size] of look.bold ?? []) ws.getRow(row).font = { bold: true, size };
      look.widths?.forEach((w, c) => {
        ws.getColumn(c + 1).width = w;
      });
    });
  }

  /** A sheet's constants as rows from A1 (for a sheet the product takes over whole). */
  private sheetRows(i: number): (string | number | boolean | null)[][] {
    const m = this.model.sheets[i];
    return m.values.map((row, r) =>
      row.map((v, c) =>
        m.formulas[r]?.[c] != null || v === null || typeof v === 'object' ? null : v,
      ),
    );
  }

  /**
   * The workbook as zip chunks, written by patching the file it was read from when it can be
   * (every part it does not own kept byte-for-byte), else through ExcelJS.
   */
  async toChunks(edits?: PackageEditor): Promise<Uint8Array[] | undefined> {
    const pkg = this.pkg;
    if (pkg && !this.excelBook && !this.excelLoading && this.cellEdits === 0) {
      const { patchXlsx, spillsFit } = await import('./xlsx-patch');
      const own = new Map<number, OwnSheet>(this.own);
      const input = {
        zip: pkg.zip,
        layout: pkg.layout,
        sheets: this.model.sheets,
        values: (i: number) => (this.evaluated ? this.values(i) : undefined),
        spill: (i: number, r: number, c: number) => this.spill(i, r, c),
        own,
        edits,
      };
      if (spillsFit(input)) return patchXlsx(input);
    }
    // Written through ExcelJS: the caller applies its package edits to the bytes.
    return edits ? undefined : [await this.excelBuffer()];
  }

  /** The workbook as .xlsx bytes, with fresh cached values for every formula. */
  async toBuffer(): Promise<Uint8Array> {
    const chunks = (await this.toChunks()) as Uint8Array[];
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /** The workbook written through ExcelJS. */
  private async excelBuffer(): Promise<Uint8Array> {
    const excel = await this.excelWorkbook();
    if (this.evaluated) {
      this.model.sheets.forEach((sheet, i) => {
        const ws = excel.getWorksheet(sheet.name);
        if (!ws) return;
        writeSheetResults(ws, {
          sheet,
          values: this.values(i),
          spill: (r, c) => this.spill(i, r, c),
        });
      });
    }
    excel.worksheets.forEach(compactDataValidations);
    const out = await excel.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }
}

/** ExcelJS's reading of .xlsx bytes; EngineFileError when they are not a workbook. */
async function loadExcel(
  data: Uint8Array | ArrayBuffer,
  fileName: string,
): Promise<ExcelJS.Workbook> {
  const excel = new (excelJs().Workbook)();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw fileError(
      {
        en: `${fileName} is not an .xlsx workbook (it is not a zip archive).`,
        zh: `${fileName} 不是 .xlsx 工作簿（不是 zip 压缩包）。`,
      },
      fileName,
    );
  }
  try {
    await excel.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    // ExcelJS's own message is internal text ("Cannot read properties of undefined"): not shown.
    throw fileError(
      {
        en: `${fileName} could not be read as an .xlsx workbook: a part of it is damaged or in a form this program does not read; open it in Excel and save it again.`,
        zh: `无法将 ${fileName} 作为 .xlsx 工作簿读取：其中某个部件已损坏或格式无法识别；请用 Excel 打开后重新保存。`,
      },
      fileName,
      e,
    );
  }
  if (excel.worksheets.length === 0) {
    throw fileError(
      {
        en: `${fileName} could not be read as an .xlsx workbook (it has no worksheets).`,
        zh: `无法将 ${fileName} 作为 .xlsx 工作簿读取（其中没有工作表）。`,
      },
      fileName,
    );
  }
  return excel;
}

/** The spill range recorded in the file for an array formula at (row, col). */
/** The formulas of a row of constants. */
const NO_FORMULAS: readonly (string | null)[] = Object.freeze([]);

function savedSpill(sheet: SheetModel, row: number, col: number): RangePos | undefined {
  const a = sheet.arrayFormulas.find((x) => x.row === row && x.col === col);
  const r = a && parseRange(a.ref);
  return r && (r.bottom > r.top || r.right > r.left) ? r : undefined;
}

function setModelCell(
  model: SheetModel,
  row: number,
  col: number,
  value: EngineValue,
  formula: string | null,
): void {
  const m = model as {
    rowCount: number;
    colCount: number;
    arrayFormulas: SheetModel['arrayFormulas'];
  };
  while (model.values.length <= row) model.values.push([]);
  while (model.formulas.length <= row) model.formulas.push([]);
  // Replaced, not changed in place: a grid read before may share the row (gridOf).
  const vals = (model.values[row] = model.values[row].slice());
  const forms = (model.formulas[row] = model.formulas[row].slice());
  while (vals.length < col) vals.push(null);
  vals[col] = value;
  if (formula !== null || col < forms.length) {
    while (forms.length < col) forms.push(null);
    forms[col] = formula;
  }
  m.rowCount = Math.max(model.rowCount, row + 1);
  m.colCount = Math.max(model.colCount, col + 1);
  m.arrayFormulas = model.arrayFormulas.filter((a) => a.row !== row || a.col !== col);
}

/**
 * Before a shared formula's master cell changes, its clones get their own formulas: ExcelJS
 * cannot save a clone whose master is gone.
 */
function detachSharedClones(
  ws: ExcelJS.Worksheet | undefined,
  model: SheetModel,
  row: number,
  col: number,
): void {
  if (!ws) return;
  const master = ws.getCell(row + 1, col + 1).value as { shareType?: string } | null;
  if (!master || typeof master !== 'object' || master.shareType !== 'shared') return;
  const address = formatCell(row, col);
  ws.eachRow((r) =>
    r.eachCell((cell) => {
      const v = cell.value as { sharedFormula?: string; result?: unknown } | null;
      if (v && typeof v === 'object' && v.sharedFormula === address) {
        const f = model.formulas[Number(cell.row) - 1]?.[Number(cell.col) - 1];
        if (f) cell.value = { formula: f, result: cell.result } as unknown as ExcelJS.CellValue;
      }
    }),
  );
}

/** Why Excel would refuse a sheet name, or undefined when it would take it. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'the name is empty';
  if (name.length > 31) return 'the name is longer than 31 characters';
  if (/[[\]:*?/\\]/.test(name)) return 'the name holds one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return "the name starts or ends with '";
  return undefined;
}
