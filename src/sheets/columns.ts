/**
 * The columns a workbook's tables may hold (SHEETS.md), as data: which table each belongs to,
 * what a cell must contain, and for computed columns the CM function that fills them with its
 * parameters in order. Domains are the rules core's reader kinds, so a cell is checked exactly
 * as the function reading it would check it.
 */
import type { NumberKind } from '../rules';

export const APPRAISAL_KEYS = [
  'id',
  'name',
  'branch',
  'role',
  'deposit_growth',
  'new_deposits',
  'npl_ratio',
  'collection_rate',
  'fee_growth',
  'new_accounts',
  'months_below_base',
  'violation_points',
  'major_violation',
  'loss_amount',
  'prior_demotions',
  'monthly_income',
  'reserve_balance',
  'score',
  'outcome',
  'reserve_deduction',
] as const;

export const CLIENT_KEYS = ['client', 'client_deposits', 'client_loans', 'manager_id'] as const;
export const LOAN_KEYS = ['loan', 'client', 'loan_amount', 'manager_id'] as const;

export type AppraisalKey = (typeof APPRAISAL_KEYS)[number];
export type ColumnKey = AppraisalKey | (typeof CLIENT_KEYS)[number] | (typeof LOAN_KEYS)[number];

export type TableKind = 'appraisal' | 'clients' | 'loans';

/** The computed columns of the appraisal table and the functions that fill them. */
export type ComputedKey = 'score' | 'outcome' | 'reserve_deduction';
export const COMPUTED_KEYS: readonly ComputedKey[] = ['score', 'outcome', 'reserve_deduction'];

export type CellKind =
  | { readonly type: 'text' }
  | { readonly type: 'id' }
  | { readonly type: 'role' }
  | { readonly type: 'boolean' }
  /**
   * `percent`: a rate column where 99.5 typed for 99.5% is a likely slip, with the range its
   * value realistically takes: a percent reading is suggested only when it lands there (an NPL
   * ratio of 150 is not 1.5%, a collection rate of 5 is not 5%).
   */
  | {
      readonly type: 'number';
      readonly kind: NumberKind;
      readonly percent?: { readonly lo: number; readonly hi: number };
    }
  | {
      readonly type: 'computed';
      /** The unit the function's result is in, when it has one (a header may say it). */
      readonly unit?: 'yuan' | 'points';
    };

const text = { type: 'text' } as const;
const money = { type: 'number', kind: 'money' } as const;
const count = { type: 'number', kind: 'count' } as const;

/** What each column holds (SHEETS.md "content"). */
export const CELL_KINDS: Readonly<Record<ColumnKey, CellKind>> = {
  id: { type: 'id' },
  name: text,
  branch: text,
  role: { type: 'role' },
  // Realistic ranges of the percent reading (not policy thresholds): growth from −100% to
  // +500%, an NPL ratio up to 20%, a collection rate from 50%.
  deposit_growth: { type: 'number', kind: 'growth', percent: { lo: -1, hi: 5 } },
  // POLICY §1.1: the year's new deposits, a change in yuan that may be negative.
  new_deposits: { type: 'number', kind: 'change' },
  npl_ratio: { type: 'number', kind: 'rate', percent: { lo: 0, hi: 0.2 } },
  collection_rate: { type: 'number', kind: 'rate', percent: { lo: 0.5, hi: 1 } },
  fee_growth: { type: 'number', kind: 'growth', percent: { lo: -1, hi: 5 } },
  new_accounts: count,
  months_below_base: count,
  violation_points: { type: 'number', kind: 'amount' },
  major_violation: { type: 'boolean' },
  loss_amount: money,
  prior_demotions: count,
  monthly_income: money,
  reserve_balance: money,
  // Art. 13 points (分); Art. 25(2) this month's reserve in yuan (元).
  score: { type: 'computed', unit: 'points' },
  outcome: { type: 'computed' },
  reserve_deduction: { type: 'computed', unit: 'yuan' },
  client: text,
  client_deposits: money,
  client_loans: money,
  loan: text,
  loan_amount: money,
  manager_id: { type: 'id' },
};

/**
 * A computed column's function and, per parameter, the columns whose cell in the same row the
 * argument should be (FUNCTIONS.md parameter order). `required`: parameters that must be given.
 */
export interface ComputedSpec {
  readonly fn: 'APPRAISAL_SCORE' | 'GRADE_OUTCOME' | 'RISK_RESERVE';
  readonly article: string;
  readonly params: readonly (readonly AppraisalKey[])[];
  readonly required: number;
}

export const COMPUTED: Readonly<Record<ComputedKey, ComputedSpec>> = {
  // Art. 13: role, deposit (growth or amount by role), npl_ratio, collection_rate, fourth.
  score: {
    fn: 'APPRAISAL_SCORE',
    article: 'Art. 13',
    params: [
      ['role'],
      ['deposit_growth', 'new_deposits'],
      ['npl_ratio'],
      ['collection_rate'],
      ['fee_growth', 'new_accounts'],
    ],
    required: 5,
  },
  // Art. 14: role, score, collection_rate, then the optional facts.
  outcome: {
    fn: 'GRADE_OUTCOME',
    article: 'Art. 14',
    params: [
      ['role'],
      ['score'],
      ['collection_rate'],
      ['months_below_base'],
      ['violation_points'],
      ['major_violation'],
      ['deposit_growth', 'new_deposits'],
      ['npl_ratio'],
      ['loss_amount'],
      ['prior_demotions'],
    ],
    required: 3,
  },
  // Art. 25(2): role, monthly_income, [balance].
  reserve_deduction: {
    fn: 'RISK_RESERVE',
    article: 'Art. 25(2)',
    params: [['role'], ['monthly_income'], ['reserve_balance']],
    required: 2,
  },
};

/** The appraisal inputs whose use depends on the role (Art. 13, Art. 14, Art. 25(2)). */
export const INPUT_KEYS: readonly AppraisalKey[] = APPRAISAL_KEYS.slice(
  APPRAISAL_KEYS.indexOf('deposit_growth'),
  APPRAISAL_KEYS.indexOf('score'),
);
