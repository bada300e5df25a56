/**
 * A finding: one thing wrong (error) or doubtful (warning) about one cell, with the rule that
 * found it, the article it enforces and a message in Chinese and English.
 */
import type { Text } from '../rules';
import type { ColumnKey } from './columns';

export type Severity = 'error' | 'warning';

/** Stable rule ids: reports, marks and the audit log's digest key on them. */
export const FINDING_RULES = [
  'table.not-found',
  'table.no-appraisal',
  'header.unit',
  'header.duplicate',
  'column.missing',
  'value.type',
  'value.domain',
  'rate.percent-typed',
  'input.missing',
  'input.unused',
  'id.duplicate',
  'role.unknown',
  'formula.overwritten',
  'formula.missing',
  'formula.unexpected',
  'client.grade-too-low',
  'client.policy-gap',
  'manager.unknown',
  'loan.above-authority',
  'audit.mismatch',
  'audit.stale',
  'audit.busy',
] as const;

export type FindingRule = (typeof FINDING_RULES)[number];

export interface Finding {
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell on its sheet. */
  readonly address: string;
  /** 1-based sheet row number. */
  readonly row: number;
  /** The column the cell is in, or null for a finding about a whole table. */
  readonly column: ColumnKey | null;
  readonly rule: FindingRule;
  /** Article enforced (`Art. 13`, `§0`), or `—` for a check of the sheet's own shape. */
  readonly article: string;
  readonly message: Text;
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly byRule: Readonly<Partial<Record<FindingRule, number>>>;
}

export function countFindings(findings: readonly Finding[]): Counts {
  let errors = 0;
  let warnings = 0;
  const byRule: Partial<Record<FindingRule, number>> = {};
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  }
  return { errors, warnings, byRule };
}
