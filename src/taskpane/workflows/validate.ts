/**
 * Validation for the marketing department: the whole workbook by default, or the active sheet,
 * or one chosen Excel Table, checked with src/sheets. A clients or loans table is checked
 * against its managers' grades, so when the target holds one, the other sheets are read too
 * and only the target's findings are kept.
 */
import { parseRect } from '../../host/a1';
import type { WorkbookHost } from '../../host/port';
import { DEFAULT_POLICY, type Policy } from '../../rules';
import { validateWorkbook, type Finding, type FoundTable, type Grid } from '../../sheets';
import { throwIfCancelled, type RunOptions } from './progress';
import { dataSheets, readSheets } from './read';

/** What Validate checks: every data sheet, the active sheet, or one Excel Table. */
export type ValidateScope =
  | { readonly kind: 'workbook' }
  | { readonly kind: 'sheet' }
  | { readonly kind: 'table'; readonly table: string };

export interface ValidateRequest extends RunOptions {
  /** The whole workbook when omitted. */
  readonly scope?: ValidateScope;
  /** Shorthand for `scope: { kind: 'table', table }`. */
  readonly table?: string;
  readonly policy?: Policy;
}

export interface ValidateResult {
  /** The sheet checked; undefined when the whole workbook was. */
  readonly sheet?: string;
  readonly table?: string;
  /** The sheets read, in workbook order. */
  readonly sheets: readonly string[];
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

function scopeOf(request: ValidateRequest): ValidateScope {
  if (request.scope) return request.scope;
  if (request.table) return { kind: 'table', table: request.table };
  return { kind: 'workbook' };
}

/** Every data sheet at once: links between sheets (Art. 12, Art. 25) are all checked. */
async function validateAll(
  host: WorkbookHost,
  request: ValidateRequest,
  policy: Policy,
): Promise<ValidateResult> {
  const sheets = await dataSheets(host);
  const grids = await readSheets(host, sheets, request, { from: 0, to: 0.8 });
  request.onProgress?.({ phase: 'check', fraction: 0.8 });
  const report = validateWorkbook(grids, { policy });
  request.onProgress?.({ phase: 'check', fraction: 1 });
  return {
    sheets,
    tables: report.tables,
    rows: report.tables.reduce((n, t) => n + t.rows, 0),
    findings: report.findings,
  };
}

export async function validateActive(
  host: WorkbookHost,
  request: ValidateRequest = {},
): Promise<ValidateResult> {
  const policy = request.policy ?? DEFAULT_POLICY;
  const { signal, onProgress } = request;
  const scope = scopeOf(request);
  throwIfCancelled(signal);
  onProgress?.({ phase: 'read', fraction: 0 });
  if (scope.kind === 'workbook') return validateAll(host, request, policy);
  const readOptions = {
    ...(signal ? { signal } : {}),
    onProgress: (done: number, total: number) =>
      onProgress?.({ phase: 'read', fraction: total > 0 ? (0.5 * done) / total : 0 }),
  };
  const target =
    scope.kind === 'table'
      ? await host.readTable(scope.table, readOptions)
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
    ...(scope.kind === 'table' ? { table: scope.table } : {}),
    sheets: [target.sheet],
    tables,
    rows: tables.reduce((n, t) => n + t.rows, 0),
    findings: report.findings,
  };
}
