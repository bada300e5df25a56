/**
 * The values a CM function sees and returns, independent of the host (Excel, HyperFormula).
 * Adapters convert to and from these; the function table and its runner speak only these.
 */

/** One cell's value. null: omitted, or a blank cell. */
export type XlScalar = number | string | boolean | null;

/**
 * The codes the rules return (#VALUE!, #NUM!, #N/A), and the other Excel errors an input cell
 * may hold, which pass through to the element they reach.
 */
export type XlErrorCode = '#VALUE!' | '#NUM!' | '#N/A' | '#DIV/0!' | '#NULL!' | '#REF!' | '#NAME?';

/** An Excel error with the message that names the parameter. */
export interface XlError {
  readonly error: XlErrorCode;
  readonly message: string;
}

/** An argument: a single value or a range (rows of cells). */
export type XlArg = XlScalar | readonly (readonly XlScalar[])[];

export type XlOut = XlScalar | XlError;

/** A result: a single value or error, or a spilled array of them. */
export type XlResult = XlOut | XlOut[][];

export function isXlError(x: unknown): x is XlError {
  return typeof x === 'object' && x !== null && 'error' in x && 'message' in x;
}
