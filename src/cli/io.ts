/**
 * What every command shares: the exit codes, the errors that end a run with one readable line,
 * the display language, and a progress line on stderr for interactive terminals only.
 */
import type { Lang, Text } from '../rules';

/** 0: done, nothing wrong; 1: the workbook has error-severity findings; 2: could not run. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/**
 * A run that cannot go on: its message is printed as one line, then the process exits 2. Give
 * the sentence in both languages (a Text): the line is printed in the run's language, which is
 * known even when the error comes before `--lang` is read (main.ts reads it from argv).
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  /** The same sentence in Chinese (printed with --lang zh); English when not given. */
  readonly zh: string;
  constructor(
    message: string | Text,
    /** Point to `cm-appraisal <command> --help` after the message ('' for the command list). */
    readonly usageOf?: string,
    zh?: string,
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.zh = typeof message === 'string' ? (zh ?? message) : message.zh;
  }
}

/** Where a command writes and what it knows of its environment (tests replace it). */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stderr is an interactive terminal (the progress line is shown only then). */
  readonly errIsTty: boolean;
}

export function processIo(): Io {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    errIsTty: Boolean(process.stderr.isTTY),
  };
}

/**
 * The language of messages when `--lang` is not given: Chinese when the locale names it, by
 * POSIX precedence LC_ALL, then LC_MESSAGES, then LANG (`zh_CN.UTF-8` → zh); else English.
 */
export function defaultLang(env: Io['env']): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function parseLang(value: string | undefined, env: Io['env']): Lang {
  if (value === undefined) return defaultLang(env);
  const v = value.toLowerCase();
  if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_')) return 'zh';
  if (v === 'en' || v.startsWith('en-') || v.startsWith('en_')) return 'en';
  throw new CliError({
    en: `--lang must be zh or en, not "${value}".`,
    zh: `--lang 只能是 zh 或 en，而不是“${value}”。`,
  });
}

export function say(text: Text, lang: Lang): string {
  return text[lang];
}

const STEPS = {
  loading: { en: (x: string) => `loading ${x}`, zh: (x: string) => `正在读取 ${x}` },
  evaluating: { en: () => 'evaluating', zh: () => '正在计算' },
  validating: { en: (n: string) => `validating ${n} rows`, zh: (n: string) => `正在校验 ${n} 行` },
  auditing: { en: (n: string) => `auditing ${n} rows`, zh: (n: string) => `正在稽核 ${n} 行` },
  comparing: { en: (n: string) => `comparing ${n} rows`, zh: (n: string) => `正在比较 ${n} 行` },
  writing: { en: (x: string) => `writing ${x}`, zh: (x: string) => `正在写入 ${x}` },
} as const;

/** A step of the progress line in the run's language (`正在读取 a.xlsx`). */
export function stepLabel(
  step: keyof typeof STEPS,
  lang: Lang,
  detail: string | number = '',
): string {
  return STEPS[step][lang](String(detail));
}

/** A one-line progress bar on stderr, redrawn in place; silent unless stderr is a TTY. */
export class Progress {
  private step = 0;
  private shown = false;
  constructor(
    private readonly io: Io,
    private readonly total: number,
  ) {}

  /** Moves to the next step and names it (`evaluating 41 rows`). */
  next(label: string): void {
    this.step = Math.min(this.step + 1, this.total);
    if (!this.io.errIsTty) return;
    const width = 20;
    const filled = Math.round((width * (this.step - 1)) / this.total);
    const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
    this.io.err(`\r\x1b[2K[${bar}] ${this.step}/${this.total} ${label}`);
    this.shown = true;
  }

  /** Clears the line so the command's own output starts clean. */
  done(): void {
    if (this.shown) this.io.err('\r\x1b[2K');
    this.shown = false;
  }
}
