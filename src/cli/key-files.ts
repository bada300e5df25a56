/**
 * The command line's key files: `keys new` writes a private key file (JSON, mode 0600, PKCS #8
 * inside) and the public-key JSON beside it; `audit --key` reads the private one back and
 * `--trust` reads a trust list. Every problem is a CliError in both languages naming the file
 * (and the field, for a file its JSON Schema refuses): one line, exit 2, no stack trace.
 */
import { constants, existsSync } from 'node:fs';
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
import { jsonErrorPlace } from '../policy/load';
import type { Text } from '../rules';
import { fsReason } from './fs-reasons';
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
    const why = fsReason(e, true);
    throw new CliError(
      code === 'EEXIST'
        ? {
            en: `${path} already exists; a key file is never overwritten. Choose another file name.`,
            zh: `${path} 已存在；密钥文件从不覆盖，请另选文件名。`,
          }
        : { en: `cannot write ${path}: ${why.en}.`, zh: `无法写入 ${path}：${why.zh}。` },
    );
  }
}

/** A new key pair for `name`: the private key file at `path` (0600), the public JSON beside it. */
export async function writeNewKey(
  path: string,
  name: string,
): Promise<{ readonly publicPath: string; readonly publicKey: PublicKeyJson }> {
  const trimmed = name.trim();
  if (trimmed === '') {
    throw new CliError(
      { en: '--name must name the auditor.', zh: '--name 应为稽核人员的姓名，不能为空。' },
      'keys',
    );
  }
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
  // Both names free before either is written: never a private key without its public half.
  const taken = [path, publicPath].find((p) => existsSync(p));
  if (taken !== undefined) {
    throw new CliError({
      en: `${taken} already exists; a key file is never overwritten. Choose another file name.`,
      zh: `${taken} 已存在；密钥文件从不覆盖，请另选文件名。`,
    });
  }
  await writeNew(path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
  await writeNew(publicPath, `${JSON.stringify(pub, null, 2)}\n`, 0o644);
  return { publicPath, publicKey: pub };
}

/** The kinds of key file, for messages. */
const KEY_FILE: Text = { en: 'the key file', zh: '私钥文件' };
const TRUST_FILE: Text = { en: 'the trust list', zh: '信任名单' };

async function readJson(path: string, what: Text): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = fsReason(e);
    throw new CliError(
      code === 'ENOENT'
        ? { en: `${what.en} ${path} does not exist.`, zh: `${what.zh} ${path} 不存在。` }
        : {
            en: `cannot read ${what.en} ${path}: ${why.en}.`,
            zh: `无法读取${what.zh} ${path}：${why.zh}。`,
          },
    );
  }
  const json = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json) as unknown;
  } catch (e) {
    const at = jsonErrorPlace(json, e);
    throw new CliError({
      en: `${what.en} ${path} is not JSON (${at.en}).`,
      zh: `${what.zh} ${path} 不是 JSON 格式（${at.zh}），无法读取。`,
    });
  }
}

/**
 * The signing key in a private key file. Refused when others may read it (any group or other
 * permission bit, as ssh does; POSIX only: Windows has no such bits), when it is not a key file
 * of ours, or when its key does not match its fingerprint.
 */
export async function readSigningKey(path: string): Promise<SigningKey> {
  const what = KEY_FILE;
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (e) {
    const why = fsReason(e);
    throw new CliError(
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? { en: `${what.en} ${path} does not exist.`, zh: `${what.zh} ${path} 不存在。` }
        : {
            en: `cannot read ${what.en} ${path}: ${why.en}.`,
            zh: `无法读取${what.zh} ${path}：${why.zh}。`,
          },
    );
  }
  if (process.platform !== 'win32' && (mode & (constants.S_IRWXG | constants.S_IRWXO)) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    throw new CliError({
      en: `${what.en} ${path} can be read by others (mode ${octal}); a private key must be private: chmod 600 ${basename(path)}.`,
      zh: `${what.zh} ${path} 可被他人读取（权限 ${octal}）；私钥必须仅本人可读：请执行 chmod 600 ${basename(path)}。`,
    });
  }
  const value = await readJson(path, what);
  const checked = checkPrivateKey(value);
  if (!checked.ok) {
    if (checkPublicKey(value).ok) {
      throw new CliError({
        en: `${path} is a public key; --key needs the private key file written by "cm-appraisal keys new".`,
        zh: `${path} 是公钥；--key 需要由“cm-appraisal keys new”生成的私钥文件。`,
      });
    }
    throw new CliError({
      en: `${path} is not a private key file: ${checked.reason.en}.`,
      zh: `${path} 不是有效的私钥文件：${checked.reason.zh}。`,
    });
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
    throw new CliError({
      en: `${path}: "privateKey" is not an ECDSA P-256 private key.`,
      zh: `私钥文件 ${path} 的“privateKey”（私钥）不是 ECDSA P-256 私钥。`,
    });
  }
  const fingerprint = await fingerprintOf(publicKey);
  if (fingerprint !== json.fingerprint) {
    throw new CliError({
      en: `${path}: the fingerprint does not match the key; the file was altered.`,
      zh: `私钥文件 ${path} 的指纹与密钥不符：文件已被改动。`,
    });
  }
  return { name: json.name, fingerprint, privateKey, publicKey };
}

/** The trust list in a JSON file. */
export async function readTrustList(path: string): Promise<TrustList> {
  const value = await readJson(path, TRUST_FILE);
  try {
    return await loadTrustList(value, {
      en: `${TRUST_FILE.en} ${path}`,
      zh: `${TRUST_FILE.zh} ${path} `,
    });
  } catch (e) {
    if (e instanceof KeyFormatError) throw new CliError({ en: e.message, zh: e.zh });
    throw e;
  }
}
