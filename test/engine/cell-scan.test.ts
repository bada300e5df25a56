/** The hand-written cell scanner reads what writers put in <sheetData>, in any attribute order. */
import { scanCells, type ScannedElement } from '../../src/engine/cell-scan';

const scan = (xml: string) => {
  const out: Partial<ScannedElement>[] = [];
  scanCells(xml, (e) => {
    const { kind, r, row, col, t, s, empty, hasF, fT, fSi, fRef, fText, v, is } = e;
    out.push(
      kind === 'row'
        ? { kind, r }
        : { kind, r, row, col, t, s, empty, hasF, fT, fSi, fRef, fText, v, is },
    );
  });
  return out;
};

describe('scanCells', () => {
  it('reads attributes in any order and quoting, formulas and values', () => {
    const [row, a, b] = scan(
      `<row spans="1:2" r = '7' x14ac:dyDescent="0.25"><c s="3" t='str' r="B7"><f t="shared" ref="B7:B9" si="0">A7&amp;"x"</f><v>1 &lt; 2</v></c><c r="C7" t="n"><v/></c></row>`,
    );
    expect(row).toEqual({ kind: 'row', r: '7' });
    expect(a).toMatchObject({
      r: 'B7',
      row: 6,
      col: 1,
      t: 'str',
      s: '3',
      empty: false,
      hasF: true,
      fT: 'shared',
      fSi: '0',
      fRef: 'B7:B9',
      fText: 'A7&amp;"x"',
      v: '1 &lt; 2',
    });
    expect(b).toMatchObject({ r: 'C7', row: 6, col: 2, v: '', hasF: false });
  });

  it('gives cells without an address, self-closed cells and shared clones', () => {
    const cells = scan(
      `<row><c/><c t="b"><v>1</v></c><c r="$D$1"><f t="shared" si="2"/></c></row>`,
    );
    expect(cells[1]).toMatchObject({ r: undefined, empty: true });
    expect(cells[2]).toMatchObject({ r: undefined, t: 'b', v: '1' });
    // Not plain A1: the caller reads `$D$1` itself.
    expect(cells[3]).toMatchObject({ r: '$D$1', row: -1, hasF: true, fT: 'shared', fText: '' });
  });

  it('reads inline strings, skips elements that only start like c, and an unclosed cell', () => {
    const cells = scan(
      `<row r="1"><col/><cfRule/><c r="A1" t="inlineStr"><is xml:space="preserve"><t>甲</t><rPh><t>jia</t></rPh></is></c><c r="B1"><v>2</v><c r="C1"><v>3</v></c></row>`,
    );
    expect(cells[1]).toMatchObject({ r: 'A1', is: '<t>甲</t><rPh><t>jia</t></rPh>' });
    // B1 has no </c> of its own: it runs to C1's, which it swallows (as the expression did).
    expect(cells.slice(2).map((c) => c.r)).toEqual(['B1']);
    expect(cells[2]).toMatchObject({ v: '2' });
  });

  it('refuses to read an address beyond the sheet as plain A1', () => {
    const [, big, lower] = scan(`<row><c r="XFE1"><v>1</v></c><c r="a1"><v>1</v></c></row>`);
    expect(big).toMatchObject({ row: -1, col: -1 });
    expect(lower).toMatchObject({ row: -1, col: -1 });
  });
});
