/**
 * Hostile and foreign files (issue 17): every file here is made by the test. Limits are refused
 * with a sentence naming the file, the part and the limit; damaged packages are errors, never a
 * smaller workbook; foreign writers' packages are read, and written back with every part the
 * product does not own byte-for-byte.
 */
import { EngineFileError, loadWorkbook } from '../../src/engine';
import { LIMITS } from '../../src/engine/limits';
import { fakeFunctions } from './fake-functions';
import { storedBytes, unzip, workbookPackage, zip } from './zip-fixtures';

const functions = fakeFunctions;

async function refusal(data: Uint8Array): Promise<EngineFileError> {
  try {
    await loadWorkbook(data, { functions });
  } catch (e) {
    expect(e).toBeInstanceOf(EngineFileError);
    const err = e as EngineFileError;
    // One sentence each, no internal text.
    for (const text of [err.message, err.zh]) {
      expect(text).not.toMatch(/undefined|Cannot read|TypeError|Bug|Invalid string length|\n/);
    }
    return err;
  }
  throw new Error('expected the file to be refused');
}

const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;

describe('limits, checked before any work', () => {
  it('refuses a part that claims more than the per-part limit, without inflating it', async () => {
    const data = workbookPackage({ sheets: [{ name: 'S', body: '<sheetData/>' }] });
    const bomb = zip({
      ...Object.fromEntries(unzip(data)),
      'xl/media/huge.bin': { data: Buffer.alloc(10), declaredSize: LIMITS.partBytes + 1 },
    });
    const e = await refusal(bomb);
    expect(e.message).toMatch(/xl\/media\/huge\.bin unpacks to more than 256 MB, the limit/);
    expect(e.zh).toMatch(/xl\/media\/huge\.bin.*上限/);
  });

  it('refuses a zip bomb by its compression ratio', async () => {
    // 64 MB of one character deflates about 1000 to 1.
    const sheet = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const base = unzip(workbookPackage({ sheets: [{ name: 'S', body: '<sheetData/>' }] }));
    const e = await refusal(
      zip({ ...Object.fromEntries(base), 'xl/worksheets/sheet1.xml': sheet }),
    );
    expect(e.message).toMatch(/compressed more than 250 to 1/);
  });

  it('refuses a part whose real size is not what the directory says (bounded inflate)', async () => {
    const base = unzip(workbookPackage({ sheets: [{ name: 'S', body: '<sheetData/>' }] }));
    const sheet = Buffer.from(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row/>'.repeat(20000)}</sheetData></worksheet>`,
    );
    const e = await refusal(
      zip({
        ...Object.fromEntries(base),
        'xl/worksheets/sheet1.xml': { data: sheet, declaredSize: 100 },
      }),
    );
    expect(e.message).toMatch(
      /is damaged: its part xl\/worksheets\/sheet1\.xml cannot be unpacked/,
    );
  });

  it('refuses more parts than the limit', async () => {
    const files: Record<string, string | Buffer> = Object.fromEntries(
      unzip(workbookPackage({ sheets: [{ name: 'S', body: '<sheetData/>' }] })),
    );
    for (let i = 0; i <= LIMITS.entries; i++) files[`x/${i}`] = '';
    const e = await refusal(zip(files));
    expect(e.message).toMatch(/more than the limit of 10000/);
  });

  it('reads a merge over the whole sheet at once, without expanding it', async () => {
    const data = workbookPackage({
      sheets: [
        {
          name: 'S',
          body: `<sheetData>${row(1, num('A1', 1) + num('U1', 2) + num('V1', 3))}${row(3, num('B3', 4))}</sheetData><mergeCells count="1"><mergeCell ref="U1:XFD1048576"/></mergeCells>`,
        },
      ],
    });
    const started = Date.now();
    const wb = await loadWorkbook(data, { functions });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(wb.value('S', 'U1')).toBe(2);
    expect(wb.value('S', 'V1')).toBeNull(); // covered by the merge, as Excel shows it
    expect(wb.value('S', 'B3')).toBe(4);
  });

  it('refuses an array formula over more cells than the limit', async () => {
    const data = workbookPackage({
      sheets: [
        {
          name: 'S',
          body: `<sheetData>${row(2, '<c r="U2"><f t="array" ref="U2:U1048576">A2:A1048576*2</f><v>0</v></c>')}</sheetData>`,
        },
      ],
    });
    const e = await refusal(data);
    expect(e.message).toMatch(
      /array formula range U2:U1048576 on sheet S covers more than 1,000,000 cells/,
    );
  });
});

describe('damaged packages are errors, never a smaller workbook', () => {
  it('a missing sheet part names the sheet and the part', async () => {
    const files = Object.fromEntries(
      unzip(
        workbookPackage({
          sheets: [
            { name: 'Data', body: `<sheetData>${row(1, num('A1', 1))}</sheetData>` },
            { name: 'Lost', body: '<sheetData/>' },
          ],
        }),
      ),
    );
    delete files['xl/worksheets/sheet2.xml'];
    const e = await refusal(zip(files));
    expect(e.message).toMatch(/the sheet Lost \(part xl\/worksheets\/sheet2\.xml\) is missing/);
    expect(e.zh).toMatch(/工作表 Lost（部件 xl\/worksheets\/sheet2\.xml）缺失/);
  });

  it('a missing shared-strings part is an error, not index numbers as text', async () => {
    const files = Object.fromEntries(
      unzip(
        workbookPackage({
          sheets: [
            { name: 'S', body: `<sheetData>${row(1, '<c r="A1" t="s"><v>0</v></c>')}</sheetData>` },
          ],
          strings: ['SENIOR'],
        }),
      ),
    );
    delete files['xl/sharedStrings.xml'];
    const e = await refusal(zip(files));
    expect(e.message).toMatch(
      /cell S!A1 uses the shared-strings part \(xl\/sharedStrings\.xml\), which is missing/,
    );
  });

  it('an encrypted workbook (an OLE container) and a Word document say what they are', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(ole)).message).toMatch(/old \.xls file or an encrypted workbook/);
    const docx = zip({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' });
    expect((await refusal(docx)).message).toMatch(/has no workbook part/);
  });
});

describe('foreign writers', () => {
  const tableXml =
    '<?xml version="1.0"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T1" displayName="T1" ref="A1:B3"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="工号"/><tableColumn id="2" name="分"/></tableColumns></table>';
  const comments =
    '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>openpyxl</author></authors><commentList><comment ref="A2" authorId="0"><text><t>note</t></text></comment></commentList></comments>';

  function openpyxlLike(): Buffer {
    return workbookPackage({
      absoluteTargets: true,
      sheets: [
        {
          name: 'Data',
          body:
            `<sheetData>${row(1, '<c r="A1" t="inlineStr"><is><t>工号</t></is></c><c r="B1" t="inlineStr"><is><t>分</t></is></c>')}` +
            `${row(2, '<c r="A2" t="inlineStr"><is><t>E1</t></is></c><c r="B2"><v>-0</v></c><c r="C2"><f t="array" ref="C2">SUM(B2:B3*2)</f><v>99</v></c>')}` +
            `${row(3, '<c r="A3" t="inlineStr"><is><t>E2</t></is></c><c r="B3"><v>1.5E-05</v></c><c r="C3"><f>B3*1E+3</f><v>0</v></c>')}` +
            '</sheetData><legacyDrawing r:id="rIdC"/><tableParts count="1"><tablePart r:id="rIdT"/></tableParts>',
          rels: {
            rIdT: ['table', '/xl/tables/table1.xml'],
            rIdC: ['comments', '/xl/comments/comment1.xml'],
          },
        },
      ],
      extra: { 'xl/tables/table1.xml': tableXml, 'xl/comments/comment1.xml': comments },
    });
  }

  it('reads openpyxl-style absolute targets, tables, inline strings, no theme or styles', async () => {
    const wb = await loadWorkbook(openpyxlLike(), { functions });
    expect(wb.model.tables).toEqual([
      {
        name: 'T1',
        sheet: 'Data',
        ref: 'A1:B3',
        headerRow: true,
        totalsRow: false,
        columns: ['工号', '分'],
      },
    ]);
    expect(wb.value('Data', 'A2')).toBe('E1');
    expect(Object.is(wb.value('Data', 'B2'), -0)).toBe(true);
    expect(wb.value('Data', 'B3')).toBe(1.5e-5);
  });

  it('writes back by patching: unowned parts byte-for-byte, array flag and ref kept, -0 kept', async () => {
    const input = openpyxlLike();
    const wb = (await loadWorkbook(input, { functions })).evaluate();
    expect(wb.value('Data', 'C3')).toBeCloseTo(0.015, 12);
    const out = Buffer.from(await wb.toBuffer());
    for (const part of [
      'xl/tables/table1.xml',
      'xl/comments/comment1.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      '[Content_Types].xml',
    ]) {
      expect(storedBytes(out, part)).toEqual(storedBytes(input, part));
    }
    const sheet = unzip(out).get('xl/worksheets/sheet1.xml')?.toString() ?? '';
    expect(sheet).toContain('<c r="C2"><f t="array" ref="C2">SUM(B2:B3*2)</f><v>');
    expect(sheet).toContain('<c r="B2"><v>-0</v></c>');
    expect(sheet).toMatch(/<c r="C3"><f>B3\*1E\+3<\/f><v>0\.01500*\d*<\/v><\/c>/);
    const again = await loadWorkbook(out, { functions });
    expect(again.model.sheets[0].arrayFormulas).toEqual([{ row: 1, col: 2, ref: 'C2' }]);
  });

  it('reads a package whose elements carry a namespace prefix, rows and cells without addresses', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const files = Object.fromEntries(
      unzip(workbookPackage({ sheets: [{ name: 'S', body: '<sheetData/>' }] })),
    );
    files['xl/worksheets/sheet1.xml'] = Buffer.from(
      `<x:worksheet xmlns:x="${ns}"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:t>z</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    );
    const wb = await loadWorkbook(zip(files), { functions });
    expect(wb.grid('S').values).toEqual([
      [1, 2],
      ['z', null],
    ]);
  });
});

describe('formulas a real appraisal workbook uses', () => {
  const fc = (ref: string, formula: string) => `<c r="${ref}"><f>${formula}</f></c>`;
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;

  it('computes CONCAT, TEXTJOIN, IFS, XLOOKUP and exponent literals on the HyperFormula route', async () => {
    const data = workbookPackage({
      sheets: [
        {
          name: 'S',
          body:
            '<sheetData>' +
            row(1, text('A1', 'E1') + text('B1', 'SENIOR') + num('C1', 95)) +
            row(2, text('A2', 'E2') + text('B2', 'MID') + num('C2', 70)) +
            row(
              4,
              fc('A4', '_xlfn.CONCAT(A1:B2,"-",C1)') +
                fc('B4', '_xlfn.TEXTJOIN(",",TRUE,A1:A2)') +
                fc('C4', '_xlfn.IFS(C1&gt;=90,"A",C1&gt;=60,"B",TRUE,"C")') +
                fc('D4', '_xlfn.XLOOKUP("E2",A1:A2,C1:C2)') +
                fc('E4', '1E+3+1.5E-05') +
                fc('F4', '_xlfn.LET(x,1,x)'),
            ) +
            '</sheetData>',
        },
      ],
    });
    const wb = (await loadWorkbook(data, { functions })).evaluate();
    expect(wb.value('S', 'A4')).toBe('E1SENIORE2MID-95');
    expect(wb.value('S', 'B4')).toBe('E1,E2');
    expect(wb.value('S', 'C4')).toBe('A');
    expect(wb.value('S', 'D4')).toBe(70);
    expect(wb.value('S', 'E4')).toBe(1000.000015);
    expect(wb.value('S', 'F4')).toEqual({
      error: '#NAME?',
      message: 'Excel function LET is not supported by this engine (Excel computes it)',
    });
  });
});

describe('atomic writes', () => {
  it('a full disk leaves the existing file as it was and no temporary file', async () => {
    const { promises, mkdtempSync, readFileSync, readdirSync, writeFileSync } = await import('fs');
    const { join } = await import('path');
    const { tmpdir } = await import('os');
    const { writeWorkbookFile } = await import('../../src/engine/files');
    const folder = mkdtempSync(join(tmpdir(), 'cm-full-'));
    const target = join(folder, 'out.xlsx');
    writeFileSync(target, 'old');
    const realOpen = promises.open.bind(promises);
    const spy = jest.spyOn(promises, 'open').mockImplementation(async (...args) => {
      const handle = await realOpen(...(args as Parameters<typeof realOpen>));
      let written = 0;
      const realWrite = handle.write.bind(handle) as (...a: unknown[]) => Promise<unknown>;
      (handle as unknown as { write: unknown }).write = async (...a: unknown[]) => {
        if (written++ > 0) {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        return realWrite(...a);
      };
      return handle;
    });
    try {
      const chunks = [new Uint8Array(1000), new Uint8Array(1000)];
      const e = await writeWorkbookFile(target, chunks).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(EngineFileError);
      expect((e as EngineFileError).message).toMatch(
        /Could not write .*out\.xlsx \(the disk is full\); nothing was written/,
      );
      expect((e as EngineFileError).zh).toMatch(/磁盘已满/);
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['out.xlsx']);
  });
});
