/**
 * Opening a workbook for a command, and the grids validation and audit read from it: each Excel
 * Table on its own, and the used range of every other sheet that holds something. The sheets
 * the audit writes (its report and its log) are never read as data; they are known by their
 * marker (sheets/own-sheets.ts), not by their name, so a user's sheet that happens to share a
 * name is data like any other.
 */
import { basename } from 'path';
import { functionSetFor, isErrorValue, loadWorkbook, type Workbook } from '../engine';
import type { Policy } from '../rules';
import {
  findOwnSheets,
  MARKER_COLS,
  MARKER_ROWS,
  type CellValue,
  type Grid,
  type OwnSheets,
} from '../sheets';
import { CliError } from './io';
import { LOG_SHEET, REPORT_SHEET } from './sheet-names';

export { LOG_SHEET, REPORT_SHEET };

/** A sheet's rows from A1 (errors as their text), `rows` × `cols` at most, or all of them. */
export function sheetRows(wb: Workbook, sheet: string, rows = Infinity, cols = Infinity) {
  const values = wb.values(sheet);
  const out: CellValue[][] = [];
  const height = Math.min(values.length, rows);
  for (let r = 0; r < height; r++) {
    const row = values[r] ?? [];
    const width = Math.min(row.length, cols);
    const line: CellValue[] = [];
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      line.push(isErrorValue(v) ? v.error : v);
    }
    out.push(line);
  }
  return out;
}

/** The audit's report and log sheets of a workbook, by marker. */
export function ownSheets(wb: Workbook): OwnSheets {
  return findOwnSheets(
    wb.sheetNames().map((sheet) => ({
      sheet,
      corner: sheetRows(wb, sheet, MARKER_ROWS, MARKER_COLS),
    })),
  );
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
export function dataGrids(wb: Workbook, own: OwnSheets = ownSheets(wb)): Grid[] {
  const skip = new Set([...own.reports, ...own.logs]);
  const grids: Grid[] = [];
  for (const sheet of wb.sheetNames()) {
    if (skip.has(sheet)) continue;
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
