/**
 * The messages between the preview page and its engine worker (engine.worker.ts): the page asks,
 * the worker answers each request by its id; a validate or audit run also reports progress and
 * can be cancelled; the worker announces every change to its workbook. Everything crossing is
 * structured-clone data (no functions, no class instances), so errors cross as WireError.
 */
import type { CellInput } from '../engine';
import type { CellValue, Grid, SpillArea } from '../sheets/grid';
import type { SpillParent } from '../sheets/spills';
import type { Policy, Text } from '../rules';
import type { SheetInfo } from '../host/port';
import type { AuditRequest, AuditSummary } from '../taskpane/workflows/audit';
import type { Progress } from '../taskpane/workflows/progress';
import type { ValidateRequest, ValidateResult } from '../taskpane/workflows/validate';

/** The worker's script, built beside preview.html (webpack.config.js PREVIEW_WORKER_ENTRY). */
export const WORKER_FILE = 'preview-engine.js';

/** Rows per block of a sheet the page asks for (the grid shows a few dozen at a time). */
export const BLOCK_ROWS = 200;

/** One sheet as the grid draws it: where its used range lies, and whether it is protected. */
export interface SheetMeta {
  readonly name: string;
  readonly protected: boolean;
  /** The used range: 0-based top-left cell, rows and columns. */
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
  readonly spills?: readonly SpillArea[];
}

/** Rows [start, start + values.length) of a sheet's used range (0-based sheet rows). */
export interface RowBlock {
  readonly sheet: string;
  readonly start: number;
  readonly values: readonly (readonly CellValue[])[];
  readonly formulas: readonly (readonly (string | null)[])[];
  /** Number formats, null for General; same shape as values. */
  readonly formats: readonly (readonly (string | null)[])[];
  /** The message of each error cell that has one, by `row,col` (0-based sheet cells). */
  readonly errors: Readonly<Record<string, string>>;
}

/** What the page shows of the workbook at one moment of the worker (its change count). */
export interface WorkbookView {
  readonly stamp: number;
  readonly sheets: readonly SheetMeta[];
  readonly blocks: readonly RowBlock[];
}

/** The request of a validate run as it crosses (no signal, no callback). */
export type WireValidateRequest = Omit<ValidateRequest, 'signal' | 'onProgress'>;
/** The request of an audit run as it crosses (no signal, callbacks or injected clocks). */
export type WireAuditRequest = Omit<AuditRequest, 'signal' | 'onProgress' | 'now' | 'sleep'>;

/** The calls the page makes on the worker's LocalHost; each answered once. */
export interface Calls {
  listSheets(): Promise<SheetInfo[]>;
  readSheet(sheet: string): Promise<Grid>;
  readSavedSheet(sheet: string): Promise<Grid>;
  readRange(sheet: string, address: string): Promise<Grid>;
  readTable(table: string): Promise<Grid>;
  readSetting(key: string): Promise<string | null>;
  writeSetting(key: string, value: string): Promise<void>;
  spillParent(sheet: string, address: string): Promise<SpillParent | null>;
  recalculate(): Promise<void>;
  replaceReportSheet(sheet: string, rows: readonly (readonly CellValue[])[]): Promise<void>;
  readLog(sheet: string): Promise<CellValue[][]>;
  appendLog(
    sheet: string,
    header: readonly string[],
    rows: readonly (readonly CellValue[])[],
  ): Promise<void>;
  editCell(sheet: string, address: string, input: CellInput): Promise<void>;
  cellAt(sheet: string, address: string): Promise<{ value: CellValue; formula: string | null }>;
  /** The .xlsx bytes (LocalHost.save): transferred, not copied. */
  save(): Promise<Uint8Array>;
  /** Every sheet's place, the blocks asked for by sheet name, and each sheet's first (`first`). */
  view(want: Readonly<Record<string, readonly number[]>>, first: boolean): Promise<WorkbookView>;
}

export type CallName = keyof Calls;

/** An error as it crosses: WorkflowError keeps its two-language text, AbortError its name. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly text?: Text;
}

export type ToWorker =
  | {
      readonly kind: 'open';
      readonly id: number;
      readonly bytes: Uint8Array;
      readonly name: string;
      readonly policy?: Policy;
    }
  | {
      readonly kind: 'call';
      readonly id: number;
      readonly method: CallName;
      readonly args: readonly unknown[];
    }
  | {
      readonly kind: 'validate';
      readonly id: number;
      readonly request: WireValidateRequest;
      /** The sheet the page shows (the active sheet is the page's, not the worker's). */
      readonly active: string;
    }
  | {
      readonly kind: 'audit';
      readonly id: number;
      readonly request: WireAuditRequest;
      readonly active: string;
    }
  | { readonly kind: 'cancel'; readonly id: number }
  /** The page's answer to `may-write`: true when the run was not cancelled. */
  | { readonly kind: 'write-answer'; readonly id: number; readonly ok: boolean };

export type FromWorker =
  | { readonly kind: 'result'; readonly id: number; readonly value: unknown }
  | { readonly kind: 'error'; readonly id: number; readonly error: WireError }
  | { readonly kind: 'progress'; readonly id: number; readonly progress: Progress }
  /**
   * Before a run's first write: may it write? The page answers from its own Cancel (it alone
   * knows whether the user cancelled first), so a run the page shows as cancelled never writes
   * and a run that writes is never shown as cancelled.
   */
  | { readonly kind: 'may-write'; readonly id: number }
  /** The workbook changed (LocalHost's change kinds); `stamp` is the worker's change count. */
  | { readonly kind: 'changed'; readonly stamp: number; readonly change: string }
  /** A cell was edited (the pane marks its findings out of date). */
  | { readonly kind: 'edited'; readonly sheet: string };

/** What each run gives. */
export interface RunResults {
  readonly validate: ValidateResult;
  readonly audit: AuditSummary;
}
