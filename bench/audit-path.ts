/**
 * The audit path as `cm-appraisal audit <file> --json` runs it: load the .xlsx, recalculate
 * everything, take the data grids, validate + audit, chain a log record, write the JSON report.
 * It calls the CLI's own command; where the CLI is not there it composes the same engine and
 * sheets calls.
 */
import { writeFile } from 'node:fs/promises';

export interface AuditPathResult {
  /** `cli` when the CLI's command ran, `composed` otherwise. */
  readonly via: 'cli' | 'composed';
  readonly reportBytes: number;
}

type CliAudit = typeof import('../src/cli/audit');

async function cliAudit(): Promise<CliAudit | undefined> {
  try {
    return (await import('../src/cli/audit')) as CliAudit;
  } catch {
    return undefined;
  }
}

export async function auditFile(path: string, reportPath: string): Promise<AuditPathResult> {
  const cli = await cliAudit();
  let report = '';
  if (cli) {
    await cli.run(
      { positionals: [path], values: { json: true, lang: 'zh', user: 'bench' } },
      { out: (t) => (report += t), err: () => undefined, env: {}, errIsTty: false },
    );
  } else {
    const { loadWorkbook } = await import('../src/engine');
    const { auditReportRows, auditWorkbook } = await import('../src/sheets');
    const workbook = await loadWorkbook(path);
    workbook.evaluate();
    const grids = workbook.sheetNames().map((name) => workbook.grid(name));
    const audit = auditWorkbook(grids);
    report = JSON.stringify({ counts: audit.counts, lines: auditReportRows(audit, 'zh') });
  }
  await writeFile(reportPath, report);
  return { via: cli ? 'cli' : 'composed', reportBytes: report.length };
}
