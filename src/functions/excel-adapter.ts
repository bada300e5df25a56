/**
 * The Excel side of the CM functions: what Excel passes (2-D arrays, null for an omitted
 * optional, "" for an empty cell) into the runner, and the runner's values back out, with
 * errors as CustomFunctions.Error made by the factory Excel's runtime provides.
 */
import { invoke } from './runner';
import { isXlError, type XlArg, type XlErrorCode, type XlOut } from './xl';

/** Builds the host's error object (CustomFunctions.Error inside Excel). */
export type ErrorFactory = (code: XlErrorCode, message: string) => Error | object;

/**
 * Excel passes matrices of plain values: they go to the runner as they are (no copy; the runner
 * never mutates its arguments). An omitted optional arrives as null or undefined.
 */
function fromExcel(arg: unknown): XlArg {
  return (arg === undefined ? null : arg) as XlArg;
}

function out(x: XlOut, makeError: ErrorFactory): unknown {
  if (x !== null && typeof x === 'object') return makeError(x.error, x.message);
  // Excel shows an empty string for "no value" (a month not yet reported).
  return x === null ? '' : x;
}

/** Run a CM function for Excel: always a 2-D array (a 1×1 shows as a single value). */
export function callFromExcel(
  name: string,
  args: readonly unknown[],
  makeError: ErrorFactory,
): unknown[][] {
  const result = invoke(name, args.map(fromExcel));
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

/** A scalar-returning function (POLICY_VERSION). */
export function callScalarFromExcel(name: string, makeError: ErrorFactory): unknown {
  const result = invoke(name, []);
  if (Array.isArray(result)) return out(result[0][0], makeError);
  if (isXlError(result)) throw makeError(result.error, result.message);
  return out(result, makeError);
}
