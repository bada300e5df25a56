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
  type Role,
  type RuleError,
  type RuleResult,
  type Text,
  articleText,
  DEFAULT_POLICY,
} from '../rules';
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
}

/** `busy`: the host was still calculating the cell (`#BUSY!`); it is not compared. */
export type Verdict = 'ok' | 'mismatch' | 'stale' | 'busy';

/** What Excel shows while an asynchronous custom function is still computing. */
export const BUSY = '#BUSY!';

function isBusy(v: CellValue): boolean {
  return typeof v === 'string' && v.trim().toUpperCase() === BUSY;
}

export interface AuditCell {
  readonly key: ComputedKey;
  readonly address: string;
  /** The policy's value: a number, an outcome code, or the Excel error the function gives. */
  readonly expected: CellValue;
  /** The value the workbook reported, read before recalculation. */
  readonly reported: CellValue;
  /** The value after recalculation. */
  readonly shown: CellValue;
  readonly formula: string | null;
  readonly formulaStatus: FormulaStatus;
  /** The reported value against the policy. */
  readonly reportedVerdict: Verdict;
  /** The recalculated value against the policy (never `stale`). */
  readonly recalculatedVerdict: Verdict;
  /** The cell's overall verdict: the reported one when it differs, else the recalculated one. */
  readonly verdict: Verdict;
}

export interface AuditRow {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly id: CellValue;
  readonly name: CellValue;
  readonly role?: Role;
  readonly cells: readonly AuditCell[];
  /** Validation and audit findings of this row. */
  readonly findings: readonly Finding[];
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

/** The policy's value of one computed cell: the rule result, shown as Excel would show it. */
interface Expected {
  readonly value: CellValue;
  /** The rule result, read again only for a difference (explanation, exact value). */
  readonly result: RuleResult<unknown>;
}

function expectedOf(result: RuleResult<unknown>): Expected {
  if (!result.ok) return { value: ERROR_TEXT[result.error.kind], result };
  const v = result.value;
  // Numbers and codes as they are; the reserve's exact Decimal as the number Excel shows.
  const value = typeof v === 'number' || typeof v === 'string' ? v : (v as Decimal).toNumber();
  return { value, result };
}

/** Why the policy gives this value: the rule's explanation, or the rule error's message. */
function why(e: Expected): { en: string; zh: string } {
  return e.result.ok ? (e.result.explain() as Explanation).text : e.result.error.message;
}

function exactOf(e: Expected): Decimal | undefined {
  if (!e.result.ok) return undefined;
  const v = e.result.value;
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
function sameNumber(shownValue: CellValue, e: Expected, places: number): boolean {
  if (typeof e.value === 'string') return errorShown(shownValue, e.value);
  if (typeof shownValue !== 'number') return false;
  if (shownValue === e.value) return true;
  const exact = Number.isFinite(shownValue) ? exactOf(e) : undefined;
  if (exact === undefined) return false;
  return roundHalfAway(fromExcelNumber(shownValue), places).equals(exact);
}

function sameOutcome(shownValue: CellValue, e: Expected): boolean {
  if (typeof shownValue !== 'string' || typeof e.value !== 'string') return false;
  if (e.value.startsWith('#')) return errorShown(shownValue, e.value);
  const t = shownValue.trim();
  return (OUTCOME_SPELLING.get(t) ?? OUTCOME_SPELLING.get(t.toUpperCase())) === e.value;
}

function text(v: CellValue): string {
  if (v === null) return '(blank)';
  return typeof v === 'string' ? v : String(v);
}

/** Audit a workbook's grids, read after a full recalculation. */
export function auditWorkbook(grids: readonly Grid[], options: AuditOptions = {}): AuditReport {
  const policy = options.policy ?? DEFAULT_POLICY;
  const validated = validateTables(grids, options, true);
  const byRow = new Map<string, Finding[]>();
  const appraisalKeys: ReadonlySet<ColumnKey> = new Set(APPRAISAL_KEYS);
  for (const f of validated.report.findings) {
    if (f.column === null || !appraisalKeys.has(f.column)) continue;
    const k = `${f.sheet}\u0000${f.row}`;
    const list = byRow.get(k);
    if (list === undefined) byRow.set(k, [f]);
    else list.push(f);
  }
  const auditFindings: Finding[] = [];
  const rows: AuditRow[] = [];
  let mismatches = 0;
  let reportedMismatches = 0;
  let busy = 0;
  const reported = options.reported ? reportedLookup(options.reported) : undefined;
  for (const { table, rows: infos } of validated.appraisal) {
    for (const info of infos) {
      const row = auditRow(table, info, policy, auditFindings, byRow, reported);
      for (const c of row.cells) {
        if (c.verdict === 'busy') busy++;
        else if (c.verdict !== 'ok') mismatches++;
        if (c.reportedVerdict === 'mismatch' || c.reportedVerdict === 'stale') {
          reportedMismatches++;
        }
      }
      rows.push(row);
    }
  }
  const findings = [...validated.report.findings, ...auditFindings];
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
      mismatches,
      stale: counts.byRule['audit.stale'] ?? 0,
      reportedMismatches,
      busy,
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

/** A value of the reported grids by sheet and 0-based sheet position; undefined outside them. */
type Lookup = (sheet: string, row: number, col: number) => CellValue | undefined;

function reportedLookup(grids: readonly Grid[]): Lookup {
  const bySheet = new Map<string, Grid[]>();
  for (const g of grids) {
    const k = g.sheet.toLowerCase();
    const list = bySheet.get(k);
    if (list === undefined) bySheet.set(k, [g]);
    else list.push(g);
  }
  return (sheet, row, col) => {
    for (const g of bySheet.get(sheet.toLowerCase()) ?? []) {
      const y = row - g.top;
      const x = col - g.left;
      if (y >= 0 && y < g.values.length && x >= 0) {
        const r = g.values[y];
        if (x < r.length) return r[x] ?? null;
      }
    }
    return undefined;
  };
}

function auditRow(
  t: LocatedTable,
  info: RowInfo,
  policy: Policy,
  out: Finding[],
  byRow: Map<string, Finding[]>,
  reported: Lookup | undefined,
): AuditRow {
  const { grid, col } = t;
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
  const expected: Partial<Record<ComputedKey, Expected>> = {};
  if (col.score !== undefined) expected.score = expectedOf(score);
  if (col.outcome !== undefined) {
    // Art. 14 reads the recomputed score; an error in the score is the outcome's error too.
    expected.outcome = expectedOf(
      !score.ok
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
          ),
    );
  }
  if (col.reserve_deduction !== undefined) {
    // Art. 25(2): this month's withholding to 0.01 yuan.
    expected.reserve_deduction = expectedOf(
      riskReserve(
        roleRaw,
        cellOf(v, col, 'monthly_income'),
        cellOf(v, col, 'reserve_balance'),
        policy,
      ),
    );
  }

  const cells: AuditCell[] = [];
  const rowFindings: Finding[] = [...(byRow.get(`${grid.sheet}\u0000${sheetRow}`) ?? [])];
  // The outcome is stale only when the score it reads is right (else the score is the cause).
  let scoreReportedOk = true;
  let scoreRecalcOk = true;
  for (const key of ['score', 'outcome', 'reserve_deduction'] as const) {
    const e = expected[key];
    const c = col[key];
    if (e === undefined || c === undefined) continue;
    const shownValue = v[c] ?? null;
    const fromFile = reported?.(grid.sheet, grid.top + info.r, grid.left + c);
    const reportedValue = fromFile === undefined ? shownValue : fromFile;
    const agrees = (value: CellValue): boolean =>
      // A cell left empty where the function does not apply to the role (an agent's score, a
      // branch head's reserve: #N/A) agrees with the policy; validation accepts it too.
      (!e.result.ok && e.result.error.kind === 'na' && value === null && !f?.[c]) ||
      (key === 'outcome'
        ? sameOutcome(value, e)
        : sameNumber(
            value,
            e,
            key === 'score' ? policy.score.totalPlaces : policy.reserve.moneyPlaces,
          ));
    const status = info.formulas[key] ?? 'blank';
    const reportedOk = agrees(reportedValue);
    const recalcOk = agrees(shownValue);
    if (key === 'score') {
      scoreReportedOk = reportedOk;
      scoreRecalcOk = recalcOk;
    }
    // A call on the row's own inputs showing another value was not recalculated: stale.
    const reportedVerdict: Verdict = isBusy(reportedValue)
      ? 'busy'
      : reportedOk
        ? 'ok'
        : status === 'own' && (key !== 'outcome' || scoreReportedOk)
          ? 'stale'
          : 'mismatch';
    const recalculatedVerdict: Verdict = isBusy(shownValue) ? 'busy' : recalcOk ? 'ok' : 'mismatch';
    const verdict: Verdict =
      reportedVerdict === 'stale' || reportedVerdict === 'mismatch'
        ? reportedVerdict
        : recalculatedVerdict === 'mismatch'
          ? 'mismatch'
          : reportedVerdict === 'busy' || recalculatedVerdict === 'busy'
            ? 'busy'
            : 'ok';
    const address = `${t.letters[c]}${sheetRow}`;
    cells.push({
      key,
      address,
      expected: e.value,
      reported: reportedValue,
      shown: shownValue,
      formula: f?.[c] ?? null,
      formulaStatus: status,
      reportedVerdict,
      recalculatedVerdict,
      verdict,
    });
    if (verdict === 'ok') continue;
    const spec = COMPUTED[key];
    const label = { zh: columnLabel(key, 'zh'), en: columnLabel(key, 'en') };
    const because = why(e);
    const both = reported !== undefined;
    // After recalculation, when that differs from what the file reported.
    const after =
      both && reportedVerdict !== 'ok' && !Object.is(shownValue, reportedValue)
        ? {
            en: `; after recalculation it shows ${text(shownValue)}`,
            zh: `；重新计算后显示 ${text(shownValue)}`,
          }
        : { en: '', zh: '' };
    let message: Text;
    if (verdict === 'busy') {
      message = {
        en: `${label.en} was still calculating (${BUSY}) when read, after waiting for Excel; it was not compared with the policy's ${text(e.value)}. Audit again when Excel has finished.`,
        zh: `${label.zh}读取时仍在计算（${BUSY}），等待后仍未完成；未与按办法应得的 ${text(e.value)} 比较。请待 Excel 计算完成后重新稽核。`,
      };
    } else if (verdict === 'stale') {
      message = {
        en: `${label.en}: the file shows ${text(reportedValue)} but CM.${spec.fn} on this row's inputs gives ${text(e.value)}: the saved value is out of date${after.en}. (${because.en})`,
        zh: `${label.zh}：文件中显示 ${text(reportedValue)}，但按本行输入 CM.${spec.fn} 应为 ${text(e.value)}：保存的值已过期${after.zh}。（${because.zh}）`,
      };
    } else if (reportedVerdict === 'mismatch') {
      const cause = mismatchCause(status, key, scoreReportedOk);
      message = {
        en: `${label.en}: the file shows ${text(reportedValue)}; the policy gives ${text(e.value)}${cause.en}${after.en}. (${because.en})`,
        zh: `${label.zh}：文件中显示 ${text(reportedValue)}；按办法应为 ${text(e.value)}${cause.zh}${after.zh}。（${because.zh}）`,
      };
    } else {
      const cause = mismatchCause(status, key, scoreRecalcOk);
      const when = both ? { en: ' after recalculation', zh: '重新计算后' } : { en: '', zh: '' };
      message = {
        en: `${label.en} shows ${text(shownValue)}${when.en}; the policy gives ${text(e.value)}${cause.en}. (${because.en})`,
        zh: `${label.zh}${when.zh}显示 ${text(shownValue)}；按办法应为 ${text(e.value)}${cause.zh}。（${because.zh}）`,
      };
    }
    const finding: Finding = {
      severity: verdict === 'busy' ? 'warning' : 'error',
      sheet: grid.sheet,
      address,
      row: sheetRow,
      column: key,
      rule:
        verdict === 'busy' ? 'audit.busy' : verdict === 'stale' ? 'audit.stale' : 'audit.mismatch',
      article: spec.article,
      message,
    };
    out.push(finding);
    rowFindings.push(finding);
  }
  const role = info.role;
  return {
    sheet: grid.sheet,
    row: sheetRow,
    id: cellOf(v, col, 'id'),
    name: cellOf(v, col, 'name'),
    ...(role !== undefined ? { role } : {}),
    cells,
    findings: rowFindings,
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
