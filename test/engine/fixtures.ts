/** Builds real .xlsx files with ExcelJS for the engine's tests. */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export const tempDir = () => mkdtempSync(join(tmpdir(), 'cm-engine-'));

export async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function xlsxFile(dir: string, name: string, build: (wb: ExcelJS.Workbook) => void) {
  const path = join(dir, name);
  writeFileSync(path, await xlsxBytes(build));
  return path;
}

export async function readBack(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

export const f = (formula: string, result?: unknown) =>
  ({ formula, result }) as unknown as ExcelJS.CellValue;
