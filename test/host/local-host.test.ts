/** LocalHost: the WorkbookHost port over the headless engine, in Node. */
import ExcelJS from 'exceljs';
import { buildWorkbook } from '../../src/cli/build';
import { templateTables } from '../../src/cli/appraisal-tables';
import { loadWorkbook } from '../../src/engine';
import { LocalHost, type LocalChange } from '../../src/host/local-host';
import { runAudit, validateActive, verifyLog } from '../../src/taskpane/workflows';
import { LOG_SHEET, REPORT_SHEET } from '../../src/taskpane/workflows/names';

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Two sheets: a table of rates on `Data` from B2, and a formula sheet reading it. */
async function host(): Promise<{ host: LocalHost; changes: LocalChange[] }> {
  const bytes = await bytesOf((x) => {
    const data = x.addWorksheet('Data');
    data.addTable({
      name: 'Rates',
      ref: 'B2',
      headerRow: true,
      columns: [{ name: 'id' }, { name: 'rate' }],
      rows: [
        ['a', 0.5],
        ['b', 0.25],
      ],
    });
    const calc = x.addWorksheet('Calc');
    calc.getCell('A1').value = { formula: 'SUM(Data!C3:C4)', result: 0 } as ExcelJS.CellValue;
    calc.getCell('A2').value = { formula: '1/0', result: 0 } as ExcelJS.CellValue;
    calc.getCell('B1').value = 'text';
  });
  const h = new LocalHost(await loadWorkbook(bytes), { name: 'rates.xlsx' });
  const changes: LocalChange[] = [];
  h.subscribe((c) => changes.push(c));
  return { host: h, changes };
}

describe('LocalHost reads', () => {
  it('lists sheets with their tables, names the workbook, knows no user', async () => {
    const { host: h } = await host();
    expect(h.kind).toBe('local');
    expect(await h.listSheets()).toEqual([
      { name: 'Data', tables: [{ name: 'Rates', sheet: 'Data', address: 'B2:C4' }] },
      { name: 'Calc', tables: [] },
    ]);
    expect(await h.workbookName()).toBe('rates.xlsx');
    expect(await h.userName()).toBeNull();
    expect(await h.activeSheet()).toBe('Data');
  });

  it('reads the used range with computed values, errors as text, formulas as typed', async () => {
    const { host: h } = await host();
    const progress: [number, number][] = [];
    const grid = await h.readSheet('Calc', { onProgress: (d, t) => progress.push([d, t]) });
    expect(grid).toEqual({
      sheet: 'Calc',
      top: 0,
      left: 0,
      values: [
        [0.75, 'text'],
        ['#DIV/0!', null],
      ],
      formulas: [
        ['=SUM(Data!C3:C4)', null],
        ['=1/0', null],
      ],
    });
    expect(progress).toEqual([[2, 2]]);
    const data = await h.readSheet('data');
    expect(data).toMatchObject({ sheet: 'Data', top: 1, left: 1 });
  });

  it('reads a table and a range (blank outside the used range)', async () => {
    const { host: h } = await host();
    expect(await h.readTable('Rates')).toMatchObject({
      sheet: 'Data',
      table: 'Rates',
      top: 1,
      left: 1,
      values: [
        ['id', 'rate'],
        ['a', 0.5],
        ['b', 0.25],
      ],
    });
    expect(await h.readRange('Data', 'C4:D5')).toEqual({
      sheet: 'Data',
      top: 3,
      left: 2,
      values: [
        [0.25, null],
        [null, null],
      ],
      formulas: [
        [null, null],
        [null, null],
      ],
    });
  });

  it('rejects unknown sheets and tables, and an aborted read', async () => {
    const { host: h } = await host();
    await expect(h.readSheet('Nope')).rejects.toThrow(/Nope/);
    await expect(h.readTable('Nope')).rejects.toThrow(/Nope/);
    const signal = AbortSignal.abort();
    await expect(h.readSheet('Data', { signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('LocalHost selection', () => {
  it('keeps the selection, tells listeners, and activates the selected sheet', async () => {
    const { host: h, changes } = await host();
    let heard = 0;
    const stop = await h.onSelectionChanged(() => heard++);
    await h.selectCell('calc', '$a$2');
    expect(await h.activeSheet()).toBe('Calc');
    expect(await h.getSelection()).toEqual({
      sheet: 'Calc',
      address: 'A2',
      value: '#DIV/0!',
      formula: '=1/0',
    });
    await h.selectCell('Data', 'C3:C4');
    expect(h.current).toEqual({ sheet: 'Data', address: 'C3' });
    await stop();
    await h.selectCell('Data', 'B2');
    expect(heard).toBe(2);
    expect(changes).toEqual(['selection', 'selection', 'selection']);
    h.activate('Calc');
    expect(h.current).toEqual({ sheet: 'Calc', address: 'A1' });
    await expect(h.selectCell('Nope', 'A1')).rejects.toThrow(/Nope/);
  });
});

describe('LocalHost writes', () => {
  it('setFormula recalculates what depends on the cell; percent literals work', async () => {
    const { host: h, changes } = await host();
    const before = h.version;
    await h.setFormula('Data', 'C3', '=50%+25%');
    expect((await h.readRange('Calc', 'A1')).values).toEqual([[1]]);
    await h.setFormula('Calc', 'C1', '=CM.APPRAISAL_SCORE("SENIOR",34%,0,99.7%,8)');
    expect(h.cellAt('Calc', 'C1')).toEqual({
      value: 110,
      formula: '=CM.APPRAISAL_SCORE("SENIOR",34%,0,99.7%,8)',
    });
    await expect(h.setFormula('Calc', 'A1:A2', '=1')).rejects.toThrow();
    expect(changes).toEqual(['cells', 'cells']);
    expect(h.version).toBe(before + 2);
  });

  it('marks are an overlay: written per cell, values untouched, cleared exactly', async () => {
    const { host: h, changes } = await host();
    const before = await h.readSheet('Data');
    await h.writeMarks([
      { sheet: 'Data', address: '$C$3', severity: 'error' },
      { sheet: 'data', address: 'B4', severity: 'warning' },
    ]);
    expect(h.marksOn('Data')).toEqual(
      new Map([
        ['C3', 'error'],
        ['B4', 'warning'],
      ]),
    );
    expect(h.marksOn('Calc').size).toBe(0);
    expect(await h.readSheet('Data')).toEqual(before);
    await h.clearMarks();
    await h.clearMarks();
    expect(h.marksOn('Data').size).toBe(0);
    expect(changes).toEqual(['marks', 'marks']);
    await expect(
      h.writeMarks([{ sheet: 'Nope', address: 'A1', severity: 'error' }]),
    ).rejects.toThrow(/Nope/);
  });

  it('replaces a report sheet, adding it once; text stays text', async () => {
    const { host: h, changes } = await host();
    await h.replaceReportSheet('Report', [
      ['h1', 'h2'],
      ['=SUM(1)', '00123'],
      [1, null],
    ]);
    await h.replaceReportSheet('Report', [['only']]);
    expect((await h.listSheets()).map((s) => s.name)).toEqual(['Data', 'Calc', 'Report']);
    expect(await h.readSheet('Report')).toMatchObject({ values: [['only']], formulas: [[null]] });
    expect(await h.activeSheet()).toBe('Data');
    expect(changes).toEqual(['sheets', 'sheets']);
  });

  it('appends to a log sheet it creates with the header and protects', async () => {
    const { host: h } = await host();
    expect(await h.readLog('Log')).toEqual([]);
    await h.appendLog('Log', ['seq', 'hash'], [[1, '0abc']]);
    await h.appendLog('Log', ['seq', 'hash'], [[2, '1e5']]);
    expect(await h.readLog('Log')).toEqual([
      ['seq', 'hash'],
      [1, '0abc'],
      [2, '1e5'],
    ]);
    expect(h.isProtected('log')).toBe(true);
    await expect(h.setFormula('Log', 'A5', '=1')).rejects.toThrow(/protected/);
    // Saved with the added sheets and fresh values.
    const saved = await loadWorkbook(await h.save());
    expect(saved.sheetNames()).toEqual(['Data', 'Calc', 'Log']);
    expect(saved.values('Log')[2]).toEqual([2, '1e5']);
  });

  it('runs two writes that both add sheets one after the other', async () => {
    const { host: h } = await host();
    await Promise.all([h.replaceReportSheet('R', [[1]]), h.appendLog('L', ['h'], [['x']])]);
    expect((await h.listSheets()).map((s) => s.name)).toEqual(['Data', 'Calc', 'R', 'L']);
  });
});

describe('the task pane workflows over a LocalHost', () => {
  it('validate reads the active appraisal sheet; audit writes report and chained log', async () => {
    const wb = await buildWorkbook(templateTables('en'), { lang: 'en' });
    const h = new LocalHost(await loadWorkbook(await wb.toBuffer()), { name: 'template.xlsx' });
    const result = await validateActive(h, { scope: { kind: 'sheet' } });
    expect(result.sheet).toBe(h.workbook.sheetNames()[0]);
    expect(result.tables.length).toBeGreaterThan(0);
    // The default is the whole workbook: every data sheet read, no one sheet named.
    const whole = await validateActive(h);
    expect(whole.sheet).toBeUndefined();
    expect(whole.sheets).toEqual(expect.arrayContaining([h.workbook.sheetNames()[0]]));

    // The preview knows no user: without a name the audit is refused, nothing written.
    await expect(runAudit(h, { lang: 'en' })).rejects.toThrow(/auditor/);
    expect((await h.listSheets()).map((s) => s.name)).not.toContain(LOG_SHEET);
    const who = 'Li Hua';
    const first = await runAudit(h, {
      lang: 'en',
      who,
      now: () => new Date('2025-01-02T03:04:05Z'),
    });
    const second = await runAudit(h, {
      lang: 'en',
      who,
      now: () => new Date('2025-01-02T03:05:05Z'),
    });
    expect(first.record?.who).toBe(who);
    expect(first.workbook).toBe('template.xlsx');
    expect(second.record?.seq).toBe(2);
    const names = (await h.listSheets()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([REPORT_SHEET, LOG_SHEET]));
    expect(await verifyLog(h)).toMatchObject({ ok: true, records: 2 });
  });
});
