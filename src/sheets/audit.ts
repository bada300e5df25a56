/**
 * Audit (SHEETS.md, for the audit and monitoring office). Two values of every computed cell are
 * compared with the policy: the value the workbook REPORTED (as read before anything was
 * recalculated: what a printout, a viewer or anyone opening the file sees; `reported` grids)
 * and the value after a full recalculation. Every appraisal row is recomputed independently
 * with the rules core and compared: the score (Art. 13) at its 2 decimals, the outcome (Art. 14, decided on the
 * recomputed score) as a code or its label, the risk-reserve deduction (Art. 25(2)) at 0.01
 * yuan. A difference is stale (the cell holds the right call on its own row's inputs: its
 * cached value is out of date) or a mismatch (anything else). Validation's findings are part
 * of the audit.
 */
import {
  appraisalScore,
  fromExcelNumber,
  gradeOutcome,
  LABELS,
  OUTCOMES,
  policyHash,
  policyVersionText,
  riskReserve,
  roundHalfAway,
  type Decimal,
  type Explanation,
  type Lang,
  type Policy,
  type RuleError,
  type RuleResult,
  type Text,
  articleText,
  DEFAULT_POLICY,
} from '../rules';
import {
  BUSY_VERDICT,
  findingsOrNone,
  MISMATCH,
  OK,
  overallVerdict,
  packCell,
  PackedRow,
  SLOT_KEYS,
  STALE,
  type AuditRow,
  type RowTable,
} from './audit-rows';
import type { FormulaStatus, RowInfo } from './check-appraisal';
import { APPRAISAL_KEYS, COMPUTED, type ColumnKey, type ComputedKey } from './columns';
import { countFindings, type Counts, type Finding } from './findings';
import type { CellValue, Grid } from './grid';
import { columnLabel } from './headers';
import { REPORT_HEADER_START, REPORT_TITLE } from './own-sheets';
import { ruleLabel } from './rule-labels';
import { roleInputTable } from './role-inputs';
import type { FoundTable, LocatedTable } from './tables';
import { validateTables, type ValidateOptions } from './validate';

export interface AuditOptions extends ValidateOptions {
  /**
   * The same sheets as read BEFORE recalculation (the file's cached values, or in Excel the
   * values on screen under manual calculation). Without them the recalculated grids stand for
   * both.
   */
  readonly reported?: readonly Grid[];
  /**
   * Which rows the report keeps in `rows`: every audited row (`all`, the default), or only
   * those with a problem (`problems`: a computed cell whose verdict is not `ok`, or a finding),
   * for a caller that writes no report sheet. Counts and findings are the same either way, and
   * so are the report lines of `auditReportRows(report, lang, { onlyProblems: true })`.
   */
  readonly rows?: 'all' | 'problems';
}

export type { AuditCell, AuditRow, Verdict } from './audit-rows';

/** What Excel shows while an asynchronous custom function is still computing. */
export const BUSY = '#BUSY!';

function isBusy(v: CellValue): boolean {
  // Only a text holding `#` can read as #BUSY! (the test allocates, and most texts are codes).
  return typeof v === 'string' && v.indexOf('#') !== -1 && v.trim().toUpperCase() === BUSY;
}

export interface AuditCounts extends Counts {
  readonly rows: number;
  readonly tables: number;
  /** Computed cells whose reported or recalculated value differs from the policy's (stale ones included). */
  readonly mismatches: number;
  readonly stale: number;
  /** Of the mismatches, cells whose reported value differs from the policy's. */
  readonly reportedMismatches: number;
  /** Cells still calculating (`#BUSY!`) when read: not compared. */
  readonly busy: number;
  readonly overwritten: number;
  readonly unexpected: number;
}

export interface AuditReport {
  readonly policyVersion: string;
  readonly policyHash: string;
  readonly tables: readonly FoundTable[];
  /** Every appraisal row audited, in sheet order (only those with a problem under `rows: 'problems'`). */
  readonly rows: readonly AuditRow[];
  /** Every finding, validation's first, then the audit's, in sheet order. */
  readonly findings: readonly Finding[];
  readonly counts: AuditCounts;
}

const ERROR_TEXT: Record<RuleError['kind'], string> = {
  value: '#VALUE!',
  num: '#NUM!',
  na: '#N/A',
};

// Outcome codes and their labels in both languages, folded (Art. 14 outcomes, LABELS).
const OUTCOME_SPELLING: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const code of OUTCOMES) {
    map.set(code, code);
    map.set(LABELS[code].zh, code);
    map.set(LABELS[code].en.toUpperCase(), code);
  }
  return map;
})();

const APPRAISAL_KEY_SET: ReadonlySet<ColumnKey> = new Set(APPRAISAL_KEYS);

/** The policy's value of one computed cell: the rule result, shown as Excel would show it. */
function expectedValue(result: RuleResult<unknown>): CellValue {
  if (!result.ok) return ERROR_TEXT[result.error.kind];
  const v = result.value;
  // Numbers and codes as they are; the reserve's exact Decimal as the number Excel shows.
  return typeof v === 'number' || typeof v === 'string' ? v : (v as Decimal).toNumber();
}

/** Why the policy gives this value: the rule's explanation, or the rule error's message. */
function why(result: RuleResult<unknown>): { en: string; zh: string } {
  return result.ok ? (result.explain() as Explanation).text : result.error.message;
}

function exactOf(result: RuleResult<unknown>): Decimal | undefined {
  if (!result.ok) return undefined;
  const v = result.value;
  return typeof v === 'number' ? fromExcelNumber(v) : (v as Decimal);
}

function cellOf(v: readonly CellValue[], col: LocatedTable['col'], k: ColumnKey): CellValue {
  const c = col[k];
  return c === undefined ? null : (v[c] ?? null);
}

function errorShown(shownValue: CellValue, text: string): boolean {
  return typeof shownValue === 'string' && shownValue.trim().toUpperCase() === text;
}

/** Shown equals expected at the places the policy rounds to. */
function sameNumber(
  shownValue: CellValue,
  expected: CellValue,
  result: RuleResult<unknown>,
  places: number,
): boolean {
  if (typeof expected === 'string') return errorShown(shownValue, expected);
  if (typeof shownValue !== 'number') return false;
  if (shownValue === expected) return true;
  const exact = Number.isFinite(shownValue) ? exactOf(result) : undefined;
  if (exact === undefined) return false;
  return roundHalfAway(fromExcelNumber(shownValue), places).equals(exact);
}

function sameOutcome(shownValue: CellValue, expected: CellValue): boolean {
  if (typeof shownValue !== 'string' || typeof expected !== 'string') return false;
  if (expected.startsWith('#')) return errorShown(shownValue, expected);
  const t = shownValue.trim();
  return (OUTCOME_SPELLING.get(t) ?? OUTCOME_SPELLING.get(t.toUpperCase())) === expected;
}

/** A value of computed slot `slot` (SLOT_KEYS) agrees with the policy's. */
function agrees(
  slot: number,
  result: RuleResult<unknown>,
  expected: CellValue,
  value: CellValue,
  formula: string | null,
  places: number,
): boolean {
  // The policy's own value, exactly (a number, a code, an error text): every test accepts it.
  if (value === expected) return true;
  // A cell left empty where the function does not apply to the role (an agent's score, a
  // branch head's reserve: #N/A) agrees with the policy; validation accepts it too.
  if (!result.ok && result.error.kind === 'na' && value === null && !formula) return true;
  return slot === 1 ? sameOutcome(value, expected) : sameNumber(value, expected, result, places);
}

function text(v: CellValue): string {
  if (v === null) return '(blank)';
  return typeof v === 'string' ? v : String(v);
}

/** What the rows of a run share, and its tallies. */
interface Run {
  readonly policy: Policy;
  /** The reported grids were given: a message says what recalculation showed. */
  readonly both: boolean;
  /** The audit's findings, in sheet order. */
  readonly out: Finding[];
  mismatches: number;
  reportedMismatches: number;
  busy: number;
}

/** What the rows of one appraisal table share. */
interface TableAudit {
  readonly t: LocatedTable;
  readonly rows: RowTable;
  /** Grid column of each slot (SLOT_KEYS), or -1. */
  readonly cols: readonly [number, number, number];
  /** Validation's findings of the table's sheet, by 1-based sheet row. */
  readonly prior: ReadonlyMap<number, readonly Finding[]> | undefined;
  /** The reported grids of the table's sheet. */
  readonly reported: readonly Grid[] | undefined;
}

/** Audit a workbook's grids, read after a full recalculation. */
export function auditWorkbook(grids: readonly Grid[], options: AuditOptions = {}): AuditReport {
  const policy = options.policy ?? DEFAULT_POLICY;
  const validated = validateTables(grids, options, true);
  // Validation's findings of appraisal columns, by sheet and row.
  const bySheet = new Map<string, Map<number, Finding[]>>();
  for (const f of validated.report.findings) {
    if (f.column === null || !APPRAISAL_KEY_SET.has(f.column)) continue;
    let byRow = bySheet.get(f.sheet);
    if (byRow === undefined) bySheet.set(f.sheet, (byRow = new Map()));
    const list = byRow.get(f.row);
    if (list === undefined) byRow.set(f.row, [f]);
    else list.push(f);
  }
  const run: Run = {
    policy,
    both: options.reported !== undefined,
    out: [],
    mismatches: 0,
    reportedMismatches: 0,
    busy: 0,
  };
  const onlyProblems = options.rows === 'problems';
  const rows: AuditRow[] = [];
  const reported = options.reported ? reportedBySheet(options.reported) : undefined;
  for (const { table, rows: infos } of validated.appraisal) {
    const { grid, col } = table;
    const colOf = (k: ComputedKey): number => col[k] ?? -1;
    const cols = [colOf('score'), colOf('outcome'), colOf('reserve_deduction')] as const;
    const letterOf = (c: number): string => (c < 0 ? '' : table.letters[c]);
    const a: TableAudit = {
      t: table,
      rows: {
        sheet: grid.sheet,
        letters: [letterOf(cols[0]), letterOf(cols[1]), letterOf(cols[2])],
      },
      cols,
      prior: bySheet.get(grid.sheet),
      reported: reported?.get(grid.sheet.toLowerCase()),
    };
    for (const info of infos) {
      const row = auditRow(a, info, run);
      if (!onlyProblems || row.findings.length > 0 || row.anyNotOk) rows.push(row);
    }
  }
  const findings = [...validated.report.findings, ...run.out];
  const counts = countFindings(findings);
  return {
    policyVersion: policyVersionText(policy),
    policyHash: policyHash(policy),
    tables: validated.report.tables,
    rows,
    findings,
    counts: {
      ...counts,
      rows: validated.report.counts.rows,
      tables: validated.report.counts.tables,
      mismatches: run.mismatches,
      stale: counts.byRule['audit.stale'] ?? 0,
      reportedMismatches: run.reportedMismatches,
      busy: run.busy,
      overwritten: counts.byRule['formula.overwritten'] ?? 0,
      unexpected: counts.byRule['formula.unexpected'] ?? 0,
    },
  };
}

// Role inputs per policy, computed once (the reserve flag only changes `required`).
const inputCache = new WeakMap<Policy, ReturnType<typeof roleInputTable>>();

function inputsFor(policy: Policy): ReturnType<typeof roleInputTable> {
  let t = inputCache.get(policy);
  if (t === undefined) {
    t = roleInputTable(policy, false);
    inputCache.set(policy, t);
  }
  return t;
}

/** The reported grids by folded sheet name. */
function reportedBySheet(grids: readonly Grid[]): Map<string, Grid[]> {
  const bySheet = new Map<string, Grid[]>();
  for (const g of grids) {
    const k = g.sheet.toLowerCase();
    const list = bySheet.get(k);
    if (list === undefined) bySheet.set(k, [g]);
    else list.push(g);
  }
  return bySheet;
}

/** A value of a sheet's reported grids at a 0-based sheet position; undefined outside them. */
function reportedAt(grids: readonly Grid[], row: number, col: number): CellValue | undefined {
  for (const g of grids) {
    const y = row - g.top;
    const x = col - g.left;
    if (y >= 0 && y < g.values.length && x >= 0) {
      const r = g.values[y];
      if (x < r.length) return r[x] ?? null;
    }
  }
  return undefined;
}

function auditRow(a: TableAudit, info: RowInfo, run: Run): PackedRow {
  const { grid, col } = a.t;
  const policy = run.policy;
  const v = grid.values[info.r];
  const f = grid.formulas[info.r];
  const sheetRow = grid.top + info.r + 1;
  const roleRaw = cellOf(v, col, 'role');
  const inputs = info.role !== undefined ? inputsFor(policy)[info.role] : undefined;
  const depositKey =
    inputs?.deposit ?? (col.deposit_growth !== undefined ? 'deposit_growth' : 'new_deposits');
  const fourthKey =
    inputs?.fourth ?? (col.fee_growth !== undefined ? 'fee_growth' : 'new_accounts');
  const collectionRate = cellOf(v, col, 'collection_rate');
  const nplRatio = cellOf(v, col, 'npl_ratio');

  // Art. 13, recomputed from the row's inputs.
  const score = appraisalScore(
    {
      role: roleRaw,
      deposit: cellOf(v, col, depositKey),
      nplRatio,
      collectionRate,
      fourth: cellOf(v, col, fourthKey),
    },
    policy,
  );
  // Art. 14 reads the recomputed score; an error in the score is the outcome's error too.
  const outcome: RuleResult<unknown> | undefined =
    a.cols[1] < 0
      ? undefined
      : !score.ok
        ? score
        : gradeOutcome(
            {
              role: roleRaw,
              score: score.value,
              collectionRate,
              monthsBelowBase: cellOf(v, col, 'months_below_base'),
              violationPoints: cellOf(v, col, 'violation_points'),
              majorViolation: cellOf(v, col, 'major_violation'),
              deposit: cellOf(v, col, 'deposit_growth'),
              nplRatio,
              lossAmount: cellOf(v, col, 'loss_amount'),
              priorDemotions: cellOf(v, col, 'prior_demotions'),
            },
            policy,
          );
  // Art. 25(2): this month's withholding to 0.01 yuan.
  const reserve: RuleResult<unknown> | undefined =
    a.cols[2] < 0
      ? undefined
      : riskReserve(
          roleRaw,
          cellOf(v, col, 'monthly_income'),
          cellOf(v, col, 'reserve_balance'),
          policy,
        );

  const prior = a.prior?.get(sheetRow);
  let added: Finding[] | undefined;
  let bits = 0;
  // Each slot's expected, reported, recalculated value and formula (PackedRow's fields).
  let e0: CellValue = null;
  let e1: CellValue = null;
  let e2: CellValue = null;
  let p0: CellValue = null;
  let p1: CellValue = null;
  let p2: CellValue = null;
  let s0: CellValue = null;
  let s1: CellValue = null;
  let s2: CellValue = null;
  let f0: string | null = null;
  let f1: string | null = null;
  let f2: string | null = null;
  // The outcome is stale only when the score it reads is right (else the score is the cause).
  let scoreReportedOk = true;
  let scoreRecalcOk = true;
  for (let slot = 0; slot < 3; slot++) {
    const c = a.cols[slot];
    if (c < 0) continue;
    const result = (slot === 0 ? score : slot === 1 ? outcome : reserve) as RuleResult<unknown>;
    const expected = expectedValue(result);
    const shownValue = v[c] ?? null;
    const fromFile =
      a.reported === undefined
        ? undefined
        : reportedAt(a.reported, grid.top + info.r, grid.left + c);
    const reportedValue = fromFile === undefined ? shownValue : fromFile;
    const formula = f?.[c] ?? null;
    const status = info.formulas[SLOT_KEYS[slot]] ?? 'blank';
    const places = slot === 0 ? policy.score.totalPlaces : policy.reserve.moneyPlaces;
    const reportedOk = agrees(slot, result, expected, reportedValue, formula, places);
    const recalcOk = Object.is(reportedValue, shownValue)
      ? reportedOk
      : agrees(slot, result, expected, shownValue, formula, places);
    if (slot === 0) {
      scoreReportedOk = reportedOk;
      scoreRecalcOk = recalcOk;
    }
    // A call on the row's own inputs showing another value was not recalculated: stale.
    const rv = isBusy(reportedValue)
      ? BUSY_VERDICT
      : reportedOk
        ? OK
        : status === 'own' && (slot !== 1 || scoreReportedOk)
          ? STALE
          : MISMATCH;
    const cv = isBusy(shownValue) ? BUSY_VERDICT : recalcOk ? OK : MISMATCH;
    const verdict = overallVerdict(rv, cv);
    if (verdict === BUSY_VERDICT) run.busy++;
    else if (verdict !== OK) run.mismatches++;
    if (rv === MISMATCH || rv === STALE) run.reportedMismatches++;
    bits |= packCell(status, rv, cv) << (slot * 8);
    if (slot === 0) {
      e0 = expected;
      p0 = reportedValue;
      s0 = shownValue;
      f0 = formula;
    } else if (slot === 1) {
      e1 = expected;
      p1 = reportedValue;
      s1 = shownValue;
      f1 = formula;
    } else {
      e2 = expected;
      p2 = reportedValue;
      s2 = shownValue;
      f2 = formula;
    }
    if (verdict === OK) continue;
    const finding = auditFinding(run, {
      sheet: grid.sheet,
      address: `${a.rows.letters[slot]}${sheetRow}`,
      row: sheetRow,
      key: SLOT_KEYS[slot],
      verdict,
      reportedVerdict: rv,
      status,
      result,
      expected,
      reportedValue,
      shownValue,
      scoreOk: rv === MISMATCH ? scoreReportedOk : scoreRecalcOk,
    });
    run.out.push(finding);
    if (added === undefined) added = prior !== undefined ? prior.slice() : [];
    added.push(finding);
  }
  return new PackedRow(
    a.rows,
    sheetRow,
    cellOf(v, col, 'id'),
    cellOf(v, col, 'name'),
    info.role,
    added ?? findingsOrNone(prior),
    bits,
    e0,
    e1,
    e2,
    p0,
    p1,
    p2,
    s0,
    s1,
    s2,
    f0,
    f1,
    f2,
  );
}

/** One cell's difference from the policy, as a finding. */
interface Difference {
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly key: ComputedKey;
  /** Codes (audit-rows.ts VERDICTS); `verdict` is never ok. */
  readonly verdict: number;
  readonly reportedVerdict: number;
  readonly status: FormulaStatus;
  readonly result: RuleResult<unknown>;
  readonly expected: CellValue;
  readonly reportedValue: CellValue;
  readonly shownValue: CellValue;
  /** Whether the score the outcome reads is right, in the values this message is about. */
  readonly scoreOk: boolean;
}

function auditFinding(run: Run, d: Difference): Finding {
  const { key, verdict, reportedVerdict, status, expected, reportedValue, shownValue } = d;
  const spec = COMPUTED[key];
  const label = { zh: columnLabel(key, 'zh'), en: columnLabel(key, 'en') };
  const because = why(d.result);
  const both = run.both;
  // After recalculation, when that differs from what the file reported.
  const after =
    both && reportedVerdict !== OK && !Object.is(shownValue, reportedValue)
      ? {
          en: `; after recalculation it shows ${text(shownValue)}`,
          zh: `；重新计算后显示 ${text(shownValue)}`,
        }
      : { en: '', zh: '' };
  let message: Text;
  if (verdict === BUSY_VERDICT) {
    message = {
      en: `${label.en} was still calculating (${BUSY}) when read, after waiting for Excel; it was not compared with the policy's ${text(expected)}. Audit again when Excel has finished.`,
      zh: `${label.zh}读取时仍在计算（${BUSY}），等待后仍未完成；未与按办法应得的 ${text(expected)} 比较。请待 Excel 计算完成后重新稽核。`,
    };
  } else if (verdict === STALE) {
    message = {
      en: `${label.en}: the file shows ${text(reportedValue)} but CM.${spec.fn} on this row's inputs gives ${text(expected)}: the saved value is out of date${after.en}. (${because.en})`,
      zh: `${label.zh}：文件中显示 ${text(reportedValue)}，但按本行输入 CM.${spec.fn} 应为 ${text(expected)}：保存的值已过期${after.zh}。（${because.zh}）`,
    };
  } else if (reportedVerdict === MISMATCH) {
    const cause = mismatchCause(status, key, d.scoreOk);
    message = {
      en: `${label.en}: the file shows ${text(reportedValue)}; the policy gives ${text(expected)}${cause.en}${after.en}. (${because.en})`,
      zh: `${label.zh}：文件中显示 ${text(reportedValue)}；按办法应为 ${text(expected)}${cause.zh}${after.zh}。（${because.zh}）`,
    };
  } else {
    const cause = mismatchCause(status, key, d.scoreOk);
    const when = both ? { en: ' after recalculation', zh: '重新计算后' } : { en: '', zh: '' };
    message = {
      en: `${label.en} shows ${text(shownValue)}${when.en}; the policy gives ${text(expected)}${cause.en}. (${because.en})`,
      zh: `${label.zh}${when.zh}显示 ${text(shownValue)}；按办法应为 ${text(expected)}${cause.zh}。（${because.zh}）`,
    };
  }
  return {
    severity: verdict === BUSY_VERDICT ? 'warning' : 'error',
    sheet: d.sheet,
    address: d.address,
    row: d.row,
    column: key,
    rule:
      verdict === BUSY_VERDICT
        ? 'audit.busy'
        : verdict === STALE
          ? 'audit.stale'
          : 'audit.mismatch',
    article: spec.article,
    message,
  };
}

function mismatchCause(
  status: FormulaStatus,
  key: ComputedKey,
  scoreOk: boolean,
): { en: string; zh: string } {
  switch (status) {
    case 'constant':
      return { en: ' (a typed value, not a formula)', zh: '（该单元格为常量，不是公式）' };
    case 'blank':
      return { en: ' (the cell is empty)', zh: '（单元格为空）' };
    case 'call':
      return {
        en: "; the formula's arguments are not this row's input cells",
        zh: '；公式参数不是本行的输入单元格',
      };
    case 'own':
      return key === 'outcome' && !scoreOk
        ? { en: '; the score it reads is itself wrong', zh: '；其引用的考核得分本身有误' }
        : { en: '', zh: '' };
    default:
      return { en: ' (the formula is not the expected call)', zh: '（公式不是预期的函数调用）' };
  }
}

const REPORT_TEXT = {
  title: REPORT_TITLE,
  policy: { zh: '政策版本', en: 'Policy' },
  rows: { zh: '行数', en: 'Rows' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '警告', en: 'Warnings' },
  mismatches: { zh: '不一致', en: 'Mismatches' },
  reportedMismatches: { zh: '文件报送值不一致', en: 'Reported values wrong' },
  // The first six cells are the report's marker (own-sheets.ts REPORT_HEADER_START).
  header: {
    zh: [
      ...REPORT_HEADER_START.zh,
      '按办法',
      '文件报送值',
      '重算后',
      '结果',
      '严重性',
      '规则',
      '条款',
      '发现',
    ],
    en: [
      ...REPORT_HEADER_START.en,
      'Policy',
      'Reported',
      'Recalculated',
      'Result',
      'Severity',
      'Rule',
      'Article',
      'Finding',
    ],
  },
  verdict: {
    ok: { zh: '一致', en: 'OK' },
    mismatch: { zh: '不一致', en: 'Mismatch' },
    stale: { zh: '未重算', en: 'Stale' },
    busy: { zh: '仍在计算', en: 'Still calculating' },
  },
  severity: { error: { zh: '错误', en: 'Error' }, warning: { zh: '警告', en: 'Warning' } },
} as const;

export interface ReportRowsOptions {
  /** Leave out computed cells that agree and have no finding. */
  readonly onlyProblems?: boolean;
}

/**
 * The report as rows for a report sheet: a title block with the policy and counts, then one
 * line per computed cell (the policy's value, the value the file reported, the value after
 * recalculation, the result) and per finding, headers in `lang`. Row 1 and row 5 are the
 * report's marker (own-sheets.ts).
 */
export function auditReportRows(
  report: AuditReport,
  lang: Lang,
  options: ReportRowsOptions = {},
): CellValue[][] {
  const T = REPORT_TEXT;
  const c = report.counts;
  const out: CellValue[][] = [
    [T.title[lang]],
    [T.policy[lang], report.policyVersion],
    [
      T.rows[lang],
      c.rows,
      T.errors[lang],
      c.errors,
      T.warnings[lang],
      c.warnings,
      T.mismatches[lang],
      c.mismatches,
      T.reportedMismatches[lang],
      c.reportedMismatches,
    ],
    [],
    [...T.header[lang]],
  ];
  const findingLine = (f: Finding, id: CellValue, name: CellValue): CellValue[] => [
    f.row,
    f.sheet,
    f.address,
    id,
    name,
    f.column !== null ? columnLabel(f.column, lang) : '',
    null,
    null,
    null,
    null,
    T.severity[f.severity][lang],
    ruleLabel(f.rule, lang),
    articleText(f.article, lang),
    f.message[lang],
  ];
  const placed = new Set<Finding>();
  for (const row of report.rows) {
    for (const cell of row.cells) {
      const onCell = row.findings.filter((f) => f.address === cell.address);
      if (options.onlyProblems && cell.verdict === 'ok' && onCell.length === 0) continue;
      const first = onCell[0];
      out.push([
        row.row,
        row.sheet,
        cell.address,
        row.id,
        row.name,
        columnLabel(cell.key, lang),
        cell.expected,
        cell.reported,
        cell.shown,
        T.verdict[cell.verdict][lang],
        first !== undefined ? T.severity[first.severity][lang] : null,
        first !== undefined ? ruleLabel(first.rule, lang) : null,
        first !== undefined ? articleText(first.article, lang) : null,
        first?.message[lang] ?? null,
      ]);
      for (const f of onCell) placed.add(f);
      for (const f of onCell.slice(1)) out.push(findingLine(f, row.id, row.name));
    }
    for (const f of row.findings) {
      if (!placed.has(f)) {
        placed.add(f);
        out.push(findingLine(f, row.id, row.name));
      }
    }
  }
  for (const f of report.findings) if (!placed.has(f)) out.push(findingLine(f, null, null));
  return out;
}
