/**
 * Checking one input cell with the rules core's own readers, so a cell fails validation exactly
 * when the function reading it would fail. The readers build exact decimals, which is most of
 * the cost of validating a large sheet; the rules core's `plainlyInDomain` skips them for a number whose double is
 * already, beyond doubt, inside the reader's domain (the reader rounds to 15 significant digits,
 * which cannot move such a double out of its domain). Anything else goes to the reader.
 */
import {
  plainlyInDomain,
  readBoolean,
  readNumber,
  readRole,
  type NumberKind,
  type RuleError,
} from '../rules';

/** The reader's error for a non-blank number cell, or undefined when it reads. */
export function numberError(raw: unknown, param: string, kind: NumberKind): RuleError | undefined {
  if (typeof raw === 'number' && plainlyInDomain(raw, kind)) return undefined;
  const r = readNumber(raw, param, kind);
  return r.ok ? undefined : r.error;
}

export function booleanError(raw: unknown, param: string): RuleError | undefined {
  if (typeof raw === 'boolean') return undefined;
  const r = readBoolean(raw, param);
  return r.ok ? undefined : r.error;
}

export { readRole };
