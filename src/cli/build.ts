/**
 * Building appraisal workbooks (the `template` command and scripts/make-sample.ts): sheets
 * holding one Excel Table each, headers from SHEETS.md, number formats by column kind, a role
 * drop-down, and the CM formulas in the computed columns, saved in Excel's saved form
 * (`_xldudf_CM_…`) with cached values computed by the engine, so the file opens with values in
 * LibreOffice and in Excel without the add-in too.
 */
import ExcelJS from 'exceljs';
import { loadWorkbook, toSavedFormula, type Workbook } from '../engine';
import { ROLE_SPELLINGS, ROLES, type Lang, type Role } from '../rules';
import { columnLabel, columnLetters, HEADERS, type ColumnKey } from '../sheets';

/** How a column's numbers are shown. */
export type Format = 'percent' | 'yuan' | 'count' | 'score' | 'text';

export interface ColumnDef {
  /** A SHEETS.md column, or a helper column of the workbook's own (`bad_loans`). */
  readonly key: ColumnKey | string;
  readonly header: string;
  readonly format?: Format;
  readonly width?: number;
}

/**
 * A cell: a constant, or a formula as typed where `{key}` stands for this row's cell of that
 * column (`=CM.RISK_RESERVE({role},{monthly_income},{reserve_balance})`).
 */
export type Cell = string | number | boolean | null;

export interface TableDef {
  readonly sheet: string;
  readonly name: string;
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  /** The column that gets the role drop-down. */
  readonly roleColumn?: string;
}

export interface BuildOptions {
  readonly lang: Lang;
  /** Workbook creation time (fixed for reproducible files). */
  readonly created?: Date;
  /** How many rows below the header get the role drop-down (new rows included). */
  readonly validationRows?: number;
}

const NUMBER_FORMATS: Readonly<Record<Format, string | undefined>> = {
  percent: '0.00%',
  yuan: '"¥"#,##0.00',
  count: '0',
  score: '0.00',
  text: undefined,
};

/** The column definition of a SHEETS.md column, header in `lang` (its first spelling). */
export function column(key: ColumnKey, lang: Lang, format?: Format, width?: number): ColumnDef {
  const header = HEADERS[key][lang][0] ?? columnLabel(key, lang);
  return {
    key,
    header,
    ...(format !== undefined ? { format } : {}),
    ...(width !== undefined ? { width } : {}),
  };
}

/** The accepted role names a drop-down offers: the language's own spelling first (POLICY §0). */
export function roleChoices(lang: Lang): string[] {
  const zh = ROLES.map((r) => ROLE_SPELLINGS[r][0]);
  return lang === 'zh' ? [...zh, ...ROLES] : [...ROLES, ...zh];
}

/** A role as the template writes it in `lang`. */
export function roleText(role: Role, lang: Lang): string {
  return lang === 'zh' ? ROLE_SPELLINGS[role][0] : role;
}

/** Replace `{key}` by this row's cell address of that column. */
function expand(formula: string, address: (key: string) => string): string {
  return formula.replace(/\{([a-z_]+)\}/g, (_, key: string) => address(key));
}

function addTable(excel: ExcelJS.Workbook, def: TableDef): void {
  const ws = excel.addWorksheet(def.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const colOf = new Map(def.columns.map((c, i) => [c.key, i]));
  const rows = def.rows.map((row, i) => {
    const sheetRow = i + 2;
    const address = (key: string) => {
      const c = colOf.get(key);
      if (c === undefined) throw new Error(`Table ${def.name} has no column ${key}.`);
      return `${columnLetters(c)}${sheetRow}`;
    };
    return def.columns.map((c) => {
      const v = row[c.key] ?? null;
      if (typeof v === 'string' && v.startsWith('=')) {
        return { formula: toSavedFormula(expand(v, address)) } as unknown as ExcelJS.CellValue;
      }
      return v;
    });
  });
  ws.addTable({
    name: def.name,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: def.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows,
  });
  def.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.max(10, Math.min(24, c.header.length * 2 + 4));
    const fmt = c.format !== undefined ? NUMBER_FORMATS[c.format] : undefined;
    if (fmt !== undefined) {
      for (let r = 2; r <= def.rows.length + 1; r++) ws.getCell(r, i + 1).numFmt = fmt;
    }
  });
}

/**
 * The role drop-down, put on the sheet after the engine has read the file: ExcelJS reads a range
 * validation as one entry per cell and writes those back as overlapping ranges, so it is added
 * only to the workbook that is saved.
 */
function addRoleDropDown(excel: ExcelJS.Workbook, def: TableDef, options: BuildOptions): void {
  const ws = excel.getWorksheet(def.sheet);
  const roleCol = def.columns.findIndex((c) => c.key === def.roleColumn);
  if (ws === undefined || roleCol < 0) return;
  const letters = columnLetters(roleCol);
  const last = Math.max(def.rows.length + 1, options.validationRows ?? 500);
  const zh = options.lang === 'zh';
  // A warning, not a stop: the other accepted spellings (行长, 初级, …) may still be typed.
  // ExcelJS keeps a range-keyed validation as one sqref; its typings omit `dataValidations`.
  const validations = (
    ws as unknown as {
      dataValidations: { add(address: string, v: ExcelJS.DataValidation): void };
    }
  ).dataValidations;
  validations.add(`${letters}2:${letters}${last}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${roleChoices(options.lang).join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: zh ? '考核对象' : 'Role',
    error: zh
      ? '不是可接受的考核对象（§0）：支行行长、高级客户经理、中级客户经理、初级客户经理、业务代办员或其英文代码。'
      : 'Not an accepted role (POLICY §0): BRANCH_HEAD, SENIOR, MID, JUNIOR, AGENT or their Chinese names.',
  } as ExcelJS.DataValidation);
}

/**
 * Builds the workbook, then evaluates it with the engine so every formula has its cached value.
 * Returns the evaluated workbook (save it with saveWorkbook or toBuffer).
 */
export async function buildWorkbook(
  tables: readonly TableDef[],
  options: BuildOptions,
): Promise<Workbook> {
  const excel = new ExcelJS.Workbook();
  excel.creator = 'cm-appraisal';
  excel.lastModifiedBy = 'cm-appraisal';
  const created = options.created ?? new Date();
  excel.created = created;
  excel.modified = created;
  for (const t of tables) addTable(excel, t);
  const bytes = new Uint8Array((await excel.xlsx.writeBuffer()) as ArrayBuffer);
  const wb = await loadWorkbook(bytes);
  const saved = await wb.excelWorkbook();
  for (const t of tables) if (t.roleColumn !== undefined) addRoleDropDown(saved, t, options);
  wb.evaluate();
  return wb;
}
