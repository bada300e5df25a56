/**
 * Client size per grade, Art. 12 (POLICY §6): tried from the top, the first rule that holds
 * decides; a client in the 3–5 million deposit gap is managed one grade up and flagged.
 */
import { articleText } from './article';
import { Decimal } from './decimal';
import { holds, num, opSymbol } from './compare';
import { yuan } from './format';
import { readNumber } from './input';
import { LABELS } from './labels';
import { DEFAULT_POLICY } from './policy';
import type { Policy, TierRule } from './policy-types';
import { fail, ok, type RuleResult } from './result';
import type { ManagerGrade } from './roles';

export interface Tier {
  readonly grade: ManagerGrade;
  /** True when no band of Art. 12 covers the client (policy gap). */
  readonly gap: boolean;
}

function ruleHolds(rule: TierRule, deposits: Decimal, loans: Decimal): boolean {
  const test = (c: TierRule['conditions'][number]): boolean =>
    holds(c.field === 'deposits' ? deposits : loans, c.op, num(c.value));
  return rule.match === 'any' ? rule.conditions.some(test) : rule.conditions.every(test);
}

/** CM.CLIENT_TIER: the lowest grade that may manage the client. */
export function clientTier(
  depositsRaw: unknown,
  loansRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Tier> {
  const deposits = readNumber(depositsRaw, 'deposits', 'money');
  if (!deposits.ok) return deposits;
  const loans = readNumber(loansRaw, 'loans', 'money');
  if (!loans.ok) return loans;
  const rule = policy.tier.find((r) => ruleHolds(r, deposits.value, loans.value));
  if (rule === undefined) {
    return fail(
      'num',
      'deposits',
      `no rule of Art. 12 covers deposits ${deposits.value} and loans ${loans.value}.`,
      `第十二条没有覆盖存款 ${deposits.value}、贷款 ${loans.value} 的规定。`,
    );
  }
  const conditions = rule.conditions
    .filter(
      (c) =>
        rule.match === 'all' ||
        holds(c.field === 'deposits' ? deposits.value : loans.value, c.op, num(c.value)),
    )
    .map(
      (c) =>
        `${c.field} ${yuan(c.field === 'deposits' ? deposits.value : loans.value)} ${opSymbol(c.op)} ${yuan(num(c.value))}`,
    )
    .join(rule.match === 'any' ? ' or ' : ' and ');
  return ok({ grade: rule.grade, gap: rule.gap }, () => ({
    rule: rule.gap ? 'art12.gap' : `art12.${rule.grade.toLowerCase()}`,
    article: rule.article,
    text: {
      en: `${rule.article}: ${conditions} → ${rule.grade}${rule.gap ? ' (policy gap: no band covers 3–5 million deposits; managed one grade up)' : ''}`,
      zh: `${articleText(rule.article, 'zh')}：${rule.source} → ${LABELS[rule.grade].zh}${rule.gap ? '（办法空白：存款300万—500万元无对应档次，由上一级管理）' : ''}`,
    },
    values: {
      deposits: deposits.value.toNumber(),
      loans: loans.value.toNumber(),
      grade: rule.grade,
      gap: rule.gap,
    },
  }));
}
