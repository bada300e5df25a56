/**
 * Formula text (saved or typed form, without `=`) → the light route's tree, or undefined when the
 * formula is outside the subset the light route evaluates exactly. Undefined is never an error
 * for the user: it only sends the workbook to HyperFormula.
 */
import { parseCell } from '../a1';
import { canonicalFunctionName } from '../dialect';
import type { FunctionSpec, Shape } from '../function-table';
import { tokenize, unquoteSheet, unquoteString, type Token } from '../lexer';
import type { BinaryOp, Builtin, Node, RefPart } from './ast';

export interface ParseContext {
  /** Model sheet index of a sheet name (any case), or undefined when there is none. */
  sheetIndex(name: string): number | undefined;
  /** Index in the function table of a canonical `CM.NAME`, or undefined. */
  cmIndex(canonical: string): number | undefined;
  readonly table: readonly FunctionSpec[];
}

/** Arity bounds of the built-ins the light route implements. */
const BUILTINS: Readonly<Record<Builtin, readonly [number, number]>> = {
  IF: [2, 3],
  IFERROR: [2, 2],
  AND: [1, 255],
  OR: [1, 255],
  NOT: [1, 1],
  ROUND: [2, 2],
  SUM: [1, 255],
  MIN: [1, 255],
  MAX: [1, 255],
  ABS: [1, 1],
};
/** Built-ins that take ranges (as Excel's aggregates do); elsewhere a range would spill. */
const TAKES_RANGES: ReadonlySet<string> = new Set(['SUM', 'MIN', 'MAX']);

const COMPARISON: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);
const SCALAR: Shape = { rows: 1, cols: 1 };

class Ineligible extends Error {}
const fail = (): never => {
  throw new Ineligible();
};

const CELL_PARTS = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

export function parseFormula(
  formula: string,
  row: number,
  col: number,
  ctx: ParseContext,
): Node | undefined {
  // Spaces are dropped as HyperFormula does (`ignoreWhiteSpace: 'any'`); a space between two
  // references (Excel's intersection) then leaves two operands in a row, which fails below.
  const tokens = tokenize(formula).filter((t) => t.kind !== 'space');
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isOp = (text: string) => tokens[i]?.kind === 'op' && tokens[i].text === text;

  const refPart = (text: string): RefPart => {
    const m = CELL_PARTS.exec(text);
    const pos = parseCell(text);
    if (!m || !pos) return fail();
    return {
      row: m[3] ? pos.row : pos.row - row,
      rowAbs: m[3] === '$',
      col: m[1] ? pos.col : pos.col - col,
      colAbs: m[1] === '$',
    };
  };

  /** A cell or range reference starting at tokens[i] (a sheet prefix already read). */
  const reference = (sheet: number): Node => {
    const t = tokens[i];
    if (t?.kind !== 'word' || tokens[i + 1]?.kind === 'lparen') return fail();
    i++;
    const from = refPart(t.text);
    if (peek()?.kind !== 'colon') return { k: 'ref', sheet, at: from };
    i++;
    const end = tokens[i];
    if (end?.kind !== 'word') return fail();
    i++;
    return { k: 'range', sheet, from, to: refPart(end.text) };
  };

  const call = (word: string): Node => {
    i += 2; // name and `(`
    const args: (Node | null)[] = [];
    if (peek()?.kind === 'rparen') i++;
    else {
      for (;;) {
        const t = peek();
        args.push(t?.kind === 'comma' || t?.kind === 'rparen' ? null : expression());
        const sep = tokens[i++];
        if (sep?.kind === 'rparen') break;
        if (sep?.kind !== 'comma') fail();
      }
    }
    const name = canonicalFunctionName(word);
    const fn = ctx.cmIndex(name);
    if (fn !== undefined) return cmCall(fn, args);
    const bounds = BUILTINS[name as Builtin] as readonly [number, number] | undefined;
    if (!bounds || args.length < bounds[0] || args.length > bounds[1]) return fail();
    const ranges = TAKES_RANGES.has(name);
    for (const a of args) {
      // Excel and HyperFormula disagree on empty arguments of built-ins (IF(TRUE,) is 0 or blank).
      if (a === null || (!ranges && a.k === 'range')) fail();
    }
    return { k: 'fn', name: name as Builtin, args: args as Node[] };
  };

  const cmCall = (fn: number, args: (Node | null)[]): Node => {
    const spec = ctx.table[fn];
    // More arguments than parameters: left to HyperFormula, whose parser decides what it means.
    if (args.length > spec.params.length) return fail();
    const shapes = spec.params.map((_, p) => shapeOf(args[p] ?? null));
    let size: Shape;
    if (spec.resultShape) size = spec.resultShape(shapes);
    else {
      size = { rows: 1, cols: 1 };
      shapes.forEach((s, p) => {
        if (spec.params[p].range) return;
        size = { rows: Math.max(size.rows, s.rows), cols: Math.max(size.cols, s.cols) };
      });
    }
    // A result that spills: HyperFormula's route writes spills; the light route does not.
    if (size.rows !== 1 || size.cols !== 1) fail();
    return { k: 'cm', fn, args };
  };

  const primary = (): Node => {
    const t = tokens[i];
    if (!t) return fail();
    switch (t.kind) {
      case 'number': {
        i++;
        const v = Number(t.text);
        return Number.isFinite(v) ? { k: 'lit', v } : fail();
      }
      case 'string':
        if (!t.text.endsWith('"') || t.text.length < 2) fail();
        i++;
        return { k: 'lit', v: unquoteString(t.text) };
      case 'lparen': {
        i++;
        const e = expression();
        if (tokens[i++]?.kind !== 'rparen') fail();
        return e;
      }
      case 'quoted': {
        if (tokens[i + 1]?.kind !== 'bang' || !t.text.endsWith("'")) return fail();
        const sheet = ctx.sheetIndex(unquoteSheet(t.text));
        if (sheet === undefined) return fail();
        i += 2;
        return reference(sheet);
      }
      case 'word': {
        const next = tokens[i + 1]?.kind;
        if (next === 'lparen') return call(t.text);
        if (next === 'bang') {
          const sheet = ctx.sheetIndex(t.text);
          if (sheet === undefined) return fail();
          i += 2;
          return reference(sheet);
        }
        const upper = t.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') {
          i++;
          return { k: 'lit', v: upper === 'TRUE' };
        }
        return reference(-1);
      }
      default:
        return fail();
    }
  };

  // Excel's precedence, tightest first: unary minus/plus, %, ^, * /, + -, &, comparisons.
  const unary = (): Node => {
    if (isOp('-') || isOp('+')) {
      const op = tokens[i++].text;
      const a = unary();
      return { k: op === '-' ? 'neg' : 'pos', a };
    }
    let a = primary();
    while (isOp('%')) {
      i++;
      a = { k: 'pct', a };
    }
    return a;
  };
  const binary = (ops: readonly string[], next: () => Node) => (): Node => {
    let a = next();
    while (tokens[i]?.kind === 'op' && ops.includes(tokens[i].text)) {
      const op = tokens[i++].text as BinaryOp;
      const b = next();
      a = { k: 'bin', op, a, b };
    }
    return a;
  };
  const power = binary(['^'], unary);
  const product = binary(['*', '/'], power);
  const sum = binary(['+', '-'], product);
  const concat = binary(['&'], sum);
  const expression = binary([...COMPARISON], concat);

  try {
    const root = expression();
    if (i !== tokens.length) return undefined;
    return noStrayRanges(root, false) ? root : undefined;
  } catch (e) {
    if (e instanceof Ineligible) return undefined;
    throw e;
  }
}

/** A range is allowed only directly as a CM argument or an aggregate's argument. */
function noStrayRanges(n: Node, allowed: boolean): boolean {
  switch (n.k) {
    case 'range':
      return allowed;
    case 'neg':
    case 'pos':
    case 'pct':
      return noStrayRanges(n.a, false);
    case 'bin':
      return noStrayRanges(n.a, false) && noStrayRanges(n.b, false);
    case 'cm':
      return n.args.every((a) => a === null || noStrayRanges(a, true));
    case 'fn':
      return n.args.every((a) => noStrayRanges(a, TAKES_RANGES.has(n.name)));
    default:
      return true;
  }
}

function shapeOf(n: Node | null): Shape {
  if (n?.k !== 'range') return SCALAR;
  // Shapes do not depend on the formula's position: both ends move together unless one is
  // absolute, and then the shape does depend on it; such ranges are measured per cell.
  if (n.from.rowAbs !== n.to.rowAbs || n.from.colAbs !== n.to.colAbs) return { rows: 2, cols: 2 };
  return {
    rows: Math.abs(n.to.row - n.from.row) + 1,
    cols: Math.abs(n.to.col - n.from.col) + 1,
  };
}
