/**
 * examples/appraisal-sample.xlsx is what scripts/make-sample.ts makes: regenerating gives the
 * same cells (values, formulas, cached results). Compared through ExcelJS, not byte for byte,
 * since a zip's timestamps may differ.
 */
import ExcelJS from 'exceljs';
import { buildSample, SAMPLE_PATH } from '../../scripts/make-sample';

type Cells = Record<string, Record<string, unknown>>;

function cellsOf(wb: ExcelJS.Workbook): Cells {
  const out: Cells = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = { value: cell.value, numFmt: cell.numFmt ?? null };
      }),
    );
    out[ws.name] = cells;
  });
  return out;
}

test('regenerating the sample gives the committed cells', async () => {
  const fresh = new ExcelJS.Workbook();
  await fresh.xlsx.load((await (await buildSample()).toBuffer()) as unknown as ExcelJS.Buffer);
  const committed = new ExcelJS.Workbook();
  await committed.xlsx.readFile(SAMPLE_PATH);
  const a = cellsOf(fresh);
  const b = cellsOf(committed);
  expect(Object.keys(a)).toEqual(['考核表', '客户表', '贷款表']);
  expect(Object.keys(a['考核表']).length).toBeGreaterThan(600);
  expect(a).toEqual(b);
});
