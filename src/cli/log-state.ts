/**
 * The audit log of a workbook file as the command line sees it: the sheets carrying the log
 * marker, and the head anchor from the add-in's document settings inside the .xlsx (the same
 * setting Excel's task pane writes; engine/web-extension.ts). Shared by `audit` and
 * `verify-log`, so both check exactly what the add-in checks.
 */
import {
  readAddinDocument,
  settingText,
  WebExtensionError,
  type AddinDocument,
  type Workbook,
} from '../engine';
import { LOG_HEAD_KEY, type OwnSheets } from '../sheets';
import { checkSignedLog, type SignedLogCheck } from '../sheets/log-signatures';
import type { TrustList } from '../signing';
import { basename } from 'path';
import { CliError } from './io';
import { sheetRows } from './workbook';

/**
 * Why the add-in's document settings (where the log's anchor is kept) cannot be read, naming the
 * file and the part, without the XML parser's own words (--debug shows them).
 */
function settingsError(path: string, e: WebExtensionError): CliError {
  const file = basename(path);
  const error = new CliError(
    e.part === undefined
      ? {
          en: `${file} is not a readable zip package, so the add-in's document settings (where the audit log's anchor is kept) cannot be read.`,
          zh: `${file} 不是可读取的 zip 压缩包，无法读取加载项文档设置（稽核日志锚点所在）。`,
        }
      : {
          en: `${file}: the part ${e.part} is damaged, so the add-in's document settings (where the audit log's anchor is kept) cannot be read.`,
          zh: `${file} 中的部件 ${e.part} 已损坏，无法读取加载项文档设置（稽核日志锚点所在）。`,
        },
  );
  (error as { cause?: unknown }).cause = e;
  return error;
}

/** The add-in's document settings of the file at `path`. */
export async function addinDocument(path: string): Promise<AddinDocument> {
  try {
    // The engine's reader: a regular file within the size limit only (never /dev/zero, a FIFO).
    const { readWorkbookFile } = await import('../engine/files');
    return await readAddinDocument(await readWorkbookFile(path));
  } catch (e) {
    if (e instanceof WebExtensionError) throw settingsError(path, e);
    throw e;
  }
}

/**
 * The log check of a workbook, with its anchor and every signature (judged by `trust`, from
 * `--trust`, when given); `expectedHead` from `--head`.
 */
export function logState(
  wb: Workbook,
  own: OwnSheets,
  doc: AddinDocument,
  trust: TrustList | undefined,
  expectedHead?: string,
): Promise<SignedLogCheck> {
  return checkSignedLog(
    {
      logs: own.logs.map((sheet) => ({ sheet, rows: sheetRows(wb, sheet) })),
      anchor: settingText(doc, LOG_HEAD_KEY),
      ...(expectedHead !== undefined ? { expectedHead } : {}),
    },
    trust,
  );
}
