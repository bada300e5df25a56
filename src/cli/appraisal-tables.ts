/**
 * The layout of an appraisal workbook as the template and the sample write it: the appraisal,
 * clients and loans tables of SHEETS.md, and the CM formulas of each row by its role.
 *
 * The score formula points each argument at the column the row's role reads (Art. 13):
 * deposit is 新增存款日均 (new_deposits, yuan) for JUNIOR and 新增存款日均增长率 (deposit_growth)
 * for the others; the fourth is 中间收入增长率 (fee_growth) for BRANCH_HEAD and 新开对公基本账户
 * (new_accounts) for the others. A plain call on the row's own cells is what validation and
 * audit recognise as "the row's own formula", so audit can tell a stale value from a wrong one.
 * Every row has all three formulas, so each computed column is one kind of formula: where a
 * function does not apply it shows #N/A with the reason (FUNCTIONS.md: "#N/A the function does
 * not apply to that role"): an AGENT has no Art. 13 score or Art. 14 outcome (Art. 4), and
 * BRANCH_HEAD and AGENT have no Art. 25(2) reserve cap. Audit expects exactly that #N/A.
 */
import type { Lang, Role } from '../rules';
import { column, roleText, type Cell, type ColumnDef, type TableDef } from './build';

export const SHEET_NAMES: Readonly<
  Record<Lang, { appraisal: string; clients: string; loans: string }>
> = {
  zh: { appraisal: '考核表', clients: '客户表', loans: '贷款表' },
  en: { appraisal: 'Appraisal', clients: 'Clients', loans: 'Loans' },
};

/** The appraisal columns, in order; `helpers` (the sample's NPL inputs) go before npl_ratio. */
export function appraisalColumns(lang: Lang, helpers: readonly ColumnDef[] = []): ColumnDef[] {
  return [
    column('id', lang, 'text', 10),
    column('name', lang, 'text', 10),
    column('branch', lang, 'text', 12),
    column('role', lang, 'text', 16),
    column('deposit_growth', lang, 'percent'),
    column('new_deposits', lang, 'yuan', 16),
    ...helpers,
    column('npl_ratio', lang, 'percent'),
    column('collection_rate', lang, 'percent'),
    column('fee_growth', lang, 'percent'),
    column('new_accounts', lang, 'count'),
    column('months_below_base', lang, 'count'),
    column('violation_points', lang, 'count'),
    column('major_violation', lang, 'text'),
    column('loss_amount', lang, 'yuan'),
    column('prior_demotions', lang, 'count'),
    column('monthly_income', lang, 'yuan'),
    column('reserve_balance', lang, 'yuan'),
    column('score', lang, 'score'),
    column('outcome', lang, 'text', 12),
    column('reserve_deduction', lang, 'yuan'),
  ];
}

/** Art. 13: the deposit and fourth arguments this role reads. */
function scoreFormula(role: Role): string {
  const deposit = role === 'JUNIOR' ? 'new_deposits' : 'deposit_growth';
  const fourth = role === 'BRANCH_HEAD' ? 'fee_growth' : 'new_accounts';
  return `=CM.APPRAISAL_SCORE({role},{${deposit}},{npl_ratio},{collection_rate},{${fourth}})`;
}

// Art. 14: every fact in FUNCTIONS.md order; the function reads only those of the row's role.
const OUTCOME_FORMULA =
  '=CM.GRADE_OUTCOME({role},{score},{collection_rate},{months_below_base},{violation_points},' +
  '{major_violation},{deposit_growth},{npl_ratio},{loss_amount},{prior_demotions})';

// Art. 25(2): this month's withholding.
const RESERVE_FORMULA = '=CM.RISK_RESERVE({role},{monthly_income},{reserve_balance})';

/** The computed cells of a row of this role. */
export function computedCells(role: Role): Record<'score' | 'outcome' | 'reserve_deduction', Cell> {
  return {
    score: scoreFormula(role),
    outcome: OUTCOME_FORMULA,
    reserve_deduction: RESERVE_FORMULA,
  };
}

/** Helper columns of the clients and loans tables: the tier and approver the policy gives. */
export function clientColumns(lang: Lang): ColumnDef[] {
  return [
    column('client', lang, 'text', 22),
    column('client_deposits', lang, 'yuan', 18),
    column('client_loans', lang, 'yuan', 18),
    column('manager_id', lang, 'text', 14),
    { key: 'required_grade', header: lang === 'zh' ? '所需级别' : 'Required grade', width: 14 },
  ];
}

// Art. 12: the lowest grade that may manage the client.
export const CLIENT_TIER_FORMULA = '=CM.CLIENT_TIER({client_deposits},{client_loans})';

export function loanColumns(lang: Lang): ColumnDef[] {
  return [
    column('loan', lang, 'text', 14),
    column('client', lang, 'text', 22),
    column('loan_amount', lang, 'yuan', 18),
    column('manager_id', lang, 'text', 14),
    { key: 'approver', header: lang === 'zh' ? '审批级别' : 'Approver', width: 14 },
  ];
}

// Art. 25(3): the lowest role with authority for the amount.
export const LOAN_APPROVER_FORMULA = '=CM.LOAN_APPROVER({loan_amount})';

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly branch: string;
  readonly role: Role;
  readonly inputs: Readonly<Record<string, Cell>>;
}

/** An appraisal row: the person, their inputs, and the computed formulas for their role. */
export function appraisalRow(p: Person, lang: Lang): Record<string, Cell> {
  return {
    id: p.id,
    name: p.name,
    branch: p.branch,
    role: roleText(p.role, lang),
    ...p.inputs,
    ...computedCells(p.role),
  };
}

/** The template: one example row per role, a client and a loan per customer manager. */
export function templateTables(lang: Lang): TableDef[] {
  const zh = lang === 'zh';
  const branch = zh ? '营业部' : 'Head office';
  const people: Person[] = [
    {
      id: 'E001',
      name: zh ? '王行长' : 'Wang',
      branch,
      role: 'BRANCH_HEAD',
      inputs: {
        deposit_growth: 0.325,
        npl_ratio: 0.008,
        collection_rate: 0.996,
        fee_growth: 0.22,
        violation_points: 0,
        major_violation: false,
        loss_amount: 0,
        prior_demotions: 0,
        monthly_income: 32000,
      },
    },
    {
      id: 'E002',
      name: zh ? '李高级' : 'Li',
      branch,
      role: 'SENIOR',
      inputs: {
        deposit_growth: 0.34,
        npl_ratio: 0,
        collection_rate: 0.997,
        new_accounts: 8,
        months_below_base: 0,
        violation_points: 0,
        major_violation: false,
        monthly_income: 18000,
        reserve_balance: 12000,
      },
    },
    {
      id: 'E003',
      name: zh ? '张中级' : 'Zhang',
      branch,
      role: 'MID',
      inputs: {
        deposit_growth: 0.3,
        npl_ratio: 0.01,
        collection_rate: 0.995,
        new_accounts: 7,
        months_below_base: 0,
        violation_points: 0,
        major_violation: false,
        monthly_income: 12000,
        reserve_balance: 4000,
      },
    },
    {
      id: 'E004',
      name: zh ? '刘初级' : 'Liu',
      branch,
      role: 'JUNIOR',
      inputs: {
        new_deposits: 1150000,
        npl_ratio: 0.015,
        collection_rate: 1,
        new_accounts: 3,
        months_below_base: 0,
        violation_points: 0,
        major_violation: false,
        monthly_income: 8000,
        reserve_balance: 4000,
      },
    },
    {
      id: 'E005',
      name: zh ? '陈代办' : 'Chen',
      branch,
      role: 'AGENT',
      inputs: { monthly_income: 5000 },
    },
  ];
  const names = SHEET_NAMES[lang];
  return [
    {
      sheet: names.appraisal,
      name: 'Appraisal',
      columns: appraisalColumns(lang),
      rows: people.map((p) => appraisalRow(p, lang)),
      roleColumn: 'role',
    },
    {
      sheet: names.clients,
      name: 'Clients',
      columns: clientColumns(lang),
      rows: [
        ['E002', zh ? '华东机械有限公司' : 'East Machinery Ltd', 9000000, 2000000],
        ['E003', zh ? '城南商贸有限公司' : 'South Trading Ltd', 5500000, 1000000],
        ['E004', zh ? '新苑社区超市' : 'Garden Grocery', 800000, 300000],
      ].map(([manager_id, client, client_deposits, client_loans]) => ({
        client,
        client_deposits,
        client_loans,
        manager_id,
        required_grade: CLIENT_TIER_FORMULA,
      })),
    },
    {
      sheet: names.loans,
      name: 'Loans',
      columns: loanColumns(lang),
      rows: [
        ['L001', 'E001', zh ? '华东机械有限公司' : 'East Machinery Ltd', 8000000],
        ['L002', 'E002', zh ? '华东机械有限公司' : 'East Machinery Ltd', 4500000],
        ['L003', 'E003', zh ? '城南商贸有限公司' : 'South Trading Ltd', 2500000],
        ['L004', 'E004', zh ? '新苑社区超市' : 'Garden Grocery', 600000],
      ].map(([loan, manager_id, client, loan_amount]) => ({
        loan,
        client,
        loan_amount,
        manager_id,
        approver: LOAN_APPROVER_FORMULA,
      })),
    },
  ];
}
