/**
 * A HyperFormula function plugin built from any CM function table: one generic runner reads
 * the arguments (ranges as 2-D arrays, blanks and omitted arguments as null), calls the table,
 * and turns the result back into HyperFormula values. Array results spill; their size is the
 * broadcast of the lifted arguments' shapes, or what the entry's `resultShape` says.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { InterpreterValue } from 'hyperformula/typings/interpreter/InterpreterValue';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import type { XlArg, XlOut, XlResult, XlScalar } from '../functions/xl';
import { isXlError } from '../functions/xl';
import { registeredName } from './dialect';
import type { FunctionSet, FunctionSpec, Shape } from './function-table';

type Scalar = InterpreterValue extends infer V ? Exclude<V, SimpleRangeValue> : never;

const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  '#VALUE!': ErrorType.VALUE,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
};

export { registeredName };

/** One argument as read: its values for the table, and where it holds errors. */
interface ReadArg {
  readonly value: XlArg;
  readonly shape: Shape;
  /** Errors by position (row-major, 2-D args) or the scalar's error. */
  readonly errors?: (CellError | undefined)[][];
}

const SCALAR_SHAPE: Shape = { rows: 1, cols: 1 };

function toXlScalar(v: unknown): XlScalar | CellError {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (v instanceof CellError) return v;
  switch (typeof v) {
    case 'number':
    case 'string':
    case 'boolean':
      return v;
    default:
      // Dates, percents and currencies arrive as RichNumber objects holding `val`.
      return typeof (v as { val?: unknown }).val === 'number' ? (v as { val: number }).val : null;
  }
}

function readArg(v: InterpreterValue): ReadArg {
  if (v instanceof SimpleRangeValue) {
    const data = v.rawData();
    let errors: (CellError | undefined)[][] | undefined;
    const rows = data.map((row, r) =>
      row.map((cell, c) => {
        const x = toXlScalar(cell);
        if (!(x instanceof CellError)) return x;
        errors ??= data.map((d) => new Array<CellError | undefined>(d.length));
        errors[r][c] = x;
        return null;
      }),
    );
    return { value: rows, shape: { rows: v.height(), cols: v.width() }, errors };
  }
  const x = toXlScalar(v);
  return x instanceof CellError
    ? { value: null, shape: SCALAR_SHAPE, errors: [[x]] }
    : { value: x, shape: SCALAR_SHAPE };
}

function broadcastShape(spec: FunctionSpec, shapes: readonly Shape[]): Shape {
  if (spec.resultShape) return spec.resultShape(shapes);
  let rows = 1;
  let cols = 1;
  shapes.forEach((s, i) => {
    if (spec.params[i]?.range) return;
    rows = Math.max(rows, s.rows);
    cols = Math.max(cols, s.cols);
  });
  return { rows, cols };
}

function toCellError(e: { error: string; message: string }): CellError {
  return new CellError(ERROR_TYPES[e.error] ?? ErrorType.VALUE, e.message);
}

function outValue(x: XlOut | undefined): Scalar {
  if (x === undefined)
    return new CellError(ErrorType.NA, 'No value at this position of the result');
  if (x === null) return EmptyValue;
  if (isXlError(x)) return toCellError(x);
  return x;
}

/** The table's result, shaped to the size HyperFormula reserved for it. */
function toInterpreterValue(result: XlResult, size: Shape): InterpreterValue {
  if (!Array.isArray(result)) {
    const v = outValue(result as XlOut);
    if (size.rows === 1 && size.cols === 1) return v;
    return SimpleRangeValue.onlyValues(
      Array.from({ length: size.rows }, () => new Array<Scalar>(size.cols).fill(v)),
    );
  }
  if (size.rows === 1 && size.cols === 1) return outValue(result[0]?.[0]);
  const data: Scalar[][] = [];
  for (let r = 0; r < size.rows; r++) {
    const src = result[r];
    const row: Scalar[] = new Array<Scalar>(size.cols);
    for (let c = 0; c < size.cols; c++) row[c] = outValue(src?.[c]);
    data.push(row);
  }
  return SimpleRangeValue.onlyValues(data);
}

/** Error at (r, c) of a lifted argument after broadcasting, if any. */
function errorAt(arg: ReadArg, r: number, c: number): CellError | undefined {
  if (!arg.errors) return undefined;
  const rr = arg.shape.rows === 1 ? 0 : r;
  const cc = arg.shape.cols === 1 ? 0 : c;
  return arg.errors[rr]?.[cc];
}

/** Puts each argument error in the result elements it reaches, so other elements keep theirs. */
function overlayErrors(
  value: InterpreterValue,
  spec: FunctionSpec,
  args: readonly ReadArg[],
  broadcast: Shape,
  size: Shape,
): InterpreterValue {
  const lifted = args.filter((a, i) => a.errors && !spec.params[i]?.range);
  if (lifted.length === 0) return value;
  const sameShape = size.rows === broadcast.rows && size.cols === broadcast.cols;
  const byRow = !sameShape && size.rows === broadcast.rows && broadcast.cols === 1;
  const at = (r: number, c: number): CellError | undefined => {
    for (const a of lifted) {
      const e = sameShape ? errorAt(a, r, c) : byRow ? errorAt(a, r, 0) : firstError(a);
      if (e) return e;
    }
    return undefined;
  };
  if (!(value instanceof SimpleRangeValue)) return at(0, 0) ?? value;
  const data = value.rawData().map((row, r) => row.map((v, c) => at(r, c) ?? v));
  return SimpleRangeValue.onlyValues(data);
}

function firstError(a: ReadArg): CellError | undefined {
  for (const row of a.errors ?? []) for (const e of row) if (e) return e;
  return undefined;
}

/** Builds the plugin class for a function set. Pure: registers nothing. */
export function buildCmPlugin(set: FunctionSet): FunctionPluginDefinition {
  class CmFunctionPlugin extends FunctionPlugin {
    argShapes(ast: ProcedureAst, state: InterpreterState): Shape[] {
      return ast.args.map((a) => {
        if ((a.type as string) === 'EMPTY') return SCALAR_SHAPE;
        const s = this.arraySizeForAst(a, state);
        return { rows: s.height, cols: s.width };
      });
    }

    size(spec: FunctionSpec, ast: ProcedureAst, state: InterpreterState): Shape {
      return broadcastShape(spec, this.argShapes(ast, state));
    }

    run(spec: FunctionSpec, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
      const name = registeredName(spec);
      if (ast.args.length > spec.params.length) {
        return new CellError(
          ErrorType.VALUE,
          `${name} takes at most ${spec.params.length} argument${spec.params.length === 1 ? '' : 's'}`,
        );
      }
      const args = spec.params.map((_, i) => {
        const a = ast.args[i];
        return a === undefined ? readArg(EmptyValue) : readArg(this.evaluateAst(a, state));
      });
      for (let i = 0; i < args.length; i++) {
        if (spec.params[i].range && args[i].errors) return firstError(args[i]) as CellError;
      }
      const broadcast = broadcastShape(
        spec,
        args.map((a) => a.shape),
      );
      const size = this.size(spec, ast, state);
      let result: XlResult;
      try {
        result = set.invoke(
          spec.name,
          args.map((a) => a.value),
        );
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        return new CellError(ErrorType.VALUE, `${name} failed: ${why}`);
      }
      return overlayErrors(toInterpreterValue(result, size), spec, args, broadcast, size);
    }
  }

  const implemented: ImplementedFunctions = {};
  const proto = CmFunctionPlugin.prototype as unknown as Record<string, unknown>;
  set.table.forEach((spec, i) => {
    const method = `cm${i}`;
    const sizeMethod = `cm${i}Size`;
    proto[method] = function (this: CmFunctionPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.run(spec, ast, state);
    };
    proto[sizeMethod] = function (
      this: CmFunctionPlugin,
      ast: ProcedureAst,
      state: InterpreterState,
    ) {
      const s = this.size(spec, ast, state);
      return s.rows === 1 && s.cols === 1 ? ArraySize.scalar() : new ArraySize(s.cols, s.rows);
    };
    implemented[registeredName(spec)] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: spec.params.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        ...(p.optional ? { optionalArg: true } : {}),
      })),
      vectorizationForbidden: true,
    };
  });
  (
    CmFunctionPlugin as unknown as { implementedFunctions: ImplementedFunctions }
  ).implementedFunctions = implemented;
  return CmFunctionPlugin as unknown as FunctionPluginDefinition;
}

const plugins = new WeakMap<FunctionSet, FunctionPluginDefinition>();

/**
 * The plugin for a function set, built once per set. HyperFormula needs each function's name in
 * its language package to parse it; that registry is global, and adding a name is harmless.
 */
export function cmPluginFor(set: FunctionSet): FunctionPluginDefinition {
  let plugin = plugins.get(set);
  if (!plugin) {
    plugin = buildCmPlugin(set);
    const names = Object.fromEntries(set.table.map((s) => [registeredName(s), registeredName(s)]));
    for (const code of HyperFormula.getRegisteredLanguagesCodes()) {
      HyperFormula.getLanguage(code).extendFunctions(names);
    }
    plugins.set(set, plugin);
  }
  return plugin;
}
