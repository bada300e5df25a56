/**
 * Header spellings of every column (SHEETS.md), as data, and the matching that finds a column
 * whatever the workbook's typing: letter case, spaces (full-width too), full-width brackets, a
 * line break inside a merged header, and a unit suffix such as `(元)` or `（%）`.
 */
import { CELL_KINDS, type ColumnKey } from './columns';

export interface Spellings {
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

/** The first spelling of each language is the one reports use. */
export const HEADERS: Readonly<Record<ColumnKey, Spellings>> = {
  id: { zh: ['工号', '员工编号'], en: ['Employee ID', 'ID'] },
  name: { zh: ['姓名'], en: ['Name'] },
  branch: { zh: ['支行', '机构'], en: ['Branch'] },
  role: { zh: ['考核对象', '级别', '职级'], en: ['Role', 'Grade'] },
  deposit_growth: { zh: ['新增存款日均增长率', '存款增长率'], en: ['Deposit growth'] },
  new_deposits: { zh: ['新增存款日均'], en: ['New deposits'] },
  npl_ratio: { zh: ['不良率', '贷款不良率'], en: ['NPL ratio'] },
  collection_rate: { zh: ['收贷收息率', '收息率'], en: ['Collection rate'] },
  fee_growth: { zh: ['中间收入增长率', '中间业务收入增长率'], en: ['Fee income growth'] },
  new_accounts: { zh: ['新开对公基本账户', '新开对公基本帐户'], en: ['New basic accounts'] },
  months_below_base: { zh: ['连续低于基数月数'], en: ['Months below base'] },
  violation_points: { zh: ['违规扣分'], en: ['Violation points'] },
  major_violation: { zh: ['重大违规'], en: ['Major violation'] },
  loss_amount: { zh: ['事故损失', '经济损失'], en: ['Accident loss'] },
  prior_demotions: { zh: ['上年降级'], en: ['Prior demotions'] },
  monthly_income: { zh: ['月收入'], en: ['Monthly income'] },
  reserve_balance: { zh: ['风险金余额'], en: ['Reserve balance'] },
  score: { zh: ['综合得分', '考核得分'], en: ['Score'] },
  outcome: { zh: ['考核结果'], en: ['Outcome'] },
  reserve_deduction: { zh: ['本月风险金'], en: ['Reserve deduction'] },
  client: { zh: ['客户名称', '客户'], en: ['Client'] },
  client_deposits: { zh: ['存款', '存款余额'], en: ['Deposits'] },
  client_loans: { zh: ['贷款', '贷款余额'], en: ['Loans'] },
  loan: { zh: ['贷款编号', '借据号', '合同编号'], en: ['Loan', 'Loan ID'] },
  loan_amount: { zh: ['贷款金额', '单笔贷款'], en: ['Loan amount'] },
  manager_id: { zh: ['客户经理工号', '经办人工号'], en: ['Manager ID'] },
};

/** What a unit suffix says about the values below it. */
export type UnitClass = 'yuan' | 'wan' | 'percent' | 'count' | 'points';

const UNITS: ReadonlyMap<string, UnitClass> = new Map<string, UnitClass>([
  ['元', 'yuan'],
  ['人民币元', 'yuan'],
  ['yuan', 'yuan'],
  ['cny', 'yuan'],
  ['rmb', 'yuan'],
  ['¥', 'yuan'],
  ['万元', 'wan'],
  ['万', 'wan'],
  ['%', 'percent'],
  ['户', 'count'],
  ['个', 'count'],
  ['月', 'count'],
  ['个月', 'count'],
  ['次', 'count'],
  ['分', 'points'],
  ['points', 'points'],
]);

// Compiled once: white space of any width, and the separators people put inside a header.
const SPACES = /[\s\u3000_-]+/g;
// A trailing unit in brackets of any kind, after NFKC folded the full-width ones to ASCII.
const UNIT_SUFFIX = /[([【〔]([^()[\]【】〔〕]{1,6})[)\]】〕]$/;

export interface HeaderText {
  /** Folded text without the unit, used for matching. */
  readonly folded: string;
  /** The unit suffix as written (folded), if any, and what it says. */
  readonly unit?: { readonly text: string; readonly unit: UnitClass };
}

/** Fold a header cell for matching; undefined when the cell holds no text. */
export function foldHeader(raw: unknown): HeaderText | undefined {
  if (typeof raw !== 'string') return undefined;
  let folded = raw.normalize('NFKC').replace(SPACES, '').toLowerCase();
  if (folded.startsWith('*')) folded = folded.slice(1);
  if (folded === '') return undefined;
  const m = UNIT_SUFFIX.exec(folded);
  if (m !== null) {
    const unit = UNITS.get(m[1]);
    if (unit !== undefined) {
      return { folded: folded.slice(0, m.index), unit: { text: m[1], unit } };
    }
  }
  return { folded };
}

const LOOKUP: ReadonlyMap<string, ColumnKey> = (() => {
  const map = new Map<string, ColumnKey>();
  for (const key of Object.keys(HEADERS) as ColumnKey[]) {
    // The key itself (`npl_ratio`) is accepted too: it folds to the English spelling's form.
    for (const s of [key, ...HEADERS[key].zh, ...HEADERS[key].en]) {
      const f = foldHeader(s);
      if (f !== undefined && !map.has(f.folded)) map.set(f.folded, key);
    }
  }
  return map;
})();

export interface HeaderMatch {
  readonly key: ColumnKey;
  readonly unit?: HeaderText['unit'];
}

/** The column a header names, or undefined for an unknown column. */
export function matchHeader(raw: unknown): HeaderMatch | undefined {
  const h = foldHeader(raw);
  if (h === undefined) return undefined;
  const key = LOOKUP.get(h.folded);
  if (key === undefined) return undefined;
  return h.unit === undefined ? { key } : { key, unit: h.unit };
}

/** The unit classes a column's values may carry (POLICY §0: money in yuan, rates as fractions). */
export function unitFits(key: ColumnKey, unit: UnitClass): boolean {
  const kind = CELL_KINDS[key];
  // A computed column in its result's unit: 本月风险金（元）, 综合得分（分）.
  if (kind.type === 'computed') return kind.unit !== undefined && kind.unit === unit;
  if (kind.type !== 'number') return false;
  switch (kind.kind) {
    case 'money':
    case 'change':
      return unit === 'yuan';
    case 'rate':
    case 'growth':
      return unit === 'percent';
    case 'count':
    case 'months':
      return unit === 'count';
    default:
      return unit === 'points';
  }
}

/** The label of a column in one language (the first spelling). */
export function columnLabel(key: ColumnKey, lang: 'zh' | 'en'): string {
  return HEADERS[key][lang][0];
}
