/**
 * `cm-appraisal policy show|export|check|diff`: the policy owner's commands. `show` prints every
 * number of the active policy with its article and words; `export` writes it as a policy file
 * to edit (with policy.schema.json beside it, for editors); `check` says whether a file would be
 * accepted, naming each problem's field; `diff OLD NEW` says what a revision changes.
 */
import { writeFile } from 'fs/promises';
import { dirname, join } from 'path';
import { articleText, policyHash, type Lang, type Policy, type Text } from '../rules';
import schema from '../rules/policy.schema.json';
import { en } from '../taskpane/i18n/en';
import { zh as zhStrings } from '../taskpane/i18n/zh';
import { policySections } from '../taskpane/policy-rows';
import type { Parsed } from './command';
import { CliError, EXIT_FINDINGS, EXIT_OK, parseLang, type Io } from './io';
import { fsReason } from './fs-reasons';
import { BUILT_IN, policyOption, policyReadError, readPolicyFile } from './policy-file';

const ACTIONS = ['show', 'export', 'check', 'diff'] as const;

function usage(message: Text): CliError {
  return new CliError(message, 'policy');
}

async function policyAt(path: string, lang: Lang): Promise<{ policy: Policy; source: string }> {
  // `built-in` names the policy shipped with the program.
  return path === 'built-in'
    ? BUILT_IN
    : { policy: await readPolicyFile(path, lang), source: path };
}

function show(policy: Policy, source: string, lang: Lang): string {
  const t = lang === 'zh' ? zhStrings : en;
  const P = t.policy;
  const zh = lang === 'zh';
  const lines = [
    `${P.name}${zh ? '：' : ': '}${policy.name[lang]}`,
    `${P.version}${zh ? '：' : ': '}${policy.version}`,
    `${P.hash}${zh ? '：' : ': '}${policyHash(policy)}`,
    `${zh ? '来源：' : 'Source: '}${source === 'built-in' ? (zh ? '内置办法' : 'built-in policy') : source}`,
    `${zh ? '解释选项：' : 'Reading options: '}whole_steps=${policy.options.whole_steps}, all_or_nothing=${policy.options.all_or_nothing}`,
  ];
  for (const s of policySections(policy, t, lang)) {
    lines.push('', P.sections[s.key]);
    for (const r of s.rows) {
      const words = r.source ? `  «${r.source}»` : '';
      lines.push(`  ${articleText(r.article, lang)}  ${r.what}: ${r.value}${words}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The policy as a file to edit: the schema key first, so editors validate it. */
export function policyFileText(policy: Policy): string {
  return `${JSON.stringify({ $schema: './policy.schema.json', ...policy }, null, 2)}\n`;
}

export async function run(args: Parsed, io: Io): Promise<number> {
  const lang = parseLang(args.values.lang as string | undefined, io.env);
  const zh = lang === 'zh';
  const [action, ...files] = args.positionals;
  if (!(ACTIONS as readonly string[]).includes(action)) {
    throw usage({
      en: `unknown action "${action}": use one of ${ACTIONS.join(', ')}.`,
      zh: `policy 命令没有“${action}”这个操作：请用 ${ACTIONS.join('、')} 之一。`,
    });
  }
  const want = action === 'diff' ? 2 : action === 'check' ? 1 : 0;
  if (files.length !== want) {
    throw usage(
      action === 'diff'
        ? {
            en: 'policy diff takes two files: OLD.json NEW.json (built-in names the built-in policy).',
            zh: '“policy diff”需要两个文件：旧.json 新.json（built-in 表示内置办法）。',
          }
        : action === 'check'
          ? {
              en: 'policy check takes one file: policy.json.',
              zh: '“policy check”需要一个文件：policy.json。',
            }
          : {
              en: `policy ${action} takes no file (use --policy FILE).`,
              zh: `“policy ${action}”不接受文件参数（请用 --policy 文件）。`,
            },
    );
  }
  switch (action) {
    case 'show': {
      const { policy, source } = await policyOption(args, lang);
      if (args.values.json === true) {
        io.out(
          `${JSON.stringify({ source, version: policy.version, hash: policyHash(policy), policy })}\n`,
        );
      } else {
        io.out(show(policy, source, lang));
      }
      return EXIT_OK;
    }
    case 'export': {
      const { policy } = await policyOption(args, lang);
      const out = args.values.out;
      if (typeof out !== 'string') {
        io.out(policyFileText(policy));
        return EXIT_OK;
      }
      const schemaPath = join(dirname(out), 'policy.schema.json');
      for (const [file, text] of [
        [out, policyFileText(policy)],
        [schemaPath, `${JSON.stringify(schema, null, 2)}\n`],
      ]) {
        try {
          await writeFile(file, text, 'utf8');
        } catch (e) {
          const why = fsReason(e, true);
          throw new CliError({
            en: `cannot write ${file}: ${why.en}.`,
            zh: `无法写入 ${file}：${why.zh}。`,
          });
        }
      }
      io.err(
        zh
          ? `已写入 ${out}（及 ${schemaPath}，供编辑器校验和补全）。修改后请更改 version，并用 cm-appraisal policy check 检查。\n`
          : `Wrote ${out} (and ${schemaPath}, for editors to validate and complete). After editing, change "version" and run cm-appraisal policy check.\n`,
      );
      return EXIT_OK;
    }
    case 'check': {
      const { loadPolicyJson, problemLine } = await import('../policy/load');
      const { readFile } = await import('fs/promises');
      let text: string;
      try {
        text = await readFile(files[0], 'utf8');
      } catch (e) {
        throw policyReadError(files[0], e);
      }
      const loaded = loadPolicyJson(text);
      if (!loaded.ok) {
        io.out(
          [
            zh
              ? `${files[0]}：不能采用，${loaded.problems.length} 处问题：`
              : `${files[0]}: refused, ${loaded.problems.length} ${loaded.problems.length === 1 ? 'problem' : 'problems'}:`,
            ...loaded.problems.map((p) => `  ${problemLine(p, lang)}`),
          ].join('\n') + '\n',
        );
        return EXIT_FINDINGS;
      }
      const p = loaded.policy;
      io.out(
        zh
          ? `${files[0]}：可以采用。${p.name.zh} ${p.version} sha256:${policyHash(p)}\n`
          : `${files[0]}: accepted. ${p.name.en} ${p.version} sha256:${policyHash(p)}\n`,
      );
      return EXIT_OK;
    }
    default: {
      const { changeLine, policyDiff } = await import('../policy/diff');
      const before = await policyAt(files[0], lang);
      const after = await policyAt(files[1], lang);
      const changes = policyDiff(before.policy, after.policy);
      if (args.values.json === true) {
        io.out(
          `${JSON.stringify({
            before: {
              source: before.source,
              version: before.policy.version,
              hash: policyHash(before.policy),
            },
            after: {
              source: after.source,
              version: after.policy.version,
              hash: policyHash(after.policy),
            },
            changes: changes.map((c) => ({ ...c, line: changeLine(c, lang) })),
          })}\n`,
        );
        return EXIT_OK;
      }
      const head = zh
        ? `${before.source} → ${after.source}：${changes.length} 处修改`
        : `${before.source} → ${after.source}: ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`;
      io.out(`${[head, ...changes.map((c) => `  ${changeLine(c, lang)}`)].join('\n')}\n`);
      return EXIT_OK;
    }
  }
}
