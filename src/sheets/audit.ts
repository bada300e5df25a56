/**
 * Audit (SHEETS.md, for the audit and monitoring office): after a full recalculation, every
 * appraisal row is recomputed independently with the rules core and compared with what the
 * sheet shows: the score (Art. 13) at its 2 decimals, the outcome (Art. 14, decided on the
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
  articleText,
  DEFAULT_POLICY,
} from '../rules';
import type { FormulaStatus, RowInfo } from './check-appraisal';
import { APPRAISAL_KEYS, COMPUTED, type ColumnKey, type ComputedKey } from './columns';
import { countFindings, type Counts, type Finding } from './findings';
import type { CellValue, Grid } from './grid';
import { columnLabel } from './headers';
import { ruleLabel } from './rule-labels';
import { roleInputTable } from './role-inputs';
import type { FoundTable, LocatedTable } from './tables';
import { validateTables, type ValidateOptions } from './validate';

export type AuditOptions = ValidateOptions;

export type Verdict = 'ok' | 'mismatch' | 'stale';

export interface AuditCell {
  readonly key: ComputedKey;
  readonly address: string;
  /** The policy's value: a number, an outcome code, or the Excel error the function gives. */
  readonly expected: CellValue;
  readonly shown: CellValue;
  readonly formula: string | null;
  readonly formulaStatus: FormulaStatus;
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
  /** Computed cells whose shown value differs from the policy's (stale ones included). */
  readonly mismatches: number;
  readonly stale: number;
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
  for (const { table, rows: infos } of validated.appraisal) {
    for (const info of infos) {
      const row = auditRow(table, info, policy, auditFindings, byRow);
      for (const c of row.cells) if (c.verdict !== 'ok') mismatches++;
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

function auditRow(
  t: LocatedTable,
  info: RowInfo,
  policy: Policy,
  out: Finding[],
  byRow: Map<string, Finding[]>,
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
  let scoreOk = true;
  for (const key of ['score', 'outcome', 'reserve_deduction'] as const) {
    const e = expected[key];
    const c = col[key];
    if (e === undefined || c === undefined) continue;
    const shownValue = v[c] ?? null;
    // A cell left empty where the function does not apply to the role (an agent's score, a
    // branch head's reserve: #N/A) agrees with the policy; validation accepts it too.
    const notApplicable =
      !e.result.ok && e.result.error.kind === 'na' && shownValue === null && !f?.[c];
    const same =
      notApplicable ||
      (key === 'outcome'
        ? sameOutcome(shownValue, e)
        : sameNumber(
            shownValue,
            e,
            key === 'score' ? policy.score.totalPlaces : policy.reserve.moneyPlaces,
          ));
    if (key === 'score') scoreOk = same;
    const status = info.formulas[key] ?? 'blank';
    // A call on the row's own inputs showing another value was not recalculated; for the
    // outcome, only when the score it reads is right (else the score cell is the cause).
    const verdict: Verdict = same
      ? 'ok'
      : status === 'own' && (key !== 'outcome' || scoreOk)
        ? 'stale'
        : 'mismatch';
    const address = `${t.letters[c]}${sheetRow}`;
    cells.push({
      key,
      address,
      expected: e.value,
      shown: shownValue,
      formula: f?.[c] ?? null,
      formulaStatus: status,
      verdict,
    });
    if (verdict === 'ok') continue;
    const spec = COMPUTED[key];
    const label = { zh: columnLabel(key, 'zh'), en: columnLabel(key, 'en') };
    const because = why(e);
    const finding: Finding = {
      severity: 'error',
      sheet: grid.sheet,
      address,
      row: sheetRow,
      column: key,
      rule: verdict === 'stale' ? 'audit.stale' : 'audit.mismatch',
      article: spec.article,
      message:
        verdict === 'stale'
          ? {
              en: `${label.en} shows ${text(shownValue)} but CM.${spec.fn} on this row's inputs gives ${text(e.value)}: the cached value is out of date; recalculate. (${because.en})`,
              zh: `${label.zh}显示 ${text(shownValue)}，但按本行输入 CM.${spec.fn} 应为 ${text(e.value)}：缓存值已过期，请重新计算。（${because.zh}）`,
            }
          : {
              en: `${label.en} shows ${text(shownValue)}; the policy gives ${text(e.value)}${mismatchCause(status, key, scoreOk).en}. (${because.en})`,
              zh: `${label.zh}显示 ${text(shownValue)}；按办法应为 ${text(e.value)}${mismatchCause(status, key, scoreOk).zh}。（${because.zh}）`,
            },
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
  title: { zh: '稽核报告', en: 'Audit report' },
  policy: { zh: '政策版本', en: 'Policy' },
  rows: { zh: '行数', en: 'Rows' },
  errors: { zh: '错误', en: 'Errors' },
  warnings: { zh: '警告', en: 'Warnings' },
  mismatches: { zh: '不一致', en: 'Mismatches' },
  header: {
    zh: [
      '行',
      '工作表',
      '单元格',
      '工号',
      '姓名',
      '列',
      '预期',
      '显示',
      '结果',
      '严重性',
      '规则',
      '条款',
      '发现',
    ],
    en: [
      'Row',
      'Sheet',
      'Cell',
      'ID',
      'Name',
      'Column',
      'Expected',
      'Shown',
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
  },
  severity: { error: { zh: '错误', en: 'Error' }, warning: { zh: '警告', en: 'Warning' } },
} as const;

export interface ReportRowsOptions {
  /** Leave out computed cells that agree and have no finding. */
  readonly onlyProblems?: boolean;
}

/**
 * The report as rows for a report sheet: a title block with the policy and counts, then one
 * line per computed cell (expected, shown, result) and per finding, headers in `lang`.
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
