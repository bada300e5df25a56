/**
 * The command line's key files: `keys new` writes a private key file (JSON, mode 0600, PKCS #8
 * inside) and the public-key JSON beside it; `audit --key` reads the private one back and
 * `--trust` reads a trust list. Every problem is a CliError: one line, exit 2, no stack trace.
 */
import { constants } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  checkPrivateKey,
  checkPublicKey,
  fingerprintOf,
  fromBase64,
  generateKeyPair,
  KeyFormatError,
  loadTrustList,
  publicKeyJson,
  publicKeyOf,
  toBase64,
  type PrivateKeyJson,
  type PublicKeyJson,
  type SigningKey,
  type TrustList,
} from '../signing';
import { CliError } from './io';

/** `auditor.key` → `auditor.pub.json`; any other name gets `.pub.json` added. */
export function publicKeyPath(privatePath: string): string {
  return `${privatePath.replace(/\.key$/i, '')}.pub.json`;
}

async function writeNew(path: string, text: string, mode: number): Promise<void> {
  try {
    // 'wx': never overwrite — a lost private key cannot be recreated.
    await writeFile(path, text, { encoding: 'utf8', mode, flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'EEXIST'
        ? `${path} already exists; a key file is never overwritten. Choose another file name.`
        : `cannot write ${path}${code ? ` (${code})` : ''}.`,
    );
  }
}

/** A new key pair for `name`: the private key file at `path` (0600), the public JSON beside it. */
export async function writeNewKey(
  path: string,
  name: string,
): Promise<{ readonly publicPath: string; readonly publicKey: PublicKeyJson }> {
  const trimmed = name.trim();
  if (trimmed === '') throw new CliError('--name must name the auditor.', 'keys');
  const pair = await generateKeyPair(true);
  const pub = await publicKeyJson(trimmed, pair.publicKey);
  const pkcs8 = await globalThis.crypto.subtle.exportKey('pkcs8', pair.privateKey);
  const file: PrivateKeyJson = {
    type: 'cm-appraisal private key',
    name: trimmed,
    fingerprint: pub.fingerprint,
    privateKey: toBase64(pkcs8),
  };
  const publicPath = publicKeyPath(path);
  await writeNew(path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
  await writeNew(publicPath, `${JSON.stringify(pub, null, 2)}\n`, 0o644);
  return { publicPath, publicKey: pub };
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `${what} ${path} does not exist.`
        : `cannot read ${what} ${path}${code ? ` (${code})` : ''}.`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new CliError(`${what} ${path} is not JSON.`);
  }
}

/**
 * The signing key in a private key file. Refused when others may read it (any group or other
 * permission bit, as ssh does; POSIX only: Windows has no such bits), when it is not a key file
 * of ours, or when its key does not match its fingerprint.
 */
export async function readSigningKey(path: string): Promise<SigningKey> {
  const what = 'the key file';
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch {
    throw new CliError(`${what} ${path} does not exist.`);
  }
  if (process.platform !== 'win32' && (mode & (constants.S_IRWXG | constants.S_IRWXO)) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    throw new CliError(
      `${what} ${path} can be read by others (mode ${octal}); a private key must be private: chmod 600 ${basename(path)}.`,
    );
  }
  const value = await readJson(path, what);
  const checked = checkPrivateKey(value);
  if (!checked.ok) {
    if (checkPublicKey(value).ok) {
      throw new CliError(
        `${path} is a public key; --key needs the private key file written by "cm-appraisal keys new".`,
      );
    }
    throw new CliError(`${path} is not a private key file: ${checked.problem}.`);
  }
  const json = checked.value;
  const pkcs8 = fromBase64(json.privateKey);
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  try {
    if (pkcs8 === undefined) throw new Error('not base64');
    // Imported extractable only long enough to derive its public half; then re-imported not.
    const full = await globalThis.crypto.subtle.importKey(
      'pkcs8',
      pkcs8,
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['sign'],
    );
    publicKey = await publicKeyOf(full);
    privateKey = await globalThis.crypto.subtle.importKey(
      'pkcs8',
      pkcs8,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign'],
    );
  } catch {
    throw new CliError(`${path}: "privateKey" is not an ECDSA P-256 private key.`);
  }
  const fingerprint = await fingerprintOf(publicKey);
  if (fingerprint !== json.fingerprint) {
    throw new CliError(`${path}: the fingerprint does not match the key; the file was altered.`);
  }
  return { name: json.name, fingerprint, privateKey, publicKey };
}

/** The trust list in a JSON file. */
export async function readTrustList(path: string): Promise<TrustList> {
  const value = await readJson(path, 'the trust list');
  try {
    return await loadTrustList(value, `the trust list ${path}`);
  } catch (e) {
    if (e instanceof KeyFormatError) throw new CliError(e.message);
    throw e;
  }
}
