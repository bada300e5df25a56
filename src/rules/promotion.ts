/**
 * Promotion of a business agent, Art. 21 (POLICY §7), and qualification, Art. 9–11 (§8).
 */
import { articleText } from './article';
import { num } from './compare';
import { yuan } from './format';
import { readBoolean, readNumber, readOptionalBoolean } from './input';
import { DEFAULT_POLICY } from './policy';
import type { Policy } from './policy-types';
import { ok, type RuleResult } from './result';
import { meets } from './compare';

/** CM.PROMOTION_ELIGIBLE. */
export function promotionEligible(
  monthsRaw: unknown,
  depositsRaw: unknown,
  notableRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<boolean> {
  const months = readNumber(monthsRaw, 'months_since_hire', 'months');
  if (!months.ok) return months;
  const deposits = readNumber(depositsRaw, 'avg_daily_deposits', 'money');
  if (!deposits.ok) return deposits;
  const notable = readOptionalBoolean(notableRaw, 'notable', false);
  if (!notable.ok) return notable;
  const p = policy.promotion;
  // 半年内 / 一年内 include the end (以内); 不低于 / 以上 include the amount.
  const window = p.windows.find(
    (w) =>
      months.value.lessThanOrEqualTo(num(w.maxMonths)) &&
      deposits.value.greaterThanOrEqualTo(num(w.minDeposits)),
  );
  const eligible = window !== undefined || notable.value;
  return ok(eligible, () => ({
    rule: window ? 'art21.deposits' : notable.value ? 'art21.notable' : 'art21.none',
    article: p.article,
    text: window
      ? {
          en: `${p.article}: ${months.value} months ≤ ${window.maxMonths} and deposits ${yuan(deposits.value)} ≥ ${yuan(num(window.minDeposits))} → eligible`,
          zh: `${articleText(p.article, 'zh')}：${window.source}（${months.value} 个月，日均存款 ${yuan(deposits.value)}）→ 可聘为客户经理`,
        }
      : notable.value
        ? {
            en: `${p.article}: another notable achievement → eligible`,
            zh: `${articleText(p.article, 'zh')}：有其他突出业绩 → 可聘为客户经理`,
          }
        : {
            en: `${p.article}: ${months.value} months, deposits ${yuan(deposits.value)}: no window reached → not eligible`,
            zh: `${articleText(p.article, 'zh')}：${months.value} 个月，日均存款 ${yuan(deposits.value)}，未达到条件 → 暂不符合`,
          },
    values: {
      months: months.value.toNumber(),
      deposits: deposits.value.toNumber(),
      notable: notable.value,
      eligible,
    },
  }));
}

export type Qualification = 'QUALIFIED' | 'PROVISIONAL_JUNIOR' | 'NOT_QUALIFIED';

/** CM.QUALIFICATION: deposits are read only when the examination was failed. */
export function qualification(
  passedRaw: unknown,
  depositsRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Qualification> {
  const passed = readBoolean(passedRaw, 'exam_passed');
  if (!passed.ok) return passed;
  const q = policy.qualification;
  if (passed.value) {
    return ok('QUALIFIED' as Qualification, () => ({
      rule: 'art9.passed',
      article: 'Art. 9',
      text: {
        en: 'Art. 9: examination passed → QUALIFIED (grade by the ranking of composite scores)',
        zh: '第九条：资格考试通过 → 合格（按综合成绩排名定级）',
      },
      values: { passed: true },
    }));
  }
  const deposits = readNumber(depositsRaw, 'cumulative_avg_deposits', 'money');
  if (!deposits.ok) return deposits;
  const provisional = meets(deposits.value, q.provisionalDeposits);
  const result: Qualification = provisional ? 'PROVISIONAL_JUNIOR' : 'NOT_QUALIFIED';
  return ok(result, () => ({
    rule: provisional ? 'art10.provisional' : 'art11.not_qualified',
    article: provisional ? q.provisionalDeposits.article : 'Art. 11',
    text: provisional
      ? {
          en: `Art. 10: failed, but deposits ${yuan(deposits.value)} ≥ ${yuan(num(q.provisionalDeposits.value))} → provisionally JUNIOR; must pass within a year or become an AGENT`,
          zh: `第十条：考试未通过，但累计日均存款 ${yuan(deposits.value)} ≥ ${yuan(num(q.provisionalDeposits.value))} → 暂聘为初级客户经理，一年内须通过考试，否则转为业务代办员`,
        }
      : {
          en: `Art. 11: failed and deposits ${yuan(deposits.value)} < ${yuan(num(q.provisionalDeposits.value))} → NOT_QUALIFIED (may be hired as an agent)`,
          zh: `第十一条：考试未通过且累计日均存款 ${yuan(deposits.value)} < ${yuan(num(q.provisionalDeposits.value))} → 不合格（可聘为业务代办员）`,
        },
    values: { passed: false, deposits: deposits.value.toNumber(), result },
  }));
}
