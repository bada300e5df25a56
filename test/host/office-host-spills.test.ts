/**
 * OfficeHost's spill map. In Excel a spilled cell's range.formulas is its value, so the adapter
 * asks each formula cell beside such a cell for Range.getSpillingToRangeOrNullObject, and answers
 * spillParent with Range.getSpillParentOrNullObject (both ExcelApi 1.12, checked with
 * isSetSupported: learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays).
 */
import { OfficeHost } from '../../src/host/office-host';
import { parseRect } from '../../src/host/a1';
import { FakeExcel } from './fake-excel';
import { key } from './fake-state';

const CALL = '=CM.APPRAISAL_SCORE(A2:A4,B2:B4,C2:C4,D2:D4,E2:E4)';

function excelWithSpill(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet(
    'Calc',
    [
      ['role', 'dep', 'npl', 'coll', 'acc', 'score', 'per row'],
      ['SENIOR', 0.34, 0, 0.997, 8, 110, 1],
      ['MID', 0.3, 0.01, 0.995, 7, 90, 2],
      ['SENIOR', 0.34, 0, 0.997, 8, 110, 3],
    ],
    {
      formulas: [
        [null, null, null, null, null, null, null],
        [null, null, null, null, null, CALL, '=ROW()-1'],
        [null, null, null, null, null, null, '=ROW()-1'],
        [null, null, null, null, null, null, '=ROW()-1'],
      ],
    },
  );
  excel.sheet('Calc').spills = new Map([[key(1, 5), parseRect('F2:F4')]]);
  return excel;
}

const supports12 = (name: string, version: string) =>
  name === 'ExcelApi' && Number(version.split('.')[1]) <= 12;

describe('OfficeHost spill map (ExcelApi 1.12)', () => {
  it('a grid carries the spills of its formula cells; per-row formulas cost no extra sync', async () => {
    const excel = excelWithSpill();
    const host = new OfficeHost({ run: excel.run, supports: supports12 });
    const grid = await host.readSheet('Calc');
    expect(grid.formulas.map((r) => r[5])).toEqual([null, CALL, null, null]);
    expect(grid.spills).toEqual([{ top: 1, left: 5, bottom: 3, right: 5, formula: CALL }]);
    // used range + one chunk + one sync for the one candidate anchor (G2:G4 are all formulas).
    expect(excel.syncs).toHaveLength(3);
  });

  it('spillParent names the anchor, its formula and the place in the result', async () => {
    const host = new OfficeHost({ run: excelWithSpill().run, supports: supports12 });
    expect(await host.spillParent('Calc', 'F4')).toEqual({
      sheet: 'Calc',
      address: 'F2',
      formula: CALL,
      range: 'F2:F4',
      row: 2,
      col: 0,
    });
    expect(await host.spillParent('Calc', 'F2')).toBeNull();
    expect(await host.spillParent('Calc', 'G3')).toBeNull();
  });

  it('below ExcelApi 1.12 nothing is asked: no spill map, spillParent null', async () => {
    const excel = excelWithSpill();
    const host = new OfficeHost({ run: excel.run, supports: () => false });
    const grid = await host.readSheet('Calc');
    expect(grid.spills).toBeUndefined();
    expect(excel.syncs).toHaveLength(2);
    expect(await host.spillParent('Calc', 'F4')).toBeNull();
  });
});
