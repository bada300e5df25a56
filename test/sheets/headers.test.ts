import { HEADERS, matchHeader, validateGrid, type ColumnKey } from '../../src/sheets';
import { unitFits } from '../../src/sheets/headers';
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

  describe('money columns with a yuan unit (issue 11: 本月风险金（元） is not a misfit)', () => {
    const MONEY: ColumnKey[] = [
      'new_deposits',
      'loss_amount',
      'monthly_income',
      'reserve_balance',
      'reserve_deduction',
      'client_deposits',
      'client_loans',
      'loan_amount',
    ];
    const YUAN = ['元', '人民币元', 'yuan', 'CNY', 'RMB', '¥'];
    const BRACKETS: [string, string][] = [
      ['(', ')'],
      ['（', '）'],
      ['【', '】'],
      ['[', ']'],
    ];
    it('every spelling of every money column, with every yuan unit in every bracket width, fits', () => {
      let checked = 0;
      for (const key of MONEY) {
        for (const spelling of [...HEADERS[key].zh, ...HEADERS[key].en]) {
          for (const unit of YUAN) {
            for (const [open, close] of BRACKETS) {
              const header = `${spelling}${open}${unit}${close}`;
              const m = matchHeader(header);
              expect([header, m?.key, m?.unit?.unit]).toEqual([header, key, 'yuan']);
              expect([header, unitFits(key, 'yuan')]).toEqual([header, true]);
              checked++;
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(300);
    });

    it('an appraisal sheet headed 本月风险金（元）, 月收入（元）, 综合得分（分） has no unit finding', () => {
      const g = appraisalGrid(PEOPLE, {
        headers: {
          reserve_deduction: '本月风险金（元）',
          monthly_income: '月收入（元）',
          reserve_balance: '风险金余额(元)',
          score: '综合得分（分）',
        },
      });
      expect(validateGrid(g).findings.filter((f) => f.rule === 'header.unit')).toEqual([]);
    });

    it('a computed money column in 万元 still gets the 万元 warning; a percent unit does not fit', () => {
      expect(unitFits('reserve_deduction', 'wan')).toBe(false);
      expect(unitFits('reserve_deduction', 'percent')).toBe(false);
      expect(unitFits('score', 'points')).toBe(true);
      expect(unitFits('outcome', 'yuan')).toBe(false);
    });
  });

  it('keeps unknown columns and ignores them', () => {
    const g = appraisalGrid(PEOPLE, { unknownColumns: ['备注', 'Remarks'] });
    const report = validateGrid(g);
    expect(report.findings).toEqual([]);
    expect(report.tables[0].unknownColumns).toEqual(['备注', 'Remarks']);
  });
});
