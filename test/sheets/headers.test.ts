import { HEADERS, matchHeader, validateGrid, type ColumnKey } from '../../src/sheets';
import { appraisalGrid, deepFreeze, EN, PEOPLE, plainGrid } from './fixtures';

describe('header matching', () => {
  it.each([
    ['工号', 'id'],
    ['员工编号', 'id'],
    ['Employee ID', 'id'],
    ['employee  id', 'id'],
    ['ＥＭＰＬＯＹＥＥ　ＩＤ', 'id'],
    ['新增存款日均\n(元)', 'new_deposits'],
    ['新增存款日均（元）', 'new_deposits'],
    ['新增存款日均【元】', 'new_deposits'],
    ['收贷收息率（%）', 'collection_rate'],
    ['收贷收息率(％)', 'collection_rate'],
    [' 不 良 率 ', 'npl_ratio'],
    ['新开对公基本帐户(户)', 'new_accounts'],
    ['npl_ratio', 'npl_ratio'],
    ['Manager ID', 'manager_id'],
    ['贷款金额', 'loan_amount'],
    ['贷款', 'client_loans'],
    ['*考核对象', 'role'],
  ])('%j → %s', (header, key) => {
    expect(matchHeader(header)?.key).toBe(key);
  });

  it('does not match unknown headers, numbers or blanks', () => {
    expect(matchHeader('备注')).toBeUndefined();
    expect(matchHeader('不良率(备注)')).toBeUndefined();
    expect(matchHeader(42)).toBeUndefined();
    expect(matchHeader(null)).toBeUndefined();
    expect(matchHeader('   ')).toBeUndefined();
  });

  it('every spelling in the table matches its own key and no other', () => {
    for (const key of Object.keys(HEADERS) as ColumnKey[]) {
      for (const s of [...HEADERS[key].zh, ...HEADERS[key].en]) {
        expect(matchHeader(s)?.key).toBe(key);
      }
    }
  });

  it('reports the unit of a 万元 header as a warning and never scales', () => {
    const g = deepFreeze(
      plainGrid('客户', [
        ['客户名称', '存款（万元）', '贷款', '客户经理工号'],
        ['甲公司', 100, 0, 'E004'],
      ]),
    );
    const report = validateGrid(g);
    const unit = report.findings.filter((f) => f.rule === 'header.unit');
    expect(unit).toHaveLength(1);
    expect(unit[0]).toMatchObject({
      severity: 'warning',
      address: 'B1',
      column: 'client_deposits',
    });
    expect(unit[0].message.zh).toContain('万元');
    expect(unit[0].message.en).toContain('yuan');
  });

  it('reports a unit that does not fit the column', () => {
    const g = appraisalGrid(PEOPLE, {
      headers: { ...EN, npl_ratio: 'NPL ratio (yuan)' },
    });
    const report = validateGrid(g);
    expect(report.findings.map((f) => [f.rule, f.address])).toEqual([['header.unit', 'G1']]);
  });

  it('keeps unknown columns and ignores them', () => {
    const g = appraisalGrid(PEOPLE, { unknownColumns: ['备注', 'Remarks'] });
    const report = validateGrid(g);
    expect(report.findings).toEqual([]);
    expect(report.tables[0].unknownColumns).toEqual(['备注', 'Remarks']);
  });
});
