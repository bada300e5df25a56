/**
 * Single-loan authority, Art. 25(3) (POLICY §5): each grade up to its limit (以下 includes the
 * number); above the highest limit the branch head holds authority. Agents handle no loans
 * (Art. 20).
 */
import { articleText } from './article';
import { num } from './compare';
import { yuan } from './format';
import { readNumber, readRole } from './input';
import { LABELS } from './labels';
import { DEFAULT_POLICY } from './policy';
import type { Policy } from './policy-types';
import { ok, type RuleResult } from './result';
import type { Role } from './roles';

/** CM.LOAN_AUTHORITY: TRUE when the amount is within the role's authority. */
export function loanAuthority(
  roleRaw: unknown,
  amountRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<boolean> {
  const role = readRole(roleRaw);
  if (!role.ok) return role;
  const amount = readNumber(amountRaw, 'amount', 'money');
  if (!amount.ok) return amount;
  const a = policy.authority;
  const limit = a.limits.find((l) => l.role === role.value);
  let within: boolean;
  let because: { en: string; zh: string };
  if (role.value === a.above) {
    within = true;
    because = {
      en: `${role.value} holds authority above every grade's limit`,
      zh: `${LABELS[role.value].zh}对超过各级权限的贷款有审批权`,
    };
  } else if (limit === undefined) {
    within = false;
    because = {
      en: `${role.value} handles no loans (Art. 20)`,
      zh: `${LABELS[role.value].zh}不经办贷款（第二十条）`,
    };
  } else {
    within = amount.value.lessThanOrEqualTo(num(limit.max));
    because = {
      en: `${yuan(amount.value)} ${within ? '≤' : '>'} ${role.value} limit ${yuan(num(limit.max))}`,
      zh: `${yuan(amount.value)} ${within ? '≤' : '>'} ${LABELS[role.value].zh}权限 ${yuan(num(limit.max))}（${limit.source}）`,
    };
  }
  return ok(within, () => ({
    rule: within ? 'art25.3.within' : 'art25.3.above',
    article: a.article,
    text: {
      en: `${a.article}: ${because.en} → ${within ? 'TRUE' : 'FALSE'}`,
      zh: `${articleText(a.article, 'zh')}：${because.zh} → ${within ? '有权审批' : '超出权限'}`,
    },
    values: { role: role.value, amount: amount.value.toNumber(), within },
  }));
}

/** CM.LOAN_APPROVER: the lowest role whose limit covers the amount. */
export function loanApprover(
  amountRaw: unknown,
  policy: Policy = DEFAULT_POLICY,
): RuleResult<Role> {
  const amount = readNumber(amountRaw, 'amount', 'money');
  if (!amount.ok) return amount;
  const a = policy.authority;
  const limit = a.limits.find((l) => amount.value.lessThanOrEqualTo(num(l.max)));
  const role: Role = limit?.role ?? a.above;
  return ok(role, () => ({
    rule: limit ? 'art25.3.approver' : 'art25.3.above',
    article: a.article,
    text: limit
      ? {
          en: `${a.article}: ${yuan(amount.value)} ≤ ${yuan(num(limit.max))} → ${role}`,
          zh: `${articleText(a.article, 'zh')}：${yuan(amount.value)} ≤ ${yuan(num(limit.max))}（${limit.source}）→ ${LABELS[role].zh}`,
        }
      : {
          en: `${a.article}: ${yuan(amount.value)} is above every grade's limit → ${role}, jointly responsible for life with the lead customer manager`,
          zh: `${articleText(a.article, 'zh')}：${yuan(amount.value)} 超过各级客户经理权限 → ${LABELS[role].zh}审批，与主办客户经理共同终身负责`,
        },
    values: { amount: amount.value.toNumber(), approver: role },
  }));
}
