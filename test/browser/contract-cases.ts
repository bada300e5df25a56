/**
 * The calls the Excel contract test makes, each described once and turned into both what Excel
 * passes a custom function (per its functions.json metadata) and the same formula for the
 * headless engine: the worked examples of FUNCTIONS.md, one call of every other function,
 * ranges holding error elements, and a 5,000-row range.
 */
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/engine';
import { columnLetters } from '../../src/sheets/a1';

/** An input: a value, or an Excel error in that cell. */
export type In = number | string | boolean | { readonly err: '#N/A' | '#DIV/0!' };
export type Arg =
  | { readonly s: In }
  | { readonly omit: true }
  | { readonly col: readonly In[] }
  | { readonly row: readonly In[] };

export interface Case {
  readonly name: string;
  readonly fn: string;
  readonly args: readonly Arg[];
}

/** What a cell shows: a value ('' for nothing), or an error kind. */
export type Shown = number | string | boolean | { readonly error: string };

const s = (v: In): Arg => ({ s: v });
const col = (...v: In[]): Arg => ({ col: v });
const row = (...v: In[]): Arg => ({ row: v });
const omit: Arg = { omit: true };
const NA = { err: '#N/A' } as const;
const DIV0 = { err: '#DIV/0!' } as const;

const ROLES = ['SENIOR', 'MID', '初级', '支行行长', 'JUNIOR'];

/** 5,000 rows of every role, with an error element now and then and some bad values. */
function bigScoreCase(): Case {
  const n = 5000;
  const role: In[] = [];
  const deposit: In[] = [];
  const npl: In[] = [];
  const coll: In[] = [];
  const fourth: In[] = [];
  for (let i = 0; i < n; i++) {
    const r = ROLES[i % ROLES.length];
    role.push(r);
    deposit.push(
      i % 997 === 5 ? NA : r === '初级' || r === 'JUNIOR' ? 800000 + i * 113 : (i % 61) / 100,
    );
    npl.push(i % 1009 === 7 ? DIV0 : i % 389 === 3 ? 1.5 : (i % 23) / 1000);
    coll.push(0.97 + (i % 31) / 1000);
    fourth.push(r === '支行行长' ? (i % 37) / 100 : i % 13);
  }
  return {
    name: 'APPRAISAL_SCORE over 5,000 rows with error elements',
    fn: 'APPRAISAL_SCORE',
    args: [{ col: role }, { col: deposit }, { col: npl }, { col: coll }, { col: fourth }],
  };
}

export const CASES: readonly Case[] = [
  // FUNCTIONS.md, "Worked examples".
  { name: 'SENIOR 110', fn: 'APPRAISAL_SCORE', args: [s('SENIOR'), s(0.34), s(0), s(0.997), s(8)] },
  {
    name: '支行行长 66.5',
    fn: 'APPRAISAL_SCORE',
    args: [s('支行行长'), s(0.225), s(0.008), s(0.992), s(0.15)],
  },
  { name: '初级 106', fn: 'APPRAISAL_SCORE', args: [s('初级'), s(1150000), s(0.015), s(1), s(3)] },
  { name: 'MID 90', fn: 'APPRAISAL_SCORE', args: [s('MID'), s(0.3), s(0.01), s(0.995), s(7)] },
  { name: 'DEMOTE score ≤ 85', fn: 'GRADE_OUTCOME', args: [s('MID'), s(85), s(0.995)] },
  { name: 'DEMOTE collection', fn: 'GRADE_OUTCOME', args: [s('MID'), s(85.01), s(0.989)] },
  { name: 'TERMINATE', fn: 'GRADE_OUTCOME', args: [s('SENIOR'), s(70), s(0.999)] },
  {
    name: 'branch head deposit completion',
    fn: 'GRADE_OUTCOME',
    args: [s('支行行长'), s(95), s(0.999), omit, omit, omit, s(0.27), s(0.02)],
  },
  { name: 'reserve cap', fn: 'RISK_RESERVE', args: [s('JUNIOR'), s(8000), s(4000)] },
  { name: 'authority', fn: 'LOAN_AUTHORITY', args: [s('SENIOR'), s(5000000)] },
  { name: 'tier gap', fn: 'CLIENT_TIER', args: [s(4000000), s(0)] },
  {
    name: '#NUM! npl 1.2',
    fn: 'APPRAISAL_SCORE',
    args: [s('MID'), s(0.3), s(1.2), s(0.995), s(7)],
  },
  {
    name: '#VALUE! blank npl',
    fn: 'APPRAISAL_SCORE',
    args: [s('MID'), s(0.3), omit, s(0.995), s(7)],
  },
  // Every other function once.
  {
    name: 'breakdown',
    fn: 'APPRAISAL_BREAKDOWN',
    args: [s('SENIOR'), s(0.34), s(0), s(0.997), s(8)],
  },
  { name: 'reason', fn: 'GRADE_REASON', args: [s('MID'), s(84.5), s(0.995)] },
  { name: 'next grade', fn: 'NEXT_GRADE', args: [s('SENIOR'), s('DEMOTE')] },
  {
    name: 'months below base',
    fn: 'MONTHS_BELOW_BASE',
    args: [row(900000, 850000, 800000, 880000, 1000000), s(1000000)],
  },
  { name: 'collection duty', fn: 'COLLECTION_DUTY', args: [s(0.996), s(0.999)] },
  { name: 'schedule', fn: 'RESERVE_SCHEDULE', args: [s('JUNIOR'), row(8000, 8000, 8000), s(4000)] },
  { name: 'refund', fn: 'RESERVE_REFUND', args: [s(5000), s(1000), s(7)] },
  { name: 'approver', fn: 'LOAN_APPROVER', args: [s(5000000)] },
  { name: 'promotion', fn: 'PROMOTION_ELIGIBLE', args: [s(13), s(3000000), omit] },
  { name: 'qualification', fn: 'QUALIFICATION', args: [s(true), s(2000000)] },
  { name: 'label zh', fn: 'LABEL', args: [s('DEMOTE')] },
  { name: 'label en', fn: 'LABEL', args: [s('DEMOTE'), s('en')] },
  { name: 'policy version', fn: 'POLICY_VERSION', args: [] },
  // Ranges with error elements: an error in that element only.
  {
    name: 'score, #N/A and #DIV/0! elements',
    fn: 'APPRAISAL_SCORE',
    args: [
      col('SENIOR', 'MID', 'SENIOR', '初级'),
      col(0.34, NA, 0.3, 1150000),
      col(0, 0.01, DIV0, 0.015),
      col(0.997, 0.995, 0.99, 1),
      col(8, 7, 5, 3),
    ],
  },
  {
    name: 'breakdown rows, an error element',
    fn: 'APPRAISAL_BREAKDOWN',
    args: [col('SENIOR', 'MID', 'SENIOR'), col(0.34, NA, 0.3), s(0), s(0.997), s(8)],
  },
  {
    name: 'authority broadcast',
    fn: 'LOAN_AUTHORITY',
    args: [s('SENIOR'), col(5000000, NA, 9e9, 'abc')],
  },
  {
    name: 'outcome, error in an optional range',
    fn: 'GRADE_OUTCOME',
    args: [col('MID', 'MID', 'SENIOR'), col(90, 90, 60), s(0.995), col(0, DIV0, 4)],
  },
  {
    name: 'a list with an error element',
    fn: 'MONTHS_BELOW_BASE',
    args: [row(100, NA, 50), s(100)],
  },
  bigScoreCase(),
];

export const hasError = (c: Case): boolean =>
  c.args.some((a) =>
    'col' in a || 'row' in a
      ? ('col' in a ? a.col : a.row).some((x) => typeof x === 'object')
      : 's' in a && typeof a.s === 'object',
  );

export const firstError = (c: Case): string | undefined => {
  for (const a of c.args) {
    const xs = 'col' in a ? a.col : 'row' in a ? a.row : 's' in a ? [a.s] : [];
    for (const x of xs) if (typeof x === 'object') return x.err;
  }
  return undefined;
};

/** A metadata parameter, as functions.json declares it. */
export interface MetaParam {
  readonly name: string;
  readonly dimensionality?: 'scalar' | 'matrix';
  readonly optional?: boolean;
}

type Passed = null | In | readonly (readonly In[])[];

/**
 * What Excel passes for each declared parameter: a matrix parameter always gets a 2-D array (a
 * single value as [[v]]), an omitted optional null
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options), a range
 * its rows.
 */
export function excelArgs(c: Case, params: readonly MetaParam[]): Passed[] {
  return params.map((p, i) => {
    const a = c.args[i];
    if (a === undefined || 'omit' in a) return null;
    const matrix = p.dimensionality === 'matrix';
    if ('s' in a) return matrix ? [[a.s]] : a.s;
    if (!matrix)
      throw new Error(`${c.fn}.${p.name} is scalar in the metadata; a range cannot be passed`);
    return 'col' in a ? a.col.map((x) => [x]) : [a.row];
  });
}

function literal(x: In): string {
  if (typeof x === 'object') return x.err === '#N/A' ? 'NA()' : '(1/0)';
  if (typeof x === 'string') return `"${x.replace(/"/g, '""')}"`;
  if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
  return String(x);
}

function cellValue(x: In): ExcelJS.CellValue {
  if (typeof x === 'object')
    return { formula: x.err === '#N/A' ? 'NA()' : '1/0' } as ExcelJS.CellValue;
  return x;
}

/** The same calls as formulas in one workbook, evaluated by the engine: what each cell shows. */
export async function engineResults(cases: readonly Case[]): Promise<Shown[][][]> {
  const book = new ExcelJS.Workbook();
  cases.forEach((c, i) => {
    const inputs = book.addWorksheet(`I${i}`);
    const out = book.addWorksheet(`C${i}`);
    const args = c.args.map((a, j) => {
      if ('omit' in a) return '';
      if ('s' in a) return literal(a.s);
      const xs = 'col' in a ? a.col : a.row;
      xs.forEach((x, k) => {
        const cell = 'col' in a ? inputs.getCell(k + 1, j + 1) : inputs.getCell(j + 1, k + 1);
        cell.value = cellValue(x);
      });
      const first = 'col' in a ? `${columnLetters(j)}1` : `A${j + 1}`;
      const last =
        'col' in a ? `${columnLetters(j)}${xs.length}` : `${columnLetters(xs.length - 1)}${j + 1}`;
      return `I${i}!${first}:${last}`;
    });
    while (args.length > 0 && args[args.length - 1] === '') args.pop();
    out.getCell('A1').value = { formula: `CM.${c.fn}(${args.join(',')})` } as ExcelJS.CellValue;
  });
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  const wb = (await loadWorkbook(bytes)).evaluate();
  return cases.map((_, i) => {
    const sheet = `C${i}`;
    const area = wb.spillAreas(sheet).find((a) => a.top === 0 && a.left === 0);
    const rows = area ? area.bottom + 1 : 1;
    const cols = area ? area.right + 1 : 1;
    const values = wb.values(sheet);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, k): Shown => {
        const v = values[r]?.[k] ?? null;
        if (v === null || v === undefined) return '';
        if (typeof v === 'object') return { error: v.error };
        return v;
      }),
    );
  });
}
