/**
 * Reading raw cell values (POLICY §0): numbers at Excel's 15 significant digits then exact;
 * roles in every accepted spelling; booleans TRUE/FALSE, 1/0, 是/否; a blank never counts as 0.
 * Any JS value may arrive here; the answer is a value or a rule error, never an exception.
 */
import { paramLabel } from './param-labels';
import { Decimal, fromExcelNumber } from './decimal';
import { fail, type RuleFail } from './result';
import { ROLE_CHOICES_EN, ROLE_CHOICES_ZH, roleFromText, type Role } from './roles';

export type Read<T> = { readonly ok: true; readonly value: T } | RuleFail;

/** The domain of a numeric input. */
export type NumberKind =
  | 'rate' // a fraction 0–1 that can never exceed 100% (NPL ratio, collection rate)
  | 'growth' // a growth fraction, −100% or more
  | 'money' // yuan, 0 or more
  | 'change' // a change in yuan over a period, any sign (POLICY §1.1: JUNIOR new deposits)
  | 'count' // a whole number, 0 or more
  | 'amount' // any number (a score, points), 0 or more
  | 'months'; // months elapsed, 0 or more, fractions allowed

const ONE = new Decimal(1);
const MINUS_ONE = new Decimal(-1);

export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/** How a raw value reads in a message; safe for any JS value (a BigInt, a symbol, a cycle). */
export function got(raw: unknown): string {
  if (typeof raw === 'string') return `"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw)) return 'a list';
  return typeof raw;
}

function blankError(param: string): RuleFail {
  return fail(
    'value',
    param,
    `${param} is blank; a value is required.`,
    `${paramLabel(param, 'zh')} 为空，必须填写。`,
  );
}

function domainError(param: string, kind: NumberKind, x: Decimal): RuleFail {
  const v = x.toString();
  switch (kind) {
    case 'rate':
      return fail(
        'num',
        param,
        `${param} must be a fraction from 0 to 1 (1.2% is 0.012); got ${v}.`,
        `${paramLabel(param, 'zh')} 应为 0 到 1 之间的比率（1.2% 即 0.012），实际为 ${v}。`,
      );
    case 'growth':
      return fail(
        'num',
        param,
        `${param} must be a growth fraction of -1 (−100%) or more; got ${v}.`,
        `${paramLabel(param, 'zh')} 应为不低于 -1（−100%）的增长率，实际为 ${v}。`,
      );
    case 'count':
      return fail(
        'num',
        param,
        `${param} must be a whole number, 0 or more; got ${v}.`,
        `${paramLabel(param, 'zh')} 应为不小于 0 的整数，实际为 ${v}。`,
      );
    default:
      return fail(
        'num',
        param,
        `${param} must not be negative; got ${v}.`,
        `${paramLabel(param, 'zh')} 不能为负数，实际为 ${v}。`,
      );
  }
}

function inDomain(x: Decimal, kind: NumberKind): boolean {
  switch (kind) {
    case 'change':
      return true;
    case 'rate':
      return !x.isNegative() && x.lessThanOrEqualTo(ONE);
    case 'growth':
      return x.greaterThanOrEqualTo(MINUS_ONE);
    case 'count':
      return !x.isNegative() && x.isInteger();
    default:
      return !x.isNegative();
  }
}

/**
 * True when a double is, beyond doubt, inside the domain of `kind`: the 15-digit reading cannot
 * move a double that lies inside [0, 1], ≥ 0, ≥ −1, or a safe integer, out of it. Callers that
 * only need to know "would this read?" (validating a large sheet) can skip building a Decimal;
 * anything this does not accept goes to readNumber. The domains are those of inDomain above.
 */
export function plainlyInDomain(x: number, kind: NumberKind): boolean {
  switch (kind) {
    case 'change':
      return Number.isFinite(x);
    case 'rate':
      return x >= 0 && x <= 1;
    case 'growth':
      return x >= -1 && x < Infinity;
    case 'count':
      return x >= 0 && Number.isSafeInteger(x);
    default:
      return x >= 0 && x < Infinity;
  }
}

/** A required number: blank is #VALUE!, outside the domain is #NUM!. */
export function readNumber(raw: unknown, param: string, kind: NumberKind): Read<Decimal> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) {
      return fail(
        'num',
        param,
        `${param} must be a finite number; got ${raw}.`,
        `${paramLabel(param, 'zh')} 应为有限数值，实际为 ${raw}。`,
      );
    }
    // fromExcelNumber reads -0 as a plain 0, so the domain checks see a plain zero.
    const value = fromExcelNumber(raw);
    return inDomain(value, kind) ? { ok: true, value } : domainError(param, kind, value);
  }
  if (isBlank(raw)) return blankError(param);
  return fail(
    'value',
    param,
    `${param} must be a number; got ${got(raw)}.`,
    `${paramLabel(param, 'zh')} 应为数值，实际为 ${got(raw)}。`,
  );
}

/** An optional number: blank gives the default (never 0 unless 0 is the default). */
export function readOptionalNumber(
  raw: unknown,
  param: string,
  kind: NumberKind,
  fallback: Decimal,
): Read<Decimal> {
  return isBlank(raw) ? { ok: true, value: fallback } : readNumber(raw, param, kind);
}

const TRUE_TEXT = new Set(['TRUE', '是', '1', 'Y', 'YES']);
const FALSE_TEXT = new Set(['FALSE', '否', '0', 'N', 'NO']);

/** A boolean: TRUE/FALSE, 1/0, 是/否. */
export function readBoolean(raw: unknown, param: string): Read<boolean> {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  if (raw === 1 || raw === 0) return { ok: true, value: raw === 1 };
  if (typeof raw === 'string' && !isBlank(raw)) {
    const t = raw.trim().toUpperCase();
    if (TRUE_TEXT.has(t)) return { ok: true, value: true };
    if (FALSE_TEXT.has(t)) return { ok: true, value: false };
  }
  if (isBlank(raw)) return blankError(param);
  return fail(
    'value',
    param,
    `${paramLabel(param, 'zh')} must be TRUE/FALSE, 1/0 or 是/否; got ${got(raw)}.`,
    `${paramLabel(param, 'zh')} 应为 TRUE/FALSE、1/0 或 是/否，实际为 ${got(raw)}。`,
  );
}

export function readOptionalBoolean(raw: unknown, param: string, fallback: boolean): Read<boolean> {
  return isBlank(raw) ? { ok: true, value: fallback } : readBoolean(raw, param);
}

/** A parameter that takes a row or column of months was given something else. */
export function notAList(param: string): RuleFail {
  return fail(
    'value',
    param,
    `${param} must be a row or column of monthly figures.`,
    `${paramLabel(param, 'zh')} 应为按月排列的一行或一列数据。`,
  );
}

/** A role in any accepted spelling (POLICY §0). */
export function readRole(raw: unknown, param = 'role'): Read<Role> {
  if (typeof raw === 'string') {
    const role = roleFromText(raw);
    if (role !== undefined) return { ok: true, value: role };
    if (!isBlank(raw)) {
      return fail(
        'value',
        param,
        `${param} ${got(raw)} is not a role; use ${ROLE_CHOICES_EN}.`,
        `${paramLabel(param, 'zh')} ${got(raw)} 不是有效的考核对象，应为 ${ROLE_CHOICES_ZH}。`,
      );
    }
  }
  if (isBlank(raw)) return blankError(param);
  return fail(
    'value',
    param,
    `${param} must be a role name; got ${got(raw)}. Use ${ROLE_CHOICES_EN}.`,
    `${paramLabel(param, 'zh')} 应为考核对象名称，实际为 ${got(raw)}；应为 ${ROLE_CHOICES_ZH}。`,
  );
}
