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
  if (action !== 'new') {
    throw new CliError(
      {
        en: `unknown keys action "${action}"; use "keys new".`,
        zh: `keys 命令没有“${action}”这个操作；请用“keys new”。`,
      },
      'keys',
    );
  }
  const name = args.values.name as string | undefined;
  const out = args.values.out as string | undefined;
  if (name === undefined) {
    throw new CliError(
      {
        en: "keys new needs --name (the auditor's name).",
        zh: '“keys new”需要 --name（稽核人员姓名）。',
      },
      'keys',
    );
  }
  if (out === undefined) {
    throw new CliError(
      {
        en: 'keys new needs -o (the private key file).',
        zh: '“keys new”需要 -o（要写出的私钥文件）。',
      },
      'keys',
    );
  }
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
