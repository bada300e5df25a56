import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../src/engine';
import { f, readBack, xlsxBytes } from './fixtures';

/** The engine with the real CM function table (the default wiring). */
describe('the default function table', () => {
  it('evaluates the worked examples of FUNCTIONS.md from a saved workbook', async () => {
    const data = await xlsxBytes((x) => {
      const ws = x.addWorksheet('考核表');
      ws.getCell('A1').value = f('_xldudf_CM_APPRAISAL_SCORE("SENIOR",34%,0,99.7%,8)');
      ws.getCell('A2').value = f('_xldudf_CM_GRADE_OUTCOME("MID",85,99.5%)');
      ws.getCell('A3').value = f('CM.RISK_RESERVE("JUNIOR",8000,4000)');
      ws.getCell('A4').value = f('_xldudf_CM_APPRAISAL_SCORE("MID",30%,1.2,99.5%,7)');
      ws.getCell('A5').value = f('_xldudf_CM_APPRAISAL_SCORE("MID",30%,,99.5%,7)');
      ws.getCell('A6').value = f('_xldudf_CM_APPRAISAL_BREAKDOWN("SENIOR",34%,0,99.7%,8)');
      [100, 80, 80, 100].forEach((v, i) => (ws.getCell(1, 10 + i).value = v));
      ws.getCell('A8').value = f('_xldudf_CM_MONTHS_BELOW_BASE(J1:M1,100)');
      ws.getCell('A9').value = f('_xldudf_CM_RESERVE_SCHEDULE("JUNIOR",J1:M1)');
    });
    const wb = (await loadWorkbook(data)).evaluate();
    const v = (a: string) => wb.value('考核表', a);
    expect(v('A1')).toBe(110);
    expect(v('A2')).toBe('DEMOTE');
    expect(v('A3')).toBe(1000);
    expect(v('A4')).toMatchObject({ error: '#NUM!' });
    expect(v('A5')).toMatchObject({ error: '#VALUE!' });
    expect(['A6', 'B6', 'C6', 'D6', 'E6'].map(v)).toEqual([48, 30, 24, 8, 110]);
    expect(v('A8')).toBe(2);
    expect(typeof v('D9')).toBe('number');
    expect(v('E9')).toBeNull();

    const back = await readBack(await wb.toBuffer());
    const ws = back.getWorksheet('考核表') as ExcelJS.Worksheet;
    expect(ws.getCell('A3').formula).toBe('_xldudf_CM_RISK_RESERVE("JUNIOR",8000,4000)');
    expect(ws.getCell('A3').result).toBe(1000);
  });
});

/**
 * The function reference (task pane, `cm-appraisal functions`) shows each function's example
 * and its result: each must be what the function really gives.
 */
describe('the examples of the function table', () => {
  it('evaluate to the results the reference shows', async () => {
    const { FUNCTION_TABLE } = await import('../../src/functions');
    const data = await xlsxBytes((x) => {
      const ws = x.addWorksheet('S');
      // Month figures for the range examples (B2:M2 → row 2).
      [900000, 850000, 800000, 880000, 1000000].forEach((v, i) => (ws.getCell(2, 2 + i).value = v));
      ws.getCell('A2').value = 'months';
      FUNCTION_TABLE.forEach((fn, i) => {
        ws.getCell(4 + i, 1).value = f(fn.example.formula.slice(1));
      });
    });
    const wb = (await loadWorkbook(data)).evaluate();
    FUNCTION_TABLE.forEach((fn, i) => {
      const row = 4 + i;
      const shown = fn.example.result;
      const at = (c: string): string => {
        const v = wb.value('S', `${c}${row}`);
        return typeof v === 'boolean' ? String(v).toUpperCase() : String(v);
      };
      if (fn.name === 'APPRAISAL_BREAKDOWN') {
        expect(['A', 'B', 'C', 'D', 'E'].map(at).join(' ')).toBe(shown);
      } else if (shown.endsWith('…')) {
        expect(at('A')).toContain(shown.slice(0, -1).split(' ')[0]);
      } else {
        expect(`${fn.name}: ${at('A')}`).toBe(`${fn.name}: ${shown}`);
      }
    });
  });
});
