/**
 * The light route: evaluates a workbook whose every formula is in the subset parse.ts reads,
 * without HyperFormula. Each formula's value is computed once, when first needed (dependencies
 * first), into plain row arrays; a cycle, a deep chain or a case the rules in values.ts are not
 * sure of gives up, and the caller uses HyperFormula for the whole workbook.
 */
import { registeredName } from '../dialect';
import type { FunctionSet, FunctionSpec } from '../function-table';
import type { EngineValue, ErrorValue, SheetModel, WorkbookModel } from '../model';
import type { XlArg, XlResult, XlScalar } from '../../functions/xl';
import type { Node, RefPart } from './ast';
import { callBuiltin, type Args } from './builtins';
import { parseFormula, type ParseContext } from './parse';
import { hasShape, shapeKey, shapeOf, type Shape } from './shape-key';
import {
  arithmetic,
  Bail,
  bail,
  compare,
  concat,
  finish,
  isError,
  toNumber,
  type Value,
} from './values';

/** Formula cells waiting on each other deeper than this: left to HyperFormula's own ordering. */
const MAX_DEPTH = 2000;
const KNOWN_ERRORS: ReadonlySet<string> = new Set([
  '#DIV/0!',
  '#N/A',
  '#NAME?',
  '#NULL!',
  '#NUM!',
  '#REF!',
  '#VALUE!',
]);
/** Error codes the CM plugin keeps; others become #VALUE! (as in cm-plugin.ts). */
const CM_ERRORS: ReadonlySet<string> = new Set(['#VALUE!', '#NUM!', '#N/A']);
const NO_VALUE: ErrorValue = { error: '#N/A', message: 'No value at this position of the result' };

const enum State {
  Todo = 0,
  Running = 1,
  Done = 2,
}

interface SheetState {
  readonly model: SheetModel;
  readonly width: number;
  /** Tree of each formula cell, by `row * width + col`. */
  readonly trees: (Node | undefined)[];
  readonly state: Uint8Array;
  /** Result rows: the model's own row until a formula gives another value than it saved. */
  readonly out: EngineValue[][];
}

/**
 * Every sheet's values, or undefined when the workbook is not for the light route (a formula
 * outside the subset, a spill, a cycle, an unsure case). Never throws for a workbook's content.
 */
export function evaluateLight(
  model: WorkbookModel,
  set: FunctionSet,
): EngineValue[][][] | undefined {
  try {
    return new LightEvaluator(model, set).run();
  } catch (e) {
    if (e instanceof Bail || e instanceof RangeError) return undefined;
    throw e;
  }
}

class LightEvaluator {
  private readonly sheets: SheetState[];
  private readonly ctx: ParseContext;
  private depth = 0;

  constructor(
    private readonly model: WorkbookModel,
    private readonly set: FunctionSet,
  ) {
    const bySheet = new Map(model.sheets.map((s, i) => [s.name.toLowerCase(), i]));
    const byFunction = new Map(set.table.map((s, i) => [registeredName(s).toUpperCase(), i]));
    this.ctx = {
      sheetIndex: (name) => bySheet.get(name.toLowerCase()),
      cmIndex: (name) => byFunction.get(name.toUpperCase()),
      table: set.table,
    };
    this.sheets = model.sheets.map((s) => this.prepare(s));
  }

  /** Parses every formula of a sheet (one parse per shape): the eligibility check. */
  private prepare(sheet: SheetModel): SheetState {
    // Array formulas saved in the file (and the cells they cover) are HyperFormula's to redo.
    if (sheet.arrayFormulas.length > 0) bail('array formulas');
    const width = Math.max(sheet.colCount, 1);
    const trees: (Node | undefined)[] = new Array(sheet.rowCount * width);
    const out: EngineValue[][] = new Array(sheet.rowCount);
    const cache = this.shapes;
    // The last few shapes met in each column, most recent first: a formula filled down has the
    // shape of one a row or a few rows above, found by comparing in step (no key to make).
    const recent: Recent[][] = [];
    for (let r = 0; r < sheet.rowCount; r++) {
      const forms = sheet.formulas[r];
      const vals = sheet.values[r] ?? [];
      let copied = false;
      for (let c = 0; forms && c < forms.length; c++) {
        const f = forms[c];
        if (f == null) continue;
        const mine = (recent[c] ??= []);
        let tree = recentTree(mine, f, r, c);
        if (tree === undefined) {
          const key = shapeKey(f, r, c);
          tree = key === undefined ? undefined : cache.get(key);
          if (tree === undefined && (key === undefined || !cache.has(key))) {
            tree = parseFormula(f, r, c, this.ctx);
            if (key !== undefined) cache.set(key, tree);
          }
          if (tree === undefined) return bail(`formula ${f}`);
          const shape = key === undefined ? undefined : shapeOf(f, r, c);
          if (shape !== undefined) {
            mine.unshift({ shape, tree });
            if (mine.length > RECENT_SHAPES) mine.pop();
          }
        }
        trees[r * width + c] = tree;
        copied = true;
      }
      if (!copied || vals.length >= sheet.colCount) out[r] = vals;
      else {
        // As wide as the sheet: a grid of the used range shares it (Workbook.gridOf).
        const line: EngineValue[] = new Array<EngineValue>(sheet.colCount);
        for (let c = 0; c < line.length; c++) line[c] = vals[c] ?? null;
        out[r] = line;
      }
    }
    return { model: sheet, width, trees, state: new Uint8Array(sheet.rowCount * width), out };
  }

  private readonly shapes = new Map<string, Node | undefined>();

  run(): EngineValue[][][] {
    this.sheets.forEach((s, i) => {
      for (let r = 0; r < s.model.rowCount; r++) {
        const forms = s.model.formulas[r];
        for (let c = 0; forms && c < forms.length; c++) {
          if (forms[c] != null) this.cell(i, r, c);
        }
      }
    });
    return this.sheets.map((s) => s.out);
  }

  /** A cell's value as a formula reading it sees it. */
  private cell(sheet: number, row: number, col: number): Value {
    const s = this.sheets[sheet];
    if (row >= s.model.rowCount || col >= s.width) return null;
    const tree = s.trees[row * s.width + col];
    if (tree === undefined) return constant(s.model.values[row]?.[col] ?? null);
    const at = row * s.width + col;
    const state = s.state[at];
    if (state === State.Done) return s.out[row][col] as Value;
    if (state === State.Running) return bail('circular reference');
    if (++this.depth > MAX_DEPTH) bail('dependency chain too deep');
    s.state[at] = State.Running;
    let v = this.eval(tree, sheet, row, col);
    // A formula whose value is blank shows 0 (HyperFormula's `evaluateNullToZero`, Excel's rule).
    if (v === null) v = 0;
    const line = s.out[row];
    // A row whose formulas give the values the file saved stays the model's row, not a copy
    // (a 100,000-row sheet recalculated to the same values costs no second set of rows).
    if (!Object.is(line[col], v)) {
      if (line === s.model.values[row]) (s.out[row] = line.slice())[col] = v;
      else line[col] = v;
    }
    s.state[at] = State.Done;
    this.depth--;
    return v;
  }

  private eval(n: Node, sheet: number, row: number, col: number): Value {
    switch (n.k) {
      case 'lit':
        return n.v;
      case 'ref': {
        return this.cell(n.sheet < 0 ? sheet : n.sheet, rowOf(n.at, row), colOf(n.at, col));
      }
      case 'range':
        // parse.ts lets a range appear only where cmCall or an aggregate reads it.
        return bail('range as a value');
      case 'neg': {
        const x = toNumber(this.eval(n.a, sheet, row, col));
        return isError(x) ? x : finish(-x);
      }
      case 'pct': {
        const x = toNumber(this.eval(n.a, sheet, row, col));
        return isError(x) ? x : finish(x / 100);
      }
      case 'pos':
        return this.eval(n.a, sheet, row, col);
      case 'bin': {
        const a = this.eval(n.a, sheet, row, col);
        const b = this.eval(n.b, sheet, row, col);
        if (n.op === '&') return concat(a, b);
        if (n.op.length === 1 && '+-*/^'.includes(n.op)) return arithmetic(n.op, a, b);
        return compare(n.op, a, b);
      }
      case 'cm':
        return this.cm(this.set.table[n.fn], n.args, sheet, row, col);
      case 'fn':
        return callBuiltin(n.name, this.args(n.args, sheet, row, col));
    }
  }

  private args(nodes: readonly Node[], sheet: number, row: number, col: number): Args {
    return {
      length: nodes.length,
      value: (i) => this.eval(nodes[i], sheet, row, col),
      isRange: (i) => nodes[i].k === 'range',
      cells: (i, each) => {
        const n = nodes[i];
        if (n.k !== 'range') return;
        const s = n.sheet < 0 ? sheet : n.sheet;
        const r1 = rowOf(n.from, row);
        const r2 = rowOf(n.to, row);
        const c1 = colOf(n.from, col);
        const c2 = colOf(n.to, col);
        for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
          for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) {
            if (!each(this.cell(s, r, c))) return;
          }
        }
      },
    };
  }

  /** One CM call, argument for argument as the HyperFormula plugin makes it (cm-plugin.ts). */
  private cm(
    spec: FunctionSpec,
    nodes: readonly (Node | null)[],
    sheet: number,
    row: number,
    col: number,
  ): Value {
    const n = spec.params.length;
    const values: XlArg[] = new Array<XlArg>(n);
    let rangeError: ErrorValue | undefined;
    let liftedError: ErrorValue | undefined;
    for (let i = 0; i < n; i++) {
      const node = nodes[i] ?? null;
      if (node?.k === 'range') {
        // Scalars, not tuples: this runs for every argument of every call.
        const s = node.sheet < 0 ? sheet : node.sheet;
        const r1 = rowOf(node.from, row);
        const r2 = rowOf(node.to, row);
        const c1 = colOf(node.from, col);
        const c2 = colOf(node.to, col);
        const top = Math.min(r1, r2);
        const bottom = Math.max(r1, r2);
        const left = Math.min(c1, c2);
        const right = Math.max(c1, c2);
        if (top === bottom && left === right) {
          // A one-cell range is read as that cell's value, as HyperFormula reads it.
          const v = this.cell(s, top, left);
          values[i] = isError(v) ? null : v;
          if (isError(v)) {
            if (spec.params[i].range) rangeError ??= v;
            else liftedError ??= v;
          }
          continue;
        }
        const rows: XlScalar[][] = [];
        for (let r = top; r <= bottom; r++) {
          const line: XlScalar[] = new Array<XlScalar>(right - left + 1);
          for (let c = left; c <= right; c++) {
            const v = this.cell(s, r, c);
            if (isError(v)) {
              if (spec.params[i].range) rangeError ??= v;
              else liftedError ??= v;
              line[c - left] = null;
            } else line[c - left] = v;
          }
          rows.push(line);
        }
        values[i] = rows;
        continue;
      }
      const v = node === null ? null : this.eval(node, sheet, row, col);
      if (isError(v)) {
        if (spec.params[i].range) rangeError ??= v;
        else liftedError ??= v;
        values[i] = null;
      } else values[i] = v;
    }
    // Errors in a range parameter stop the call; errors in a lifted one replace its result.
    if (rangeError) return rangeError;
    let result: XlResult;
    try {
      result = this.set.invoke(spec.name, values);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { error: '#VALUE!', message: `${registeredName(spec)} failed: ${why}` };
    }
    if (liftedError) return liftedError;
    const out = Array.isArray(result) ? result[0]?.[0] : result;
    if (out === undefined) return NO_VALUE;
    if (typeof out === 'number') return finish(out);
    if (out === null || typeof out !== 'object') return out;
    const error = CM_ERRORS.has(out.error) ? out.error : '#VALUE!';
    return out.message ? { error, message: out.message } : { error };
  }
}

/** A formula met in a column, with its tree. */
interface Recent {
  readonly shape: Shape;
  readonly tree: Node;
}

const RECENT_SHAPES = 4;

/** The tree of a recent formula of the column with the shape of f in (r, c); moved to the front. */
function recentTree(mine: Recent[], f: string, r: number, c: number): Node | undefined {
  for (let k = 0; k < mine.length; k++) {
    const m = mine[k];
    if (!hasShape(m.shape, f, r, c)) continue;
    if (k > 0) {
      mine.splice(k, 1);
      mine.unshift(m);
    }
    return m.tree;
  }
  return undefined;
}

/** The sheet row a reference part points at from a formula in `row` (0-based). */
const rowOf = (p: RefPart, row: number): number => (p.rowAbs ? p.row : row + p.row);
const colOf = (p: RefPart, col: number): number => (p.colAbs ? p.col : col + p.col);

/** A constant cell's value; an error typed into a cell is that error (without a message). */
function constant(v: EngineValue): Value {
  if (!isError(v)) return v;
  if (!KNOWN_ERRORS.has(v.error)) return bail(`error value ${v.error}`);
  return { error: v.error };
}
