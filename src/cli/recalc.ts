/**
 * `cm-appraisal recalc`: evaluate every formula (the CM functions included) and report the
 * values; with -o, write the workbook with fresh cached values and formulas in the form Excel
 * saves them (`_xldudf_CM_…`).
 */
import { saveWorkbook, type EngineValue, type FormulaCell, type Workbook } from '../engine';
import { policyVersionText, type Lang, type Policy } from '../rules';
import type { Parsed } from './command';
import { reportText } from './findings';
import { EXIT_OK, parseLang, Progress, stepLabel, type Io } from './io';
import { BUILT_IN, policyOption } from './policy-file';
import { checkOutput, fileName, openWorkbook } from './workbook';

/** A value in recalc's JSON: an Excel error becomes an object with a message. */
export type JsonValue =
  number | string | boolean | null | { readonly error: string; readonly message: string };

export interface RecalcJson {
  readonly workbook: string;
  readonly policy: string;
  readonly sheets: Record<string, Record<string, JsonValue>>;
}

// What an error means when the function gave no message (Excel's own errors).
const ERROR_MEANING: Readonly<Record<string, string>> = {
  '#VALUE!': 'A value has the wrong type.',
  '#NUM!': 'A number is outside its domain.',
  '#N/A': 'The value is not available.',
  '#DIV/0!': 'Division by zero.',
  '#REF!': 'A reference is not valid.',
  '#NAME?': 'The formula uses an unknown name or function.',
  '#NULL!': 'Two ranges do not intersect.',
  '#SPILL!': 'The result cannot spill into occupied cells.',
  '#CYCLE!': 'The formula refers to itself (a circular reference).',
};

export function jsonValue(v: EngineValue): JsonValue {
  if (v === null || typeof v !== 'object') return v;
  const message = v.message ?? ERROR_MEANING[v.error] ?? 'The formula gives an error.';
  return { error: v.error, message };
}

export function recalcJson(
  wb: Workbook,
  path: string,
  policy: Policy = BUILT_IN.policy,
): RecalcJson {
  const sheets: Record<string, Record<string, JsonValue>> = {};
  for (const name of wb.sheetNames()) sheets[name] = {};
  for (const cell of wb.formulaCells()) sheets[cell.sheet][cell.address] = jsonValue(cell.value);
  return { workbook: fileName(path), policy: policyVersionText(policy), sheets };
}

const SHOWN_PER_KIND = 3;

function summary(cells: readonly FormulaCell[], path: string, lang: Lang): string {
  const byKind = new Map<string, FormulaCell[]>();
  for (const c of cells) {
    const v = c.value;
    if (v === null || typeof v !== 'object') continue;
    const list = byKind.get(v.error) ?? [];
    list.push(c);
    byKind.set(v.error, list);
  }
  const errors = [...byKind.values()].reduce((n, l) => n + l.length, 0);
  const spilled = cells.filter((c) => c.spilledFrom !== undefined).length;
  const lines = [
    lang === 'zh'
      ? `${fileName(path)}：${cells.length} 个公式单元格（其中溢出 ${spilled} 个），${errors} 个错误值。`
      : `${fileName(path)}: ${cells.length} formula cells (${spilled} spilled), ${errors} with an error.`,
  ];
  for (const [kind, list] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${kind} × ${list.length}`);
    for (const c of list.slice(0, SHOWN_PER_KIND)) {
      lines.push(
        `    ${c.sheet}!${c.address}  ${(jsonValue(c.value) as { message: string }).message}`,
      );
    }
    if (list.length > SHOWN_PER_KIND) {
      lines.push(
        lang === 'zh'
          ? `    …另有 ${list.length - SHOWN_PER_KIND} 个`
          : `    … and ${list.length - SHOWN_PER_KIND} more`,
      );
    }
  }
  return reportText(lines);
}

/** Runs the command. */
export async function run(args: Parsed, io: Io): Promise<number> {
  const lang = parseLang(args.values.lang as string | undefined, io.env);
  const path = args.positionals[0];
  const out = args.values.out as string | undefined;
  await checkOutput(path, out, args.values['in-place'] === true);
  const { policy } = await policyOption(args, lang);
  const progress = new Progress(io, out !== undefined ? 3 : 2);
  let wb: Workbook;
  try {
    progress.next(stepLabel('loading', lang, fileName(path)));
    wb = await openWorkbook(path, policy);
    progress.next(stepLabel('evaluating', lang));
    wb.evaluate();
    if (out !== undefined) {
      progress.next(stepLabel('writing', lang, fileName(out)));
      await saveWorkbook(wb, out);
    }
    progress.done();
  } finally {
    progress.done();
  }
  if (args.values.json === true) io.out(`${JSON.stringify(recalcJson(wb, path, policy))}\n`);
  else io.out(summary(wb.formulaCells(), path, lang));
  return EXIT_OK;
}
