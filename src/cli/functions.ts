/** `cm-appraisal functions`: the CM function reference, printed from the one function table. */
import { FUNCTION_TABLE, type FunctionSpec } from '../functions';
import type { Lang } from '../rules';
import type { Parsed } from './command';
import { EXIT_OK, parseLang, type Io } from './io';

export function functionReference(table: readonly FunctionSpec[], lang: Lang): string {
  const zh = lang === 'zh';
  const blocks = table.map((fn) => {
    const signature = fn.params
      .map((p) =>
        p.optional ? `[${p.name}${p.defaultText ? ` = ${p.defaultText}` : ''}]` : p.name,
      )
      .join(', ');
    const lines = [
      `CM.${fn.name}(${signature})${fn.article ? `  — ${fn.article}` : ''}`,
      `  ${fn.help[lang]}`,
    ];
    for (const p of fn.params) {
      const tags: string[] = [];
      if (p.kind === 'range') tags.push(zh ? '一行或一列' : 'a row or column');
      if (p.optional) {
        tags.push(zh ? '可选' : 'optional');
        if (p.defaultText) tags.push(`${zh ? '默认' : 'default'} ${p.defaultText}`);
      }
      const tag = tags.length > 0 ? ` (${tags.join(zh ? '，' : ', ')})` : '';
      lines.push(`    ${p.name}${tag}: ${p.help[lang]}`);
    }
    lines.push(`  ${zh ? '返回' : 'Returns'}: ${fn.result.help[lang]}`);
    lines.push(`  ${zh ? '示例' : 'Example'}: ${fn.example.formula} → ${fn.example.result}`);
    return lines.join('\n');
  });
  const head = zh
    ? `${table.length} 个 CM 函数（在单元格中输入 =CM.名称(…)）：`
    : `${table.length} CM functions (type =CM.NAME(…) in a cell):`;
  return `${head}\n\n${blocks.join('\n\n')}\n`;
}

/** Runs the command. */
export async function run(args: Parsed, io: Io): Promise<number> {
  const lang = parseLang(args.values.lang as string | undefined, io.env);
  io.out(functionReference(FUNCTION_TABLE, lang));
  return EXIT_OK;
}
