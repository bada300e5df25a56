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
import { checkLog, LOG_HEAD_KEY, type LogCheck, type OwnSheets } from '../sheets';
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

/** The log check of a workbook, with its anchor; `expectedHead` from `--head`. */
export function logState(
  wb: Workbook,
  own: OwnSheets,
  doc: AddinDocument,
  expectedHead?: string,
): LogCheck {
  return checkLog({
    logs: own.logs.map((sheet) => ({ sheet, rows: sheetRows(wb, sheet) })),
    anchor: settingText(doc, LOG_HEAD_KEY),
    ...(expectedHead !== undefined ? { expectedHead } : {}),
  });
}
