/**
 * What each finding rule is called, in each language: the task pane's group headings and the
 * audit report's rule column show these, never the rule's code.
 */
import type { Lang, Text } from '../rules';
import type { FindingRule } from './findings';

export const RULE_LABELS: Readonly<Record<FindingRule, Text>> = {
  'table.not-found': { zh: '未找到表格', en: 'No table found' },
  'table.no-appraisal': { zh: '无考核表', en: 'No appraisal table' },
  'header.unit': { zh: '表头单位', en: 'Header unit' },
  'header.duplicate': { zh: '表头重复', en: 'Duplicate header' },
  'column.missing': { zh: '缺少列', en: 'Missing column' },
  'value.type': { zh: '类型错误', en: 'Wrong type' },
  'value.domain': { zh: '超出范围', en: 'Out of range' },
  'rate.percent-typed': { zh: '比率按百分数录入', en: 'Rate typed as percent' },
  'input.missing': { zh: '必填输入为空', en: 'Required input blank' },
  'input.unused': { zh: '该级别不使用的输入', en: 'Input not used by the role' },
  'id.duplicate': { zh: '工号重复', en: 'Duplicate ID' },
  'role.unknown': { zh: '未知考核对象', en: 'Unknown role' },
  'formula.overwritten': { zh: '公式被覆盖', en: 'Formula overwritten' },
  'formula.missing': { zh: '缺少公式', en: 'Formula missing' },
  'formula.unexpected': { zh: '公式不符', en: 'Unexpected formula' },
  'client.grade-too-low': { zh: '客户经理级别不足', en: 'Manager grade too low' },
  'client.policy-gap': { zh: '客户处于办法空白区间', en: 'Client in the policy gap' },
  'manager.unknown': { zh: '未知客户经理', en: 'Unknown manager' },
  'loan.above-authority': { zh: '贷款超出权限', en: 'Loan above authority' },
  'audit.mismatch': { zh: '结果不一致', en: 'Mismatch' },
  'audit.stale': { zh: '值未重算', en: 'Stale value' },
  'audit.busy': { zh: '仍在计算', en: 'Still calculating' },
};

export function ruleLabel(rule: FindingRule, lang: Lang): string {
  return RULE_LABELS[rule][lang];
}

/** Every rule's labels in one language, for a dictionary. */
export function ruleLabels(lang: Lang): Readonly<Record<FindingRule, string>> {
  return Object.fromEntries(
    Object.entries(RULE_LABELS).map(([rule, text]) => [rule, text[lang]]),
  ) as Record<FindingRule, string>;
}
