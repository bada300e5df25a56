/**
 * LocalHost: the WorkbookHost port over the headless engine, for the browser preview (and Node
 * tests). The workbook lives in memory; the selection, the active sheet and the marks live in
 * the host, and every change is announced to subscribers so a grid drawn beside the task pane
 * and the task pane itself always agree.
 *
 * Marks are an overlay the preview draws, not formats in the workbook: clearing them restores
 * exactly what was there, and a saved file never carries them.
 */
import {
  EMPTY_ADDIN_DOCUMENT,
  settingText,
  toTypedFormula,
  withSetting,
  writeAddinDocument,
  type AddinDocument,
  type EngineValue,
  type Workbook,
} from '../engine';
import type { CellValue, Grid } from '../sheets/grid';
import { spillParentIn, type SpillParent } from '../sheets/spills';
import { ChangeFeed } from './change-feed';
import { cellAddress, normalizeCell, parseCell, parseRect, stripSheet } from './a1';
import type { Mark, MarkSeverity, ReadOptions, Selection, SheetInfo, WorkbookHost } from './port';

/** What changed: the preview redraws what it shows of it. */
export type LocalChange = 'cells' | 'sheets' | 'selection' | 'marks';

export interface LocalHostOptions {
  /** The workbook's file name, as the audit log records it. */
  readonly name?: string;
  /**
   * The add-in's document settings read from the file (engine readAddinDocument): kept where
   * Excel keeps them, and written back into the bytes save() gives.
   */
  readonly document?: AddinDocument;
}

export class LocalHostError extends Error {
  override readonly name = 'LocalHostError';
}

function abortError(): Error {
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}

/** The port's CellValue for an engine value: errors as their text, as Excel shows them. */
function shown(v: EngineValue | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return v.error;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

/** Text stays text: a report or log row never becomes a formula. Non-finite numbers as text. */
function constant(v: CellValue): CellValue {
  return typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
}

export class LocalHost implements WorkbookHost {
  readonly kind = 'local' as const;
  private active: string;
  private selection: { sheet: string; address: string };
  private readonly marks = new Map<string, Mark>();
  /** The sheet of the cell being edited while its change is announced (onCellsChanged). */
  private lastEdited: string | null = null;
  private readonly protectedSheets = new Set<string>();
  private readonly feed = new ChangeFeed<LocalChange>();
  private writes: Promise<unknown> = Promise.resolve();
  private document: AddinDocument;

  constructor(
    /** The engine workbook; evaluated here, so values are computed, not the file's cache. */
    readonly workbook: Workbook,
    private readonly options: LocalHostOptions = {},
  ) {
    this.document = options.document ?? EMPTY_ADDIN_DOCUMENT;
    workbook.evaluate();
    const first = workbook.sheetNames()[0];
    if (first === undefined) throw new LocalHostError('The workbook has no worksheets.');
    this.active = first;
    this.selection = { sheet: first, address: 'A1' };
  }

  // ---- for the preview ------------------------------------------------------------------

  /** Called after every change; returns a function that stops listening. */
  subscribe(listener: (change: LocalChange) => void): () => void {
    return this.feed.subscribe(listener);
  }

  /** Grows by one with every change (a snapshot key for React's useSyncExternalStore). */
  get version(): number {
    return this.feed.version;
  }

  private emit(change: LocalChange): void {
    this.feed.emit(change);
  }

  /** The active sheet and cell, synchronously. */
  get current(): { readonly sheet: string; readonly address: string } {
    return this.selection;
  }

  /** The marks on one sheet, by A1 address. */
  marksOn(sheet: string): Map<string, MarkSeverity> {
    const out = new Map<string, MarkSeverity>();
    const lower = sheet.toLowerCase();
    for (const m of this.marks.values()) {
      if (m.sheet.toLowerCase() === lower) out.set(m.address, m.severity);
    }
    return out;
  }

  /** Sheets the audit log protects; the preview does not edit them. */
  isProtected(sheet: string): boolean {
    return this.protectedSheets.has(this.sheetName(sheet));
  }

  /** Shows another sheet; its selection goes to A1. */
  activate(sheet: string): void {
    const name = this.sheetName(sheet);
    if (name === this.active) return;
    this.active = name;
    this.selection = { sheet: name, address: 'A1' };
    this.emit('selection');
  }

  /** A cell edited in the preview: a formula as typed (`=…`) or a constant. */
  async editCell(sheet: string, address: string, input: string | number | boolean | null) {
    const name = this.sheetName(sheet);
    const cell = normalizeCell(address);
    if (this.isProtected(name)) {
      throw new LocalHostError(`The sheet "${name}" is protected: its cells cannot be changed.`);
    }
    await this.write(async () => {
      this.workbook.setCell(name, cell, input);
    });
    this.lastEdited = name;
    try {
      this.emit('cells');
    } finally {
      this.lastEdited = null;
    }
  }

  /**
   * The workbook as .xlsx bytes, with fresh cached values and the add-in's document settings
   * (marks are not saved).
   */
  save(): Promise<Uint8Array> {
    return this.write(async () =>
      writeAddinDocument(await this.workbook.toBuffer(), this.document),
    );
  }

  // ---- the port -------------------------------------------------------------------------

  async workbookName(): Promise<string> {
    return this.options.name ?? 'Workbook.xlsx';
  }

  async userName(): Promise<string | null> {
    return null;
  }

  async listSheets(): Promise<SheetInfo[]> {
    const tables = this.workbook.model.tables;
    return this.workbook.sheetNames().map((name) => ({
      name,
      tables: tables
        .filter((t) => t.sheet.toLowerCase() === name.toLowerCase())
        .map((t) => ({ name: t.name, sheet: name, address: t.ref })),
    }));
  }

  async activeSheet(): Promise<string> {
    return this.active;
  }

  async readSheet(sheet: string, options?: ReadOptions): Promise<Grid> {
    if (options?.signal?.aborted) throw abortError();
    const grid = this.workbook.grid(this.sheetName(sheet));
    options?.onProgress?.(grid.values.length, grid.values.length);
    return grid;
  }

  async readSavedSheet(sheet: string, options?: ReadOptions): Promise<Grid> {
    if (options?.signal?.aborted) throw abortError();
    const grid = this.workbook.grid(this.sheetName(sheet), true);
    options?.onProgress?.(grid.values.length, grid.values.length);
    return grid;
  }

  /** A document setting, from the file's web-extension part (as Excel keeps it). */
  async readSetting(key: string): Promise<string | null> {
    return settingText(this.document, key);
  }

  async writeSetting(key: string, value: string): Promise<void> {
    this.document = withSetting(this.document, key, value);
  }

  async readRange(sheet: string, address: string): Promise<Grid> {
    const name = this.sheetName(sheet);
    const rect = parseRect(stripSheet(address));
    const used = this.workbook.grid(name);
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const y = rect.row + r - used.top;
      const vr: CellValue[] = [];
      const fr: (string | null)[] = [];
      for (let c = 0; c < rect.cols; c++) {
        const x = rect.col + c - used.left;
        vr.push(used.values[y]?.[x] ?? null);
        fr.push(used.formulas[y]?.[x] ?? null);
      }
      values.push(vr);
      formulas.push(fr);
    }
    const grid = { sheet: name, top: rect.row, left: rect.col, values, formulas };
    const bottom = rect.row + rect.rows - 1;
    const right = rect.col + rect.cols - 1;
    const spills = (used.spills ?? []).filter(
      (s) => s.top <= bottom && s.bottom >= rect.row && s.left <= right && s.right >= rect.col,
    );
    return spills.length > 0 ? { ...grid, spills } : grid;
  }

  /** The engine's own spill map (Workbook.spillAreas). */
  async spillParent(sheet: string, address: string): Promise<SpillParent | null> {
    const name = this.sheetName(sheet);
    const { row, col } = parseCell(address);
    for (const area of this.workbook.spillAreas(name)) {
      if (row >= area.top && row <= area.bottom && col >= area.left && col <= area.right) {
        return spillParentIn(name, area, row, col);
      }
    }
    return null;
  }

  async onSelectionChanged(handler: () => void): Promise<() => Promise<void>> {
    const stop = this.subscribe((change) => {
      if (change === 'selection') handler();
    });
    return async () => stop();
  }

  /** A cell edited in the preview (editCell) is announced with its sheet. */
  async onCellsChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    const stop = this.subscribe((change) => {
      if (change === 'cells' && this.lastEdited !== null) handler(this.lastEdited);
    });
    return async () => stop();
  }

  async readTable(table: string, options?: ReadOptions): Promise<Grid> {
    if (options?.signal?.aborted) throw abortError();
    const grid = this.workbook.tableGrid(table);
    options?.onProgress?.(grid.values.length, grid.values.length);
    return grid;
  }

  async recalculate(): Promise<void> {
    // The engine recalculates on every change; this makes sure the first evaluation ran.
    this.workbook.evaluate();
    this.emit('cells');
  }

  async writeMarks(marks: readonly Mark[]): Promise<void> {
    if (marks.length === 0) return;
    const checked = marks.map((m) => ({
      sheet: this.sheetName(m.sheet),
      address: normalizeCell(m.address),
      severity: m.severity,
    }));
    for (const m of checked) this.marks.set(this.key(m.sheet, m.address), m);
    this.emit('marks');
  }

  async clearMarks(): Promise<void> {
    if (this.marks.size === 0) return;
    this.marks.clear();
    this.emit('marks');
  }

  async replaceReportSheet(sheet: string, rows: readonly (readonly CellValue[])[]): Promise<void> {
    await this.write(async () => {
      const name = this.findSheet(sheet) ?? (await this.add(sheet));
      await this.workbook.setRows(
        name,
        rows.map((r) => r.map(constant)),
      );
    });
    this.emit('sheets');
  }

  async readLog(sheet: string): Promise<CellValue[][]> {
    const name = this.findSheet(sheet);
    return name === undefined ? [] : this.rowsOf(name);
  }

  async appendLog(
    sheet: string,
    header: readonly string[],
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    await this.write(async () => {
      const existing = this.findSheet(sheet);
      const name = existing ?? (await this.add(sheet));
      const had = existing === undefined ? [] : this.rowsOf(name);
      const all = had.length > 0 ? had : header.length > 0 ? [[...header]] : [];
      all.push(...rows.map((r) => r.map(constant)));
      await this.workbook.setRows(name, all);
      await this.workbook.protectSheet(name);
      this.protectedSheets.add(name);
    });
    this.emit('sheets');
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const name = this.sheetName(sheet);
    // The active cell of a range is its first cell, as in Excel.
    const rect = parseRect(stripSheet(address));
    this.active = name;
    this.selection = { sheet: name, address: cellAddress(rect.row, rect.col) };
    this.emit('selection');
  }

  async getSelection(): Promise<Selection> {
    const { sheet, address } = this.selection;
    return { sheet, address, ...this.cellAt(sheet, address) };
  }

  async setFormula(sheet: string, address: string, formula: string): Promise<void> {
    // One cell only: normalizeCell rejects a range address.
    await this.editCell(sheet, normalizeCell(address), formula);
  }

  // ---- helpers --------------------------------------------------------------------------

  /**
   * The message of an error a formula cell shows (`#NUM!` from a CM function says which input
   * is wrong), or null for a cell without one. The message is the function's own (English).
   */
  errorMessage(sheet: string, row: number, col: number): string | null {
    const v = this.workbook.values(this.sheetName(sheet))[row]?.[col];
    return v !== null && typeof v === 'object' && typeof v.message === 'string' ? v.message : null;
  }

  /** A cell's shown value and its formula as typed (`=…`), or null. */
  cellAt(sheet: string, address: string): { value: CellValue; formula: string | null } {
    const name = this.sheetName(sheet);
    const { row, col } = parseCell(address);
    const value = shown(this.workbook.values(name)[row]?.[col]);
    const saved = this.workbook.formula(name, address);
    return { value, formula: saved == null ? null : `=${toTypedFormula(saved)}` };
  }

  /** Writes run one at a time: adding a sheet waits on the engine, and a second add must not race it. */
  private write<T>(task: () => Promise<T>): Promise<T> {
    const next = this.writes.then(task, task);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async add(sheet: string): Promise<string> {
    await this.workbook.addSheet(sheet);
    return sheet;
  }

  private rowsOf(sheet: string): CellValue[][] {
    const values = this.workbook.values(sheet);
    let height = values.length;
    const empty = (row: readonly EngineValue[] | undefined) =>
      !row || row.every((v) => v === null || v === undefined);
    while (height > 0 && empty(values[height - 1])) height--;
    let width = 0;
    for (let r = 0; r < height; r++) {
      const row = values[r] ?? [];
      for (let c = row.length - 1; c >= width; c--) {
        if (row[c] !== null && row[c] !== undefined) {
          width = c + 1;
          break;
        }
      }
    }
    return Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => shown(values[r]?.[c])),
    );
  }

  private findSheet(sheet: string): string | undefined {
    const lower = sheet.toLowerCase();
    return this.workbook.sheetNames().find((n) => n.toLowerCase() === lower);
  }

  private sheetName(sheet: string): string {
    const name = this.findSheet(sheet);
    if (name === undefined) throw new LocalHostError(`The sheet "${sheet}" does not exist.`);
    return name;
  }

  private key(sheet: string, address: string): string {
    return `${sheet.toLowerCase()}\u0000${normalizeCell(address)}`;
  }
}
