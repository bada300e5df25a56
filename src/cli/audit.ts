/**
 * `cm-appraisal audit`: the audit and monitoring office's one action (SHEETS.md "Audit"):
 * recalculate everything, recompute every appraisal row with the rules core, compare with what
 * the sheet shows, and append a hash-chained record to the workbook's audit log. With -o the
 * output workbook gets the report sheet and the log sheet; the input file is never changed.
 */
import { userInfo } from 'os';
import { saveWorkbook, type Workbook } from '../engine';
import type { Lang } from '../rules';
import {
  appendRecord,
  auditLogFields,
  auditReportRows,
  auditWorkbook,
  logToRows,
  rowsFromLog,
  verifyLog,
  type AuditRecord,
  type AuditReport,
  type LogVerdict,
} from '../sheets';
import type { Parsed } from './command';
import { countsLine, findingJson, findingLines, reportText } from './findings';
import { CliError, EXIT_FINDINGS, EXIT_OK, parseLang, Progress, type Io } from './io';
import { policyOption } from './policy-file';
import { tableLines, tablesJson } from './validate';
import {
  checkOutput,
  dataGrids,
  fileName,
  LOG_SHEET,
  openWorkbook,
  REPORT_SHEET,
  rowCount,
} from './workbook';

/** The OS user running the audit, or '' where the system cannot say (containers, services). */
export function osUser(env: Io['env']): string {
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // userInfo throws when the uid has no passwd entry; fall back to the environment.
  }
  return env.USER ?? env.USERNAME ?? env.LOGNAME ?? '';
}

interface LogState {
  readonly sheet?: string;
  readonly records: readonly AuditRecord[];
  readonly verdict: LogVerdict;
}

/** The log already in the workbook (either language's sheet name), read and verified. */
function readLog(wb: Workbook): LogState {
  const names = new Set(Object.values(LOG_SHEET).map((s) => s.toLowerCase()));
  const sheet = wb.sheetNames().find((s) => names.has(s.toLowerCase()));
  if (sheet === undefined) return { records: [], verdict: { ok: true } };
  const read = rowsFromLog(wb.grid(sheet).values);
  if (!read.ok) {
    // Without readable records there is nothing to chain to; appending would hide the damage.
    throw new CliError(
      `the audit log sheet "${sheet}" cannot be read: ${read.reason.en} Restore it from a copy of the workbook.`,
    );
  }
  return { sheet, records: read.records, verdict: verifyLog(read.records) };
}

/**
 * The sheet of `names` the workbook already has (either language), else a new one named for
 * `lang`; its content is then replaced through the engine, so the model stays in step.
 */
async function sheetFor(wb: Workbook, names: Readonly<Record<Lang, string>>, lang: Lang) {
  const wanted = new Set(Object.values(names).map((n) => n.toLowerCase()));
  const existing = wb.sheetNames().find((s) => wanted.has(s.toLowerCase()));
  if (existing !== undefined) return existing;
  await wb.addSheet(names[lang]);
  return names[lang];
}

/** Writes the report sheet and the whole log (old records and the new one), the log protected. */
async function writeSheets(
  wb: Workbook,
  report: AuditReport,
  records: readonly AuditRecord[],
  lang: Lang,
): Promise<void> {
  const rows = auditReportRows(report, lang);
  const reportName = await sheetFor(wb, REPORT_SHEET, lang);
  await wb.setRows(reportName, rows);
  const logName = await sheetFor(wb, LOG_SHEET, lang);
  await wb.setRows(logName, logToRows(records));
  // Against casual edits only (no password): the hash chain is what detects a changed record.
  await wb.protectSheet(logName);

  // Presentation only: a title, bold headers, readable widths.
  const headerAt = rows.findIndex((r, i) => i > 0 && r.length > 8) + 1;
  const bold = new Map<number, number>([[1, 14]]);
  if (headerAt > 0) bold.set(headerAt, 11);
  await wb.setLook(reportName, {
    bold,
    widths: Array.from({ length: 13 }, (_, i) => (i === 12 ? 80 : i === 6 || i === 7 ? 14 : 12)),
  });
  await wb.setLook(logName, {
    bold: new Map([[1, 11]]),
    widths: Array.from({ length: 13 }, (_, i) => (i >= 10 ? 66 : i === 1 || i === 4 ? 26 : 12)),
  });
}

function summary(
  path: string,
  report: AuditReport,
  record: AuditRecord | null,
  log: LogState,
  out: string | undefined,
  lang: Lang,
): string {
  const c = report.counts;
  const zh = lang === 'zh';
  const lines = [
    zh
      ? `${fileName(path)}：稽核 ${c.rows} 行（${c.tables} 张表）；${c.mismatches} 处不一致（其中未重算 ${c.stale} 处），${countsLine(c, lang)}。`
      : `${fileName(path)}: audited ${c.rows} rows in ${c.tables} tables; ${c.mismatches} ${c.mismatches === 1 ? 'mismatch' : 'mismatches'} (${c.stale} stale), ${countsLine(c, lang)}.`,
    `${zh ? '政策' : 'Policy'}: ${report.policyVersion}`,
    ...tableLines(report.tables, lang),
    ...findingLines(report.findings, lang),
  ];
  if (record !== null) {
    lines.push(
      zh
        ? `稽核记录 #${record.seq}（${record.who || '未知用户'}，${record.when}）哈希 ${record.hash}`
        : `Audit record #${record.seq} (${record.who || 'unknown user'}, ${record.when}) hash ${record.hash}`,
    );
  }
  if (!log.verdict.ok) {
    lines.push(
      zh
        ? `警告：已有稽核日志的哈希链已断开：${log.verdict.reason.zh}未追加新记录；请从工作簿副本恢复日志。`
        : `Warning: the existing audit log's hash chain is broken: ${log.verdict.reason.en} No record was appended; restore the log from a copy of the workbook.`,
    );
  }
  lines.push(
    out !== undefined
      ? zh
        ? `报告和日志已写入 ${out}。`
        : `Report and log written to ${out}.`
      : zh
        ? '未指定 -o：记录未写入任何工作簿。'
        : 'No -o given: the record was not written to a workbook.',
  );
  return reportText(lines);
}

/** Runs the command. */
export async function run(args: Parsed, io: Io): Promise<number> {
  const lang = parseLang(args.values.lang as string | undefined, io.env);
  const path = args.positionals[0];
  const out = args.values.out as string | undefined;
  if (args.values.compare === true) return (await import('./compare')).runCompare(args, io, lang);
  const { policy } = await policyOption(args, lang);
  const who = (args.values.user as string | undefined) ?? osUser(io.env);
  await checkOutput(path, out, args.values['in-place'] === true);
  const progress = new Progress(io, out !== undefined ? 4 : 3);
  let report: AuditReport;
  let log: LogState;
  // None when the existing chain is broken: extending it would bury the break under a valid tail.
  let record: AuditRecord | null;
  try {
    progress.next(`loading ${fileName(path)}`);
    const wb = await openWorkbook(path, policy);
    progress.next('evaluating');
    wb.evaluate();
    const grids = dataGrids(wb);
    progress.next(`auditing ${rowCount(grids)} rows`);
    report = auditWorkbook(grids, { policy });
    log = readLog(wb);
    const previous = log.records[log.records.length - 1];
    record = log.verdict.ok
      ? appendRecord(
          previous,
          auditLogFields(report, { when: new Date().toISOString(), who, workbook: fileName(path) }),
        )
      : null;
    if (out !== undefined) {
      progress.next(`writing ${fileName(out)}`);
      await writeSheets(wb, report, record ? [...log.records, record] : log.records, lang);
      await saveWorkbook(wb, out);
    }
  } finally {
    progress.done();
  }
  if (args.values.json === true) {
    const json = {
      workbook: fileName(path),
      policy: report.policyVersion,
      policyHash: report.policyHash,
      lang,
      tables: tablesJson(report.tables),
      counts: report.counts,
      findings: report.findings.map((f) => findingJson(f, lang)),
      record,
      log: {
        records: log.records.length + (record ? 1 : 0),
        previousChainIntact: log.verdict.ok,
        ...(log.verdict.ok ? {} : { problem: log.verdict.reason[lang] }),
      },
      output: out ?? null,
    };
    io.out(`${JSON.stringify(json)}\n`);
  } else {
    io.out(summary(path, report, record, log, out, lang));
  }
  return report.counts.errors > 0 || !log.verdict.ok ? EXIT_FINDINGS : EXIT_OK;
}
