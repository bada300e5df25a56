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
import { articleText, DEFAULT_POLICY, policyHash, policyVersionText, type Lang } from '../rules';
import { auditRow, tableAudit, type AuditRow, type Run } from './audit-rows';
import { APPRAISAL_KEYS, type ColumnKey } from './columns';
import { countFindings, type Counts, type Finding } from './findings';
import type { CellValue, Grid } from './grid';
import { columnLabel } from './headers';
import { REPORT_HEADER_START, REPORT_TITLE } from './own-sheets';
import { ruleLabel } from './rule-labels';
import type { FoundTable } from './tables';
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

export { BUSY, type AuditCell, type AuditRow, type Verdict } from './audit-rows';

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

const APPRAISAL_KEY_SET: ReadonlySet<ColumnKey> = new Set(APPRAISAL_KEYS);

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
  for (const { table, rows: facts } of validated.appraisal) {
    const sheet = table.grid.sheet;
    const n = facts.r.length;
    const a = tableAudit(table, n, bySheet.get(sheet), reported?.get(sheet.toLowerCase()));
    for (let i = 0; i < n; i++) {
      const row = auditRow(a, i, facts.r[i], facts.role[i], facts.formulas[i], run);
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
