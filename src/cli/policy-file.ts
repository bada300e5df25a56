/**
 * `--policy FILE`: the policy a command runs under. Without it, the built-in policy
 * (src/rules/policy.json). A file that cannot be read, or that the schema or the consistency
 * check refuses, ends the run (exit 2) with the field and the reason: never a silent fallback.
 */
import { readFile } from 'fs/promises';
import { DEFAULT_POLICY, type Lang, type Policy } from '../rules';
import type { OptionSpec, Parsed } from './command';
import { fsReason } from './fs-reasons';
import { CliError } from './io';
import { basename as fileName } from 'path';

export const POLICY_OPTION: OptionSpec = {
  type: 'string',
  value: 'policy.json',
  help: {
    en: 'Run under this policy file (checked against policy.schema.json) instead of the built-in policy.',
    zh: '按此办法文件（须符合 policy.schema.json）运行，代替内置办法。',
  },
};

export interface ActivePolicy {
  readonly policy: Policy;
  /** `built-in`, or the file's name. */
  readonly source: string;
}

export const BUILT_IN: ActivePolicy = { policy: DEFAULT_POLICY, source: 'built-in' };

/** `cannot read the policy file X: it does not exist.`, in both languages. */
export function policyReadError(path: string, e: unknown): CliError {
  const why = fsReason(e);
  return new CliError({
    en: `cannot read the policy file ${path}: ${why.en}.`,
    zh: `无法读取办法文件 ${path}：${why.zh}。`,
  });
}

/** Reads and checks a policy file; a CliError naming every problem when it is refused. */
export async function readPolicyFile(path: string, lang: Lang): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw policyReadError(path, e);
  }
  // ajv is loaded only when a policy file is given: the built-in policy needs no check.
  const { loadPolicyJson, problemLine } = await import('../policy/load');
  const loaded = loadPolicyJson(text);
  if (loaded.ok) return loaded.policy;
  const lines = loaded.problems.map((p) => problemLine(p, lang));
  throw new CliError(
    lang === 'zh'
      ? `办法文件 ${fileName(path)} 未被采用（${lines.length} 处问题）：${lines.join('；')}`
      : `the policy file ${fileName(path)} is refused (${lines.length} ${lines.length === 1 ? 'problem' : 'problems'}): ${lines.join('; ')}`,
  );
}

/** The policy of `--policy FILE`, else the built-in one. */
export async function policyOption(args: Parsed, lang: Lang): Promise<ActivePolicy> {
  const path = args.values.policy;
  if (typeof path !== 'string') return BUILT_IN;
  return { policy: await readPolicyFile(path, lang), source: fileName(path) };
}
