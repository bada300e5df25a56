import { HyperFormula, DetailedCellError } from 'hyperformula';
import { engineConfig } from '../../src/engine/evaluate';
import { fakeFunctions } from './fake-functions';

function build(rows: (string | number | boolean | null)[][]): HyperFormula {
  return HyperFormula.buildFromSheets({ S: rows }, engineConfig(fakeFunctions, false));
}

const at = (hf: HyperFormula, a1: string) =>
  hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);

describe('the CM plugin built from a function table', () => {
  it('calls a scalar function', () => {
    const hf = build([[21, '=CM.DOUBLE(A1)', '=cm.double(4)', '=CM.VERSION()']]);
    expect(at(hf, 'B1')).toBe(42);
    expect(at(hf, 'C1')).toBe(8);
    expect(at(hf, 'D1')).toBe('fake 1.0');
  });

  it('lifts a range and spills the result with its shape', () => {
    const hf = build([
      [1, '=CM.DOUBLE(A1:A3)'],
      [2, null],
      [3, null],
    ]);
    expect(hf.getSheetValues(0).map((r) => r[1])).toEqual([2, 4, 6]);
  });

  it('spills a result shaped by resultShape', () => {
    const hf = build([
      [1, '=CM.PAIR(A1:A2)'],
      [2, null],
    ]);
    expect(hf.getSheetValues(0)).toEqual([
      [1, 1, 10],
      [2, 2, 20],
    ]);
  });

  it('passes a whole range to a range parameter without lifting', () => {
    const hf = build([[1, 2, 3, '=CM.TOTAL(A1:C1)']]);
    expect(at(hf, 'D1')).toBe(6);
  });

  it('passes blanks and omitted arguments as null', () => {
    const hf = build([
      [5, null, '=CM.ADD(A1)', '=CM.ADD(A1,)', '=CM.ADD(A1,B1)', '=CM.DOUBLE(B1)'],
    ]);
    expect(at(hf, 'C1')).toBe(105);
    expect(at(hf, 'D1')).toBe(105);
    expect(at(hf, 'E1')).toBe(105);
    expect(at(hf, 'F1')).toMatchObject({ value: '#VALUE!', message: 'x is blank' });
  });

  it('turns table errors into HyperFormula errors with their message', () => {
    const hf = build([[-1, '=CM.DOUBLE(A1)', 'x', '=CM.DOUBLE(C1)', '=CM.DOUBLE(1,2)']]);
    const num = at(hf, 'B1') as DetailedCellError;
    expect(num).toBeInstanceOf(DetailedCellError);
    expect(num.value).toBe('#NUM!');
    expect(num.message).toBe('x must not be negative');
    expect(at(hf, 'D1')).toMatchObject({ value: '#VALUE!', message: 'x must be a number, not x' });
    expect(at(hf, 'E1')).toMatchObject({
      value: '#VALUE!',
      message: 'CM.DOUBLE takes at most 1 argument',
    });
  });

  it('keeps an error in one element of a range to that element', () => {
    const hf = build([
      [1, '=CM.DOUBLE(A1:A3)'],
      ['=1/0', null],
      [3, null],
    ]);
    const col = hf.getSheetValues(0).map((r) => r[1]);
    expect(col[0]).toBe(2);
    expect(col[1]).toMatchObject({ value: '#DIV/0!' });
    expect(col[2]).toBe(6);
  });

  it('recalculates when an input changes', () => {
    const hf = build([[1, '=CM.DOUBLE(A1)']]);
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, 7);
    expect(at(hf, 'B1')).toBe(14);
  });

  it('shows #SPILL! when the spill range is taken', () => {
    const hf = build([
      [1, '=CM.DOUBLE(A1:A2)'],
      [2, 'taken'],
    ]);
    expect(at(hf, 'B1')).toMatchObject({ value: '#SPILL!' });
  });
});
