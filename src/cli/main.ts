/**
 * The `cm-appraisal` command line: recalc, validate, audit, template, functions.
 *
 * Exit codes: 0 done and nothing wrong; 1 the workbook has error-severity findings (validate,
 * audit); 2 the command could not run (a usage error, a file that cannot be read or written,
 * anything unexpected), reported as ONE line on stderr; `--debug` adds the stack trace.
 */
import { commandHelp, parseCommandArgs, type Command } from './command';
import { COMMANDS } from './commands';
import { basename } from 'path';
import type { Lang } from '../rules';
import { CliError, defaultLang, EXIT_FAILURE, EXIT_OK, processIo, type Io } from './io';

export { COMMANDS };

function version(): string {
  // The package's own manifest, two folders up from src/cli.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

export function mainHelp(io: Io, lang = defaultLang(io.env)): string {
  const zh = lang === 'zh';
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = [
    `${zh ? '用法' : 'Usage'}: cm-appraisal <command> [options]`,
    '',
    zh
      ? '客户经理考核：按《商业银行客户经理考核管理办法》重算、校验和稽核考核工作簿。'
      : "Customer-manager appraisal: recalculate, validate and audit appraisal workbooks under the bank's policy.",
    '',
    zh ? '命令：' : 'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.brief[lang]}`),
    '',
    zh
      ? '“cm-appraisal <命令> --help” 显示命令的选项。--version 显示版本。'
      : 'Run "cm-appraisal <command> --help" for its options; --version prints the version.',
    zh
      ? '退出码：0 完成且无错误；1 工作簿有错误级发现；2 无法运行（用法错误、无法读写文件）。'
      : 'Exit codes: 0 done, nothing wrong; 1 the workbook has error-severity findings;\n2 could not run (usage error, unreadable or unwritable file).',
  ];
  return `${lines.join('\n')}\n`;
}

/** Runs the command line; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  let command: Command | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.err(mainHelp(io));
      return EXIT_FAILURE;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.out(mainHelp(io));
      return EXIT_OK;
    }
    if (first === '--version' || first === '-v') {
      io.out(`${version()}\n`);
      return EXIT_OK;
    }
    command = COMMANDS.find((c) => c.name === first);
    if (command === undefined) {
      throw new CliError(
        first.startsWith('-')
          ? {
              en: `unknown option "${first}" (give a command first).`,
              zh: `未知选项“${first}”（请先给出命令）。`,
            }
          : { en: `unknown command "${first}".`, zh: `没有“${first}”这个命令。` },
        '',
      );
    }
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      const lang = args.values.lang;
      io.out(commandHelp(command, lang === 'zh' || lang === 'en' ? lang : defaultLang(io.env)));
      return EXIT_OK;
    }
    const { run } = await command.load();
    return await run(args, io);
  } catch (e) {
    const lang = argvLang(argv, io);
    // One line: the sentence, then where the usage is (a usage error only).
    const hint = e instanceof CliError && e.usageOf !== undefined ? usageHint(e.usageOf, lang) : '';
    io.err(`cm-appraisal: ${oneLine(describe(e, lang, argv[1]))}${hint}\n`);
    if (debug && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT_FAILURE;
  }
}

/** ` Run "cm-appraisal audit --help" for its usage.` in the run's language. */
function usageHint(command: string, lang: Lang): string {
  const help = `cm-appraisal ${command === '' ? '' : `${command} `}--help`;
  if (lang === 'zh')
    return command === '' ? `运行“${help}”查看所有命令。` : `运行“${help}”查看用法。`;
  return command === '' ? ` Run "${help}" for the commands.` : ` Run "${help}" for its usage.`;
}

/** The language of an error line: --lang when given and zh or en, else the locale's. */
function argvLang(argv: readonly string[], io: Io): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    const given = v?.toLowerCase();
    if (given?.startsWith('zh')) return 'zh';
    if (given?.startsWith('en')) return 'en';
    // `--lang fr` is itself the error: said in the locale's language.
  }
  return defaultLang(io.env);
}

/**
 * One sentence for the clerk: ours as written (in the chosen language); anything else without
 * its internal text (that is what --debug is for).
 */
function describe(e: unknown, lang: Lang, subject: string | undefined): string {
  // EngineFileError by name: importing the engine here would load ExcelJS for every command.
  if (e instanceof CliError || (e instanceof Error && e.name === 'EngineFileError')) {
    const zh = (e as { zh?: unknown }).zh;
    return lang === 'zh' && typeof zh === 'string' ? zh : e.message;
  }
  const code = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
  const file = subject !== undefined && !subject.startsWith('-') ? basename(subject) : undefined;
  if (
    code === 'ENOMEM' ||
    (e instanceof RangeError && /memory|allocation|Array buffer/i.test(e.message))
  ) {
    return lang === 'zh'
      ? `内存不足，无法处理${file ? ` ${file}` : '该工作簿'}；请关闭其他程序后重试，或拆分工作簿。`
      : `There is not enough memory to work on ${file ?? 'the workbook'}; close other programs and try again, or split the workbook.`;
  }
  return lang === 'zh'
    ? `处理${file ? ` ${file}` : ''}时发生意外问题，命令未完成${file ? '，未写入任何文件' : ''}；请加 --debug 重新运行并将输出发给技术支持。`
    : `An unexpected problem stopped the command${file ? ` while working on ${file}` : ''}; nothing was written. Run it again with --debug and send the output to support.`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
