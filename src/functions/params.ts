/**
 * Parameter declarations shared by several CM functions, written once.
 */
import type { ParamSpec } from './spec';

export const p = {
  role: {
    name: 'role',
    kind: 'cell',
    optional: false,
    help: {
      en: 'Role: BRANCH_HEAD, SENIOR, MID, JUNIOR or AGENT (or 支行行长, 高级, 中级, 初级, 代办员).',
      zh: '考核对象：支行行长、高级、中级、初级、业务代办员（或 BRANCH_HEAD、SENIOR、MID、JUNIOR、AGENT）。',
    },
  },
  deposit: {
    name: 'deposit',
    kind: 'cell',
    optional: false,
    help: {
      en: 'Deposit growth as a fraction (30% is 0.3); for JUNIOR the new daily-average deposits in yuan.',
      zh: '新增存款日均增长率（30% 即 0.3）；初级客户经理填新增存款日均金额（元）。',
    },
  },
  nplRatio: {
    name: 'npl_ratio',
    kind: 'cell',
    optional: false,
    help: {
      en: 'Non-performing loan ratio, 0 to 1 (1.2% is 0.012).',
      zh: '不良贷款率，0 到 1（1.2% 即 0.012）。',
    },
  },
  collectionRate: {
    name: 'collection_rate',
    kind: 'cell',
    optional: false,
    help: { en: 'Loan and interest collection rate, 0 to 1.', zh: '收贷收息率，0 到 1。' },
  },
  fourth: {
    name: 'fourth',
    kind: 'cell',
    optional: false,
    help: {
      en: 'BRANCH_HEAD: fee-income growth as a fraction; others: new corporate basic accounts opened.',
      zh: '支行行长：中间收入增长率；客户经理：新开对公基本账户数。',
    },
  },
  score: {
    name: 'score',
    kind: 'cell',
    optional: false,
    help: {
      en: 'The appraisal score (CM.APPRAISAL_SCORE).',
      zh: '考核得分（CM.APPRAISAL_SCORE）。',
    },
  },
} as const satisfies Record<string, ParamSpec>;

export function optional(param: ParamSpec, defaultText: string): ParamSpec {
  return { ...param, optional: true, defaultText };
}
