/**
 * Big sheets are read and written in pieces (src/engine/sheet-xml.ts): a sheet whose cell data
 * spans several pieces reads exactly as ExcelJS reads it, and a workbook written back by the
 * patch writer (patched sheet and a report sheet of several pieces, each deflated on its own)
 * opens in ExcelJS with every value, formula and report row in place.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { inflateRawSync } from 'zlib';
import { loadWorkbook, saveWorkbook } from '../../src/engine';
import { readWorkbookModel } from '../../src/engine/read';
import { detach, PIECE_BYTES, splitSheetXml } from '../../src/engine/sheet-xml';
import { readXlsxModel } from '../../src/engine/xlsx-read';
import { fakeFunctions } from './fake-functions';
import { f, readBack, tempDir, xlsxBytes } from './fixtures';
import { readFileSync } from 'fs';
import { join } from 'path';

const sheetXml = (cells: string, root = 'worksheet', p = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${p}${root} xmlns${p ? `:${p.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${cells}</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="A1:B1"/></${p}mergeCells></${p}${root}>`;

const rows = (n: number, p = '') =>
  Array.from(
    { length: n },
    (_, i) =>
      `<${p}row r="${i + 1}"><${p}c r="A${i + 1}"><${p}v>${i}</${p}v></${p}c><${p}c r="B${i + 1}" t="inlineStr"><${p}is><${p}t>名${i}</${p}t></${p}is></${p}c></${p}row>`,
  ).join('');

describe('splitSheetXml', () => {
  it.each([
    ['no prefix', ''],
    ['a namespace prefix', 'x:'],
  ])('cuts the cell data after whole rows only (%s)', (_, p) => {
    const xml = sheetXml(rows(50, p), 'worksheet', p);
    const split = splitSheetXml(Buffer.from(xml), 200);
    const pieces = [...split.pieces()];
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) {
      expect(piece.startsWith(`<${p}row`)).toBe(true);
      expect(piece.endsWith(`</${p}row>`)).toBe(true);
    }
    expect(split.head + pieces.join('') + split.tail).toBe(xml);
    expect(split.prefix).toBe(p);
    expect(split.tail).toContain('mergeCell ref="A1:B1"');
  });

  it('reads a self-closed or missing sheetData as no cells, and UTF-16 text as UTF-8', () => {
    const empty = splitSheetXml(
      Buffer.from('<worksheet xmlns="x"><sheetData/><mergeCells/></worksheet>'),
    );
    expect([...empty.pieces()]).toEqual([]);
    expect(empty.tail).toContain('mergeCells');
    expect([...splitSheetXml(Buffer.from('<worksheet xmlns="x"/>')).pieces()]).toEqual([]);
    const xml = sheetXml(rows(3));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const split = splitSheetXml(utf16, 10);
    expect(split.head + [...split.pieces()].join('') + split.tail).toBe(xml);
  });

  it('detaches a kept substring as an equal string', () => {
    const big = 'x'.repeat(1000) + '_xldudf_CM_APPRAISAL_SCORE(D2,E2,G2,H2,J2)';
    expect(detach(big.slice(1000))).toBe('_xldudf_CM_APPRAISAL_SCORE(D2,E2,G2,H2,J2)');
    expect(detach('A1')).toBe('A1');
  });
});

describe('a sheet larger than one piece', () => {
  // About 3 pieces of cell data: formulas, text, numbers, a date format, booleans.
  const ROWS = Math.ceil((3 * PIECE_BYTES) / 400);
  let data: Uint8Array;

  beforeAll(async () => {
    data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('考核表');
      ws.addRow(['工号', '姓名', '数', '比', '是否', '公式', '日期']);
      for (let i = 0; i < ROWS; i++) {
        const r = i + 2;
        ws.addRow([
          `E${100000 + i}`,
          `客户经理${i} & <${i % 7}>`,
          i * 1.25,
          -i / 3,
          i % 2 === 0,
          f(`C${r}*2+LEN(B${r})`, i * 2.5 + 1),
          new Date(Date.UTC(2026, i % 12, 1 + (i % 28))),
        ]);
      }
      ws.getColumn(7).numFmt = 'yyyy-mm-dd';
      ws.mergeCells('I2:J3');
    });
  });

  it('reads as ExcelJS reads it', async () => {
    const fast = readXlsxModel(data);
    expect(fast.sheets[0].rowCount).toBe(ROWS + 1);
    expect(fast).toEqual(readWorkbookModel(await readBack(data)));
  });

  it('is written back in pieces that ExcelJS opens with every value and a long report', async () => {
    const wb = await loadWorkbook(data, { functions: fakeFunctions });
    wb.evaluate();
    await wb.addSheet('Report');
    const report = Array.from({ length: ROWS * 3 }, (_, i) => [
      i,
      `第${i}行 <ok> & _x0041_`,
      i / 7,
    ]);
    await wb.setRows('Report', report);
    const out = join(tempDir(), 'pieces.xlsx');
    await saveWorkbook(wb, out);
    // Written by patching the input (its styles part copied byte for byte), not by ExcelJS.
    const { ZipArchive } = await import('../../src/engine/zip');
    const written = new ZipArchive(readFileSync(out), 'out');
    expect(written.text('xl/styles.xml')).toBe(new ZipArchive(data, 'in').text('xl/styles.xml'));
    const back = await readBack(new Uint8Array(readFileSync(out)));
    const sheet = back.getWorksheet('考核表');
    expect(sheet?.rowCount).toBe(ROWS + 1);
    for (const i of [0, Math.floor(ROWS / 2), ROWS - 1]) {
      const row = sheet?.getRow(i + 2);
      expect(row?.getCell(2).value).toBe(`客户经理${i} & <${i % 7}>`);
      const cell = row?.getCell(6).value as { formula: string; result: number };
      expect(cell.formula).toBe(`C${i + 2}*2+LEN(B${i + 2})`);
      expect(cell.result).toBe(i * 2.5 + String(`客户经理${i} & <${i % 7}>`).length);
    }
    const rep = back.getWorksheet('Report');
    expect(rep?.rowCount).toBe(ROWS * 3);
    expect(rep?.getRow(ROWS * 3).getCell(3).value).toBe((ROWS * 3 - 1) / 7);
    // Text that looks like an escape is escaped again (`_x005F_`); ExcelJS does not undo
    // escapes, Excel and the engine's reader do.
    const model = readXlsxModel(readFileSync(out));
    expect(model.sheets[1].values[ROWS * 3 - 1]).toEqual([
      ROWS * 3 - 1,
      `第${ROWS * 3 - 1}行 <ok> & _x0041_`,
      (ROWS * 3 - 1) / 7,
    ]);
  });
});

describe('the pieces of one part deflate into one valid stream', () => {
  it('inflates back to the concatenated pieces', async () => {
    const { writeZip, ZipArchive } = await import('../../src/engine/zip');
    // Over two mebibytes: several deflate calls, each ended by a sync flush.
    const pieces = ['<a>', 'x'.repeat(1_500_000), '', '中文'.repeat(300_000), '</a>'].map((s) =>
      Buffer.from(s),
    );
    const chunks = writeZip([{ name: 'p.xml', pieces: () => pieces }]);
    const zip = new ZipArchive(Buffer.concat(chunks), 'p.zip');
    expect(zip.text('p.xml')).toBe(Buffer.concat(pieces).toString());
    const raw = zip.raw(zip.entry('p.xml') as never);
    expect(inflateRawSync(raw).equals(Buffer.concat(pieces))).toBe(true);
  });
});

describe('parts written from pieces of text and bytes, on this thread or the thread pool', () => {
  // Pieces of text are encoded straight into reused batch buffers; long ones go whole.
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 3_000 }),
    fc.integer({ min: 0, max: 200_000 }).map((n) => '中'.repeat(n)),
    fc.integer({ min: 0, max: 700_000 }).map((n) => 'x'.repeat(n)),
    // Around what a batch holds, and the longest text encoded into one (3 bytes a unit).
    fc.integer({ min: 1_040_000, max: 1_048_576 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: 60_000, max: 70_000 }).map((n) => '中'.repeat(n)),
    fc.uint8Array({ maxLength: 2_000 }),
  );
  const bytesOf = (pieces: readonly (string | Uint8Array)[]) =>
    Buffer.concat(pieces.map((x) => (typeof x === 'string' ? Buffer.from(x, 'utf8') : x)));

  it('inflate back to the pieces as UTF-8, the same bytes from writeZip and writeZipAsync', async () => {
    const { writeZip, writeZipAsync, ZipArchive } = await import('../../src/engine/zip');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), async (pieces) => {
        const parts = [
          { name: 'a.xml', pieces: () => pieces },
          { name: 'b.xml', data: Buffer.from('<b/>') },
        ];
        const sync = new ZipArchive(Buffer.concat(writeZip(parts)), 's.zip');
        const pooled = new ZipArchive(Buffer.concat(await writeZipAsync(parts)), 'a.zip');
        const want = bytesOf(pieces);
        for (const zip of [sync, pooled]) {
          // bytes() checks the CRC and size the headers give.
          expect(Buffer.from(zip.bytes('a.xml') as Uint8Array).equals(want)).toBe(true);
          expect(zip.text('b.xml')).toBe('<b/>');
        }
        const raw = (z: InstanceType<typeof ZipArchive>) => z.raw(z.entry('a.xml') as never);
        expect(Buffer.from(raw(pooled)).equals(Buffer.from(raw(sync)))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
  it('passes on an error made while pieces are still being deflated', async () => {
    const { writeZipAsync } = await import('../../src/engine/zip');
    function* failing() {
      for (let i = 0; i < 6; i++) yield String(i).repeat(1 << 20);
      throw new Error('the report could not be made');
    }
    await expect(writeZipAsync([{ name: 'p.xml', pieces: failing }])).rejects.toThrow(
      'the report could not be made',
    );
  });

  it('fills a batch to its brim and reuses its buffer only once its deflate is done', async () => {
    const { writeZip, writeZipAsync, ZipArchive } = await import('../../src/engine/zip');
    // 15 pieces of 64 Ki units fill a batch to just under a mebibyte; then the longest text
    // written into a batch (3 bytes a unit), one just too long for it, and one far too long.
    const letters = (i: number) => String.fromCharCode(65 + (i % 26)).repeat(1 << 16);
    for (const last of [1 << 16, (1 << 16) + 1, 1 << 18]) {
      // Several batches, each different, so a buffer reused too early shows.
      const pieces = [...Array.from({ length: 45 }, (_, i) => letters(i)), '中'.repeat(last)];
      const parts = [{ name: 'p.xml', pieces: () => pieces }];
      const want = bytesOf(pieces);
      for (const chunks of [writeZip(parts), await writeZipAsync(parts)]) {
        const zip = new ZipArchive(Buffer.concat(chunks), 'p.zip');
        expect(Buffer.from(zip.bytes('p.xml') as Uint8Array).equals(want)).toBe(true);
      }
    }
  });
});

describe("a large part's memory given back once it is read", () => {
  it('detaches a large inflated part, leaves small and stored ones, and reads it again whole', async () => {
    const { writeZip, ZipArchive } = await import('../../src/engine/zip');
    const big = Buffer.from('<a>'.concat('y'.repeat(1_200_000), '</a>'));
    const small = Buffer.from('<b/>'.repeat(100));
    const chunks = writeZip([
      { name: 'big.xml', pieces: () => [big] },
      { name: 'small.xml', pieces: () => [small] },
    ]);
    const zip = new ZipArchive(Buffer.concat(chunks), 'p.zip');
    const bytes = zip.bytes('big.xml') as Uint8Array;
    zip.release(bytes);
    expect(bytes.byteLength).toBe(0);
    expect(Buffer.from(zip.bytes('big.xml') as Uint8Array).equals(big)).toBe(true);
    const few = zip.bytes('small.xml') as Uint8Array;
    zip.release(few);
    expect(Buffer.from(few).equals(small)).toBe(true);
    // A part that is a view of the archive itself is never detached.
    const whole = zip.data.buffer.byteLength;
    zip.release(zip.data.subarray(0, zip.data.byteLength));
    expect(zip.data.buffer.byteLength).toBe(whole);
  });

  it('reads a sheet of over a mebibyte as ExcelJS reads it, and writes it back', async () => {
    const n = 12_000;
    const data = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet('S');
      for (let i = 0; i < n; i++) ws.addRow([i, `E${100000 + i}`, i / 7, f(`A${i + 1}*2`, i * 2)]);
    });
    const { ZipArchive } = await import('../../src/engine/zip');
    const part = new ZipArchive(data, 'big.xlsx').entry('xl/worksheets/sheet1.xml');
    expect(part?.size).toBeGreaterThan(1 << 20); // large enough to be given back after reading
    const fast = readXlsxModel(data);
    expect(fast).toEqual(readWorkbookModel(await readBack(data)));
    const wb = await loadWorkbook(data, { functions: fakeFunctions });
    wb.evaluate();
    const out = join(tempDir(), 'big-back.xlsx');
    await saveWorkbook(wb, out);
    expect(readXlsxModel(readFileSync(out)).sheets[0].values[n - 1]).toEqual([
      n - 1,
      `E${100000 + n - 1}`,
      (n - 1) / 7,
      (n - 1) * 2,
    ]);
  });
});

describe('rows read compactly', () => {
  it('rows formatted alike share a formats row; a row met again gets its own back', async () => {
    const { workbookPackage } = await import('./zip-fixtures');
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/></cellXfs></styleSheet>';
    const data = workbookPackage({
      sheets: [
        {
          name: 'S',
          body:
            '<sheetData>' +
            '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>45000</v></c></row>' +
            '<row r="2"><c r="A2"><v>2</v></c><c r="B2" s="1"><v>45001</v></c></row>' +
            '<row r="3"><c r="A3"><v>3</v></c><c r="B3" s="1"><v>45002</v></c></row>' +
            // Row 1 again, out of order: a percent in C1 must not reach rows 2 and 3.
            '<row r="1"><c r="C1" s="2"><v>0.5</v></c></row>' +
            '</sheetData>',
        },
      ],
      extra: { 'xl/styles.xml': styles },
    });
    const sheet = readXlsxModel(data).sheets[0];
    expect(sheet.formats?.[1]).toBe(sheet.formats?.[2]);
    expect(sheet.formats?.[0]).toEqual([null, 'mm-dd-yy', '0%']);
    expect(sheet.formats?.[1]).toEqual([null, 'mm-dd-yy']);
    expect(sheet.formats?.[2]).toEqual([null, 'mm-dd-yy']);
    expect(sheet.values[0]).toEqual([1, 45000, 0.5]);
  });
});

describe('a sheet whose cached values are already fresh', () => {
  const book = (total: unknown, flag: unknown, err: unknown, spilled = 15) =>
    xlsxBytes((wb) => {
      const ws = wb.addWorksheet('考核表');
      ws.addRow(['数', '公式', '判断', '错误']);
      for (let i = 0; i < 50; i++) {
        ws.addRow([i * 1.5, f(`A${i + 2}*2`, i * 3), f(`A${i + 2}>10`, i * 1.5 > 10), null]);
      }
      ws.addRow([7, f('A52*2', total), f('A52>10', flag), f('1/0', err)]);
      // A legacy array formula filling E2:E3; E3 holds its second value as saved.
      ws.getCell('E2').value = {
        formula: 'A2:A3*10',
        shareType: 'array',
        ref: 'E2:E3',
        result: 0,
      } as unknown as ExcelJS.CellValue;
      ws.getCell('E3').value = spilled;
    });

  /** The sheet part as the written workbook stores it, and as the input did. */
  async function writtenAndRead(data: Uint8Array) {
    const { ZipArchive } = await import('../../src/engine/zip');
    const wb = await loadWorkbook(data, { functions: fakeFunctions });
    wb.evaluate();
    await wb.addSheet('Report');
    await wb.setRows('Report', [['报告']]);
    const out = join(tempDir(), 'fresh.xlsx');
    await saveWorkbook(wb, out);
    const part = 'xl/worksheets/sheet1.xml';
    const [written, read] = [new ZipArchive(readFileSync(out), 'out'), new ZipArchive(data, 'in')];
    const raw = (z: InstanceType<typeof ZipArchive>) => Buffer.from(z.raw(z.entry(part) as never));
    return { same: raw(written).equals(raw(read)), back: await readBack(readFileSync(out)) };
  }

  it('is copied as stored, byte for byte, when every formula gives what the file saved', async () => {
    const { same, back } = await writtenAndRead(await book(14, false, { error: '#DIV/0!' }));
    expect(same).toBe(true);
    expect(back.getWorksheet('考核表')?.getCell('E3').value).toBe(15);
    expect(back.getWorksheet('考核表')?.getCell('B52').value).toMatchObject({ result: 14 });
    expect(back.getWorksheet('Report')?.getCell('A1').value).toBe('报告');
  });

  it.each([
    ['a stale number', 15, false, { error: '#DIV/0!' }, 'B52', 14, 15],
    ['a stale boolean', 14, true, { error: '#DIV/0!' }, 'C52', false, 15],
    ['a stale error', 14, false, { error: '#N/A' }, 'D52', { error: '#DIV/0!' }, 15],
    ['a missing result', undefined, false, { error: '#DIV/0!' }, 'B52', 14, 15],
    ['a stale spilled value', 14, false, { error: '#DIV/0!' }, 'E3', 15, 99],
  ])(
    'is patched when one cached value is not fresh (%s)',
    async (_, total, flag, err, at, want, spilled) => {
      const { same, back } = await writtenAndRead(await book(total, flag, err, spilled));
      expect(same).toBe(false);
      // ExcelJS drops a cached false or 0 from cell.value; cell.result keeps it. A spilled
      // cell is written as a plain value.
      const cell = back.getWorksheet('考核表')?.getCell(at);
      expect(at === 'E3' ? cell?.value : cell?.result).toEqual(want);
    },
  );
});
