/** Sheets the engine adds and fills itself: the audit's report and log, in the browser preview. */
import { loadWorkbook, type Workbook } from '../../src/engine';
import { sheetNameProblem } from '../../src/engine/workbook';
import { fakeFunctions } from './fake-functions';
import { f, readBack, xlsxBytes } from './fixtures';

const load = async (): Promise<Workbook> =>
  loadWorkbook(
    await xlsxBytes((x) => {
      const ws = x.addWorksheet('Data');
      ws.getCell('A1').value = 2;
      ws.getCell('B1').value = f('Report!A1*10', 0);
    }),
    { functions: fakeFunctions },
  );

describe('addSheet and setRows', () => {
  it('adds a sheet before evaluation and keeps it through evaluation', async () => {
    const wb = await load();
    await wb.addSheet('Report');
    await wb.setRows('Report', [
      ['Name', 'n'],
      ['x', 3],
    ]);
    wb.evaluate();
    expect(wb.sheetNames()).toEqual(['Data', 'Report']);
    expect(wb.values('Report')).toEqual([
      ['Name', 'n'],
      ['x', 3],
    ]);
    // Report!A1 is now the text 'Name': 'Name'*10.
    expect(wb.value('Data', 'B1')).toMatchObject({ error: '#VALUE!' });
  });

  it('adds a sheet to an evaluated workbook; formulas reading it recalculate', async () => {
    const wb = (await load()).evaluate();
    await wb.addSheet('Report');
    await wb.setRows('Report', [[4]]);
    expect(wb.value('Data', 'B1')).toBe(40);
    expect(wb.grid('Report')).toMatchObject({ sheet: 'Report', values: [[4]], formulas: [[null]] });
    wb.setCell('Report', 'B2', '=A1+1');
    expect(wb.value('Report', 'B2')).toBe(5);
  });

  it('replaces the whole content, text that looks like a formula stays text', async () => {
    const wb = (await load()).evaluate();
    await wb.addSheet('Report');
    await wb.setRows('Report', [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await wb.setRows('Report', [['=A1', null, true]]);
    expect(wb.values('Report')).toEqual([['=A1', null, true]]);
    expect(wb.grid('Report').values).toEqual([['=A1', null, true]]);
    const back = await readBack(await wb.toBuffer());
    const ws = back.getWorksheet('Report');
    expect(ws?.getCell('A1').value).toBe('=A1');
    expect(ws?.getCell('A2').value).toBeNull();
    expect(ws?.getCell('C2').value).toBeNull();
  });

  it('refuses names Excel refuses and names taken', async () => {
    const wb = await load();
    await expect(wb.addSheet('data')).rejects.toThrow(/exists/);
    await expect(wb.addSheet('a/b')).rejects.toThrow(RangeError);
    await expect(wb.addSheet('x'.repeat(32))).rejects.toThrow(/31/);
    await expect(wb.setRows('Nope', [])).rejects.toThrow(/No sheet/);
    expect(sheetNameProblem('考核审计日志')).toBeUndefined();
    expect(sheetNameProblem("'quoted")).toMatch(/'/);
    expect(sheetNameProblem(' ')).toMatch(/empty/);
  });

  it('saves added sheets, protected ones protected', async () => {
    const wb = (await load()).evaluate();
    await wb.addSheet('Log');
    await wb.setRows('Log', [['seq'], [1]]);
    await wb.protectSheet('Log');
    const back = await readBack(await wb.toBuffer());
    const ws = back.getWorksheet('Log');
    expect(ws?.getCell('A2').value).toBe(1);
    expect(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    ).toBe(true);
  });
});

describe('a sheet the audit writes does not recompute the workbook', () => {
  it('keeps the computed values of sheets whose formulas never mention it, and stays right', async () => {
    const wb = await loadWorkbook(
      await xlsxBytes((x) => {
        const ws = x.addWorksheet('Data');
        ws.getCell('A1').value = 2;
        ws.getCell('B1').value = f('A1*10', 0);
      }),
      { functions: fakeFunctions },
    );
    wb.evaluate();
    const before = wb.values('Data');
    expect(before[0]).toEqual([2, 20]);
    await wb.addSheet('Report');
    await wb.setRows('Report', [['审计报告'], [1, 2]]);
    // The same computed rows: nothing was evaluated again.
    expect(wb.values('Data')).toBe(before);
    expect(wb.values('Report')).toEqual([['审计报告'], [1, 2]]);
    // A change the formulas do read still recomputes them.
    wb.setCell('Data', 'A1', 3);
    expect(wb.value('Data', 'B1')).toBe(30);
  });
});
