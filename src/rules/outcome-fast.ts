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
import { perPolicy } from './per-policy';
import {
  decide,
  outcomeOf,
  CONDITIONS,
  FACT_KINDS,
  type Condition,
  type Holds,
  type FactKey,
  type Outcome,
} from './outcome-table';
import type { OutcomeInput } from './outcome';
import { roleFromText } from './roles';
import { DIGITS_15, scaledInput } from './exact-int';

type Kind = (typeof FACT_KINDS)[FactKey];

/** Decimal places a fact may carry on the fast path, by its kind (the score: the total's). */
const PLACES: Record<Kind, number> = { rate: 6, growth: 6, amount: 2, money: 2, count: 0 };

/** A fact's reading on the fast path: its scale and the scaled values its domain admits. */
interface Reading {
  readonly scale: number;
  readonly min: number;
  readonly max: number;
}

interface Compiled {
  readonly reading: Readonly<Record<FactKey, Reading>>;
  /** Whether a condition holds for the facts last read into `facts`. */
  readonly holds: Holds;
  /** The facts being decided, as scaled integers (one call at a time: rules never re-enter). */
  readonly facts: Record<FactKey, number>;
}

/** The smallest and largest scaled value a kind's domain admits (input.ts inDomain). */
function readingOf(kind: Kind, scale: number): Reading {
  switch (kind) {
    case 'rate':
      return { scale, min: 0, max: scale };
    case 'growth':
      return { scale, min: -scale, max: DIGITS_15 - 1 };
    default:
      return { scale, min: 0, max: DIGITS_15 - 1 };
  }
}

function compile(policy: Policy): Compiled | null {
  const reading = {} as Record<FactKey, Reading>;
  const facts = {} as Record<FactKey, number>;
  for (const key of Object.keys(FACT_KINDS) as FactKey[]) {
    const places = key === 'score' ? policy.score.totalPlaces : PLACES[FACT_KINDS[key]];
    reading[key] = readingOf(FACT_KINDS[key], 10 ** places);
    facts[key] = 0;
  }
  const limits = new Map<Condition, { op: Op; limit: number }>();
  for (const c of CONDITIONS) {
    const t = c.threshold(policy.outcome);
    let v = num(t.value).times(reading[c.fact].scale);
    if (c.target !== undefined) v = v.times(num(c.target(policy)));
    if (!v.isInteger() || v.abs().greaterThanOrEqualTo(DIGITS_15)) return null;
    limits.set(c, { op: t.op, limit: v.toNumber() });
  }
  const holds: Holds = (cond) => {
    const l = limits.get(cond) as { op: Op; limit: number };
    return holdsNumber(facts[cond.fact], l.op, l.limit);
  };
  return { reading, holds, facts };
}

const compiledFor = perPolicy(compile);

/** A required fact as a scaled integer, or undefined (the decimal path reads it). */
function required(raw: unknown, key: FactKey, c: Compiled): number | undefined {
  const r = c.reading[key];
  return scaledInput(raw, r.scale, r.min, r.max);
}

/** An optional fact: a blank cell reads as 0 (input.ts readOptionalNumber). */
function optional(raw: unknown, key: FactKey, c: Compiled): number | undefined {
  return raw === null || raw === undefined ? 0 : required(raw, key, c);
}

/** Reads one fact into `c.facts`; false when the decimal path must read it. */
function read(c: Compiled, key: FactKey, x: number | undefined): boolean {
  if (x === undefined) return false;
  c.facts[key] = x;
  return true;
}

/** The outcome, or undefined when the decimal path must answer. */
export function fastOutcome(input: OutcomeInput, policy: Policy): Outcome | undefined {
  const c = compiledFor(policy);
  if (c === null) return undefined;
  // As readScoredRole reads it: a role's name or code, not an agent (Art. 4: not scored).
  const role = typeof input.role === 'string' ? roleFromText(input.role) : undefined;
  if (role === undefined || role === 'AGENT') return undefined;
  const m = input.majorViolation;
  const major = m === null || m === undefined ? false : typeof m === 'boolean' ? m : undefined;
  if (major === undefined) return undefined;
  const head = role === 'BRANCH_HEAD';
  // Inputs another role does not use are not read at all (as the decimal path).
  const readAll =
    read(c, 'score', required(input.score, 'score', c)) &&
    read(c, 'collectionRate', required(input.collectionRate, 'collectionRate', c)) &&
    read(c, 'violationPoints', optional(input.violationPoints, 'violationPoints', c)) &&
    read(c, 'monthsBelowBase', head ? 0 : optional(input.monthsBelowBase, 'monthsBelowBase', c)) &&
    read(c, 'deposit', head ? required(input.deposit, 'deposit', c) : 0) &&
    read(c, 'nplRatio', head ? required(input.nplRatio, 'nplRatio', c) : 0) &&
    read(c, 'lossAmount', head ? optional(input.lossAmount, 'lossAmount', c) : 0) &&
    read(c, 'priorDemotions', head ? optional(input.priorDemotions, 'priorDemotions', c) : 0);
  if (!readAll) return undefined;
  const verdict = decide(role, major, c.holds);
  return outcomeOf(verdict);
}
