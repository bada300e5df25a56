/**
 * The Excel side of the CM functions: what Excel passes (2-D arrays, null for an omitted
 * optional, "" for an empty cell) into the runner, and the runner's values back out, with
 * errors as CustomFunctions.Error made by the factory Excel's runtime provides.
 */
import { invoke } from './runner';
import { isXlError, type XlArg, type XlErrorCode, type XlOut, type XlScalar } from './xl';

/** Builds the host's error object (CustomFunctions.Error inside Excel). */
export type ErrorFactory = (code: XlErrorCode, message: string) => Error | object;

function scalar(x: unknown): XlScalar {
  if (x === undefined || x === null) return null;
  if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') return x;
  // Anything else (an entity, an error object) reaches the rules as-is and is refused there.
  return x as XlScalar;
}

function fromExcel(arg: unknown): XlArg {
  if (Array.isArray(arg))
    return arg.map((row: unknown) => (Array.isArray(row) ? row.map(scalar) : [scalar(row)]));
  return scalar(arg);
}

function out(x: XlOut, makeError: ErrorFactory): unknown {
  if (isXlError(x)) return makeError(x.error, x.message);
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
  if (Array.isArray(result)) return result.map((row) => row.map((x) => out(x, makeError)));
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
