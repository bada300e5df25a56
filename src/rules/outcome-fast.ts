/**
 * An exact integer path for the Art. 14 outcome (POLICY §2), for the hot case of valid inputs
 * with few decimals. Each fact is read at Excel's 15 significant digits as an integer count of
 * 10^-S (S by its kind); each condition's limit in the decision table (outcome-table.ts) is
 * scaled alike from the policy data, once per policy. The table is then walked comparing
 * integers below 10^15, where doubles are exact: no float decides. Anything unusual (blank
 * text, a string, an error, too many decimals, a value out of its domain, a policy whose limits
 * are not whole at that scale) returns undefined and the decimal path answers instead. Property
 * tests hold both paths equal.
 */
import { holdsNumber, num } from './compare';
import type { Op, Policy } from './policy-types';
import {
  decide,
  outcomeOf,
  CONDITIONS,
  FACT_KINDS,
  type Condition,
  type FactKey,
  type Outcome,
} from './outcome-table';
import type { OutcomeInput } from './outcome';
import { readScoredRole } from './score';
import { scaledInput } from './score-fast';

type Kind = (typeof FACT_KINDS)[FactKey];

/** Decimal places a fact may carry on the fast path, by its kind (the score: the total's). */
const PLACES: Record<Kind, number> = { rate: 6, growth: 6, amount: 2, money: 2, count: 0 };

/** Scaled values stay below this, so a 15-digit reading of one is the integer itself. */
const LIMIT = 1e15;

interface Compiled {
  readonly scale: Readonly<Record<FactKey, number>>;
  readonly limits: ReadonlyMap<Condition, { readonly op: Op; readonly limit: number }>;
}

const compiled = new WeakMap<Policy, Compiled | null>();

function compile(policy: Policy): Compiled | null {
  const scale = {} as Record<FactKey, number>;
  for (const key of Object.keys(FACT_KINDS) as FactKey[]) {
    scale[key] = 10 ** (key === 'score' ? policy.score.totalPlaces : PLACES[FACT_KINDS[key]]);
  }
  const limits = new Map<Condition, { op: Op; limit: number }>();
  for (const c of CONDITIONS) {
    const t = c.threshold(policy.outcome);
    let v = num(t.value).times(scale[c.fact]);
    if (c.target !== undefined) v = v.times(num(c.target(policy)));
    if (!v.isInteger() || v.abs().greaterThanOrEqualTo(LIMIT)) return null;
    limits.set(c, { op: t.op, limit: v.toNumber() });
  }
  return { scale, limits };
}

function compiledFor(policy: Policy): Compiled | null {
  let c = compiled.get(policy);
  if (c === undefined) {
    c = compile(policy);
    compiled.set(policy, c);
  }
  return c;
}

/** The smallest and largest scaled value a kind's domain admits (input.ts inDomain). */
function bounds(kind: Kind, scale: number): [number, number] {
  switch (kind) {
    case 'rate':
      return [0, scale];
    case 'growth':
      return [-scale, LIMIT - 1];
    default:
      return [0, LIMIT - 1];
  }
}

/** A required fact as a scaled integer, or undefined (the decimal path reads it). */
function required(raw: unknown, key: FactKey, c: Compiled): number | undefined {
  const scale = c.scale[key];
  const [min, max] = bounds(FACT_KINDS[key], scale);
  return scaledInput(raw, scale, min, max);
}

/** An optional fact: a blank cell reads as 0 (input.ts readOptionalNumber). */
function optional(raw: unknown, key: FactKey, c: Compiled): number | undefined {
  return raw === null || raw === undefined ? 0 : required(raw, key, c);
}

/** The outcome, or undefined when the decimal path must answer. */
export function fastOutcome(input: OutcomeInput, policy: Policy): Outcome | undefined {
  const c = compiledFor(policy);
  if (c === null) return undefined;
  const role = readScoredRole(input.role, 'outcome', 'Art. 14');
  if (!role.ok) return undefined;
  const m = input.majorViolation;
  const major = m === null || m === undefined ? false : typeof m === 'boolean' ? m : undefined;
  if (major === undefined) return undefined;
  const head = role.value === 'BRANCH_HEAD';
  const facts: Record<FactKey, number | undefined> = {
    score: required(input.score, 'score', c),
    collectionRate: required(input.collectionRate, 'collectionRate', c),
    violationPoints: optional(input.violationPoints, 'violationPoints', c),
    // Inputs another role does not use are not read at all (as the decimal path).
    monthsBelowBase: head ? 0 : optional(input.monthsBelowBase, 'monthsBelowBase', c),
    deposit: head ? required(input.deposit, 'deposit', c) : 0,
    nplRatio: head ? required(input.nplRatio, 'nplRatio', c) : 0,
    lossAmount: head ? optional(input.lossAmount, 'lossAmount', c) : 0,
    priorDemotions: head ? optional(input.priorDemotions, 'priorDemotions', c) : 0,
  };
  for (const key in facts) if (facts[key as FactKey] === undefined) return undefined;
  const verdict = decide(role.value, major, (cond) => {
    const l = c.limits.get(cond) as { op: Op; limit: number };
    return holdsNumber(facts[cond.fact] as number, l.op, l.limit);
  });
  return outcomeOf(verdict);
}
