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
import { CliError } from './io';
import { sheetRows } from './workbook';

/** The add-in's document settings of the file at `path`. */
export async function addinDocument(path: string): Promise<AddinDocument> {
  try {
    // The engine's reader: a regular file within the size limit only (never /dev/zero, a FIFO).
    const { readWorkbookFile } = await import('../engine/files');
    return await readAddinDocument(await readWorkbookFile(path));
  } catch (e) {
    if (e instanceof WebExtensionError) {
      throw new CliError(`${path}: the add-in's document settings cannot be read: ${e.message}`);
    }
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
