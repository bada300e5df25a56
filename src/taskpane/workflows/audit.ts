/**
 * The one-click audit for the audit and monitoring office, shared by the Audit view and the
 * ribbon's Audit button: full recalculation, every sheet read, every appraisal row recomputed
 * with the rules and compared (src/sheets audit), the report written to a sheet of its own, and
 * a record appended to the hash-chained audit log. User cells are only read.
 */
import type { WorkbookHost } from '../../host/port';
import { DEFAULT_POLICY, type Lang, type Policy, type Text } from '../../rules';
import {
  appendRecord,
  auditLogFields,
  auditReportRows,
  auditWorkbook,
  LOG_HEADER,
  rowsFromLog,
  verifyLog as verifyChain,
  type AuditRecord,
  type Finding,
} from '../../sheets';
import { LOG_SHEET, REPORT_SHEET } from './names';
import { throwIfCancelled, type RunOptions } from './progress';
import { dataSheets, readSheets } from './read';

export interface AuditRequest extends RunOptions {
  /** The clock, injectable for tests. */
  readonly now?: () => Date;
  /** Language of the report sheet's headers and messages. */
  readonly lang?: Lang;
  readonly policy?: Policy;
}

export interface AuditSummary {
  readonly workbook: string;
  readonly when: string;
  readonly who: string;
  readonly tables: number;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly mismatches: number;
  readonly stale: number;
  readonly policyVersion: string;
  readonly policyHash: string;
  readonly reportSheet: string;
  readonly logSheet: string;
  /** The record appended; absent when the log could not be read (see logProblem). */
  readonly record?: AuditRecord;
  /** Why no record was appended: the existing log is unreadable. */
  readonly logProblem?: Text;
  readonly findings: readonly Finding[];
}

export async function runAudit(
  host: WorkbookHost,
  request: AuditRequest = {},
): Promise<AuditSummary> {
  const policy = request.policy ?? DEFAULT_POLICY;
  const lang = request.lang ?? 'zh';
  const { signal, onProgress } = request;
  throwIfCancelled(signal);

  onProgress?.({ phase: 'recalculate', fraction: 0 });
  await host.recalculate();
  throwIfCancelled(signal);

  const sheets = await dataSheets(host);
  const grids = await readSheets(host, sheets, request, { from: 0.1, to: 0.8 });

  onProgress?.({ phase: 'check', fraction: 0.8 });
  const report = auditWorkbook(grids, { policy });
  throwIfCancelled(signal);

  // From here on the workbook is written; a cancel no longer stops it half way.
  onProgress?.({ phase: 'write', fraction: 0.85 });
  await host.replaceReportSheet(REPORT_SHEET, auditReportRows(report, lang));

  onProgress?.({ phase: 'log', fraction: 0.9 });
  const [workbook, who] = await Promise.all([host.workbookName(), host.userName()]);
  const when = (request.now ?? (() => new Date()))().toISOString();
  const logged = rowsFromLog(await host.readLog(LOG_SHEET));
  let record: AuditRecord | undefined;
  if (logged.ok) {
    const previous = logged.records[logged.records.length - 1];
    record = appendRecord(previous, auditLogFields(report, { when, who, workbook }));
    const r = record;
    await host.appendLog(LOG_SHEET, LOG_HEADER, [LOG_HEADER.map((k) => r[k])]);
  }
  onProgress?.({ phase: 'log', fraction: 1 });

  const c = report.counts;
  return {
    workbook,
    when,
    who: who ?? '',
    tables: c.tables,
    rows: c.rows,
    errors: c.errors,
    warnings: c.warnings,
    mismatches: c.mismatches,
    stale: c.stale,
    policyVersion: report.policyVersion,
    policyHash: report.policyHash,
    reportSheet: REPORT_SHEET,
    logSheet: LOG_SHEET,
    ...(record ? { record } : {}),
    ...(!logged.ok ? { logProblem: logged.reason } : {}),
    findings: report.findings,
  };
}

export type LogCheck =
  | { readonly ok: true; readonly records: number; readonly head?: string }
  | {
      readonly ok: false;
      readonly records: number;
      /** 1-based number of the first bad record. */
      readonly record: number;
      readonly reason: Text;
    };

/** Check the audit log's hash chain and name the first bad record. */
export async function verifyLog(host: WorkbookHost): Promise<LogCheck> {
  const read = rowsFromLog(await host.readLog(LOG_SHEET));
  if (!read.ok) return { ok: false, records: 0, record: read.index + 1, reason: read.reason };
  const verdict = verifyChain(read.records);
  const n = read.records.length;
  if (!verdict.ok)
    return { ok: false, records: n, record: verdict.index + 1, reason: verdict.reason };
  const head = read.records[n - 1]?.hash;
  return head !== undefined ? { ok: true, records: n, head } : { ok: true, records: n };
}
