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
  isoWithOffset,
  LOG_HEAD_KEY,
  LOG_HEADER,
  ownTargets,
  parseAnchor as parseAnchorText,
  type AuditRecord,
  type Finding,
  type Grid,
  type LogAnchor,
  type OwnSheets,
} from '../../sheets';
import {
  appendSignedRecord,
  checkSignedLog,
  signAnchor,
  signedAnchorText,
  type SignatureReport,
  type SignedLogCheck,
} from '../../sheets/log-signatures';
import type { SigningKey, TrustList } from '../../signing';
import { throwIfCancelled, WorkflowError, type RunOptions } from './progress';
import { allSheets, dataSheets, ownSheetsOf, readSheets } from './read';

export interface AuditRequest extends RunOptions {
  /** The clock, injectable for tests. */
  readonly now?: () => Date;
  /** Language of the report sheet's headers and messages. */
  readonly lang?: Lang;
  readonly policy?: Policy;
  /**
   * Who runs the audit (the pane asks once and remembers it on this machine); else the host's
   * user name. An audit without a name is refused: the log never records an empty `who`.
   */
  readonly who?: string | null;
  /** How to wait before re-reading cells still `#BUSY!` (tests pass a fake clock). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The auditor's key: the record and the anchor are signed with it (else left unsigned). */
  readonly key?: SigningKey;
  /**
   * The trust list deployed with the add-in: the existing log is continued only when every
   * record and the anchor are signed by a trusted auditor (SHEETS.md "Audit log integrity").
   */
  readonly trust?: TrustList;
}

/** Re-reads of sheets holding `#BUSY!` cells after the recalculation, and the pauses before. */
export const BUSY_RETRIES = 5;
export const BUSY_RETRY_MS = [250, 500, 1000, 2000, 4000] as const;

export interface AuditSummary {
  readonly workbook: string;
  /** ISO 8601 with the UTC offset (`2026-12-01T19:05:35+08:00`). */
  readonly when: string;
  readonly who: string;
  readonly tables: number;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly mismatches: number;
  /** Of the mismatches: cells whose value as the workbook reported it was wrong. */
  readonly reportedMismatches: number;
  readonly stale: number;
  /** Cells still calculating (#BUSY!) after the bounded wait: not compared. */
  readonly busy: number;
  readonly policyVersion: string;
  readonly policyHash: string;
  readonly reportSheet: string;
  /** The log's sheet (found by its marker, or created); '' when the workbook holds two logs. */
  readonly logSheet: string;
  /** The record appended; absent when the existing log failed its check (see logProblem). */
  readonly record?: AuditRecord;
  /**
   * Why no record was appended: the existing log is unreadable, its chain is broken, its end
   * disagrees with the anchored head, or the workbook holds two logs. A broken log is never
   * extended.
   */
  readonly logProblem?: Text;
  /** Said but not stopping the audit: the log had no anchor before this record. */
  readonly logNote?: Text;
  readonly findings: readonly Finding[];
  /** The name of the key the record was signed with; absent when unsigned. */
  readonly signerName?: string;
}

const AUDITOR_REQUIRED: Text = {
  en: 'Enter your name as the auditor first: the audit log records who ran each audit.',
  zh: '请先填写稽核人姓名：稽核日志须记录每次稽核的执行人。',
};

const ALREADY_RUNNING: Text = {
  en: 'An audit of this workbook is already running (from the task pane or the ribbon). Wait for it to finish, then audit again.',
  zh: '本工作簿正在进行一次稽核（来自任务窗格或功能区按钮）。请待其完成后再稽核。',
};

/** The audit running in this runtime (task pane and ribbon share it), if any. */
let running: Promise<unknown> | undefined;

/** True while an audit runs in this runtime. */
export function auditRunning(): boolean {
  return running !== undefined;
}

/**
 * The one-click audit. One at a time per runtime: a second request while one runs is refused
 * with a message (two audits at once would both append record N+1 and break the chain).
 */
export function runAudit(host: WorkbookHost, request: AuditRequest = {}): Promise<AuditSummary> {
  if (running !== undefined) return Promise.reject(new WorkflowError(ALREADY_RUNNING));
  const run = audit(host, request);
  running = run;
  const clear = () => {
    if (running === run) running = undefined;
  };
  run.then(clear, clear);
  return run;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function busyIn(grid: Grid): boolean {
  return grid.values.some((row) =>
    row.some((v) => typeof v === 'string' && v.trim().toUpperCase() === '#BUSY!'),
  );
}

async function audit(host: WorkbookHost, request: AuditRequest): Promise<AuditSummary> {
  const policy = request.policy ?? DEFAULT_POLICY;
  const lang = request.lang ?? 'zh';
  const sleep = request.sleep ?? realSleep;
  const { signal, onProgress } = request;
  throwIfCancelled(signal);
  const who = (request.who ?? (await host.userName()) ?? '').trim();
  if (who === '') throw new WorkflowError(AUDITOR_REQUIRED);

  // What the workbook reported, before anything is recalculated: in Excel the values on screen
  // (under manual calculation, the ones the user and a printout see); in the preview the
  // results saved in the file.
  onProgress?.({ phase: 'read', fraction: 0 });
  const own = await ownSheetsOf(host);
  const sheets = await dataSheets(host, own);
  const readSaved = host.readSavedSheet?.bind(host);
  const reported = await readSheets(host, sheets, request, { from: 0, to: 0.35 }, readSaved);
  throwIfCancelled(signal);

  onProgress?.({ phase: 'recalculate', fraction: 0.35 });
  await host.recalculate();
  throwIfCancelled(signal);
  const grids = await readSheets(host, sheets, request, { from: 0.4, to: 0.75 });
  // Asynchronous custom functions may still be computing: re-read their sheets, bounded.
  for (let attempt = 0; attempt < BUSY_RETRIES && grids.some(busyIn); attempt++) {
    await sleep(BUSY_RETRY_MS[attempt] ?? BUSY_RETRY_MS[BUSY_RETRY_MS.length - 1]);
    throwIfCancelled(signal);
    for (let i = 0; i < grids.length; i++) {
      if (busyIn(grids[i])) grids[i] = await host.readSheet(grids[i].sheet);
    }
  }

  onProgress?.({ phase: 'check', fraction: 0.8 });
  const report = auditWorkbook(grids, { policy, reported });
  throwIfCancelled(signal);

  // From here on the workbook is written; a cancel no longer stops it half way.
  onProgress?.({ phase: 'write', fraction: 0.85 });
  // The pane names new sheets in Chinese, as before; existing ones are found by their marker.
  const targets = ownTargets(await allSheets(host), own, 'zh');
  await host.replaceReportSheet(targets.report.sheet, auditReportRows(report, lang));

  onProgress?.({ phase: 'log', fraction: 0.9 });
  const workbook = await host.workbookName();
  const when = isoWithOffset((request.now ?? (() => new Date()))());
  const logged = await checkedLog(host, own, request.trust);
  let record: AuditRecord | undefined;
  if (logged.continuable && targets.log !== undefined) {
    const previous = logged.records[logged.records.length - 1];
    const fields = auditLogFields(report, { when, who, workbook });
    record = await appendSignedRecord(previous, fields, request.key);
    const r = record;
    const anchor = { hash: r.hash, count: logged.records.length + 1 };
    const signature = request.key ? await signAnchor(anchor, request.key) : undefined;
    await host.appendLog(targets.log.sheet, LOG_HEADER, [LOG_HEADER.map((k) => r[k])]);
    // Written after the append: should this write fail (the error reaches the caller), the log
    // checks as extended past its anchor from then on; it never looks shortened.
    await host.writeSetting?.(LOG_HEAD_KEY, signedAnchorText(anchor, signature));
  }
  onProgress?.({ phase: 'log', fraction: 1 });

  const c = report.counts;
  // Continued but not clean (older unsigned records under a trust list): said as a note.
  const note = logged.ok ? logged.notes[0] : logged.continuable ? logged.problems[0] : undefined;
  return {
    workbook,
    when,
    who,
    tables: c.tables,
    rows: c.rows,
    errors: c.errors,
    warnings: c.warnings,
    mismatches: c.mismatches,
    reportedMismatches: c.reportedMismatches,
    stale: c.stale,
    busy: c.busy,
    policyVersion: report.policyVersion,
    policyHash: report.policyHash,
    reportSheet: targets.report.sheet,
    logSheet: targets.log?.sheet ?? '',
    ...(record ? { record } : {}),
    ...(record && request.key ? { signerName: request.key.name } : {}),
    ...(!logged.continuable ? { logProblem: logged.problems[0] } : {}),
    ...(note && record ? { logNote: note } : {}),
    findings: report.findings,
  };
}

export type LogCheck =
  | {
      readonly ok: true;
      readonly records: number;
      readonly head?: string;
      /** Said but not a failure: the log has no anchor, so deleted last records can't be ruled out. */
      readonly note?: Text;
      readonly signers: Signers;
    }
  | {
      readonly ok: false;
      readonly records: number;
      /** 1-based number of the first bad record (one past the last when only the end is). */
      readonly record: number;
      readonly reason: Text;
      readonly signers: Signers;
    };

/** Each record's signer (position and sequence number with it) and the anchor's. */
export interface Signers {
  readonly report: SignatureReport;
  readonly records: readonly { readonly n: number; readonly seq: number }[];
}

/**
 * Check the audit log (the one sheet carrying the log marker, whatever its name) and name the
 * first bad record. The log must also end at the head anchored in the document settings: the
 * chain alone cannot see that its last records were deleted.
 */
export async function verifyLog(host: WorkbookHost, trust?: TrustList): Promise<LogCheck> {
  const log = await checkedLog(host, await ownSheetsOf(host), trust);
  const signers: Signers = {
    report: log.signatures,
    records: log.records.map((r, i) => ({ n: i + 1, seq: r.seq })),
  };
  if (!log.ok) {
    return {
      ok: false,
      records: log.records.length,
      record: log.firstBad ?? log.records.length + 1,
      reason: log.problems[0],
      signers,
    };
  }
  const n = log.records.length;
  const head = log.records[n - 1]?.hash;
  const note = log.notes[0];
  return {
    ok: true,
    records: n,
    ...(head !== undefined ? { head } : {}),
    ...(note !== undefined && n > 0 ? { note } : {}),
    signers,
  };
}

/** The last record's hash and the number of records, as kept in the LOG_HEAD_KEY setting. */
export type { LogAnchor };

/** The anchor, or undefined when the text is not one this add-in wrote. */
export function parseAnchor(text: string): LogAnchor | undefined {
  return parseAnchorText(text);
}

/** The log's records after the chain check, against the anchored head where there is one. */
async function checkedLog(
  host: WorkbookHost,
  own: OwnSheets,
  trust: TrustList | undefined,
): Promise<SignedLogCheck> {
  const logs = await Promise.all(
    own.logs.map(async (sheet) => ({ sheet, rows: await host.readLog(sheet) })),
  );
  const anchor = host.readSetting ? await host.readSetting(LOG_HEAD_KEY) : null;
  return checkSignedLog({ logs, anchor }, trust);
}
