/** A small CM function table for the engine's tests, so they need not wait on the real one. */
import type { XlArg, XlOut, XlResult, XlScalar } from '../../src/functions/xl';
import type { FunctionSet } from '../../src/engine';

const isGrid = (a: XlArg): a is readonly (readonly XlScalar[])[] => Array.isArray(a);

/** Lifts a one-value rule over the broadcast of its arguments. */
function lift(args: readonly XlArg[], rule: (...xs: XlScalar[]) => XlOut): XlResult {
  const grids = args.filter(isGrid);
  if (grids.length === 0) return rule(...(args as XlScalar[]));
  const rows = Math.max(...grids.map((g) => g.length));
  const cols = Math.max(...grids.map((g) => g[0]?.length ?? 1));
  const at = (a: XlArg, r: number, c: number): XlScalar =>
    isGrid(a) ? (a[a.length === 1 ? 0 : r]?.[a[0].length === 1 ? 0 : c] ?? null) : a;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => rule(...args.map((a) => at(a, r, c)))),
  );
}

function double(x: XlScalar): XlOut {
  if (x === null) return { error: '#VALUE!', message: 'x is blank' };
  if (typeof x !== 'number')
    return { error: '#VALUE!', message: `x must be a number, not ${String(x)}` };
  if (x < 0) return { error: '#NUM!', message: 'x must not be negative' };
  return x * 2;
}

export const fakeFunctions: FunctionSet = {
  table: [
    { name: 'DOUBLE', params: [{ name: 'x', optional: false }] },
    {
      name: 'PAIR',
      params: [{ name: 'x', optional: false }],
      resultShape: ([x]) => ({ rows: x.rows, cols: 2 }),
    },
    { name: 'TOTAL', params: [{ name: 'values', optional: false, range: true }] },
    {
      name: 'ADD',
      params: [
        { name: 'a', optional: false },
        { name: 'b', optional: true },
      ],
    },
    { name: 'VERSION', params: [] },
  ],
  invoke(name, args) {
    switch (name) {
      case 'DOUBLE':
        return lift(args, double);
      case 'PAIR': {
        const x = args[0];
        const column = isGrid(x) ? x.map((r) => r[0]) : [x];
        return column.map((v) => [v, typeof v === 'number' ? v * 10 : null]);
      }
      case 'TOTAL': {
        const v = args[0];
        const all = isGrid(v) ? v.flat() : [v];
        return all.reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);
      }
      case 'ADD':
        return lift(args, (a, b) =>
          typeof a === 'number'
            ? a + (typeof b === 'number' ? b : 100)
            : { error: '#VALUE!', message: 'a must be a number' },
        );
      case 'VERSION':
        return 'fake 1.0';
      default:
        throw new Error(`no function ${name}`);
    }
  },
};
