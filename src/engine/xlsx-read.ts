/**
 * The .xlsx reader (Node only: it inflates with zlib through zip.ts, whose limits it inherits).
 * It scans the XML parts directly instead of building ExcelJS's object per cell: a 100,000-row
 * sheet costs the model's arrays, not a full ExcelJS workbook beside them. It gives the same
 * model as ExcelJS + read.ts, and reads what other writers produce too: LibreOffice, openpyxl,
 * WPS, Google Sheets (absolute relationship targets, namespace prefixes, inline strings, rows
 * and cells without addresses, missing styles or theme).
 *
 * A workbook that is damaged (a sheet or shared-strings part it needs is missing, a string index
 * out of range) or over a limit is refused with an EngineFileError naming the file and the part.
 * What it does not mirror (a shared-formula clone before its master) throws FastReadUnsupported,
 * and the caller reads the file with ExcelJS instead.
 */
import { parseCell, parseRange, type RangePos } from './a1';
import { shiftFormula } from './dialect';
import { fileError } from './errors';
import { LIMITS } from './limits';
import { dateToSerial } from './read';
import { finishedSheet, padded, setFormat } from './model';
import type {
  ArrayFormulaModel,
  DefinedName,
  EngineValue,
  SheetModel,
  TableModel,
  WorkbookModel,
} from './model';
import { scanCells, type ScannedElement } from './cell-scan';
import { detach, splitSheetXml } from './sheet-xml';
import { ZipArchive } from './zip';

export class FastReadUnsupported extends Error {
  override readonly name = 'FastReadUnsupported';
}

const unsupported = (why: string): never => {
  throw new FastReadUnsupported(why);
};

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

/** Each attribute's pattern, made once (attr runs for every cell of every sheet). */
const ATTRS = new Map<string, RegExp>();

/** The value of attribute `name` in an element's opening tag text, decoded; undefined if absent. */
function attr(tag: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? decodeXml(m[2] ?? m[3]) : undefined;
}

/** The text of every `<t>` inside an element (rich text runs joined, phonetic runs left out). */
export function textOf(inner: string): string {
  let out = '';
  const clean = inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) out += decodeXml(m[1]);
  return unescapeX(out);
}

/** Characters XML cannot hold, escaped as `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19), as ExcelJS reads them. */
function unescapeX(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The shared-strings table: each `<si>…</si>` (or `<si/>`) in order, read as textOf reads it.
 * A 100,000-row sheet's table holds a couple of hundred thousand strings, nearly all one plain
 * `<t>` run: those are cut out directly, the rest (rich text, phonetic runs) go to textOf.
 */
export function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const out: string[] = [];
  let at = xml.indexOf('<si');
  while (at >= 0) {
    const after = xml.charCodeAt(at + 3);
    if (after === 0x2f && xml.charCodeAt(at + 4) === 0x3e) {
      out.push(''); // <si/>
      at = xml.indexOf('<si', at + 5);
      continue;
    }
    const end = after === 0x3e ? xml.indexOf('</si>', at + 4) : -1;
    if (end < 0) {
      at = xml.indexOf('<si', at + 1);
      continue;
    }
    out.push(plainRun(xml, at + 4, end) ?? textOf(xml.slice(at + 4, end)));
    at = xml.indexOf('<si', end + 5);
  }
  return out;
}

/** The text of xml[from, to) when it is one `<t>` run and nothing else; else undefined. */
function plainRun(xml: string, from: number, to: number): string | undefined {
  let open = -1;
  if (xml.startsWith('<t>', from)) open = from + 3;
  else if (xml.startsWith('<t ', from)) {
    const gt = xml.indexOf('>', from);
    if (gt > 0 && gt < to && xml.charCodeAt(gt - 1) !== 0x2f) open = gt + 1;
  }
  const close = to - 4;
  if (open < 0 || close < open || !xml.startsWith('</t>', close)) return undefined;
  if (xml.indexOf('<', open) !== close) return undefined;
  return unescapeX(decodeXml(xml.slice(open, close)));
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

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/**
 * The XML with a namespace prefix on its root's elements removed (`<x:c>` → `<c>`): the .NET
 * Open XML SDK and some others prefix SpreadsheetML elements.
 */
function unprefixed(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*):(worksheet|workbook|sst|styleSheet|table|Relationships)\b/.exec(
    xml,
  );
  if (!m) return xml;
  const p = m[1].replace(/[.-]/g, '\\$&');
  return xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1');
}

interface SharedMaster {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** What a sheet part needs from the rest of the workbook. */
interface SheetContext {
  readonly file: string;
  readonly part: string;
  readonly strings: readonly string[] | null;
  readonly styles: readonly (string | undefined)[];
  readonly date1904: boolean;
}

/**
 * Merged ranges, to skip their covered cells (ExcelJS gives them no value). Held as rectangles,
 * never expanded: a merge over a whole sheet costs one entry. Cells arrive in row order, so
 * only the merges over the current row are searched.
 */
class Merges {
  private readonly byTop: RangePos[];
  private next = 0;
  private active: RangePos[] = [];
  private lastRow = -1;

  constructor(xml: string) {
    const out: RangePos[] = [];
    const re = /<mergeCell\b[^>]*\bref\s*=\s*["']([^"']+)["']/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const r = parseRange(m[1]);
      if (r && (r.bottom > r.top || r.right > r.left)) out.push(r);
    }
    this.byTop = out.sort((a, b) => a.top - b.top);
  }

  get size(): number {
    return this.byTop.length;
  }

  /** True when (r, c) is covered by a merge and is not its top-left cell. */
  covers(r: number, c: number): boolean {
    if (this.byTop.length === 0) return false;
    if (r < this.lastRow) {
      // Rows out of order (rare): search every merge.
      return this.byTop.some((m) => inside(m, r, c));
    }
    if (r !== this.lastRow) {
      this.lastRow = r;
      this.active = this.active.filter((m) => m.bottom >= r);
      while (this.next < this.byTop.length && this.byTop[this.next].top <= r) {
        const m = this.byTop[this.next++];
        if (m.bottom >= r) this.active.push(m);
      }
    }
    return this.active.some((m) => inside(m, r, c));
  }
}

const inside = (m: RangePos, r: number, c: number) =>
  r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left);

function rangeTooBig(
  ctx: SheetContext,
  sheet: string,
  what: { en: string; zh: string },
  ref: string,
) {
  return fileError(
    {
      en: `${ctx.file} is refused: the ${what.en} ${ref} on sheet ${sheet} covers more than ${LIMITS.rangeCells.toLocaleString('en')} cells, the limit.`,
      zh: `已拒绝 ${ctx.file}：工作表 ${sheet} 中的${what.zh} ${ref} 覆盖超过 ${LIMITS.rangeCells} 个单元格的上限。`,
    },
    ctx.file,
  );
}

const cells = (r: RangePos) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** An ISO 8601 date cell (`t="d"`) as a serial number, as ExcelJS reads it (UTC). */
function isoSerial(v: string, date1904: boolean): EngineValue {
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`;
  const ms = Date.parse(/^\d{4}-\d\d-\d\d$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? detach(v) : dateToSerial(new Date(ms), date1904);
}

/** A sheet part read into the model, and its XML outside the cell data (for merges, tables). */
interface SheetRead {
  readonly sheet: SheetModel;
  /** The part's text before and after `<sheetData>`, namespace prefixes removed. */
  readonly outside: string;
}

/**
 * Reads a sheet part's cells piece by piece (./sheet-xml): the part is never one string, and
 * what the model keeps from a piece is detached from it.
 */
function readSheetXml(name: string, bytes: Uint8Array, ctx: SheetContext): SheetRead {
  const split = splitSheetXml(bytes);
  const outside = unprefixed(split.head + split.tail);
  const merges = new Merges(outside);
  const values: EngineValue[][] = [];
  const formulas: (string | null)[][] = [];
  const arrayFormulas: ArrayFormulaModel[] = [];
  const formats: (string | null)[][] = [];
  const masters = new Map<string, SharedMaster>();
  let rowCount = 0;
  let colCount = 0;
  const { strings, styles } = ctx;
  const strip = split.prefix === '' ? undefined : new RegExp(`<(/?)${escapeRe(split.prefix)}`, 'g');
  // Rows and cells may leave out their address (r): they follow the previous one.
  let rowAt = -1;
  let colAt = -1;
  // A row's arrays, grown cell by cell, hold up to twice the slots they use: once the row is
  // read they are copied to their size (a 100,000-row sheet keeps 300,000 of them). A values
  // row is copied as wide as the sheet so far (empty cells after its last one are null), so a
  // grid of the used range can share it instead of copying it (Workbook.gridOf).
  let lastWritten = -1;
  // Rows formatted alike (a date column, a percent column) share one formats row.
  let lastFormats: (string | null)[] | undefined;
  const compactRow = (r: number) => {
    if (r < 0) return;
    values[r] = padded(values[r], colCount);
    if (formulas[r]) formulas[r] = formulas[r].slice();
    const f = formats[r];
    if (f) {
      if (!lastFormats || !sameFormats(f, lastFormats)) lastFormats = f.slice();
      formats[r] = lastFormats;
    }
  };
  const visit = (e: ScannedElement): void => {
    if (e.kind === 'row') {
      compactRow(lastWritten);
      rowAt = e.r !== undefined && /^\d+$/.test(e.r) ? Number(e.r) - 1 : rowAt + 1;
      colAt = -1;
      return;
    }
    const ref = e.r;
    let r: number;
    let c: number;
    if (ref === undefined) {
      r = Math.max(rowAt, 0);
      c = colAt + 1;
    } else if (e.row >= 0) {
      r = e.row;
      c = e.col;
    } else {
      const pos = parseCell(ref);
      if (!pos) return unsupported(`cell address ${ref}`);
      ({ row: r, col: c } = pos);
    }
    colAt = c;
    if (e.empty || merges.covers(r, c)) return;
    const type = e.t ?? 'n';
    let formula: string | undefined;
    if (e.hasF) {
      const text = detach(decodeXml(e.fText));
      const shareType = e.fT;
      if (shareType === 'shared') {
        const si = e.fSi ?? '';
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
        const aref = e.fRef === undefined ? undefined : decodeXml(e.fRef);
        if (shareType === 'array' && aref) {
          const range = parseRange(aref);
          if (range && cells(range) > LIMITS.rangeCells) {
            throw rangeTooBig(ctx, name, { en: 'array formula range', zh: '数组公式区域' }, aref);
          }
          arrayFormulas.push({ row: r, col: c, ref: aref });
        }
      }
      if (formula !== undefined && formula.startsWith('=')) formula = formula.slice(1);
    }
    // Detached only where the model keeps the text itself (a number is read from it).
    const v = e.v === undefined ? undefined : decodeXml(e.v);
    let value: EngineValue = null;
    switch (type) {
      case 's': {
        if (v === undefined || v === '') break;
        if (strings === null) {
          throw fileError(
            {
              en: `${ctx.file} is damaged: cell ${name}!${ref ?? ''} uses the shared-strings part (xl/sharedStrings.xml), which is missing; open it in Excel and save it again, or use a backup copy.`,
              zh: `${ctx.file} 已损坏：单元格 ${name}!${ref ?? ''} 引用的共享字符串部件（xl/sharedStrings.xml）缺失；请用 Excel 打开后重新保存，或使用备份副本。`,
            },
            ctx.file,
          );
        }
        const s = strings[Number(v)];
        if (s === undefined) {
          throw fileError(
            {
              en: `${ctx.file} is damaged: cell ${name}!${ref ?? ''} refers to text number ${v}, which the shared-strings part does not hold.`,
              zh: `${ctx.file} 已损坏：单元格 ${name}!${ref ?? ''} 引用的第 ${v} 个共享字符串不存在。`,
            },
            ctx.file,
          );
        }
        value = s;
        break;
      }
      case 'inlineStr': {
        value = e.is === undefined ? null : detach(textOf(e.is));
        break;
      }
      case 'str':
        // ExcelJS reads an empty cached text result as no result.
        value = v ? detach(v) : null;
        break;
      case 'b':
        value = v === undefined ? null : v === '1' || v === 'true';
        break;
      case 'e':
        value = v === undefined ? null : { error: detach(v) };
        break;
      case 'd':
        value = v === undefined || v === '' ? null : isoSerial(v, ctx.date1904);
        break;
      default:
        value = v === undefined || v === '' ? null : Number(v);
        if (typeof value === 'number' && Number.isNaN(value)) value = detach(v as string);
    }
    if (formula === undefined && value === null) return;
    // A row met again (rows out of order) gets its own formats row back before it changes.
    if (r !== lastWritten && formats[r] !== undefined) formats[r] = formats[r].slice();
    lastWritten = r;
    const vals = (values[r] ??= []);
    while (vals.length < c) vals.push(null);
    vals[c] = value;
    if (formula !== undefined) {
      const forms = (formulas[r] ??= []);
      while (forms.length < c) forms.push(null);
      forms[c] = formula;
    }
    if (styles.length > 0 && e.s !== undefined && /^\d+$/.test(e.s)) {
      setFormat(formats, r, c, styles[Number(e.s)]);
    }
    if (c + 1 > colCount) colCount = c + 1;
    if (r + 1 > rowCount) rowCount = r + 1;
  };
  for (const piece of split.pieces()) scanCells(strip ? piece.replace(strip, '<$1') : piece, visit);
  compactRow(lastWritten);
  const sheet = finishedSheet({
    name,
    rowCount,
    colCount,
    values,
    formulas,
    arrayFormulas,
    formats,
  });
  return { sheet, outside };
}

const escapeRe = (s: string) => s.replace(/[.-]/g, '\\$&');

function sameFormats(a: readonly (string | null)[], b: readonly (string | null)[]) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] ?? null) !== (b[i] ?? null)) return false;
  return true;
}

/**
 * Resolves a relationship target against the folder of the part that holds the relationship
 * (`xl/` for the workbook's); an absolute target (`/xl/tables/table1.xml`, as openpyxl writes)
 * is from the package root.
 */
export function partPath(folder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const seg of target.split(/[\\/]/)) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

const folderOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);
const relsOf = (part: string) =>
  `${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

interface Relationship {
  readonly target: string;
  readonly type: string;
  readonly external: boolean;
}

/** A part's relationships by id, targets resolved to part paths. */
function relationships(zip: ZipArchive, part: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const xml = zip.text(relsOf(part));
  if (xml === null) return out;
  for (const m of unprefixed(xml).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id === undefined || target === undefined) continue;
    const external = attr(m[0], 'TargetMode') === 'External';
    out.set(id, {
      target: external ? target : partPath(folderOf(part), target),
      type: attr(m[0], 'Type') ?? '',
      external,
    });
  }
  return out;
}

function missingPart(file: string, part: string, what: { en: string; zh: string }) {
  return fileError(
    {
      en: `${file} is damaged: ${what.en} (part ${part}) is missing; open it in Excel and save it again, or use a backup copy.`,
      zh: `${file} 已损坏：${what.zh}（部件 ${part}）缺失；请用 Excel 打开后重新保存，或使用备份副本。`,
    },
    file,
  );
}

/** The Excel Tables of a sheet part, as ExcelJS reads them. */
function sheetTables(
  zip: ZipArchive,
  sheetPart: string,
  sheetXml: string,
  sheet: SheetModel,
): TableModel[] {
  const ids = [...sheetXml.matchAll(/<tablePart\b[^>]*>/g)].map((m) => attr(m[0], 'r:id'));
  if (ids.length === 0) return [];
  const rels = relationships(zip, sheetPart);
  const out: TableModel[] = [];
  for (const id of ids) {
    const rel = id === undefined ? undefined : rels.get(id);
    if (!rel || rel.external) throw missingPart(zip.file, relsOf(sheetPart), tableWhat(sheet.name));
    const raw = zip.text(rel.target);
    if (raw === null) throw missingPart(zip.file, rel.target, tableWhat(sheet.name));
    const xml = unprefixed(raw);
    const head = /<table\b[^>]*>/.exec(xml)?.[0] ?? '';
    const columns = [...xml.matchAll(/<tableColumn\b[^>]*>/g)].map((m) => attr(m[0], 'name') ?? '');
    const headerRowCount = attr(head, 'headerRowCount');
    const totals = attr(head, 'totalsRowCount');
    out.push({
      name: attr(head, 'name') ?? attr(head, 'displayName') ?? '',
      sheet: sheet.name,
      ref: attr(head, 'ref') ?? '',
      headerRow: headerRowCount === undefined ? true : headerRowCount !== '0',
      totalsRow: totals !== undefined && totals !== '0',
      columns,
    });
  }
  return out;
}

const tableWhat = (sheet: string) => ({
  en: `a table of sheet ${sheet}`,
  zh: `工作表 ${sheet} 的表格`,
});

/** One range of a defined name, as ExcelJS keeps them: `Sheet1!$A$1:$B$2`, `'考核 表'!$C$3`. */
const NAME_RANGE =
  /^(?:'(?:[^']|'')+'|[^!'",()=+\-*/&^<>\s]+)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** Defined names that are ranges (ExcelJS keeps only those), `_xlnm.*` left out. */
function definedNames(workbook: string): DefinedName[] {
  const out: DefinedName[] = [];
  for (const m of workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = attr(m[1], 'name') ?? '';
    if (name === '' || name.toLowerCase().startsWith('_xlnm.')) continue;
    const ranges = decodeXml(m[2])
      .split(',')
      .filter((r) => NAME_RANGE.test(r));
    if (ranges.length > 0) out.push({ name, refersTo: ranges.join(',') });
  }
  return out;
}

/** Where each model sheet came from in the package (for writing back by patching it). */
export interface XlsxLayout {
  readonly workbookPart: string;
  /** Per model sheet, in order: its worksheet part. */
  readonly sheetParts: readonly string[];
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** Reads the model and the package layout; throws EngineFileError or FastReadUnsupported. */
export function readXlsx(zip: ZipArchive): { model: WorkbookModel; layout: XlsxLayout } {
  const file = zip.file;
  let workbookPart = 'xl/workbook.xml';
  for (const rel of relationships(zip, '').values()) {
    if (OFFICE_DOCUMENT.test(rel.type) && !rel.external) workbookPart = rel.target;
  }
  const rawBook = zip.text(workbookPart);
  if (rawBook === null) {
    throw fileError(
      {
        en: `${file} is not an .xlsx workbook: it has no workbook part (${workbookPart}); it may be another kind of document (Word, PowerPoint) or damaged.`,
        zh: `${file} 不是 .xlsx 工作簿：缺少工作簿部件（${workbookPart}）；它可能是其他类型的文档（Word、PowerPoint）或已损坏。`,
      },
      file,
    );
  }
  const workbook = unprefixed(rawBook);
  const rels = relationships(zip, workbookPart);
  const pr = /<workbookPr\b[^>]*>/.exec(workbook);
  const date1904 = pr !== null && isTrue(attr(pr[0], 'date1904'));
  let stringsPart: string | undefined;
  let stylesPart: string | undefined;
  for (const rel of rels.values()) {
    if (/\/sharedStrings$/.test(rel.type)) stringsPart = rel.target;
    if (/\/styles$/.test(rel.type)) stylesPart = rel.target;
  }
  stringsPart ??= zip.has(`${folderOf(workbookPart)}sharedStrings.xml`)
    ? `${folderOf(workbookPart)}sharedStrings.xml`
    : undefined;
  stylesPart ??= `${folderOf(workbookPart)}styles.xml`;
  const stringsXml = stringsPart === undefined ? null : zip.text(stringsPart);
  const strings = stringsXml === null ? null : sharedStrings(unprefixed(stringsXml));
  const stylesXml = zip.text(stylesPart);
  const styles = cellFormats(stylesXml === null ? null : unprefixed(stylesXml));
  const sheets: SheetModel[] = [];
  const tables: TableModel[] = [];
  const sheetParts: string[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? attr(m[0], 'id');
    const rel = rid === undefined ? undefined : rels.get(rid);
    if (name === undefined) continue;
    if (rel && !/\/worksheet$/.test(rel.type) && rel.type !== '') continue; // chart, dialog, macro sheets
    if (!rel || rel.external) {
      throw missingPart(file, relsOf(workbookPart), {
        en: `the sheet ${name}`,
        zh: `工作表 ${name}`,
      });
    }
    const bytes = zip.bytes(rel.target);
    if (bytes === null) {
      throw missingPart(file, rel.target, { en: `the sheet ${name}`, zh: `工作表 ${name}` });
    }
    const ctx = { file, part: rel.target, strings, styles, date1904 };
    const { sheet, outside } = readSheetXml(name, bytes, ctx);
    // Nothing the model keeps refers to the part's bytes: their memory is given back now.
    zip.release(bytes);
    sheets.push(sheet);
    sheetParts.push(rel.target);
    tables.push(...sheetTables(zip, rel.target, outside, sheet));
  }
  if (sheets.length === 0) {
    throw fileError(
      {
        en: `${file} has no worksheets to read.`,
        zh: `${file} 中没有可读取的工作表。`,
      },
      file,
    );
  }
  return {
    model: { sheets, tables, names: definedNames(workbook), date1904 },
    layout: { workbookPart, sheetParts },
  };
}

/** Reads the model from .xlsx bytes; throws EngineFileError or FastReadUnsupported. */
export function readXlsxModel(data: Uint8Array, file = 'The workbook'): WorkbookModel {
  return readXlsx(new ZipArchive(data, file)).model;
}
