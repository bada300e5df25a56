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
import { SaxesParser } from 'saxes';
import type { Text } from '../rules';
import { CliError } from './io';
import { sheetRows } from './workbook';

/**
 * Why the add-in's document settings (where the log's anchor is kept) cannot be read, naming the
 * file and the part, without the XML parser's own words (--debug shows them).
 */
function settingsError(path: string, e: WebExtensionError, writing = false): CliError {
  const file = basename(path);
  const error = new CliError(
    e.part === undefined
      ? {
          en: `${file} is not a readable zip package, so the add-in's document settings (where the audit log's anchor is kept) cannot be ${writing ? 'written; nothing was written' : 'read'}.`,
          zh: `${file} 不是可读取的 zip 压缩包，无法${writing ? '写入' : '读取'}加载项文档设置（稽核日志锚点所在）${writing ? '，未写入任何文件' : ''}。`,
        }
      : {
          en: `${file}: the part ${e.part} is damaged, so the add-in's document settings (where the audit log's anchor is kept) cannot be ${writing ? 'written; nothing was written' : 'read'}.`,
          zh: `${file} 中的部件 ${e.part} 已损坏，无法${writing ? '写入' : '读取'}加载项文档设置（稽核日志锚点所在）${writing ? '，未写入任何文件' : ''}。`,
        },
  );
  (error as { cause?: unknown }).cause = e;
  return error;
}

/**
 * Runs a write of the workbook read from `path` whose add-in settings go into the output: a
 * damaged settings part found only while writing (the task pane relationships, the content
 * types) is named like one found while reading, by the input file and the part.
 */
export async function writingSettings<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    // saveWorkbook wraps what its steps throw ("could not build the workbook"): the cause.
    const cause =
      e instanceof Error && !(e instanceof WebExtensionError)
        ? (e as { cause?: unknown }).cause
        : e;
    if (cause instanceof WebExtensionError) throw settingsError(path, cause, true);
    throw e;
  }
}

/** The add-in's document settings of a file, and the program that last saved it. */
export interface FileAddinDocument extends AddinDocument {
  /** docProps/app.xml <Application> (`LibreOffice/7.4.7.2`, `gnumeric`), control bytes blanked. */
  readonly savedBy?: string;
}

/** The program named in docProps/app.xml, without LibreOffice's `$platform build` tail. */
async function savedBy(xlsx: Uint8Array): Promise<string | undefined> {
  try {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(xlsx);
    const xml = await zip.file('docProps/app.xml')?.async('string');
    if (xml === undefined) return undefined;
    let name: string | undefined;
    let inside = false;
    const parser = new SaxesParser();
    parser.on('opentag', (t) => void (inside = t.name.replace(/^.*:/, '') === 'Application'));
    parser.on('closetag', () => void (inside = false));
    parser.on('text', (t) => void (inside && (name = (name ?? '') + t)));
    parser.write(xml).close();
    const clean = name
      ?.split('$')[0]
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .trim()
      .slice(0, 80);
    return clean || undefined;
  } catch {
    // Who saved it is a courtesy in a message; a damaged app.xml is not this command's concern.
    return undefined;
  }
}

/** The add-in's document settings of the file at `path`. */
export async function addinDocument(path: string): Promise<FileAddinDocument> {
  try {
    // The engine's reader: a regular file within the size limit only (never /dev/zero, a FIFO).
    const { readWorkbookFile } = await import('../engine/files');
    const bytes = await readWorkbookFile(path);
    const doc = await readAddinDocument(bytes);
    const by = await savedBy(bytes);
    return by !== undefined ? { ...doc, savedBy: by } : doc;
  } catch (e) {
    if (e instanceof WebExtensionError) throw settingsError(path, e);
    throw e;
  }
}

/**
 * Why the anchor is missing when another program saved the file last: LibreOffice 7.4 and
 * Gnumeric 1.12 drop the add-in's settings part, where the anchor is kept (test/fixtures/foreign).
 */
function anchorLostNote(by: string): Text {
  return {
    en: `the anchor is missing because the file was last saved by ${by}, which does not keep add-ins' document settings (the part that held the anchor is gone); the records still check out among themselves, so compare the last record's hash with the one printed by the last audit (verify-log --head HASH).`,
    zh: `锚点缺失：该文件最后由 ${by} 保存，该程序不保留加载项的文档设置（存放锚点的部件已丢失）；记录之间的链接仍然完好，请将末条记录的哈希值与上次稽核时打印的哈希值核对（verify-log --head 哈希值）。`,
  };
}

/**
 * The log check of a workbook, with its anchor and every signature (judged by `trust`, from
 * `--trust`, when given); `expectedHead` from `--head`.
 */
export async function logState(
  wb: Workbook,
  own: OwnSheets,
  doc: FileAddinDocument,
  trust: TrustList | undefined,
  expectedHead?: string,
): Promise<SignedLogCheck> {
  const check = await checkSignedLog(
    {
      logs: own.logs.map((sheet) => ({ sheet, rows: sheetRows(wb, sheet) })),
      anchor: settingText(doc, LOG_HEAD_KEY),
      ...(expectedHead !== undefined ? { expectedHead } : {}),
    },
    trust,
  );
  const by = doc.savedBy;
  if (
    check.anchorState !== 'missing' ||
    check.records.length === 0 ||
    by === undefined ||
    /^Microsoft\b/i.test(by)
  ) {
    return check;
  }
  return { ...check, notes: [...check.notes, anchorLostNote(by)] };
}
