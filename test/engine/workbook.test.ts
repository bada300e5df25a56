import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { loadWorkbook, Workbook, type EngineValue, type WorkbookModel } from '../../src/engine';
import { f, readBack, xlsxBytes } from './fixtures';
import { fakeFunctions } from './fake-functions';
import { inflateRawSync } from 'zlib';

/** The first worksheet's XML inside .xlsx bytes (a stored or deflated zip entry). */
async function sheetXml(zip: Buffer): Promise<string> {
  const name = 'xl/worksheets/sheet1.xml';
  for (let at = zip.indexOf('PK\x03\x04'); at >= 0; at = zip.indexOf('PK\x03\x04', at + 4)) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 30, at + 30 + nameLength) !== name) continue;
    const body = zip.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    return (method === 8 ? inflateRawSync(body) : body).toString('utf8');
  }
  throw new Error(`${name} not found`);
}

const functions = fakeFunctions;
const load = async (build: (wb: ExcelJS.Workbook) => void): Promise<Workbook> =>
  (await loadWorkbook(await xlsxBytes(build), { functions })).evaluate();

describe('reading', () => {
  it('reads values, dates, rich text, cached results (a cached 0 too)', async () => {
    const wb = await loadWorkbook(
      await xlsxBytes((x) => {
        const ws = x.addWorksheet('S');
        ws.getCell('A1').value = 3;
        ws.getCell('A2').value = new Date(Date.UTC(2024, 0, 31));
        ws.getCell('A3').value = { richText: [{ text: '考核' }, { text: '表' }] };
        ws.getCell('A4').value = true;
        ws.getCell('A5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
        ws.getCell('B1').value = f('A1-3', 0);
        ws.getCell('B2').value = f('"x"', '');
      }),
      { functions },
    );
    const v = wb.values('S');
    expect(v[0][0]).toBe(3);
    expect(v[1][0]).toBe(45322);
    expect(v[2][0]).toBe('考核表');
    expect(v[3][0]).toBe(true);
    expect(v[4][0]).toEqual({ error: '#N/A' });
    expect(v[0][1]).toBe(0);
    expect(wb.formula('S', 'B1')).toBe('A1-3');
  });

  it('resolves shared formulas to each cell’s own formula', async () => {
    const wb = await load((x) => {
      const ws = x.addWorksheet('S');
      [1, 2, 3].forEach((n, i) => (ws.getCell(`A${i + 1}`).value = n));
      ws.getCell('B1').value = {
        formula: 'A1*$A$1+"A1"',
        shareType: 'shared',
        ref: 'B1:B3',
        result: 0,
      } as unknown as ExcelJS.CellValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 0 } as unknown as ExcelJS.CellValue;
      ws.getCell('B3').value = { sharedFormula: 'B1', result: 0 } as unknown as ExcelJS.CellValue;
      ws.getCell('C1').value = f('"A1"');
    });
    expect(wb.formula('S', 'B3')).toBe('A3*$A$1+"A1"');
    // "A1" is text: A3*A1 + "A1" → #VALUE!; C1 shows strings stay strings
    expect(wb.value('S', 'C1')).toBe('A1');
  });

  it('reads tables and defined names', async () => {
    const wb = await load((x) => {
      const ws = x.addWorksheet('考核表');
      ws.addTable({
        name: '表1',
        ref: 'A1',
        headerRow: true,
        columns: [{ name: '姓名' }, { name: '得分' }],
        rows: [
          ['甲', 80],
          ['乙', 90],
        ],
      });
      const p = x.addWorksheet('参数');
      p.getCell('B2').value = 0.9;
      x.definedNames.add("'参数'!$B$2", '基数');
    });
    expect(wb.model.tables).toEqual([
      {
        name: '表1',
        sheet: '考核表',
        ref: 'A1:B3',
        headerRow: true,
        totalsRow: false,
        columns: ['姓名', '得分'],
      },
    ]);
    expect(wb.model.names).toEqual([{ name: '基数', refersTo: "'参数'!$B$2" }]);
  });
});

describe('evaluating', () => {
  const appraisal = (x: ExcelJS.Workbook) => {
    const ws = x.addWorksheet('考核表');
    ws.addTable({
      name: '表1',
      ref: 'A1',
      headerRow: true,
      columns: [{ name: '姓名' }, { name: '得分' }, { name: '双倍' }, { name: '调整' }],
      rows: [
        [
          '甲',
          10,
          f('_xldudf_CM_DOUBLE(表1[[#This Row],[得分]])'),
          f('表1[[#This Row],[双倍]]*基数'),
        ],
        ['乙', 20, f('_xldudf_CM_DOUBLE(表1[[#This Row],[得分]])'), f('[@双倍]*基数')],
      ],
    });
    ws.getCell('F1').value = f('SUM(表1[得分])');
    ws.getCell('F2').value = f('CM.DOUBLE(考核表!B2)');
    ws.getCell('F3').value = f('_xlfn.IFS(TRUE,"ok")');
    ws.getCell('F4').value = f('FOO(1)', 7);
    ws.getCell('F5').value = f('SUM(表9[得分])', 7);
    ws.getCell('F6').value = f('F4+1', 8);
    ws.getCell('F7').value = f('CONCATENATE("_xldudf_CM_DOUBLE(","表1[得分]")');
    ws.getCell('F8').value = f('SUM(表1[#All])+COUNTA(表1[#Headers])+SUM(表1[#Data])');
    ws.getCell('F9').value = f('SUM(表1[[得分]:[双倍]])');
    const p = x.addWorksheet('参数');
    p.getCell('B2').value = 0.5;
    x.definedNames.add("'参数'!$B$2", '基数');
  };

  it('evaluates CM calls in both spellings, tables, names and CJK sheets', async () => {
    const wb = await load(appraisal);
    expect(wb.value('考核表', 'C2')).toBe(20);
    expect(wb.value('考核表', 'D2')).toBe(10);
    expect(wb.value('考核表', 'D3')).toBe(20);
    expect(wb.value('考核表', 'F1')).toBe(30);
    expect(wb.value('考核表', 'F2')).toBe(20);
    expect(wb.value('考核表', 'F3')).toBe('ok');
    expect(wb.value('考核表', 'F7')).toBe('_xldudf_CM_DOUBLE(表1[得分]');
    expect(wb.value('考核表', 'F8')).toBe(120 + 4 + 120);
    expect(wb.value('考核表', 'F9')).toBe(90);
  });

  it('gives an untranslatable formula its own error with why; other cells evaluate', async () => {
    const wb = await load(appraisal);
    expect(wb.value('考核表', 'F4')).toEqual({ error: '#NAME?', message: 'Unknown function FOO' });
    expect(wb.value('考核表', 'F5')).toEqual({
      error: '#VALUE!',
      message: 'Structured reference to unknown table 表9',
    });
    expect(wb.value('考核表', 'F6')).toMatchObject({ error: '#NAME?' });
    expect(wb.value('考核表', 'F1')).toBe(30);
  });

  it('lists formula cells and gives grids with typed formulas', async () => {
    const wb = await load(appraisal);
    const cells = wb.formulaCells();
    expect(cells).toContainEqual({
      sheet: '考核表',
      address: 'C2',
      formula: '=CM.DOUBLE(表1[[#This Row],[得分]])',
      value: 20,
    });
    const grid = wb.tableGrid('表1');
    expect(grid.values[0]).toEqual(['姓名', '得分', '双倍', '调整']);
    expect(grid.formulas[1][2]).toBe('=CM.DOUBLE(表1[[#This Row],[得分]])');
    const sheet = wb.grid('考核表');
    expect([sheet.top, sheet.left, sheet.values.length, sheet.values[0].length]).toEqual([
      0, 0, 9, 6,
    ]);
    expect(sheet.values[3][5]).toBe('#NAME?');
  });

  it('spills array results and lists the spilled cells', async () => {
    const wb = await load((x) => {
      const ws = x.addWorksheet('S');
      [1, 2, 3].forEach((n, i) => (ws.getCell(`A${i + 1}`).value = n));
      ws.getCell('B1').value = f('_xldudf_CM_DOUBLE(A1:A3)');
      ws.getCell('C1').value = f('CM.PAIR(A1:A2)');
      ws.getCell('E1').value = {
        formula: 'A1:A2*10',
        shareType: 'array',
        ref: 'E1:E2',
        result: 10,
      } as unknown as ExcelJS.CellValue;
      ws.getCell('E2').value = 10; // the cached spill value from the file
    });
    const cols = ['B', 'C', 'D', 'E'];
    const shown = [1, 2, 3].map((r) => cols.map((c) => wb.value('S', `${c}${r}`)));
    expect(shown).toEqual([
      [2, 1, 10, 10],
      [4, 2, 20, 20],
      [6, null, null, null],
    ]);
    const spilled = wb.formulaCells().filter((c) => c.spilledFrom === 'B1');
    expect(spilled.map((c) => [c.address, c.value, c.formula])).toEqual([
      ['B2', 4, '=CM.DOUBLE(A1:A3)'],
      ['B3', 6, '=CM.DOUBLE(A1:A3)'],
    ]);
  });

  it('setCell recalculates dependants', async () => {
    const wb = await load(appraisal);
    wb.setCell('考核表', 'B2', 100);
    expect(wb.value('考核表', 'C2')).toBe(200);
    expect(wb.value('考核表', 'F1')).toBe(120);
    wb.setCell('考核表', 'G1', '=CM.DOUBLE(F1)');
    expect(wb.value('考核表', 'G1')).toBe(240);
    expect(wb.formula('考核表', 'G1')).toBe('_xldudf_CM_DOUBLE(F1)');
    wb.setCell('考核表', 'G2', '=NOPE(1)');
    expect(wb.value('考核表', 'G2')).toEqual({ error: '#NAME?', message: 'Unknown function NOPE' });
  });

  it('a grid read before setCell keeps what it read (grids share rows, edits replace them)', async () => {
    const wb = await load(appraisal);
    const before = wb.grid('考核表', true);
    const reportedBefore = JSON.stringify(before);
    const recalculated = wb.grid('考核表');
    const recalculatedBefore = JSON.stringify(recalculated);
    wb.setCell('考核表', 'B2', 100);
    wb.setCell('考核表', 'C2', '=B2*3');
    expect(JSON.stringify(before)).toBe(reportedBefore);
    expect(JSON.stringify(recalculated)).toBe(recalculatedBefore);
    const after = wb.grid('考核表');
    expect(after.values[1][1]).toBe(100);
    expect(after.formulas[1][2]).toBe('=B2*3');
  });
});

describe('round trip', () => {
  it('keeps a data validation range one range: no overlapping copies that Excel would repair', async () => {
    const data = await xlsxBytes((x) => {
      const ws = x.addWorksheet('S');
      ws.getCell('D1').value = 'Role';
      const list = { type: 'list' as const, allowBlank: true, formulae: ['"SENIOR,MID,JUNIOR"'] };
      for (let r = 2; r <= 500; r++) ws.getCell(`D${r}`).dataValidation = list;
      ws.getCell('F3').dataValidation = { type: 'whole', allowBlank: true, formulae: [0, 9] };
    });
    const wb = await loadWorkbook(data, { functions });
    // Through ExcelJS (loaded, as for an edit): the route that reads validations cell by cell.
    await wb.excelWorkbook();
    const saved = Buffer.from(await wb.toBuffer());
    const xml = await sheetXml(saved);
    expect(xml.match(/sqref="[^"]*"/g)?.sort()).toEqual(['sqref="D2:D500"', 'sqref="F3"']);
  });

  it('writes CM formulas in the saved form with fresh cached values', async () => {
    const wb = await load((x) => {
      const ws = x.addWorksheet('S');
      ws.getCell('A1').value = 21;
      ws.getCell('A1').numFmt = '0.00';
      ws.getCell('A2').value = 0;
      ws.getCell('B1').value = f('CM.DOUBLE(A1)', 1);
      ws.getCell('B2').value = f('_xldudf_CM_DOUBLE(A2)', 5);
      ws.getCell('B3').value = f('_xldudf_CM_DOUBLE(A1:A2)');
      ws.getCell('C1').value = f('_xlfn.IFS(TRUE,"ok")');
      ws.getCell('D1').value = f('FOO(1)');
      ws.getCell('A1').dataValidation = { type: 'whole', allowBlank: true, formulae: [0, 100] };
    });
    wb.setCell('S', 'E1', '=CM.VERSION()');
    const back = await readBack(await wb.toBuffer());
    const ws = back.getWorksheet('S')!;
    expect(ws.getCell('B1').formula).toBe('_xldudf_CM_DOUBLE(A1)');
    expect(ws.getCell('B1').result).toBe(42);
    expect(ws.getCell('B2').formula).toBe('_xldudf_CM_DOUBLE(A2)');
    expect(ws.getCell('B2').result).toBe(0);
    expect(ws.getCell('C1').formula).toBe('_xlfn.IFS(TRUE,"ok")');
    expect(ws.getCell('C1').result).toBe('ok');
    expect(ws.getCell('D1').result).toEqual({ error: '#NAME?' });
    expect(ws.getCell('E1').formula).toBe('_xldudf_CM_VERSION()');
    expect(ws.getCell('E1').result).toBe('fake 1.0');
    expect(ws.getCell('B3').value).toMatchObject({ shareType: 'array', ref: 'B3:B4', result: 42 });
    expect(ws.getCell('B4').value).toBe(0);
    expect(ws.getCell('A1').numFmt).toBe('0.00');
    expect(ws.getCell('A1').dataValidation).toMatchObject({ type: 'whole' });

    // ... and reads again the same
    const again = await loadWorkbook(await wb.toBuffer(), { functions });
    expect(again.value('S', 'B2')).toBe(0);
    expect(again.formulaCells().find((c) => c.address === 'B4')).toMatchObject({
      spilledFrom: 'B3',
      value: 0,
    });
  });

  it('keeps shared formulas, tables and names', async () => {
    const wb = await load((x) => {
      const ws = x.addWorksheet('考核表');
      ws.addTable({
        name: '表1',
        ref: 'A1',
        headerRow: true,
        columns: [{ name: '姓名' }, { name: '得分' }],
        rows: [
          ['甲', 1],
          ['乙', 2],
        ],
      });
      ws.getCell('C2').value = {
        formula: '_xldudf_CM_DOUBLE(B2)',
        shareType: 'shared',
        ref: 'C2:C3',
      } as unknown as ExcelJS.CellValue;
      ws.getCell('C3').value = { sharedFormula: 'C2' } as unknown as ExcelJS.CellValue;
      x.definedNames.add("'考核表'!$B$2", '基数');
    });
    const back = await readBack(await wb.toBuffer());
    const ws = back.getWorksheet('考核表')!;
    expect(ws.getCell('C3').value).toMatchObject({ sharedFormula: 'C2', result: 4 });
    expect(ws.getCell('C2').value).toMatchObject({ shareType: 'shared', result: 2 });
    expect(back.definedNames.model).toEqual([{ name: '基数', ranges: ["'考核表'!$B$2"] }]);
    expect(ws.getTables().length).toBe(1);
  });
});

describe('grid: the used range', () => {
  it('spans exactly the filled cells (values or formulas), wherever they are', () => {
    const cell = fc.tuple(
      fc.nat(12),
      fc.nat(9),
      fc.oneof(fc.constant(null), fc.integer(), fc.constant('x'), fc.constant('f')),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 25 }), (cells) => {
        const values: EngineValue[][] = [];
        const formulas: (string | null)[][] = [];
        let rowCount = 0;
        let colCount = 0;
        for (const [r, c, v] of cells) {
          (values[r] ??= [])[c] = v === 'f' ? null : v;
          if (v === 'f') (formulas[r] ??= [])[c] = '1+0';
          rowCount = Math.max(rowCount, r + 1);
          colCount = Math.max(colCount, c + 1);
        }
        for (let r = 0; r < rowCount; r++) {
          values[r] = Array.from(
            { length: values[r]?.length ?? 0 },
            (_, c) => values[r]?.[c] ?? null,
          );
          formulas[r] = Array.from(
            { length: formulas[r]?.length ?? 0 },
            (_, c) => formulas[r]?.[c] ?? null,
          );
        }
        const model: WorkbookModel = {
          sheets: [{ name: 'S', rowCount, colCount, values, formulas, arrayFormulas: [] }],
          tables: [],
          names: [],
          date1904: false,
        };
        const g = new Workbook(new Uint8Array(), model, functions, 'test').grid('S', true);
        const filled = cells.filter(([r, c]) => values[r][c] !== null || formulas[r]?.[c] != null);
        if (filled.length === 0) {
          expect(g.values).toEqual([]);
          return;
        }
        const rows = filled.map(([r]) => r);
        const cols = filled.map(([, c]) => c);
        expect([g.top, g.left]).toEqual([Math.min(...rows), Math.min(...cols)]);
        expect(g.values.length).toBe(Math.max(...rows) - Math.min(...rows) + 1);
        expect(g.values[0].length).toBe(Math.max(...cols) - Math.min(...cols) + 1);
      }),
      { numRuns: 500 },
    );
  });
});
