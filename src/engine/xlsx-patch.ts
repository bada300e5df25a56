/**
 * Writing a workbook back by patching the file it was read from (Node only): every part the
 * product does not own is copied byte-for-byte (styles, theme, comments, drawings, tables,
 * pivot caches, the add-in's web-extension parts, whatever a foreign writer put there); a sheet
 * with formulas gets only its cached values (`<v>` and the cell's `t`) replaced, its `<f>`
 * elements untouched (array flags and refs, shared formulas kept); the audit's report and log
 * sheets are written whole as new parts. Memory: the input's bytes, one sheet part's unpacked
 * bytes and one 32 KB piece of its text at a time (./sheet-xml), and the compressed output,
 * instead of a full ExcelJS workbook.
 */
import { columnLetters, parseCell, parseRange, type RangePos } from './a1';
import type { EngineValue, SheetModel } from './model';
import { partPath, type XlsxLayout } from './xlsx-read';
import { PIECE_BYTES, splitSheetXml } from './sheet-xml';
import { writeZipAsync, type ZipArchive, type ZipPart } from './zip';

/** A sheet the product writes whole (the audit's report and log). */
export interface OwnSheet {
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
  readonly protect: boolean;
  /** 1-based rows shown bold, with their font size (11 when not given). */
  readonly bold: ReadonlyMap<number, number>;
  /** Column widths from A, in characters. */
  readonly widths: readonly number[];
}

export interface PatchInput {
  readonly zip: ZipArchive;
  readonly layout: XlsxLayout;
  readonly sheets: readonly SheetModel[];
  /** Fresh values of sheet i (model order), or undefined when it was not evaluated. */
  values(i: number): EngineValue[][] | undefined;
  /** The computed spill range of the formula at (row, col) of sheet i, when it spills. */
  spill(i: number, row: number, col: number): RangePos | undefined;
  /** Sheets written whole, by model index (existing ones replaced, new ones added). */
  readonly own: ReadonlyMap<number, OwnSheet>;
  /** Last changes to the package (the add-in's web-extension parts), given its parts as patched. */
  readonly edits?: PackageEditor;
}

/** Changes to the package given its part names and a reader of their text as patched so far. */
export type PackageEditor = (
  names: readonly string[],
  read: (name: string) => string | null,
) =>
  { readonly remove: readonly string[]; readonly write: ReadonlyMap<string, string> } | undefined;

/** What escapeText changes: without any of it, the text is written as it is. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>_\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

const escapeText = (s: string) =>
  !NEEDS_ESCAPE.test(s)
    ? s
    : s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
        // Characters XML 1.0 cannot hold, as Excel escapes them (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
        .replace(
          // eslint-disable-next-line no-control-regex
          /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g,
          (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`,
        );
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** A number as a cached value: shortest round-trip text, the sign of -0 kept. */
export function numberText(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/** `t` and `<v>` of a cached formula result. */
function cached(v: EngineValue): { t?: string; v?: string } {
  if (v === null) return {};
  if (typeof v === 'number')
    return Number.isFinite(v) ? { v: numberText(v) } : { t: 'e', v: '#NUM!' };
  if (typeof v === 'boolean') return { t: 'b', v: v ? '1' : '0' };
  if (typeof v === 'string') return { t: 'str', v: escapeText(v) };
  return { t: 'e', v: escapeText(v.error) };
}

/** A cell's opening-tag attributes with `t` replaced (or removed). */
function withType(attrs: string, t: string | undefined): string {
  const rest = attrs.replace(/\st\s*=\s*("[^"]*"|'[^']*')/, '');
  return t === undefined ? rest : `${rest} t="${t}"`;
}

/** A cell's content with its cached value replaced: `<f>` and anything else kept as it is. */
function withValue(inner: string, v: string | undefined): string {
  const stripped = inner.replace(/<v(?:\s[^>]*)?>[\s\S]*?<\/v>|<v\s*\/>/, '');
  if (v === undefined) return stripped;
  const f = /<f\b[^>]*?(?:\/>|>[\s\S]*?<\/f>)/.exec(stripped);
  const at = f ? f.index + f[0].length : 0;
  return `${stripped.slice(0, at)}<v>${v}</v>${stripped.slice(at)}`;
}

/**
 * The spill ranges the file cannot already hold: a formula whose computed spill is not the
 * array range the file records for it. The patch writes values only, so such a workbook is
 * written by the ExcelJS route instead (which writes the spill as an array formula).
 */
export function spillsFit(input: PatchInput): boolean {
  for (let i = 0; i < input.layout.sheetParts.length; i++) {
    if (input.own.has(i) || input.values(i) === undefined) continue;
    const sheet = input.sheets[i];
    const recorded = new Map(sheet.arrayFormulas.map((a) => [`${a.row},${a.col}`, a.ref]));
    for (let r = 0; r < sheet.rowCount; r++) {
      const forms = sheet.formulas[r];
      for (let c = 0; c < forms.length; c++) {
        if (forms[c] == null) continue;
        const spill = input.spill(i, r, c);
        if (!spill) continue;
        const ref = recorded.get(`${r},${c}`);
        const saved = ref === undefined ? undefined : parseRange(ref);
        if (
          !saved ||
          saved.top !== spill.top ||
          saved.left !== spill.left ||
          saved.bottom !== spill.bottom ||
          saved.right !== spill.right
        ) {
          return false;
        }
      }
    }
  }
  return true;
}

/** The cells a spill fills (not its anchor), as [row, col]: their value is the anchor's result. */
function spilledCells(sheet: SheetModel): [number, number][] {
  const cells: [number, number][] = [];
  for (const a of sheet.arrayFormulas) {
    const r = parseRange(a.ref);
    if (!r) continue;
    for (let y = r.top; y <= r.bottom; y++) {
      if (y >= sheet.rowCount) break;
      for (let x = r.left; x <= r.right; x++) {
        if (y !== a.row || x !== a.col) cells.push([y, x]);
      }
    }
  }
  return cells;
}

const sameValue = (a: EngineValue, b: EngineValue): boolean =>
  Object.is(a, b) ||
  (typeof a === 'object' &&
    a !== null &&
    typeof b === 'object' &&
    b !== null &&
    a.error === b.error);

/**
 * Whether every formula cell, and every cell a spill fills, holds as saved the value it has
 * now: the part's cached values are then already fresh, and it is copied as stored (no
 * inflating, patching or deflating of a sheet that would come out the same). A row the light
 * route left as saved is the saved row itself.
 */
export function freshAsSaved(sheet: SheetModel, values: EngineValue[][]): boolean {
  for (let r = 0; r < sheet.rowCount; r++) {
    const fresh = values[r];
    const saved = sheet.values[r];
    if (fresh === saved) continue;
    const forms = sheet.formulas[r] ?? [];
    for (let c = 0; c < forms.length; c++) {
      if (forms[c] != null && !sameValue(fresh?.[c] ?? null, saved?.[c] ?? null)) return false;
    }
  }
  for (const [y, x] of spilledCells(sheet)) {
    if (!sameValue(values[y]?.[x] ?? null, sheet.values[y]?.[x] ?? null)) return false;
  }
  return true;
}

/**
 * A sheet part with fresh cached values for its formula cells and the cells they spill into, as
 * pieces made one at a time (./sheet-xml): the bytes around the cell data as saved, each piece
 * of cell data patched (text, written as UTF-8).
 */
function* patchSheet(
  bytes: Uint8Array,
  sheet: SheetModel,
  values: EngineValue[][],
): Generator<Uint8Array | string> {
  const split = splitSheetXml(bytes);
  if (split.dataStart >= split.dataEnd) {
    yield split.bytes;
    return;
  }
  const spilled = new Set(spilledCells(sheet).map(([y, x]) => `${y},${x}`));
  const { prefix } = split;
  const re = new RegExp(
    `<${prefix}row\\b([^>]*)>|<${prefix}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}c>)`,
    'g',
  );
  let rowAt = -1;
  let colAt = -1;
  const patch = (whole: string, rowAttrs?: string, attrs?: string, inner?: string): string => {
    if (rowAttrs !== undefined) {
      const r = /\sr\s*=\s*["'](\d+)["']/.exec(rowAttrs);
      rowAt = r ? Number(r[1]) - 1 : rowAt + 1;
      colAt = -1;
      return whole;
    }
    const ref = /\sr\s*=\s*["']([A-Za-z]+\d+)["']/.exec(attrs ?? '');
    const pos = ref ? parseCell(ref[1]) : { row: Math.max(rowAt, 0), col: colAt + 1 };
    if (!pos) return whole;
    colAt = pos.col;
    const isFormula = sheet.formulas[pos.row]?.[pos.col] != null;
    if (!isFormula && !spilled.has(`${pos.row},${pos.col}`)) return whole;
    const v = values[pos.row]?.[pos.col] ?? null;
    const { t, v: text } = cached(v);
    if (!isFormula) {
      // A cell a legacy array fills: a plain value cell.
      if (text === undefined) return `<${prefix}c${withType(attrs ?? '', undefined)}/>`;
      const type = t === 'str' ? 'str' : t;
      return `<${prefix}c${withType(attrs ?? '', type)}><${prefix}v>${text}</${prefix}v></${prefix}c>`;
    }
    const body = withValue(inner ?? '', text);
    return `<${prefix}c${withType(attrs ?? '', t)}>${prefix ? body.replace(/<(\/?)v>/g, `<$1${prefix}v>`) : body}</${prefix}c>`;
  };
  yield split.bytes.subarray(0, split.dataStart);
  for (const piece of split.pieces()) yield piece.replace(re, patch);
  yield split.bytes.subarray(split.dataEnd);
}

/** Style indexes for bold text added to the styles part: size → cellXfs index. */
interface BoldStyles {
  readonly xml: string | null;
  readonly index: ReadonlyMap<number, number>;
}

function addBoldStyles(styles: string | null, sizes: ReadonlySet<number>): BoldStyles {
  const index = new Map<number, number>();
  if (styles === null || sizes.size === 0) return { xml: null, index };
  const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles);
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  if (!fonts || !xfs) return { xml: null, index };
  let fontCount = (fonts[1].match(/<font\b/g) ?? []).length;
  let xfCount = (xfs[1].match(/<xf\b/g) ?? []).length;
  let newFonts = '';
  let newXfs = '';
  for (const size of sizes) {
    newFonts += `<font><b/><sz val="${size}"/></font>`;
    newXfs += `<xf numFmtId="0" fontId="${fontCount}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`;
    index.set(size, xfCount);
    fontCount++;
    xfCount++;
  }
  let xml = styles.replace(/<fonts\b([^>]*)>([\s\S]*?)<\/fonts>/, (_, a: string, body: string) => {
    const attrs = a.replace(/\scount\s*=\s*"\d*"/, '');
    return `<fonts${attrs} count="${fontCount}">${body}${newFonts}</fonts>`;
  });
  xml = xml.replace(/<cellXfs\b([^>]*)>([\s\S]*?)<\/cellXfs>/, (_, a: string, body: string) => {
    const attrs = a.replace(/\scount\s*=\s*"\d*"/, '');
    return `<cellXfs${attrs} count="${xfCount}">${body}${newXfs}</cellXfs>`;
  });
  return { xml, index };
}

/** A worksheet's `<cols>` element giving columns 1, 2, … these widths; '' for none. */
export function colsXml(widths: readonly number[]): string {
  if (widths.length === 0) return '';
  const cols = widths.map(
    (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
  );
  return `<cols>${cols.join('')}</cols>`;
}

/**
 * A sheet the product owns, as a whole worksheet part (inline strings: no shared-strings edit),
 * in pieces of text of about PIECE_BYTES: a report of 100,000 rows is never one string.
 */
function* ownSheetXml(
  sheet: OwnSheet,
  bold: ReadonlyMap<number, number>,
): Generator<Uint8Array | string> {
  let parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  ];
  let length = 0;
  const width = sheet.rows.reduce((n, r) => Math.max(n, r.length), 0);
  if (sheet.rows.length > 0 && width > 0) {
    parts.push(`<dimension ref="A1:${columnLetters(width - 1)}${sheet.rows.length}"/>`);
  }
  parts.push(colsXml(sheet.widths));
  parts.push('<sheetData>');
  const letters = Array.from({ length: width }, (_, x) => columnLetters(x));
  for (let y = 0; y < sheet.rows.length; y++) {
    const row = sheet.rows[y];
    const size = sheet.bold.get(y + 1);
    const style = size === undefined ? undefined : bold.get(size);
    const s = style === undefined ? '' : ` s="${style}"`;
    let cellsXml = '';
    for (let x = 0; x < row.length; x++) {
      const v = row[x];
      if (v === null || v === undefined) continue;
      const r = `${letters[x]}${y + 1}`;
      if (typeof v === 'number') {
        cellsXml += Number.isFinite(v)
          ? `<c r="${r}"${s}><v>${numberText(v)}</v></c>`
          : `<c r="${r}"${s} t="e"><v>#NUM!</v></c>`;
      } else if (typeof v === 'boolean')
        cellsXml += `<c r="${r}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      else {
        cellsXml += `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
      }
    }
    const line = `<row r="${y + 1}"${s ? `${s} customFormat="1"` : ''}>${cellsXml}</row>`;
    parts.push(line);
    length += line.length;
    if (length >= PIECE_BYTES) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  parts.push('</sheetData>');
  // Against casual edits only, no password (the audit log; SHEETS.md "Audit log integrity").
  if (sheet.protect) parts.push('<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  parts.push(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  );
  parts.push('</worksheet>');
  yield parts.join('');
}

const WORKSHEET_TYPE =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** The patched package as zip chunks. */
export function patchXlsx(input: PatchInput): Promise<Uint8Array[]> {
  const { zip, layout } = input;
  const replaced = new Map<string, Uint8Array>();
  /** Sheets patched as they are written, piece by piece. */
  const patched = new Map<string, () => Iterable<Uint8Array | string>>();
  const added: { name: string; part: string; pieces: () => Iterable<Uint8Array | string> }[] = [];
  const lower = (s: string) => s.toLowerCase();

  // Bold styles for the sheets the product writes.
  const sizes = new Set<number>();
  for (const own of input.own.values()) for (const size of own.bold.values()) sizes.add(size);
  const wbFolder = layout.workbookPart.slice(0, layout.workbookPart.lastIndexOf('/') + 1);
  const relsPart = `${wbFolder}_rels/${layout.workbookPart.slice(wbFolder.length)}.rels`;
  const relsXml = zip.text(relsPart) ?? '';
  const stylesRel = /<Relationship\b[^>]*Type="[^"]*\/styles"[^>]*>/.exec(relsXml);
  const stylesTarget = stylesRel ? /Target="([^"]*)"/.exec(stylesRel[0])?.[1] : undefined;
  const stylesPart = stylesTarget ? partPath(wbFolder, stylesTarget) : undefined;
  const bold = addBoldStyles(stylesPart ? zip.text(stylesPart) : null, sizes);
  if (bold.xml !== null && stylesPart) replaced.set(lower(stylesPart), utf8(bold.xml));

  for (let i = 0; i < input.sheets.length; i++) {
    const own = input.own.get(i);
    const part = layout.sheetParts[i];
    if (own) {
      const pieces = () => ownSheetXml(own, bold.index);
      if (part !== undefined) patched.set(lower(part), pieces);
      else added.push({ name: input.sheets[i].name, part: '', pieces });
      continue;
    }
    const values = input.values(i);
    if (part === undefined || values === undefined) continue;
    const sheet = input.sheets[i];
    if (!sheet.formulas.some((row) => row.some((f) => f != null))) continue;
    if (freshAsSaved(sheet, values)) continue;
    // Inflated when written, so only one sheet's XML is held at a time.
    if (zip.has(part)) {
      patched.set(lower(part), () => patchSheet(zip.bytes(part) as Uint8Array, sheet, values));
    }
  }

  if (added.length > 0) {
    const taken = new Set(zip.entries.map((e) => lower(e.name)));
    let n = 1;
    for (const a of added) {
      while (taken.has(lower(`${wbFolder}worksheets/sheet${n}.xml`))) n++;
      a.part = `${wbFolder}worksheets/sheet${n}.xml`;
      taken.add(lower(a.part));
    }
    let book = zip.text(layout.workbookPart) ?? '';
    let rels = relsXml;
    const ids = new Set([...rels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let sheetId = Math.max(
      0,
      ...[...book.matchAll(/<(?:\w+:)?sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1])),
    );
    const prefix = /<(\w+:)?sheets\b/.exec(book)?.[1] ?? '';
    const rPrefix =
      /\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
        book,
      )?.[1];
    let newSheets = '';
    let newRels = '';
    let newTypes = '';
    let rid = 1;
    for (const a of added) {
      while (ids.has(`rId${rid}`)) rid++;
      ids.add(`rId${rid}`);
      sheetId++;
      const idAttr = rPrefix ? `${rPrefix}:id` : 'r:id';
      const ns = rPrefix
        ? ''
        : ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
      newSheets += `<${prefix}sheet name="${escapeAttr(a.name)}" sheetId="${sheetId}"${ns} ${idAttr}="rId${rid}"/>`;
      newRels += `<Relationship Id="rId${rid}" Type="${WORKSHEET_TYPE}" Target="/${a.part}"/>`;
      newTypes += `<Override PartName="/${a.part}" ContentType="${WORKSHEET_CONTENT}"/>`;
    }
    book = book.replace(new RegExp(`</${prefix}sheets>`), `${newSheets}</${prefix}sheets>`);
    rels = rels.replace(/<\/(\w+:)?Relationships>/, (m) => `${newRels}${m}`);
    const types = (zip.text('[Content_Types].xml') ?? '').replace(
      /<\/(\w+:)?Types>/,
      (m) => `${newTypes}${m}`,
    );
    replaced.set(lower(layout.workbookPart), utf8(book));
    replaced.set(lower(relsPart), utf8(rels));
    replaced.set(lower('[Content_Types].xml'), utf8(types));
  }

  let parts: ZipPart[] = zip.entries.map((e) => {
    const data = replaced.get(lower(e.name));
    const pieces = patched.get(lower(e.name));
    if (data) return { name: e.name, data };
    return pieces ? { name: e.name, pieces } : { name: e.name, copy: e, from: zip };
  });
  for (const a of added) parts.push({ name: a.part, pieces: a.pieces });
  const edits = input.edits?.(
    parts.map((p) => p.name),
    (name) => {
      const p = parts.find((x) => lower(x.name) === lower(name));
      if (!p) return null;
      if ('data' in p) return Buffer.from(p.data).toString('utf8');
      if ('pieces' in p) {
        return Buffer.concat(
          [...p.pieces()].map((x) => (typeof x === 'string' ? utf8(x) : x)),
        ).toString('utf8');
      }
      return zip.text(p.name);
    },
  );
  if (edits) {
    const gone = new Set(edits.remove.map(lower));
    const written = new Map([...edits.write].map(([n, t]) => [lower(n), { n, t }]));
    parts = parts
      .filter((p) => !gone.has(lower(p.name)))
      .map((p) => {
        const w = written.get(lower(p.name));
        if (!w) return p;
        written.delete(lower(p.name));
        return { name: p.name, data: utf8(w.t) };
      });
    for (const { n, t } of written.values()) parts.push({ name: n, data: utf8(t) });
  }
  return writeZipAsync(parts);
}
