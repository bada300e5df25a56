/**
 * Loading a policy file: JSON text → a checked Policy, or every problem with the field and the
 * reason in Chinese and English. The shape is checked by ajv against policy.schema.json (the
 * schema editors use too), then the policy's own consistency by the rules core. A refused file
 * is never replaced by the built-in policy here: the caller says what is active.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvClass } from './ajv';
import {
  policyConsistency,
  withoutSchemaKey,
  type Lang,
  type Policy,
  type PolicyProblem,
} from '../rules';
import schema from '../rules/policy.schema.json';

export type { PolicyProblem };

export type PolicyLoad =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

let compiled: ValidateFunction | undefined;

/** Compiled once, on the first load (the built-in policy alone never needs ajv). */
function validator(): ValidateFunction {
  compiled ??= new (ajvClass())({ allErrors: true, verbose: true, discriminator: true }).compile(
    schema,
  );
  return compiled;
}

/** `/score/npl/bands/1/value` → `score.npl.bands[1].value` */
function fieldPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(key) ? `[${key}]` : path === '' ? key : `.${key}`;
  }
  return path;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function shown(x: unknown): Readonly<Record<Lang, string>> {
  if (x === null) return { en: 'null', zh: 'null' };
  if (Array.isArray(x)) return { en: 'a list', zh: '一个列表' };
  if (typeof x === 'string') return { en: `"${x}"`, zh: `“${x}”` };
  if (typeof x === 'object') return { en: 'an object', zh: '一个对象' };
  if (typeof x === 'number') return { en: `${x} (a number)`, zh: `${x}（数值）` };
  return { en: `${String(x)} (${typeof x})`, zh: `${String(x)}（${typeof x}）` };
}

const TYPE_NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  string: { en: 'text', zh: '文本' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  object: { en: 'an object { … }', zh: '对象 { … }' },
  array: { en: 'a list [ … ]', zh: '列表 [ … ]' },
  integer: { en: 'a whole number', zh: '整数' },
  null: { en: 'null', zh: 'null' },
};

function problemOf(e: ErrorObject): PolicyProblem {
  const path = fieldPath(e.instancePath);
  const got = shown(e.data);
  const params = e.params as Record<string, unknown>;
  const isNum = e.schemaPath.includes('/num/') || e.schemaPath.includes('/pattern');
  if (isNum && (e.keyword === 'type' || e.keyword === 'pattern')) {
    return {
      path,
      reason: {
        en: `expected a number ≥ 0 written as decimal text such as "0.995" or "5000000" (no %, no thousands separators), got ${got.en}`,
        zh: `应为以文本书写的不小于 0 的十进制数，如 "0.995"、"5000000"（不带 %、不带千位分隔符），实为 ${got.zh}`,
      },
    };
  }
  switch (e.keyword) {
    case 'required':
      return {
        path: join(path, String(params.missingProperty)),
        reason: { en: 'missing', zh: '缺少此项' },
      };
    case 'additionalProperties':
      return {
        path: join(path, String(params.additionalProperty)),
        reason: {
          en: 'unknown key (not in policy.schema.json: a misspelling?)',
          zh: '未知字段（policy.schema.json 中没有：是否拼写有误？）',
        },
      };
    case 'type': {
      const types = String(params.type).split(',');
      const en = types.map((t) => TYPE_NAMES[t]?.en ?? t).join(' or ');
      const zh = types.map((t) => TYPE_NAMES[t]?.zh ?? t).join('或');
      return {
        path,
        reason: { en: `expected ${en}, got ${got.en}`, zh: `应为${zh}，实为 ${got.zh}` },
      };
    }
    case 'enum':
    case 'const': {
      const allowed = (
        e.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]
      )
        .map(String)
        .join(', ');
      return {
        path,
        reason: {
          en: `expected one of ${allowed}, got ${got.en}`,
          zh: `应为 ${allowed} 之一，实为 ${got.zh}`,
        },
      };
    }
    case 'discriminator':
      return {
        path: join(path, String(params.tag)),
        reason: {
          en: `expected one of linear, proportional, got ${shown(params.tagValue).en}`,
          zh: `应为 linear、proportional 之一，实为 ${shown(params.tagValue).zh}`,
        },
      };
    case 'minItems':
      return { path, reason: { en: 'expected a non-empty list', zh: '列表不能为空' } };
    case 'minLength':
      return { path, reason: { en: 'must not be empty', zh: '不能为空' } };
    case 'minimum':
    case 'maximum': {
      const s = e.parentSchema as { minimum?: number; maximum?: number } | undefined;
      return {
        path,
        reason: {
          en: `expected a whole number of decimal places ${s?.minimum}–${s?.maximum}, got ${got.en}`,
          zh: `小数位数应为 ${s?.minimum}–${s?.maximum} 的整数，实为 ${got.zh}`,
        },
      };
    }
    default:
      return { path, reason: { en: e.message ?? e.keyword, zh: e.message ?? e.keyword } };
  }
}

/** Check an object read from a policy file (the `$schema` key allowed and dropped). */
export function checkPolicy(candidate: unknown): PolicyLoad {
  const validate = validator();
  if (!validate(candidate)) {
    const problems = (validate.errors ?? [])
      // A failed oneOf/anyOf repeats what its branch errors say.
      .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if')
      .map(problemOf);
    const seen = new Set<string>();
    return {
      ok: false,
      problems: problems.filter((p) => {
        const k = `${p.path}\u0000${p.reason.en}`;
        return seen.has(k) ? false : (seen.add(k), true);
      }),
    };
  }
  const policy = withoutSchemaKey(candidate as object) as Policy;
  const problems = policyConsistency(policy);
  return problems.length === 0 ? { ok: true, policy } : { ok: false, problems };
}

/**
 * Where JSON.parse stopped, as a line and column an editor shows, in both languages; never the
 * parser's own English message (`Expected property name or '}' in JSON at position 1`).
 */
export function jsonErrorPlace(text: string, e: unknown): Readonly<Record<Lang, string>> {
  const message = e instanceof Error ? e.message : '';
  if (text.trim() === '') return { en: 'the file is empty', zh: '文件为空' };
  if (/end of (JSON|data)/i.test(message)) {
    return { en: 'the text ends before the JSON is complete', zh: '文本在 JSON 结束之前就中断了' };
  }
  // V8 names the position, or (for an unexpected token) only the token itself.
  const position = /position (\d+)/.exec(message);
  const token = /Unexpected token '(.)'/.exec(message);
  const index = position ? Number(position[1]) : token ? text.indexOf(token[1]) : -1;
  if (index < 0) return { en: 'its syntax is wrong', zh: '语法有误' };
  const before = text.slice(0, index).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return { en: `near line ${line}, column ${column}`, zh: `约在第 ${line} 行第 ${column} 列` };
}

/** Parse and check a policy file's text. */
export function loadPolicyJson(text: string): PolicyLoad {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const at = jsonErrorPlace(text.replace(/^\uFEFF/, ''), e);
    return {
      ok: false,
      problems: [
        {
          path: '',
          reason: { en: `not valid JSON (${at.en})`, zh: `不是有效的 JSON（${at.zh}）` },
        },
      ],
    };
  }
  return checkPolicy(parsed);
}

/** One problem as a line: `score.npl.bands[1].value: expected …` */
export function problemLine(p: PolicyProblem, lang: Lang): string {
  const where = p.path === '' ? (lang === 'zh' ? '文件' : 'file') : p.path;
  return lang === 'zh' ? `${where}：${p.reason.zh}` : `${where}: ${p.reason.en}`;
}
