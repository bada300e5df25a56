/**
 * Shared helpers for the rules-core tests: unwrap a RuleResult with a readable failure, and
 * build score / outcome inputs from the argument order of the CM functions (FUNCTIONS.md).
 */
import fc from 'fast-check';
import {
  appraisalScore,
  gradeOutcome,
  scoreBreakdown,
  type Outcome,
  type OutcomeInput,
  type Policy,
  type RuleErrorKind,
  type RuleFail,
  type RuleResult,
} from '../../src/rules';

/** A rule result or an input reading (`Read<T>`): a value, or a rule error. */
type Answer<T> = RuleResult<T> | { readonly ok: true; readonly value: T } | RuleFail;

/** The value of a result that must succeed; fails the test with the rule's message otherwise. */
export function valueOf<T>(r: Answer<T>): T {
  if (!r.ok)
    throw new Error(
      `expected a value, got ${r.error.kind} ${r.error.param}: ${r.error.message.en}`,
    );
  return r.value;
}

/** Asserts a rule error of this kind naming this parameter, and returns its English message. */
export function expectError<T>(r: Answer<T>, kind: RuleErrorKind, param: string): string {
  expect(r.ok).toBe(false);
  if (r.ok) return '';
  expect(r.error.kind).toBe(kind);
  expect(r.error.param).toBe(param);
  expect(r.error.message.en.length).toBeGreaterThan(0);
  expect(r.error.message.zh.length).toBeGreaterThan(0);
  return r.error.message.en;
}

/** The explanation text (English) of a result that must succeed. */
export function reason<T>(r: RuleResult<T>): string {
  if (!r.ok) throw new Error(`expected a value, got ${r.error.kind}: ${r.error.message.en}`);
  return r.explain().text.en;
}

/** CM.APPRAISAL_SCORE(role, deposit, npl_ratio, collection_rate, fourth). */
export function score(
  role: unknown,
  deposit: unknown,
  nplRatio: unknown,
  collectionRate: unknown,
  fourth: unknown,
  policy?: Policy,
): RuleResult<number> {
  return appraisalScore({ role, deposit, nplRatio, collectionRate, fourth }, policy);
}

/** Item points and total of the decimal path, as the nearest plain numbers. */
export function items(
  role: unknown,
  deposit: unknown,
  nplRatio: unknown,
  collectionRate: unknown,
  fourth: unknown,
  policy?: Policy,
): { deposit: number; npl: number; collection: number; fourth: number; total: number } {
  const b = valueOf(scoreBreakdown({ role, deposit, nplRatio, collectionRate, fourth }, policy));
  const n = (x: { toNumber(): number }): number => x.toNumber();
  return {
    deposit: n(b.deposit),
    npl: n(b.npl),
    collection: n(b.collection),
    fourth: n(b.fourth),
    total: b.total.toNumber(),
  };
}

/** CM.GRADE_OUTCOME with its positional arguments (blank = undefined). */
export function outcome(
  role: unknown,
  score: unknown,
  collectionRate: unknown,
  rest: Partial<Omit<OutcomeInput, 'role' | 'score' | 'collectionRate'>> = {},
  policy?: Policy,
): RuleResult<Outcome> {
  return gradeOutcome({ role, score, collectionRate, ...rest }, policy);
}

/** A deep, mutable copy of a policy for option and shape tests. */
export function clonePolicy(p: Policy): Policy {
  return JSON.parse(JSON.stringify(p)) as Policy;
}

/** A decimal in [lo, hi] with 0..maxDecimals decimals, as the double nearest to it. */
export function decimal(lo: number, hi: number, maxDecimals: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: maxDecimals }).chain((d) => {
    const scale = 10 ** d;
    return fc
      .integer({ min: Math.ceil(lo * scale), max: Math.floor(hi * scale) })
      .map((m) => m / scale);
  });
}
