/**
 * A policy's identity: SHA-256 of a canonical form (keys sorted, no white space), so any change
 * to any number changes the hash, and the same policy hashes the same on every machine.
 */
import type { Policy } from './policy-types';
import { perPolicy } from './per-policy';
import { sha256Hex } from './sha256';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** The policy's SHA-256, hex (computed once per policy object). */
export const policyHash = perPolicy((policy) => sha256Hex(canonicalJson(policy)));

/** What CM.POLICY_VERSION() shows and every audit record carries. */
export function policyVersionText(policy: Policy): string {
  return `${policy.name.zh} ${policy.version} sha256:${policyHash(policy)}`;
}
