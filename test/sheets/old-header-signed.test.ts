import { appendRecord, logToRows, rowsFromLog, verifyLog } from '../../src/sheets';
import { appendSignedRecord } from '../../src/sheets/log-signatures';
import { fingerprintOf, generateKeyPair } from '../../src/signing';
it('a signed record appended under a log header from before signing reads back intact', async () => {
  const f = {
    when: '2026-01-01T00:00:00Z',
    who: 'a',
    workbook: 'w',
    policyVersion: 'v',
    policyHash: 'a'.repeat(64),
    rows: 1,
    errors: 0,
    warnings: 0,
    mismatches: 0,
    findingsDigest: 'b'.repeat(64),
  };
  const old = appendRecord(undefined, f);
  const pair = await generateKeyPair(false);
  const key = { name: 'k', fingerprint: await fingerprintOf(pair.publicKey), ...pair };
  const next = await appendSignedRecord(old, f, key);
  const rows = logToRows([old, next]);
  rows[0] = rows[0].slice(0, 13);
  rows[1] = rows[1].slice(0, 13);
  const read = rowsFromLog(rows);
  expect(read.ok && read.records[1].signer).toBe(key.fingerprint);
  expect(read.ok && verifyLog(read.records)).toEqual({ ok: true });
});
