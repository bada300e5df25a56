/**
 * Art. 14 grade outcome (POLICY §2): rules tried in order, the first that holds decides
 * (DMN hit policy FIRST), and its article is the reason.
 */
import { Decimal, roundHalfAway } from './decimal';
import { meets, num, opSymbol } from './compare';
import { percent, plain, yuan } from './format';
import { readNumber, readOptionalBoolean, readOptionalNumber, type Read } from './input';
import type { Policy, Threshold } from './policy-types';
import { DEFAULT_POLICY } from './policy';
import { ok, type Explanation, type RuleResult, type Text } from './result';
import { readScoredRole } from './score';
import type { ScoredRole } from './policy-types';

export const OUTCOMES = ['RETAIN', 'DEMOTE', 'TERMINATE'] as const;
export type Outcome = (typeof OUTCOMES)[number];

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
  const score = readNumber(input.score, 'score', 'amount');
  if (!score.ok) return score;
  const rate = readNumber(input.collectionRate, 'collection_rate', 'rate');
  if (!rate.ok) return rate;
  const points = readOptionalNumber(input.violationPoints, 'violation_points', 'amount', ZERO);
  if (!points.ok) return points;
  const major = readOptionalBoolean(input.majorViolation, 'major_violation', false);
  if (!major.ok) return major;
  const isHead = role.value === 'BRANCH_HEAD';
  // Inputs another role does not use are not read at all (FUNCTIONS.md).
  const months = isHead
    ? { ok: true as const, value: ZERO }
    : readOptionalNumber(input.monthsBelowBase, 'months_below_base', 'count', ZERO);
  if (!months.ok) return months;
  const deposit = isHead
    ? readNumber(input.deposit, 'deposit', 'growth')
    : { ok: true as const, value: ZERO };
  if (!deposit.ok) return deposit;
  const npl = isHead
    ? readNumber(input.nplRatio, 'npl_ratio', 'rate')
    : { ok: true as const, value: ZERO };
  if (!npl.ok) return npl;
  const loss = isHead
    ? readOptionalNumber(input.lossAmount, 'loss_amount', 'money', ZERO)
    : { ok: true as const, value: ZERO };
  if (!loss.ok) return loss;
  const prior = isHead
    ? readOptionalNumber(input.priorDemotions, 'prior_demotions', 'count', ZERO)
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

/** The Art. 14(1)1 demotion conditions of a branch head that hold (empty when none). */
function headDemotions(f: Facts, policy: Policy): Held[] {
  const o = policy.outcome;
  const held: Held[] = [];
  if (meets(f.score, o.branchHeadScore))
    held.push(
      compared(
        { en: 'score', zh: '考核得分' },
        plain(f.score),
        o.branchHeadScore,
        o.branchHeadScore.value,
      ),
    );
  if (meets(f.nplRatio, o.branchHeadNpl))
    held.push(
      compared(
        { en: 'NPL ratio', zh: '不良率' },
        percent(f.nplRatio),
        o.branchHeadNpl,
        percent(num(o.branchHeadNpl.value)),
      ),
    );
  // Completion = actual ÷ target, compared as actual vs limit × target so nothing is divided.
  const depositTarget = num(policy.score.deposit.BRANCH_HEAD.target);
  const t1 = o.branchHeadDepositCompletion;
  if (meets(f.deposit, { ...t1, value: num(t1.value).times(depositTarget).toString() })) {
    const c = percent(f.deposit.dividedBy(depositTarget).toDecimalPlaces(4));
    held.push({
      en: `deposit completion ${percent(f.deposit)} ÷ ${percent(depositTarget)} = ${c} ${opSymbol(t1.op)} ${percent(num(t1.value))}`,
      zh: `存款完成 ${percent(f.deposit)} ÷ ${percent(depositTarget)} = ${c} ${opSymbol(t1.op)} ${percent(num(t1.value))}`,
    });
  }
  const collectionTarget = num(policy.score.collection.target);
  const t2 = o.branchHeadCollectionCompletion;
  if (meets(f.collectionRate, { ...t2, value: num(t2.value).times(collectionTarget).toString() })) {
    const c = percent(f.collectionRate.dividedBy(collectionTarget).toDecimalPlaces(4));
    held.push({
      en: `collection completion ${percent(f.collectionRate)} ÷ ${percent(collectionTarget)} = ${c} ${opSymbol(t2.op)} ${percent(num(t2.value))}`,
      zh: `收贷收息完成 ${percent(f.collectionRate)} ÷ ${percent(collectionTarget)} = ${c} ${opSymbol(t2.op)} ${percent(num(t2.value))}`,
    });
  }
  return held;
}

interface Decision {
  readonly outcome: Outcome;
  readonly rule: string;
  readonly article: string;
  readonly held: Held;
}

function decide(f: Facts, policy: Policy): Decision {
  const o = policy.outcome;
  const head = f.role === 'BRANCH_HEAD';
  if (f.majorViolation) {
    return {
      outcome: 'TERMINATE',
      rule: 'art14.3.major',
      article: o.majorViolation.article,
      held: {
        en: 'major violation causing major economic loss',
        zh: '严重违规违纪造成重大经济损失',
      },
    };
  }
  if (meets(f.violationPoints, o.violationPoints)) {
    return {
      outcome: 'TERMINATE',
      rule: 'art14.3.points',
      article: o.violationPoints.article,
      held: compared(
        { en: 'violation points', zh: '违规扣分' },
        plain(f.violationPoints),
        o.violationPoints,
        o.violationPoints.value,
      ),
    };
  }
  if (head && meets(f.lossAmount, o.accidentLoss)) {
    return {
      outcome: 'TERMINATE',
      rule: 'art14.1.2.loss',
      article: o.accidentLoss.article,
      held: compared(
        { en: 'accident loss', zh: '事故损失' },
        yuan(f.lossAmount),
        o.accidentLoss,
        yuan(num(o.accidentLoss.value)),
      ),
    };
  }
  if (!head && meets(f.score, o.managerTerminateScore)) {
    return {
      outcome: 'TERMINATE',
      rule: 'art14.2.terminate',
      article: o.managerTerminateScore.article,
      held: compared(
        { en: 'score', zh: '考核得分' },
        plain(f.score),
        o.managerTerminateScore,
        o.managerTerminateScore.value,
      ),
    };
  }
  if (head) {
    const held = headDemotions(f, policy);
    if (held.length > 0) {
      const joined: Held = {
        en: held.map((h) => h.en).join('; '),
        zh: held.map((h) => h.zh).join('；'),
      };
      if (meets(f.priorDemotions, o.branchHeadRepeat)) {
        return {
          outcome: 'TERMINATE',
          rule: 'art14.1.1.repeat',
          article: o.branchHeadRepeat.article,
          held: {
            en: `${joined.en}, and demoted the previous year (2 years in a row)`,
            zh: `${joined.zh}，且上年已降级（连续2年）`,
          },
        };
      }
      return {
        outcome: 'DEMOTE',
        rule: 'art14.1.1.demote',
        article: o.branchHeadScore.article,
        held: joined,
      };
    }
  } else {
    if (meets(f.score, o.managerScore)) {
      return {
        outcome: 'DEMOTE',
        rule: 'art14.2.score',
        article: o.managerScore.article,
        held: compared(
          { en: 'score', zh: '考核得分' },
          plain(f.score),
          o.managerScore,
          o.managerScore.value,
        ),
      };
    }
    if (meets(f.collectionRate, o.managerCollectionRate)) {
      return {
        outcome: 'DEMOTE',
        rule: 'art14.2.collection',
        article: o.managerCollectionRate.article,
        held: compared(
          { en: 'collection rate', zh: '收贷收息率' },
          percent(f.collectionRate),
          o.managerCollectionRate,
          percent(num(o.managerCollectionRate.value)),
        ),
      };
    }
    if (meets(f.monthsBelowBase, o.managerMonthsBelowBase)) {
      return {
        outcome: 'DEMOTE',
        rule: 'art14.2.deposits',
        article: o.managerMonthsBelowBase.article,
        held: compared(
          { en: 'months below 90% of base deposits', zh: '连续低于基数存款90%月数' },
          plain(f.monthsBelowBase),
          o.managerMonthsBelowBase,
          o.managerMonthsBelowBase.value,
        ),
      };
    }
  }
  return {
    outcome: 'RETAIN',
    rule: 'art14.retain',
    article: 'Art. 14',
    held: { en: 'no condition of Art. 14 holds', zh: '不符合第十四条任何降级或解除条件' },
  };
}

const OUTCOME_ZH: Record<Outcome, string> = {
  RETAIN: '留任',
  DEMOTE: '降级',
  TERMINATE: '解除劳动合同',
};

function explanation(d: Decision, f: Facts): Explanation {
  return {
    rule: d.rule,
    article: d.article,
    text: {
      en: `${d.article}: ${d.held.en} → ${d.outcome}`,
      zh: `${d.article}：${d.held.zh} → ${OUTCOME_ZH[d.outcome]}`,
    },
    values: {
      role: f.role,
      score: f.score.toNumber(),
      collectionRate: f.collectionRate.toNumber(),
      violationPoints: f.violationPoints.toNumber(),
      majorViolation: f.majorViolation,
      outcome: d.outcome,
    },
  };
}

/** CM.GRADE_OUTCOME and CM.GRADE_REASON: the outcome and the rule that decided it. */
export function gradeOutcome(
  input: OutcomeInput,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Outcome> {
  // A missing input object reads as all blanks, never a TypeError.
  const facts = readFacts(input ?? ({} as OutcomeInput), policy);
  if (!facts.ok) return facts;
  const d = decide(facts.value, policy);
  return ok(d.outcome, () => explanation(d, facts.value));
}
