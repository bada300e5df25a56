/**
 * `cm-appraisal audit`: the audit and monitoring office's one action (SHEETS.md "Audit"):
 * recalculate everything, recompute every appraisal row with the rules core, compare with what
 * the sheet shows, and append a hash-chained record to the workbook's audit log. With -o the
 * output workbook gets the report sheet and the log sheet; the input file is never changed.
 */
import { userInfo } from 'os';
import {
  addinDocumentEdits,
  saveWorkbook,
  withSetting,
  writeAddinDocument,
  type Workbook,
} from '../engine';
import type { Lang, Text } from '../rules';
import {
  auditLogFields,
  auditReportRows,
  auditWorkbook,
  displayTime,
  isoWithOffset,
  LOG_HEAD_KEY,
  logToRows,
  ownTargets,
  type AuditRecord,
  type AuditReport,
} from '../sheets';
import type { Parsed } from './command';
import { countsLine, findingJson, findingLines, reportText } from './findings';
import { readSigningKey, readTrustList } from './key-files';
import { addinDocument, logState, writingSettings } from './log-state';
import {
  appendSignedRecord,
  signAnchor,
  signedAnchorText,
  type SignedLogCheck,
} from '../sheets/log-signatures';
import type { SigningKey } from '../signing';
import { CliError, EXIT_FINDINGS, EXIT_OK, parseLang, Progress, stepLabel, type Io } from './io';
import { policyOption } from './policy-file';
import { tableLines, tablesJson } from './validate';
import { checkOutput, dataGrids, fileName, openWorkbook, ownSheets, rowCount } from './workbook';

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

/** Sheet names the audit writes to: an existing report/log by marker, else free new names. */
interface Targets {
  readonly report: string;
  readonly log: string;
}

async function ensureSheet(wb: Workbook, name: string, exists: boolean): Promise<string> {
  if (!exists) await wb.addSheet(name);
  return name;
}

/** Writes the report sheet and the whole log (old records and the new one), the log protected. */
async function writeSheets(
  wb: Workbook,
  report: AuditReport,
  records: readonly AuditRecord[],
  lang: Lang,
  targets: Targets,
): Promise<void> {
  const rows = auditReportRows(report, lang);
  const reportName = targets.report;
  await wb.setRows(reportName, rows);
  const logName = targets.log;
  await wb.setRows(logName, logToRows(records));
  // Against casual edits only (no password): the hash chain is what detects a changed record.
  await wb.protectSheet(logName);

  // Presentation only: a title, bold headers, readable widths.
  const headerAt = rows.findIndex((r, i) => i > 0 && r.length > 8) + 1;
  const bold = new Map<number, number>([[1, 14]]);
  if (headerAt > 0) bold.set(headerAt, 11);
  await wb.setLook(reportName, {
    bold,
    widths: Array.from({ length: 14 }, (_, i) => (i === 13 ? 80 : i >= 6 && i <= 8 ? 14 : 12)),
  });
  await wb.setLook(logName, {
    bold: new Map([[1, 11]]),
    widths: Array.from({ length: 15 }, (_, i) => (i >= 10 ? 66 : i === 1 || i === 4 ? 26 : 12)),
  });
}

function summary(
  path: string,
  report: AuditReport,
  record: AuditRecord | null,
  log: SignedLogCheck,
  out: string | undefined,
  lang: Lang,
  key: SigningKey | undefined,
): string {
  const c = report.counts;
  const zh = lang === 'zh';
  const lines = [
    zh
      ? `${fileName(path)}：稽核 ${c.rows} 行（${c.tables} 张表）；${c.mismatches} 处不一致（其中文件报送值不一致 ${c.reportedMismatches} 处，未重算 ${c.stale} 处），${countsLine(c, lang)}。`
      : `${fileName(path)}: audited ${c.rows} rows in ${c.tables} tables; ${c.mismatches} ${c.mismatches === 1 ? 'mismatch' : 'mismatches'} (${c.reportedMismatches} in the values the file reported, ${c.stale} stale), ${countsLine(c, lang)}.`,
    zh
      ? '比较内容：文件中保存的报送值（重算之前）和重新计算后的值，均与按办法逐行重算的结果比较。'
      : 'Compared: the values the file reported (before recalculation) and the values after recalculation, each with the policy recomputed row by row.',
    `${zh ? '办法：' : 'Policy: '}${report.policyVersion}`,
    ...tableLines(report.tables, lang),
    ...findingLines(report.findings, lang),
  ];
  if (record !== null) {
    const when = displayTime(record.when);
    lines.push(
      zh
        ? `稽核记录 #${record.seq}（${record.who || '未知用户'}，${when}）哈希 ${record.hash}`
        : `Audit record #${record.seq} (${record.who || 'unknown user'}, ${when}) hash ${record.hash}`,
    );
    lines.push(
      key
        ? zh
          ? `已由${key.name}签名（密钥指纹 ${key.fingerprint}）。`
          : `Signed by ${key.name} (key fingerprint ${key.fingerprint}).`
        : zh
          ? '记录未签名（未指定 --key）。'
          : 'The record is unsigned (no --key given).',
    );
  }
  for (const note of log.notes) lines.push(`${zh ? '注意：' : 'Note: '}${note[lang]}`);
  if (!log.ok && record === null) {
    lines.push(
      zh
        ? `警告：已有稽核日志未通过校验：${log.problems.map((p) => p.zh).join('')}未追加新记录；请从工作簿副本恢复日志。`
        : `Warning: the existing audit log fails its check: ${log.problems.map((p) => p.en).join(' ')} No record was appended; restore the log from a copy of the workbook.`,
    );
  } else if (!log.ok) {
    // Continued, but not clean under the trust list: records from before signing.
    lines.push(
      zh
        ? `警告：已有稽核日志的签名未全部通过信任名单核验：${log.problems.map((p) => p.zh).join('')}`
        : `Warning: not every signature of the existing log holds under the trust list: ${log.problems.map((p) => p.en).join(' ')}`,
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
  const who = ((args.values.user as string | undefined) ?? osUser(io.env)).trim();
  if (who === '') {
    throw new CliError(
      lang === 'zh'
        ? '无法确定稽核人：请用 --user 姓名 指定（日志不记录空的稽核人）。'
        : 'Who runs the audit is unknown: give it with --user NAME (the log never records an empty name).',
    );
  }
  await checkOutput(path, out, args.values['in-place'] === true);
  const keyFile = args.values.key as string | undefined;
  const trustFile = args.values.trust as string | undefined;
  const [key, trust] = await Promise.all([
    keyFile !== undefined ? readSigningKey(keyFile) : undefined,
    trustFile !== undefined ? readTrustList(trustFile) : undefined,
  ]);
  const progress = new Progress(io, out !== undefined ? 4 : 3);
  let report: AuditReport;
  let log: SignedLogCheck;
  // None when the existing log fails its check: extending it would bury the break.
  let record: AuditRecord | null;
  try {
    progress.next(stepLabel('loading', lang, fileName(path)));
    // The workbook first: a file it refuses (over a limit, damaged) is never read further.
    const wb = await openWorkbook(path, policy);
    const doc = await addinDocument(path);
    const own = ownSheets(wb);
    // What the file reported: its cached values, read before anything is recalculated.
    const reported = dataGrids(wb, own);
    progress.next(stepLabel('evaluating', lang));
    wb.evaluate();
    const grids = dataGrids(wb, own);
    progress.next(stepLabel('auditing', lang, rowCount(grids)));
    // Without -o no report sheet is written: the report keeps only the rows with a problem
    // (the counts, findings and so the output and the log record are the same).
    report = auditWorkbook(grids, {
      policy,
      reported,
      rows: out !== undefined ? 'all' : 'problems',
    });
    log = await logState(wb, own, doc, trust);
    const previous = log.records[log.records.length - 1];
    // A log with bad or unknown signatures is not extended; older unsigned records alone do not
    // stop it (they are said, and fail verify-log --trust).
    record = log.continuable
      ? await appendSignedRecord(
          previous,
          auditLogFields(report, {
            when: isoWithOffset(new Date()),
            who,
            workbook: fileName(path),
          }),
          key,
        )
      : null;
    if (out !== undefined) {
      progress.next(stepLabel('writing', lang, fileName(out)));
      const targets = ownTargets(wb.sheetNames(), own, lang);
      const logTarget = targets.log;
      if (logTarget === undefined) {
        // Two logs: the report is written, neither log is touched.
        const reportName = await ensureSheet(wb, targets.report.sheet, targets.report.exists);
        await wb.setRows(reportName, auditReportRows(report, lang));
        await writingSettings(path, () =>
          saveWorkbook(wb, out, {
            afterWrite: (b) => writeAddinDocument(b, doc),
            packageEdits: (names, read) => addinDocumentEdits(names, read, doc),
          }),
        );
      } else {
        const names = {
          report: await ensureSheet(wb, targets.report.sheet, targets.report.exists),
          log: await ensureSheet(wb, logTarget.sheet, logTarget.exists),
        };
        const records = record ? [...log.records, record] : log.records;
        await writeSheets(wb, report, records, lang, names);
        const last = records[records.length - 1];
        // The anchor travels inside the file, where the add-in in Excel reads it too.
        const head = record && last ? { hash: last.hash, count: records.length } : undefined;
        const anchored = head
          ? withSetting(
              doc,
              LOG_HEAD_KEY,
              signedAnchorText(head, key ? await signAnchor(head, key) : undefined),
            )
          : doc;
        await writingSettings(path, () =>
          saveWorkbook(wb, out, {
            afterWrite: (b) => writeAddinDocument(b, anchored),
            packageEdits: (names, read) => addinDocumentEdits(names, read, anchored),
          }),
        );
      }
    }
  } finally {
    progress.done();
  }
  if (args.values.json === true) {
    const text = (t: Text) => t[lang];
    const json = {
      workbook: fileName(path),
      policy: report.policyVersion,
      policyHash: report.policyHash,
      lang,
      compared: ['reported', 'recalculated'],
      tables: tablesJson(report.tables),
      counts: report.counts,
      findings: report.findings.map((f) => findingJson(f, lang)),
      record,
      log: {
        sheet: log.sheet ?? null,
        sheets: log.sheets,
        records: log.records.length + (record ? 1 : 0),
        previousChainIntact: log.ok,
        anchor: log.anchorState,
        notes: log.notes.map(text),
        ...(log.ok ? {} : { problem: log.problems.map(text).join(' ') }),
        signatures: {
          judged: log.signatures.judged,
          ok: log.signatures.ok,
          records: log.signatures.records,
          anchor: log.signatures.anchor ?? null,
        },
      },
      output: out ?? null,
    };
    io.out(`${JSON.stringify(json)}\n`);
  } else {
    io.out(summary(path, report, record, log, out, lang, key));
  }
  return report.counts.errors > 0 || !log.ok ? EXIT_FINDINGS : EXIT_OK;
}
