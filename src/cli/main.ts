/**
 * The `cm-appraisal` command line: recalc, validate, audit, template, functions.
 *
 * Exit codes: 0 done and nothing wrong; 1 the workbook has error-severity findings (validate,
 * audit); 2 the command could not run (a usage error, a file that cannot be read or written,
 * anything unexpected), reported as ONE line on stderr; `--debug` adds the stack trace.
 */
import { commandHelp, parseCommandArgs, type Command } from './command';
import { COMMANDS } from './commands';
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
          ? `unknown option "${first}" (give a command first).`
          : `unknown command "${first}".`,
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
    io.err(`cm-appraisal: ${oneLine(describe(e))}\n`);
    if (e instanceof CliError && e.usageOf !== undefined) {
      io.err(
        e.usageOf === ''
          ? 'Run "cm-appraisal --help" for the commands.\n'
          : `Run "cm-appraisal ${e.usageOf} --help" for its usage.\n`,
      );
    }
    if (debug && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return EXIT_FAILURE;
  }
}

function describe(e: unknown): string {
  // EngineFileError by name: importing the engine here would load ExcelJS for every command.
  if (e instanceof CliError || (e instanceof Error && e.name === 'EngineFileError')) {
    return e.message;
  }
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return `unexpected error${code ? ` (${code})` : ''}: ${e.message} (run with --debug for details)`;
  }
  return `unexpected error: ${String(e)}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
