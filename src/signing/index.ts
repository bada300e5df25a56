/** Signing audit records: keys, signatures, trust lists (SHEETS.md "Audit log integrity"). */
export {
  fingerprintOf,
  generateKeyPair,
  importPublicKey,
  KeyFormatError,
  publicKeyJson,
  publicKeyOf,
  shortFingerprint,
  type SigningKey,
  type VerifyingKey,
} from './keys';
export { signBytes, verifyBytes } from './signature';
export {
  isTrusted,
  loadTrustList,
  signerStatus,
  trustListOf,
  type SignerStatus,
  type TrustList,
} from './trust';
export {
  checkPrivateKey,
  checkPublicKey,
  checkTrustList,
  isAnchorJson,
  isAnchorSignatureJson,
} from './validate';
export type {
  AnchorJson,
  AnchorSignatureJson,
  PrivateKeyJson,
  PublicKeyJson,
  TrustListJson,
} from './validate';
export { fromBase64, NoWebCryptoError, toBase64, toHex, utf8 } from './webcrypto';
