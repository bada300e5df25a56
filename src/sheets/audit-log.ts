/**
 * The audit log (SHEETS.md): one record per audit, each carrying the SHA-256 of its canonical
 * form including the previous record's hash, so an edited, deleted, inserted or reordered
 * record breaks the chain. Pure: the time and the user are passed in.
 *
 * What the chain cannot see alone: deleting the LAST records (or rewriting the whole tail with
 * fresh hashes) leaves a valid shorter chain. Anchor the head: keep the last hash somewhere the
 * log's editor cannot reach (the CLI prints it; the add-in keeps it with the count in a document
 * setting, see the task pane's audit workflow) and pass it as `expectedHead` and/or
 * `expectedCount`.
 */
import { canonicalJson, sha256Hex, type Text } from '../rules';
import type { Finding } from './findings';
import type { CellValue } from './grid';

export interface AuditRecordFields {
  /** ISO 8601 time of the audit. */
  readonly when: string;
  /** Who ran it, where the host knows; else ''. */
  readonly who: string;
  readonly workbook: string;
  readonly policyVersion: string;
  readonly policyHash: string;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly mismatches: number;
  /** SHA-256 of the canonical findings list (`findingsDigest`). */
  readonly findingsDigest: string;
}

export interface AuditRecord extends AuditRecordFields {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  /** Fingerprint of the key that signed the record; '' for an unsigned (older) record. */
  readonly signer: string;
  /** The signer's signature of the record's canonical bytes (hex); '' when unsigned. */
  readonly signature: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The stored columns, in order (the header row of the log sheet). */
type Field = (typeof LOG_HEADER)[number];

export const LOG_HEADER = [
  'seq',
  'when',
  'who',
  'workbook',
  'policyVersion',
  'policyHash',
  'rows',
  'errors',
  'warnings',
  'mismatches',
  'findingsDigest',
  'prevHash',
  'hash',
  'signer',
  'signature',
] as const;

/**
 * The columns every log has, those written before signing included: the marker that finds the
 * log sheet (own-sheets.ts) is these in row 1.
 */
export const LOG_MARKER_HEADER = LOG_HEADER.slice(0, LOG_HEADER.indexOf('hash') + 1);

/** Columns a log written before signing lacks: read as '' (an unsigned record). */
const OPTIONAL: ReadonlySet<Field> = new Set(['signer', 'signature']);

const NUMBERS: ReadonlySet<Field> = new Set(['seq', 'rows', 'errors', 'warnings', 'mismatches']);

/** SHA-256 of the findings in a canonical order and form (messages included). */
export function findingsDigest(findings: readonly Finding[]): string {
  const list = findings
    .map((f) => ({
      severity: f.severity,
      sheet: f.sheet,
      address: f.address,
      row: f.row,
      column: f.column,
      rule: f.rule,
      article: f.article,
      message: { en: f.message.en, zh: f.message.zh },
    }))
    .map((f) => canonicalJson(f))
    .sort();
  return sha256Hex(`[${list.join(',')}]`);
}

/**
 * A record's canonical form: every field but `hash` and `signature` (previous hash and signer
 * included; an empty signer left out, so records from before signing keep their hashes) as JSON
 * with keys sorted and no spaces. What the hash covers, and what a signature signs.
 */
export function recordCanonical(record: Omit<AuditRecord, 'hash' | 'signature'>): string {
  const body: Record<string, unknown> = {};
  for (const k of LOG_HEADER) {
    if (k === 'hash' || k === 'signature' || (k === 'signer' && record.signer === '')) continue;
    body[k] = record[k];
  }
  return canonicalJson(body);
}

/** The canonical form as UTF-8 bytes: what a signature signs. */
export function recordBytes(
  record: Omit<AuditRecord, 'hash' | 'signature'>,
): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(recordCanonical(record));
}

/** The hash of a record: SHA-256 of its canonical form (recordCanonical), hex. */
export function recordHash(record: Omit<AuditRecord, 'hash' | 'signature'>): string {
  return sha256Hex(recordCanonical(record));
}

/**
 * The next record after `previous` (undefined for the first record of a log). With `signer` (a
 * key's fingerprint) the hash covers it and the record awaits its signature (log-signatures.ts).
 */
export function appendRecord(
  previous: AuditRecord | undefined,
  fields: AuditRecordFields,
  signer = '',
): AuditRecord {
  const base = {
    seq: previous === undefined ? 1 : previous.seq + 1,
    when: fields.when,
    who: fields.who,
    workbook: fields.workbook,
    policyVersion: fields.policyVersion,
    policyHash: fields.policyHash,
    rows: fields.rows,
    errors: fields.errors,
    warnings: fields.warnings,
    mismatches: fields.mismatches,
    findingsDigest: fields.findingsDigest,
    prevHash: previous === undefined ? GENESIS_HASH : previous.hash,
    signer,
  };
  return { ...base, hash: recordHash(base), signature: '' };
}

export type LogVerdict =
  { readonly ok: true } | { readonly ok: false; readonly index: number; readonly reason: Text };

export interface VerifyOptions {
  /** The last record's hash as kept outside the log: detects deleted last records. */
  readonly expectedHead?: string;
  /** How many records the log should hold. */
  readonly expectedCount?: number;
}

/**
 * Check the chain and name the FIRST bad record: its own hash (an edited field), its link to
 * the previous record (a deleted, inserted or moved record), its sequence number. `index` is
 * the 0-based position in `records`; records.length when only the tail is missing.
 */
export function verifyLog(
  records: readonly AuditRecord[],
  options: VerifyOptions = {},
): LogVerdict {
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    const n = i + 1;
    if (recordHash(rec) !== rec.hash) {
      return bad(i, {
        en: `record ${n} (seq ${rec.seq}) was edited: its hash does not match its content.`,
        zh: `第 ${n} 条记录（序号 ${rec.seq}）已被修改：哈希值与内容不符。`,
      });
    }
    const prev = i === 0 ? GENESIS_HASH : records[i - 1].hash;
    if (rec.prevHash !== prev) {
      return bad(i, {
        en:
          i === 0
            ? `record 1 (seq ${rec.seq}) does not start the chain: records before it were deleted.`
            : `record ${n} (seq ${rec.seq}) does not follow record ${i}: a record was deleted, inserted or moved here.`,
        zh:
          i === 0
            ? `第 1 条记录（序号 ${rec.seq}）不是链的起点：其前的记录已被删除。`
            : `第 ${n} 条记录（序号 ${rec.seq}）与第 ${i} 条不衔接：此处有记录被删除、插入或移动。`,
      });
    }
    if (rec.seq !== n) {
      return bad(i, {
        en: `record ${n} has sequence number ${rec.seq}, expected ${n}.`,
        zh: `第 ${n} 条记录的序号为 ${rec.seq}，应为 ${n}。`,
      });
    }
  }
  const count = records.length;
  if (options.expectedCount !== undefined && count !== options.expectedCount) {
    return bad(Math.min(count, options.expectedCount), countReason(count, options.expectedCount));
  }
  if (options.expectedHead !== undefined) {
    const head = count === 0 ? GENESIS_HASH : records[count - 1].hash;
    if (head !== options.expectedHead) {
      const at = records.findIndex((r) => r.hash === options.expectedHead);
      return at >= 0
        ? bad(at + 1, {
            en: `the log continues after the expected last record (${at + 1}): records were added after it.`,
            zh: `日志在预期的最后一条记录（第 ${at + 1} 条）之后还有记录：有记录被添加。`,
          })
        : bad(count, {
            en: `the log ends at record ${count}, whose hash is not the expected head: the last records were deleted or rewritten.`,
            zh: `日志止于第 ${count} 条记录，其哈希值不是预期的末条哈希：最后的记录已被删除或改写。`,
          });
    }
  }
  return { ok: true };
}

export function recordsEn(n: number): string {
  return n === 1 ? '1 record' : `${n} records`;
}

/** The log holds `count` records where `expected` were anchored; names the first missing one. */
export function countReason(count: number, expected: number): Text {
  const held = `the log holds ${recordsEn(count)}, ${expected} expected`;
  const heldZh = `日志有 ${count} 条记录，应为 ${expected} 条`;
  if (count > expected) {
    return {
      en: `${held}: records were added after record ${expected}.`,
      zh: `${heldZh}：第 ${expected} 条之后有记录被添加。`,
    };
  }
  const first = count + 1;
  const missing =
    first === expected
      ? { en: `record ${first}`, zh: `第 ${first} 条` }
      : { en: `records ${first} to ${expected}`, zh: `第 ${first} 至 ${expected} 条` };
  if (count === 0) {
    return {
      en: `${held}: the log sheet or all its records (${missing.en}) were deleted.`,
      zh: `${heldZh}：日志表或其全部记录（${missing.zh}）已被删除。`,
    };
  }
  return {
    en: `${held}: ${missing.en} ${first === expected ? 'was' : 'were'} deleted from the end.`,
    zh: `${heldZh}：末尾的${missing.zh}记录已被删除。`,
  };
}

function bad(index: number, reason: Text): LogVerdict {
  return { ok: false, index, reason };
}

/** The log as sheet rows: the header row, then one row per record. */
export function logToRows(records: readonly AuditRecord[]): CellValue[][] {
  return [[...LOG_HEADER], ...records.map((r) => LOG_HEADER.map((k) => r[k]))];
}

export type LogRead =
  | { readonly ok: true; readonly records: AuditRecord[] }
  | { readonly ok: false; readonly index: number; readonly reason: Text };

const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;

// Days from Excel's 1900 serial 0 to 1970-01-01.
const EXCEL_EPOCH_DAYS = 25569;

function fold(h: CellValue): string {
  return typeof h === 'string' ? h.replace(/[\s_]+/g, '').toLowerCase() : '';
}

/**
 * Records from the log sheet's rows (header first). Tolerant of what Excel does to stored
 * text: a number kept as a number or as its text, a text id turned into a number, a time
 * turned into a date serial. A row that cannot be read is reported as bad (0-based record
 * index); blank rows are skipped.
 */
export function rowsFromLog(rows: readonly (readonly CellValue[])[]): LogRead {
  if (rows.length === 0) return { ok: true, records: [] };
  const header = rows[0].map(fold);
  const at: Partial<Record<Field, number>> = {};
  for (const k of LOG_HEADER) {
    const c = header.indexOf(k.toLowerCase());
    if (c < 0 && OPTIONAL.has(k)) {
      // A log begun before signing and continued by a host that appends rows under the old
      // header: the signature columns sit, unnamed, right after `hash`.
      const after = (at.hash ?? -1) + 1 + (k === 'signer' ? 0 : 1);
      if (at.hash !== undefined && (header[after] ?? '') === '') at[k] = after;
      continue;
    }
    if (c < 0) {
      return {
        ok: false,
        index: 0,
        reason: {
          en: `the log's header row has no "${k}" column.`,
          zh: `日志表头缺少“${k}”列。`,
        },
      };
    }
    at[k] = c;
  }
  const records: AuditRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (row.every((v) => v === null || v === '')) continue;
    const rec: Record<string, string | number> = {};
    for (const k of LOG_HEADER) {
      const raw = at[k] === undefined ? null : (row[at[k]] ?? null);
      const value = NUMBERS.has(k) ? asInteger(raw) : asText(k, raw);
      if (value === undefined) {
        const index = records.length;
        return {
          ok: false,
          index,
          reason: {
            en: `record ${index + 1} (sheet row ${i + 1}) is malformed: "${k}" is ${raw === null ? 'blank' : `"${String(raw)}"`}.`,
            zh: `第 ${index + 1} 条记录（表中第 ${i + 1} 行）格式错误：“${k}”为${raw === null ? '空' : `“${String(raw)}”`}。`,
          },
        };
      }
      rec[k] = value;
    }
    if ((rec.signer === '') !== (rec.signature === '')) {
      const index = records.length;
      return {
        ok: false,
        index,
        reason: {
          en: `record ${index + 1} (sheet row ${i + 1}) is malformed: it has a ${rec.signer === '' ? 'signature without a signer' : 'signer without a signature'}.`,
          zh: `第 ${index + 1} 条记录（表中第 ${i + 1} 行）格式错误：${rec.signer === '' ? '有签名而无签名人' : '有签名人而无签名'}。`,
        },
      };
    }
    records.push(rec as unknown as AuditRecord);
  }
  return { ok: true, records };
}

function asInteger(raw: CellValue): number | undefined {
  const n =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && raw.trim() !== ''
        ? Number(raw)
        : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function asText(k: Field, raw: CellValue): string | undefined {
  if (k === 'policyHash' || k === 'findingsDigest' || k === 'prevHash' || k === 'hash') {
    return typeof raw === 'string' && HEX64.test(raw.trim()) ? raw.trim() : undefined;
  }
  if (k === 'signer' || k === 'signature') {
    // Exactly as written (one spelling per byte): blank, or lower-case hex of the right length.
    if (raw === null || raw === '') return '';
    return typeof raw === 'string' && (k === 'signer' ? HEX64 : HEX128).test(raw) ? raw : undefined;
  }
  if (k === 'when') {
    if (typeof raw === 'number' && Number.isFinite(raw)) {
      // Excel turned the ISO time into a date serial (days since 1899-12-30, UTC as written).
      return new Date(Math.round((raw - EXCEL_EPOCH_DAYS) * 86400000)).toISOString();
    }
    return typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
  }
  if (raw === null) return k === 'who' || k === 'workbook' ? '' : undefined;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return String(raw);
}

/** The fields of a record for an audit report, with the when/who/workbook the host knows. */
export function auditLogFields(
  report: {
    readonly policyVersion: string;
    readonly policyHash: string;
    readonly findings: readonly Finding[];
    readonly counts: {
      readonly rows: number;
      readonly errors: number;
      readonly warnings: number;
      readonly mismatches: number;
    };
  },
  context: { readonly when: string; readonly who?: string | null; readonly workbook: string },
): AuditRecordFields {
  return {
    when: context.when,
    who: context.who ?? '',
    workbook: context.workbook,
    policyVersion: report.policyVersion,
    policyHash: report.policyHash,
    rows: report.counts.rows,
    errors: report.counts.errors,
    warnings: report.counts.warnings,
    mismatches: report.counts.mismatches,
    findingsDigest: findingsDigest(report.findings),
  };
}
