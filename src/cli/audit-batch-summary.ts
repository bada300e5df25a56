/**
 * The batch audit's summary workbook (`--summary 汇总.xlsx`): one row per workbook (sheet
 * 工作簿 / Workbooks) and one row per workbook and finding kind (sheet 发现 / Findings), each
 * linking to the cell it names in the audited output workbook (or the input, without -o).
 *
 * Links are HYPERLINK formulas with a `[file]sheet!cell` location, the form Microsoft documents
 * for a cell in another workbook ("HYPERLINK function",
 * https://support.microsoft.com/office/hyperlink-function-333c7ce6-c5ae-4164-9c47-7de9b76f577f:
 * `=HYPERLINK("[\\FINANCE\Statements\1stqtr.xlsx]Sheet1!A10", …)`); the path is relative to the
 * summary's folder, so the folder can be moved as a whole. Each link carries its text as the
 * cached result, so it reads right before any recalculation. The parts are written directly
 * (audit-batch-xlsx.ts), not through ExcelJS, whose loading alone took longer than the batch's
 * other work after the last audit.
 */
import { dirname, relative, sep } from 'path';
import type { Lang } from '../rules';
import { summaryParts, type SummaryCell, type SummarySheet } from './audit-batch-xlsx';
import type { FindingJson } from './findings';

/** One workbook of the batch: its JSON report, or why it could not be audited. */
export interface BatchItem {
  readonly input: string;
  readonly output: string | null;
  readonly exit: number;
  readonly report?: {
    readonly workbook: string;
    readonly counts: {
      readonly rows: number;
      readonly mismatches: number;
      readonly errors: number;
      readonly warnings: number;
    };
    readonly findings: readonly FindingJson[];
    readonly record: { readonly seq: number; readonly hash: string } | null;
  };
  readonly error?: string;
}

const T = {
  workbooks: { zh: '工作簿', en: 'Workbooks' },
  findings: { zh: '发现', en: 'Findings' },
  workbookHead: {
    zh: ['工作簿', '状态', '行数', '不一致', '错误', '警告', '日志记录', '记录哈希', '说明'],
    en: [
      'Workbook',
      'Status',
      'Rows',
      'Mismatches',
      'Errors',
      'Warnings',
      'Log record',
      'Record hash',
      'Note',
    ],
  },
  findingHead: {
    zh: ['工作簿', '规则', '条款', '级别', '数量', '首个单元格', '单元格'],
    en: ['Workbook', 'Rule', 'Article', 'Severity', 'Count', 'First cell', 'Cells'],
  },
  ok: { zh: '通过', en: 'passed' },
  findingsFound: { zh: '有发现', en: 'findings' },
  failed: { zh: '无法稽核', en: 'not audited' },
  severity: { error: { zh: '错误', en: 'error' }, warning: { zh: '警告', en: 'warning' } },
} as const;

/** How many cells a finding row lists by address (all are counted). */
const CELLS_LISTED = 50;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The link target of `file` as seen from the summary's folder ('/' works on Windows and Mac). */
function target(summaryPath: string, file: string): string {
  return relative(dirname(summaryPath), file).split(sep).join('/');
}

function link(location: string, text: string): SummaryCell {
  return { formula: `HYPERLINK(${quote(location)},${quote(text)})`, result: text };
}

/** The summary's two sheets: one row per workbook, one per workbook and kind of finding. */
export function summarySheets(
  path: string,
  items: readonly BatchItem[],
  lang: Lang,
): SummarySheet[] {
  const books: SummaryCell[][] = [[...T.workbookHead[lang]]];
  const found: SummaryCell[][] = [[...T.findingHead[lang]]];
  for (const item of items) {
    const file = item.output ?? item.input;
    const name = item.report?.workbook ?? file.split(/[\\/]/).pop() ?? file;
    const r = item.report;
    if (r === undefined) {
      books.push([name, T.failed[lang], null, null, null, null, null, null, item.error ?? '']);
      continue;
    }
    const c = r.counts;
    books.push([
      link(target(path, file), name),
      item.exit === 0 ? T.ok[lang] : T.findingsFound[lang],
      c.rows,
      c.mismatches,
      c.errors,
      c.warnings,
      r.record?.seq ?? null,
      r.record?.hash ?? null,
      null,
    ]);
    // One row per kind of finding (rule and severity), in the order first met.
    const kinds = new Map<string, FindingJson[]>();
    for (const f of r.findings) {
      const key = `${f.rule}\u0000${f.severity}`;
      const list = kinds.get(key);
      if (list) list.push(f);
      else kinds.set(key, [f]);
    }
    for (const list of kinds.values()) {
      const first = list[0];
      const cells = list.slice(0, CELLS_LISTED).map((f) => f.cell);
      found.push([
        link(target(path, file), name),
        first.rule,
        first.article,
        T.severity[first.severity][lang],
        list.length,
        link(`[${target(path, file)}]${first.cell}`, first.cell),
        cells.join(', ') + (list.length > CELLS_LISTED ? ', …' : ''),
      ]);
    }
  }
  const width = (n: number, wide: Record<number, number>) =>
    Array.from({ length: n }, (_, i) => wide[i] ?? 12);
  return [
    { name: T.workbooks[lang], rows: books, widths: width(9, { 0: 28, 7: 66, 8: 48 }) },
    { name: T.findings[lang], rows: found, widths: width(7, { 0: 28, 1: 24, 6: 60 }) },
  ];
}

/** Writes the summary workbook to `path` (the engine's file writer: one clear error if it cannot). */
export async function writeSummary(
  path: string,
  items: readonly BatchItem[],
  lang: Lang,
): Promise<void> {
  const [{ writeZip }, { writeWorkbookFile }] = await Promise.all([
    import('../engine/zip'),
    import('../engine/files'),
  ]);
  await writeWorkbookFile(path, writeZip(summaryParts(summarySheets(path, items, lang))));
}
