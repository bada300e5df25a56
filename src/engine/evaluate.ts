/** The model → a HyperFormula instance with the CM functions, and its values back. */
import {
  DetailedCellError,
  HyperFormula,
  type CellValue,
  type ConfigParams,
  type RawCellContent,
} from 'hyperformula';
import { MAX_COLUMNS, MAX_ROWS, parseRange, type RangePos } from './a1';
import { cmPluginFor, registeredName } from './cm-plugin';
import { indexNames, toHyperFormula, type TranslateContext } from './dialect';
import { EXCEL_PLUGIN_FUNCTIONS, excelFunctionsPlugin } from './excel-plugin';
import type { FunctionSet } from './function-table';
import type { EngineValue, ErrorValue, SheetModel, WorkbookModel } from './model';
import { indexTables } from './structured-ref';

/** Why a cell's formula was not given to HyperFormula, by `row * MAX_COLUMNS + col`. */
export type Overrides = Map<number, ErrorValue>;

export const cellKey = (row: number, col: number) => row * MAX_COLUMNS + col;

export interface Evaluation {
  readonly hf: HyperFormula;
  /** HyperFormula sheet id of each model sheet, same order. */
  readonly sheetIds: number[];
  readonly overrides: Overrides[];
}

/** Excel-like settings: arrays spill, a blank reference is 0, Excel's 1900 leap-year bug, raw doubles. */
export function engineConfig(set: FunctionSet, date1904: boolean): Partial<ConfigParams> {
  return {
    licenseKey: 'gpl-v3',
    functionPlugins: [
      ...HyperFormula.getAllFunctionPlugins(),
      excelFunctionsPlugin(),
      cmPluginFor(set),
    ],
    useArrayArithmetic: true,
    evaluateNullToZero: true,
    leapYear1900: !date1904,
    nullDate: date1904 ? { year: 1904, month: 1, day: 1 } : { year: 1899, month: 12, day: 31 },
    maxRows: MAX_ROWS,
    maxColumns: MAX_COLUMNS,
    ignoreWhiteSpace: 'any',
    // Report the doubles Excel stores, not values rounded to 10 digits: the CM functions read
    // every number at Excel's 15 significant digits themselves (POLICY §0), and the light
    // route reports the same doubles.
    smartRounding: false,
  };
}

let builtinNames: Set<string> | undefined;

function knownFunctions(set: FunctionSet): (name: string) => boolean {
  builtinNames ??= new Set(
    [...HyperFormula.getRegisteredFunctionNames('enGB'), ...EXCEL_PLUGIN_FUNCTIONS].map((n) =>
      n.toUpperCase(),
    ),
  );
  const cm = new Set(set.table.map(registeredName));
  const builtins = builtinNames;
  return (name) => cm.has(name) || (builtins.has(name) && !name.startsWith('CM.'));
}

/** What HyperFormula is given for a constant. Strings get `'` so "123" stays text. */
export function rawConstant(v: EngineValue): RawCellContent {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return `'${v}`;
  return v.error;
}

export interface SheetTranslator {
  /** A saved formula at (sheet, row, col) → HyperFormula content (`=...`) or the reason it can't be. */
  translate(sheet: string, row: number, col: number, saved: string): string | ErrorValue;
}

export function sheetTranslator(model: WorkbookModel, set: FunctionSet): SheetTranslator {
  const tables = indexTables(model.tables);
  const names = indexNames(model.names);
  const isFunction = knownFunctions(set);
  return {
    translate(sheet, row, col, saved) {
      const ctx: TranslateContext = { site: { sheet, row, col }, tables, names, isFunction };
      const hf = toHyperFormula(saved, ctx);
      return typeof hf === 'string' ? `=${hf}` : hf;
    },
  };
}

/** Cells an array formula saved in the file covers, other than its anchor: their cached values must not block the spill. */
function spillShadow(sheet: SheetModel): Set<number> {
  const shadow = new Set<number>();
  for (const a of sheet.arrayFormulas) {
    const r = parseRange(a.ref);
    if (!r) continue;
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (row !== a.row || col !== a.col) shadow.add(cellKey(row, col));
      }
    }
  }
  return shadow;
}

function sheetContent(
  sheet: SheetModel,
  translator: SheetTranslator,
  overrides: Overrides,
): RawCellContent[][] {
  const shadow = spillShadow(sheet);
  const out: RawCellContent[][] = new Array(sheet.rowCount);
  for (let r = 0; r < sheet.rowCount; r++) {
    const vals = sheet.values[r] ?? [];
    const forms = sheet.formulas[r] ?? [];
    const width = Math.max(vals.length, forms.length);
    const row: RawCellContent[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const f = forms[c];
      if (f != null) {
        const t = translator.translate(sheet.name, r, c, f);
        if (typeof t === 'string') {
          row[c] = t;
        } else {
          overrides.set(cellKey(r, c), t);
          row[c] = t.error;
        }
      } else if (shadow.size > 0 && shadow.has(cellKey(r, c))) {
        row[c] = null;
      } else {
        row[c] = rawConstant(vals[c] ?? null);
      }
    }
    out[r] = row;
  }
  return out;
}

export function evaluateModel(model: WorkbookModel, set: FunctionSet): Evaluation {
  const translator = sheetTranslator(model, set);
  const overrides = model.sheets.map(() => new Map<number, ErrorValue>());
  const sheets: Record<string, RawCellContent[][]> = {};
  model.sheets.forEach((s, i) => {
    sheets[s.name] = sheetContent(s, translator, overrides[i]);
  });
  const hf = HyperFormula.buildFromSheets(sheets, engineConfig(set, model.date1904));
  const sheetIds = model.sheets.map((s) => hf.getSheetId(s.name) as number);
  return { hf, sheetIds, overrides };
}

/** HyperFormula's error kinds Excel does not have, said in Excel's terms. */
function excelError(e: DetailedCellError): ErrorValue {
  const message = e.message || undefined;
  switch (e.value) {
    case '#ERROR!':
      return { error: '#VALUE!', message: `Formula not supported: ${message ?? 'parse error'}` };
    case '#CYCLE!':
      return { error: '#VALUE!', message: 'Circular reference' };
    case '#LIC!':
      return { error: '#VALUE!', message: message ?? 'License error' };
    default:
      return message ? { error: e.value, message } : { error: e.value };
  }
}

export function engineValue(v: CellValue): EngineValue {
  if (v instanceof DetailedCellError) return excelError(v);
  return v === undefined ? null : (v as EngineValue);
}

/** All computed values of one sheet, translation failures in place. */
export function sheetValues(ev: Evaluation, index: number): EngineValue[][] {
  const raw = ev.hf.getSheetValues(ev.sheetIds[index]);
  const out = raw.map((row) => row.map(engineValue));
  for (const [key, err] of ev.overrides[index]) {
    const r = Math.floor(key / MAX_COLUMNS);
    const c = key % MAX_COLUMNS;
    (out[r] ??= [])[c] = err;
  }
  return out;
}

/**
 * The range an array formula at (row, col) fills, when it fills more than its own cell.
 * HyperFormula's public API has no call for this, so it asks the formula's vertex.
 */
export function spillRange(
  ev: Evaluation,
  index: number,
  row: number,
  col: number,
): RangePos | undefined {
  const graph = (ev.hf as unknown as { dependencyGraph?: { getCell(a: object): unknown } })
    .dependencyGraph;
  const vertex = graph?.getCell({ sheet: ev.sheetIds[index], row, col }) as
    { width?: unknown; height?: unknown; getRangeOrUndef?: () => unknown } | undefined;
  if (!vertex || typeof vertex.width !== 'number' || typeof vertex.height !== 'number')
    return undefined;
  if (vertex.width * vertex.height <= 1) return undefined;
  const value = ev.hf.getCellValue({ sheet: ev.sheetIds[index], row, col });
  if (value instanceof DetailedCellError && value.value === '#SPILL!') return undefined;
  return { top: row, left: col, bottom: row + vertex.height - 1, right: col + vertex.width - 1 };
}
