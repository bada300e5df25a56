/** ExcelJS workbook → the engine's plain model (values, formulas, tables, names). */
import type ExcelJS from 'exceljs';
import { parseRange } from './a1';
import { shiftFormula } from './dialect';
import { finishedSheet, setFormat } from './model';
import type {
  ArrayFormulaModel,
  DefinedName,
  EngineValue,
  SheetModel,
  TableModel,
  WorkbookModel,
} from './model';

// ExcelJS's ValueType enum, as numbers so this file needs ExcelJS only for types.
const MERGE = 1;
const FORMULA = 6;

const MS_PER_DAY = 86400000;
const EPOCH_1900 = 25569; // serial of 1970-01-01 in the 1900 date system
const OFFSET_1904 = 1462;

export function dateToSerial(d: Date, date1904: boolean): number {
  return d.getTime() / MS_PER_DAY + EPOCH_1900 - (date1904 ? OFFSET_1904 : 0);
}

/** A value as ExcelJS holds it → an engine value. */
export function plainValue(v: unknown, date1904: boolean): EngineValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
    case 'string':
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return dateToSerial(v, date1904);
  const o = v as { error?: unknown; richText?: { text: string }[]; text?: unknown };
  if (typeof o.error === 'string') return { error: o.error };
  if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
  if (o.text !== undefined) return plainValue(o.text, date1904);
  return null;
}

interface FormulaCellValue {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  ref?: string;
}

export function readSheet(ws: ExcelJS.Worksheet, date1904: boolean): SheetModel {
  const values: EngineValue[][] = [];
  const formulas: (string | null)[][] = [];
  const arrayFormulas: ArrayFormulaModel[] = [];
  const formats: (string | null)[][] = [];
  // One string per distinct format, shared by every cell that has it.
  const interned = new Map<string, string>();
  let rowCount = 0;
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    let vals: EngineValue[] | undefined;
    let forms: (string | null)[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const type = cell.type as unknown as number;
      if (type === MERGE) return;
      const c = colNumber - 1;
      let value: EngineValue;
      let formula: string | undefined;
      if (type === FORMULA) {
        const fv = cell.value as FormulaCellValue;
        // cell.result, not cell.value.result: ExcelJS's value copy drops a cached 0, false or ''.
        value = plainValue(cell.result, date1904);
        formula = fv.formula ? stripEquals(fv.formula) : sharedFormula(fv, formulas, r, c);
        if (fv.shareType === 'array' && fv.ref) arrayFormulas.push({ row: r, col: c, ref: fv.ref });
      } else {
        value = plainValue(cell.value, date1904);
        if (value === null) return;
      }
      vals ??= values[r] = [];
      while (vals.length < c) vals.push(null);
      vals[c] = value;
      if (formula !== undefined) {
        forms ??= formulas[r] = [];
        while (forms.length < c) forms.push(null);
        forms[c] = formula;
      }
      const numFmt = cell.numFmt as unknown;
      if (typeof numFmt === 'string' && numFmt !== '' && numFmt !== 'General') {
        let shared = interned.get(numFmt);
        if (shared === undefined) interned.set(numFmt, (shared = numFmt));
        setFormat(formats, r, c, shared);
      }
      if (c + 1 > colCount) colCount = c + 1;
      if (r + 1 > rowCount) rowCount = r + 1;
    });
  });
  return finishedSheet({
    name: ws.name,
    rowCount,
    colCount,
    values,
    formulas,
    arrayFormulas,
    formats,
  });
}

function stripEquals(f: string): string {
  return f.startsWith('=') ? f.slice(1) : f;
}

/** A shared-formula clone's own formula: the master's, with relative references moved. */
function sharedFormula(
  fv: FormulaCellValue,
  formulas: (string | null)[][],
  r: number,
  c: number,
): string | undefined {
  const master = fv.sharedFormula ? parseRange(fv.sharedFormula) : undefined;
  if (!master) return undefined;
  const text = formulas[master.top]?.[master.left];
  return text ? shiftFormula(text, r - master.top, c - master.left) : undefined;
}

interface ExcelTableModel {
  name: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
}

export function readTables(ws: ExcelJS.Worksheet, sheet: SheetModel): TableModel[] {
  const tables = ws.getTables() as unknown as { model: ExcelTableModel }[];
  return tables.map(({ model }) => {
    const ref = model.tableRef ?? model.ref ?? '';
    const columns = model.columns.map((c) => c.name);
    if (!model.headerRow && firstRowIsHeader(sheet, ref, columns)) {
      // Excel omits headerRowCount when it is 1 (the default) and ExcelJS reads the missing
      // attribute as "no header row"; put it right so the table is also saved right.
      model.headerRow = true;
    }
    return {
      name: model.name,
      sheet: ws.name,
      ref,
      headerRow: model.headerRow ?? true,
      totalsRow: model.totalsRow ?? false,
      columns,
    };
  });
}

function firstRowIsHeader(sheet: SheetModel, ref: string, columns: readonly string[]): boolean {
  const range = parseRange(ref);
  if (!range || columns.length === 0) return false;
  const row = sheet.values[range.top] ?? [];
  return columns.every((name, i) => {
    const v = row[range.left + i];
    return (
      v !== null && v !== undefined && String(v).trim().toLowerCase() === name.trim().toLowerCase()
    );
  });
}

export function readNames(wb: ExcelJS.Workbook): DefinedName[] {
  const model = wb.definedNames.model as unknown as { name: string; ranges: string[] }[];
  return model
    .filter((n) => !n.name.toLowerCase().startsWith('_xlnm.') && n.ranges.length > 0)
    .map((n) => ({ name: n.name, refersTo: n.ranges.join(',') }));
}

export function readWorkbookModel(wb: ExcelJS.Workbook): WorkbookModel {
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const sheets: SheetModel[] = [];
  const tables: TableModel[] = [];
  wb.eachSheet((ws) => {
    const sheet = readSheet(ws, date1904);
    sheets.push(sheet);
    tables.push(...readTables(ws, sheet));
  });
  return { sheets, tables, names: readNames(wb), date1904 };
}
