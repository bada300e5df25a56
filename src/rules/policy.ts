/**
 * The bank's policy as data: 《商业银行客户经理考核管理办法》, read as POLICY.md fixes it, kept in
 * policy.json (described by policy.schema.json) and written nowhere else. Boundaries follow PRC
 * Civil Code Art. 1259 (以上/以下/以内 include the number; 超过/不满/低于 exclude it).
 *
 * The built-in file is checked against the schema and the consistency rules by the tests
 * (test/policy), as every file the bank deploys is when it is loaded (src/policy/load.ts).
 */
import type { Policy } from './policy-types';
import data from './policy.json';

/** `$schema` tells editors where the schema is; it is not part of the policy and not hashed. */
export function withoutSchemaKey(raw: object): object {
  const { $schema: _schema, ...policy } = raw as { $schema?: unknown };
  return policy;
}

// Checked by the tests; the JSON import's inferred type has plain strings where Policy has unions.
export const DEFAULT_POLICY: Policy = withoutSchemaKey(data) as unknown as Policy;
