/**
 * Editing a policy in tests: every number leaf of it, a copy with one leaf changed or removed.
 */
import type { Policy } from '../../src/rules';
import { clonePolicy } from '../rules/helpers';

export type Path = (string | number)[];

/** Every number of the policy: decimal-text leaves (Num) and plain numbers (places). */
export function numberLeaves(x: unknown, path: Path = []): Path[] {
  if (typeof x === 'number') return [path];
  if (typeof x === 'string') return /^-?\d+(\.\d+)?$/.test(x) ? [path] : [];
  if (x === null || typeof x !== 'object') return [];
  return Object.entries(x).flatMap(([k, v]) =>
    numberLeaves(v, [...path, Array.isArray(x) ? Number(k) : k]),
  );
}

/** Returned by a change to remove the key altogether. */
export const REMOVE = Symbol('remove');

export function withLeaf(policy: Policy, path: Path, change: (v: unknown) => unknown): Policy {
  const copy = clonePolicy(policy) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const value = change(node[last]);
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy as unknown as Policy;
}

export function bump(v: unknown): unknown {
  if (typeof v === 'number') return v + 1;
  const [whole, frac] = String(v).split('.');
  // Change the last digit so the number stays a valid decimal text of the same length.
  const digits = frac ?? whole;
  const lastDigit = Number(digits[digits.length - 1]);
  const changed = digits.slice(0, -1) + String((lastDigit + 1) % 10);
  return frac === undefined ? changed : `${whole}.${changed}`;
}
