/**
 * Checking one input cell with the rules core's own readers, so a cell fails validation exactly
 * when the function reading it would fail. The readers build exact decimals, which is most of
 * the cost of validating a large sheet; `plainlyValid` skips them for a number whose double is
 * already, beyond doubt, inside the reader's domain (the reader rounds to 15 significant digits,
 * which cannot move a double that is inside [0, 1], ≥ 0, ≥ −1 or a safe integer outside it).
 * Anything else goes to the reader. A property test holds: plainlyValid ⇒ the reader accepts.
 */
import { readBoolean, readNumber, readRole, type NumberKind, type RuleError } from '../rules';

export function plainlyValid(x: number, kind: NumberKind): boolean {
  switch (kind) {
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

/** The reader's error for a non-blank number cell, or undefined when it reads. */
export function numberError(raw: unknown, param: string, kind: NumberKind): RuleError | undefined {
  if (typeof raw === 'number' && plainlyValid(raw, kind)) return undefined;
  const r = readNumber(raw, param, kind);
  return r.ok ? undefined : r.error;
}

export function booleanError(raw: unknown, param: string): RuleError | undefined {
  if (typeof raw === 'boolean') return undefined;
  const r = readBoolean(raw, param);
  return r.ok ? undefined : r.error;
}

export { readRole };
