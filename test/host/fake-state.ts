/** The fake Excel's data: sheets of cells with a fill each, and how Office errors look. */
import type { RectRef } from '../../src/host/a1';

export interface FillState {
  color: string;
  pattern: string;
  patternColor: string | null;
}

export interface CellState {
  /** '' for empty, as Office.js reports it. */
  value: string | number | boolean;
  formula: string | null;
  fill: FillState;
}

export interface SheetState {
  name: string;
  cells: Map<string, CellState>;
  visibility: string;
  protected: boolean;
  /** Bumped on every write, so the used range is computed once per state. */
  revision: number;
  /**
   * Dynamic-array results: anchor key(row, col) → the range filled, anchor included. The
   * spilled cells themselves hold a value and no formula, as Excel reports them.
   */
  spills?: Map<string, RectRef>;
}

export interface TableState {
  name: string;
  sheet: string;
  rect: RectRef;
}

/** Excel reports a cell without fill as white with pattern None. */
export const NO_FILL: Readonly<FillState> = {
  color: '#FFFFFF',
  pattern: 'None',
  patternColor: null,
};

/** Office.js errors carry a string `code` (OfficeExtension.Error). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

export function cellAt(sheet: SheetState, row: number, col: number): CellState | undefined {
  return sheet.cells.get(key(row, col));
}

export function ensureCell(sheet: SheetState, row: number, col: number): CellState {
  let cell = sheet.cells.get(key(row, col));
  if (!cell)
    sheet.cells.set(key(row, col), (cell = { value: '', formula: null, fill: { ...NO_FILL } }));
  return cell;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * What Excel stores when a value is written as if typed: `=` starts a formula, a leading `'`
 * forces text (and is not stored), number- and boolean-looking text is converted.
 */
export function applyTyped(cell: CellState, input: unknown): void {
  cell.formula = null;
  if (typeof input === 'string') {
    if (input.startsWith("'")) cell.value = input.slice(1);
    else if (input.startsWith('=')) {
      cell.formula = input;
      cell.value = '';
    } else if (NUMBER.test(input)) cell.value = Number(input);
    else if (/^(true|false)$/i.test(input)) cell.value = input.toLowerCase() === 'true';
    else cell.value = input;
  } else if (typeof input === 'number' || typeof input === 'boolean') cell.value = input;
  else cell.value = '';
}

const usedCache = new WeakMap<SheetState, Map<string, RectRef | null>>();

/** The bounding box of used cells, or null. `valuesOnly` ignores cells that only have a fill. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): RectRef | null {
  const cacheKey = `${sheet.revision}:${valuesOnly}`;
  let cache = usedCache.get(sheet);
  if (!cache) usedCache.set(sheet, (cache = new Map()));
  if (!cache.has(cacheKey)) {
    cache.clear();
    cache.set(cacheKey, computeUsedRect(sheet, valuesOnly));
  }
  return cache.get(cacheKey) ?? null;
}

function computeUsedRect(sheet: SheetState, valuesOnly: boolean): RectRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, cell] of sheet.cells) {
    const hasContent = cell.value !== '' || cell.formula !== null;
    if (!hasContent && (valuesOnly || cell.fill.pattern === 'None')) continue;
    const [row, col] = k.split(',').map(Number);
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  if (bottom < 0) return null;
  return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** An operation queued on the request context, run at `sync()`. */
export interface QueuedOp {
  /** What goes over the wire for it (sized as JSON). */
  readonly request: unknown;
  /** Runs against the state; returns loaded properties to commit if the sync succeeds. */
  run(): { response?: unknown; commit?: () => void };
}

export interface WriteRecord {
  readonly sheet: string;
  /** A1 address without sheet; `*` for the whole sheet. */
  readonly address: string;
  /** `values`, `formulas`, `format.fill.color`, `format.fill.clear`, `clear`, `protect`, … */
  readonly property: string;
  readonly value?: unknown;
}

/** What proxies need from the fake: its state and a queue. */
export interface FakeSession {
  enqueue(op: QueuedOp): void;
  record(write: WriteRecord): void;
  readonly state: WorkbookState;
}

export interface WorkbookState {
  name: string;
  sheets: SheetState[];
  tables: TableState[];
  activeSheet: string;
  activeCell: { sheet: string; row: number; col: number };
  calculations: string[];
  /**
   * What `application.calculationState` loads as, in turn (ExcelApi 1.9); 'Done' once empty.
   */
  calculationStates: string[];
  /** Runs when `application.calculate` is applied: a test's stand-in for Excel recalculating. */
  onCalculate?: () => void;
  /** Document settings (`workbook.settings`), as stored. */
  settings: Map<string, unknown>;
  /** Handlers of `worksheets.onSelectionChanged` that are registered (added and synced). */
  selectionHandlers: Set<(args: unknown) => Promise<unknown>>;
}
