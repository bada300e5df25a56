/**
 * The one-click audit for the audit and monitoring office, shared by the Audit view and the
 * ribbon's Audit button: full recalculation, every sheet read, every appraisal row recomputed
 * with the rules and compared (src/sheets audit), the report written to a sheet of its own, and
 * a record appended to the hash-chained audit log. User cells are only read.
 */
import type { WorkbookHost } from '../../host/port';
import { DEFAULT_POLICY, type Lang, type Policy, type Text } from '../../rules';
import {
  auditLogFields,
  auditReportRows,
  auditWorkbook,
  LOG_HEADER,
  rowsFromLog,
  verifyLog as verifyChain,
  type AuditRecord,
  type Finding,
} from '../../sheets';
import { appendSignedRecord, signAnchor } from '../../sheets/log-signatures';
import type { SigningKey } from '../../signing';
import { LOG_HEAD_KEY, LOG_SHEET, REPORT_SHEET } from './names';
import { throwIfCancelled, type RunOptions } from './progress';
import { dataSheets, readSheets } from './read';

export interface AuditRequest extends RunOptions {
  /** The clock, injectable for tests. */
  readonly now?: () => Date;
  /** Language of the report sheet's headers and messages. */
  readonly lang?: Lang;
  readonly policy?: Policy;
  /** The auditor's key: the record and the anchor are signed with it (else left unsigned). */
  readonly key?: SigningKey;
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
  /** The record appended; absent when the existing log failed its check (see logProblem). */
  readonly record?: AuditRecord;
  /**
   * Why no record was appended: the existing log is unreadable, its chain is broken, or its end
   * disagrees with the anchored head. A broken log is never extended.
   */
  readonly logProblem?: Text;
  readonly findings: readonly Finding[];
  /** The name of the key the record was signed with; absent when unsigned. */
  readonly signerName?: string;
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
  const logged = await checkedLog(host);
  let record: AuditRecord | undefined;
  if (logged.ok) {
    const previous = logged.records[logged.records.length - 1];
    const fields = auditLogFields(report, { when, who, workbook });
    record = await appendSignedRecord(previous, fields, request.key);
    const r = record;
    const anchor = { hash: r.hash, count: logged.records.length + 1 };
    const signature = request.key ? await signAnchor(anchor, request.key) : undefined;
    await host.appendLog(LOG_SHEET, LOG_HEADER, [LOG_HEADER.map((k) => r[k])]);
    // Written after the append: should this write fail (the error reaches the caller), the log
    // checks as extended past its anchor from then on; it never looks shortened.
    await host.writeSetting?.(LOG_HEAD_KEY, JSON.stringify({ ...anchor, ...signature }));
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
    ...(record && request.key ? { signerName: request.key.name } : {}),
    ...(!logged.ok ? { logProblem: logged.reason } : {}),
    findings: report.findings,
  };
}

export type LogCheck =
  | { readonly ok: true; readonly records: number; readonly head?: string }
  | {
      readonly ok: false;
      readonly records: number;
      /** 1-based number of the first bad record (one past the last when only the end is). */
      readonly record: number;
      readonly reason: Text;
    };

/**
 * Check the audit log's hash chain and name the first bad record. When the host keeps document
 * settings and the head is anchored there, the log must also end at the anchored record: the
 * chain alone cannot see that its last records were deleted.
 */
export async function verifyLog(host: WorkbookHost): Promise<LogCheck> {
  const log = await checkedLog(host);
  if (!log.ok) return { ok: false, records: log.count, record: log.index + 1, reason: log.reason };
  const n = log.records.length;
  const head = log.records[n - 1]?.hash;
  return head !== undefined ? { ok: true, records: n, head } : { ok: true, records: n };
}

/** The last record's hash and the number of records, as kept in the LOG_HEAD_KEY setting. */
export interface LogAnchor {
  readonly hash: string;
  readonly count: number;
}

/** The anchor, or undefined when the text is not one this add-in wrote. */
export function parseAnchor(text: string): LogAnchor | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { hash, count } = value as Record<string, unknown>;
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return undefined;
  return { hash, count };
}

type CheckedLog =
  | { readonly ok: true; readonly records: AuditRecord[] }
  | {
      readonly ok: false;
      /** Records read (0 when the log could not be read). */
      readonly count: number;
      /** 0-based index of the first bad record. */
      readonly index: number;
      readonly reason: Text;
    };

/** The log's records after the chain check, against the anchored head where there is one. */
async function checkedLog(host: WorkbookHost): Promise<CheckedLog> {
  const read = rowsFromLog(await host.readLog(LOG_SHEET));
  if (!read.ok) return { ok: false, count: 0, index: read.index, reason: read.reason };
  const records = read.records;
  const stored = host.readSetting ? await host.readSetting(LOG_HEAD_KEY) : null;
  // No anchor: a workbook from before anchoring, or a host without settings. The chain alone.
  const anchor = stored === null ? undefined : parseAnchor(stored);
  if (stored !== null && anchor === undefined) {
    return {
      ok: false,
      count: records.length,
      index: records.length,
      reason: {
        en: `the anchor of the log's last record (document setting ${LOG_HEAD_KEY}) is unreadable, so deleted last records could go unseen.`,
        zh: `日志末条记录的锚点（文档设置 ${LOG_HEAD_KEY}）无法读取，末尾记录被删除将无法发现。`,
      },
    };
  }
  const verdict = verifyChain(
    records,
    anchor ? { expectedHead: anchor.hash, expectedCount: anchor.count } : {},
  );
  return verdict.ok
    ? { ok: true, records }
    : { ok: false, count: records.length, index: verdict.index, reason: verdict.reason };
}
