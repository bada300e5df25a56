/**
 * Spilled results are first-class: a computed column filled by one range call
 * (`=CM.APPRAISAL_SCORE(E2:E4, …)`, FUNCTIONS.md "Ranges lift") is never an overwritten
 * formula. A spilled cell has no formula of its own: Excel's range.formulas gives its value,
 * and the spill parent (Range.getSpillParent, ExcelApi 1.12,
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays) holds it.
 */
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/engine';
import { LocalHost } from '../../src/host/local-host';
import { validateGrid, type Finding, type Grid } from '../../src/sheets';
import { spillParentOf } from '../../src/sheets/spills';
import { runAudit, validateActive } from '../../src/taskpane/workflows';
import { appraisalGrid, DEFAULT_ORDER, deepFreeze, PEOPLE, ZH, type Person } from './fixtures';

const SENIOR = PEOPLE[0];
const MID = PEOPLE[3];
/** Three people of roles that share the deposit-growth and new-accounts columns. */
const TEAM: readonly Person[] = [SENIOR, { ...MID }, { ...SENIOR, id: 'E005', name: '孙七' }];
const col = (k: string) => DEFAULT_ORDER.indexOf(k as never);
const letter = (k: string) => String.fromCharCode(65 + col(k));
const rows = (k: string) => `${letter(k)}2:${letter(k)}4`;
const SCORE_CALL = `=CM.APPRAISAL_SCORE(${rows('role')},${rows('deposit_growth')},${rows('npl_ratio')},${rows('collection_rate')},${rows('new_accounts')})`;

/** The score column as one range call on row 2 spilling to row 4, as Excel reads it. */
function spilled(formula = SCORE_CALL, withMap = true): Grid {
  const g = appraisalGrid(TEAM);
  const c = col('score');
  const formulas = g.formulas.map((row, r) =>
    row.map((f, x) => (x !== c || r === 0 ? f : r === 1 ? formula : null)),
  );
  const spills = [{ top: 1, left: c, bottom: 3, right: c, formula }];
  return deepFreeze({ ...g, formulas, ...(withMap ? { spills } : {}) });
}

const scoreFindings = (fs: readonly Finding[]) =>
  fs.filter((f) => f.column === 'score').map((f) => [f.rule, f.address]);

describe('spilled results in validation', () => {
  it('a column filled by a spill of the expected range call has no finding', () => {
    expect(scoreFindings(validateGrid(spilled()).findings)).toEqual([]);
  });

  it('without the spill map the same cells read as typed values (what Excel would show)', () => {
    const s = letter('score');
    expect(scoreFindings(validateGrid(spilled(SCORE_CALL, false)).findings)).toEqual([
      ['formula.overwritten', `${s}3`],
      ['formula.overwritten', `${s}4`],
    ]);
  });

  it('a spill of another function is reported on every cell it fills', () => {
    const other = '=SEQUENCE(3)';
    const f = scoreFindings(validateGrid(spilled(other)).findings);
    expect(f.map((x) => x[0])).toEqual([
      'formula.unexpected',
      'formula.unexpected',
      'formula.unexpected',
    ]);
  });

  it('the spill parent of a cell: its anchor, formula and place in the result', () => {
    const g = spilled();
    const c = col('score');
    expect(spillParentOf(g, 3, c)).toEqual({
      sheet: g.sheet,
      address: `${letter('score')}2`,
      formula: SCORE_CALL,
      range: `${letter('score')}2:${letter('score')}4`,
      row: 2,
      col: 0,
    });
    // The anchor is no spilled cell; a cell outside has no parent.
    expect(spillParentOf(g, 1, c)).toBeNull();
    expect(spillParentOf(g, 3, c + 1)).toBeNull();
  });
});

describe("the engine's spill map through LocalHost", () => {
  async function host(): Promise<LocalHost> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考核表');
    ws.addRow(DEFAULT_ORDER.map((k) => ZH[k] ?? k));
    for (const p of TEAM) {
      // The score comes from the one spilling call; the other computed columns are left empty.
      const computed = ['score', 'outcome', 'reserve_deduction'];
      ws.addRow(DEFAULT_ORDER.map((k) => (computed.includes(k) ? null : (p[k] ?? null))));
    }
    ws.getCell(`${letter('score')}2`).value = {
      formula: SCORE_CALL.slice(1),
      result: 0,
    } as ExcelJS.CellValue;
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return new LocalHost(await loadWorkbook(bytes), { name: 'spill.xlsx' });
  }

  it('computes the spill, answers spillParent, and validation finds nothing overwritten', async () => {
    const h = await host();
    const s = letter('score');
    const grid = await h.readSheet('考核表');
    expect(grid.spills).toEqual([
      { top: 1, left: col('score'), bottom: 3, right: col('score'), formula: SCORE_CALL },
    ]);
    expect(grid.values.slice(1).map((r) => r[col('score')])).toEqual([110, 90, 110]);
    expect(await h.spillParent('考核表', `${s}4`)).toMatchObject({
      address: `${s}2`,
      formula: SCORE_CALL,
      range: `${s}2:${s}4`,
      row: 2,
      col: 0,
    });
    expect(await h.spillParent('考核表', `${s}2`)).toBeNull();
    expect((await h.readRange('考核表', `${s}3`)).spills).toHaveLength(1);
    const result = await validateActive(h);
    const findings = result.findings ?? [];
    expect(
      findings.filter((f: Finding) => f.rule.startsWith('formula.') && f.column === 'score'),
    ).toEqual([]);
  });

  it('the audit reads a spilled score column as the call’s results: no finding on it', async () => {
    // Saved once, so the file caches the spilled values (as Excel saves them) and is reopened.
    const saved = await (await host()).save();
    const h = new LocalHost(await loadWorkbook(saved), { name: 'spill.xlsx' });
    const summary = await runAudit(h, { lang: 'en', who: '审计员' });
    const report = await h.readLog(summary.reportSheet);
    const header = report.findIndex((r) => r[0] === 'Row');
    const column = report[header].indexOf('Column');
    const result = report[header].indexOf('Result');
    const severity = report[header].indexOf('Severity');
    const onScore = report.slice(header + 1).filter((r) => r[column] === 'Score');
    expect(summary.rows).toBe(3);
    expect(onScore.map((r) => [r[2], r[result], r[severity]])).toEqual([
      ['M2', 'OK', null],
      ['M3', 'OK', null],
      ['M4', 'OK', null],
    ]);
    // The same audit does report the empty outcome cells: the report is not silent.
    expect(report.slice(header + 1).some((r) => r[column] === 'Outcome')).toBe(true);
  });
});
