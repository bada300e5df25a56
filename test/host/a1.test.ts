import {
  cellAddress,
  columnLetters,
  normalizeCell,
  parseRect,
  qualify,
  rectAddress,
  stripSheet,
} from '../../src/host/a1';

describe('A1 helpers', () => {
  it('converts columns both ways', () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
    for (const col of [0, 25, 26, 701, 702, 16383]) {
      expect(parseRect(cellAddress(41, col))).toEqual({ row: 41, col, rows: 1, cols: 1 });
    }
  });

  it('parses ranges and cells in any spelling', () => {
    expect(parseRect('B2:T41')).toEqual({ row: 1, col: 1, rows: 40, cols: 19 });
    expect(rectAddress({ row: 1, col: 1, rows: 40, cols: 19 })).toBe('B2:T41');
    expect(normalizeCell('$d$7')).toBe('D7');
    expect(() => normalizeCell('D7:D8')).toThrow(/cell address/);
  });

  it('strips and adds sheet prefixes', () => {
    expect(stripSheet("'My ''best'' sheet'!D7")).toBe('D7');
    expect(stripSheet('Sheet1!A1:C3')).toBe('A1:C3');
    expect(qualify("My 'best' sheet", 'D7')).toBe("'My ''best'' sheet'!D7");
    expect(qualify('Sheet1', 'D7')).toBe('Sheet1!D7');
  });
});
