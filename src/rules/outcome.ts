/**
 * Art. 14 grade outcome (POLICY §2): rules tried in order, the first that holds decides
 * (DMN hit policy FIRST), and its article is the reason.
 */
import { articleText } from './article';
import { Decimal, roundHalfAway } from './decimal';
import { meets, num, opSymbol } from './compare';
import { percent, plain, yuan } from './format';
import { readNumber, readOptionalBoolean, readOptionalNumber, type Read } from './input';
import type { OutcomePolicy, Policy, Threshold } from './policy-types';
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

/**
 * The Art. 14(1)1 demotion conditions of a branch head that hold (empty when none), each said
 * only when an explanation asks for it.
 */
function headDemotions(f: Facts, policy: Policy): (() => Held)[] {
  const o = policy.outcome;
  const held: (() => Held)[] = [];
  if (meets(f.score, o.branchHeadScore))
    held.push(() =>
      compared(
        { en: 'score', zh: '考核得分' },
        plain(f.score),
        o.branchHeadScore,
        o.branchHeadScore.value,
      ),
    );
  if (meets(f.nplRatio, o.branchHeadNpl))
    held.push(() =>
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
    held.push(() => {
      const c = percent(f.deposit.dividedBy(depositTarget).toDecimalPlaces(4));
      return {
        en: `deposit completion ${percent(f.deposit)} ÷ ${percent(depositTarget)} = ${c} ${opSymbol(t1.op)} ${percent(num(t1.value))}`,
        zh: `存款完成 ${percent(f.deposit)} ÷ ${percent(depositTarget)} = ${c} ${opSymbol(t1.op)} ${percent(num(t1.value))}`,
      };
    });
  }
  const collectionTarget = num(policy.score.collection.target);
  const t2 = o.branchHeadCollectionCompletion;
  if (meets(f.collectionRate, { ...t2, value: num(t2.value).times(collectionTarget).toString() })) {
    held.push(() => {
      const c = percent(f.collectionRate.dividedBy(collectionTarget).toDecimalPlaces(4));
      return {
        en: `collection completion ${percent(f.collectionRate)} ÷ ${percent(collectionTarget)} = ${c} ${opSymbol(t2.op)} ${percent(num(t2.value))}`,
        zh: `收贷收息完成 ${percent(f.collectionRate)} ÷ ${percent(collectionTarget)} = ${c} ${opSymbol(t2.op)} ${percent(num(t2.value))}`,
      };
    });
  }
  return held;
}

interface Decision {
  readonly outcome: Outcome;
  readonly rule: string;
  readonly article: string;
  /** What held, said when an explanation is asked for (most calls want only the outcome). */
  readonly held: () => Held;
}

type Applies = 'all' | 'head' | 'manager';

/** One row of Art. 14 comparing one fact with one threshold of the policy. */
interface ThresholdRow {
  readonly kind: 'threshold';
  readonly rule: string;
  readonly outcome: Outcome;
  readonly applies: Applies;
  readonly threshold: (o: OutcomePolicy) => Threshold;
  readonly fact: (f: Facts) => Decimal;
  readonly label: Text;
  /** How the fact and the threshold read: a plain number, a percent, yuan. */
  readonly show: (x: Decimal) => string;
}

/** Art. 14(3): a major violation causing major economic loss. */
interface MajorRow {
  readonly kind: 'major';
}

/** Art. 14(1)1: a branch head's demotion conditions, terminating when 2 years in a row. */
interface HeadDemotionRow {
  readonly kind: 'head-demotion';
}

type Row = ThresholdRow | MajorRow | HeadDemotionRow;

const SCORE: Text = { en: 'score', zh: '考核得分' };

/** POLICY §2 as a decision table, hit policy FIRST: the first row that holds decides. */
const ART_14: readonly Row[] = [
  { kind: 'major' },
  {
    kind: 'threshold',
    rule: 'art14.3.points',
    outcome: 'TERMINATE',
    applies: 'all',
    threshold: (o) => o.violationPoints,
    fact: (f) => f.violationPoints,
    label: { en: 'violation points', zh: '违规扣分' },
    show: plain,
  },
  {
    kind: 'threshold',
    rule: 'art14.1.2.loss',
    outcome: 'TERMINATE',
    applies: 'head',
    threshold: (o) => o.accidentLoss,
    fact: (f) => f.lossAmount,
    label: { en: 'accident loss', zh: '事故损失' },
    show: yuan,
  },
  {
    kind: 'threshold',
    rule: 'art14.2.terminate',
    outcome: 'TERMINATE',
    applies: 'manager',
    threshold: (o) => o.managerTerminateScore,
    fact: (f) => f.score,
    label: SCORE,
    show: plain,
  },
  { kind: 'head-demotion' },
  {
    kind: 'threshold',
    rule: 'art14.2.score',
    outcome: 'DEMOTE',
    applies: 'manager',
    threshold: (o) => o.managerScore,
    fact: (f) => f.score,
    label: SCORE,
    show: plain,
  },
  {
    kind: 'threshold',
    rule: 'art14.2.collection',
    outcome: 'DEMOTE',
    applies: 'manager',
    threshold: (o) => o.managerCollectionRate,
    fact: (f) => f.collectionRate,
    label: { en: 'collection rate', zh: '收贷收息率' },
    show: percent,
  },
  {
    kind: 'threshold',
    rule: 'art14.2.deposits',
    outcome: 'DEMOTE',
    applies: 'manager',
    threshold: (o) => o.managerMonthsBelowBase,
    fact: (f) => f.monthsBelowBase,
    label: { en: 'months below 90% of base deposits', zh: '连续低于基数存款90%月数' },
    show: plain,
  },
];

function applies(row: ThresholdRow, head: boolean): boolean {
  return row.applies === 'all' || (row.applies === 'head') === head;
}

function headDecision(f: Facts, policy: Policy): Decision | undefined {
  const held = headDemotions(f, policy);
  if (held.length === 0) return undefined;
  const o = policy.outcome;
  const joined = (): Held => {
    const said = held.map((h) => h());
    return { en: said.map((h) => h.en).join('; '), zh: said.map((h) => h.zh).join('；') };
  };
  if (meets(f.priorDemotions, o.branchHeadRepeat)) {
    return {
      outcome: 'TERMINATE',
      rule: 'art14.1.1.repeat',
      article: o.branchHeadRepeat.article,
      held: () => {
        const j = joined();
        return {
          en: `${j.en}, and demoted the previous year (2 years in a row)`,
          zh: `${j.zh}，且上年已降级（连续2年）`,
        };
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

function decide(f: Facts, policy: Policy): Decision {
  const o = policy.outcome;
  const head = f.role === 'BRANCH_HEAD';
  for (const row of ART_14) {
    if (row.kind === 'major') {
      if (!f.majorViolation) continue;
      return {
        outcome: 'TERMINATE',
        rule: 'art14.3.major',
        article: o.majorViolation.article,
        held: () => ({
          en: 'major violation causing major economic loss',
          zh: '严重违规违纪造成重大经济损失',
        }),
      };
    }
    if (row.kind === 'head-demotion') {
      const d = head ? headDecision(f, policy) : undefined;
      if (d !== undefined) return d;
      continue;
    }
    const t = row.threshold(o);
    const x = row.fact(f);
    if (!applies(row, head) || !meets(x, t)) continue;
    return {
      outcome: row.outcome,
      rule: row.rule,
      article: t.article,
      held: () => compared(row.label, row.show(x), t, row.show(num(t.value))),
    };
  }
  return {
    outcome: 'RETAIN',
    rule: 'art14.retain',
    article: 'Art. 14',
    held: () => ({ en: 'no condition of Art. 14 holds', zh: '不符合第十四条任何降级或解除条件' }),
  };
}

const OUTCOME_ZH: Record<Outcome, string> = {
  RETAIN: '留任',
  DEMOTE: '降级',
  TERMINATE: '解除劳动合同',
};

function explanation(d: Decision, f: Facts): Explanation {
  const held = d.held();
  return {
    rule: d.rule,
    article: d.article,
    text: {
      en: `${d.article}: ${held.en} → ${d.outcome}`,
      zh: `${articleText(d.article, 'zh')}：${held.zh} → ${OUTCOME_ZH[d.outcome]}`,
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
