/**
 * Personal risk reserve, Art. 25(2) (POLICY §4): 20% of each month's income withheld until
 * the account reaches its cap; refunded half a year after leaving, less losses caused.
 */
import { LABELS } from './labels';
import { articleText } from './article';
import { Decimal, roundHalfAway } from './decimal';
import { num } from './compare';
import { yuan } from './format';
import { isBlank, notAList, readNumber, readOptionalNumber, readRole, type Read } from './input';
import { DEFAULT_POLICY } from './policy';
import type { Policy } from './policy-types';
import { fail, ok, type RuleOk, type RuleResult } from './result';
import { fastRiskReserve, fastRiskReserveNumber } from './reserve-fast';
import { isManagerGrade, type ManagerGrade } from './roles';

const ZERO = new Decimal(0);

function readCappedRole(raw: unknown, policy: Policy): Read<ManagerGrade> {
  const role = readRole(raw);
  if (!role.ok) return role;
  if (!isManagerGrade(role.value)) {
    return fail(
      'na',
      'role',
      `role ${role.value} has no risk-reserve cap in ${policy.reserve.article}.`,
      `考核对象 ${LABELS[role.value].zh} 在${articleText(policy.reserve.article, 'zh')}中没有风险金上限，不适用。`,
    );
  }
  return { ok: true, value: role.value };
}

/**
 * max(0, min(20% × income, cap − balance)), to 0.01 yuan. Art. 25(2) withholds only until the
 * account reaches its cap (POLICY §4): when the room left is not a whole number of cents,
 * rounding must not carry the balance past the cap, so the room is then rounded down.
 */
function withhold(income: Decimal, balance: Decimal, cap: Decimal, policy: Policy): Decimal {
  const places = policy.reserve.moneyPlaces;
  const share = income.times(num(policy.reserve.rate));
  const room = Decimal.max(ZERO, cap.minus(balance));
  const deduction = roundHalfAway(Decimal.min(share, room), places);
  return deduction.greaterThan(room) ? room.toDecimalPlaces(places, Decimal.ROUND_DOWN) : deduction;
}

/**
 * CM.RISK_RESERVE: this month's withholding. Takes the exact integer fast path where the inputs
 * allow it (property tests hold it equal to the decimal path), else the decimal path; the
 * explanation always comes from the decimal evaluation.
 */
export function riskReserve(
  roleRaw: unknown,
  incomeRaw: unknown,
  balanceRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Decimal> {
  const fast = fastRiskReserve(roleRaw, incomeRaw, balanceRaw, policy);
  return fast === undefined
    ? exactRiskReserve(roleRaw, incomeRaw, balanceRaw, policy)
    : explainedExactly(fast, roleRaw, incomeRaw, balanceRaw, policy);
}

/**
 * CM.RISK_RESERVE as Excel shows it: the withholding as a number (the exact amount's nearest
 * double, `riskReserve(…).value.toNumber()`), without building the Decimal on the fast path.
 * For the function table and the audit, which compare and return numbers.
 */
export function riskReserveNumber(
  roleRaw: unknown,
  incomeRaw: unknown,
  balanceRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<number> {
  const fast = fastRiskReserveNumber(roleRaw, incomeRaw, balanceRaw, policy);
  if (fast !== undefined) return explainedExactly(fast, roleRaw, incomeRaw, balanceRaw, policy);
  const exact = exactRiskReserve(roleRaw, incomeRaw, balanceRaw, policy);
  return exact.ok ? ok(exact.value.toNumber(), exact.explain) : exact;
}

/**
 * A fast path's withholding, explained by the decimal path when asked: the fast paths accept
 * only inputs the decimal path reads, so that evaluation succeeds.
 */
function explainedExactly<T>(
  value: T,
  roleRaw: unknown,
  incomeRaw: unknown,
  balanceRaw: unknown,
  policy: Policy,
): RuleOk<T> {
  return ok(value, () =>
    (exactRiskReserve(roleRaw, incomeRaw, balanceRaw, policy) as RuleOk<Decimal>).explain(),
  );
}

/** CM.RISK_RESERVE on exact decimals: the path every other path must equal. */
export function exactRiskReserve(
  roleRaw: unknown,
  incomeRaw: unknown,
  balanceRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Decimal> {
  const role = readCappedRole(roleRaw, policy);
  if (!role.ok) return role;
  const income = readNumber(incomeRaw, 'monthly_income', 'money');
  if (!income.ok) return income;
  const balance = readOptionalNumber(balanceRaw, 'balance', 'money', ZERO);
  if (!balance.ok) return balance;
  const r = policy.reserve;
  const cap = num(r.caps[role.value]);
  const deduction = withhold(income.value, balance.value, cap, policy);
  return ok(deduction, () => {
    const share = income.value.times(num(r.rate));
    const capped = deduction.lessThan(roundHalfAway(share, r.moneyPlaces));
    return {
      rule: capped ? 'art25.2.cap' : 'art25.2.rate',
      article: r.article,
      text: {
        en: capped
          ? `${r.article}: ${yuan(num(r.rate).times(100))}% of ${yuan(income.value)} is ${yuan(share)}; only ${yuan(deduction)} left to the ${yuan(cap)} cap (balance ${yuan(balance.value)})`
          : `${r.article}: ${yuan(num(r.rate).times(100))}% of ${yuan(income.value)} = ${yuan(deduction)} (balance ${yuan(balance.value)}, cap ${yuan(cap)})`,
        zh: capped
          ? `${articleText(r.article, 'zh')}：收入 ${yuan(income.value)} 的 ${yuan(num(r.rate).times(100))}% 为 ${yuan(share)}；距上限 ${yuan(cap)} 仅余 ${yuan(deduction)}（余额 ${yuan(balance.value)}）`
          : `${articleText(r.article, 'zh')}：收入 ${yuan(income.value)} × ${yuan(num(r.rate).times(100))}% = ${yuan(deduction)}（余额 ${yuan(balance.value)}，上限 ${yuan(cap)}）`,
      },
      values: {
        role: role.value,
        income: income.value.toNumber(),
        balance: balance.value.toNumber(),
        cap: cap.toNumber(),
        deduction: deduction.toNumber(),
      },
    };
  });
}

export interface ScheduleMonth {
  readonly deduction: Decimal;
  readonly balance: Decimal;
}

/**
 * CM.RESERVE_SCHEDULE: month by month, the balance carried forward. A month not yet reported
 * (a trailing blank) gives null; a bad month gives its error, and so does every month after
 * it, whose balance is then unknown.
 */
export function reserveSchedule(
  roleRaw: unknown,
  incomes: readonly unknown[],
  openingRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<readonly (RuleResult<ScheduleMonth> | null)[]> {
  const role = readCappedRole(roleRaw, policy);
  if (!role.ok) return role;
  if (!Array.isArray(incomes)) return notAList('monthly_incomes');
  const opening = readOptionalNumber(openingRaw, 'opening_balance', 'money', ZERO);
  if (!opening.ok) return opening;
  const cap = num(policy.reserve.caps[role.value]);
  let last = incomes.length - 1;
  while (last >= 0 && isBlank(incomes[last])) last--;
  const months: (RuleResult<ScheduleMonth> | null)[] = [];
  let balance = opening.value;
  let broken: RuleResult<ScheduleMonth> | undefined;
  for (let i = 0; i < incomes.length; i++) {
    if (i > last) {
      months.push(null);
      continue;
    }
    if (broken) {
      months.push(
        fail(
          'value',
          'monthly_incomes',
          `month ${i + 1}: balance unknown after an earlier bad month.`,
          `第 ${i + 1} 月：之前月份数据有误，余额无法确定。`,
        ),
      );
      continue;
    }
    const income = readNumber(incomes[i], `monthly_incomes (month ${i + 1})`, 'money');
    if (!income.ok) {
      broken = income;
      months.push(income);
      continue;
    }
    const deduction = withhold(income.value, balance, cap, policy);
    const before = balance;
    balance = balance.plus(deduction);
    const after = balance;
    months.push(
      ok({ deduction, balance: after }, () => ({
        rule: 'art25.2.schedule',
        article: policy.reserve.article,
        text: {
          en: `month ${i + 1}: withhold ${yuan(deduction)}, balance ${yuan(before)} → ${yuan(after)} (cap ${yuan(cap)})`,
          zh: `第 ${i + 1} 月：提取 ${yuan(deduction)}，余额 ${yuan(before)} → ${yuan(after)}（上限 ${yuan(cap)}）`,
        },
        values: { month: i + 1, deduction: deduction.toNumber(), balance: after.toNumber() },
      })),
    );
  }
  return ok(months, () => ({
    rule: 'art25.2.schedule',
    article: policy.reserve.article,
    text: {
      en: `${policy.reserve.article}: ${last + 1} months, closing balance ${yuan(balance)}`,
      zh: `${articleText(policy.reserve.article, 'zh')}：共 ${last + 1} 个月，期末余额 ${yuan(balance)}`,
    },
    values: { role: role.value, opening: opening.value.toNumber(), closing: balance.toNumber() },
  }));
}

/** CM.RESERVE_REFUND: balance − loss once half a year has passed; 0 (pending) before. */
export function reserveRefund(
  balanceRaw: unknown,
  lossRaw: unknown,
  monthsRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Decimal> {
  const balance = readNumber(balanceRaw, 'balance', 'money');
  if (!balance.ok) return balance;
  const loss = readNumber(lossRaw, 'loss', 'money');
  if (!loss.ok) return loss;
  const months = readNumber(monthsRaw, 'months_since_leaving', 'months');
  if (!months.ok) return months;
  const r = policy.reserve.refund;
  const wait = num(r.afterMonths);
  // 半年后: a full half year has passed (届满 includes the day it is reached).
  if (months.value.lessThan(wait)) {
    return ok(new Decimal(0), () => ({
      rule: 'art25.2.refund.pending',
      article: r.article,
      text: {
        en: `${r.article}: pending — ${months.value} of ${wait} months since leaving`,
        zh: `${articleText(r.article, 'zh')}：尚未到期——离职或调岗 ${months.value} 个月，满 ${wait} 个月后退还`,
      },
      values: {
        balance: balance.value.toNumber(),
        loss: loss.value.toNumber(),
        months: months.value.toNumber(),
        pending: true,
      },
    }));
  }
  const refund = roundHalfAway(balance.value.minus(loss.value), policy.reserve.moneyPlaces);
  return ok(refund, () => ({
    rule: refund.isNegative() ? 'art25.2.refund.owed' : 'art25.2.refund',
    article: r.article,
    text: {
      en: `${r.article}: balance ${yuan(balance.value)} − loss ${yuan(loss.value)} = ${yuan(refund)}${refund.isNegative() ? ' (still owed in full)' : ''}`,
      zh: `${articleText(r.article, 'zh')}：余额 ${yuan(balance.value)} − 损失 ${yuan(loss.value)} = ${yuan(refund)}${refund.isNegative() ? '（仍须全额赔偿）' : ''}`,
    },
    values: {
      balance: balance.value.toNumber(),
      loss: loss.value.toNumber(),
      months: months.value.toNumber(),
      pending: false,
    },
  }));
}
