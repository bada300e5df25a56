/**
 * Reading sheets through the port with one progress bar over all of them, and knowing which
 * sheets are the add-in's own (reports, the audit log, the marks store) and never data.
 */
import { MARKS_SHEET } from '../../host/marks-store';
import type { ReadOptions, WorkbookHost } from '../../host/port';
import { findOwnSheets, MARKER_COLS, MARKER_RANGE, MARKER_ROWS } from '../../sheets';
import type { Grid } from '../../sheets/grid';
import type { OwnSheets } from '../../sheets/own-sheets';
import { throwIfCancelled, type Phase, type RunOptions } from './progress';

/**
 * True for the marks store, the one sheet the add-in knows by name. The audit's report and log
 * are known by their marker instead (ownSheetsOf): a user's sheet may share their names.
 */
export function isOwnSheet(name: string): boolean {
  return name === MARKS_SHEET;
}

/** Every sheet's name but the marks store, in workbook order. */
export async function allSheets(host: WorkbookHost): Promise<string[]> {
  return (await host.listSheets()).map((s) => s.name).filter((name) => !isOwnSheet(name));
}

/** The audit's report and log sheets, by the marker at their top-left corner. */
export async function ownSheetsOf(host: WorkbookHost): Promise<OwnSheets> {
  const sheets = await allSheets(host);
  const corners = await Promise.all(
    sheets.map(async (sheet) => {
      if (host.readRange)
        return { sheet, corner: (await host.readRange(sheet, MARKER_RANGE)).values };
      const g = await host.readSheet(sheet);
      // The used range may start below or right of A1: place it at A1 first.
      const corner = Array.from({ length: MARKER_ROWS }, (_, r) =>
        Array.from({ length: MARKER_COLS }, (_, c) => g.values[r - g.top]?.[c - g.left] ?? null),
      );
      return { sheet, corner };
    }),
  );
  return findOwnSheets(corners);
}

/** Part [from, to] of the whole run's progress bar goes to reading these sheets in turn. */
export interface ReadSpan {
  readonly from: number;
  readonly to: number;
  readonly phase?: Phase;
}

export async function readSheets(
  host: WorkbookHost,
  sheets: readonly string[],
  options: RunOptions,
  span: ReadSpan = { from: 0, to: 1 },
  /** How to read one sheet (default: host.readSheet). */
  reader?: (sheet: string, options?: ReadOptions) => Promise<Grid>,
): Promise<Grid[]> {
  const read = reader ?? ((sheet: string, o?: ReadOptions) => host.readSheet(sheet, o));
  const grids: Grid[] = [];
  const share = (span.to - span.from) / Math.max(1, sheets.length);
  for (let i = 0; i < sheets.length; i++) {
    throwIfCancelled(options.signal);
    const sheet = sheets[i];
    const at = span.from + i * share;
    options.onProgress?.({ phase: span.phase ?? 'read', fraction: at, sheet });
    grids.push(
      await read(sheet, {
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (done, total) =>
          options.onProgress?.({
            phase: span.phase ?? 'read',
            fraction: at + (total > 0 ? (share * done) / total : 0),
            sheet,
          }),
      }),
    );
  }
  throwIfCancelled(options.signal);
  return grids;
}

/** Every sheet holding user data, in workbook order: all but the audit's own (by marker). */
export async function dataSheets(host: WorkbookHost, own?: OwnSheets): Promise<string[]> {
  const found = own ?? (await ownSheetsOf(host));
  const skip = new Set([...found.reports, ...found.logs]);
  return (await allSheets(host)).filter((name) => !skip.has(name));
}
