/**
 * A fast, low-memory reader of the .xlsx parts the model needs (Node only: it inflates with
 * zlib). It scans the sheet XML directly instead of building ExcelJS's object per cell: a
 * 100,000-row sheet costs the model's arrays, not a full ExcelJS workbook beside them.
 *
 * It reads only what it reads exactly as ExcelJS + read.ts would. Anything else (Excel Tables,
 * defined names other than `_xlnm.*`, zip64, ISO date cells, cells without an address, chart
 * sheets) throws FastReadUnsupported, and the caller reads the file with ExcelJS instead.
 */
import { inflateRawSync } from 'zlib';
import { parseCell, parseRange } from './a1';
import { shiftFormula } from './dialect';
import { setFormat } from './model';
import type { ArrayFormulaModel, EngineValue, SheetModel, WorkbookModel } from './model';

export class FastReadUnsupported extends Error {
  override readonly name = 'FastReadUnsupported';
}

const unsupported = (why: string): never => {
  throw new FastReadUnsupported(why);
};

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

/** The zip's central directory: entry name → where its data is. */
function zipEntries(data: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) unsupported('no zip directory');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) unsupported('zip64');
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) unsupported('bad zip');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    entries.set(name.replace(/^\//, ''), { method, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipText(data: Uint8Array, entries: Map<string, ZipEntry>, name: string): string | null {
  const e = entries.get(name);
  if (!e) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(e.localOffset, true) !== 0x04034b50) unsupported('bad zip entry');
  const start =
    e.localOffset +
    30 +
    view.getUint16(e.localOffset + 26, true) +
    view.getUint16(e.localOffset + 28, true);
  const raw = data.subarray(start, start + e.compressedSize);
  let bytes: Uint8Array;
  if (e.method === 0) bytes = raw;
  else if (e.method === 8) bytes = inflateRawSync(raw);
  else return unsupported(`zip method ${e.method}`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, dec?: string, hex?: string, named?: string) =>
    named ? NAMED[named] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex as string, 16)),
  );
}

/** The value of attribute `name` in an element's opening tag text, decoded; undefined if absent. */
function attr(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decodeXml(m[2] ?? m[3]) : undefined;
}

/** The text of every `<t>` inside an element (rich text runs joined, phonetic runs left out). */
function textOf(inner: string): string {
  let out = '';
  const clean = inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) out += decodeXml(m[1]);
  return out;
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] === undefined ? '' : textOf(m[1]));
  return out;
}

/** Excel's built-in number formats by id, as ExcelJS names them (the locale-free ones). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * The number format of each cell style (`<c s="N">` → `cellXfs[N]`), from the styles part:
 * undefined for General or a format id it does not know (as ExcelJS reads them).
 */
function cellFormats(xml: string | null): (string | undefined)[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const numFmts = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(xml);
  if (numFmts) {
    for (const m of numFmts[1].matchAll(/<numFmt\b[^>]*>/g)) {
      const id = attr(m[0], 'numFmtId');
      const code = attr(m[0], 'formatCode');
      if (id !== undefined && code !== undefined) custom.set(Number(id), code);
    }
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: (string | undefined)[] = [];
  for (const m of xfs[1].matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = id ? (custom.get(id) ?? BUILT_IN_FORMATS[id]) : undefined;
    out.push(code === 'General' ? undefined : code);
  }
  return out;
}

/** A cell's style index (`s="3"`), read without building a pattern per cell. */
const STYLE_ATTR = /\ss\s*=\s*["'](\d+)["']/;

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

interface SharedMaster {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

function readSheetXml(
  name: string,
  xml: string,
  strings: readonly string[],
  styles: readonly (string | undefined)[],
): SheetModel {
  if (/<tableParts\b[^>]*count="[1-9]/.test(xml) || /<tablePart\b/.test(xml)) {
    unsupported('tables');
  }
  const merged = mergedSlaves(xml);
  const values: EngineValue[][] = [];
  const formulas: (string | null)[][] = [];
  const arrayFormulas: ArrayFormulaModel[] = [];
  const formats: (string | null)[][] = [];
  const masters = new Map<string, SharedMaster>();
  let rowCount = 0;
  let colCount = 0;
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  if (start < 0) return { name, rowCount, colCount, values, formulas, arrayFormulas };
  const data = xml.slice(start, end < 0 ? xml.length : end);
  // One cell: its opening tag's attributes, then its content (or none when self-closed).
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = cellRe.exec(data); m; m = cellRe.exec(data)) {
    const attrs = m[1];
    const inner = m[2];
    const ref = attr(attrs, 'r');
    if (ref === undefined) unsupported('cell without address');
    const pos = parseCell(ref as string);
    if (!pos) return unsupported(`cell address ${ref}`);
    const { row: r, col: c } = pos;
    if (inner === undefined || (merged.size > 0 && merged.has(`${r},${c}`))) continue;
    const type = attr(attrs, 't') ?? 'n';
    if (type === 'd') unsupported('ISO date cell');
    let formula: string | undefined;
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
    if (f) {
      const fAttrs = f[1];
      const text = f[2] === undefined ? '' : decodeXml(f[2]);
      const shareType = attr(fAttrs, 't');
      if (shareType === 'shared') {
        const si = attr(fAttrs, 'si') ?? '';
        if (text !== '') {
          masters.set(si, { row: r, col: c, text });
          formula = text;
        } else {
          const master = masters.get(si);
          if (!master) return unsupported('shared formula clone before its master');
          formula = shiftFormula(master.text, r - master.row, c - master.col);
        }
      } else {
        formula = text === '' ? undefined : text;
        const aref = attr(fAttrs, 'ref');
        if (shareType === 'array' && aref) arrayFormulas.push({ row: r, col: c, ref: aref });
      }
      if (formula !== undefined && formula.startsWith('=')) formula = formula.slice(1);
    }
    const vm = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>|<v\/>/.exec(inner);
    const v = vm ? decodeXml(vm[1] ?? '') : undefined;
    let value: EngineValue = null;
    switch (type) {
      case 's':
        value = v === undefined ? null : (strings[Number(v)] ?? null);
        break;
      case 'inlineStr': {
        const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
        value = is ? textOf(is[1]) : null;
        break;
      }
      case 'str':
        // ExcelJS reads an empty cached text result as no result.
        value = v ? v : null;
        break;
      case 'b':
        value = v === undefined ? null : v === '1' || v === 'true';
        break;
      case 'e':
        value = v === undefined ? null : { error: v };
        break;
      default:
        value = v === undefined || v === '' ? null : Number(v);
        if (typeof value === 'number' && Number.isNaN(value)) value = v as string;
    }
    if (formula === undefined && value === null) continue;
    const vals = (values[r] ??= []);
    while (vals.length < c) vals.push(null);
    vals[c] = value;
    if (formula !== undefined) {
      const forms = (formulas[r] ??= []);
      while (forms.length < c) forms.push(null);
      forms[c] = formula;
    }
    if (styles.length > 0) {
      const style = STYLE_ATTR.exec(attrs);
      if (style) setFormat(formats, r, c, styles[Number(style[1])]);
    }
    if (c + 1 > colCount) colCount = c + 1;
    if (r + 1 > rowCount) rowCount = r + 1;
  }
  for (let r = 0; r < rowCount; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
  }
  const sheet = { name, rowCount, colCount, values, formulas, arrayFormulas };
  return formats.length > 0 ? { ...sheet, formats } : sheet;
}

/** Cells covered by a merge other than its top-left one (ExcelJS gives them no value). */
function mergedSlaves(xml: string): Set<string> {
  const out = new Set<string>();
  const re = /<mergeCell\b[^>]*\bref="([^"]+)"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const range = parseRange(m[1]);
    if (!range) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        if (r !== range.top || c !== range.left) out.add(`${r},${c}`);
      }
    }
  }
  return out;
}

/** Resolves a relationship target against the part's folder (`xl/`). */
function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Reads the model from .xlsx bytes; throws FastReadUnsupported for what it does not mirror. */
export function readXlsxModel(data: Uint8Array): WorkbookModel {
  const entries = zipEntries(data);
  const workbook = zipText(data, entries, 'xl/workbook.xml');
  const rels = zipText(data, entries, 'xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) return unsupported('no workbook part');
  const targets = new Map<string, string>();
  let stylesPart = 'xl/styles.xml';
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target);
    if (target !== undefined && /\/styles$/.test(attr(m[0], 'Type') ?? '')) {
      stylesPart = partPath(target);
    }
  }
  for (const m of workbook.matchAll(/<definedName\b([^>]*)>/g)) {
    if (!(attr(m[1], 'name') ?? '').toLowerCase().startsWith('_xlnm.')) unsupported('names');
  }
  const pr = /<workbookPr\b[^>]*>/.exec(workbook);
  const date1904 = pr !== null && isTrue(attr(pr[0], 'date1904'));
  const strings = sharedStrings(zipText(data, entries, 'xl/sharedStrings.xml'));
  const styles = cellFormats(zipText(data, entries, stylesPart));
  const sheets: SheetModel[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const target = rid === undefined ? undefined : targets.get(rid);
    if (name === undefined || target === undefined || !/worksheets\//.test(target)) {
      return unsupported('sheet part');
    }
    const xml = zipText(data, entries, partPath(target));
    if (xml === null) return unsupported('missing sheet part');
    sheets.push(readSheetXml(name, xml, strings, styles));
  }
  if (sheets.length === 0) unsupported('no sheets');
  return { sheets, tables: [], names: [], date1904 };
}
