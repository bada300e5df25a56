/**
 * Findings as highlights: one mark per cell, an error outranking a warning on the same cell.
 * Marks change formats only and clear back to exactly what was there (the host remembers).
 */
import type { Mark, WorkbookHost } from '../../host/port';
import type { Finding } from '../../sheets/findings';

export function marksOf(findings: readonly Finding[]): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.address}`;
    const had = byCell.get(key);
    if (had === undefined || (had.severity === 'warning' && f.severity === 'error')) {
      byCell.set(key, { sheet: f.sheet, address: f.address, severity: f.severity });
    }
  }
  return [...byCell.values()];
}

export async function applyMarks(
  host: WorkbookHost,
  findings: readonly Finding[],
): Promise<number> {
  const marks = marksOf(findings);
  if (marks.length > 0) await host.writeMarks(marks);
  return marks.length;
}

export function clearMarks(host: WorkbookHost): Promise<void> {
  return host.clearMarks();
}
