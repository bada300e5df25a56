/**
 * Validation (SHEETS.md, for the marketing department): find the tables of a workbook, then
 * check every row. Appraisal tables are checked first, so the clients and loans tables (on any
 * sheet) can be checked against their managers' grades. Nothing in the grids is changed.
 */
import { DEFAULT_POLICY, type Policy } from '../rules';
import { checkAppraisal, type RowFacts } from './check-appraisal';
import { checkClients, checkLoans } from './check-links';
import type { Context } from './context';
import { countFindings, type Counts, type Finding } from './findings';
import type { Grid } from './grid';
import { locateTable, type FoundTable, type LocatedTable } from './tables';

export interface ValidateOptions {
  /** The active policy; the bank's default when omitted. */
  readonly policy?: Policy;
}

export interface ValidationReport {
  readonly tables: readonly FoundTable[];
  readonly findings: readonly Finding[];
  readonly counts: Counts & { readonly rows: number; readonly tables: number };
}

/** What the audit reads after validation: each appraisal table with its rows' facts. */
export interface Validated {
  readonly report: ValidationReport;
  readonly appraisal: readonly {
    readonly table: LocatedTable;
    readonly rows: RowFacts;
  }[];
}

/** Validate the tables of a workbook: appraisal, clients and loans, on any sheets. */
export function validateWorkbook(
  grids: readonly Grid[],
  options: ValidateOptions = {},
): ValidationReport {
  return validateTables(grids, options, false).report;
}

/** Validate one grid (a used range or an Excel Table's range). */
export function validateGrid(grid: Grid, options: ValidateOptions = {}): ValidationReport {
  return validateWorkbook([grid], options);
}

/** Validation, keeping per-row facts of the appraisal tables when `keep` is set (for audit). */
export function validateTables(
  grids: readonly Grid[],
  options: ValidateOptions,
  keep: boolean,
): Validated {
  const located: LocatedTable[] = [];
  const findings: Finding[] = [];
  const notFound: Finding[] = [];
  for (const grid of grids) {
    const found = locateTable(grid);
    if (found.table !== undefined) {
      located.push(found.table);
      findings.push(...found.findings);
    } else notFound.push(...found.findings);
  }
  // A workbook's other sheets (notes, pivots, our own report and log) are not appraisal data:
  // a sheet without a table is a finding only when no grid given has one.
  if (located.length === 0) findings.push(...notFound);
  const ctx: Context = {
    policy: options.policy ?? DEFAULT_POLICY,
    findings,
    managers: new Map(),
    linked: located.some((t) => t.found.kind === 'clients' || t.found.kind === 'loans'),
  };
  const appraisal: { table: LocatedTable; rows: RowFacts }[] = [];
  for (const t of located) {
    if (t.found.kind !== 'appraisal') continue;
    const rows: RowFacts | undefined = keep ? { r: [], role: [], formulas: [] } : undefined;
    checkAppraisal(ctx, t, rows);
    if (rows !== undefined) appraisal.push({ table: t, rows });
  }
  for (const t of located) {
    if (t.found.kind === 'clients') checkClients(ctx, t);
    else if (t.found.kind === 'loans') checkLoans(ctx, t);
  }
  let rows = 0;
  for (const t of located) rows += t.dataRows.length;
  const counts = { ...countFindings(ctx.findings), rows, tables: located.length };
  return {
    report: { tables: located.map((t) => t.found), findings: ctx.findings, counts },
    appraisal,
  };
}
