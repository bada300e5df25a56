/**
 * What every rule returns: a value with the explanation of the rule that decided it, or a typed
 * rule error. Adapters turn a RuleError into a CustomFunctions.Error, a HyperFormula CellError
 * or a validation finding. No rule throws for bad input.
 */

/** A message in both languages the bank works in. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

export type Lang = keyof Text;

/** `value`: wrong type, unknown code, blank required input; `num`: outside its domain; `na`: not applicable to the role. */
export type RuleErrorKind = 'value' | 'num' | 'na';

export interface RuleError {
  readonly kind: RuleErrorKind;
  /** The parameter at fault, in the functions' snake_case spelling (`npl_ratio`). */
  readonly param: string;
  readonly message: Text;
}

export type ExplainedValue = string | number | boolean | null;

/** Which rule decided, where it comes from, and the values it compared. */
export interface Explanation {
  /** Stable rule id, e.g. `art14.2.score`. */
  readonly rule: string;
  /** Article cited, e.g. `Art. 14(2)`. */
  readonly article: string;
  /** One line, e.g. `Art. 14(2): score 84.5 ≤ 85 → DEMOTE`. */
  readonly text: Text;
  readonly values: Readonly<Record<string, ExplainedValue>>;
}

export interface RuleOk<T> {
  readonly ok: true;
  readonly value: T;
  /** Built on demand from the same evaluation that produced `value`. */
  explain(): Explanation;
}

export interface RuleFail {
  readonly ok: false;
  readonly error: RuleError;
}

export type RuleResult<T> = RuleOk<T> | RuleFail;

export function ok<T>(value: T, explain: () => Explanation): RuleOk<T> {
  return { ok: true, value, explain };
}

export function fail(kind: RuleErrorKind, param: string, en: string, zh: string): RuleFail {
  return { ok: false, error: { kind, param, message: { en, zh } } };
}

export function isRuleError(x: unknown): x is RuleError {
  return (
    typeof x === 'object' &&
    x !== null &&
    'kind' in x &&
    'param' in x &&
    'message' in x &&
    typeof (x as RuleError).message === 'object'
  );
}
