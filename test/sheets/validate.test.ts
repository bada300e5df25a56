import {
  validateGrid,
  validateWorkbook,
  type ColumnKey,
  type Finding,
  type Grid,
} from '../../src/sheets';
import {
  appraisalGrid,
  deepFreeze,
  EN,
  PEOPLE,
  plainGrid,
  withCell,
  type Person,
} from './fixtures';

const brief = (fs: readonly Finding[]): [string, string, string][] =>
  fs.map((f) => [f.rule, f.address, f.severity]);

function one(person: Person, layout = {}): readonly Finding[] {
  return validateGrid(deepFreeze(appraisalGrid([person], layout))).findings;
}

const SENIOR = PEOPLE[0];
const HEAD = PEOPLE[1];
const JUNIOR = PEOPLE[2];

describe('validation of the appraisal table', () => {
  it('a clean sheet yields no findings (Chinese and English headers)', () => {
    expect(validateGrid(deepFreeze(appraisalGrid())).findings).toEqual([]);
    expect(validateGrid(deepFreeze(appraisalGrid(PEOPLE, { headers: EN }))).findings).toEqual([]);
  });

  it('a wrong type and a value outside its domain, with the rules core messages', () => {
    const f = one({ ...SENIOR, new_accounts: 'eight', monthly_income: -5 });
    expect(brief(f)).toEqual([
      ['value.type', 'J2', 'error'],
      ['value.domain', 'K2', 'error'],
    ]);
    expect(f[0]).toMatchObject({ column: 'new_accounts', article: 'Art. 13', row: 2 });
    expect(f[0].message.en).toContain('must be a number');
    expect(f[1].article).toBe('Art. 25(2)');
    expect(f[1].message.en).toContain('must not be negative');
  });

  it('POLICY §1.1: negative new deposits of a JUNIOR (deposits fell) are valid input', () => {
    expect(one({ ...JUNIOR, new_deposits: -250000 })).toEqual([]);
  });

  it('a fractional count is outside the domain', () => {
    expect(brief(one({ ...SENIOR, new_accounts: 7.5 }))).toEqual([['value.domain', 'J2', 'error']]);
  });

  it('a required input left blank for the role is an error naming the input', () => {
    // JUNIOR needs new_deposits (Art. 13).
    const f = one({ ...JUNIOR, new_deposits: null });
    expect(brief(f)).toEqual([['input.missing', 'F2', 'error']]);
    expect(f[0]).toMatchObject({ column: 'new_deposits', article: 'Art. 13' });
    // BRANCH_HEAD needs fee_growth; all need npl_ratio and collection_rate.
    expect(brief(one({ ...HEAD, fee_growth: '', npl_ratio: null }))).toEqual([
      ['input.missing', 'G2', 'error'],
      ['input.missing', 'I2', 'error'],
    ]);
    // SENIOR needs deposit_growth and new_accounts.
    expect(brief(one({ ...SENIOR, deposit_growth: null, new_accounts: null }))).toEqual([
      ['input.missing', 'E2', 'error'],
      ['input.missing', 'J2', 'error'],
    ]);
  });

  it('an input the role does not use is a warning', () => {
    const f = one({ ...JUNIOR, deposit_growth: 0.3, fee_growth: 0.1 });
    expect(brief(f)).toEqual([
      ['input.unused', 'E2', 'warning'],
      ['input.unused', 'I2', 'warning'],
    ]);
    // A branch head has no risk-reserve cap: its balance is not used.
    expect(brief(one({ ...HEAD, reserve_balance: 100 }))).toEqual([
      ['input.unused', 'L2', 'warning'],
    ]);
  });

  it('a rate typed as a percent number suggests the fraction', () => {
    const f = one({ ...SENIOR, collection_rate: 99.5, deposit_growth: 34 });
    expect(brief(f)).toEqual([
      ['rate.percent-typed', 'E2', 'warning'],
      ['rate.percent-typed', 'H2', 'error'],
    ]);
    expect(f[0].message.en).toContain('Did you mean 0.34?');
    expect(f[1].message.en).toContain('Did you mean 0.995?');
    expect(f[1].message.zh).toContain('0.995');
  });

  it('a rate above 100 is a plain domain error', () => {
    expect(brief(one({ ...SENIOR, npl_ratio: 250 }))).toEqual([['value.domain', 'G2', 'error']]);
  });

  it('duplicate ids: each duplicate after the first, naming the first', () => {
    const people = [SENIOR, { ...PEOPLE[3], id: 'e001' }, { ...JUNIOR, id: 'E001' }];
    const f = validateGrid(deepFreeze(appraisalGrid(people))).findings;
    expect(brief(f)).toEqual([
      ['id.duplicate', 'A3', 'error'],
      ['id.duplicate', 'A4', 'error'],
    ]);
    expect(f[0].message.en).toContain('A2');
  });

  it('an unknown role lists the accepted values (the rules core message)', () => {
    const f = one({ ...SENIOR, role: '经理' });
    expect(brief(f)).toEqual([['role.unknown', 'D2', 'error']]);
    expect(f[0].message.en).toContain('BRANCH_HEAD');
    expect(f[0].message.zh).toContain('高级');
    expect(brief(one({ ...SENIOR, role: null }))).toEqual([['input.missing', 'D2', 'error']]);
  });

  it('an agent row is valid as it is; a scoring input given for an agent is unused', () => {
    const agent: Person = { id: 'A1', name: '钱七', role: '代办员', monthly_income: 3000 };
    const order: ColumnKey[] = [
      'id',
      'name',
      'role',
      'npl_ratio',
      'collection_rate',
      'monthly_income',
      'score',
    ];
    const g = appraisalGrid([agent], { formulaOverride: () => null, order });
    expect(brief(validateGrid(g).findings)).toEqual([]);
    const given = appraisalGrid([{ ...agent, npl_ratio: 0.01 }], {
      formulaOverride: () => null,
      order,
    });
    expect(brief(validateGrid(given).findings)).toEqual([['input.unused', 'D2', 'warning']]);
  });

  it('a computed column holding a typed constant is an overwritten formula', () => {
    const g = deepFreeze(appraisalGrid(PEOPLE, { constants: new Set(['score']) }));
    const f = validateGrid(g).findings;
    expect(brief(f)).toEqual(
      ['M2', 'M3', 'M4', 'M5'].map((a) => ['formula.overwritten', a, 'error']),
    );
    expect(f[0]).toMatchObject({ article: 'Art. 13', column: 'score' });
  });

  it('a formula calling something else; a wrapped call is a warning; an empty one too', () => {
    let g: Grid = appraisalGrid(PEOPLE);
    g = withCell(g, 1, 12, 110, '=SUM(E2:J2)');
    g = withCell(g, 2, 13, 'DEMOTE', '=IFERROR(cm.grade_outcome(D3,M3,H3),"")');
    g = withCell(g, 3, 14, null, null);
    expect(brief(validateGrid(deepFreeze(g)).findings)).toEqual([
      ['formula.unexpected', 'M2', 'error'],
      ['formula.unexpected', 'N3', 'warning'],
      ['formula.missing', 'O4', 'warning'],
    ]);
  });

  it('a required column missing from the table: one finding', () => {
    const g = appraisalGrid(PEOPLE, {
      order: [
        'id',
        'role',
        'deposit_growth',
        'new_deposits',
        'npl_ratio',
        'new_accounts',
        'fee_growth',
      ],
    });
    const f = validateGrid(g).findings;
    expect(brief(f)).toEqual([['column.missing', 'A1', 'error']]);
    expect(f[0].column).toBe('collection_rate');
  });
});

describe('clients (Art. 12) and loans (Art. 25(3))', () => {
  const staff = appraisalGrid(PEOPLE); // E001 SENIOR, E002 BRANCH_HEAD, E003 JUNIOR, E004 MID
  const clients = plainGrid('客户', [
    ['客户名称', '存款', '贷款', '客户经理工号'],
    ['甲公司', 9000000, 0, 'E004'], // needs SENIOR, MID manages: error
    ['乙公司', 4000000, 0, 'E004'], // the 3–5 million gap: warning (MID is fine)
    ['丙公司', 1000000, 2000000, 'E003'], // JUNIOR fine
    ['丁公司', 6000000, 0, 'E002'], // a branch head may manage anything
    ['戊公司', 1000000, 0, 'X999'], // unknown manager
    ['己公司', null, 0, 'E001'], // blank deposits
  ]);
  const loans = plainGrid('贷款', [
    ['借据号', '贷款金额', '经办人工号'],
    ['L1', 1000000, 'E003'], // JUNIOR up to 1,000,000 included
    ['L2', 1000000.01, 'E003'], // above
    ['L3', 5000000, 'E001'], // SENIOR 500万元以下 includes 5,000,000
    ['L4', 8000000, 'E001'], // above: needs BRANCH_HEAD
    ['L5', 8000000, 'E002'],
    ['L6', 100, ''],
  ]);

  it('finds every case, across sheets', () => {
    const report = validateWorkbook(deepFreeze([clients, loans, staff]));
    expect(brief(report.findings)).toEqual([
      ['client.grade-too-low', 'D2', 'error'],
      ['client.policy-gap', 'B3', 'warning'],
      ['manager.unknown', 'D6', 'error'],
      ['input.missing', 'B7', 'error'],
      ['loan.above-authority', 'B3', 'error'],
      ['loan.above-authority', 'B5', 'error'],
      ['input.missing', 'C7', 'error'],
    ]);
    const tooLow = report.findings[0];
    expect(tooLow).toMatchObject({ article: 'Art. 12', sheet: '客户', column: 'manager_id' });
    expect(tooLow.message.en).toContain('SENIOR');
    expect(tooLow.message.en).toContain('MID');
    const above = report.findings[5];
    expect(above).toMatchObject({ article: 'Art. 25(3)', sheet: '贷款' });
    expect(above.message.en).toContain('BRANCH_HEAD');
    expect(report.counts).toMatchObject({ errors: 6, warnings: 1, tables: 3, rows: 16 });
  });

  it('without an appraisal table, one warning per linked table', () => {
    const report = validateWorkbook([clients]);
    expect(report.findings.filter((f) => f.rule === 'table.no-appraisal')).toHaveLength(1);
  });
});

describe('inputs are never mutated', () => {
  it('validation of frozen grids (deeply) works and leaves them equal', () => {
    const g = appraisalGrid([{ ...SENIOR, npl_ratio: 3 }, PEOPLE[1]]);
    const copy = JSON.parse(JSON.stringify(g));
    validateWorkbook(deepFreeze([g]));
    expect(g).toEqual(copy);
  });
});
