import { auditReportRows, auditWorkbook, type AuditReport, type Grid } from '../../src/sheets';
import {
  appraisalGrid,
  deepFreeze,
  DEFAULT_ORDER,
  EN,
  PEOPLE,
  withCell,
  type Person,
} from './fixtures';

const brief = (r: AuditReport): [string, string][] => r.findings.map((f) => [f.rule, f.address]);

describe('audit', () => {
  it('a correct sheet: every computed cell agrees, no findings', () => {
    const report = auditWorkbook(deepFreeze([appraisalGrid()]));
    expect(report.findings).toEqual([]);
    expect(report.counts).toMatchObject({ rows: 4, mismatches: 0, errors: 0 });
    expect(report.rows).toHaveLength(4);
    expect(report.rows[1].cells.map((c) => [c.key, c.expected, c.shown, c.verdict])).toEqual([
      ['score', 66.5, 66.5, 'ok'],
      ['outcome', 'DEMOTE', 'DEMOTE', 'ok'],
      // Art. 25(2): a branch head has no cap; the function gives #N/A, and so does the sheet.
      ['reserve_deduction', '#N/A', '#N/A', 'ok'],
    ]);
    expect(report.policyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the outcome as its Chinese or English label, and scores at 2 decimals', () => {
    const people: Person[] = [
      { ...PEOPLE[0], outcome: '留任', score: 110.004 },
      { ...PEOPLE[1], outcome: 'demote' },
      { ...PEOPLE[2], outcome: 'Retain', reserve_deduction: 1000.001 },
    ];
    expect(auditWorkbook([appraisalGrid(people)]).findings).toEqual([]);
  });

  it('reports each cell of a score column overwritten by constants', () => {
    const people = PEOPLE.map((p, i) => (i === 2 ? { ...p, score: 99 } : p));
    const g = deepFreeze(appraisalGrid(people, { constants: new Set(['score']) }));
    const report = auditWorkbook([g]);
    expect(brief(report)).toEqual([
      ['formula.overwritten', 'M2'],
      ['formula.overwritten', 'M3'],
      ['formula.overwritten', 'M4'],
      ['formula.overwritten', 'M5'],
      // The constant 99 also differs from the policy's 106.
      ['audit.mismatch', 'M4'],
    ]);
    expect(report.counts).toMatchObject({ overwritten: 4, mismatches: 1 });
    const cell = report.rows[2].cells[0];
    expect(cell).toMatchObject({ expected: 106, shown: 99, formulaStatus: 'constant' });
    expect(report.rows[2].findings.map((f) => f.rule)).toEqual([
      'formula.overwritten',
      'audit.mismatch',
    ]);
  });

  it('stale: the right call on the row own inputs, showing an old value', () => {
    const g = withCell(appraisalGrid(), 1, 12, 108); // keeps =CM.APPRAISAL_SCORE(D2,E2,G2,H2,J2)
    const report = auditWorkbook(deepFreeze([g]));
    expect(brief(report)).toEqual([['audit.stale', 'M2']]);
    expect(report.counts).toMatchObject({ stale: 1, mismatches: 1 });
    expect(report.findings[0].message.en).toContain('out of date');
    expect(report.findings[0].message.en).toContain('110');
  });

  it('mismatch: the call reads other cells (another row)', () => {
    const g = withCell(appraisalGrid(), 1, 12, 108, '=CM.APPRAISAL_SCORE(D3,E3,G3,H3,J3)');
    expect(brief(auditWorkbook([g]))).toEqual([['audit.mismatch', 'M2']]);
  });

  it('mismatch: the arguments cannot be parsed as the row inputs', () => {
    const g = withCell(appraisalGrid(), 1, 12, 108, '=CM.APPRAISAL_SCORE(D2,E2*1,G2,H2,J2)');
    expect(brief(auditWorkbook([g]))).toEqual([['audit.mismatch', 'M2']]);
  });

  it('mismatch, not stale: the call omits an argument whose input the row gives (Art. 14(3))', () => {
    // The outcome formula leaves out violation_points, but this row has 30 points: the cell
    // still shows RETAIN while the policy, reading the row, does not retain.
    const order = [...DEFAULT_ORDER, 'violation_points'] as const;
    const people = PEOPLE.map((p, i) => (i === 0 ? { ...p, violation_points: 30 } : p));
    const report = auditWorkbook([appraisalGrid(people, { order })]);
    expect(brief(report)).toEqual([['audit.mismatch', 'N2']]);
    expect(report.rows[0].cells[1]).toMatchObject({ shown: 'RETAIN', formulaStatus: 'call' });
    expect(report.findings[0].message.en).toContain("arguments are not this row's input cells");
    // The same call on a row without points is its own call.
    expect(report.rows[1].cells[1]).toMatchObject({ formulaStatus: 'own', verdict: 'ok' });
  });

  it('unexpected: another function, reported whether or not the value agrees', () => {
    let g: Grid = appraisalGrid();
    g = withCell(g, 1, 12, 110, '=110');
    g = withCell(g, 2, 12, 60, '=ROUND(E3*100,0)');
    expect(brief(auditWorkbook([g]))).toEqual([
      ['formula.unexpected', 'M2'],
      ['formula.unexpected', 'M3'],
      ['audit.mismatch', 'M3'],
    ]);
  });

  it('accepts the saved spelling _xldudf_CM_ in any case, without =, and structured refs', () => {
    let g: Grid = appraisalGrid();
    g = withCell(g, 1, 12, 100, '_xldudf_cm_appraisal_score(D2,$E$2,G2,H2,考核表!J2)');
    g = withCell(
      g,
      2,
      12,
      60,
      '=CM.APPRAISAL_SCORE([@考核对象],[@新增存款日均增长率],表1[@不良率],[@[收贷收息率（%）]],表1[[#This Row],[中间收入增长率]])',
    );
    const report = auditWorkbook([g]);
    expect(brief(report)).toEqual([
      ['audit.stale', 'M2'],
      ['audit.stale', 'M3'],
    ]);
  });

  it('the outcome uses the recomputed score; a wrong score cell makes it a mismatch, not stale', () => {
    // Score cell stale at 80 and the outcome computed from it (DEMOTE); policy: 110 → RETAIN.
    let g: Grid = appraisalGrid();
    g = withCell(g, 1, 12, 80);
    g = withCell(g, 1, 13, 'DEMOTE');
    const report = auditWorkbook([g]);
    expect(brief(report)).toEqual([
      ['audit.stale', 'M2'],
      ['audit.mismatch', 'N2'],
    ]);
    expect(report.findings[1].message.en).toContain('score it reads');
  });

  it('expected errors: invalid inputs give the function error, compared with the shown error', () => {
    const p: Person = { ...PEOPLE[0], npl_ratio: 1.2, score: '#NUM!', outcome: '#NUM!' };
    const report = auditWorkbook([appraisalGrid([p])]);
    // 1.2 in a rate column: outside 0–1, and likely 1.2% typed as a number (FUNCTIONS.md).
    expect(brief(report)).toEqual([['rate.percent-typed', 'G2']]);
    expect(report.findings[0].message.en).toContain('Did you mean 0.012?');
    expect(report.findings[0].message.en).toContain('npl_ratio must be a fraction from 0 to 1');
    const p2: Person = { ...PEOPLE[0], npl_ratio: 1.2, score: 110 };
    expect(brief(auditWorkbook([appraisalGrid([p2])]))).toEqual([
      ['rate.percent-typed', 'G2'],
      ['audit.stale', 'M2'],
      ['audit.mismatch', 'N2'],
    ]);
  });

  it('a computed cell left empty where the function does not apply (#N/A) agrees; a typed value does not', () => {
    const agent: Person = { id: 'A1', name: '钱七', role: '代办员', monthly_income: 3000 };
    const empty = appraisalGrid([agent], { formulaOverride: () => null });
    expect(brief(auditWorkbook([empty]))).toEqual([]);
    const typed = appraisalGrid([{ ...agent, score: 60 }], { formulaOverride: () => null });
    expect(brief(auditWorkbook([typed])).map((f) => f[0])).toContain('audit.mismatch');
  });

  it('reserve compared at 0.01 yuan', () => {
    const g = withCell(appraisalGrid(), 3, 14, 999.99);
    expect(brief(auditWorkbook([g]))).toEqual([['audit.stale', 'O4']]);
  });

  it('report rows in either language', () => {
    const g = withCell(appraisalGrid(PEOPLE, { headers: EN }), 1, 12, 108);
    const report = auditWorkbook([g]);
    const zh = auditReportRows(report, 'zh');
    expect(zh[4]).toEqual([
      '行',
      '工作表',
      '单元格',
      '工号',
      '姓名',
      '列',
      '按办法',
      '文件报送值',
      '重算后',
      '结果',
      '严重性',
      '规则',
      '条款',
      '发现',
    ]);
    expect(zh[5].slice(0, 13)).toEqual([
      2,
      '考核表',
      'M2',
      'E001',
      '张三',
      '综合得分',
      110,
      108,
      108,
      '未重算',
      '错误',
      // The rule and the article in the reader's language (issue 13), not `audit.stale`, `Art. 13`.
      '值未重算',
      '第十三条',
    ]);
    expect(zh).toHaveLength(5 + 12);
    const en = auditReportRows(report, 'en', { onlyProblems: true });
    expect(en[4][0]).toBe('Row');
    expect(en.slice(5).map((r) => [r[2], r[9]])).toEqual([['M2', 'Stale']]);
  });

  describe('the values the workbook reported, before recalculation', () => {
    it('a stale reported score is found even when recalculation gives the right value', () => {
      const recalculated = appraisalGrid();
      const reported = withCell(appraisalGrid(), 1, 12, 108); // the file's cached value
      const report = auditWorkbook([recalculated], { reported: [reported] });
      expect(brief(report)).toEqual([['audit.stale', 'M2']]);
      expect(report.counts).toMatchObject({ stale: 1, mismatches: 1, reportedMismatches: 1 });
      const cell = report.rows[0].cells[0];
      expect(cell).toMatchObject({
        reported: 108,
        shown: 110,
        expected: 110,
        reportedVerdict: 'stale',
        recalculatedVerdict: 'ok',
        verdict: 'stale',
      });
      // What the file showed and what the policy gives, and what recalculation gave.
      expect(report.findings[0].message.en).toMatch(/the file shows 108 .* gives 110/);
      expect(report.findings[0].message.en).toContain('after recalculation it shows 110');
      expect(report.findings[0].message.zh).toContain('文件中显示 108');
    });

    it('a reported constant that differs is a mismatch naming the file value', () => {
      const people = PEOPLE.map((p, i) => (i === 0 ? { ...p, score: 99 } : p));
      const g = appraisalGrid(people, { constants: new Set(['score']) });
      const report = auditWorkbook([g], { reported: [g] });
      const f = report.findings.find((x) => x.rule === 'audit.mismatch');
      expect(f?.message.en).toMatch(/the file shows 99; the policy gives 110/);
    });

    it('right in the file but wrong after recalculation: a mismatch after recalculation', () => {
      const reported = appraisalGrid();
      const recalculated = withCell(appraisalGrid(), 1, 12, 50);
      const report = auditWorkbook([recalculated], { reported: [reported] });
      expect(brief(report)).toEqual([['audit.mismatch', 'M2']]);
      expect(report.findings[0].message.en).toContain('after recalculation');
      expect(report.counts).toMatchObject({ mismatches: 1, reportedMismatches: 0 });
    });

    it('#BUSY! is reported as still calculating, never as a mismatch', () => {
      const recalculated = withCell(appraisalGrid(), 1, 12, '#BUSY!');
      const report = auditWorkbook([recalculated], { reported: [appraisalGrid()] });
      expect(brief(report)).toEqual([['audit.busy', 'M2']]);
      expect(report.findings[0].severity).toBe('warning');
      expect(report.counts).toMatchObject({ mismatches: 0, busy: 1, errors: 0 });
    });

    it('the report sheet shows, per row, the reported and the recalculated value', () => {
      const reported = withCell(appraisalGrid(), 1, 12, 108);
      const report = auditWorkbook([appraisalGrid()], { reported: [reported] });
      const rows = auditReportRows(report, 'en');
      expect(rows[4].slice(6, 10)).toEqual(['Policy', 'Reported', 'Recalculated', 'Result']);
      expect(rows[5].slice(2, 10)).toEqual(['M2', 'E001', '张三', 'Score', 110, 108, 110, 'Stale']);
    });
  });

  it('does not mutate frozen grids', () => {
    const g = withCell(appraisalGrid(), 1, 12, 108);
    const copy = JSON.parse(JSON.stringify(g));
    auditWorkbook(deepFreeze([g]));
    expect(g).toEqual(copy);
  });
});
