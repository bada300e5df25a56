/**
 * Every input a rule reads, by its stable name (the CM functions' parameter names, FUNCTIONS.md),
 * with the label a reader sees in each language: a Chinese message says 收贷收息率 where the
 * function's parameter is `collection_rate`.
 */
import type { Lang, Text } from './result';

export const PARAM_LABELS: Readonly<Record<string, Text>> = {
  role: { zh: '考核对象', en: 'role' },
  deposit: { zh: '存款指标', en: 'deposit measure' },
  deposits: { zh: '存款', en: 'deposits' },
  npl_ratio: { zh: '不良率', en: 'NPL ratio' },
  collection_rate: { zh: '收贷收息率', en: 'collection rate' },
  new_loan_collection_rate: { zh: '当年新发放贷款收息率', en: "this year's loans collection rate" },
  fourth: { zh: '中间收入增长率或新开账户数', en: 'fee growth or new accounts' },
  score: { zh: '考核得分', en: 'score' },
  outcome: { zh: '考核结果', en: 'outcome' },
  months_below_base: { zh: '低于基数月数', en: 'months below base' },
  monthly_deposits: { zh: '月度存款', en: 'monthly deposits' },
  base_deposit: { zh: '基数存款', en: 'base deposit' },
  violation_points: { zh: '行为规范扣分', en: 'violation points' },
  major_violation: { zh: '严重违规', en: 'major violation' },
  loss_amount: { zh: '损失金额', en: 'loss amount' },
  loss: { zh: '损失', en: 'loss' },
  prior_demotions: { zh: '上年降级次数', en: 'prior demotions' },
  monthly_income: { zh: '月收入', en: 'monthly income' },
  monthly_incomes: { zh: '各月收入', en: 'monthly incomes' },
  balance: { zh: '风险金余额', en: 'reserve balance' },
  opening_balance: { zh: '期初余额', en: 'opening balance' },
  months_since_leaving: { zh: '离职月数', en: 'months since leaving' },
  amount: { zh: '贷款金额', en: 'loan amount' },
  loans: { zh: '贷款', en: 'loans' },
  months_since_hire: { zh: '聘用月数', en: 'months since hire' },
  avg_daily_deposits: { zh: '日均存款', en: 'average daily deposits' },
  cumulative_avg_deposits: { zh: '累计日均存款', en: 'cumulative average daily deposits' },
  notable: { zh: '其他突出业绩', en: 'other notable achievement' },
  exam_passed: { zh: '考试通过', en: 'exam passed' },
  code: { zh: '代码', en: 'code' },
  language: { zh: '语言', en: 'language' },
};

/** The label of a parameter in a language; a name without one reads with spaces for `_`. */
export function paramLabel(name: string, lang: Lang): string {
  return PARAM_LABELS[name]?.[lang] ?? (lang === 'en' ? name.replace(/_/g, ' ') : name);
}
