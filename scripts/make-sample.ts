/**
 * `npm run sample`: writes examples/appraisal-sample.xlsx, a realistic appraisal workbook for
 * demonstrations, tests and the browser preview. Deterministic: fixed data, a seeded generator,
 * a fixed creation date; running it again gives the same cell contents.
 *
 * 40 people in four branches (one branch head, two senior, three mid-level and three junior
 * customer managers and one business agent each), Chinese headers (SHEETS.md), NPL ratios
 * computed from helper columns (不良贷款 ÷ 贷款余额), the CM formulas in the computed columns,
 * and a clients and a loans table. Eight problems are put in on purpose for validation and audit
 * to find; each is marked `DELIBERATE` below and listed in README ("Command line").
 */
import { join } from 'path';
import { saveWorkbook, type Workbook } from '../src/engine';
import type { Role } from '../src/rules';
import {
  appraisalColumns,
  appraisalRow,
  clientColumns,
  CLIENT_TIER_FORMULA,
  LOAN_APPROVER_FORMULA,
  loanColumns,
  SHEET_NAMES,
  type Person,
} from '../src/cli/appraisal-tables';
import { buildWorkbook, type Cell, type TableDef } from '../src/cli/build';

export const SAMPLE_PATH = join(__dirname, '..', 'examples', 'appraisal-sample.xlsx');

// Printed by the 3rd of the month (Art. 28): the December 2024 appraisal.
const CREATED = new Date('2025-01-03T09:00:00+08:00');

const BRANCHES = ['城东支行', '城西支行', '高新区支行', '营业部'] as const;
const STAFF: readonly Role[] = [
  'BRANCH_HEAD',
  'SENIOR',
  'SENIOR',
  'MID',
  'MID',
  'MID',
  'JUNIOR',
  'JUNIOR',
  'JUNIOR',
  'AGENT',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
  '刚',
  '桂英',
  '丹',
];

/** A small seeded generator (32-bit linear congruential), so the sample never changes. */
function generator(seed: number): (lo: number, hi: number, step: number) => number {
  let state = seed >>> 0;
  return (lo, hi, step) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const steps = Math.round((hi - lo) / step);
    const k = Math.floor((state / 2 ** 32) * (steps + 1));
    // Rounded to the step's decimals, so 0.1-steps never show binary noise.
    return Number((lo + k * step).toFixed(6));
  };
}

const CAPS: Partial<Record<Role, number>> = { SENIOR: 20000, MID: 10000, JUNIOR: 5000 };

function inputsFor(role: Role, pick: ReturnType<typeof generator>): Record<string, Cell> {
  if (role === 'AGENT') return { monthly_income: pick(3000, 6000, 100) };
  const loans = pick(5_000_000, 60_000_000, 10_000);
  const bad = pick(0, 3, 1) === 0 ? 0 : Math.round((loans * pick(0, 0.02, 0.001)) / 1000) * 1000;
  const common: Record<string, Cell> = {
    bad_loans: bad,
    loans_total: loans,
    npl_ratio: '={bad_loans}/{loans_total}',
    collection_rate: pick(0.994, 1, 0.0005),
    violation_points: pick(0, 3, 1),
    major_violation: false,
  };
  if (role === 'BRANCH_HEAD') {
    return {
      deposit_growth: pick(0.27, 0.4, 0.005),
      ...common,
      fee_growth: pick(0.1, 0.3, 0.01),
      loss_amount: 0,
      prior_demotions: 0,
      monthly_income: pick(28000, 40000, 500),
    };
  }
  const cap = CAPS[role] as number;
  return {
    ...(role === 'JUNIOR'
      ? { new_deposits: pick(900_000, 1_500_000, 10_000) }
      : { deposit_growth: pick(0.28, 0.42, 0.005) }),
    ...common,
    new_accounts: pick(4, 12, 1),
    months_below_base: pick(0, 4, 1) > 3 ? 3 : 0,
    monthly_income: pick(
      role === 'SENIOR' ? 15000 : role === 'MID' ? 10000 : 6000,
      role === 'SENIOR' ? 22000 : role === 'MID' ? 15000 : 9000,
      100,
    ),
    reserve_balance: pick(0, cap, 500),
  };
}

export function samplePeople(): Person[] {
  const pick = generator(20241231);
  const people: Person[] = [];
  BRANCHES.forEach((branch, b) => {
    STAFF.forEach((role, s) => {
      const n = b * STAFF.length + s;
      people.push({
        id: `E${String(101 + n)}`,
        name: SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 3 + b) % GIVEN.length],
        branch,
        role,
        inputs: inputsFor(role, pick),
      });
    });
  });
  return people;
}

/** The people by id, for the deliberate problems. */
function byId(people: Person[], id: string): Person {
  const p = people.find((x) => x.id === id);
  if (p === undefined) throw new Error(`No person ${id} in the sample.`);
  return p;
}

export function sampleTables(): TableDef[] {
  const people = samplePeople();
  const rows = people.map((p) => appraisalRow(p, 'zh'));
  const row = (id: string) => rows[people.indexOf(byId(people, id))];

  // DELIBERATE 1 (rate.percent-typed): E104 (MID, 城东支行) has the collection rate typed as
  // 99.5 where 99.5% (0.995) was meant.
  row('E104').collection_rate = 99.5;
  // DELIBERATE 2 (id.duplicate): E115 (城西支行) was given E112's 工号.
  row('E115').id = 'E112';
  // DELIBERATE 3 (formula.overwritten): E102's 综合得分 (SENIOR) holds a typed 95 instead of
  // =CM.APPRAISAL_SCORE(…).
  row('E102').score = 95;
  // DELIBERATE 4 (input.missing): E117 (JUNIOR) has no 新增存款日均 (Art. 13 needs it).
  row('E117').new_deposits = null;
  // DELIBERATE 5 (role.unknown): E126's 考核对象 is 客户经理助理, not a role of POLICY §0.
  row('E126').role = '客户经理助理';

  const names = SHEET_NAMES.zh;
  const clients: [string, number, number, string][] = [
    ['华东机械制造有限公司', 9_500_000, 4_000_000, 'E102'],
    ['城东商贸有限公司', 6_200_000, 1_500_000, 'E104'],
    ['新苑社区超市', 800_000, 300_000, 'E107'],
    ['恒通物流股份有限公司', 2_500_000, 12_000_000, 'E113'],
    ['西城建材经营部', 1_200_000, 2_800_000, 'E117'],
    ['高新电子科技有限公司', 7_000_000, 5_000_000, 'E124'],
    ['启明软件有限公司', 2_000_000, 0, 'E127'],
    ['瑞丰食品有限公司', 5_000_000, 3_000_000, 'E135'],
    ['金桥医药连锁有限公司', 1_800_000, 2_000_000, 'E138'],
    // DELIBERATE 6 (client.grade-too-low): deposits of 12 million need a SENIOR (Art. 12);
    // E108 is a JUNIOR.
    ['远洋船舶配件有限公司', 12_000_000, 0, 'E108'],
    // DELIBERATE 7 (client.policy-gap, warning): deposits of 4.2 million fall in the 3–5
    // million gap no band of Art. 12 covers (POLICY §6); E103 is a SENIOR, so the grade is fine.
    ['宏达纺织有限公司', 4_200_000, 0, 'E103'],
  ];
  const loans: [string, string, number, string][] = [
    ['DK2024-001', '华东机械制造有限公司', 4_000_000, 'E102'],
    ['DK2024-002', '城东商贸有限公司', 2_500_000, 'E104'],
    ['DK2024-003', '新苑社区超市', 300_000, 'E107'],
    ['DK2024-004', '恒通物流股份有限公司', 12_000_000, 'E111'],
    ['DK2024-005', '西城建材经营部', 900_000, 'E117'],
    ['DK2024-006', '高新电子科技有限公司', 5_000_000, 'E122'],
    ['DK2024-007', '瑞丰食品有限公司', 3_000_000, 'E135'],
    ['DK2024-008', '金桥医药连锁有限公司', 1_000_000, 'E138'],
    // DELIBERATE 8 (loan.above-authority): 4 million is above a MID's 3 million (Art. 25(3)).
    ['DK2024-009', '宏达纺织有限公司', 4_000_000, 'E105'],
  ];
  return [
    {
      sheet: names.appraisal,
      name: 'Appraisal',
      columns: appraisalColumns('zh', [
        { key: 'bad_loans', header: '不良贷款', format: 'yuan', width: 16 },
        { key: 'loans_total', header: '贷款余额', format: 'yuan', width: 18 },
      ]),
      rows,
      roleColumn: 'role',
    },
    {
      sheet: names.clients,
      name: 'Clients',
      columns: clientColumns('zh'),
      rows: clients.map(([client, client_deposits, client_loans, manager_id]) => ({
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
      columns: loanColumns('zh'),
      rows: loans.map(([loan, client, loan_amount, manager_id]) => ({
        loan,
        client,
        loan_amount,
        manager_id,
        approver: LOAN_APPROVER_FORMULA,
      })),
    },
  ];
}

export function buildSample(): Promise<Workbook> {
  return buildWorkbook(sampleTables(), { lang: 'zh', created: CREATED });
}

async function run(): Promise<void> {
  const wb = await buildSample();
  await saveWorkbook(wb, SAMPLE_PATH);
  console.log(`Wrote ${SAMPLE_PATH}`);
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
