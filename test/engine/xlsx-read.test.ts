/**
 * The fast .xlsx reader gives the same model as ExcelJS + read.ts, and refuses (so ExcelJS
 * reads the file) what it does not mirror. A workbook it opened loads ExcelJS only when needed.
 */
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/engine';
import { readWorkbookModel } from '../../src/engine/read';
import fc from 'fast-check';
import { readXlsxModel, sharedStrings, textOf } from '../../src/engine/xlsx-read';
import { fakeFunctions } from './fake-functions';
import { f, readBack, xlsxBytes } from './fixtures';

async function viaExcelJS(data: Uint8Array) {
  return readWorkbookModel(await readBack(data));
}

describe('readXlsxModel', () => {
  it('reads values, formulas and cached results as ExcelJS does', async () => {
    const data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("考核 & 'x' <1>");
      ws.getCell('A1').value = '工号';
      ws.getCell('B1').value = 'a & b < c "q"';
      ws.getCell('C1').value = 12.5;
      ws.getCell('D1').value = true;
      ws.getCell('E1').value = false;
      ws.getCell('F1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('G1').value = { richText: [{ text: '富' }, { text: 'text' }] };
      ws.getCell('A2').value = f('_xldudf_CM_APPRAISAL_SCORE(A1,C1,"x,y")', 0);
      ws.getCell('B2').value = f('C1>1', false);
      ws.getCell('C2').value = f('""&A1', '');
      ws.getCell('D2').value = f('1/0', { error: '#DIV/0!' });
      ws.getCell('E2').value = f('C1*2');
      ws.getCell('F5').value = '';
      ws.getCell('H3').value = 0;
      const other = wb.addWorksheet('Second');
      other.getCell('B2').value = -1e-7;
      wb.addWorksheet('Empty');
    });
    const fast = readXlsxModel(data);
    expect(fast).toEqual(await viaExcelJS(data));
    expect(fast.sheets.map((s) => s.name)).toEqual(["考核 & 'x' <1>", 'Second', 'Empty']);
  });

  it('expands shared formulas and keeps array formulas as ExcelJS does', async () => {
    const data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      for (let r = 1; r <= 4; r++) ws.getCell(r, 1).value = r;
      ws.getCell('B1').value = {
        formula: 'A1*2+$A$1',
        shareType: 'shared',
        ref: 'B1:B4',
        result: 3,
      } as unknown as ExcelJS.CellValue;
      for (let r = 2; r <= 4; r++) {
        ws.getCell(r, 2).value = {
          sharedFormula: 'B1',
          result: r * 2 + 1,
        } as unknown as ExcelJS.CellValue;
      }
      ws.getCell('C1').value = {
        formula: 'A1:A4*2',
        shareType: 'array',
        ref: 'C1:C4',
        result: 2,
      } as unknown as ExcelJS.CellValue;
    });
    const fast = readXlsxModel(data);
    expect(fast).toEqual(await viaExcelJS(data));
    expect(fast.sheets[0].formulas[3][1]).toBe('A4*2+$A$1');
  });

  it('skips the covered cells of a merge and reads dates as serials', async () => {
    const data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('M');
      ws.getCell('A1').value = 'merged';
      ws.mergeCells('A1:C2');
      ws.getCell('D1').value = new Date(Date.UTC(2024, 1, 29));
      ws.getCell('D2').value = new Date(Date.UTC(1999, 11, 31, 12));
    });
    const fast = readXlsxModel(data);
    expect(fast).toEqual(await viaExcelJS(data));
    expect(fast.sheets[0].values[0][3]).toBe(45351);
  });

  it('reads number formats as ExcelJS does: built-in ids, custom codes, General left out', async () => {
    const data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 0.385;
      ws.getCell('A1').numFmt = '0.00%';
      ws.getCell('B1').value = 47590000;
      ws.getCell('B1').numFmt = '#,##0';
      ws.getCell('C2').value = f('B1*2', 95180000);
      ws.getCell('C2').numFmt = '"¥"#,##0.00';
      ws.getCell('D2').value = 110;
      ws.getCell('D3').value = 'text';
      ws.getCell('D3').numFmt = '@';
      ws.getCell('E3').numFmt = '0.0%';
    });
    const fast = readXlsxModel(data);
    expect(fast).toEqual(await viaExcelJS(data));
    expect(fast.sheets[0].formats).toEqual([
      ['0.00%', '#,##0'],
      [null, null, '"¥"#,##0.00'],
      [null, null, null, '@'],
    ]);
    const book = await loadWorkbook(data, { functions: fakeFunctions });
    expect(book.format('S', 'A1')).toBe('0.00%');
    expect(book.format('S', 'C2')).toBe('"¥"#,##0.00');
    expect(book.format('S', 'D2')).toBe('General');
    expect(book.formatAt('S', 0, 1)).toBe('#,##0');
  });

  it('reads the 1904 date system flag', async () => {
    const data = await xlsxBytes((wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
      wb.addWorksheet('D').getCell('A1').value = 1;
    });
    expect(readXlsxModel(data).date1904).toBe((await viaExcelJS(data)).date1904);
  });

  it('reads tables and range names as ExcelJS does, and refuses non-zip data', async () => {
    const table = await xlsxBytes((wb) => {
      wb.addWorksheet('T').addTable({
        name: 'T1',
        ref: 'A1',
        columns: [{ name: 'a' }, { name: 'b & c' }],
        rows: [
          [1, 'x'],
          [2, 'y'],
        ],
      });
    });
    const named = await xlsxBytes((wb) => {
      wb.addWorksheet('N').getCell('A1').value = 1;
      wb.definedNames.add('N!$A$1', 'rate');
    });
    expect(readXlsxModel(table)).toEqual(await viaExcelJS(table));
    expect(readXlsxModel(table).tables[0]).toMatchObject({
      name: 'T1',
      sheet: 'T',
      ref: 'A1:B3',
      headerRow: true,
      columns: ['a', 'b & c'],
    });
    expect(readXlsxModel(named)).toEqual(await viaExcelJS(named));
    expect(readXlsxModel(named).names).toEqual([{ name: 'rate', refersTo: 'N!$A$1' }]);
    expect(() => readXlsxModel(new Uint8Array([80, 75, 3, 4, 0, 0]))).toThrow();
  });
});

describe('a workbook read by the fast reader', () => {
  it('loads ExcelJS only when needed, with earlier edits applied', async () => {
    const data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = 2;
      ws.getCell('B1').value = f('A1*3', 6);
      ws.getCell('C1').value = 'keep';
      ws.getCell('C1').font = { bold: true };
    });
    const wb = await loadWorkbook(data, { functions: fakeFunctions });
    expect(() => wb.excel).toThrow(/excelWorkbook/);
    wb.setCell('S', 'A1', 5);
    expect(wb.value('S', 'B1')).toBe(15);
    const back = await readBack(await wb.toBuffer());
    const ws = back.getWorksheet('S') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe(5);
    expect(ws.getCell('B1').result).toBe(15);
    expect(ws.getCell('C1').font?.bold).toBe(true);
    expect(wb.excel).toBeDefined();
  });
});

describe('the shared-strings table', () => {
  /** Every `<si>` read by one pattern and textOf: what the reader did before its plain-run path. */
  const byPattern = (xml: string) =>
    [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
      m[1] === undefined ? '' : textOf(m[1]),
    );
  const pieces = [
    '<si>',
    '</si>',
    '<si/>',
    '<sis>',
    '<t>',
    '</t>',
    '<t xml:space="preserve">',
    '<t\txml:space="preserve">',
    '<t/>',
    '<r>',
    '</r>',
    '<rPr><b/></rPr>',
    '<rPh sb="0" eb="1"><t>ふ</t></rPh>',
    'abc',
    '员工12',
    ' ',
    '&amp;',
    '&#x4e2d;',
    '_x000D_',
    '<',
    '>',
  ];
  it('reads each string as the pattern and textOf read it', () => {
    // Whole <si> elements of random content, and stray pieces between them.
    const si = fc.oneof(
      fc.constant('<si/>'),
      fc
        .array(fc.constantFrom(...pieces.slice(4)), { maxLength: 8 })
        .map((xs) => `<si>${xs.join('')}</si>`),
      fc.constantFrom(...pieces),
    );
    fc.assert(
      fc.property(fc.array(si, { maxLength: 10 }), (parts) => {
        const xml = `<sst count="9">${parts.join('')}</sst>`;
        expect(sharedStrings(xml)).toEqual(byPattern(xml));
      }),
      { numRuns: 4000 },
    );
    expect(sharedStrings('<si><t>a</t><t>b</t></si>')).toEqual(['ab']);
    const plain =
      '<sst><si><t>甲</t></si><si><t xml:space="preserve"> a&amp;b_x000D_</t></si><si/></sst>';
    expect(sharedStrings(plain)).toEqual(['甲', ' a&b\r', '']);
  });
});
