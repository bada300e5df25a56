/** `cm-appraisal template`: a new appraisal workbook, ready to fill in. */
import { saveWorkbook } from '../engine';
import type { Parsed } from './command';
import { templateTables } from './appraisal-tables';
import { buildWorkbook } from './build';
import { EXIT_OK, parseLang, type Io } from './io';

/** Runs the command. */
export async function run(args: Parsed, io: Io): Promise<number> {
  const lang = parseLang(args.values.lang as string | undefined, io.env);
  const out =
    (args.values.out as string | undefined) ??
    (lang === 'zh' ? '考核模板.xlsx' : 'appraisal-template.xlsx');
  const wb = await buildWorkbook(templateTables(lang), { lang });
  await saveWorkbook(wb, out);
  io.out(lang === 'zh' ? `已写入 ${out}。\n` : `Wrote ${out}.\n`);
  return EXIT_OK;
}
