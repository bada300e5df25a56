/**
 * Opening a workbook for a command, and the grids validation and audit read from it: each Excel
 * Table on its own, and the used range of every other sheet that holds something. The sheets
 * this command writes (the audit report and the audit log) are never read as data.
 */
import { basename } from 'path';
import { functionSetFor, loadWorkbook, type Workbook } from '../engine';
import type { Policy } from '../rules';
import type { Grid } from '../sheets';
import { CliError } from './io';
import { LOG_SHEET, REPORT_SHEET } from './sheet-names';

export { LOG_SHEET, REPORT_SHEET };

const OWN_SHEETS: ReadonlySet<string> = new Set(
  [...Object.values(REPORT_SHEET), ...Object.values(LOG_SHEET)].map((s) => s.toLowerCase()),
);

export function isOwnSheet(name: string): boolean {
  return OWN_SHEETS.has(name.toLowerCase());
}

/** Loads a workbook from a path (EngineFileError, one sentence, when it cannot). */
export async function openWorkbook(path: string, policy?: Policy): Promise<Workbook> {
  return loadWorkbook(path, policy ? { functions: functionSetFor(policy) } : {});
}

/**
 * Refuses `-o` naming the input file itself (the same path or a link to it) unless `--in-place`
 * is given: a run that fails or is killed must never cost the user the input. With
 * `--in-place` the input is replaced atomically like any output.
 */
export async function checkOutput(
  input: string,
  out: string | undefined,
  inPlace: boolean,
): Promise<void> {
  if (out === undefined) {
    if (inPlace) {
      throw new CliError(
        '--in-place needs -o naming the input file.',
        undefined,
        '--in-place 需要与指向输入文件的 -o 一起使用。',
      );
    }
    return;
  }
  const { sameFile } = await import('../engine/files');
  if (!inPlace && (await sameFile(input, out))) {
    throw new CliError(
      `-o ${out} is the input file itself; give another output file, or add --in-place to replace the input.`,
      undefined,
      `-o ${out} 就是输入文件本身；请指定另一个输出文件，或加 --in-place 以替换输入文件。`,
    );
  }
}

export function fileName(path: string): string {
  return basename(path);
}

/** The grids of a workbook's data: its Tables, and the used range of sheets without one. */
export function dataGrids(wb: Workbook): Grid[] {
  const grids: Grid[] = [];
  for (const sheet of wb.sheetNames()) {
    if (isOwnSheet(sheet)) continue;
    const tables = wb.model.tables.filter((t) => t.sheet.toLowerCase() === sheet.toLowerCase());
    if (tables.length > 0) {
      for (const t of tables) grids.push(wb.tableGrid(t.name));
      continue;
    }
    const grid = wb.grid(sheet);
    if (grid.values.length > 0) grids.push(grid);
  }
  return grids;
}

/** How many data rows the grids hold at most (for progress labels). */
export function rowCount(grids: readonly Grid[]): number {
  let n = 0;
  for (const g of grids) n += Math.max(0, g.values.length - 1);
  return n;
}
