/**
 * The few SpreadsheetML parts the batch's summary workbook needs, written directly: sheets of
 * rows (strings, numbers, formulas with their cached text), a bold first row, column widths.
 * The summary is written after every workbook is audited, while the user waits; loading ExcelJS
 * for it cost more than the rest of the batch's own work (about 0.4 s of a 5 s batch of eight
 * 5,000-row workbooks), so it is written here, zipped by the engine's writer (engine/zip.ts).
 *
 * Parts and elements as ECMA-376 Part 1 defines them: workbook (§18.2.27 sheets), worksheet
 * (§18.3.1.99 sheetData, §18.3.1.4 c with t="s" shared string / t="str" formula string, §18.3.1.40
 * f, §18.3.1.13 col), shared strings (§18.4.9 sst), styles (§18.8.39 styleSheet: cellXfs 1 is the
 * bold font), and the package's content types and relationships (Part 2, OPC).
 */
import { columnLetters } from '../engine/a1';
import { colsXml } from '../engine/xlsx-patch';
import type { ZipPart } from '../engine/zip';

/** A cell: text, a number, a formula with its cached text, or nothing. */
export type SummaryCell = string | number | { formula: string; result: string } | null;

export interface SummarySheet {
  readonly name: string;
  /** The first row is the header, written bold. */
  readonly rows: readonly (readonly SummaryCell[])[];
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
}

// XML 1.0 allows tab, LF, CR and U+0020 up; other control characters cannot be written at all.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export const xmlText = (s: string): string =>
  s
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The workbook's parts, ready for writeZip. */
export function summaryParts(sheets: readonly SummarySheet[]): ZipPart[] {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const sheetXml = (sheet: SummarySheet): string => {
    const out: string[] = [`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`];
    out.push(colsXml(sheet.widths));
    out.push('<sheetData>');
    sheet.rows.forEach((row, r) => {
      const style = r === 0 ? ' s="1"' : '';
      out.push(`<row r="${r + 1}">`);
      row.forEach((cell, c) => {
        const ref = `${columnLetters(c)}${r + 1}`;
        if (cell === null) return;
        if (typeof cell === 'number') {
          out.push(`<c r="${ref}"${style}><v>${cell}</v></c>`);
        } else if (typeof cell === 'string') {
          out.push(`<c r="${ref}"${style} t="s"><v>${shared(cell)}</v></c>`);
        } else {
          out.push(
            `<c r="${ref}"${style} t="str"><f>${xmlText(cell.formula)}</f><v>${xmlText(cell.result)}</v></c>`,
          );
        }
      });
      out.push('</row>');
    });
    out.push('</sheetData></worksheet>');
    return out.join('');
  };
  const sheetParts = sheets.map((s, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    xml: sheetXml(s),
  }));
  const sst =
    `${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('') +
    '</sst>';
  const workbook =
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    sheets
      .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('') +
    '</sheets></workbook>';
  const n = sheets.length;
  const workbookRels =
    `${XML}<Relationships xmlns="${PKG_REL}">` +
    sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';
  const rels =
    `${XML}<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>';
  const types =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    sheetParts
      .map((p) => `<Override PartName="/${p.name}" ContentType="${CT}.worksheet+xml"/>`)
      .join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
    '</Types>';
  const part = (name: string, xml: string): ZipPart => ({ name, data: Buffer.from(xml, 'utf8') });
  return [
    part('[Content_Types].xml', types),
    part('_rels/.rels', rels),
    part('xl/workbook.xml', workbook),
    part('xl/_rels/workbook.xml.rels', workbookRels),
    part('xl/styles.xml', STYLES),
    part('xl/sharedStrings.xml', sst),
    ...sheetParts.map((p) => part(p.name, p.xml)),
  ];
}
