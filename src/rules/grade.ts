/**
 * Where an outcome leads (POLICY §2, Art. 9(2) and 24), months below base (Art. 14(2)), and the
 * collection duty of Art. 25(1) (POLICY §3).
 */
import { articleText } from './article';
import { meets, num, opSymbol } from './compare';
import { percent, yuan } from './format';
import { got, isBlank, notAList, readNumber, readRole } from './input';
import { LABELS } from './labels';
import { OUTCOMES, type Outcome } from './outcome';
import { DEFAULT_POLICY } from './policy';
import type { Policy } from './policy-types';
import { fail, ok, type RuleResult } from './result';
import type { Role } from './roles';

const OUTCOME_BY_TEXT: ReadonlyMap<string, Outcome> = new Map(
  OUTCOMES.flatMap((o) => [[o, o] as const, [LABELS[o].zh, o] as const]),
);

/** CM.NEXT_GRADE: the role after the outcome; NONE after TERMINATE. */
export function nextGrade(
  roleRaw: unknown,
  outcomeRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Role | 'NONE'> {
  const role = readRole(roleRaw);
  if (!role.ok) return role;
  const text = typeof outcomeRaw === 'string' ? outcomeRaw.trim() : '';
  const outcome = OUTCOME_BY_TEXT.get(text) ?? OUTCOME_BY_TEXT.get(text.toUpperCase());
  if (outcome === undefined) {
    if (isBlank(outcomeRaw))
      return fail(
        'value',
        'outcome',
        'outcome is blank; a value is required.',
        'outcome 为空，必须填写。',
      );
    return fail(
      'value',
      'outcome',
      `outcome must be RETAIN, DEMOTE or TERMINATE; got ${got(outcomeRaw)}.`,
      `outcome 应为 RETAIN、DEMOTE 或 TERMINATE（留任、降级、解除劳动合同），实际为 ${got(outcomeRaw)}。`,
    );
  }
  if (role.value === 'AGENT')
    return fail(
      'na',
      'role',
      'role AGENT has no Art. 14 outcome, so no next grade.',
      '业务代办员不适用第十四条考核结果，无下一级别。',
    );
  const d = policy.outcome.demotion;
  const next: Role | 'NONE' =
    outcome === 'RETAIN' ? role.value : outcome === 'TERMINATE' ? 'NONE' : d.next[role.value];
  return ok(next, () => ({
    rule: `grade.next.${outcome.toLowerCase()}`,
    article: outcome === 'DEMOTE' ? d.article : 'Art. 14',
    text: {
      en: `${role.value} after ${outcome} → ${next}`,
      zh: `${LABELS[role.value].zh}${LABELS[outcome].zh}后 → ${LABELS[next].zh}`,
    },
    values: { role: role.value, outcome, next },
  }));
}

/**
 * CM.MONTHS_BELOW_BASE: the longest run of consecutive months whose deposits are below 90% of
 * the base deposit (低于: strictly). Months not yet reported (trailing blanks) are ignored; a
 * blank between reported months is an error naming it, never a zero.
 */
export function monthsBelowBase(
  monthly: readonly unknown[],
  baseRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<number> {
  if (!Array.isArray(monthly)) return notAList('monthly_deposits');
  const base = readNumber(baseRaw, 'base_deposit', 'money');
  if (!base.ok) return base;
  if (base.value.isZero())
    return fail('num', 'base_deposit', 'base_deposit must be above 0.', 'base_deposit 应大于 0。');
  let last = monthly.length - 1;
  while (last >= 0 && isBlank(monthly[last])) last--;
  if (last < 0)
    return fail(
      'value',
      'monthly_deposits',
      'monthly_deposits has no figures.',
      'monthly_deposits 没有任何月度数据。',
    );
  const t = policy.outcome.belowBaseRatio;
  const limit = num(t.value).times(base.value);
  let run = 0;
  let best = 0;
  let bestEnd = -1;
  for (let i = 0; i <= last; i++) {
    const x = readNumber(monthly[i], `monthly_deposits (month ${i + 1})`, 'money');
    if (!x.ok) return x;
    run = meets(x.value, { ...t, value: limit.toString() }) ? run + 1 : 0;
    if (run > best) {
      best = run;
      bestEnd = i;
    }
  }
  return ok(best, () => ({
    rule: 'art14.2.months',
    article: t.article,
    text: {
      en:
        best === 0
          ? `no month below ${percent(num(t.value))} of base ${yuan(base.value)}`
          : `months ${bestEnd - best + 2}–${bestEnd + 1}: ${best} in a row ${opSymbol(t.op)} ${yuan(limit)} (${percent(num(t.value))} of base ${yuan(base.value)})`,
      zh:
        best === 0
          ? `没有月份低于基数存款 ${yuan(base.value)} 的 ${percent(num(t.value))}`
          : `第 ${bestEnd - best + 2}–${bestEnd + 1} 月连续 ${best} 个月 ${opSymbol(t.op)} ${yuan(limit)}（基数存款 ${yuan(base.value)} 的 ${percent(num(t.value))}）`,
    },
    values: { months: best, base: base.value.toNumber(), limit: limit.toNumber() },
  }));
}

/** CM.COLLECTION_DUTY: TRUE when the person must leave the post to collect (下岗清收). */
export function collectionDuty(
  rateRaw: unknown,
  newRateRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<boolean> {
  const rate = readNumber(rateRaw, 'collection_rate', 'rate');
  if (!rate.ok) return rate;
  const newRate = readNumber(newRateRaw, 'new_loan_collection_rate', 'rate');
  if (!newRate.ok) return newRate;
  const { overall, newLoans } = policy.collectionDuty;
  const short: string[] = [];
  const shortZh: string[] = [];
  if (meets(rate.value, overall)) {
    const how = `${percent(rate.value)} ${opSymbol(overall.op)} ${percent(num(overall.value))}`;
    short.push(`collection rate ${how}`);
    shortZh.push(`收贷收息率 ${how}`);
  }
  if (meets(newRate.value, newLoans)) {
    const how = `${percent(newRate.value)} ${opSymbol(newLoans.op)} ${percent(num(newLoans.value))}`;
    short.push(`this year's loans ${how}`);
    shortZh.push(`当年新发放贷款收息率 ${how}`);
  }
  const duty = short.length > 0;
  return ok(duty, () => ({
    rule: duty ? 'art25.1.duty' : 'art25.1.none',
    article: overall.article,
    text: {
      en: `${overall.article}: ${duty ? short.join('; ') + ' → leave the post to collect' : 'both collection rates reached → no duty'}`,
      zh: `${articleText(overall.article, 'zh')}：${duty ? shortZh.join('；') + ' → 下岗清收' : '两项收息率均达标 → 无需下岗清收'}`,
    },
    values: {
      collectionRate: rate.value.toNumber(),
      newLoanCollectionRate: newRate.value.toNumber(),
      duty,
    },
  }));
}
