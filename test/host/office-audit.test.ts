/**
 * The audit inside Excel (issue 11), against the fake Excel object model: what the workbook
 * REPORTED is read before recalculating; after `calculate('Full')` the audit waits for
 * `application.calculationState` to be Done (Excel.CalculationState, ExcelApi 1.9,
 * learn.microsoft.com/javascript/api/excel/excel.calculationstate) and re-reads cells still
 * `#BUSY!` (asynchronous custom functions) a bounded number of times; a cell still busy is
 * reported as such, never as a mismatch. One audit at a time in the shared runtime.
 */
import { OfficeHost } from '../../src/host/office-host';
import type { CellValue } from '../../src/sheets/grid';
import { BUSY_RETRIES, runAudit, verifyLog } from '../../src/taskpane/workflows/audit';
import { LOG_SHEET } from '../../src/taskpane/workflows/names';
import { APPRAISAL, SHEET } from '../taskpane/fixtures';
import { FakeExcel } from './fake-excel';

const POLICY_SCORE_H2 = 110; // =CM.APPRAISAL_SCORE on row 2's inputs (SENIOR 34%, 0, 99.7%, 8)

/** The fixture's sheet as Excel holds it: cached values under each formula. */
function excelWith(cachedH2: number | string): FakeExcel {
  const values = APPRAISAL.map((row) =>
    row.map((v) => (typeof v === 'string' && v.startsWith('=') ? null : v)),
  );
  const formulas = APPRAISAL.map((row) =>
    row.map((v) => (typeof v === 'string' && v.startsWith('=') ? v : null)),
  );
  values[1][7] = cachedH2;
  values[2][7] = 90;
  values[3][7] = '#NUM!';
  return new FakeExcel().addSheet(SHEET, values as CellValue[][], { formulas });
}

function setH2(excel: FakeExcel, v: CellValue): void {
  const cell = excel.cell(SHEET, 'H2');
  if (cell === undefined) throw new Error('no H2');
  cell.value = v as never;
}

const noWait = async () => undefined;

describe('audit in Excel: reported values, calculation state, #BUSY!', () => {
  it('finds the stale value the workbook showed before recalculation, after waiting for Done', async () => {
    const excel = excelWith(100); // saved under manual calculation: 100 on screen
    excel.state.onCalculate = () => setH2(excel, POLICY_SCORE_H2);
    excel.state.calculationStates.push('Calculating', 'Pending', 'Calculating');
    const waits: number[] = [];
    const host = new OfficeHost({ run: excel.run, sleep: async (ms) => void waits.push(ms) });
    const summary = await runAudit(host, { who: '审计员', sleep: noWait });
    // Three polls not yet Done, then Done.
    expect(waits).toHaveLength(3);
    const stale = summary.findings.filter((f) => f.rule === 'audit.stale');
    expect(stale.map((f) => f.address)).toEqual(['H2']);
    expect(stale[0].message.en).toMatch(/the file shows 100 .* gives 110/);
    expect(summary.reportedMismatches).toBeGreaterThanOrEqual(1);
    expect(summary.busy).toBe(0);
  });

  it('re-reads #BUSY! cells until the custom function has answered', async () => {
    const excel = excelWith(POLICY_SCORE_H2);
    excel.state.onCalculate = () => setH2(excel, '#BUSY!');
    let retries = 0;
    const host = new OfficeHost({ run: excel.run, sleep: noWait });
    const summary = await runAudit(host, {
      who: '审计员',
      sleep: async () => {
        retries++;
        if (retries === 2) setH2(excel, POLICY_SCORE_H2);
      },
    });
    expect(retries).toBe(2);
    expect(summary.findings.filter((f) => f.address === 'H2')).toEqual([]);
    expect(summary.busy).toBe(0);
  });

  it('a cell still #BUSY! after the bounded retries is reported as busy, never a mismatch', async () => {
    const excel = excelWith(POLICY_SCORE_H2);
    excel.state.onCalculate = () => setH2(excel, '#BUSY!');
    let retries = 0;
    const host = new OfficeHost({ run: excel.run, sleep: noWait });
    const summary = await runAudit(host, {
      who: '审计员',
      sleep: async () => void retries++,
    });
    expect(retries).toBe(BUSY_RETRIES);
    const h2 = summary.findings.filter((f) => f.address === 'H2');
    expect(h2.map((f) => [f.rule, f.severity])).toEqual([['audit.busy', 'warning']]);
    expect(h2[0].message.zh).toContain('仍在计算');
    expect(summary.busy).toBe(1);
  });
});

describe('one audit at a time (task pane and ribbon share the runtime)', () => {
  it('a second audit while one runs is refused with a message; the chain stays whole', async () => {
    const excel = excelWith(POLICY_SCORE_H2);
    const host = new OfficeHost({ run: excel.run, sleep: noWait });
    const first = runAudit(host, { who: 'pane', sleep: noWait });
    const second = runAudit(host, { who: 'ribbon', sleep: noWait });
    await expect(second).rejects.toThrow(/already running/);
    const done = await first;
    expect(done.record?.seq).toBe(1);
    // Once the first is done, the next one runs and continues the chain.
    const third = await runAudit(host, { who: 'ribbon', sleep: noWait });
    expect(third.record?.seq).toBe(2);
    expect(third.record?.prevHash).toBe(done.record?.hash);
    expect(excel.valuesOf(LOG_SHEET)).toHaveLength(3);
    await expect(verifyLog(host)).resolves.toMatchObject({ ok: true, records: 2 });
  });

  it('refuses an audit without a name, writing nothing', async () => {
    const excel = excelWith(POLICY_SCORE_H2);
    const host = new OfficeHost({ run: excel.run, sleep: noWait });
    await expect(runAudit(host, { who: '  ' })).rejects.toThrow(/auditor/);
    expect(excel.writes).toEqual([]);
    // A failed audit does not hold the lock.
    await expect(runAudit(host, { who: 'x', sleep: noWait })).resolves.toMatchObject({ who: 'x' });
  });
});
