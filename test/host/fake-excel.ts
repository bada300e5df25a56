/**
 * A fake Excel JavaScript API for the Office adapter's tests: the subset office-host.ts calls,
 * with Office's load/sync semantics. It counts syncs, records every write, sizes each sync's
 * request (queued operations) and response (loaded results) as UTF-8 JSON, and can fail a sync
 * with `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded` like Excel on
 * the web: over a byte limit, or on chosen sync numbers.
 *
 * One simplification: a response found too large after a mixed batch has already applied that
 * batch's writes. The adapter never mixes large loads with writes in one sync.
 */
import { type CellValue } from '../../src/sheets/grid';
import { parseCell, parseRect, type RectRef } from '../../src/host/a1';
import type { ExcelRun, XContext } from '../../src/host/excel-api';
import { PAYLOAD_LIMIT_BYTES, jsonBytes } from '../../src/host/payload';
import { FakeWorkbook } from './fake-proxies';
import {
  type CellState,
  type FakeSession,
  type FillState,
  type QueuedOp,
  type SheetState,
  type WorkbookState,
  type WriteRecord,
  FakeOfficeError,
  NO_FILL,
  cellAt,
  ensureCell,
} from './fake-state';

export { FakeOfficeError, NO_FILL };
export type { WriteRecord };

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** Request and response together: what must stay under the 5 MB limit. */
  readonly bytes: number;
  readonly failed?: string;
}

export interface SeedOptions {
  /** 0-based position of values[0][0]. */
  readonly top?: number;
  readonly left?: number;
  /** Same shape as values; a string starting with `=` makes that cell a formula. */
  readonly formulas?: readonly (readonly (string | null)[])[];
}

type Batch<T> = (context: XContext) => Promise<T>;

class FakeContext implements XContext, FakeSession {
  readonly workbook: FakeWorkbook;
  private pending: QueuedOp[] = [];

  constructor(private readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get state(): WorkbookState {
    return this.excel.state;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  enqueue(op: QueuedOp): void {
    this.pending.push(op);
  }

  record(write: WriteRecord): void {
    this.excel.writes.push(write);
    const sheet = this.state.sheets.find((s) => s.name === write.sheet);
    if (sheet) sheet.revision += 1;
  }

  async sync(): Promise<void> {
    // Like Office, the queue goes out with the request whatever becomes of it.
    const ops = this.pending;
    this.pending = [];
    const excel = this.excel;
    const number = excel.syncs.length + 1;
    const requestBytes = jsonBytes(ops.map((op) => op.request));
    const fail = (code: string, responseBytes = 0): never => {
      excel.syncs.push({
        requestBytes,
        responseBytes,
        bytes: requestBytes + responseBytes,
        failed: code,
      });
      throw new FakeOfficeError(code, `${code} (sync ${number})`);
    };
    const forced = excel.failOnSync.get(number);
    if (forced) {
      excel.failOnSync.delete(number);
      fail(forced);
    }
    if (requestBytes > excel.payloadLimitBytes) fail('RequestPayloadSizeLimitExceeded');
    const commits: (() => void)[] = [];
    const responses: unknown[] = [];
    for (const op of ops) {
      const { response, commit } = op.run();
      if (response !== undefined) responses.push(response);
      if (commit) commits.push(commit);
    }
    const responseBytes = jsonBytes(responses);
    if (requestBytes + responseBytes > excel.payloadLimitBytes) {
      fail('ResponsePayloadSizeLimitExceeded', responseBytes);
    }
    commits.forEach((commit) => commit());
    excel.syncs.push({ requestBytes, responseBytes, bytes: requestBytes + responseBytes });
  }
}

export class FakeExcel {
  readonly state: WorkbookState = {
    name: 'Appraisal.xlsx',
    sheets: [],
    tables: [],
    activeSheet: '',
    activeCell: { sheet: '', row: 0, col: 0 },
    calculations: [],
    calculationStates: [],
    settings: new Map(),
    selectionHandlers: new Set(),
  };
  readonly writes: WriteRecord[] = [];
  readonly syncs: SyncRecord[] = [];
  /** Sync number (1-based, counted like `syncs`) → error code to fail it with, once. */
  readonly failOnSync = new Map<number, string>();
  payloadLimitBytes = PAYLOAD_LIMIT_BYTES;
  /** Excel.run calls so far. */
  runs = 0;

  /**
   * Use as OfficeHost's `run`. Like Excel.run, flushes what the batch left queued; given the
   * context of an earlier batch, runs this one on that same context.
   */
  readonly run: ExcelRun = async <T>(first: XContext | Batch<T>, second?: Batch<T>): Promise<T> => {
    this.runs += 1;
    const reused = typeof first === 'function' ? undefined : first;
    if (reused !== undefined && !(reused instanceof FakeContext)) {
      throw new Error('fake run: not a context of this fake');
    }
    const context = reused ?? new FakeContext(this);
    const batch = (typeof first === 'function' ? first : second) as Batch<T>;
    const result = await batch(context);
    if (context.hasPending) await context.sync();
    return result;
  };

  addSheet(
    name: string,
    values: readonly (readonly CellValue[])[] = [],
    options: SeedOptions = {},
  ): this {
    const sheet: SheetState = {
      name,
      cells: new Map(),
      visibility: 'Visible',
      protected: false,
      revision: 0,
    };
    const top = options.top ?? 0;
    const left = options.left ?? 0;
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        const formula = options.formulas?.[r]?.[c] ?? null;
        if (value === null && formula === null) return;
        const cell = ensureCell(sheet, top + r, left + c);
        cell.value = value ?? '';
        cell.formula = formula;
      }),
    );
    this.state.sheets.push(sheet);
    if (!this.state.activeSheet) {
      this.state.activeSheet = name;
      this.state.activeCell = { sheet: name, row: 0, col: 0 };
    }
    return this;
  }

  addTable(name: string, sheet: string, address: string): this {
    this.state.tables.push({ name, sheet, rect: parseRect(address) });
    return this;
  }

  sheet(name: string): SheetState {
    const sheet = this.state.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  hasSheet(name: string): boolean {
    return this.state.sheets.some((s) => s.name === name);
  }

  cell(sheet: string, address: string): CellState | undefined {
    const { row, col } = parseCell(address);
    return cellAt(this.sheet(sheet), row, col);
  }

  fill(sheet: string, address: string): FillState {
    return { ...(this.cell(sheet, address)?.fill ?? NO_FILL) };
  }

  /** Give a cell a fill the user chose, before the test starts. */
  setFill(sheet: string, address: string, fill: Partial<FillState>): void {
    const { row, col } = parseCell(address);
    const cell = ensureCell(this.sheet(sheet), row, col);
    cell.fill = { ...cell.fill, pattern: 'Solid', ...fill };
    this.sheet(sheet).revision += 1;
  }

  /** A sheet's content as values, the way Office.js would show it ('' → null). */
  valuesOf(name: string, rect?: RectRef): CellValue[][] {
    const sheet = this.sheet(name);
    let bottom = 0;
    let right = 0;
    for (const k of sheet.cells.keys()) {
      const [r, c] = k.split(',').map(Number);
      const cell = sheet.cells.get(k) as CellState;
      if (cell.value === '' && cell.formula === null) continue;
      bottom = Math.max(bottom, r + 1);
      right = Math.max(right, c + 1);
    }
    const area = rect ?? { row: 0, col: 0, rows: bottom, cols: right };
    const out: CellValue[][] = [];
    for (let r = 0; r < area.rows; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < area.cols; c++) {
        const v = cellAt(sheet, area.row + r, area.col + c)?.value ?? '';
        line.push(v === '' ? null : v);
      }
      out.push(line);
    }
    return out;
  }

  /** A document setting as stored, or undefined. */
  setting(key: string): unknown {
    return this.state.settings.get(key);
  }

  /** How many selection handlers are registered now. */
  get selectionHandlerCount(): number {
    return this.state.selectionHandlers.size;
  }

  /** The user selects a cell: moves the active cell and calls every registered handler. */
  async select(sheet: string, address: string): Promise<void> {
    const { row, col } = parseCell(address);
    this.state.activeSheet = sheet;
    this.state.activeCell = { sheet, row, col };
    const args = { type: 'WorksheetSelectionChanged', address, worksheetId: sheet };
    await Promise.all([...this.state.selectionHandlers].map((handler) => handler(args)));
  }

  /** Forget counters between phases of a test. */
  resetCounters(): void {
    this.writes.length = 0;
    this.syncs.length = 0;
  }
}
