/**
 * The audit office's trust list (SHEETS.md "Audit log integrity"): the public keys of the
 * auditors whose signatures count. A signature is judged against it: by a trusted auditor (named),
 * by a key the list does not hold, badly signed, or missing. Without a list a signature can only
 * be reported, not judged.
 */
import { importPublicKey, KeyFormatError, whereText, type VerifyingKey, type Where } from './keys';
import { verifyBytes } from './signature';
import { checkTrustList } from './validate';

export interface TrustList {
  /** By fingerprint. */
  readonly keys: ReadonlyMap<string, VerifyingKey>;
}

/** A trust list from its parsed JSON: the schema, then every key imported and its fingerprint checked. */
export async function loadTrustList(
  value: unknown,
  where: Where = { en: 'the trust list', zh: '信任名单' },
): Promise<TrustList> {
  const w = whereText(where);
  const checked = checkTrustList(value);
  if (!checked.ok) {
    throw new KeyFormatError({
      en: `${w.en} is not a trust list: ${checked.reason.en}.`,
      zh: `${w.zh}不是有效的信任名单：${checked.reason.zh}。`,
    });
  }
  const keys = new Map<string, VerifyingKey>();
  for (const [i, entry] of checked.value.auditors.entries()) {
    const key = await importPublicKey(entry, {
      en: `${w.en}, auditor ${i + 1}`,
      zh: `${w.zh}中的第 ${i + 1} 位稽核人`,
    });
    const before = keys.get(key.fingerprint);
    if (before !== undefined && before.name !== key.name) {
      throw new KeyFormatError({
        en: `${w.en} lists one key under two names ("${before.name}" and "${key.name}").`,
        zh: `${w.zh}把同一个密钥列在两个姓名下（“${before.name}”和“${key.name}”）。`,
      });
    }
    keys.set(key.fingerprint, key);
  }
  return { keys };
}

/** A trust list of keys already at hand (the pane's own key, tests). */
export function trustListOf(keys: readonly VerifyingKey[]): TrustList {
  return { keys: new Map(keys.map((k) => [k.fingerprint, k])) };
}

export type SignerStatus =
  /** No signature: a record from before signing, or one whose signature was stripped. */
  | { readonly kind: 'unsigned' }
  /** Signed, and the signature checks with the trusted key of this fingerprint. */
  | { readonly kind: 'trusted'; readonly name: string; readonly fingerprint: string }
  /** The fingerprint of a trusted key, but the signature does not check: forged or altered. */
  | { readonly kind: 'bad'; readonly name: string; readonly fingerprint: string }
  /** Signed by a key the trust list does not hold. */
  | { readonly kind: 'unknown'; readonly fingerprint: string }
  /** Signed, no trust list to judge it by. */
  | { readonly kind: 'unverified'; readonly fingerprint: string };

/** Whether the signature counts: only a trusted signer's does. */
export function isTrusted(status: SignerStatus): boolean {
  return status.kind === 'trusted';
}

/**
 * How `signature` over `bytes` by the key `signer` (a fingerprint; '' when unsigned) stands
 * against `trust` (undefined: no list given).
 */
export async function signerStatus(
  signer: string,
  signature: string,
  bytes: Uint8Array<ArrayBuffer>,
  trust: TrustList | undefined,
): Promise<SignerStatus> {
  if (signer === '' && signature === '') return { kind: 'unsigned' };
  if (trust === undefined) return { kind: 'unverified', fingerprint: signer };
  const key = trust.keys.get(signer);
  if (key === undefined) return { kind: 'unknown', fingerprint: signer };
  return (await verifyBytes(key.publicKey, signature, bytes))
    ? { kind: 'trusted', name: key.name, fingerprint: signer }
    : { kind: 'bad', name: key.name, fingerprint: signer };
}
