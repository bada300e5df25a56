/** Findings as the command line prints them: one line each, or JSON objects. */
import type { Lang } from '../rules';
import type { Finding } from '../sheets';

export interface FindingJson {
  readonly severity: Finding['severity'];
  /** `sheet!A1` */
  readonly cell: string;
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly column: string | null;
  readonly rule: string;
  readonly article: string;
  /** In the language chosen with --lang. */
  readonly message: string;
}

export function findingJson(f: Finding, lang: Lang): FindingJson {
  return {
    severity: f.severity,
    cell: cellRef(f.sheet, f.address),
    sheet: f.sheet,
    address: f.address,
    row: f.row,
    column: f.column,
    rule: f.rule,
    article: f.article,
    message: f.message[lang],
  };
}

/** `Sheet!A1`, the sheet quoted as Excel quotes it when it needs to be. */
export function cellRef(sheet: string, address: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

const SEVERITY: Readonly<Record<Finding['severity'], Readonly<Record<Lang, string>>>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
};

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides: what could
// forge a line, move the cursor or reorder text on a terminal.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from a workbook made safe to print on a terminal: a line break, ESC, BEL or a bidi
 * override becomes a visible escape (`\n`, `\u001b`), so a cell can neither forge a line of the
 * report nor send control sequences.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    UNSAFE,
    (ch) => NAMED_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Lines of a text report, each made terminal-safe, joined (one line stays one line). */
export function reportText(lines: readonly string[]): string {
  return `${lines.map(terminalSafe).join('\n')}\n`;
}

/** One line per finding, aligned: `error    考核表!H12  rate.percent-typed  Art. 13  …`. */
export function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  const refs = findings.map((f) => cellRef(f.sheet, f.address));
  const sev = findings.map((f) => SEVERITY[f.severity][lang]);
  const w = (xs: readonly string[]) => Math.max(0, ...xs.map(displayWidth));
  const wSev = w(sev);
  const wRef = w(refs);
  const wRule = w(findings.map((f) => f.rule));
  const wArt = w(findings.map((f) => f.article));
  return findings.map(
    (f, i) =>
      `  ${pad(sev[i], wSev)}  ${pad(refs[i], wRef)}  ${pad(f.rule, wRule)}  ${pad(f.article, wArt)}  ${f.message[lang]}`,
  );
}

export function countsLine(
  counts: { readonly errors: number; readonly warnings: number },
  lang: Lang,
): string {
  return lang === 'zh'
    ? `${counts.errors} 个错误，${counts.warnings} 个警告`
    : `${counts.errors} ${counts.errors === 1 ? 'error' : 'errors'}, ${counts.warnings} ${counts.warnings === 1 ? 'warning' : 'warnings'}`;
}

// CJK characters take two terminal columns; padding counts them so columns line up.
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return n;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
