/**
 * The signing files checked against their JSON Schemas with ajv. A failure reads as one line
 * naming where in the file and what is wrong, in English (`/auditors/0/fingerprint must match
 * pattern: 64 lower-case hex digits`) and in Chinese (`第 1 位稽核人的“fingerprint”（密钥指纹）
 * 格式不正确…`): ajv's own messages are English only, so its errors (instancePath, keyword,
 * params) are put into words here for the keywords these schemas use.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvClass } from '../policy/ajv';
import type { Text } from '../rules';
import { anchorSignatureValid, anchorValid } from './anchor-validators.generated';
import { BASE64, HEX64, PRIVATE_KEY_SCHEMA, PUBLIC_KEY_SCHEMA, TRUST_LIST_SCHEMA } from './schemas';

export interface PublicKeyJson {
  readonly name: string;
  readonly key: string;
  readonly fingerprint: string;
}

export interface TrustListJson {
  readonly auditors: readonly PublicKeyJson[];
}

export interface PrivateKeyJson {
  readonly type: 'cm-appraisal private key';
  readonly name: string;
  readonly fingerprint: string;
  readonly privateKey: string;
}

export interface AnchorJson {
  readonly hash: string;
  readonly count: number;
}

export interface AnchorSignatureJson {
  readonly signer?: string;
  readonly signature?: string;
}

let compiled:
  | {
      publicKey: ValidateFunction<PublicKeyJson>;
      trustList: ValidateFunction<TrustListJson>;
      privateKey: ValidateFunction<PrivateKeyJson>;
    }
  | undefined;

function validators() {
  if (compiled === undefined) {
    const ajv = new (ajvClass())({ allErrors: true, strict: true });
    ajv.addSchema(PUBLIC_KEY_SCHEMA);
    compiled = {
      publicKey: ajv.getSchema<PublicKeyJson>(
        PUBLIC_KEY_SCHEMA.$id,
      ) as ValidateFunction<PublicKeyJson>,
      trustList: ajv.compile<TrustListJson>(TRUST_LIST_SCHEMA),
      privateKey: ajv.compile<PrivateKeyJson>(PRIVATE_KEY_SCHEMA),
    };
  }
  return compiled;
}

/** A refusal: `problem` is the English line (as before), `reason` the same in both languages. */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string; readonly reason: Text };

// The fields of the three schemas, as a clerk knows them.
const FIELD_ZH: Readonly<Record<string, string>> = {
  name: '姓名',
  key: '公钥',
  fingerprint: '密钥指纹',
  privateKey: '私钥',
  type: '文件类型',
  auditors: '稽核人员名单',
};

const TYPE_ZH: Readonly<Record<string, string>> = {
  object: 'JSON 对象 { … }',
  array: '列表 [ … ]',
  string: '文本',
  number: '数值',
  integer: '整数',
  boolean: 'true 或 false',
  null: 'null',
};

// What each pattern of schemas.ts asks for, instead of the regular expression.
const PATTERN_TEXT: Readonly<Record<string, Text>> = {
  [HEX64]: { en: '64 lower-case hex digits', zh: '64 位小写十六进制数字' },
  [BASE64]: { en: 'base64 text', zh: 'Base64 文本' },
};

function field(key: string): string {
  const label = FIELD_ZH[key];
  return label !== undefined ? `“${key}”（${label}）` : `“${key}”`;
}

/** `/auditors/0/fingerprint` → `第 1 位稽核人的“fingerprint”（密钥指纹）`; '' → `文件`. */
function whereZh(pointer: string): string {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const parts: string[] = [];
  keys.forEach((key, i) => {
    if (!/^\d+$/.test(key)) parts.push(field(key));
    else if (keys[i - 1] === 'auditors') parts[parts.length - 1] = `第 ${Number(key) + 1} 位稽核人`;
    else parts.push(`第 ${Number(key) + 1} 项`);
  });
  return parts.length === 0 ? '文件' : parts.join('的');
}

/** One ajv error as a sentence in both languages, naming the field (never the regex). */
export function schemaErrorText(e: ErrorObject): Text {
  const params = e.params as Record<string, unknown>;
  const where = e.instancePath === '' ? 'the file' : e.instancePath;
  const w = whereZh(e.instancePath);
  switch (e.keyword) {
    case 'required': {
      const p = String(params.missingProperty);
      const label = FIELD_ZH[p];
      return {
        en: `${where} ${e.message ?? ''}`,
        zh: `${w}缺少“${p}”字段${label !== undefined ? `（${label}）` : ''}`,
      };
    }
    case 'additionalProperties': {
      const p = String(params.additionalProperty);
      return {
        en: `${where} ${e.message ?? ''} ("${p}")`,
        zh: `${w}有未知字段“${p}”（不应出现在此文件中）`,
      };
    }
    case 'type': {
      const types = String(params.type).split(',');
      return {
        en: `${where} ${e.message ?? ''}`,
        zh: `${w}应为 ${types.map((t) => TYPE_ZH[t] ?? t).join(' 或 ')}`,
      };
    }
    case 'pattern': {
      const want = PATTERN_TEXT[String(params.pattern)];
      return want !== undefined
        ? { en: `${where} must match pattern: ${want.en}`, zh: `${w}格式不正确：应为 ${want.zh}` }
        : { en: `${where} ${e.message ?? ''}`, zh: `${w}格式不正确` };
    }
    case 'minLength':
      return { en: `${where} ${e.message ?? ''}`, zh: `${w}不能为空` };
    case 'maxLength':
      return {
        en: `${where} ${e.message ?? ''}`,
        zh: `${w}不能超过 ${String(params.limit)} 个字符`,
      };
    case 'minItems':
      return {
        en: `${where} ${e.message ?? ''}`,
        zh:
          Number(params.limit) === 1
            ? `${w}不能为空列表`
            : `${w}至少应有 ${String(params.limit)} 项`,
      };
    case 'maxItems':
      return { en: `${where} ${e.message ?? ''}`, zh: `${w}最多只能有 ${String(params.limit)} 项` };
    case 'const':
      return {
        en: `${where} ${e.message ?? ''} ("${String(params.allowedValue)}")`,
        zh: `${w}应为“${String(params.allowedValue)}”`,
      };
    case 'enum': {
      const values = (params.allowedValues as unknown[]).map(String);
      return {
        en: `${where} ${e.message ?? ''}: ${values.join(', ')}`,
        zh: `${w}应为 ${values.join('、')} 之一`,
      };
    }
    case 'format':
      return {
        en: `${where} ${e.message ?? ''}`,
        zh: `${w}格式不正确（应为 ${String(params.format)}）`,
      };
    default:
      return { en: `${where} ${e.message ?? 'is invalid'}`, zh: `${w}不符合文件格式要求` };
  }
}

/** The first three distinct problems, one line in each language. */
function describe(errors: readonly ErrorObject[] | null | undefined): Text {
  const texts = (errors ?? []).map(schemaErrorText);
  const en = [...new Set(texts.map((t) => t.en))].slice(0, 3).join('; ');
  const zh = [...new Set(texts.map((t) => t.zh))].slice(0, 3).join('；');
  return { en, zh };
}

function check<T>(validate: ValidateFunction<T>, value: unknown): Checked<T> {
  if (validate(value)) return { ok: true, value };
  const reason = describe(validate.errors);
  return { ok: false, problem: reason.en, reason };
}

export const checkPublicKey = (v: unknown) => check(validators().publicKey, v);
export const checkTrustList = (v: unknown) => check(validators().trustList, v);
export const checkPrivateKey = (v: unknown) => check(validators().privateKey, v);

/**
 * Whether a parsed anchor setting is one this add-in writes (ANCHOR_SCHEMA), by the validator
 * ajv compiled from it ahead of time (scripts/gen-validators.ts): no ajv at run time.
 */
export const isAnchorJson = (v: unknown): v is AnchorJson => anchorValid(v) === true;

/** Whether a parsed anchor setting's signature keys are well formed (both or neither). */
export const isAnchorSignatureJson = (v: unknown): v is AnchorSignatureJson =>
  anchorSignatureValid(v) === true;
