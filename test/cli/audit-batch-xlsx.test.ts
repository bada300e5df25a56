/**
 * The batch summary's own workbook writer (src/cli/audit-batch-xlsx.ts): what it writes reads
 * back the same through ExcelJS and through the engine's reader, with the header bold, links as
 * formulas with their cached text, empty cells left out, and text that XML cannot hold as is.
 */
import ExcelJS from 'exceljs';
import { summaryParts, xmlText } from '../../src/cli/audit-batch-xlsx';
import { columnLetters } from '../../src/engine/a1';
import { summarySheets, type BatchItem } from '../../src/cli/audit-batch-summary';
import type { FindingJson } from '../../src/cli/findings';
import { loadWorkbook } from '../../src/engine';
import { writeZip } from '../../src/engine/zip';

const finding = (row: number): FindingJson => ({
  severity: 'error',
  cell: `考核表!R${row}`,
  sheet: '考核表',
  address: `R${row}`,
  row,
  column: 'score',
  rule: 'r.one',
  article: 'Art. 1',
  message: 'one',
});

const bytes = (chunks: Uint8Array[]): Buffer => Buffer.concat(chunks);

const SHEETS = [
  {
    name: '工作簿',
    rows: [
      ['名称', 'Count', 'Link'],
      [
        'a & <b> "c"',
        42,
        { formula: 'HYPERLINK("[x.xlsx]考核表!A1","考核表!A1")', result: '考核表!A1' },
      ],
      [null, 3.5, 'bell\u0007here'],
    ],
    widths: [28, 12],
  },
  { name: 'Findings', rows: [['only a header']], widths: [] },
];

describe('the summary workbook writer', () => {
  it('writes cells that ExcelJS reads back as written, the header bold', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes(writeZip(summaryParts(SHEETS))) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['工作簿', 'Findings']);
    const ws = book.getWorksheet('工作簿');
    if (!ws) throw new Error('sheet missing');
    expect(ws.getCell('A1').value).toBe('名称');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBeFalsy();
    expect(ws.getCell('A2').value).toBe('a & <b> "c"');
    expect(ws.getCell('B2').value).toBe(42);
    expect(ws.getCell('C2').value).toEqual({
      formula: 'HYPERLINK("[x.xlsx]考核表!A1","考核表!A1")',
      result: '考核表!A1',
    });
    expect(ws.getCell('A3').value).toBeNull();
    expect(ws.getCell('B3').value).toBe(3.5);
    expect(ws.getCell('C3').value).toBe('bell\ufffdhere');
    expect(ws.getColumn(1).width).toBe(28);
    expect(ws.getColumn(2).width).toBe(12);
    expect(book.getWorksheet('Findings')?.rowCount).toBe(1);
  });

  it('is read by the engine too (its own strict reader)', async () => {
    const wb = await loadWorkbook(bytes(writeZip(summaryParts(SHEETS))));
    const values = wb.grid('工作簿').values;
    expect(values[1][0]).toBe('a & <b> "c"');
    expect(values[1][1]).toBe(42);
    expect(values[1][2]).toBe('考核表!A1');
  });

  it('lays out the summary: a row per workbook, a row per kind of finding, failures noted', () => {
    const items: BatchItem[] = [
      {
        input: '/m/a.xlsx',
        output: '/out/a.xlsx',
        exit: 1,
        report: {
          workbook: 'a.xlsx',
          counts: { rows: 10, mismatches: 1, errors: 2, warnings: 0 },
          findings: [finding(2), finding(3)],
          record: { seq: 1, hash: 'ab' },
        },
      },
      { input: '/m/b.xlsx', output: null, exit: 2, error: 'not a workbook' },
    ];
    const [books, found] = summarySheets('/out/summary.xlsx', items, 'en');
    expect(books.rows).toEqual([
      [
        'Workbook',
        'Status',
        'Rows',
        'Mismatches',
        'Errors',
        'Warnings',
        'Log record',
        'Record hash',
        'Note',
      ],
      [
        { formula: 'HYPERLINK("a.xlsx","a.xlsx")', result: 'a.xlsx' },
        'findings',
        10,
        1,
        2,
        0,
        1,
        'ab',
        null,
      ],
      ['b.xlsx', 'not audited', null, null, null, null, null, null, 'not a workbook'],
    ]);
    expect(found.rows.slice(1)).toEqual([
      [
        { formula: 'HYPERLINK("a.xlsx","a.xlsx")', result: 'a.xlsx' },
        'r.one',
        'Art. 1',
        'error',
        2,
        { formula: 'HYPERLINK("[a.xlsx]考核表!R2","考核表!R2")', result: '考核表!R2' },
        '考核表!R2, 考核表!R3',
      ],
    ]);
  });

  it('names columns as Excel does, and writes text XML can hold', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(xmlText('<&>"\u0000')).toBe('&lt;&amp;&gt;&quot;\ufffd');
  });
});
