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
  readonly positionals: { readonly min: number; readonly max: number; readonly name: Text };
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

/** The options as util.parseArgs takes them. */
type ParseOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export function parseCommandArgs(command: Command, argv: readonly string[]): Parsed {
  const specs: Readonly<Record<string, OptionSpec>> = { ...COMMON_OPTIONS, ...command.options };
  const options: ParseOptions = {};
  for (const [name, o] of Object.entries(specs)) {
    options[name] = o.short !== undefined ? { type: o.type, short: o.short } : { type: o.type };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch {
    // parseArgs's own message is English and names Node's terms: say it in the clerk's words.
    throw new CliError(optionProblem(command, specs, options, argv), command.name);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const positionals = parsed.positionals;
  if (values.help === true) return { positionals, values };
  // `--key=` or `-o ''`: a value that names nothing is a missing one.
  for (const [name, value] of Object.entries(values)) {
    if (value !== '') continue;
    const what = specs[name]?.value;
    throw new CliError(
      {
        en: `--${name} needs a value${what !== undefined ? ` (${what})` : ''}, not an empty one.`,
        zh: `选项 --${name} 的取值不能为空${what !== undefined ? `（${what}）` : ''}。`,
      },
      command.name,
    );
  }
  const { min, max, name } = command.positionals;
  if (positionals.length < min) {
    throw new CliError(
      { en: `${command.name} needs ${name.en}.`, zh: `${command.name} 命令需要${name.zh}。` },
      command.name,
    );
  }
  if (positionals.length > max) {
    const extra = positionals[max];
    throw new CliError(
      {
        en: `${command.name} takes ${max === 0 ? 'no arguments' : `only ${name.en}`}; unexpected "${extra}".`,
        zh: `${command.name} 命令${max === 0 ? '不带参数' : `只接受${name.zh}`}，多出了“${extra}”。`,
      },
      command.name,
    );
  }
  return { positionals, values };
}

/**
 * What is wrong with the options strict parsing refused, read from the tokens of a lenient
 * parse: an unknown option, a value missing (or another option where the value should be), or
 * a value given to a switch.
 */
function optionProblem(
  command: Command,
  specs: Readonly<Record<string, OptionSpec>>,
  options: ParseOptions,
  argv: readonly string[],
): Text {
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = Object.prototype.hasOwnProperty.call(specs, t.name) ? specs[t.name] : undefined;
    const raw = t.rawName;
    if (spec === undefined) {
      return {
        en: `Unknown option '${raw}'.`,
        zh: `${command.name} 命令没有选项“${raw}”。`,
      };
    }
    const what = spec.value !== undefined ? ` (${spec.value})` : '';
    const whatZh = spec.value !== undefined ? `（${spec.value}）` : '';
    if (spec.type === 'string' && t.value === undefined) {
      return { en: `${raw} needs a value${what}.`, zh: `选项 ${raw} 缺少取值${whatZh}。` };
    }
    if (spec.type === 'string' && t.inlineValue === false && t.value?.startsWith('-')) {
      return {
        en: `${raw} needs a value${what}, not the option "${t.value}" (write --${t.name}=${t.value} if that is the value).`,
        zh: `选项 ${raw} 缺少取值${whatZh}：其后的“${t.value}”是另一个选项（如确为取值，请写作 --${t.name}=${t.value}）。`,
      };
    }
    if (spec.type === 'boolean' && t.value !== undefined) {
      return { en: `${raw} takes no value.`, zh: `选项 ${raw} 不带取值。` };
    }
  }
  return {
    en: `the options given to ${command.name} cannot be read.`,
    zh: `无法识别给 ${command.name} 命令的选项。`,
  };
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
