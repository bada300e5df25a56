/**
 * Generated appraisal workbooks for the engine benchmarks: one sheet 考核表 with the Chinese
 * headers of SHEETS.md, each role's own inputs, and the three computed columns as saved CM calls
 * on the row's cells (`_xldudf_CM_APPRAISAL_SCORE(D2,E2,G2,H2,J2)`) with their cached results.
 * Deterministic: the same row count gives the same file, so a generated file is reused from the
 * temp directory across runs.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invoke } from '../src/functions';
import type { XlResult, XlScalar } from '../src/functions/xl';

/** Bump when the generated content changes, so stale cached files are not reused. */
const GENERATOR_VERSION = 1;

const HEADERS = [
  '工号', // A id
  '姓名', // B name
  '支行', // C branch
  '考核对象', // D role
  '新增存款日均增长率', // E deposit_growth
  '新增存款日均', // F new_deposits
  '不良率', // G npl_ratio
  '收贷收息率', // H collection_rate
  '中间收入增长率', // I fee_growth
  '新开对公基本账户', // J new_accounts
  '连续低于基数月数', // K months_below_base
  '违规扣分', // L violation_points
  '重大违规', // M major_violation
  '事故损失', // N loss_amount
  '上年降级', // O prior_demotions
  '月收入', // P monthly_income
  '风险金余额', // Q reserve_balance
  '综合得分', // R score
  '考核结果', // S outcome
  '本月风险金', // T reserve_deduction
  '入职日期', // U (not a policy column: kept and ignored)
  '联系电话', // V
  '备注', // W
];

const ROLE_SPELLINGS: readonly (readonly [string, string])[] = [
  ['BRANCH_HEAD', '支行行长'],
  ['SENIOR', '高级客户经理'],
  ['MID', '中级客户经理'],
  ['JUNIOR', '初级客户经理'],
];
const BRANCHES = ['城东支行', '城西支行', '高新区支行', '营业部', '滨江支行', '北郊支行'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // xorshift32: fast, deterministic, good enough for test data.
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const cents = (x: number) => Math.round(x * 100) / 100;
const frac4 = (x: number) => Math.round(x * 10000) / 10000;

function cached(result: XlResult): ExcelJS.CellValue | number | string | boolean | undefined {
  const v = Array.isArray(result) ? result[0]?.[0] : result;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object') return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

const fx = (formula: string, result: XlResult) =>
  ({ formula, result: cached(result) }) as unknown as ExcelJS.CellValue;

/** Writes a workbook of `rows` appraisal rows to `path` (streaming, so 100,000 rows is cheap). */
export async function writeAppraisalWorkbook(path: string, rows: number): Promise<void> {
  const rnd = random(0x5eed + rows);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const ws = wb.addWorksheet('考核表');
  ws.addRow(HEADERS).commit();
  const hired = new Date(Date.UTC(2015, 0, 1));
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const [role, roleText] = ROLE_SPELLINGS[Math.floor(rnd() * 4)];
    const head = role === 'BRANCH_HEAD';
    const junior = role === 'JUNIOR';
    const growth = head || !junior ? frac4(0.05 + rnd() * 0.45) : null;
    const deposits = junior ? cents(400000 + rnd() * 1200000) : null;
    const npl = rnd() < 0.3 ? 0 : frac4(rnd() * 0.06);
    const collection = frac4(0.97 + rnd() * 0.03);
    const fee = head ? frac4(rnd() * 0.4) : null;
    const accounts = head ? null : Math.floor(rnd() * 14);
    const monthsBelow = head ? null : Math.floor(rnd() * 5);
    const points = rnd() < 0.8 ? 0 : Math.floor(rnd() * 8);
    const major = rnd() < 0.01;
    const loss = head ? (rnd() < 0.9 ? 0 : cents(rnd() * 600000)) : null;
    const demotions = head ? (rnd() < 0.9 ? 0 : 1) : null;
    const income = cents(6000 + rnd() * 24000);
    // Branch heads have no Art. 25(2) cap: no reserve balance; their reserve call gives #N/A.
    const balance = head ? null : cents(rnd() * 8000);

    const deposit = junior ? deposits : growth;
    const fourth = head ? fee : accounts;
    const score = invoke('APPRAISAL_SCORE', [roleText, deposit, npl, collection, fourth]);
    const scoreValue = cached(score);
    const outcomeArgs: XlScalar[] = head
      ? [roleText, scoreValue as XlScalar, collection, null, points, major, growth, npl, loss]
      : [roleText, scoreValue as XlScalar, collection, monthsBelow, points, major];
    if (head) outcomeArgs.push(demotions);
    const outcome = invoke('GRADE_OUTCOME', outcomeArgs);
    const reserve = invoke('RISK_RESERVE', [roleText, income, balance]);

    const depositCell = junior ? `F${r}` : `E${r}`;
    const fourthCell = head ? `I${r}` : `J${r}`;
    const outcomeFormula = head
      ? `_xldudf_CM_GRADE_OUTCOME(D${r},R${r},H${r},,L${r},M${r},E${r},G${r},N${r},O${r})`
      : `_xldudf_CM_GRADE_OUTCOME(D${r},R${r},H${r},K${r},L${r},M${r})`;
    // A few rows hold a typed score where the formula was: the audit has something to find.
    const overwritten = i % 997 === 996;
    ws.addRow([
      `E${String(100000 + i).padStart(6, '0')}`,
      SURNAMES[Math.floor(rnd() * SURNAMES.length)] + GIVEN[Math.floor(rnd() * GIVEN.length)],
      BRANCHES[Math.floor(rnd() * BRANCHES.length)],
      roleText,
      growth,
      deposits,
      npl,
      collection,
      fee,
      accounts,
      monthsBelow,
      points,
      major,
      loss,
      demotions,
      income,
      balance,
      overwritten
        ? scoreValue
        : fx(`_xldudf_CM_APPRAISAL_SCORE(D${r},${depositCell},G${r},H${r},${fourthCell})`, score),
      fx(outcomeFormula, outcome),
      fx(`_xldudf_CM_RISK_RESERVE(D${r},P${r},Q${r})`, reserve),
      new Date(hired.getTime() + Math.floor(rnd() * 3000) * 86400000),
      `138${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
      rnd() < 0.1 ? '年度考核已复核' : null,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** The generated workbook of `rows` rows, written once into the temp directory. */
export async function appraisalWorkbook(rows: number): Promise<string> {
  const dir = join(tmpdir(), 'cm-appraisal-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `appraisal-${rows}-v${GENERATOR_VERSION}.xlsx`);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.tmp`;
    await writeAppraisalWorkbook(partial, rows);
    renameSync(partial, path);
  }
  return path;
}
