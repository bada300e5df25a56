/**
 * Signed audit records (SHEETS.md "Audit log integrity"): a new record carries its signer's key
 * fingerprint (inside what its hash covers) and a signature over the same canonical bytes; the
 * anchor (the last record's hash and the count, kept outside the log) is signed too. Checked
 * against the audit office's trust list, every record must be signed by a trusted auditor and
 * the anchor as well: an edited record whose chain and anchor were recomputed without the key
 * fails as a bad signature, a record signed by another key is named, and stripping signatures
 * makes records unsigned, which fails too. Without a trust list signatures are only reported.
 */
import { canonicalJson, type Text } from '../rules';
import {
  isAnchorSignatureJson,
  shortFingerprint,
  signBytes,
  signerStatus,
  utf8,
  type SignerStatus,
  type SigningKey,
  type TrustList,
} from '../signing';
import { appendRecord, recordBytes, type AuditRecord, type AuditRecordFields } from './audit-log';
import {
  anchorText,
  checkLog,
  type LogAnchor,
  type LogCheck,
  type LogCheckInput,
} from './log-check';

/** The next record, signed with `key` when one is given (else unsigned, as before signing). */
export async function appendSignedRecord(
  previous: AuditRecord | undefined,
  fields: AuditRecordFields,
  key: SigningKey | undefined,
): Promise<AuditRecord> {
  const record = appendRecord(previous, fields, key?.fingerprint ?? '');
  if (key === undefined) return record;
  return { ...record, signature: await signBytes(key.privateKey, recordBytes(record)) };
}

/** The anchor's signature: who signed it ('' when unsigned) and the signature (hex). */
export interface AnchorSignature {
  readonly signer: string;
  readonly signature: string;
}

const ANCHOR_TYPE = 'cm-appraisal audit log head';

/** What an anchor's signature signs: its hash, count and signer, canonical, with its purpose. */
export function anchorBytes(anchor: {
  readonly hash: string;
  readonly count: number;
  readonly signer: string;
}): Uint8Array<ArrayBuffer> {
  return utf8(
    canonicalJson({
      type: ANCHOR_TYPE,
      hash: anchor.hash,
      count: anchor.count,
      signer: anchor.signer,
    }),
  );
}

/** The signature fields to store beside the anchor's hash and count. */
export async function signAnchor(
  anchor: { readonly hash: string; readonly count: number },
  key: SigningKey,
): Promise<AnchorSignature> {
  const signer = key.fingerprint;
  return { signer, signature: await signBytes(key.privateKey, anchorBytes({ ...anchor, signer })) };
}

/** The anchor's setting text with its signature (extra keys a reader without signing ignores). */
export function signedAnchorText(
  anchor: LogAnchor,
  signature: AnchorSignature | undefined,
): string {
  if (signature === undefined) return anchorText(anchor);
  return JSON.stringify({ hash: anchor.hash, count: anchor.count, ...signature });
}

/**
 * The signature stored with the anchor's JSON text (`{"hash", "count", "signer", "signature"}`);
 * unsigned ('' both) when the text has none, undefined when it has a malformed one.
 */
export function anchorSignatureOf(text: string | null): AnchorSignature | undefined {
  if (text === null) return { signer: '', signature: '' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Checked against its JSON Schema (signing/schemas.ts ANCHOR_SIGNATURE_SCHEMA).
  if (!isAnchorSignatureJson(value)) return undefined;
  return { signer: value.signer ?? '', signature: value.signature ?? '' };
}

export interface SignatureReport {
  /** Whether a trust list judged the signatures (else they are only reported). */
  readonly judged: boolean;
  /** Each record's signer, in log order. */
  readonly records: readonly SignerStatus[];
  /** The anchor's signer; undefined when there is no anchor. */
  readonly anchor?: SignerStatus;
  /** With a trust list: every record and the anchor signed by a trusted auditor. Else true. */
  readonly ok: boolean;
  /** Every failing record named, then the anchor; empty when ok. */
  readonly problems: readonly Text[];
}

/** "signed by 张审计", "unsigned", … */
export function signerText(status: SignerStatus): Text {
  switch (status.kind) {
    case 'trusted':
      return { en: `signed by ${status.name}`, zh: `由${status.name}签名` };
    case 'unknown': {
      const fp = shortFingerprint(status.fingerprint);
      return { en: `signed by an unknown key (${fp} …)`, zh: `由未知密钥（${fp} …）签名` };
    }
    case 'bad':
      return {
        en: `bad signature (claims ${status.name}'s key)`,
        zh: `签名无效（自称${status.name}的密钥）`,
      };
    case 'unverified': {
      const fp = shortFingerprint(status.fingerprint);
      return {
        en: `signed by key ${fp} … (not checked: no trust list)`,
        zh: `由密钥 ${fp} … 签名（未核验：无信任名单）`,
      };
    }
    case 'unsigned':
      return { en: 'unsigned', zh: '未签名' };
  }
}

function recordProblem(n: number, seq: number, status: SignerStatus): Text | undefined {
  const which = { en: `record ${n} (seq ${seq})`, zh: `第 ${n} 条记录（序号 ${seq}）` };
  switch (status.kind) {
    case 'trusted':
    case 'unverified':
      return undefined;
    case 'unsigned':
      return {
        en: `${which.en} is unsigned; with a trust list every record must be signed by a trusted auditor.`,
        zh: `${which.zh}未签名；使用信任名单时每条记录都必须由受信任的稽核人员签名。`,
      };
    case 'unknown':
      return {
        en: `${which.en} is signed by a key not on the trust list (${shortFingerprint(status.fingerprint)} …).`,
        zh: `${which.zh}的签名密钥（${shortFingerprint(status.fingerprint)} …）不在信任名单中。`,
      };
    case 'bad':
      return {
        en: `${which.en} has a bad signature: it names ${status.name}'s key, but the signature does not match its content; the record was altered or forged.`,
        zh: `${which.zh}签名无效：记录自称由${status.name}的密钥签名，但签名与内容不符；记录已被篡改或伪造。`,
      };
  }
}

function anchorProblem(status: SignerStatus | undefined): Text | undefined {
  const what = {
    en: "the log's anchor (its last record's hash and count)",
    zh: '日志锚点（末条记录的哈希值和条数）',
  };
  if (status === undefined) {
    return {
      en: `${what.en} is missing, so deleted last records could go unseen.`,
      zh: `${what.zh}缺失，末尾记录被删除将无法发现。`,
    };
  }
  switch (status.kind) {
    case 'trusted':
    case 'unverified':
      return undefined;
    case 'unsigned':
      return {
        en: `${what.en} is unsigned; with a trust list it must be signed by a trusted auditor.`,
        zh: `${what.zh}未签名；使用信任名单时必须由受信任的稽核人员签名。`,
      };
    case 'unknown':
      return {
        en: `${what.en} is signed by a key not on the trust list (${shortFingerprint(status.fingerprint)} …).`,
        zh: `${what.zh}的签名密钥（${shortFingerprint(status.fingerprint)} …）不在信任名单中。`,
      };
    case 'bad':
      return {
        en: `${what.en} has a bad signature (it names ${status.name}'s key): the log's end was rewritten; records may have been deleted.`,
        zh: `${what.zh}签名无效（自称${status.name}的密钥）：日志末尾被改写，可能有记录被删除。`,
      };
  }
}

/**
 * Every record's signer and the anchor's, judged by `trust` when given. `anchor` is the stored
 * anchor's hash, count and signature, or undefined when the workbook has none.
 */
export async function checkSignatures(
  records: readonly AuditRecord[],
  anchor: (AnchorSignature & { readonly hash: string; readonly count: number }) | undefined,
  trust: TrustList | undefined,
): Promise<SignatureReport> {
  const statuses = await Promise.all(
    records.map((r) => signerStatus(r.signer, r.signature, recordBytes(r), trust)),
  );
  const anchorStatus =
    anchor === undefined
      ? undefined
      : await signerStatus(anchor.signer, anchor.signature, anchorBytes(anchor), trust);
  if (trust === undefined) {
    return { judged: false, records: statuses, anchor: anchorStatus, ok: true, problems: [] };
  }
  const problems: Text[] = [];
  statuses.forEach((s, i) => {
    const p = recordProblem(i + 1, records[i].seq, s);
    if (p) problems.push(p);
  });
  // An empty log with no anchor has nothing to vouch for.
  if (records.length > 0 || anchor !== undefined) {
    const p = anchorProblem(anchorStatus);
    if (p) problems.push(p);
  }
  return {
    judged: true,
    records: statuses,
    anchor: anchorStatus,
    ok: problems.length === 0,
    problems,
  };
}

/** The chain check with every signature judged beside it. */
export interface SignedLogCheck extends LogCheck {
  readonly signatures: SignatureReport;
  /**
   * Whether an audit may append to this log: the chain holds and no record or anchor is badly
   * signed or signed by an unknown key. Unsigned records alone (a log begun before signing) do
   * not stop it, though they fail verification with a trust list.
   */
  readonly continuable: boolean;
}

const ANCHOR_SIGNATURE_UNREADABLE: Text = {
  en: "the signature stored with the log's anchor is unreadable (its signer or signature is not what this add-in writes).",
  zh: '日志锚点中保存的签名无法读取（签名人或签名格式不符）。',
};

/**
 * The log checked as SHEETS.md "Audit log integrity" asks: the chain and the anchor (checkLog),
 * then every record's and the anchor's signature, judged by `trust` when given. Not ok when
 * either fails; the problems name every failing record, the chain's first.
 */
export async function checkSignedLog(
  input: LogCheckInput,
  trust: TrustList | undefined,
): Promise<SignedLogCheck> {
  const chain = checkLog(input);
  const signature = anchorSignatureOf(input.anchor);
  const anchor =
    chain.anchor !== undefined && signature !== undefined
      ? { ...chain.anchor, ...signature }
      : undefined;
  const report = await checkSignatures(chain.records, anchor, trust);
  const extra: Text[] = signature === undefined ? [ANCHOR_SIGNATURE_UNREADABLE] : [];
  const problems = [...chain.problems, ...report.problems, ...extra];
  const firstSigned = report.judged ? report.records.findIndex((s) => s.kind !== 'trusted') : -1;
  const sigBad =
    firstSigned >= 0
      ? firstSigned + 1
      : report.ok && extra.length === 0
        ? undefined
        : chain.records.length + 1;
  const firstBad =
    chain.firstBad === undefined
      ? sigBad
      : sigBad === undefined
        ? chain.firstBad
        : Math.min(chain.firstBad, sigBad);
  const forged = (st: SignerStatus | undefined) => st?.kind === 'bad' || st?.kind === 'unknown';
  const continuable =
    chain.ok && extra.length === 0 && !report.records.some(forged) && !forged(report.anchor);
  return {
    ...chain,
    ok: problems.length === 0,
    continuable,
    problems,
    ...(firstBad !== undefined ? { firstBad } : {}),
    signatures: { ...report, ok: report.ok && extra.length === 0 },
  };
}
