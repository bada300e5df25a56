/**
 * Signing and checking bytes: ECDSA P-256 / SHA-256 through WebCrypto. Signatures are written as
 * lower-case hex of the 64-byte r ‖ s form, so each byte has one spelling: a changed character
 * is a changed signature.
 */
import { fromHex, SIGN_ALGORITHM, subtle, toHex } from './webcrypto';

/** The signature of `bytes`, lower-case hex (128 digits). */
export async function signBytes(
  privateKey: CryptoKey,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<string> {
  return toHex(await subtle().sign(SIGN_ALGORITHM, privateKey, bytes));
}

/** Whether `signature` (hex) is `publicKey`'s signature of exactly these bytes. */
export async function verifyBytes(
  publicKey: CryptoKey,
  signature: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const sig = fromHex(signature);
  if (sig === undefined || sig.length !== 64) return false;
  try {
    return await subtle().verify(SIGN_ALGORITHM, publicKey, sig, bytes);
  } catch {
    return false;
  }
}
