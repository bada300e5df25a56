/**
 * An in-memory WorkbookHost for the task pane and ribbon tests: sheets are grids anchored at
 * A1, Excel Tables are named rectangles, and every call is recorded so tests can assert what
 * was read and, above all, what was written.
 */
import { parseCell, parseRect, rectAddress } from '../../src/host/a1';
import type {
  Mark,
  ReadOptions,
  Selection,
  SheetInfo,
  SpillParent,
  TableInfo,
  WorkbookHost,
} from '../../src/host/port';
import type { CellValue, Grid } from '../../src/sheets/grid';

export interface FakeSheet {
  values: CellValue[][];
  formulas: (string | null)[][];
}

export type Write =
  | { readonly kind: 'marks'; readonly marks: readonly Mark[] }
  | { readonly kind: 'clearMarks' }
  | { readonly kind: 'report'; readonly sheet: string; readonly rows: number }
  | { readonly kind: 'log'; readonly sheet: string; readonly rows: number }
  | { readonly kind: 'setting'; readonly key: string; readonly value: string }
  | {
      readonly kind: 'formula';
      readonly sheet: string;
      readonly address: string;
      readonly formula: string;
    };

export interface Call {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** Rows of `[value or '=formula', …]`: a string starting with `=` is a formula. */
export type SheetSpec = readonly (readonly (CellValue | undefined)[])[];

export interface FakeHostOptions {
  readonly sheets?: Record<string, SheetSpec>;
  readonly tables?: readonly TableInfo[];
  readonly active?: string;
  readonly selection?: { sheet: string; address: string };
  /** Values a formula cell shows (`Sheet!D7` → value); default null. */
  readonly shown?: Record<string, CellValue>;
  /** Cells filled by a spill, by `Sheet!A1`: their parent, as Range.getSpillParent gives it. */
  readonly spills?: Record<string, SpillParent>;
  /** Rows per read chunk; each chunk waits for `chunkDelay` ms. */
  readonly chunkRows?: number;
  readonly chunkDelay?: number;
  /** Each write of the report sheet and of the log waits this many ms first. */
  readonly writeDelay?: number;
  readonly workbook?: string;
  readonly user?: string | null;
  /** Methods that reject with this error. */
  readonly failures?: Partial<Record<keyof WorkbookHost, Error>>;
  /** Leave readRange out, as a host without it would. */
  readonly withoutReadRange?: boolean;
  /** Document settings the workbook already has. */
  readonly settings?: Record<string, string>;
  /** Leave readSetting and writeSetting out, as a host without document settings would. */
  readonly withoutSettings?: boolean;
}

function abortError(): Error {
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FakeHost implements WorkbookHost {
  readonly kind = 'local' as const;
  readonly sheets = new Map<string, FakeSheet>();
  readonly tables: TableInfo[];
  readonly calls: Call[] = [];
  readonly writes: Write[] = [];
  marked: Mark[] = [];
  active: string;
  selection: { sheet: string; address: string };
  readonly readRange?: (sheet: string, address: string) => Promise<Grid>;
  /** Document settings: saved with the workbook, in no cell. */
  readonly settings: Map<string, string>;
  readonly readSetting?: (key: string) => Promise<string | null>;
  readonly writeSetting?: (key: string, value: string) => Promise<void>;
  private readonly options: FakeHostOptions;

  constructor(options: FakeHostOptions = {}) {
    this.options = options;
    for (const [name, spec] of Object.entries(options.sheets ?? {})) this.setSheet(name, spec);
    this.tables = [...(options.tables ?? [])];
    const first = this.sheets.keys().next().value ?? 'Sheet1';
    this.active = options.active ?? first;
    this.selection = options.selection ?? { sheet: this.active, address: 'A1' };
    this.settings = new Map(Object.entries(options.settings ?? {}));
    if (!options.withoutSettings) {
      this.readSetting = async (key) => {
        this.record('readSetting', key);
        return this.settings.get(key) ?? null;
      };
      this.writeSetting = async (key, value) => {
        this.record('writeSetting', key, value);
        this.writes.push({ kind: 'setting', key, value });
        this.settings.set(key, value);
      };
    }
    if (!options.withoutReadRange) {
      this.readRange = async (sheet, address) => {
        this.record('readRange', sheet, address);
        const rect = parseRect(address);
        const s = this.sheetOf(sheet);
        const values: CellValue[][] = [];
        const formulas: (string | null)[][] = [];
        for (let r = 0; r < rect.rows; r++) {
          values.push([]);
          formulas.push([]);
          for (let c = 0; c < rect.cols; c++) {
            values[r].push(s.values[rect.row + r]?.[rect.col + c] ?? null);
            formulas[r].push(s.formulas[rect.row + r]?.[rect.col + c] ?? null);
          }
        }
        return { sheet, top: rect.row, left: rect.col, values, formulas };
      };
    }
  }

  private readonly editListeners = new Set<(sheet: string) => void>();

  async spillParent(sheet: string, address: string): Promise<SpillParent | null> {
    this.record('spillParent', sheet, address);
    return this.options.spills?.[`${sheet}!${address}`] ?? null;
  }

  /** Heard by the pane as a user's edit in Excel (worksheets.onChanged). */
  async onCellsChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    this.record('onCellsChanged');
    this.editListeners.add(handler);
    return async () => {
      this.editListeners.delete(handler);
    };
  }

  /** The user types a constant into a cell (not one of the add-in's writes). */
  userEdits(sheet: string, address: string, value: CellValue): void {
    const at = parseRect(address);
    const s = this.sheetOf(sheet);
    while (s.values.length <= at.row) s.values.push([]);
    while (s.formulas.length <= at.row) s.formulas.push([]);
    s.values[at.row][at.col] = value;
    s.formulas[at.row][at.col] = null;
    for (const listener of this.editListeners) listener(sheet);
  }

  /** Put a sheet; formula cells show `shown[Sheet!A1]` or null. */
  setSheet(name: string, spec: SheetSpec): void {
    const width = Math.max(0, ...spec.map((r) => r.length));
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    spec.forEach((row, r) => {
      values.push([]);
      formulas.push([]);
      for (let c = 0; c < width; c++) {
        const x = row[c] ?? null;
        const isFormula = typeof x === 'string' && x.startsWith('=');
        const key = `${name}!${rectAddress({ row: r, col: c, rows: 1, cols: 1 })}`;
        values[r].push(isFormula ? (this.options.shown?.[key] ?? null) : x);
        formulas[r].push(isFormula ? x : null);
      }
    });
    this.sheets.set(name, { values, formulas });
  }

  /** Every write that touched a cell of `sheet` (formulas only: marks change formats). */
  cellWrites(sheet: string): Write[] {
    return this.writes.filter(
      (w) => (w.kind === 'formula' || w.kind === 'report' || w.kind === 'log') && w.sheet === sheet,
    );
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.options.failures?.[method as keyof WorkbookHost];
    if (failure) throw failure;
  }

  private sheetOf(name: string): FakeSheet {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`The sheet "${name}" does not exist.`);
    return s;
  }

  private async gridOf(
    sheet: string,
    rect: { row: number; col: number; rows: number; cols: number },
    options: ReadOptions | undefined,
    table?: string,
  ): Promise<Grid> {
    const s = this.sheetOf(sheet);
    const chunk = this.options.chunkRows ?? 1000;
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = 0; r < rect.rows; r += chunk) {
      if (options?.signal?.aborted) throw abortError();
      if (this.options.chunkDelay) await tick(this.options.chunkDelay);
      if (options?.signal?.aborted) throw abortError();
      for (let k = r; k < Math.min(rect.rows, r + chunk); k++) {
        values.push(s.values[rect.row + k].slice(rect.col, rect.col + rect.cols));
        formulas.push(s.formulas[rect.row + k].slice(rect.col, rect.col + rect.cols));
      }
      options?.onProgress?.(Math.min(rect.rows, r + chunk), rect.rows);
    }
    return {
      sheet,
      top: rect.row,
      left: rect.col,
      values,
      formulas,
      ...(table ? { table } : {}),
    };
  }

  async workbookName(): Promise<string> {
    this.record('workbookName');
    return this.options.workbook ?? 'Appraisal.xlsx';
  }

  async userName(): Promise<string | null> {
    this.record('userName');
    return this.options.user === undefined ? 'Audit Clerk' : this.options.user;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.record('listSheets');
    return [...this.sheets.keys()].map((name) => ({
      name,
      tables: this.tables.filter((t) => t.sheet === name),
    }));
  }

  async activeSheet(): Promise<string> {
    this.record('activeSheet');
    return this.active;
  }

  async readSheet(sheet: string, options?: ReadOptions): Promise<Grid> {
    this.record('readSheet', sheet);
    const s = this.sheetOf(sheet);
    const cols = Math.max(0, ...s.values.map((r) => r.length));
    return this.gridOf(sheet, { row: 0, col: 0, rows: s.values.length, cols }, options);
  }

  async readTable(table: string, options?: ReadOptions): Promise<Grid> {
    this.record('readTable', table);
    const t = this.tables.find((x) => x.name === table);
    if (!t) throw new Error(`The table "${table}" does not exist.`);
    return this.gridOf(t.sheet, parseRect(t.address), options, table);
  }

  async recalculate(): Promise<void> {
    this.record('recalculate');
  }

  async writeMarks(marks: readonly Mark[]): Promise<void> {
    this.record('writeMarks', marks);
    this.writes.push({ kind: 'marks', marks });
    this.marked.push(...marks);
  }

  async clearMarks(): Promise<void> {
    this.record('clearMarks');
    this.writes.push({ kind: 'clearMarks' });
    this.marked = [];
  }

  async replaceReportSheet(sheet: string, rows: readonly (readonly CellValue[])[]): Promise<void> {
    if (this.options.writeDelay) await tick(this.options.writeDelay);
    this.record('replaceReportSheet', sheet, rows);
    this.writes.push({ kind: 'report', sheet, rows: rows.length });
    this.setSheet(
      sheet,
      rows.map((r) => [...r]),
    );
  }

  async readLog(sheet: string): Promise<CellValue[][]> {
    this.record('readLog', sheet);
    const s = this.sheets.get(sheet);
    return s ? s.values.map((r) => [...r]) : [];
  }

  async appendLog(
    sheet: string,
    header: readonly string[],
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    if (this.options.writeDelay) await tick(this.options.writeDelay);
    this.record('appendLog', sheet, header, rows);
    this.writes.push({ kind: 'log', sheet, rows: rows.length });
    const s = this.sheets.get(sheet);
    const all = s ? s.values.map((r) => [...r]) : [[...header]];
    all.push(...rows.map((r) => [...r]));
    this.sheets.set(sheet, { values: all, formulas: all.map((r) => r.map(() => null)) });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.record('selectCell', sheet, address);
    this.selection = { sheet, address };
  }

  async getSelection(): Promise<Selection> {
    this.record('getSelection');
    const { sheet, address } = this.selection;
    const cell = parseCell(address);
    const s = this.sheets.get(sheet);
    return {
      sheet,
      address,
      value: s?.values[cell.row]?.[cell.col] ?? null,
      formula: s?.formulas[cell.row]?.[cell.col] ?? null,
    };
  }

  async setFormula(sheet: string, address: string, formula: string): Promise<void> {
    this.record('setFormula', sheet, address, formula);
    this.writes.push({ kind: 'formula', sheet, address, formula });
    const cell = parseCell(address);
    const s = this.sheetOf(sheet);
    while (s.values.length <= cell.row) {
      s.values.push([]);
      s.formulas.push([]);
    }
    s.formulas[cell.row][cell.col] = formula;
    s.values[cell.row][cell.col] = null;
  }
}
