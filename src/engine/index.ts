/**
 * The headless workbook engine: read an .xlsx, evaluate its formulas (the CM functions
 * included) with HyperFormula, and write it back with fresh cached values.
 *
 * Browser bundles: everything but file paths works without Node; `files.ts` (fs) is loaded only
 * when a path is given.
 */
import { defaultFunctionSet } from './default-functions';
export { functionSetFor } from './default-functions';
import { EngineFileError, fileError } from './errors';
import type { FunctionSet } from './function-table';
import { Workbook } from './workbook';
import type { PackageEditor } from './xlsx-patch';

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
  addinDocumentEdits,
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
  return loadBytes(input, options, 'The workbook');
}

async function loadBytes(
  data: Uint8Array | ArrayBuffer,
  options: EngineOptions,
  name: string,
): Promise<Workbook> {
  const functions = options.functions ?? defaultFunctionSet();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const fast = await fastRead(bytes, name);
  // The direct reader's model; ExcelJS reads the file only when it is needed (styles, edits).
  if (fast) return new Workbook(bytes, fast.model, functions, name, fast.package);
  return Workbook.fromBuffer(bytes, functions, name);
}

/**
 * The model read straight from the zip (Node), or undefined in a browser or when the file has
 * something only ExcelJS reads: ExcelJS then reads it. A file that is damaged, not a workbook
 * or over a limit is refused here (EngineFileError), before ExcelJS could spend memory on it.
 */
async function fastRead(bytes: Uint8Array, path: string) {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined;
  const file = displayName(path);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw fileError(
      {
        en: `${file} is not an .xlsx workbook (it is not a zip archive${bytes[0] === 0xd0 && bytes[1] === 0xcf ? ': it is an old .xls file or an encrypted workbook; save it as .xlsx without a password' : ''}).`,
        zh: `${file} 不是 .xlsx 工作簿（不是 zip 压缩包${bytes[0] === 0xd0 && bytes[1] === 0xcf ? '：它是旧版 .xls 文件或加密的工作簿；请另存为不加密的 .xlsx' : ''}）。`,
      },
      path,
    );
  }
  const { ZipArchive } = await import('./zip');
  const { readXlsx, FastReadUnsupported } = await import('./xlsx-read');
  const zip = new ZipArchive(bytes, file);
  try {
    const { model, layout } = readXlsx(zip);
    return { model, package: { zip, layout } };
  } catch (e) {
    if (!(e instanceof FastReadUnsupported)) throw e;
    // ExcelJS will inflate every part: check each against its limits first.
    for (const entry of zip.entries) zip.bytes(entry.name);
    return undefined;
  }
}

function displayName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}

export interface SaveOptions {
  /**
   * A post-write step over the written bytes before they reach the file (the add-in's document
   * settings: web-extension.ts writeAddinDocument).
   */
  readonly afterWrite?: (bytes: Uint8Array) => Promise<Uint8Array>;
  /**
   * The same step as edits to the package, for the writer that patches the input file (no
   * rezipping of the whole workbook); afterWrite is used when the workbook goes through ExcelJS.
   */
  readonly packageEdits?: PackageEditor;
}

/** Writes the workbook (with fresh cached values if it was evaluated) to a path, atomically. */
export async function saveWorkbook(
  workbook: Workbook,
  path: string,
  options: SaveOptions = {},
): Promise<void> {
  const files = await import('./files');
  let data: Uint8Array[];
  try {
    const patched = await workbook.toChunks(options.packageEdits);
    if (patched) data = patched;
    else {
      const bytes = await workbook.toBuffer();
      data = [options.afterWrite ? await options.afterWrite(bytes) : bytes];
    }
  } catch (e) {
    if (e instanceof EngineFileError) throw e;
    throw fileError(
      {
        en: `Could not build the workbook for ${path}; nothing was written.`,
        zh: `无法生成要写入 ${path} 的工作簿；未写入任何内容。`,
      },
      path,
      e,
    );
  }
  await files.writeWorkbookFile(path, data);
}
