/**
 * What a forger holding a workbook and this code (but not the auditor's key) can do to its
 * audit log: rewrite records, recompute every hash and the anchor, save. Used by the command
 * line's and the browser's forgery tests.
 */
import { readFile } from 'node:fs/promises';
import {
  addinDocumentEdits,
  loadWorkbook,
  readAddinDocument,
  saveWorkbook,
  settingText,
  withSetting,
  writeAddinDocument,
} from '../../src/engine';
import { ownSheets, sheetRows } from '../../src/cli/workbook';
import {
  GENESIS_HASH,
  LOG_HEAD_KEY,
  logToRows,
  rowsFromLog,
  type AuditRecord,
} from '../../src/sheets';
import { recordHash } from '../../src/sheets/audit-log';

/** Records `from` on: `edit` applied to the first, every hash after it recomputed. */
export function rechain(
  records: readonly AuditRecord[],
  from: number,
  edit: Partial<AuditRecord>,
): AuditRecord[] {
  const out = records.slice(0, from);
  for (let i = from; i < records.length; i++) {
    const base = {
      ...records[i],
      ...(i === from ? edit : {}),
      prevHash: i === 0 ? GENESIS_HASH : out[i - 1].hash,
    };
    out.push({ ...base, hash: recordHash(base) });
  }
  return out;
}

/**
 * Rewrites the log of `input` into `output`: `records` maps the log's records to new ones,
 * `anchor` the stored anchor (parsed JSON) to a new one (default: hash and count of the new
 * end, the stored signature kept).
 */
export async function forge(
  input: string,
  output: string,
  records: (log: AuditRecord[]) => AuditRecord[],
  anchor?: (stored: Record<string, unknown>, log: AuditRecord[]) => Record<string, unknown>,
): Promise<void> {
  const wb = await loadWorkbook(input);
  const doc = await readAddinDocument(await readFile(input));
  const [sheet] = ownSheets(wb).logs;
  const read = rowsFromLog(sheetRows(wb, sheet));
  if (!read.ok) throw new Error(read.reason.en);
  const next = records(read.records);
  await wb.setRows(sheet, logToRows(next));
  const stored = JSON.parse(settingText(doc, LOG_HEAD_KEY) ?? '{}') as Record<string, unknown>;
  const last = next[next.length - 1];
  const newAnchor = anchor
    ? anchor(stored, next)
    : { ...stored, hash: last.hash, count: next.length };
  const forged = withSetting(doc, LOG_HEAD_KEY, JSON.stringify(newAnchor));
  await saveWorkbook(wb, output, {
    afterWrite: (b) => writeAddinDocument(b, forged),
    packageEdits: (names, read) => addinDocumentEdits(names, read, forged),
  });
}
