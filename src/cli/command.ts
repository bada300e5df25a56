/**
 * How a command is declared (its options once, as data) and how its arguments are read with
 * Node's util.parseArgs: strict, so an unknown option or a missing value is a usage error.
 */
import { parseArgs } from 'util';
import type { Lang, Text } from '../rules';
import { CliError, type Io } from './io';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in help (`file.xlsx`). */
  readonly value?: string;
  readonly help: Text;
}

export interface Parsed {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

export interface Command {
  readonly name: string;
  /** `<in.xlsx> [-o out.xlsx] [--json]` */
  readonly usage: string;
  /** One line for the list of commands. */
  readonly brief: Text;
  readonly summary: Text;
  /** More lines of help after the options (exit codes, what is written). */
  readonly details?: Text;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** How many positional arguments it takes. */
  readonly positionals: { readonly min: number; readonly max: number; readonly name: string };
  /** The command's code, loaded when it runs. */
  load(): Promise<{ run(args: Parsed, io: Io): Promise<number> }>;
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', help: { en: 'Show this help.', zh: '显示本帮助。' } },
  debug: {
    type: 'boolean',
    help: {
      en: 'Print the stack trace of an unexpected error.',
      zh: '出现意外错误时打印调用栈。',
    },
  },
};

export const LANG_OPTION: OptionSpec = {
  type: 'string',
  value: 'zh|en',
  help: {
    en: 'Language of messages (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en).',
    zh: '消息语言（默认：LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头时为中文，否则为英文）。',
  },
};

export const JSON_OPTION: OptionSpec = {
  type: 'boolean',
  help: {
    en: 'Print one JSON object on stdout instead of the summary.',
    zh: '在标准输出打印一个 JSON 对象，代替摘要。',
  },
};

export const OUT_OPTION: OptionSpec = {
  type: 'string',
  short: 'o',
  value: 'out.xlsx',
  help: { en: 'Write the resulting workbook to this file.', zh: '将结果工作簿写入此文件。' },
};

export const IN_PLACE_OPTION: OptionSpec = {
  type: 'boolean',
  help: {
    en: 'Allow -o to name the input file itself (it is then replaced atomically).',
    zh: '允许 -o 指向输入文件本身（以原子方式替换）。',
  },
};

export function parseCommandArgs(command: Command, argv: readonly string[]): Parsed {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, o] of Object.entries({ ...COMMON_OPTIONS, ...command.options })) {
    options[name] = o.short !== undefined ? { type: o.type, short: o.short } : { type: o.type };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs's messages are one sentence already ("Unknown option '--x'. ...").
    throw new CliError(firstSentence((e as Error).message), command.name);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const positionals = parsed.positionals;
  if (values.help === true) return { positionals, values };
  const { min, max, name } = command.positionals;
  if (positionals.length < min) {
    throw new CliError(`${command.name} needs ${name}.`, command.name);
  }
  if (positionals.length > max) {
    throw new CliError(
      `${command.name} takes ${max === 0 ? 'no arguments' : `only ${name}`}; unexpected "${positionals[max]}".`,
      command.name,
    );
  }
  return { positionals, values };
}

function firstSentence(message: string): string {
  const line = message.split('\n')[0].trim();
  const cut = line.indexOf('. ');
  return cut > 0 ? line.slice(0, cut + 1) : line;
}

/** `cm-appraisal <command> --help`. */
export function commandHelp(command: Command, lang: Lang): string {
  const lines = [
    `${lang === 'zh' ? '用法' : 'Usage'}: cm-appraisal ${command.name} ${command.usage}`.trimEnd(),
    '',
    command.summary[lang],
    '',
    lang === 'zh' ? '选项：' : 'Options:',
  ];
  const all = { ...command.options, ...COMMON_OPTIONS };
  const left = Object.entries(all).map(([name, o]) => {
    const flag = `${o.short !== undefined ? `-${o.short}, ` : '    '}--${name}`;
    return o.value !== undefined ? `${flag} <${o.value}>` : flag;
  });
  const width = Math.max(...left.map((s) => s.length)) + 2;
  Object.values(all).forEach((o, i) => lines.push(`  ${left[i].padEnd(width)}${o.help[lang]}`));
  if (command.details !== undefined) lines.push('', command.details[lang]);
  return `${lines.join('\n')}\n`;
}
