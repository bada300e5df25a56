/**
 * Most formulas of a workbook differ only by row (`…(D2,E2)`, `…(D3,E3)`, …). Their key replaces
 * each cell reference by its offset from the formula's cell (absolute parts stay absolute), so
 * one parse serves every row. Two formulas with one key tokenize alike with references that
 * point the same way relative to their cells, so their trees are the same.
 */
import { columnIndex } from '../a1';

// Strings and quoted sheet names are skipped whole; a reference is a whole word: nothing that
// continues a word (or a number, `1E5`) before it, and no `(`, `!`, `[` or word character after.
const REF =
  /"(?:[^"]|"")*"?|'(?:[^']|'')*'?|(?<![\p{L}\p{N}\p{M}_.$\\?])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\p{L}\p{N}\p{M}_.$\\?(![])/gu;

export function shapeKey(formula: string, row: number, col: number): string | undefined {
  if (formula.includes('\u0001')) return undefined;
  return formula.replace(
    REF,
    (m: string, colAbs?: string, letters?: string, rowAbs?: string, digits?: string) => {
      if (letters === undefined) return m;
      const c = columnIndex(letters);
      if (c < 0) return m;
      const r = Number(digits) - 1;
      // \u0001 cannot be in a formula saved in XML; shapeKey is not used for one that has it.
      return `\u0001${colAbs ? `$${c}` : c - col}\u0001${rowAbs ? `$${r}` : r - row}\u0001`;
    },
  );
}
