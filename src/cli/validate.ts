/**
 * `cm-appraisal validate`: the marketing department's check (SHEETS.md "Validation") of every
 * appraisal, clients and loans table of a workbook. Reads only; writes nothing.
 */
import { policyVersionText, type Lang } from '../rules';
import { validateWorkbook, type FoundTable, type ValidationReport } from '../sheets';
import type { Parsed } from './command';
import { countsLine, findingJson, findingLines, reportText } from './findings';
import { EXIT_FINDINGS, EXIT_OK, parseLang, Progress, stepLabel, type Io } from './io';
import { policyOption } from './policy-file';
import { dataGrids, fileName, openWorkbook, rowCount } from './workbook';

export function tablesJson(tables: readonly FoundTable[]) {
  return tables.map((t) => ({
    kind: t.kind,
    sheet: t.sheet,
    ...(t.table !== undefined ? { table: t.table } : {}),
    range: t.range,
    rows: t.rows,
  }));
}

export function tableLines(tables: readonly FoundTable[], lang: Lang): string[] {
  const kind = {
    appraisal: { zh: '考核表', en: 'appraisal' },
    clients: { zh: '客户表', en: 'clients' },
    loans: { zh: '贷款表', en: 'loans' },
  } as const;
  return tables.map(
    (t) =>
      `  ${kind[t.kind][lang]}: ${t.table ?? t.sheet} ${t.sheet}!${t.range} (${t.rows} ${lang === 'zh' ? '行' : 'rows'})`,
  );
}

function summary(path: string, report: ValidationReport, lang: Lang): string {
  const c = report.counts;
  const head =
    lang === 'zh'
      ? `${fileName(path)}：${c.tables} 张表，${c.rows} 行；${countsLine(c, lang)}。`
      : `${fileName(path)}: ${c.tables} tables, ${c.rows} rows; ${countsLine(c, lang)}.`;
  return reportText([
    head,
    ...tableLines(report.tables, lang),
    ...findingLines(report.findings, lang),
  ]);
}

/** Runs the command. */
export async function run(args: Parsed, io: Io): Promise<number> {
  const lang = parseLang(args.values.lang as string | undefined, io.env);
  const path = args.positionals[0];
  const { policy } = await policyOption(args, lang);
  const progress = new Progress(io, 3);
  let report: ValidationReport;
  try {
    progress.next(stepLabel('loading', lang, fileName(path)));
    const wb = await openWorkbook(path, policy);
    progress.next(stepLabel('evaluating', lang));
    // Inputs may be formulas themselves (an NPL ratio = bad loans ÷ loans): read fresh values.
    wb.evaluate();
    const grids = dataGrids(wb);
    progress.next(stepLabel('validating', lang, rowCount(grids)));
    report = validateWorkbook(grids, { policy });
  } finally {
    progress.done();
  }
  if (args.values.json === true) {
    const json = {
      workbook: fileName(path),
      policy: policyVersionText(policy),
      lang,
      tables: tablesJson(report.tables),
      counts: report.counts,
      findings: report.findings.map((f) => findingJson(f, lang)),
    };
    io.out(`${JSON.stringify(json)}\n`);
  } else {
    io.out(summary(path, report, lang));
  }
  return report.counts.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
