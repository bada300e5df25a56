/**
 * Validation for the marketing department: the active sheet or one chosen Excel Table, checked
 * with src/sheets. A clients or loans table is checked against its managers' grades, so when
 * the target holds one, the other sheets are read too and only the target's findings are kept.
 */
import { parseRect } from '../../host/a1';
import type { WorkbookHost } from '../../host/port';
import { DEFAULT_POLICY, type Policy } from '../../rules';
import { validateWorkbook, type Finding, type FoundTable, type Grid } from '../../sheets';
import { throwIfCancelled, type RunOptions } from './progress';
import { dataSheets, readSheets } from './read';

export interface ValidateRequest extends RunOptions {
  /** An Excel Table's name; the active sheet when omitted. */
  readonly table?: string;
  readonly policy?: Policy;
}

export interface ValidateResult {
  readonly sheet: string;
  readonly table?: string;
  readonly tables: readonly FoundTable[];
  readonly rows: number;
  readonly findings: readonly Finding[];
}

/** True when the finding lies on the grid that was asked for. */
function onTarget(f: Finding, target: Grid): boolean {
  if (f.sheet !== target.sheet) return false;
  if (target.table === undefined) return true;
  const cell = parseRect(f.address);
  const rows = target.values.length;
  const cols = target.values[0]?.length ?? 0;
  return (
    cell.row >= target.top &&
    cell.row < target.top + rows &&
    cell.col >= target.left &&
    cell.col < target.left + cols
  );
}

export async function validateActive(
  host: WorkbookHost,
  request: ValidateRequest = {},
): Promise<ValidateResult> {
  const policy = request.policy ?? DEFAULT_POLICY;
  const { signal, onProgress } = request;
  throwIfCancelled(signal);
  onProgress?.({ phase: 'read', fraction: 0 });
  const readOptions = {
    ...(signal ? { signal } : {}),
    onProgress: (done: number, total: number) =>
      onProgress?.({ phase: 'read', fraction: total > 0 ? (0.5 * done) / total : 0 }),
  };
  const target = request.table
    ? await host.readTable(request.table, readOptions)
    : await host.readSheet(await host.activeSheet(), readOptions);
  throwIfCancelled(signal);

  onProgress?.({ phase: 'check', fraction: 0.5 });
  let report = validateWorkbook([target], { policy });
  const linked = report.tables.some((t) => t.kind === 'clients' || t.kind === 'loans');
  if (linked) {
    // Art. 12 and Art. 25(3) compare with the managers' grades in the appraisal tables.
    const others = (await dataSheets(host)).filter((s) => s !== target.sheet);
    const grids = await readSheets(host, others, request, { from: 0.5, to: 0.9 });
    throwIfCancelled(signal);
    const full = validateWorkbook([...grids, target], { policy });
    report = { ...full, findings: full.findings.filter((f) => onTarget(f, target)) };
  }
  onProgress?.({ phase: 'check', fraction: 1 });
  const tables = report.tables.filter((t) => t.sheet === target.sheet);
  return {
    sheet: target.sheet,
    ...(request.table ? { table: request.table } : {}),
    tables,
    rows: tables.reduce((n, t) => n + t.rows, 0),
    findings: report.findings,
  };
}
