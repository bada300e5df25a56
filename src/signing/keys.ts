/**
 * Auditors' signing keys: ECDSA P-256 pairs from WebCrypto, a key's fingerprint (SHA-256 of its
 * SubjectPublicKeyInfo, the same idea as an SSH or certificate fingerprint), and the small
 * public-key JSON an auditor hands to the audit office: `{"name", "key", "fingerprint"}`.
 */
import { sha256 } from '@noble/hashes/sha2';
import type { Text } from '../rules';
import { checkPublicKey, type PublicKeyJson } from './validate';
import { fromBase64, KEY_ALGORITHM, subtle, toBase64, toHex } from './webcrypto';

/**
 * A key file or JSON that is not what it should be; the message is one readable line, `zh` the
 * same line in Chinese.
 */
export class KeyFormatError extends Error {
  override readonly name = 'KeyFormatError';
  readonly zh: string;
  constructor(text: Text) {
    super(text.en);
    this.zh = text.zh;
  }
}

/** Where a key sits, for messages: a file or URL reads the same in both languages. */
export type Where = string | Text;

export function whereText(where: Where): Text {
  return typeof where === 'string' ? { en: where, zh: where } : where;
}

/** A private key able to sign, with the name and fingerprint of its public half. */
export interface SigningKey {
  readonly name: string;
  readonly fingerprint: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

/** A public key able to verify, with its owner's name as the trust list gives it. */
export interface VerifyingKey {
  readonly name: string;
  readonly fingerprint: string;
  readonly publicKey: CryptoKey;
}

/**
 * A new key pair. `extractable` applies to the private key: false in the task pane (it never
 * leaves the browser's key store), true only where it must be written to a file (the CLI).
 */
export async function generateKeyPair(extractable: boolean): Promise<CryptoKeyPair> {
  const pair = (await subtle().generateKey(KEY_ALGORITHM, extractable, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return pair;
}

/** SHA-256 of the key's SubjectPublicKeyInfo bytes, lower-case hex. */
export async function fingerprintOf(publicKey: CryptoKey): Promise<string> {
  const spki = new Uint8Array(await subtle().exportKey('spki', publicKey));
  return toHex(sha256(spki));
}

/** The public half as the small JSON an auditor hands to the audit office. */
export async function publicKeyJson(name: string, publicKey: CryptoKey): Promise<PublicKeyJson> {
  const spki = new Uint8Array(await subtle().exportKey('spki', publicKey));
  return { name, key: toBase64(spki), fingerprint: toHex(sha256(spki)) };
}

/**
 * A public key from its JSON: the shape checked by its JSON Schema, the key imported as an ECDSA
 * P-256 key, and the stated fingerprint recomputed (a typo or an edited key is caught here, not
 * later as a mysterious bad signature).
 */
export async function importPublicKey(
  value: unknown,
  where: Where = { en: 'the public key', zh: '公钥' },
): Promise<VerifyingKey> {
  const w = whereText(where);
  const checked = checkPublicKey(value);
  if (!checked.ok) {
    throw new KeyFormatError({
      en: `${w.en} is not a public key file: ${checked.reason.en}.`,
      zh: `${w.zh}不是有效的公钥：${checked.reason.zh}。`,
    });
  }
  const json = checked.value;
  const spki = fromBase64(json.key) as Uint8Array<ArrayBuffer>;
  let publicKey: CryptoKey;
  try {
    publicKey = await subtle().importKey('spki', spki, KEY_ALGORITHM, true, ['verify']);
  } catch {
    throw new KeyFormatError({
      en: `${w.en} ("${json.name}"): "key" is not an ECDSA P-256 public key.`,
      zh: `${w.zh}（“${json.name}”）的“key”（公钥）不是 ECDSA P-256 公钥。`,
    });
  }
  const fingerprint = toHex(sha256(spki));
  if (fingerprint !== json.fingerprint) {
    throw new KeyFormatError({
      en: `${w.en} ("${json.name}"): the fingerprint does not match the key (the key reads as ${fingerprint}).`,
      zh: `${w.zh}（“${json.name}”）的指纹与公钥不符（按公钥算得 ${fingerprint}）：文件已被改动。`,
    });
  }
  return { name: json.name, fingerprint, publicKey };
}

/** The public key belonging to a private key, through its JWK (x, y are the public point). */
export async function publicKeyOf(privateKey: CryptoKey): Promise<CryptoKey> {
  const jwk = await subtle().exportKey('jwk', privateKey);
  const { kty, crv, x, y } = jwk;
  return subtle().importKey('jwk', { kty, crv, x, y, ext: true }, KEY_ALGORITHM, true, ['verify']);
}

/** A short form of a fingerprint for people: its first 16 hex digits in groups of four. */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}
