/**
 * The preview's engine, in a Web Worker (issue 14): the workbook is read, evaluated, validated,
 * audited and saved here, so the page stays responsive whatever the workbook's size. The page
 * (worker-host.ts) talks to it in the messages of protocol.ts; the validate and audit runs are
 * the task pane's own workflows over this worker's LocalHost, so their findings, report sheet
 * and log record are the ones the pane computes everywhere else.
 */
import { functionSetFor, loadWorkbook, readAddinDocument } from '../engine';
import { LocalHost } from '../host/local-host';
import type { Grid } from '../sheets/grid';
import { runAudit } from '../taskpane/workflows/audit';
import type { Progress } from '../taskpane/workflows/progress';
import { validateActive } from '../taskpane/workflows/validate';
import {
  BLOCK_ROWS,
  type Calls,
  type FromWorker,
  type RowBlock,
  type SheetMeta,
  type ToWorker,
  type WorkbookView,
} from './protocol';
import { RunHost } from './run-host';
import { toWire } from './wire-error';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let host: LocalHost | undefined;
/** Used ranges read once per change of the workbook (the page asks for blocks of them). */
let grids = new Map<string, Grid>();
const runs = new Map<number, AbortController>();
/** Runs waiting for the page's answer to `may-write`, by run id. */
const writeAnswers = new Map<number, (ok: boolean) => void>();

function post(message: FromWorker, transfer?: Transferable[]): void {
  scope.postMessage(message, transfer ?? []);
}

function opened(): LocalHost {
  if (!host) throw new Error('No workbook is open.');
  return host;
}

function gridOf(h: LocalHost, sheet: string): Grid {
  let g = grids.get(sheet);
  if (!g) {
    g = h.workbook.grid(sheet);
    grids.set(sheet, g);
  }
  return g;
}

function metaOf(h: LocalHost, sheet: string): SheetMeta {
  const g = gridOf(h, sheet);
  const width = g.values.reduce((n, r) => Math.max(n, r.length), 0);
  return {
    name: sheet,
    protected: h.isProtected(sheet),
    top: g.top,
    left: g.left,
    height: g.values.length,
    width,
    ...(g.spills ? { spills: g.spills } : {}),
  };
}

function blockOf(h: LocalHost, sheet: string, index: number): RowBlock | undefined {
  const g = gridOf(h, sheet);
  const start = Math.max(index * BLOCK_ROWS, g.top);
  const end = Math.min((index + 1) * BLOCK_ROWS, g.top + g.values.length);
  if (start >= end) return undefined;
  const values = g.values.slice(start - g.top, end - g.top);
  const formulas = g.formulas.slice(start - g.top, end - g.top);
  const errors: Record<string, string> = {};
  const formats = values.map((row, y) =>
    row.map((v, x) => {
      const r = start + y;
      const c = g.left + x;
      if (typeof v === 'string' && v.startsWith('#')) {
        const message = h.errorMessage(sheet, r, c);
        if (message !== null) errors[`${r},${c}`] = message;
      }
      if (typeof v !== 'number') return null;
      const format = h.workbook.formatAt(sheet, r, c);
      return format === 'General' ? null : format;
    }),
  );
  return { sheet, start, values, formulas, formats, errors };
}

function view(
  h: LocalHost,
  want: Readonly<Record<string, readonly number[]>>,
  first: boolean,
): WorkbookView {
  const names = h.workbook.sheetNames();
  const blocks: RowBlock[] = [];
  const asked = new Map<string, Set<number>>();
  for (const [sheet, indexes] of Object.entries(want)) {
    if (names.includes(sheet)) asked.set(sheet, new Set(indexes));
  }
  if (first) {
    for (const sheet of names) {
      const g = gridOf(h, sheet);
      const set = asked.get(sheet) ?? new Set<number>();
      set.add(Math.floor(g.top / BLOCK_ROWS));
      asked.set(sheet, set);
    }
  }
  for (const [sheet, indexes] of asked) {
    for (const i of indexes) {
      const b = blockOf(h, sheet, i);
      if (b) blocks.push(b);
    }
  }
  return { stamp: h.version, sheets: names.map((n) => metaOf(h, n)), blocks };
}

const calls: Calls = {
  listSheets: () => opened().listSheets(),
  readSheet: (sheet) => opened().readSheet(sheet),
  readSavedSheet: (sheet) => opened().readSavedSheet(sheet),
  readRange: (sheet, address) => opened().readRange(sheet, address),
  readTable: (table) => opened().readTable(table),
  readSetting: (key) => opened().readSetting(key),
  writeSetting: (key, value) => opened().writeSetting(key, value),
  spillParent: (sheet, address) => opened().spillParent(sheet, address),
  recalculate: () => opened().recalculate(),
  replaceReportSheet: (sheet, rows) => opened().replaceReportSheet(sheet, rows),
  readLog: (sheet) => opened().readLog(sheet),
  appendLog: (sheet, header, rows) => opened().appendLog(sheet, header, rows),
  editCell: (sheet, address, input) => opened().editCell(sheet, address, input),
  cellAt: async (sheet, address) => opened().cellAt(sheet, address),
  // A copy: the bytes given may share their buffer with the workbook's own.
  save: async () => (await opened().save()).slice(),
  view: async (want, first) => view(opened(), want, first),
};

async function open({ bytes, name, policy }: ToWorker & { kind: 'open' }) {
  // The CM functions in the workbook evaluate under the active policy (a deployed file, a draft).
  const options = policy ? { functions: functionSetFor(policy) } : {};
  const [workbook, document] = await Promise.all([
    loadWorkbook(bytes, options),
    readAddinDocument(bytes),
  ]);
  const next = new LocalHost(workbook, { name, document });
  host = next;
  grids = new Map();
  next.subscribe((change) => {
    grids = new Map();
    post({ kind: 'changed', stamp: next.version, change });
  });
  void next.onCellsChanged((sheet) => post({ kind: 'edited', sheet }));
  return next.workbook.sheetNames();
}

/** Runs one validate or audit with progress and Cancel; answers with its result. */
async function run(
  id: number,
  active: string,
  work: (host: RunHost, signal: AbortSignal, progress: (p: Progress) => void) => unknown,
) {
  const controller = new AbortController();
  runs.set(id, controller);
  try {
    const mayWrite = () =>
      new Promise<boolean>((resolve) => {
        writeAnswers.set(id, resolve);
        post({ kind: 'may-write', id });
      });
    const value = await work(
      new RunHost(opened(), controller.signal, active, mayWrite),
      controller.signal,
      (progress) => post({ kind: 'progress', id, progress }),
    );
    post({ kind: 'result', id, value });
  } catch (e) {
    post({ kind: 'error', id, error: toWire(e) });
  } finally {
    runs.delete(id);
    writeAnswers.delete(id);
  }
}

async function answer(id: number, compute: () => Promise<unknown>): Promise<void> {
  try {
    const value = await compute();
    post(
      { kind: 'result', id, value },
      value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : undefined,
    );
  } catch (e) {
    post({ kind: 'error', id, error: toWire(e) });
  }
}

scope.onmessage = (event) => {
  const m = event.data;
  switch (m.kind) {
    case 'open':
      void answer(m.id, () => open(m));
      return;
    case 'call': {
      const method = calls[m.method] as (...args: readonly unknown[]) => Promise<unknown>;
      void answer(m.id, () => method(...m.args));
      return;
    }
    case 'validate':
      void run(m.id, m.active, (h, signal, onProgress) =>
        validateActive(h, { ...m.request, signal, onProgress }),
      );
      return;
    case 'audit':
      void run(m.id, m.active, (h, signal, onProgress) =>
        runAudit(h, { ...m.request, signal, onProgress }),
      );
      return;
    case 'cancel':
      runs.get(m.id)?.abort();
      return;
    case 'write-answer':
      writeAnswers.get(m.id)?.(m.ok);
      writeAnswers.delete(m.id);
      return;
  }
};
