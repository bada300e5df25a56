/**
 * The headless workbook engine: read an .xlsx, evaluate its formulas (the CM functions
 * included) with HyperFormula, and write it back with fresh cached values.
 *
 * Browser bundles: everything but file paths works without Node; `files.ts` (fs) is loaded only
 * when a path is given.
 */
import { defaultFunctionSet } from './default-functions';
export { functionSetFor } from './default-functions';
import { EngineFileError } from './errors';
import type { FunctionSet } from './function-table';
import type { WorkbookModel } from './model';
import { Workbook } from './workbook';

export { EngineFileError } from './errors';
export { Workbook, type CellInput, type FormulaCell } from './workbook';
export type { FunctionSet, FunctionSpec, Invoke, ParamSpec, Shape } from './function-table';
export type {
  CellModel,
  DefinedName,
  EngineValue,
  ErrorValue,
  SheetModel,
  TableModel,
  WorkbookModel,
} from './model';
export { isErrorValue } from './model';
export { registeredName } from './dialect';

// HyperFormula loads only when a workbook needs it (the light route evaluates most appraisal
// workbooks without it), so `cm-appraisal` starts fast: the plugin builders load it on call.
type CmPlugin = typeof import('./cm-plugin');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cmPlugin = (): CmPlugin => require('./cm-plugin') as CmPlugin;
export const buildCmPlugin: CmPlugin['buildCmPlugin'] = (set) => cmPlugin().buildCmPlugin(set);
export const cmPluginFor: CmPlugin['cmPluginFor'] = (set) => cmPlugin().cmPluginFor(set);
export { toHyperFormula, toSavedFormula, toTypedFormula, shiftFormula } from './dialect';
export {
  ADDIN_ID,
  EMPTY_ADDIN_DOCUMENT,
  readAddinDocument,
  settingText,
  withSetting,
  writeAddinDocument,
  WebExtensionError,
  type AddinDocument,
} from './web-extension';

export interface EngineOptions {
  /** The CM function table to evaluate with; default: the real one from src/functions. */
  readonly functions?: FunctionSet;
}

export interface Engine {
  loadWorkbook(input: string | Uint8Array | ArrayBuffer): Promise<Workbook>;
}

export function createEngine(options: EngineOptions = {}): Engine {
  return { loadWorkbook: (input) => loadWorkbook(input, options) };
}

/** Opens an .xlsx from a path or bytes. Throws EngineFileError when it cannot. */
export async function loadWorkbook(
  input: string | Uint8Array | ArrayBuffer,
  options: EngineOptions = {},
): Promise<Workbook> {
  if (typeof input === 'string') {
    const files = await import('./files');
    const data = await files.readWorkbookFile(input);
    return loadBytes(data, options, input);
  }
  return loadBytes(input, options, 'The workbook data');
}

async function loadBytes(
  data: Uint8Array | ArrayBuffer,
  options: EngineOptions,
  name: string,
): Promise<Workbook> {
  const functions = options.functions ?? defaultFunctionSet();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const model = await fastModel(bytes);
  // The fast reader's model; ExcelJS reads the file only when it is needed (saving, styles).
  if (model) return new Workbook(bytes, model, functions, name);
  return Workbook.fromBuffer(bytes, functions, name);
}

/**
 * The model read straight from the zip (Node), or undefined when the file has something only
 * ExcelJS reads (tables, defined names, ...) or is not a readable workbook: ExcelJS then reads it
 * and says what is wrong.
 */
async function fastModel(bytes: Uint8Array): Promise<WorkbookModel | undefined> {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined;
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  try {
    const { readXlsxModel } = await import('./xlsx-read');
    return readXlsxModel(bytes);
  } catch {
    return undefined;
  }
}

export interface SaveOptions {
  /**
   * A post-write step over the written bytes before they reach the file (the add-in's document
   * settings: web-extension.ts writeAddinDocument).
   */
  readonly afterWrite?: (bytes: Uint8Array) => Promise<Uint8Array>;
}

/** Writes the workbook (with fresh cached values if it was evaluated) to a path. */
export async function saveWorkbook(
  workbook: Workbook,
  path: string,
  options: SaveOptions = {},
): Promise<void> {
  const files = await import('./files');
  let data: Uint8Array;
  try {
    data = await workbook.toBuffer();
    if (options.afterWrite) data = await options.afterWrite(data);
  } catch (e) {
    throw new EngineFileError(
      `Could not build the workbook for ${path} (${(e as Error).message}).`,
      path,
    );
  }
  await files.writeWorkbookFile(path, data);
}
