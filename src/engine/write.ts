/**
 * Fresh cached values into the ExcelJS workbook, so Excel and LibreOffice show them on open.
 * Formulas stay as saved (CM calls in the saved form `_xldudf_CM_NAME(`); only results change.
 *
 * Spills: ExcelJS cannot write the dynamic-array flag (cell metadata), so a spilling formula is
 * written as an array formula over its spill range (`<f t="array" ref="H2:H41">`) with each
 * spilled cell's value cached. Excel opens it as a legacy array formula `{=...}` with the same
 * values, LibreOffice as an array formula; both recalculate it.
 */
import type ExcelJS from 'exceljs';
import { formatRange, parseRange, type RangePos } from './a1';
import { toSavedFormula } from './dialect';
import type { EngineValue, SheetModel } from './model';

export type ExcelResult = number | string | boolean | { error: string } | undefined;

export function excelResult(v: EngineValue): ExcelResult {
  if (v === null) return undefined;
  if (typeof v === 'object') return { error: v.error };
  return v;
}

interface FormulaCellValue {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  ref?: string;
}

export interface SheetResults {
  readonly sheet: SheetModel;
  readonly values: EngineValue[][];
  /** Spill range of the formula at (row, col), when it spills. */
  spill(row: number, col: number): RangePos | undefined;
}

export function writeSheetResults(ws: ExcelJS.Worksheet, res: SheetResults): void {
  const { sheet, values } = res;
  const oldArrays = new Map(sheet.arrayFormulas.map((a) => [`${a.row},${a.col}`, a.ref]));
  for (let r = 0; r < sheet.rowCount; r++) {
    const forms = sheet.formulas[r];
    if (!forms) continue;
    for (let c = 0; c < forms.length; c++) {
      const f = forms[c];
      if (f == null) continue;
      const cell = ws.getCell(r + 1, c + 1);
      const result = excelResult(values[r]?.[c] ?? null);
      const old = (cell.type as unknown as number) === 6 ? (cell.value as FormulaCellValue) : {};
      const spill = res.spill(r, c);
      const oldRef = oldArrays.get(`${r},${c}`);
      if (oldRef) clearRange(ws, parseRange(oldRef), r, c);
      if (spill) {
        cell.value = {
          formula: toSavedFormula(f),
          result,
          shareType: 'array',
          ref: formatRange(spill),
        } as unknown as ExcelJS.CellValue;
        writeSpilledValues(ws, spill, values);
      } else if (old.sharedFormula && !old.formula) {
        cell.value = { sharedFormula: old.sharedFormula, result } as unknown as ExcelJS.CellValue;
      } else if (old.shareType === 'shared') {
        cell.value = {
          formula: toSavedFormula(f),
          result,
          shareType: 'shared',
          ref: old.ref,
        } as unknown as ExcelJS.CellValue;
      } else {
        cell.value = { formula: toSavedFormula(f), result } as unknown as ExcelJS.CellValue;
      }
    }
  }
}

/** Empties the cells an old array formula covered (its new spill rewrites what it needs). */
function clearRange(
  ws: ExcelJS.Worksheet,
  r: RangePos | undefined,
  row: number,
  col: number,
): void {
  if (!r) return;
  for (let y = r.top; y <= r.bottom; y++) {
    for (let x = r.left; x <= r.right; x++) {
      if (y !== row || x !== col) ws.getCell(y + 1, x + 1).value = null;
    }
  }
}

function writeSpilledValues(ws: ExcelJS.Worksheet, spill: RangePos, values: EngineValue[][]): void {
  for (let y = spill.top; y <= spill.bottom; y++) {
    for (let x = spill.left; x <= spill.right; x++) {
      if (y === spill.top && x === spill.left) continue;
      const v = values[y]?.[x] ?? null;
      ws.getCell(y + 1, x + 1).value = (
        v !== null && typeof v === 'object' ? { error: v.error } : v
      ) as ExcelJS.CellValue;
    }
  }
}
