/**
 * `cm-appraisal keys new --name 张审计 -o auditor.key`: an auditor's signing key pair. The private
 * key file (mode 0600) signs audit records (`audit --key`); the public JSON beside it goes to the
 * audit office for its trust list (`--trust`).
 */
import type { Parsed } from './command';
import { CliError, EXIT_OK, parseLang, type Io } from './io';
import { writeNewKey } from './key-files';

export async function run(args: Parsed, io: Io): Promise<number> {
  const lang = parseLang(args.values.lang as string | undefined, io.env);
  const action = args.positionals[0];
  if (action !== 'new')
    throw new CliError(`unknown keys action "${action}"; use "keys new".`, 'keys');
  const name = args.values.name as string | undefined;
  const out = args.values.out as string | undefined;
  if (name === undefined) throw new CliError("keys new needs --name (the auditor's name).", 'keys');
  if (out === undefined) throw new CliError('keys new needs -o (the private key file).', 'keys');
  const { publicPath, publicKey } = await writeNewKey(out, name);
  if (args.values.json === true) {
    io.out(`${JSON.stringify({ privateKeyFile: out, publicKeyFile: publicPath, ...publicKey })}\n`);
    return EXIT_OK;
  }
  io.out(
    lang === 'zh'
      ? `已为“${publicKey.name}”生成签名密钥。\n私钥：${out}（仅本人可读，切勿外传）\n公钥：${publicPath}（交稽核部门列入信任名单）\n指纹：${publicKey.fingerprint}\n`
      : `Signing key made for "${publicKey.name}".\nPrivate key: ${out} (readable by you only; never share it)\nPublic key: ${publicPath} (give it to the audit office for its trust list)\nFingerprint: ${publicKey.fingerprint}\n`,
  );
  return EXIT_OK;
}
