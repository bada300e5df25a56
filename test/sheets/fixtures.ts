/**
 * Grids built in code: an appraisal table laid out in any column order, with Chinese or English
 * headers and the CM formulas each computed cell should hold, plus clients and loans tables.
 */
import { columnLetters, type CellValue, type ColumnKey, type Grid } from '../../src/sheets';

export type Person = Partial<Record<ColumnKey, CellValue>>;

/** The four worked examples of FUNCTIONS.md, with their correct shown values. */
export const PEOPLE: readonly Person[] = [
  {
    id: 'E001',
    name: '张三',
    branch: '城东支行',
    role: '高级',
    deposit_growth: 0.34,
    npl_ratio: 0,
    collection_rate: 0.997,
    new_accounts: 8,
    monthly_income: 10000,
    reserve_balance: 0,
    score: 110,
    outcome: 'RETAIN',
    reserve_deduction: 2000,
  },
  {
    id: 'E002',
    name: '李四',
    branch: '城东支行',
    role: '支行行长',
    deposit_growth: 0.225,
    npl_ratio: 0.008,
    collection_rate: 0.992,
    fee_growth: 0.15,
    monthly_income: 20000,
    score: 66.5,
    outcome: 'DEMOTE',
    reserve_deduction: '#N/A',
  },
  {
    id: 'E003',
    name: '王五',
    branch: '城西支行',
    role: '初级',
    new_deposits: 1150000,
    npl_ratio: 0.015,
    collection_rate: 1,
    new_accounts: 3,
    monthly_income: 8000,
    reserve_balance: 4000,
    score: 106,
    outcome: 'RETAIN',
    reserve_deduction: 1000,
  },
  {
    id: 'E004',
    name: '赵六',
    branch: '城西支行',
    role: 'MID',
    deposit_growth: 0.3,
    npl_ratio: 0.01,
    collection_rate: 0.995,
    new_accounts: 7,
    monthly_income: 6000,
    reserve_balance: 0,
    score: 90,
    outcome: 'RETAIN',
    reserve_deduction: 1200,
  },
];

export const DEFAULT_ORDER: readonly ColumnKey[] = [
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
  'monthly_income',
  'reserve_balance',
  'score',
  'outcome',
  'reserve_deduction',
];

export const ZH: Partial<Record<ColumnKey, string>> = {
  id: '工号',
  name: '姓名',
  branch: '支行',
  role: '考核对象',
  deposit_growth: '新增存款日均增长率',
  new_deposits: '新增存款日均\n(元)',
  npl_ratio: '不良率',
  collection_rate: '收贷收息率（%）',
  fee_growth: '中间收入增长率',
  new_accounts: '新开对公基本帐户',
  monthly_income: '月收入（元）',
  reserve_balance: '风险金余额',
  score: '综合得分',
  outcome: '考核结果',
  reserve_deduction: '本月风险金',
  months_below_base: '连续低于基数月数',
  violation_points: '违规扣分',
  major_violation: '重大违规',
  loss_amount: '事故损失',
  prior_demotions: '上年降级',
};

export const EN: Partial<Record<ColumnKey, string>> = {
  id: 'Employee ID',
  name: 'NAME',
  branch: 'Branch',
  role: 'role',
  deposit_growth: 'Deposit  Growth',
  new_deposits: 'New deposits (yuan)',
  npl_ratio: 'NPL ratio',
  collection_rate: 'Collection rate (%)',
  fee_growth: 'Fee income growth',
  new_accounts: 'New basic accounts',
  monthly_income: 'Monthly income',
  reserve_balance: 'Reserve balance',
  score: 'Score',
  outcome: 'Outcome',
  reserve_deduction: 'Reserve deduction',
  months_below_base: 'Months below base',
  violation_points: 'Violation points',
  major_violation: 'Major violation',
  loss_amount: 'Accident loss',
  prior_demotions: 'Prior demotions',
};

export interface Layout {
  readonly sheet?: string;
  readonly order?: readonly ColumnKey[];
  readonly headers?: Partial<Record<ColumnKey, string>>;
  /** Rows above the header (titles), and columns to the left, inside the grid. */
  readonly titleRows?: readonly CellValue[][];
  /** Where the grid sits on the sheet (0-based). */
  readonly top?: number;
  readonly left?: number;
  /** Grid rows (0-based, after the header) to leave blank. */
  readonly blankRowsAfter?: readonly number[];
  /** Cells given as constants instead of formulas. */
  readonly constants?: ReadonlySet<ColumnKey>;
  /** Per person index, a formula override per computed key. */
  readonly formulaOverride?: (i: number, key: ColumnKey, formula: string) => string | null;
  readonly unknownColumns?: readonly string[];
  readonly table?: string;
}

/** The formula a computed cell should hold, given where each column sits. */
export function cmFormula(key: ColumnKey, p: Person, at: (k: ColumnKey) => string): string | null {
  const junior = p.role === '初级' || p.role === 'JUNIOR';
  const head = p.role === '支行行长' || p.role === 'BRANCH_HEAD';
  if (key === 'score') {
    const dep = junior ? at('new_deposits') : at('deposit_growth');
    const fourth = head ? at('fee_growth') : at('new_accounts');
    return `=CM.APPRAISAL_SCORE(${at('role')},${dep},${at('npl_ratio')},${at('collection_rate')},${fourth})`;
  }
  if (key === 'outcome') {
    return `=CM.GRADE_OUTCOME(${at('role')},${at('score')},${at('collection_rate')},,,,${at('deposit_growth')},${at('npl_ratio')})`;
  }
  if (key === 'reserve_deduction') {
    return `=CM.RISK_RESERVE(${at('role')},${at('monthly_income')},${at('reserve_balance')})`;
  }
  return null;
}

const COMPUTED: ReadonlySet<ColumnKey> = new Set(['score', 'outcome', 'reserve_deduction']);

export function appraisalGrid(people: readonly Person[] = PEOPLE, layout: Layout = {}): Grid {
  const order = layout.order ?? DEFAULT_ORDER;
  const headers = layout.headers ?? ZH;
  const top = layout.top ?? 0;
  const left = layout.left ?? 0;
  const titles = layout.titleRows ?? [];
  const extra = layout.unknownColumns ?? [];
  const width = order.length + extra.length;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (const t of titles) {
    values.push(Array.from({ length: width }, (_, c) => t[c] ?? null));
    formulas.push(Array.from({ length: width }, () => null));
  }
  values.push([...order.map((k) => headers[k] ?? k), ...extra]);
  formulas.push(Array.from({ length: width }, () => null));
  const blank = new Set(layout.blankRowsAfter ?? []);
  let i = 0;
  for (const p of people) {
    while (blank.has(values.length - titles.length - 1)) {
      values.push(Array.from({ length: width }, () => null));
      formulas.push(Array.from({ length: width }, () => null));
    }
    const sheetRow = top + values.length + 1;
    const at = (k: ColumnKey): string => {
      const c = order.indexOf(k);
      return c < 0 ? '' : `${columnLetters(left + c)}${sheetRow}`;
    };
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    for (const k of order) {
      vRow.push(p[k] ?? null);
      if (COMPUTED.has(k) && !layout.constants?.has(k)) {
        const f = cmFormula(k, p, at) as string;
        fRow.push(layout.formulaOverride ? layout.formulaOverride(i, k, f) : f);
      } else fRow.push(null);
    }
    for (let e = 0; e < extra.length; e++) {
      vRow.push(`note ${i}`);
      fRow.push(null);
    }
    values.push(vRow);
    formulas.push(fRow);
    i++;
  }
  return {
    sheet: layout.sheet ?? '考核表',
    top,
    left,
    values,
    formulas,
    ...(layout.table !== undefined ? { table: layout.table } : {}),
  };
}

/** A grid of constants only (clients, loans, anything). */
export function plainGrid(sheet: string, rows: CellValue[][], top = 0, left = 0): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return { sheet, top, left, values, formulas: values.map((r) => r.map(() => null)) };
}

/** Freeze a value and everything inside it. */
export function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

/** Copy a grid with one cell's value (and formula) replaced. */
export function withCell(
  g: Grid,
  r: number,
  c: number,
  value: CellValue,
  formula: string | null = g.formulas[r][c],
): Grid {
  return {
    ...g,
    values: g.values.map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row)),
    formulas: g.formulas.map((row, i) =>
      i === r ? row.map((f, j) => (j === c ? formula : f)) : row,
    ),
  };
}
