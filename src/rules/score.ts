/**
 * Art. 13 appraisal score (POLICY §1): four items and their total, exact, with the explanation.
 */
import { articleText } from './article';
import { LABELS } from './labels';
import { Decimal, roundHalfAway } from './decimal';
import { num } from './compare';
import { readNumber, readRole, type NumberKind, type Read } from './input';
import type { LinearItem, Policy, ProportionalItem, ScoredRole } from './policy-types';
import { fail, ok, type RuleFail, type RuleOk, type RuleResult } from './result';
import type { Role } from './roles';
import { bandPoints, linearPoints, proportionalPoints } from './score-items';
import { DEFAULT_POLICY } from './policy';
import { fastTotal } from './score-fast';

export interface ScoreInput {
  readonly role: unknown;
  /** Growth fraction (BRANCH_HEAD, SENIOR, MID) or new deposits in yuan (JUNIOR). */
  readonly deposit: unknown;
  readonly nplRatio: unknown;
  readonly collectionRate: unknown;
  /** Fee-income growth (BRANCH_HEAD) or new basic accounts (SENIOR, MID, JUNIOR). */
  readonly fourth: unknown;
}

export interface ScoreBreakdown {
  readonly role: ScoredRole;
  readonly deposit: Decimal;
  readonly npl: Decimal;
  readonly collection: Decimal;
  readonly fourth: Decimal;
  /** Rounded to the policy's places, half away from zero. */
  readonly total: Decimal;
}

// POLICY §1.1: a JUNIOR's deposit input is the year's new deposits, a change that may be
// negative (deposits fell); the item then floors at 0 like any shortfall, never #NUM!.
const INPUT_KIND: Record<LinearItem['input'] | ProportionalItem['input'], NumberKind> = {
  growth: 'growth',
  amount: 'change',
  rate: 'rate',
  count: 'count',
};

export function notScored(role: Role, what: string, article: string): RuleFail {
  return fail(
    'na',
    'role',
    `role ${role} has no ${article} ${what}.`,
    `考核对象 ${LABELS[role].zh} 不适用${articleText(article, 'zh')}的${what === 'score' ? '考核得分' : '考核结果'}。`,
  );
}

/** The role read and checked to be one Art. 13 scores. */
export function readScoredRole(raw: unknown, what: string, article: string): Read<ScoredRole> {
  const role = readRole(raw);
  if (!role.ok) return role;
  if (role.value === 'AGENT') return notScored('AGENT', what, article);
  return { ok: true, value: role.value };
}

/** All four items and the total, exact (the decimal path every other path must equal). */
export function scoreBreakdown(
  input: ScoreInput,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<ScoreBreakdown> {
  // A missing input object (a script passing null) reads as all blanks, never a TypeError.
  const {
    role: roleRaw,
    deposit: depositRaw,
    nplRatio,
    collectionRate,
    fourth: fourthRaw,
  } = input ?? ({} as Partial<ScoreInput>);
  const role = readScoredRole(roleRaw, 'score', policy.score.article);
  if (!role.ok) return role;
  const s = policy.score;
  const depositItem = s.deposit[role.value];
  const fourthItem = s.fourth[role.value];

  const deposit = readNumber(depositRaw, 'deposit', INPUT_KIND[depositItem.input]);
  if (!deposit.ok) return deposit;
  const npl = readNumber(nplRatio, 'npl_ratio', 'rate');
  if (!npl.ok) return npl;
  const collection = readNumber(collectionRate, 'collection_rate', 'rate');
  if (!collection.ok) return collection;
  const fourth = readNumber(fourthRaw, 'fourth', INPUT_KIND[fourthItem.input]);
  if (!fourth.ok) return fourth;

  const d = linearPoints(depositItem, deposit.value, policy.options);
  const n = bandPoints(s.npl, npl.value);
  if (n === undefined) {
    return fail(
      'num',
      'npl_ratio',
      `npl_ratio ${npl.value} is in no band of ${s.npl.article}.`,
      `不良率 ${npl.value} 不在${articleText(s.npl.article, 'zh')}的任何区间内。`,
    );
  }
  const c = linearPoints(s.collection, collection.value, policy.options);
  const f =
    fourthItem.kind === 'linear'
      ? linearPoints(fourthItem, fourth.value, policy.options)
      : proportionalPoints(fourthItem, fourth.value, policy.options);
  const total = roundHalfAway(d.points.plus(n.points).plus(c.points).plus(f.points), s.totalPlaces);
  const value: ScoreBreakdown = {
    role: role.value,
    deposit: d.points,
    npl: n.points,
    collection: c.points,
    fourth: f.points,
    total,
  };
  return ok(value, () => {
    const p = (x: Decimal): string => x.toDecimalPlaces(4).toString();
    return {
      rule: 'art13.total',
      article: s.article,
      text: {
        en: `${s.article}: deposit ${p(d.points)} + NPL ${p(n.points)} + collection ${p(c.points)} + fourth ${p(f.points)} = ${total}`,
        zh: `${articleText(s.article, 'zh')}：存款 ${p(d.points)} + 不良率 ${p(n.points)} + 收贷收息 ${p(c.points)} + 第四项 ${p(f.points)} = ${total}`,
      },
      values: {
        role: role.value,
        deposit: p(d.points),
        npl: p(n.points),
        collection: p(c.points),
        fourth: p(f.points),
        total: total.toNumber(),
        depositRule: d.how.en,
        depositRuleZh: d.how.zh,
        nplRule: n.how.en,
        nplRuleZh: n.how.zh,
        collectionRule: c.how.en,
        collectionRuleZh: c.how.zh,
        fourthRule: f.how.en,
        fourthRuleZh: f.how.zh,
        range: `${num(s.totalRange[role.value].min)}–${num(s.totalRange[role.value].max)}`,
      },
    };
  });
}

/**
 * The total score as Excel shows it (CM.APPRAISAL_SCORE). Takes the exact integer fast path
 * where the inputs allow it (property tests hold it equal to the decimal path), else the decimal
 * path; the explanation always comes from the decimal evaluation.
 */
export function appraisalScore(
  input: ScoreInput,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<number> {
  const fast = fastTotal(input, policy);
  if (fast !== undefined) {
    // The fast path accepts only inputs the decimal path scores, so this evaluation succeeds.
    return ok(fast, () => (scoreBreakdown(input, policy) as RuleOk<ScoreBreakdown>).explain());
  }
  const full = scoreBreakdown(input, policy);
  if (!full.ok) return full;
  return ok(full.value.total.toNumber(), full.explain);
}
