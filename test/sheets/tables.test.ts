import { locateTable, validateGrid, validateWorkbook } from '../../src/sheets';
import { appraisalGrid, DEFAULT_ORDER, deepFreeze, EN, PEOPLE, plainGrid } from './fixtures';

describe('finding tables', () => {
  it('finds the header below title rows and gives real sheet addresses', () => {
    const g = appraisalGrid(PEOPLE, {
      titleRows: [['2024年度客户经理考核表'], [], ['单位：城东支行']],
      top: 2,
      left: 1,
    });
    const t = locateTable(deepFreeze(g)).table;
    expect(t?.found).toMatchObject({ kind: 'appraisal', headerRow: 6, range: 'B6:P10', rows: 4 });
    expect(t?.found.columns[0]).toMatchObject({ key: 'id', address: 'B6' });
    const bad = { ...PEOPLE[0], npl_ratio: -0.1 };
    const report = validateGrid(appraisalGrid([bad], { titleRows: [['标题']], top: 2, left: 1 }));
    expect(report.findings.map((f) => [f.rule, f.address, f.row])).toEqual([
      ['value.domain', 'H5', 5],
    ]);
  });

  it('reads English headers in shuffled column order', () => {
    const order = [...DEFAULT_ORDER].reverse();
    const g = deepFreeze(appraisalGrid(PEOPLE, { order, headers: EN, sheet: 'Appraisal' }));
    const report = validateGrid(g);
    expect(report.findings).toEqual([]);
    expect(report.tables[0].columns.map((c) => c.key)).toEqual(order);
  });

  it('skips blank rows without ending the table, and reports nothing for them', () => {
    const g = deepFreeze(appraisalGrid(PEOPLE, { blankRowsAfter: [1, 2, 3] }));
    const report = validateGrid(g);
    expect(report.tables[0].rows).toBe(4);
    expect(report.findings).toEqual([]);
  });

  it('uses an Excel Table first row as its header', () => {
    const g = deepFreeze(appraisalGrid(PEOPLE, { table: '考核表1', top: 4, left: 2 }));
    const t = locateTable(g).table;
    expect(t?.found).toMatchObject({ table: '考核表1', headerRow: 5 });
  });

  it('gives ONE clear finding for a sheet with no recognisable table', () => {
    const g = deepFreeze(
      plainGrid('Notes', [['会议纪要'], ['日期', '内容'], ['2024-01-01', '讨论考核']], 3, 2),
    );
    const report = validateGrid(g);
    expect(report.tables).toEqual([]);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      rule: 'table.not-found',
      severity: 'error',
      sheet: 'Notes',
      address: 'C4',
    });
    expect(report.findings[0].message.en).toContain('No appraisal');
  });

  it('skips sheets without a table when another sheet of the workbook has one', () => {
    const notes = plainGrid('Notes', [['会议纪要'], ['日期', '内容']]);
    const alone = validateWorkbook([notes]);
    const withData = validateWorkbook([notes, appraisalGrid()]);
    expect(alone.findings.map((f) => f.rule)).toEqual(['table.not-found']);
    expect(withData.findings.filter((f) => f.sheet === 'Notes')).toEqual([]);
    expect(withData.tables).toHaveLength(1);
  });

  it('an empty grid gives the same one finding, not a crash', () => {
    const report = validateWorkbook([
      { sheet: 'Empty', top: 0, left: 0, values: [], formulas: [] },
    ]);
    expect(report.findings.map((f) => f.rule)).toEqual(['table.not-found']);
  });

  it('classifies clients and loans tables', () => {
    const clients = plainGrid('客户', [
      ['客户名称', '存款余额', '贷款余额', '客户经理工号'],
      ['甲', 1, 1, 'E001'],
    ]);
    const loans = plainGrid('贷款', [
      ['借据号', '客户', '单笔贷款', '经办人工号'],
      ['L1', '甲', 1, 'E001'],
    ]);
    expect(locateTable(clients).table?.found.kind).toBe('clients');
    expect(locateTable(loans).table?.found.kind).toBe('loans');
  });
});
