/**
 * Checks the shape of a policy object when one is loaded (from JSON, a settings sheet, a test),
 * with readable errors naming the path. The default policy is the template of the shape.
 */
import { DEFAULT_POLICY } from './policy';
import type { Policy } from './policy-types';
import { ROLES } from './roles';

/** Keys whose values are decimal numbers written as text. */
const NUM_KEYS = new Set([
  'base',
  'target',
  'step',
  'pointsPerStep',
  'min',
  'max',
  'points',
  'value',
  'lo',
  'hi',
  'rate',
  'afterMonths',
  'maxMonths',
  'minDeposits',
]);
/** Parents whose every value is a decimal number written as text. */
const NUM_MAPS = new Set(['caps']);
const NULLABLE = new Set(['lo', 'hi']);
const ENUMS: Record<string, readonly string[]> = {
  op: ['<', '<=', '>', '>='],
  field: ['deposits', 'loans'],
  match: ['any', 'all'],
  kind: ['linear', 'proportional', 'bands'],
  input: ['growth', 'amount', 'rate', 'count'],
};
const DECIMAL = /^-?\d+(\.\d+)?$/;

const ITEM_TEMPLATES: Record<string, unknown> = {
  linear: DEFAULT_POLICY.score.collection,
  proportional: DEFAULT_POLICY.score.fourth.SENIOR,
  bands: DEFAULT_POLICY.score.npl,
};

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return `"${x}"`;
  return `${String(x)} (${typeof x})`;
}

function checkString(
  value: string,
  key: string,
  parent: string,
  template: string,
  path: string,
  errors: string[],
): void {
  if (NUM_KEYS.has(key) || NUM_MAPS.has(parent)) {
    if (!DECIMAL.test(value))
      errors.push(
        `${path}: expected a decimal number as text such as "0.995", got ${describe(value)}`,
      );
  } else if (key in ENUMS) {
    if (!ENUMS[key].includes(value))
      errors.push(`${path}: expected one of ${ENUMS[key].join(', ')}, got ${describe(value)}`);
  } else if ((ROLES as readonly string[]).includes(template)) {
    if (!(ROLES as readonly string[]).includes(value))
      errors.push(`${path}: expected a role (${ROLES.join(', ')}), got ${describe(value)}`);
  }
}

function check(
  value: unknown,
  template: unknown,
  key: string,
  parent: string,
  path: string,
  errors: string[],
): void {
  if (value === null && NULLABLE.has(key)) return;
  if (Array.isArray(template)) {
    if (!Array.isArray(value) || value.length === 0) {
      errors.push(`${path}: expected a non-empty list, got ${describe(value)}`);
      return;
    }
    value.forEach((v, i) => check(v, template[0], key, parent, `${path}[${i}]`, errors));
    return;
  }
  if (typeof template === 'object' && template !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${path}: expected an object, got ${describe(value)}`);
      return;
    }
    const record = value as Record<string, unknown>;
    const kind = record.kind;
    const shape = (typeof kind === 'string' && ITEM_TEMPLATES[kind]) || template;
    const expected = shape as Record<string, unknown>;
    for (const k of Object.keys(expected)) {
      if (!(k in record)) errors.push(`${path}.${k}: missing`);
      else check(record[k], expected[k], k, key, `${path}.${k}`, errors);
    }
    for (const k of Object.keys(record)) {
      if (!(k in expected)) errors.push(`${path}.${k}: unknown key`);
    }
    return;
  }
  if (typeof value !== typeof template) {
    errors.push(`${path}: expected ${typeof template}, got ${describe(value)}`);
    return;
  }
  if (typeof value === 'string') checkString(value, key, parent, template as string, path, errors);
  if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0 && value <= 10)) {
    errors.push(`${path}: expected a whole number of decimal places 0–10, got ${describe(value)}`);
  }
}

export type PolicyLoad =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Check an object read from JSON (or anywhere) against the policy's shape. */
export function checkPolicy(candidate: unknown): PolicyLoad {
  const errors: string[] = [];
  check(candidate, DEFAULT_POLICY, '', '', 'policy', errors);
  if (errors.length === 0) {
    const p = candidate as Policy;
    for (const band of p.score.npl.bands) {
      if (band.lo !== null && band.hi !== null && Number(band.lo) > Number(band.hi)) {
        errors.push(`policy.score.npl.bands: band ${band.lo}..${band.hi} ends below its start`);
      }
    }
  }
  return errors.length === 0 ? { ok: true, policy: candidate as Policy } : { ok: false, errors };
}

/** Parse and check a policy from JSON text. */
export function loadPolicyJson(text: string): PolicyLoad {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`policy: not valid JSON (${(e as Error).message})`] };
  }
  return checkPolicy(parsed);
}
