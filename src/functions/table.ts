/**
 * The one function table: every CM function of FUNCTIONS.md declared once — name, parameters,
 * help in English and Chinese, result, article, example and the rule it calls. The Excel
 * adapter, functions.json (via the generated JSDoc file), the zh-CN metadata, the HyperFormula
 * plugin and the task pane's reference are all derived from this table.
 */
import {
  appraisalScore,
  clientTier,
  collectionDuty,
  gradeOutcome,
  LABELS,
  loanApprover,
  loanAuthority,
  monthsBelowBase,
  nextGrade,
  policyVersionText,
  promotionEligible,
  qualification,
  reserveRefund,
  reserveSchedule,
  riskReserveNumber,
  scoreBreakdown,
  type OutcomeInput,
} from '../rules';
import { optional, p } from './params';
import type { FunctionSpec, ParamSpec } from './spec';
import { asNumber, same, toXl, xlError } from './to-xl';
import type { XlOut, XlScalar } from './xl';

type Args = readonly (XlScalar | readonly XlScalar[])[];
const cell = (args: Args, i: number): XlScalar => args[i] as XlScalar;
const list = (args: Args, i: number): readonly XlScalar[] => args[i] as readonly XlScalar[];

const outcomeParams: readonly ParamSpec[] = [
  p.role,
  p.score,
  p.collectionRate,
  optional(
    {
      name: 'months_below_base',
      kind: 'cell',
      optional: true,
      help: {
        en: 'Consecutive months with deposits below 90% of base (SENIOR, MID, JUNIOR).',
        zh: '连续低于基数存款90%的月数（客户经理）。',
      },
    },
    '0',
  ),
  optional(
    {
      name: 'violation_points',
      kind: 'cell',
      optional: true,
      help: { en: 'Behaviour-code deduction points.', zh: '行为规范违规扣分。' },
    },
    '0',
  ),
  optional(
    {
      name: 'major_violation',
      kind: 'cell',
      optional: true,
      help: {
        en: 'TRUE for a major violation causing major economic loss (是/否).',
        zh: '是否严重违规违纪造成重大经济损失（是/否）。',
      },
    },
    'FALSE',
  ),
  optional(
    {
      ...p.deposit,
      help: {
        en: 'BRANCH_HEAD only: deposit growth as a fraction (required for a branch head).',
        zh: '仅支行行长：存款增长率（支行行长必填）。',
      },
    },
    '—',
  ),
  optional(
    {
      ...p.nplRatio,
      help: {
        en: 'BRANCH_HEAD only: NPL ratio (required for a branch head).',
        zh: '仅支行行长：不良贷款率（支行行长必填）。',
      },
    },
    '—',
  ),
  optional(
    {
      name: 'loss_amount',
      kind: 'cell',
      optional: true,
      help: {
        en: 'BRANCH_HEAD only: loss from a major safety or responsibility accident, yuan.',
        zh: '仅支行行长：重大安全、责任事故经济损失（元）。',
      },
    },
    '0',
  ),
  optional(
    {
      name: 'prior_demotions',
      kind: 'cell',
      optional: true,
      help: {
        en: 'BRANCH_HEAD only: 1 if demoted the previous year.',
        zh: '仅支行行长：上年已降级填 1。',
      },
    },
    '0',
  ),
];

function outcomeInput(a: Args): OutcomeInput {
  return {
    role: cell(a, 0),
    score: cell(a, 1),
    collectionRate: cell(a, 2),
    monthsBelowBase: cell(a, 3),
    violationPoints: cell(a, 4),
    majorViolation: cell(a, 5),
    deposit: cell(a, 6),
    nplRatio: cell(a, 7),
    lossAmount: cell(a, 8),
    priorDemotions: cell(a, 9),
  };
}

const scoreParams: readonly ParamSpec[] = [
  p.role,
  p.deposit,
  p.nplRatio,
  p.collectionRate,
  p.fourth,
];

const scoreInput = (a: Args) => ({
  role: cell(a, 0),
  deposit: cell(a, 1),
  nplRatio: cell(a, 2),
  collectionRate: cell(a, 3),
  fourth: cell(a, 4),
});

const LANGS: ReadonlyMap<string, 'zh' | 'en'> = new Map([
  ['ZH', 'zh'],
  ['ZH-CN', 'zh'],
  ['中文', 'zh'],
  ['EN', 'en'],
  ['EN-US', 'en'],
  ['ENGLISH', 'en'],
]);

function label(code: XlScalar, language: XlScalar): XlOut {
  const lang =
    language === null || language === '' ? 'zh' : LANGS.get(String(language).trim().toUpperCase());
  if (lang === undefined) {
    return {
      error: '#VALUE!',
      message: `language must be "zh" or "en"; got ${JSON.stringify(language)}.`,
    };
  }
  const key =
    typeof code === 'boolean'
      ? String(code).toUpperCase()
      : typeof code === 'string'
        ? code.trim().toUpperCase()
        : '';
  const text = LABELS[key];
  if (text === undefined) {
    if (code === null || code === '')
      return { error: '#VALUE!', message: 'code is blank; a value is required.' };
    return {
      error: '#N/A',
      message: `code ${JSON.stringify(code)} has no label; codes are ${Object.keys(LABELS).join(', ')}.`,
    };
  }
  return text[lang];
}

export const FUNCTION_TABLE: readonly FunctionSpec[] = [
  {
    name: 'APPRAISAL_SCORE',
    article: 'Art. 13',
    help: {
      en: 'Yearly appraisal score from the four indicators of Art. 13, rounded to 2 decimals.',
      zh: '按第十三条四项指标计算的年度考核得分，保留两位小数。',
    },
    params: scoreParams,
    result: { type: 'number', help: { en: 'Total score.', zh: '考核总分。' } },
    example: { formula: '=CM.APPRAISAL_SCORE("SENIOR", 34%, 0, 99.7%, 8)', result: '110' },
    evaluate: (a, policy) => {
      const r = appraisalScore(scoreInput(a), policy);
      return r.ok ? r.value : xlError(r.error);
    },
  },
  {
    name: 'APPRAISAL_BREAKDOWN',
    article: 'Art. 13',
    help: {
      en: 'The score item by item: deposit, NPL, collection, fourth item and total (a row of 5).',
      zh: '分项得分：存款、不良率、收贷收息、第四项、总分（一行五列）。',
    },
    params: scoreParams,
    width: 5,
    result: {
      type: 'number',
      help: {
        en: 'Deposit, NPL, collection, fourth, total.',
        zh: '存款、不良率、收贷收息、第四项、总分。',
      },
    },
    example: {
      formula: '=CM.APPRAISAL_BREAKDOWN("SENIOR", 34%, 0, 99.7%, 8)',
      result: '48 30 24 8 110',
    },
    evaluate: (a, policy) => {
      const r = scoreBreakdown(scoreInput(a), policy);
      if (!r.ok) return Array<XlOut>(5).fill(xlError(r.error));
      const b = r.value;
      return [b.deposit, b.npl, b.collection, b.fourth, b.total].map(asNumber);
    },
  },
  {
    name: 'GRADE_OUTCOME',
    article: 'Art. 14',
    help: {
      en: 'Art. 14 outcome: RETAIN, DEMOTE or TERMINATE.',
      zh: '第十四条考核结果：RETAIN 留任、DEMOTE 降级、TERMINATE 解除劳动合同。',
    },
    params: outcomeParams,
    result: {
      type: 'string',
      help: { en: 'RETAIN, DEMOTE or TERMINATE.', zh: 'RETAIN、DEMOTE 或 TERMINATE。' },
    },
    example: { formula: '=CM.GRADE_OUTCOME("MID", 85, 99.5%)', result: 'DEMOTE' },
    evaluate: (a, policy) => toXl(gradeOutcome(outcomeInput(a), policy), same),
  },
  {
    name: 'GRADE_REASON',
    article: 'Art. 14',
    help: {
      en: 'The Art. 14 rule that decided the outcome, with the values it compared.',
      zh: '决定考核结果的第十四条规则及比较的数值。',
    },
    params: outcomeParams,
    result: { type: 'string', help: { en: 'The deciding rule.', zh: '决定性规则。' } },
    example: {
      formula: '=CM.GRADE_REASON("MID", 84.5, 99.5%)',
      result: 'Art. 14(2): score 84.5 ≤ 85 → DEMOTE',
    },
    evaluate: (a, policy) => {
      const r = gradeOutcome(outcomeInput(a), policy);
      return r.ok ? r.explain().text.en : xlError(r.error);
    },
  },
  {
    name: 'NEXT_GRADE',
    article: 'Art. 9(2), Art. 24',
    help: {
      en: 'The role after the outcome; NONE after TERMINATE.',
      zh: '考核结果之后的级别；解除劳动合同后为 NONE。',
    },
    params: [
      p.role,
      {
        name: 'outcome',
        kind: 'cell',
        optional: false,
        help: { en: 'RETAIN, DEMOTE or TERMINATE.', zh: 'RETAIN、DEMOTE 或 TERMINATE。' },
      },
    ],
    result: { type: 'string', help: { en: 'A role code, or NONE.', zh: '级别代码，或 NONE。' } },
    example: { formula: '=CM.NEXT_GRADE("SENIOR", "DEMOTE")', result: 'MID' },
    evaluate: (a, policy) => toXl(nextGrade(cell(a, 0), cell(a, 1), policy), same),
  },
  {
    name: 'MONTHS_BELOW_BASE',
    article: 'Art. 14(2)',
    help: {
      en: 'Longest run of consecutive months with deposits below 90% of the base deposit.',
      zh: '存款连续低于基数存款90%的最长月数。',
    },
    params: [
      {
        name: 'monthly_deposits',
        kind: 'range',
        optional: false,
        help: { en: 'Monthly deposits, a row or column of months.', zh: '各月存款，一行或一列。' },
      },
      {
        name: 'base_deposit',
        kind: 'cell',
        optional: false,
        help: { en: 'The base deposit (基数存款), yuan.', zh: '基数存款（元）。' },
      },
    ],
    result: { type: 'number', help: { en: 'Number of months.', zh: '月数。' } },
    example: { formula: '=CM.MONTHS_BELOW_BASE(B2:M2, 1000000)', result: '3' },
    evaluate: (a, policy) => toXl(monthsBelowBase(list(a, 0), cell(a, 1), policy), same),
  },
  {
    name: 'COLLECTION_DUTY',
    article: 'Art. 25(1)',
    help: {
      en: "TRUE when the person must leave the post to collect (overall rate below 99.5% or this year's loans below 100%).",
      zh: '是否须下岗清收（收息率低于99.5%或当年新发放贷款收息率低于100%）。',
    },
    params: [
      p.collectionRate,
      {
        name: 'new_loan_collection_rate',
        kind: 'cell',
        optional: false,
        help: {
          en: 'Collection rate on loans issued this year, 0 to 1.',
          zh: '当年新发放贷款收息率，0 到 1。',
        },
      },
    ],
    result: { type: 'boolean', help: { en: 'TRUE or FALSE.', zh: 'TRUE 或 FALSE。' } },
    example: { formula: '=CM.COLLECTION_DUTY(99.6%, 99.9%)', result: 'TRUE' },
    evaluate: (a, policy) => toXl(collectionDuty(cell(a, 0), cell(a, 1), policy), same),
  },
  {
    name: 'RISK_RESERVE',
    article: 'Art. 25(2)',
    help: {
      en: "This month's risk-reserve withholding: 20% of income until the cap, to 0.01 yuan.",
      zh: '本月风险金提取：收入的20%，至上限为止，精确到分。',
    },
    params: [
      p.role,
      {
        name: 'monthly_income',
        kind: 'cell',
        optional: false,
        help: { en: "This month's income, yuan.", zh: '本月收入（元）。' },
      },
      optional(
        {
          name: 'balance',
          kind: 'cell',
          optional: true,
          help: { en: 'Reserve balance before this month, yuan.', zh: '本月前风险金余额（元）。' },
        },
        '0',
      ),
    ],
    result: { type: 'number', help: { en: 'Withholding, yuan.', zh: '提取金额（元）。' } },
    example: { formula: '=CM.RISK_RESERVE("JUNIOR", 8000, 4000)', result: '1000' },
    evaluate: (a, policy) =>
      toXl(riskReserveNumber(cell(a, 0), cell(a, 1), cell(a, 2), policy), same),
  },
  {
    name: 'RESERVE_SCHEDULE',
    perRangeElement: true,
    article: 'Art. 25(2)',
    help: {
      en: 'Withholding month by month with the balance carried forward; same shape as the incomes.',
      zh: '逐月风险金提取，余额滚动结转；形状与收入区域相同。',
    },
    params: [
      { ...p.role, kind: 'cell' },
      {
        name: 'monthly_incomes',
        kind: 'range',
        optional: false,
        help: { en: 'Monthly incomes, a row or column of months.', zh: '各月收入，一行或一列。' },
      },
      optional(
        {
          name: 'opening_balance',
          kind: 'cell',
          optional: true,
          help: { en: 'Balance before the first month, yuan.', zh: '首月前余额（元）。' },
        },
        '0',
      ),
    ],
    result: {
      type: 'number',
      help: { en: 'Withholding per month, yuan.', zh: '每月提取金额（元）。' },
    },
    example: { formula: '=CM.RESERVE_SCHEDULE("JUNIOR", B2:M2, 4000)', result: '1000 0 0 …' },
    evaluate: (a, policy) => {
      const incomes = list(a, 1);
      const r = reserveSchedule(cell(a, 0), incomes, cell(a, 2), policy);
      if (!r.ok) return incomes.map(() => xlError(r.error));
      return r.value.map((m) =>
        m === null ? null : m.ok ? m.value.deduction.toNumber() : xlError(m.error),
      );
    },
  },
  {
    name: 'RESERVE_REFUND',
    article: 'Art. 25(2)',
    help: {
      en: 'Reserve returned 6 months after leaving: balance less losses; negative is still owed; 0 before.',
      zh: '离职或调岗半年后退还的风险金：余额减损失；负数为仍须赔偿；未满半年为 0。',
    },
    params: [
      {
        name: 'balance',
        kind: 'cell',
        optional: false,
        help: { en: 'Reserve balance, yuan.', zh: '风险金余额（元）。' },
      },
      {
        name: 'loss',
        kind: 'cell',
        optional: false,
        help: { en: 'Losses the person caused, yuan.', zh: '本人造成的损失（元）。' },
      },
      {
        name: 'months_since_leaving',
        kind: 'cell',
        optional: false,
        help: { en: 'Months since leaving or changing post.', zh: '离职或调岗后的月数。' },
      },
    ],
    result: { type: 'number', help: { en: 'Amount returned, yuan.', zh: '退还金额（元）。' } },
    example: { formula: '=CM.RESERVE_REFUND(5000, 1200, 6)', result: '3800' },
    evaluate: (a, policy) =>
      toXl(reserveRefund(cell(a, 0), cell(a, 1), cell(a, 2), policy), asNumber),
  },
  {
    name: 'LOAN_AUTHORITY',
    article: 'Art. 25(3)',
    help: {
      en: "TRUE when a single loan of this amount is within the role's authority.",
      zh: '单笔贷款金额是否在该级别权限内。',
    },
    params: [
      p.role,
      {
        name: 'amount',
        kind: 'cell',
        optional: false,
        help: { en: 'Single loan amount, yuan.', zh: '单笔贷款金额（元）。' },
      },
    ],
    result: { type: 'boolean', help: { en: 'TRUE or FALSE.', zh: 'TRUE 或 FALSE。' } },
    example: { formula: '=CM.LOAN_AUTHORITY("SENIOR", 5000000)', result: 'TRUE' },
    evaluate: (a, policy) => toXl(loanAuthority(cell(a, 0), cell(a, 1), policy), same),
  },
  {
    name: 'LOAN_APPROVER',
    article: 'Art. 25(3)',
    help: {
      en: 'The lowest role with authority for a single loan of this amount.',
      zh: '对该金额单笔贷款有权审批的最低级别。',
    },
    params: [
      {
        name: 'amount',
        kind: 'cell',
        optional: false,
        help: { en: 'Single loan amount, yuan.', zh: '单笔贷款金额（元）。' },
      },
    ],
    result: {
      type: 'string',
      help: {
        en: 'JUNIOR, MID, SENIOR or BRANCH_HEAD.',
        zh: 'JUNIOR、MID、SENIOR 或 BRANCH_HEAD。',
      },
    },
    example: { formula: '=CM.LOAN_APPROVER(4000000)', result: 'SENIOR' },
    evaluate: (a, policy) => toXl(loanApprover(cell(a, 0), policy), same),
  },
  {
    name: 'CLIENT_TIER',
    article: 'Art. 12',
    help: {
      en: 'The lowest grade that may manage a client of this size (3–5 million deposits: the policy gap, managed by MID).',
      zh: '可管理该规模客户的最低级别（存款300万—500万元为办法空白，由中级管理）。',
    },
    params: [
      {
        name: 'deposits',
        kind: 'cell',
        optional: false,
        help: { en: 'Client deposits, yuan.', zh: '客户存款（元）。' },
      },
      {
        name: 'loans',
        kind: 'cell',
        optional: false,
        help: { en: 'Client loans, yuan.', zh: '客户贷款（元）。' },
      },
    ],
    result: {
      type: 'string',
      help: { en: 'SENIOR, MID or JUNIOR.', zh: 'SENIOR、MID 或 JUNIOR。' },
    },
    example: { formula: '=CM.CLIENT_TIER(4000000, 0)', result: 'MID' },
    evaluate: (a, policy) => toXl(clientTier(cell(a, 0), cell(a, 1), policy), (t) => t.grade),
  },
  {
    name: 'PROMOTION_ELIGIBLE',
    article: 'Art. 21',
    help: {
      en: 'TRUE when a business agent may be promoted to customer manager.',
      zh: '业务代办员是否可聘为客户经理。',
    },
    params: [
      {
        name: 'months_since_hire',
        kind: 'cell',
        optional: false,
        help: { en: 'Months since the agent was hired.', zh: '聘用以来的月数。' },
      },
      {
        name: 'avg_daily_deposits',
        kind: 'cell',
        optional: false,
        help: { en: 'Daily-average deposits, yuan.', zh: '日均存款（元）。' },
      },
      optional(
        {
          name: 'notable',
          kind: 'cell',
          optional: true,
          help: {
            en: 'TRUE for another notable achievement (是/否).',
            zh: '是否有其他突出业绩（是/否）。',
          },
        },
        'FALSE',
      ),
    ],
    result: { type: 'boolean', help: { en: 'TRUE or FALSE.', zh: 'TRUE 或 FALSE。' } },
    example: { formula: '=CM.PROMOTION_ELIGIBLE(5, 8000000)', result: 'TRUE' },
    evaluate: (a, policy) =>
      toXl(promotionEligible(cell(a, 0), cell(a, 1), cell(a, 2), policy), same),
  },
  {
    name: 'QUALIFICATION',
    article: 'Art. 9–11',
    help: {
      en: 'QUALIFIED, PROVISIONAL_JUNIOR (failed, deposits ≥ 3 million) or NOT_QUALIFIED.',
      zh: 'QUALIFIED 合格、PROVISIONAL_JUNIOR 暂聘初级（未通过但存款300万元以上）或 NOT_QUALIFIED 不合格。',
    },
    params: [
      {
        name: 'exam_passed',
        kind: 'cell',
        optional: false,
        help: {
          en: 'TRUE if the qualification examination was passed (是/否).',
          zh: '资格考试是否通过（是/否）。',
        },
      },
      {
        name: 'cumulative_avg_deposits',
        kind: 'cell',
        optional: false,
        help: {
          en: 'Cumulative daily-average deposits, yuan (read when the examination was failed).',
          zh: '累计日均存款（元，考试未通过时读取）。',
        },
      },
    ],
    result: { type: 'string', help: { en: 'A qualification code.', zh: '资格代码。' } },
    example: { formula: '=CM.QUALIFICATION(FALSE, 3000000)', result: 'PROVISIONAL_JUNIOR' },
    evaluate: (a, policy) => toXl(qualification(cell(a, 0), cell(a, 1), policy), same),
  },
  {
    name: 'LABEL',
    article: '',
    help: {
      en: 'The Chinese or English label of a code any CM function returns.',
      zh: 'CM 函数返回代码的中文或英文名称。',
    },
    params: [
      {
        name: 'code',
        kind: 'cell',
        optional: false,
        help: { en: 'A code such as DEMOTE or SENIOR.', zh: '代码，如 DEMOTE、SENIOR。' },
      },
      optional(
        {
          name: 'language',
          kind: 'cell',
          optional: true,
          help: { en: '"zh" (default) or "en".', zh: '"zh"（默认）或 "en"。' },
        },
        '"zh"',
      ),
    ],
    result: { type: 'string', help: { en: 'The label.', zh: '名称。' } },
    example: { formula: '=CM.LABEL("DEMOTE")', result: '降级' },
    evaluate: (a) => label(cell(a, 0), cell(a, 1)),
  },
  {
    name: 'POLICY_VERSION',
    article: '',
    help: {
      en: "The active policy's name, version and content hash.",
      zh: '当前考核办法的名称、版本和内容哈希。',
    },
    params: [],
    result: {
      type: 'string',
      help: { en: 'Name, version and SHA-256.', zh: '名称、版本和 SHA-256。' },
    },
    example: {
      formula: '=CM.POLICY_VERSION()',
      result: '商业银行客户经理考核管理办法 1.0.0 sha256:…',
    },
    evaluate: (_a, policy) => policyVersionText(policy),
  },
];

export const FUNCTIONS_BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(
  FUNCTION_TABLE.map((f) => [f.name, f]),
);
