/**
 * The one generic runner: checks and lifts the arguments of any CM function of the table, so
 * each table entry holds only its rule. Ranges broadcast against single cells and the result
 * spills in their shape; an error in one element stays in that element.
 */
import { DEFAULT_POLICY, type Policy } from '../rules';
import type { FunctionSpec } from './spec';
import { FUNCTIONS_BY_NAME } from './table';
import {
  isXlError,
  type XlArg,
  type XlError,
  type XlOut,
  type XlResult,
  type XlScalar,
} from './xl';

type Rows = readonly (readonly XlScalar[])[];

function valueError(message: string): XlError {
  return { error: '#VALUE!', message };
}

function rowsOf(arg: XlArg | undefined): Rows {
  if (Array.isArray(arg)) return arg.length === 0 ? [[null]] : (arg as Rows);
  return [[(arg ?? null) as XlScalar]];
}

function shapeText(rows: Rows): string {
  return `${rows.length}×${rows[0]?.length ?? 0}`;
}

/** A row or a column as one list; a block of several rows and columns is refused. */
function flatList(rows: Rows, param: string): readonly XlScalar[] | XlError {
  if (rows.length === 1) return rows[0];
  if (rows.every((r) => r.length === 1)) return rows.map((r) => r[0]);
  return valueError(`${param} must be one row or one column; got ${shapeText(rows)}.`);
}

/** A value the host passed that is not a plain scalar (an upstream error) stays that error. */
function upstream(x: XlScalar): XlError | undefined {
  if (x === null || typeof x !== 'object') return undefined;
  return isXlError(x) ? x : valueError('argument is not a single value.');
}

function runRangeFunction(spec: FunctionSpec, args: readonly Rows[], policy: Policy): XlResult {
  const values: (XlScalar | readonly XlScalar[])[] = [];
  let shape: Rows | undefined;
  for (let i = 0; i < spec.params.length; i++) {
    const param = spec.params[i];
    const rows = args[i];
    if (param.kind === 'range') {
      const flat = flatList(rows, param.name);
      if (isXlError(flat)) return flat;
      // A list is read whole: an error element (an upstream error) is the result, as the
      // engine gives (its first error).
      for (const x of flat) {
        const bad = upstream(x);
        if (bad) return bad;
      }
      shape = rows;
      values.push(flat);
    } else {
      if (rows.length !== 1 || rows[0].length !== 1)
        return valueError(`${param.name} must be a single cell; got ${shapeText(rows)}.`);
      const bad = upstream(rows[0][0]);
      if (bad) return bad;
      values.push(rows[0][0]);
    }
  }
  const out = spec.evaluate(values, policy);
  if (!Array.isArray(out)) return out as XlOut;
  // One result per element of the range, in the range's own shape (row or column).
  const results = out as readonly XlOut[];
  if (shape === undefined || shape.length === 1) return [results.slice()];
  return results.map((x) => [x]);
}

function runLifted(spec: FunctionSpec, args: readonly Rows[], policy: Policy): XlResult {
  let rows = 1;
  let cols = 1;
  let single = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const r = a.length;
    const c = a[0].length;
    if (r === 1 && c === 1) continue;
    if (single) {
      rows = r;
      cols = c;
      single = false;
    } else if (r !== rows || c !== cols) {
      return valueError(
        `${spec.params[i].name} is ${r}×${c} but another range is ${rows}×${cols}; ranges in one call must have the same shape or be a single cell.`,
      );
    }
  }
  const width = spec.width ?? 1;
  const n = args.length;
  const scalars: XlScalar[] = new Array<XlScalar>(n);
  const broadcast = args.map((a) => a.length === 1 && a[0].length === 1);
  const out: XlOut[][] = new Array<XlOut[]>(rows);
  for (let r = 0; r < rows; r++) {
    const line: XlOut[] = new Array<XlOut>(cols * width);
    for (let c = 0; c < cols; c++) {
      let bad: XlError | undefined;
      for (let i = 0; i < n; i++) {
        const v = broadcast[i] ? args[i][0][0] : args[i][r][c];
        if (v !== null && typeof v === 'object') bad ??= upstream(v);
        scalars[i] = v;
      }
      const result = bad ?? spec.evaluate(scalars, policy);
      if (width === 1) line[c] = result as XlOut;
      else
        for (let k = 0; k < width; k++)
          line[c * width + k] = Array.isArray(result) ? (result as XlOut[])[k] : (result as XlOut);
    }
    out[r] = line;
  }
  if (single && width === 1) return out[0][0];
  return out;
}

const NOT_ONE_CALL = undefined;

/**
 * The common case, as runLifted gives it without wrapping each argument in a 1×1 range: every
 * argument a single value, no list parameter, one result per call (the engine and the
 * headless audit call functions 300,000 times for 100,000 rows). Undefined when it does not
 * apply.
 */
function oneCall(spec: FunctionSpec, args: readonly XlArg[], policy: Policy): XlResult | undefined {
  if ((spec.width ?? 1) !== 1) return NOT_ONE_CALL;
  const n = spec.params.length;
  for (let i = 0; i < n; i++) {
    if (spec.params[i].kind === 'range' || Array.isArray(args[i])) return NOT_ONE_CALL;
  }
  const scalars: XlScalar[] = new Array<XlScalar>(n);
  let bad: XlError | undefined;
  for (let i = 0; i < n; i++) {
    const v = (args[i] ?? null) as XlScalar;
    if (v !== null && typeof v === 'object') bad ??= upstream(v);
    scalars[i] = v;
  }
  return bad ?? (spec.evaluate(scalars, policy) as XlOut);
}

/** Call a CM function by name the way a host does: arguments as scalars or 2-D ranges. */
export function invoke(
  name: string,
  args: readonly XlArg[],
  policy: Policy = DEFAULT_POLICY,
): XlResult {
  const spec = FUNCTIONS_BY_NAME.get(name) ?? FUNCTIONS_BY_NAME.get(name.toUpperCase());
  if (spec === undefined) return valueError(`CM.${name} is not a CM function.`);
  if (args.length > spec.params.length) {
    return valueError(`CM.${spec.name} takes ${spec.params.length} arguments; got ${args.length}.`);
  }
  const one = oneCall(spec, args, policy);
  if (one !== undefined) return one;
  const rows: Rows[] = spec.params.map((_, i) => rowsOf(args[i]));
  return spec.params.some((p) => p.kind === 'range')
    ? runRangeFunction(spec, rows, policy)
    : runLifted(spec, rows, policy);
}
