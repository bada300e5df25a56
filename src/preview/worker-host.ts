/**
 * The preview page's WorkbookHost (issue 14): the workbook lives in the engine worker
 * (engine.worker.ts, a LocalHost there); the page keeps what the grid draws of it (each sheet's
 * used range and the blocks of rows in view, fetched as they come into view and again after
 * every change) and what is the page's own: the active sheet, the selection and the marks.
 * Validate and Audit run in the worker (`workflows`), with progress and Cancel; nothing long
 * runs on the page, whatever the workbook's size.
 */
import { CancelledError } from '../taskpane/workflows/progress';
import type { PaneWorkflows } from '../taskpane/workflows/runner';
import type { CellInput } from '../engine';
import type { Policy } from '../rules';
import type { CellValue, Grid } from '../sheets/grid';
import { cellAddress, normalizeCell, parseCell, parseRect, stripSheet } from '../host/a1';
import type {
  Mark,
  MarkSeverity,
  ReadOptions,
  Selection,
  SheetInfo,
  SpillParent,
  WorkbookHost,
} from '../host/port';
import {
  BLOCK_ROWS,
  WORKER_FILE,
  type RowBlock,
  type SheetMeta,
  type WorkbookView,
} from './protocol';
import { WorkerRpc } from './worker-rpc';
import { ChangeFeed } from '../host/change-feed';

/** What changed: the preview redraws what it shows of it. */
export type PreviewChange = 'cells' | 'sheets' | 'selection' | 'marks';

/** A sheet as the grid draws it: the used range with the rows fetched so far. */
export interface SheetShown {
  readonly grid: Grid;
  readonly width: number;
}

const EMPTY: SheetMeta = { name: '', protected: false, top: 0, left: 0, height: 0, width: 0 };

/** Thrown for what the preview refuses (a protected sheet's cell, an unknown sheet). */
export class PreviewHostError extends Error {
  override readonly name = 'LocalHostError';
}

/** The same rows, formulas, formats and messages (a block fetched again after a change). */
function sameBlock(a: RowBlock, b: RowBlock): boolean {
  const sameRows = <T>(x: readonly (readonly T[])[], y: readonly (readonly T[])[]) =>
    x.length === y.length &&
    x.every((row, i) => row.length === y[i].length && row.every((v, j) => v === y[i][j]));
  const keys = Object.keys(a.errors);
  return (
    a.start === b.start &&
    sameRows(a.values, b.values) &&
    sameRows(a.formulas, b.formulas) &&
    sameRows(a.formats, b.formats) &&
    keys.length === Object.keys(b.errors).length &&
    keys.every((k) => a.errors[k] === b.errors[k])
  );
}

export class WorkerHost implements WorkbookHost {
  readonly kind = 'local' as const;
  private metas: readonly SheetMeta[] = [];
  private stamp = -1;
  /** By sheet name, then block index. */
  private blocks = new Map<string, Map<number, RowBlock>>();
  private readonly loading = new Set<string>();
  private inView: { sheet: string; first: number; last: number } | undefined;
  private active: string;
  private selection: { sheet: string; address: string };
  private readonly marks = new Map<string, Mark>();
  private readonly feed = new ChangeFeed<PreviewChange>();
  private readonly edits = new Set<(sheet: string) => void>();
  private refreshing: Promise<void> | undefined;
  private again = false;
  private shownCache: { key: string; shown: SheetShown } | undefined;
  /** Grows when what a sheet shows changes (its place, a block): the grid redraws only then. */
  private readonly sheetVersions = new Map<string, number>();
  private marksVersion = 0;
  private marksCache: { key: string; marks: Map<string, MarkSeverity> } | undefined;

  /** Reads .xlsx bytes in a new engine worker; throws the engine's readable error when it cannot. */
  static async open(bytes: Uint8Array, name: string, policy?: Policy): Promise<WorkerHost> {
    const rpc = new WorkerRpc(new Worker(new URL(WORKER_FILE, document.baseURI)));
    try {
      await rpc.open(bytes, name, policy);
      return new WorkerHost(rpc, name, await rpc.call('view', {}, true));
    } catch (e) {
      rpc.close();
      throw e;
    }
  }

  private constructor(
    private readonly rpc: WorkerRpc,
    private readonly name: string,
    first: WorkbookView,
  ) {
    this.apply(first, true);
    const sheet = this.metas[0]?.name;
    if (sheet === undefined) throw new PreviewHostError('The workbook has no worksheets.');
    this.active = sheet;
    this.selection = { sheet, address: 'A1' };
    rpc.onEvent = (event) => {
      if (event.kind === 'edited') {
        for (const handler of [...this.edits]) handler(event.sheet);
      } else if (event.stamp > this.stamp) {
        this.refresh();
      }
    };
  }

  /** Validate and Audit, run in the worker (App's `workflows`). */
  readonly workflows: PaneWorkflows = {
    validate: (_host, { signal, onProgress, ...request }) =>
      this.settled(this.rpc.run('validate', request, this.active, signal, onProgress)),
    // An injected clock or sleep is for tests of the page's own runs: not sent.
    audit: (_host, { signal, onProgress, now: _now, sleep: _sleep, ...request }) =>
      this.settled(this.rpc.run('audit', request, this.active, signal, onProgress)),
  };

  /**
   * A run's result once the view shows the workbook it left (the worker announced its writes
   * before its answer), so the pane's result and the new sheets appear together.
   */
  private async settled<T>(run: Promise<T>): Promise<T> {
    const value = await run;
    while (this.refreshing) await this.refreshing;
    return value;
  }

  /** Stops the worker (another workbook was opened). */
  close(): void {
    this.rpc.close();
  }

  // ---- for the preview ------------------------------------------------------------------

  subscribe(listener: (change: PreviewChange) => void): () => void {
    return this.feed.subscribe(listener);
  }

  /** Grows by one with every change (a snapshot key for React's useSyncExternalStore). */
  get version(): number {
    return this.feed.version;
  }

  private emit(change: PreviewChange): void {
    this.feed.emit(change);
  }

  get current(): { readonly sheet: string; readonly address: string } {
    return this.selection;
  }

  sheetNames(): string[] {
    return this.metas.map((m) => m.name);
  }

  /** The marks on one sheet, by A1 address (the same Map until the marks change). */
  marksOn(sheet: string): Map<string, MarkSeverity> {
    const key = `${this.marksVersion}\u0000${sheet.toLowerCase()}`;
    if (this.marksCache?.key === key) return this.marksCache.marks;
    const out = new Map<string, MarkSeverity>();
    const lower = sheet.toLowerCase();
    for (const m of this.marks.values()) {
      if (m.sheet.toLowerCase() === lower) out.set(m.address, m.severity);
    }
    this.marksCache = { key, marks: out };
    return out;
  }

  isProtected(sheet: string): boolean {
    return this.meta(sheet)?.protected ?? false;
  }

  activate(sheet: string): void {
    const name = this.sheetName(sheet);
    if (name === this.active) return;
    this.active = name;
    this.selection = { sheet: name, address: 'A1' };
    this.emit('selection');
  }

  /** The sheet as drawn now: rows not fetched yet are holes (drawn blank until they come). */
  shown(sheet: string): SheetShown {
    const key = `${this.sheetVersions.get(this.meta(sheet)?.name ?? sheet) ?? 0}\u0000${sheet}`;
    if (this.shownCache?.key === key) return this.shownCache.shown;
    const meta = this.meta(sheet) ?? { ...EMPTY, name: sheet };
    const values: (readonly CellValue[])[] = new Array(meta.height);
    const formulas: (readonly (string | null)[])[] = new Array(meta.height);
    for (const b of this.blocks.get(meta.name)?.values() ?? []) {
      b.values.forEach((row, y) => (values[b.start - meta.top + y] = row));
      b.formulas.forEach((row, y) => (formulas[b.start - meta.top + y] = row));
    }
    const grid: Grid = {
      sheet: meta.name,
      top: meta.top,
      left: meta.left,
      values,
      formulas,
      ...(meta.spills ? { spills: meta.spills } : {}),
    };
    const shown = { grid, width: meta.width };
    this.shownCache = { key, shown };
    return shown;
  }

  /** The grid shows rows first..last-1 of the sheet: fetch the blocks not here yet. */
  rowsInView(sheet: string, first: number, last: number): void {
    this.inView = { sheet, first, last };
    const missing = this.blocksFor(sheet, first, last).filter(
      (i) => !this.blocks.get(sheet)?.has(i) && !this.loading.has(`${sheet}\u0000${i}`),
    );
    if (missing.length === 0) return;
    for (const i of missing) this.loading.add(`${sheet}\u0000${i}`);
    const stamp = this.stamp;
    this.rpc
      .call('view', { [sheet]: missing }, false)
      .then((view) => {
        // A change since: the refresh it started fetches what is in view.
        if (view.stamp === stamp && this.stamp === stamp) this.apply(view, false);
      })
      .catch(() => undefined)
      .finally(() => {
        for (const i of missing) this.loading.delete(`${sheet}\u0000${i}`);
      });
  }

  /** The number format of a fetched cell, or undefined (General). */
  formatAt(sheet: string, row: number, col: number): string | undefined {
    const b = this.blockAt(sheet, row);
    const meta = this.meta(sheet);
    if (!b || !meta) return undefined;
    return b.formats[row - b.start]?.[col - meta.left] ?? undefined;
  }

  /** The message of an error cell (a CM function's own, in English), or null. */
  errorMessage(sheet: string, row: number, col: number): string | null {
    return this.blockAt(sheet, row)?.errors[`${row},${col}`] ?? null;
  }

  /** A cell's shown value and formula as typed, as fetched (blank until its rows are here). */
  cellAt(sheet: string, address: string): { value: CellValue; formula: string | null } {
    return this.fetched(sheet, address) ?? { value: null, formula: null };
  }

  /** A cell edited in the preview: a formula as typed (`=…`) or a constant. */
  async editCell(sheet: string, address: string, input: CellInput): Promise<void> {
    const name = this.sheetName(sheet);
    if (this.isProtected(name)) {
      throw new PreviewHostError(`The sheet "${name}" is protected: its cells cannot be changed.`);
    }
    await this.rpc.call('editCell', name, normalizeCell(address), input);
  }

  /** The workbook as .xlsx bytes, with the add-in's document settings (marks are not saved). */
  save(): Promise<Uint8Array> {
    return this.rpc.call('save');
  }

  // ---- the port -------------------------------------------------------------------------

  async workbookName(): Promise<string> {
    return this.name;
  }

  async userName(): Promise<string | null> {
    return null;
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.rpc.call('listSheets');
  }

  async activeSheet(): Promise<string> {
    return this.active;
  }

  readSheet(sheet: string, options?: ReadOptions): Promise<Grid> {
    return this.read(() => this.rpc.call('readSheet', sheet), options);
  }

  readSavedSheet(sheet: string, options?: ReadOptions): Promise<Grid> {
    return this.read(() => this.rpc.call('readSavedSheet', sheet), options);
  }

  readTable(table: string, options?: ReadOptions): Promise<Grid> {
    return this.read(() => this.rpc.call('readTable', table), options);
  }

  readRange(sheet: string, address: string): Promise<Grid> {
    return this.rpc.call('readRange', sheet, address);
  }

  readSetting(key: string): Promise<string | null> {
    return this.rpc.call('readSetting', key);
  }

  writeSetting(key: string, value: string): Promise<void> {
    return this.rpc.call('writeSetting', key, value);
  }

  spillParent(sheet: string, address: string): Promise<SpillParent | null> {
    return this.rpc.call('spillParent', sheet, address);
  }

  async onSelectionChanged(handler: () => void): Promise<() => Promise<void>> {
    const stop = this.subscribe((change) => {
      if (change === 'selection') handler();
    });
    return async () => stop();
  }

  /** A cell edited in the preview (editCell) is announced with its sheet. */
  async onCellsChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    this.edits.add(handler);
    return async () => {
      this.edits.delete(handler);
    };
  }

  recalculate(): Promise<void> {
    return this.rpc.call('recalculate');
  }

  async writeMarks(marks: readonly Mark[]): Promise<void> {
    if (marks.length === 0) return;
    const checked = marks.map((m) => ({
      sheet: this.sheetName(m.sheet),
      address: normalizeCell(m.address),
      severity: m.severity,
    }));
    for (const m of checked) this.marks.set(`${m.sheet.toLowerCase()}\u0000${m.address}`, m);
    this.marksVersion++;
    this.emit('marks');
  }

  async clearMarks(): Promise<void> {
    if (this.marks.size === 0) return;
    this.marks.clear();
    this.marksVersion++;
    this.emit('marks');
  }

  replaceReportSheet(sheet: string, rows: readonly (readonly CellValue[])[]): Promise<void> {
    return this.rpc.call('replaceReportSheet', sheet, rows);
  }

  readLog(sheet: string): Promise<CellValue[][]> {
    return this.rpc.call('readLog', sheet);
  }

  appendLog(
    sheet: string,
    header: readonly string[],
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    return this.rpc.call('appendLog', sheet, header, rows);
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
    const cell = this.fetched(sheet, address) ?? (await this.rpc.call('cellAt', sheet, address));
    return { sheet, address, ...cell };
  }

  async setFormula(sheet: string, address: string, formula: string): Promise<void> {
    // One cell only: normalizeCell rejects a range address.
    await this.editCell(sheet, normalizeCell(address), formula);
  }

  // ---- helpers --------------------------------------------------------------------------

  private async read(get: () => Promise<Grid>, options?: ReadOptions): Promise<Grid> {
    if (options?.signal?.aborted) throw new CancelledError();
    const grid = await get();
    if (options?.signal?.aborted) throw new CancelledError();
    options?.onProgress?.(grid.values.length, grid.values.length);
    return grid;
  }

  /** Takes in a view from the worker: all of it (`replace`, after a change) or more blocks. */
  private apply(view: WorkbookView, replace: boolean): void {
    this.stamp = view.stamp;
    const before = new Map(this.metas.map((m) => [m.name, m]));
    this.metas = view.sheets;
    if (!replace && view.blocks.length === 0) return;
    const old = this.blocks;
    if (replace) this.blocks = new Map();
    const changed = new Set<string>();
    for (const m of this.metas) {
      const was = before.get(m.name);
      if (!was || JSON.stringify(was) !== JSON.stringify(m)) changed.add(m.name);
    }
    for (const b of view.blocks) {
      let byIndex = this.blocks.get(b.sheet);
      if (!byIndex) this.blocks.set(b.sheet, (byIndex = new Map()));
      const i = Math.floor(b.start / BLOCK_ROWS);
      // An unchanged block stays the same object: the grid's rows need not be drawn again.
      const had = old.get(b.sheet)?.get(i);
      if (had && sameBlock(had, b)) byIndex.set(i, had);
      else {
        byIndex.set(i, b);
        changed.add(b.sheet);
      }
    }
    if (replace) {
      for (const [sheet, byIndex] of old) {
        const now = this.blocks.get(sheet);
        for (const i of byIndex.keys()) if (!now?.has(i)) changed.add(sheet);
      }
    }
    for (const sheet of changed)
      this.sheetVersions.set(sheet, (this.sheetVersions.get(sheet) ?? 0) + 1);
    if (this.active !== undefined && this.meta(this.active) === undefined) {
      const first = this.metas[0]?.name ?? '';
      this.active = first;
      this.selection = { sheet: first, address: 'A1' };
    }
    this.emit(replace ? 'sheets' : 'cells');
  }

  /**
   * After a change in the worker: every sheet's place and first rows, and the rows in view,
   * fetched at once and shown together (one refresh at a time; changes meanwhile, one more).
   */
  private refresh(): void {
    if (this.refreshing) {
      this.again = true;
      return;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        const want: Record<string, number[]> = {};
        const v = this.inView;
        if (v && this.meta(v.sheet)) want[v.sheet] = this.blocksFor(v.sheet, v.first, v.last);
        try {
          this.apply(await this.rpc.call('view', want, true), true);
        } catch {
          return; // the worker was closed
        }
      } while (this.again);
    })().finally(() => {
      this.refreshing = undefined;
    });
  }

  private blocksFor(sheet: string, first: number, last: number): number[] {
    const meta = this.meta(sheet);
    if (!meta || meta.height === 0) return [];
    const from = Math.max(first, meta.top);
    const to = Math.min(last, meta.top + meta.height);
    const out: number[] = [];
    for (let i = Math.floor(from / BLOCK_ROWS); i * BLOCK_ROWS < to; i++) out.push(i);
    return out;
  }

  private blockAt(sheet: string, row: number): RowBlock | undefined {
    const name = this.meta(sheet)?.name ?? sheet;
    return this.blocks.get(name)?.get(Math.floor(row / BLOCK_ROWS));
  }

  private fetched(
    sheet: string,
    address: string,
  ): { value: CellValue; formula: string | null } | undefined {
    const meta = this.meta(sheet);
    if (!meta) return undefined;
    const { row, col } = parseCell(address);
    if (row < meta.top || row >= meta.top + meta.height) return { value: null, formula: null };
    const b = this.blockAt(sheet, row);
    if (!b) return undefined;
    const x = col - meta.left;
    return {
      value: b.values[row - b.start]?.[x] ?? null,
      formula: b.formulas[row - b.start]?.[x] ?? null,
    };
  }

  private meta(sheet: string): SheetMeta | undefined {
    const lower = sheet.toLowerCase();
    return this.metas.find((m) => m.name.toLowerCase() === lower);
  }

  private sheetName(sheet: string): string {
    const meta = this.meta(sheet);
    if (meta === undefined) throw new PreviewHostError(`The sheet "${sheet}" does not exist.`);
    return meta.name;
  }
}
