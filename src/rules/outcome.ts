/**
 * Art. 14 grade outcome (POLICY §2): rules tried in order, the first that holds decides
 * (DMN hit policy FIRST), and its article is the reason.
 */
import { articleText } from './article';
import { Decimal, roundHalfAway } from './decimal';
import { holds, num, opSymbol } from './compare';
import { percent, plain } from './format';
import { readNumber, readOptionalBoolean, readOptionalNumber, type Read } from './input';
import { fastOutcome } from './outcome-fast';
import {
  decide,
  FACT_KINDS,
  outcomeOf,
  type Condition,
  type Outcome,
  type Verdict,
} from './outcome-table';
import type { Policy, Threshold } from './policy-types';
import { DEFAULT_POLICY } from './policy';
import { ok, type Explanation, type RuleOk, type RuleResult, type Text } from './result';
import { readScoredRole } from './score';
import type { ScoredRole } from './policy-types';

export { OUTCOMES, type Outcome } from './outcome-table';

export interface OutcomeInput {
  readonly role: unknown;
  readonly score: unknown;
  readonly collectionRate: unknown;
  readonly monthsBelowBase?: unknown;
  readonly violationPoints?: unknown;
  readonly majorViolation?: unknown;
  /** Deposit growth; read (and required) only for BRANCH_HEAD. */
  readonly deposit?: unknown;
  /** NPL ratio; read (and required) only for BRANCH_HEAD. */
  readonly nplRatio?: unknown;
  readonly lossAmount?: unknown;
  readonly priorDemotions?: unknown;
}

interface Facts {
  readonly role: ScoredRole;
  readonly score: Decimal;
  readonly collectionRate: Decimal;
  readonly violationPoints: Decimal;
  readonly majorViolation: boolean;
  readonly monthsBelowBase: Decimal;
  readonly deposit: Decimal;
  readonly nplRatio: Decimal;
  readonly lossAmount: Decimal;
  readonly priorDemotions: Decimal;
}

const ZERO = new Decimal(0);

function readFacts(input: OutcomeInput, policy: Policy): Read<Facts> {
  const role = readScoredRole(input.role, 'outcome', 'Art. 14');
  if (!role.ok) return role;
  const score = readNumber(input.score, 'score', FACT_KINDS.score);
  if (!score.ok) return score;
  const rate = readNumber(input.collectionRate, 'collection_rate', FACT_KINDS.collectionRate);
  if (!rate.ok) return rate;
  const points = readOptionalNumber(
    input.violationPoints,
    'violation_points',
    FACT_KINDS.violationPoints,
    ZERO,
  );
  if (!points.ok) return points;
  const major = readOptionalBoolean(input.majorViolation, 'major_violation', false);
  if (!major.ok) return major;
  const isHead = role.value === 'BRANCH_HEAD';
  // Inputs another role does not use are not read at all (FUNCTIONS.md).
  const months = isHead
    ? { ok: true as const, value: ZERO }
    : readOptionalNumber(
        input.monthsBelowBase,
        'months_below_base',
        FACT_KINDS.monthsBelowBase,
        ZERO,
      );
  if (!months.ok) return months;
  const deposit = isHead
    ? readNumber(input.deposit, 'deposit', FACT_KINDS.deposit)
    : { ok: true as const, value: ZERO };
  if (!deposit.ok) return deposit;
  const npl = isHead
    ? readNumber(input.nplRatio, 'npl_ratio', FACT_KINDS.nplRatio)
    : { ok: true as const, value: ZERO };
  if (!npl.ok) return npl;
  const loss = isHead
    ? readOptionalNumber(input.lossAmount, 'loss_amount', FACT_KINDS.lossAmount, ZERO)
    : { ok: true as const, value: ZERO };
  if (!loss.ok) return loss;
  const prior = isHead
    ? readOptionalNumber(input.priorDemotions, 'prior_demotions', FACT_KINDS.priorDemotions, ZERO)
    : { ok: true as const, value: ZERO };
  if (!prior.ok) return prior;
  return {
    ok: true,
    value: {
      role: role.value,
      // Art. 14 reads the score the sheet shows: rounded to the total's places (POLICY §0).
      score: roundHalfAway(score.value, policy.score.totalPlaces),
      collectionRate: rate.value,
      violationPoints: points.value,
      majorViolation: major.value,
      monthsBelowBase: months.value,
      deposit: deposit.value,
      nplRatio: npl.value,
      lossAmount: loss.value,
      priorDemotions: prior.value,
    },
  };
}

/** A condition that held, said in both languages. */
interface Held {
  readonly en: string;
  readonly zh: string;
}

function compared(label: Text, shown: string, t: Threshold, limit: string): Held {
  return {
    en: `${label.en} ${shown} ${opSymbol(t.op)} ${limit}`,
    zh: `${label.zh} ${shown} ${opSymbol(t.op)} ${limit}`,
  };
}

/** The limit a condition compares its fact with (a completion's limit times its target). */
function limitOf(c: Condition, policy: Policy): Decimal {
  const t = c.threshold(policy.outcome);
  return c.target === undefined ? num(t.value) : num(t.value).times(num(c.target(policy)));
}

/** How one Art. 14(1)1 condition of a branch head that held reads. */
function headHeld(c: Condition, f: Facts, policy: Policy): Held {
  const o = policy.outcome;
  const t = c.threshold(o);
  if (c.target === undefined) {
    return c.fact === 'score'
      ? compared({ en: 'score', zh: '考核得分' }, plain(f.score), t, t.value)
      : compared({ en: 'NPL ratio', zh: '不良率' }, percent(f[c.fact]), t, percent(num(t.value)));
  }
  const target = num(c.target(policy));
  const x = f[c.fact];
  const done = percent(x.dividedBy(target).toDecimalPlaces(4));
  const what =
    c.fact === 'deposit' ? { en: 'deposit', zh: '存款' } : { en: 'collection', zh: '收贷收息' };
  const sum = `${percent(x)} ÷ ${percent(target)} = ${done} ${opSymbol(t.op)} ${percent(num(t.value))}`;
  return { en: `${what.en} completion ${sum}`, zh: `${what.zh}完成 ${sum}` };
}

/** What held for the verdict, said in both languages. */
function heldText(v: Verdict, f: Facts, policy: Policy): Held {
  switch (v.kind) {
    case 'major':
      return {
        en: 'major violation causing major economic loss',
        zh: '严重违规违纪造成重大经济损失',
      };
    case 'threshold': {
      const t = v.threshold(policy.outcome);
      return compared(v.label, v.show(f[v.fact]), t, v.show(num(t.value)));
    }
    case 'head': {
      const said = v.held.map((c) => headHeld(c, f, policy));
      const en = said.map((h) => h.en).join('; ');
      const zh = said.map((h) => h.zh).join('；');
      return v.repeat
        ? {
            en: `${en}, and demoted the previous year (2 years in a row)`,
            zh: `${zh}，且上年已降级（连续2年）`,
          }
        : { en, zh };
    }
    default:
      return { en: 'no condition of Art. 14 holds', zh: '不符合第十四条任何降级或解除条件' };
  }
}

/** The rule id and article of the verdict. */
function ruleOf(v: Verdict, policy: Policy): { rule: string; article: string } {
  const o = policy.outcome;
  switch (v.kind) {
    case 'major':
      return { rule: 'art14.3.major', article: o.majorViolation.article };
    case 'threshold':
      return { rule: v.rule, article: v.threshold(o).article };
    case 'head':
      return v.repeat
        ? { rule: 'art14.1.1.repeat', article: o.branchHeadRepeat.article }
        : { rule: 'art14.1.1.demote', article: o.branchHeadScore.article };
    default:
      return { rule: 'art14.retain', article: 'Art. 14' };
  }
}

/** The verdict on exact facts: each condition compared on Decimals. */
function decideExactly(f: Facts, policy: Policy): Verdict {
  return decide(f.role, f.majorViolation, (c) =>
    holds(f[c.fact], c.threshold(policy.outcome).op, limitOf(c, policy)),
  );
}

const OUTCOME_ZH: Record<Outcome, string> = {
  RETAIN: '留任',
  DEMOTE: '降级',
  TERMINATE: '解除劳动合同',
};

function explanation(v: Verdict, f: Facts, policy: Policy): Explanation {
  const held = heldText(v, f, policy);
  const { rule, article } = ruleOf(v, policy);
  const outcome = outcomeOf(v);
  return {
    rule,
    article,
    text: {
      en: `${article}: ${held.en} → ${outcome}`,
      zh: `${articleText(article, 'zh')}：${held.zh} → ${OUTCOME_ZH[outcome]}`,
    },
    values: {
      role: f.role,
      score: f.score.toNumber(),
      collectionRate: f.collectionRate.toNumber(),
      violationPoints: f.violationPoints.toNumber(),
      majorViolation: f.majorViolation,
      outcome,
    },
  };
}

/** CM.GRADE_OUTCOME and CM.GRADE_REASON: the outcome and the rule that decided it. */
export function gradeOutcome(
  input: OutcomeInput,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Outcome> {
  // A missing input object reads as all blanks, never a TypeError.
  const given = input ?? ({} as OutcomeInput);
  const fast = fastOutcome(given, policy);
  if (fast !== undefined) {
    // The fast path accepts only inputs the decimal path reads, so this reading succeeds.
    return ok(fast, () => (exactOutcome(given, policy) as RuleOk<Outcome>).explain());
  }
  return exactOutcome(given, policy);
}

/**
 * The outcome decided on exact decimals: the path every other path must equal, and the one
 * every explanation comes from.
 */
export function exactOutcome(
  input: OutcomeInput,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Outcome> {
  const facts = readFacts(input ?? ({} as OutcomeInput), policy);
  if (!facts.ok) return facts;
  const v = decideExactly(facts.value, policy);
  return ok(outcomeOf(v), () => explanation(v, facts.value, policy));
}
