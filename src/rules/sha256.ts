/**
 * SHA-256 over UTF-8 text. The digest comes from @noble/hashes (audited, dependency-free,
 * synchronous), so the rules core runs unchanged in Excel's JavaScript runtime, the browser and
 * Node without platform crypto — and without cryptography written by hand.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
