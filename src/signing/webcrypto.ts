/**
 * The platform's WebCrypto, the one source of signing keys and signatures (no cryptography
 * written here). ECDSA on P-256 with SHA-256 is available in every place the product runs:
 * - Node 20: `globalThis.crypto.subtle` (https://nodejs.org/api/webcrypto.html, "ECDSA key pairs").
 * - Chromium (the preview), Edge WebView2 (Excel on Windows), WKWebView (Excel on Mac) and the
 *   browsers of Excel on the web: SubtleCrypto sign/verify with ECDSA is "Baseline, widely
 *   available" (https://developer.mozilla.org/docs/Web/API/EcdsaParams,
 *   https://developer.mozilla.org/docs/Web/API/Crypto/subtle — secure contexts only, which the
 *   add-in's https origin is). Which webview Office uses where:
 *   https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 * Ed25519 is not used: MDN's sign/verify examples still flag it as behind a Chrome setting.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';

/** ECDSA on the NIST P-256 curve. */
export const KEY_ALGORITHM: EcKeyGenParams & EcKeyImportParams = {
  name: 'ECDSA',
  namedCurve: 'P-256',
};

/** Signatures: ECDSA with SHA-256, IEEE P1363 encoding (r ‖ s, 64 bytes for P-256). */
export const SIGN_ALGORITHM: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** Thrown where the host has no WebCrypto (an old webview, a page served over plain http). */
export class NoWebCryptoError extends Error {
  override readonly name = 'NoWebCryptoError';
}

export function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (s === undefined) {
    throw new NoWebCryptoError(
      'this browser offers no WebCrypto (crypto.subtle): signing needs a current webview and an https page.',
    );
  }
  return s;
}

/** Lower-case hex of bytes. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return bytesToHex(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}

/** Bytes of lower-case hex; undefined for anything else (upper case included: one spelling). */
export function fromHex(text: string): Uint8Array<ArrayBuffer> | undefined {
  return /^(?:[0-9a-f]{2})*$/.test(text) ? new Uint8Array(hexToBytes(text)) : undefined;
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

/** Bytes of canonical base64 (the one spelling toBase64 gives); undefined for anything else. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  let raw: string;
  try {
    raw = atob(text);
  } catch {
    return undefined;
  }
  const out = Uint8Array.from(raw, (c) => c.charCodeAt(0));
  return toBase64(out) === text ? out : undefined;
}

/** UTF-8 bytes of text: what is signed. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
