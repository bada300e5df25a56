/**
 * The Excel side of the CM functions: what Excel passes (2-D arrays, null for an omitted
 * optional, "" for an empty cell) into the runner, and the runner's values back out, with
 * errors as CustomFunctions.Error made by the factory Excel's runtime provides.
 */
import { policyStateNow, type PolicyState } from '../policy/deployed';
import type { Policy } from '../rules';
import { invoke } from './runner';
import { FUNCTIONS_BY_NAME } from './table';
import { isXlError, type XlArg, type XlError, type XlErrorCode, type XlOut } from './xl';

/** Builds the host's error object (CustomFunctions.Error inside Excel). */
export type ErrorFactory = (code: XlErrorCode, message: string) => Error | object;

const ERROR_CODES: ReadonlySet<string> = new Set<XlErrorCode>([
  '#VALUE!',
  '#NUM!',
  '#N/A',
  '#DIV/0!',
  '#NULL!',
  '#REF!',
  '#NAME?',
]);

/**
 * One element that is not a plain value, as the runner's error. With
 * "allowErrorForDataTypeAny": true in functions.json (set by the build, see
 * scripts/functions-json-check.js) Excel passes an input cell's error as an error object whose
 * `code` is the ErrorCode text (`#N/A`); that element's result is that error. A data type that
 * still arrives as an object (allowCustomDataForDataTypeAny is false, so Excel should pass its
 * basic value) is read by its `basicValue` when it has one.
 */
function fromExcelObject(x: object, param: string): XlError | string | number | boolean | null {
  const o = x as { code?: unknown; basicValue?: unknown; type?: unknown; message?: unknown };
  if (typeof o.code === 'string' && ERROR_CODES.has(o.code)) {
    return { error: o.code as XlErrorCode, message: `${param} is ${o.code} in the input.` };
  }
  const basic = o.basicValue;
  if (basic === null || ['string', 'number', 'boolean'].includes(typeof basic)) {
    return basic as string | number | boolean | null;
  }
  const kind = typeof o.type === 'string' ? ` (${o.type})` : '';
  return {
    error: '#VALUE!',
    message: `${param} holds a data type${kind} with no single value; give its text or number.`,
  };
}

/**
 * Excel passes matrices of plain values: they go to the runner as they are (no copy; the runner
 * never mutates its arguments) unless an element is an object (an error or a data type), when
 * the matrix is copied with that element converted. An omitted optional arrives as null
 * ("If no value is provided for an optional parameter, it is assigned null",
 * learn.microsoft.com/office/dev/add-ins/excel/custom-functions-parameter-options).
 */
function fromExcel(arg: unknown, param: string): XlArg {
  if (arg === undefined || arg === null) return null;
  if (Array.isArray(arg)) {
    const rows = arg as unknown[][];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let c = 0; c < row.length; c++) {
        const x = row[c];
        if (x !== null && typeof x === 'object') return convertRows(rows, param);
      }
    }
    return rows as XlArg;
  }
  if (typeof arg === 'object') return fromExcelObject(arg, param) as unknown as XlArg;
  return arg as XlArg;
}

function convertRows(rows: readonly unknown[][], param: string): XlArg {
  return rows.map((row) =>
    row.map((x) => (x !== null && typeof x === 'object' ? fromExcelObject(x, param) : x)),
  ) as unknown as XlArg;
}

function out(x: XlOut, makeError: ErrorFactory): unknown {
  if (x !== null && typeof x === 'object') return makeError(x.error, x.message);
  // Excel shows an empty string for "no value" (a month not yet reported).
  return x === null ? '' : x;
}

/** One CM function call under `policy`. */
function callUnder(
  policy: Policy,
  name: string,
  args: readonly unknown[],
  makeError: ErrorFactory,
): unknown[][] {
  const params = FUNCTIONS_BY_NAME.get(name.toUpperCase())?.params ?? [];
  const result = invoke(
    name,
    args.map((a, i) => fromExcel(a, params[i]?.name ?? `argument ${i + 1}`)),
    policy,
  );
  if (Array.isArray(result)) {
    // The runner's result arrays are fresh: convert in place rather than copy 10,000 rows.
    const rows = result as unknown[][];
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) {
        const x = row[i];
        if (x === null || typeof x === 'object') row[i] = out(x as XlOut, makeError);
      }
    }
    return rows;
  }
  if (isXlError(result)) {
    // A single error is thrown, as Excel's samples do, so the cell shows it with its message.
    throw makeError(result.error, result.message);
  }
  return [[out(result, makeError)]];
}

/**
 * Runs `call` under the active policy (src/policy/deployed.ts). While the deployed policy file
 * is still loading, the Promise of the result is returned: Excel waits for a returned Promise
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs). A refused file
 * gives #N/A with the reason on every call: never a result under a policy that is not active.
 */
function underActivePolicy<T>(makeError: ErrorFactory, call: (policy: Policy) => T): T {
  const state = policyStateNow();
  const run = (s: PolicyState): T => {
    if (s.kind === 'refused') {
      const first = s.problems[0];
      const where = first && first.path ? `${first.path}: ` : '';
      throw makeError(
        '#N/A',
        `The policy file ${s.url} is refused (${where}${first?.reason.en ?? ''}); ask the administrator to correct it. 办法文件未被采用。`,
      );
    }
    return call(s.policy);
  };
  if (state instanceof Promise) return state.then(run) as unknown as T;
  return run(state);
}

/** Run a CM function for Excel: always a 2-D array (a 1×1 shows as a single value). */
export function callFromExcel(
  name: string,
  args: readonly unknown[],
  makeError: ErrorFactory,
): unknown[][] {
  return underActivePolicy(makeError, (policy) => callUnder(policy, name, args, makeError));
}

/** A scalar-returning function (POLICY_VERSION). */
export function callScalarFromExcel(name: string, makeError: ErrorFactory): unknown {
  return underActivePolicy(makeError, (policy) => {
    const result = invoke(name, [], policy);
    if (Array.isArray(result)) return out(result[0][0], makeError);
    if (isXlError(result)) throw makeError(result.error, result.message);
    return out(result, makeError);
  });
}
