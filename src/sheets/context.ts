/**
 * What the checks of one validation share: the policy, the findings so far, the managers of the
 * appraisal tables (for the clients and loans tables), and helpers to name a cell.
 */
import { isBlank, type Policy, type Role, type Text } from '../rules';
import type { ColumnKey } from './columns';
import type { Finding, FindingRule, Severity } from './findings';
import type { LocatedTable } from './tables';

export interface Manager {
  readonly role?: Role;
  readonly sheet: string;
  readonly address: string;
}

export interface Context {
  readonly policy: Policy;
  readonly findings: Finding[];
  /** Managers by folded id (first occurrence wins); collected only when `linked`. */
  readonly managers: Map<string, Manager>;
  /** A clients or loans table was found: their checks read the managers. */
  readonly linked: boolean;
}

/** The form in which ids are compared: text, trimmed, upper case (`e001` is `E001`). */
export function idKey(raw: unknown): string | undefined {
  if (isBlank(raw)) return undefined;
  if (typeof raw === 'number') return String(raw);
  return String(raw).trim().toUpperCase();
}

/** A1 address of grid cell (r, c) of a located table. */
export function addressOf(t: LocatedTable, r: number, c: number): string {
  return `${t.letters[c]}${t.grid.top + r + 1}`;
}

export function cellFinding(
  ctx: Context,
  t: LocatedTable,
  r: number,
  key: ColumnKey,
  severity: Severity,
  rule: FindingRule,
  article: string,
  message: Text,
): void {
  const c = t.col[key] as number;
  ctx.findings.push({
    severity,
    sheet: t.grid.sheet,
    address: `${t.letters[c]}${t.grid.top + r + 1}`,
    row: t.grid.top + r + 1,
    column: key,
    rule,
    article,
    message,
  });
}

/** A finding about a whole table, at the first cell of its header row. */
export function tableFinding(
  ctx: Context,
  t: LocatedTable,
  column: ColumnKey | null,
  severity: Severity,
  rule: FindingRule,
  article: string,
  message: Text,
): void {
  ctx.findings.push({
    severity,
    sheet: t.grid.sheet,
    address: `${t.letters[0] ?? 'A'}${t.found.headerRow}`,
    row: t.found.headerRow,
    column,
    rule,
    article,
    message,
  });
}

/** How a cell value reads in a message. */
export function shown(raw: unknown): string {
  if (raw === null || raw === undefined) return '(blank)';
  if (typeof raw === 'string') return `"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`;
  return String(raw);
}
