/**
 * What a fast path prepares from a policy (scaled limits, fractions), made once per policy
 * object: policies are data, never changed once loaded, so the object is the key.
 */
import type { Policy } from './policy-types';

export function perPolicy<T>(prepare: (policy: Policy) => T): (policy: Policy) => T {
  const made = new WeakMap<Policy, { readonly value: T }>();
  return (policy) => {
    let m = made.get(policy);
    if (m === undefined) {
      m = { value: prepare(policy) };
      made.set(policy, m);
    }
    return m.value;
  };
}
