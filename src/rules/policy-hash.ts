/**
 * A policy's identity: SHA-256 of a canonical form (keys sorted, no white space), so any change
 * to any number changes the hash, and the same policy hashes the same on every machine.
 */
import type { Policy } from './policy-types';
import { sha256Hex } from './sha256';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

const hashes = new WeakMap<Policy, string>();

export function policyHash(policy: Policy): string {
  let hash = hashes.get(policy);
  if (hash === undefined) {
    hash = sha256Hex(canonicalJson(policy));
    hashes.set(policy, hash);
  }
  return hash;
}

/** What CM.POLICY_VERSION() shows and every audit record carries. */
export function policyVersionText(policy: Policy): string {
  return `${policy.name.zh} ${policy.version} sha256:${policyHash(policy)}`;
}
