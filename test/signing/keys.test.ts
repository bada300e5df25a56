/**
 * Signing keys and trust lists (SHEETS.md "Audit log integrity"): WebCrypto ECDSA P-256, the
 * fingerprint as SHA-256 of the SubjectPublicKeyInfo (checked against node:crypto's own DER),
 * the JSON files validated by their schemas, and a signature judged against a trust list.
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import {
  generateKeyPair,
  importPublicKey,
  KeyFormatError,
  loadTrustList,
  publicKeyJson,
  publicKeyOf,
  signBytes,
  signerStatus,
  trustListOf,
  utf8,
  verifyBytes,
} from '../../src/signing';
import { keyFor, memoryKeyStore } from '../../src/signing/key-store';

async function auditor(name: string) {
  const pair = await generateKeyPair(false);
  const json = await publicKeyJson(name, pair.publicKey);
  return { pair, json };
}

describe('keys', () => {
  it('fingerprint is the SHA-256 of the key as node:crypto encodes its SPKI', async () => {
    const { json } = await auditor('张审计');
    const der = createPublicKey({
      key: Buffer.from(json.key, 'base64'),
      format: 'der',
      type: 'spki',
    }).export({ type: 'spki', format: 'der' });
    expect(json.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect(json.name).toBe('张审计');
  });

  it('a public key JSON reads back and verifies what its private half signed', async () => {
    const { pair, json } = await auditor('张审计');
    const key = await importPublicKey(JSON.parse(JSON.stringify(json)));
    const bytes = utf8('{"errors":8}');
    const sig = await signBytes(pair.privateKey, bytes);
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(await verifyBytes(key.publicKey, sig, bytes)).toBe(true);
    expect(await verifyBytes(key.publicKey, sig, utf8('{"errors":0}'))).toBe(false);
  });

  it('the pane key is not extractable, and its public half is derived for the CLI file', async () => {
    const pair = await generateKeyPair(false);
    expect(pair.privateKey.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
    const full = await generateKeyPair(true);
    const derived = await publicKeyOf(full.privateKey);
    expect((await publicKeyJson('a', derived)).fingerprint).toBe(
      (await publicKeyJson('a', full.publicKey)).fingerprint,
    );
  });

  it.each([
    [
      'a changed fingerprint',
      (j: Record<string, unknown>) => ({ ...j, fingerprint: 'a'.repeat(64) }),
      /fingerprint does not match/,
    ],
    [
      'a missing name',
      ({ name: _n, ...j }: Record<string, unknown>) => j,
      /must have required property 'name'/,
    ],
    [
      'an extra field',
      (j: Record<string, unknown>) => ({ ...j, privateKey: 'x' }),
      /must NOT have additional properties \("privateKey"\)/,
    ],
    [
      'a key that is not base64',
      (j: Record<string, unknown>) => ({ ...j, key: 'not base64!' }),
      /\/key must match pattern/,
    ],
    [
      'an upper-case fingerprint',
      (j: Record<string, unknown>) => ({ ...j, fingerprint: String(j.fingerprint).toUpperCase() }),
      /\/fingerprint must match pattern/,
    ],
  ])('a public key with %s is refused with a readable reason', async (_what, edit, message) => {
    const { json } = await auditor('张审计');
    const p = importPublicKey(edit({ ...json }));
    await expect(p).rejects.toThrow(KeyFormatError);
    await expect(p).rejects.toThrow(message);
  });

  it('an RSA key in the key field is refused as not ECDSA P-256', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'der',
    });
    const json = {
      name: 'x',
      key: rsa.toString('base64'),
      fingerprint: createHash('sha256').update(rsa).digest('hex'),
    };
    await expect(importPublicKey(json)).rejects.toThrow(/not an ECDSA P-256 public key/);
  });
});

describe('trust list', () => {
  it('judges a signature: trusted (named), bad, unknown key, unsigned, unverified', async () => {
    const zhang = await auditor('张审计');
    const mallory = await auditor('mallory');
    const trust = await loadTrustList({ auditors: [zhang.json] });
    const bytes = utf8('record');
    const good = await signBytes(zhang.pair.privateKey, bytes);
    const fp = zhang.json.fingerprint;
    expect(await signerStatus(fp, good, bytes, trust)).toEqual({
      kind: 'trusted',
      name: '张审计',
      fingerprint: fp,
    });
    expect(await signerStatus(fp, good, utf8('record!'), trust)).toEqual({
      kind: 'bad',
      name: '张审计',
      fingerprint: fp,
    });
    const theirs = await signBytes(mallory.pair.privateKey, bytes);
    // Mallory's signature under Zhang's fingerprint: bad; under Mallory's own: unknown.
    expect((await signerStatus(fp, theirs, bytes, trust)).kind).toBe('bad');
    expect(await signerStatus(mallory.json.fingerprint, theirs, bytes, trust)).toEqual({
      kind: 'unknown',
      fingerprint: mallory.json.fingerprint,
    });
    expect(await signerStatus('', '', bytes, trust)).toEqual({ kind: 'unsigned' });
    expect(await signerStatus(fp, good, bytes, undefined)).toEqual({
      kind: 'unverified',
      fingerprint: fp,
    });
  });

  it('refuses a list that is not one, naming the entry', async () => {
    const zhang = await auditor('张审计');
    await expect(loadTrustList([zhang.json])).rejects.toThrow(
      /the trust list is not a trust list: the file must be object/,
    );
    await expect(loadTrustList({ auditors: [] })).rejects.toThrow(
      /\/auditors must NOT have fewer than 1 items/,
    );
    await expect(
      loadTrustList({ auditors: [zhang.json, { ...zhang.json, fingerprint: '0'.repeat(64) }] }),
    ).rejects.toThrow(/auditor 2 \("张审计"\): the fingerprint does not match/);
    await expect(
      loadTrustList({ auditors: [zhang.json, { ...zhang.json, name: '李' }] }),
    ).rejects.toThrow(/one key under two names/);
  });

  it('trustListOf builds a list from keys at hand', async () => {
    const zhang = await auditor('张审计');
    const key = await importPublicKey(zhang.json);
    expect(trustListOf([key]).keys.get(key.fingerprint)?.name).toBe('张审计');
  });
});

describe('key store', () => {
  it('creates the key once, on first use, with the name given then', async () => {
    const store = memoryKeyStore();
    expect(await store.load()).toBeUndefined();
    const first = await keyFor(store, ' 张审计 ');
    const again = await keyFor(store, 'someone else');
    expect(again).toBe(first);
    expect(first.name).toBe('张审计');
    expect(first.privateKey.extractable).toBe(false);
    await expect(keyFor(memoryKeyStore(), '  ')).rejects.toThrow(/name/);
  });
});
