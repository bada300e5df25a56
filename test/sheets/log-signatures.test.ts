/**
 * Forgery cases for the signed audit log (SHEETS.md "Audit log integrity"), in Node: a forger
 * holds the workbook and this code but not the auditor's key. The browser test does the same
 * through the task pane in Chromium.
 */
import fc from 'fast-check';
import { recordHash } from '../../src/sheets/audit-log';
import {
  anchorSignatureOf,
  appendSignedRecord,
  checkSignatures,
  signAnchor,
  signerText,
} from '../../src/sheets/log-signatures';
import {
  appendRecord,
  logToRows,
  rowsFromLog,
  verifyLog,
  type AuditRecord,
  type AuditRecordFields,
  type CellValue,
} from '../../src/sheets';
import {
  fingerprintOf,
  generateKeyPair,
  importPublicKey,
  publicKeyJson,
  trustListOf,
  type SigningKey,
  type TrustList,
} from '../../src/signing';

async function newKey(name: string): Promise<SigningKey> {
  const pair = await generateKeyPair(false);
  return {
    name,
    fingerprint: await fingerprintOf(pair.publicKey),
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
  };
}

const fields = (i: number): AuditRecordFields => ({
  when: `2026-0${(i % 9) + 1}-03T09:00:00.000Z`,
  who: i % 2 ? '稽核监控办 王' : '',
  workbook: '考核2026.xlsx',
  policyVersion: '商业银行客户经理考核管理办法 1.0.0',
  policyHash: 'a'.repeat(64),
  rows: 40 + i,
  errors: 8 - i,
  warnings: 2,
  mismatches: i % 3,
  findingsDigest: 'b'.repeat(64),
});

/** The anchor as the hosts store it: JSON of hash, count and the signature fields. */
async function anchorFor(records: readonly AuditRecord[], key: SigningKey | undefined) {
  const last = records[records.length - 1];
  const anchor = { hash: last.hash, count: records.length };
  const sig = key ? await signAnchor(anchor, key) : {};
  return JSON.stringify({ ...anchor, ...sig });
}

async function signedLog(n: number, key: SigningKey): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for (let i = 0; i < n; i++)
    records.push(await appendSignedRecord(records[i - 1], fields(i), key));
  return records;
}

/**
 * The whole check as a host runs it: the rows read, the chain checked against the anchor's
 * hash and count, every signature judged by the trust list.
 */
async function verify(
  rows: readonly (readonly CellValue[])[],
  anchorText: string,
  trust?: TrustList,
) {
  const read = rowsFromLog(rows);
  if (!read.ok) return { ok: false, problems: [read.reason.en], statuses: [] as string[] };
  const anchor = JSON.parse(anchorText) as { hash: string; count: number };
  const chain = verifyLog(read.records, { expectedHead: anchor.hash, expectedCount: anchor.count });
  const sig = anchorSignatureOf(anchorText);
  if (sig === undefined) return { ok: false, problems: ['malformed anchor'], statuses: [] };
  const report = await checkSignatures(read.records, { ...anchor, ...sig }, trust);
  const problems = [...(chain.ok ? [] : [chain.reason.en]), ...report.problems.map((p) => p.en)];
  return {
    ok: chain.ok && report.ok,
    problems,
    statuses: report.records.map((s) => signerText(s).en),
    anchor: report.anchor && signerText(report.anchor).en,
  };
}

/** What a forger can do without the key: change a record, then recompute every hash after it. */
function rechain(records: readonly AuditRecord[], from: number, edit: Partial<AuditRecord>) {
  const out = records.slice(0, from);
  for (let i = from; i < records.length; i++) {
    const base = {
      ...records[i],
      ...(i === from ? edit : {}),
      prevHash: i === 0 ? '0'.repeat(64) : out[i - 1].hash,
    };
    out.push({ ...base, hash: recordHash(base) });
  }
  return out;
}

let zhang: SigningKey;
let mallory: SigningKey;
let trust: TrustList;
let log: AuditRecord[];

beforeAll(async () => {
  zhang = await newKey('张审计');
  mallory = await newKey('mallory');
  trust = trustListOf([await importPublicKey(await publicKeyJson('张审计', zhang.publicKey))]);
  log = await signedLog(4, zhang);
});

describe('signed records', () => {
  it('carry the signer inside what the hash covers, and verify against the trust list', async () => {
    expect(
      log.every((r) => r.signer === zhang.fingerprint && /^[0-9a-f]{128}$/.test(r.signature)),
    ).toBe(true);
    const r = await verify(logToRows(log), await anchorFor(log, zhang), trust);
    expect(r).toMatchObject({ ok: true, problems: [], anchor: 'signed by 张审计' });
    expect(r.statuses).toEqual(Array(4).fill('signed by 张审计'));
    // The signer is hashed: swapping it breaks the record's hash.
    const swapped = log.map((x, i) => (i === 1 ? { ...x, signer: mallory.fingerprint } : x));
    expect(verifyLog(swapped)).toMatchObject({ ok: false, index: 1 });
  });

  it('an edited record with the chain and anchor recomputed is a bad signature, named', async () => {
    const forged = rechain(log, 1, { errors: 0 });
    // The chain alone is fooled: every hash and the anchor agree.
    const anchor = JSON.stringify({
      ...(JSON.parse(await anchorFor(log, zhang)) as object),
      hash: forged[3].hash,
    });
    expect(verifyLog(forged, { expectedHead: forged[3].hash, expectedCount: 4 })).toEqual({
      ok: true,
    });
    const r = await verify(logToRows(forged), anchor, trust);
    expect(r.ok).toBe(false);
    expect(r.statuses).toEqual([
      'signed by 张审计',
      ...Array(3).fill("bad signature (claims 张审计's key)"),
    ]);
    expect(r.problems[0]).toMatch(/^record 2 \(seq 2\) has a bad signature: it names 张审计's key/);
    expect(r.problems.at(-1)).toMatch(/anchor .* has a bad signature/);
    // Without a trust list the same log reads as intact chain, signatures only reported.
    const loose = await verify(logToRows(forged), anchor);
    expect(loose.ok).toBe(true);
    expect(loose.statuses[1]).toMatch(
      /^signed by key [0-9a-f ]+ … \(not checked: no trust list\)$/,
    );
  });

  it("re-signed with the forger's own key: each record named as signed by an unknown key", async () => {
    const fields1 = { ...fields(1), errors: 0 };
    const forged = [log[0]];
    forged.push(await appendSignedRecord(forged[0], fields1, mallory));
    for (let i = 2; i < 4; i++)
      forged.push(await appendSignedRecord(forged[i - 1], fields(i), mallory));
    const r = await verify(logToRows(forged), await anchorFor(forged, mallory), trust);
    expect(r.ok).toBe(false);
    expect(r.problems.filter((p) => /signed by a key not on the trust list/.test(p))).toHaveLength(
      4,
    );
    expect(r.problems[0]).toMatch(/^record 2 \(seq 2\)/);
  });

  it('signatures stripped: unsigned records fail with a trust list', async () => {
    const stripped = rechain(
      log.map((r) => ({ ...r, signer: '', signature: '' })),
      0,
      {},
    );
    const r = await verify(logToRows(stripped), await anchorFor(stripped, undefined), trust);
    expect(r.ok).toBe(false);
    expect(r.statuses).toEqual(Array(4).fill('unsigned'));
    expect(r.problems).toHaveLength(5);
    expect(r.problems[4]).toMatch(/anchor .* is unsigned/);
  });

  it('the last record deleted: the signed anchor catches it, however it is rewritten', async () => {
    const cut = log.slice(0, 3);
    const kept = await anchorFor(log, zhang);
    // The anchor left as it was: it counts 4.
    expect((await verify(logToRows(cut), kept, trust)).problems[0]).toMatch(
      /record 4 was deleted from the end/,
    );
    // The anchor's hash and count rewritten, its signature kept: bad signature.
    const rewritten = JSON.stringify({ ...JSON.parse(kept), hash: cut[2].hash, count: 3 });
    const r = await verify(logToRows(cut), rewritten, trust);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      expect.stringMatching(/anchor .* has a bad signature .* records may have been deleted/),
    ]);
    // Re-signed by another key, or unsigned: named too.
    expect((await verify(logToRows(cut), await anchorFor(cut, mallory), trust)).problems).toEqual([
      expect.stringMatching(/anchor .* signed by a key not on the trust list/),
    ]);
    expect((await verify(logToRows(cut), await anchorFor(cut, undefined), trust)).ok).toBe(false);
  });

  it('records from before signing are reported unsigned, not broken; a log may mix both', async () => {
    const old = [appendRecord(undefined, fields(0))];
    old.push(appendRecord(old[0], fields(1)));
    const rowsBefore = logToRows(old).map((row) => row.slice(0, 13));
    // A log written before signing has no signer/signature columns; its hashes still hold.
    const read = rowsFromLog(rowsBefore);
    expect(read.ok && verifyLog(read.records)).toEqual({ ok: true });
    const mixed = [...old, await appendSignedRecord(old[1], fields(2), zhang)];
    const r = await verify(logToRows(mixed), await anchorFor(mixed, zhang));
    expect(r).toMatchObject({
      ok: true,
      statuses: ['unsigned', 'unsigned', expect.stringMatching(/^signed by key/)],
    });
    const judged = await verify(logToRows(mixed), await anchorFor(mixed, zhang), trust);
    expect(judged.ok).toBe(false);
    expect(judged.statuses).toEqual(['unsigned', 'unsigned', 'signed by 张审计']);
    expect(judged.problems).toHaveLength(2);
  });

  it('a signer without a signature (or the reverse) is a malformed record', () => {
    const rows = logToRows(log);
    const sigCol = rows[0].indexOf('signature');
    const damaged = rows.map((row, i) =>
      i === 2 ? row.map((v, c) => (c === sigCol ? '' : v)) : row,
    );
    const read = rowsFromLog(damaged);
    expect(read).toMatchObject({ ok: false, index: 1 });
  });

  it('reads only anchor signatures this add-in writes: both keys or neither, each in its form', () => {
    const hash = 'ab'.repeat(32);
    const signer = 'cd'.repeat(32);
    const signature = 'ef'.repeat(64);
    const text = (extra: object) => JSON.stringify({ hash, count: 2, ...extra });
    expect(anchorSignatureOf(null)).toEqual({ signer: '', signature: '' });
    expect(anchorSignatureOf(text({}))).toEqual({ signer: '', signature: '' });
    expect(anchorSignatureOf(text({ signer, signature }))).toEqual({ signer, signature });
    expect(anchorSignatureOf(text({ signer, signature, note: 'extra keys are kept out' }))).toEqual(
      { signer, signature },
    );
    for (const bad of [
      'not json',
      '[]',
      'null',
      '"text"',
      text({ signer }),
      text({ signature }),
      text({ signer: signer.toUpperCase(), signature }),
      text({ signer, signature: signature.slice(2) }),
      text({ signer: null, signature }),
      text({ signer, signature: 12 }),
    ]) {
      expect(anchorSignatureOf(bad)).toBeUndefined();
    }
  });
});

describe('property: any single-byte change to a signed record fails verification', () => {
  it('holds for every column, position and replacement', async () => {
    const rows = logToRows(log);
    const anchor = await anchorFor(log, zhang);
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: log.length }),
        fc.integer({ min: 0, max: rows[0].length - 1 }),
        fc.nat(),
        printable,
        async (r, c, at, ch) => {
          const text = String(rows[r][c]);
          fc.pre(text.length > 0);
          const i = at % text.length;
          fc.pre(text[i] !== ch);
          const changed = text.slice(0, i) + ch + text.slice(i + 1);
          const edited = rows.map((row, ri) =>
            ri === r ? row.map((v, ci) => (ci === c ? changed : v)) : row,
          );
          const result = await verify(edited, anchor, trust);
          return !result.ok;
        },
      ),
      { numRuns: 300 },
    );
  });
});
