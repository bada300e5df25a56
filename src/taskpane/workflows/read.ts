/**
 * Reading sheets through the port with one progress bar over all of them, and knowing which
 * sheets are the add-in's own (reports, the audit log, the marks store) and never data.
 */
import { MARKS_SHEET } from '../../host/marks-store';
import type { WorkbookHost } from '../../host/port';
import type { Grid } from '../../sheets/grid';
import { LOG_SHEET, REPORT_SHEET } from './names';
import { throwIfCancelled, type Phase, type RunOptions } from './progress';

const OWN_SHEETS: ReadonlySet<string> = new Set([MARKS_SHEET, LOG_SHEET, REPORT_SHEET]);

/** True for a sheet the add-in writes itself (no user data on it). */
export function isOwnSheet(name: string): boolean {
  return OWN_SHEETS.has(name);
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
): Promise<Grid[]> {
  const grids: Grid[] = [];
  const share = (span.to - span.from) / Math.max(1, sheets.length);
  for (let i = 0; i < sheets.length; i++) {
    throwIfCancelled(options.signal);
    const sheet = sheets[i];
    const at = span.from + i * share;
    options.onProgress?.({ phase: span.phase ?? 'read', fraction: at, sheet });
    grids.push(
      await host.readSheet(sheet, {
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

/** Every sheet holding user data, in workbook order. */
export async function dataSheets(host: WorkbookHost): Promise<string[]> {
  return (await host.listSheets()).map((s) => s.name).filter((name) => !isOwnSheet(name));
}
