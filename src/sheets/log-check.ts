/**
 * One log, one anchor (SHEETS.md "Audit log integrity"): the check every host runs on the
 * workbook's audit log before it continues it, and that `cm-appraisal verify-log` prints.
 *
 * Inputs are what any host can read: the log sheets found by their marker (own-sheets.ts) and
 * the anchor text kept in the add-in's document setting LOG_HEAD_KEY (inside the .xlsx in its
 * web-extension part, see engine/web-extension.ts). The result names each record's state, so a
 * later check (signatures) can add its own per-record verdict beside it.
 */
import type { Text } from '../rules';
import {
  countReason,
  recordHash,
  recordsEn,
  rowsFromLog,
  GENESIS_HASH,
  type AuditRecord,
} from './audit-log';
import { isAnchorJson } from '../signing';
import type { CellValue } from './grid';

/** The document setting (Office.context.document.settings / workbook.settings) of the anchor. */
export const LOG_HEAD_KEY = 'cm-appraisal.auditLog.head';

/** The log's end as kept outside every sheet: its last record's hash and the record count. */
export interface LogAnchor {
  readonly hash: string;
  readonly count: number;
}

/** The anchor as stored in the setting (JSON text). */
export function anchorText(anchor: LogAnchor): string {
  return JSON.stringify({ hash: anchor.hash, count: anchor.count });
}

/**
 * The anchor, or undefined when the text is not one this add-in wrote (extra keys allowed):
 * checked against its JSON Schema (signing/schemas.ts ANCHOR_SCHEMA).
 */
export function parseAnchor(text: string): LogAnchor | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isAnchorJson(value) ? { hash: value.hash, count: value.count } : undefined;
}

/**
 * Each record's state: `ok`; `edited` (its hash does not match its content); `unlinked` (its
 * previous hash is not the record before it: a record deleted, inserted or moved); `sequence`
 * (wrong number); `after-break` (after a bad record, so not vouched for by the chain).
 */
export type RecordState = 'ok' | 'edited' | 'unlinked' | 'sequence' | 'after-break';

export interface RecordCheck {
  /** 1-based position in the log. */
  readonly n: number;
  readonly seq: number;
  readonly hash: string;
  readonly state: RecordState;
  readonly problem?: Text;
}

/**
 * `ok`: the log ends at the anchored record; `missing`: no anchor (the end cannot be vouched
 * for); `unreadable`; `count`/`head`: the log does not end where the anchor says.
 */
export type AnchorState = 'ok' | 'missing' | 'unreadable' | 'count' | 'head' | 'none';

export interface LogCheck {
  /** True when the chain and the anchor agree: the log may be continued. */
  readonly ok: boolean;
  /** The log's sheet (undefined when none was found or more than one). */
  readonly sheet?: string;
  /** Every sheet that carries the log marker. */
  readonly sheets: readonly string[];
  readonly records: readonly AuditRecord[];
  readonly perRecord: readonly RecordCheck[];
  readonly anchor?: LogAnchor;
  readonly anchorState: AnchorState;
  /** 1-based number of the first bad record (one past the last when only the end is). */
  readonly firstBad?: number;
  /** The problems found, the first deciding; empty when ok. */
  readonly problems: readonly Text[];
  /** Warnings that do not stop the log being continued (a log without an anchor yet). */
  readonly notes: readonly Text[];
}

export interface LogSheet {
  readonly sheet: string;
  readonly rows: readonly (readonly CellValue[])[];
}

export interface LogCheckInput {
  /** The sheets carrying the log marker, with their rows (header first). */
  readonly logs: readonly LogSheet[];
  /** The LOG_HEAD_KEY setting's text, or null when it is not set. */
  readonly anchor: string | null;
  /** A head hash given by the caller (`verify-log --head`), checked as well. */
  readonly expectedHead?: string;
}

/** Checks the log and its anchor. Pure. */
export function checkLog(input: LogCheckInput): LogCheck {
  const sheets = input.logs.map((l) => l.sheet);
  const problems: Text[] = [];
  const notes: Text[] = [];
  let firstBad: number | undefined;
  const fail = (n: number, t: Text) => {
    if (firstBad === undefined) firstBad = n;
    problems.push(t);
  };

  if (input.logs.length > 1) {
    const list = sheets.map((s) => `"${s}"`).join(', ');
    const listZh = sheets.map((s) => `“${s}”`).join('、');
    problems.push({
      en: `the workbook holds ${input.logs.length} audit logs (${list}): one workbook keeps one log; find out which one is genuine before auditing again.`,
      zh: `工作簿中有 ${input.logs.length} 份稽核日志（${listZh}）：一个工作簿只应有一份日志；请先查明哪一份是真实的再进行稽核。`,
    });
  }
  const only = input.logs.length === 1 ? input.logs[0] : undefined;
  let records: AuditRecord[] = [];
  const perRecord: RecordCheck[] = [];
  if (only !== undefined) {
    const read = rowsFromLog(only.rows);
    if (!read.ok) fail(read.index + 1, read.reason);
    else records = read.records;
    let broken = !read.ok;
    for (let i = 0; i < records.length; i++) {
      const rec = records[i];
      const n = i + 1;
      const base = { n, seq: rec.seq, hash: rec.hash };
      if (broken) {
        perRecord.push({ ...base, state: 'after-break' });
        continue;
      }
      const prev = i === 0 ? GENESIS_HASH : records[i - 1].hash;
      let state: RecordState = 'ok';
      let problem: Text | undefined;
      if (recordHash(rec) !== rec.hash) {
        state = 'edited';
        problem = {
          en: `record ${n} (seq ${rec.seq}) was edited: its hash does not match its content.`,
          zh: `第 ${n} 条记录（序号 ${rec.seq}）已被修改：哈希值与内容不符。`,
        };
      } else if (rec.prevHash !== prev) {
        state = 'unlinked';
        problem =
          i === 0
            ? {
                en: `record 1 (seq ${rec.seq}) does not start the chain: records before it were deleted.`,
                zh: `第 1 条记录（序号 ${rec.seq}）不是链的起点：其前的记录已被删除。`,
              }
            : {
                en: `record ${n} (seq ${rec.seq}) does not follow record ${i}: a record was deleted, inserted or moved here.`,
                zh: `第 ${n} 条记录（序号 ${rec.seq}）与第 ${i} 条不衔接：此处有记录被删除、插入或移动。`,
              };
      } else if (rec.seq !== n) {
        state = 'sequence';
        problem = {
          en: `record ${n} has sequence number ${rec.seq}, expected ${n}.`,
          zh: `第 ${n} 条记录的序号为 ${rec.seq}，应为 ${n}。`,
        };
      }
      perRecord.push({ ...base, state, ...(problem ? { problem } : {}) });
      if (problem) {
        fail(n, problem);
        broken = true;
      }
    }
  }

  const count = records.length;
  const head = count === 0 ? GENESIS_HASH : records[count - 1].hash;
  let anchor: LogAnchor | undefined;
  let anchorState: AnchorState = 'none';
  if (input.anchor === null) {
    if (count > 0 || input.logs.length > 0) {
      anchorState = 'missing';
      notes.push({
        en: `the log has no anchor (document setting ${LOG_HEAD_KEY}): deleted last records cannot be ruled out.`,
        zh: `日志没有锚点（文档设置 ${LOG_HEAD_KEY}）：无法排除末尾记录被删除。`,
      });
    }
  } else {
    anchor = parseAnchor(input.anchor);
    if (anchor === undefined) {
      anchorState = 'unreadable';
      fail(count + 1, {
        en: `the anchor of the log's last record (document setting ${LOG_HEAD_KEY}) is unreadable, so deleted last records could go unseen.`,
        zh: `日志末条记录的锚点（文档设置 ${LOG_HEAD_KEY}）无法读取，末尾记录被删除将无法发现。`,
      });
    } else if (anchor.count !== count) {
      anchorState = 'count';
      fail(Math.min(count, anchor.count) + 1, countReason(count, anchor.count));
    } else if (anchor.hash !== head) {
      anchorState = 'head';
      fail(count, {
        en: `the log ends at record ${count}, whose hash is not the anchored head: the last records were rewritten.`,
        zh: `日志止于第 ${count} 条记录，其哈希值不是锚定的末条哈希：最后的记录已被改写。`,
      });
    } else {
      anchorState = 'ok';
    }
  }
  if (input.expectedHead !== undefined && input.expectedHead.toLowerCase() !== head) {
    const at = records.findIndex((r) => r.hash === input.expectedHead?.toLowerCase());
    fail(
      at >= 0 ? at + 2 : count,
      at >= 0
        ? {
            en: `the log continues after the given head (record ${at + 1}): ${recordsEn(count - at - 1)} were added after it.`,
            zh: `日志在给定的末条哈希（第 ${at + 1} 条）之后还有 ${count - at - 1} 条记录。`,
          }
        : {
            en: `the given head hash is not in the log: it ends at record ${count}; the last records were deleted or rewritten.`,
            zh: `给定的末条哈希不在日志中：日志止于第 ${count} 条；最后的记录已被删除或改写。`,
          },
    );
  }
  return {
    ok: problems.length === 0,
    ...(only !== undefined ? { sheet: only.sheet } : {}),
    sheets,
    records,
    perRecord,
    ...(anchor ? { anchor } : {}),
    anchorState,
    ...(firstBad !== undefined ? { firstBad } : {}),
    problems,
    notes,
  };
}
