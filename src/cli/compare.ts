/**
 * `cm-appraisal audit book.xlsx --policy draft.json --compare [--base approved.json] [-o out.xlsx]`:
 * what-if. Every appraisal row is recomputed under the active policy (the built-in one, or
 * --base) and under the draft, and the people whose score, outcome or reserve deduction would
 * change are listed with before and after, after the policy's own changes. A trial, not an
 * audit: no report sheet, no log record. With -o the workbook is written with the what-if sheet.
 */
import { saveWorkbook } from '../engine';
import { changeLine, policyDiff } from '../policy/diff';
import { WHAT_IF_SHEET, whatIf, whatIfLines, whatIfSheetRows } from '../policy/what-if';
import type { Lang } from '../rules';
import { auditWorkbook } from '../sheets';
import type { Parsed } from './command';
import { CliError, EXIT_OK, Progress, stepLabel, type Io } from './io';
import { BUILT_IN, readPolicyFile } from './policy-file';
import { dataGrids, fileName, openWorkbook, rowCount } from './workbook';

export async function runCompare(args: Parsed, io: Io, lang: Lang): Promise<number> {
  const zh = lang === 'zh';
  const draftPath = args.values.policy;
  if (typeof draftPath !== 'string') {
    throw new CliError(
      zh
        ? '--compare 需要 --policy 草案.json（与现行办法比较的草案）。'
        : '--compare needs --policy draft.json (the draft to compare with the active policy).',
      'audit',
    );
  }
  const basePath = args.values.base;
  const base =
    typeof basePath === 'string'
      ? { policy: await readPolicyFile(basePath, lang), source: fileName(basePath) }
      : BUILT_IN;
  const draft = await readPolicyFile(draftPath, lang);
  const path = args.positionals[0];
  const out = args.values.out as string | undefined;
  const progress = new Progress(io, out !== undefined ? 4 : 3);
  let result: ReturnType<typeof whatIf>;
  try {
    progress.next(stepLabel('loading', lang, fileName(path)));
    // Inputs are read after evaluating under the active policy; the rules core then recomputes
    // every row under each policy from those same inputs.
    const wb = await openWorkbook(path, base.policy);
    progress.next(stepLabel('evaluating', lang));
    wb.evaluate();
    const grids = dataGrids(wb);
    progress.next(stepLabel('comparing', lang, rowCount(grids)));
    result = whatIf(
      auditWorkbook(grids, { policy: base.policy }),
      auditWorkbook(grids, { policy: draft }),
    );
    if (out !== undefined) {
      progress.next(stepLabel('writing', lang, fileName(out)));
      const existing = wb
        .sheetNames()
        .find((s) => Object.values(WHAT_IF_SHEET).some((n) => n.toLowerCase() === s.toLowerCase()));
      const sheet = existing ?? WHAT_IF_SHEET[lang];
      if (existing === undefined) await wb.addSheet(sheet);
      await wb.setRows(sheet, whatIfSheetRows(result, fileName(draftPath), lang));
      await saveWorkbook(wb, out);
    }
  } finally {
    progress.done();
  }
  const changes = policyDiff(base.policy, draft);
  if (args.values.json === true) {
    io.out(
      `${JSON.stringify({
        workbook: fileName(path),
        active: { source: base.source, ...result.before },
        draft: { source: fileName(draftPath), ...result.after },
        policyChanges: changes.map((c) => ({ path: c.path, line: changeLine(c, lang) })),
        rows: result.rows,
        changed: result.changed,
        output: out ?? null,
      })}\n`,
    );
    return EXIT_OK;
  }
  const lines = [
    zh
      ? `${fileName(path)}：按草案 ${fileName(draftPath)}，${result.rows} 人中有 ${result.changed.length} 人的得分、结果或风险金会改变（试算，未写稽核日志）。`
      : `${fileName(path)}: under the draft ${fileName(draftPath)}, ${result.changed.length} of ${result.rows} people would get a different score, outcome or reserve (a trial: no audit log record).`,
    `${zh ? '现行办法' : 'Active policy'} (${base.source === 'built-in' ? (zh ? '内置' : 'built-in') : base.source}): ${result.before.version}`,
    `${zh ? '草案' : 'Draft'}: ${result.after.version}`,
    zh ? `办法的修改（${changes.length} 处）：` : `What the draft changes (${changes.length}):`,
    ...changes.map((c) => `  ${changeLine(c, lang)}`),
    zh ? '受影响的人员：' : 'People affected:',
    ...whatIfLines(result, lang).map((l) => `  ${l}`),
  ];
  if (out !== undefined) {
    lines.push(
      zh
        ? `已写入 ${out}（工作表“${WHAT_IF_SHEET.zh}”）。`
        : `Written to ${out} (sheet "${WHAT_IF_SHEET.en}").`,
    );
  }
  io.out(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
