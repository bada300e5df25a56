/**
 * The shape of a CM function table as the engine needs it. src/functions exports the real
 * table; the engine accepts any table of this shape (tests use small fakes).
 */
import type { XlArg, XlResult } from '../functions/xl';

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

export interface ParamSpec {
  readonly name: string;
  readonly optional: boolean;
  /** Takes a whole row or column as one value: not lifted, not part of the result's shape. */
  readonly range?: boolean;
}

export interface FunctionSpec {
  /** Without namespace: `APPRAISAL_SCORE`, registered as `CM.APPRAISAL_SCORE`. */
  readonly name: string;
  readonly params: readonly ParamSpec[];
  /**
   * The result's shape when it is not the broadcast of the lifted arguments' shapes (e.g. five
   * columns per input row). Gets every argument's shape, in order (1×1 for an omitted one).
   */
  readonly resultShape?: (argShapes: readonly Shape[]) => Shape;
}

export type Invoke = (name: string, args: readonly XlArg[]) => XlResult;

export interface FunctionSet {
  readonly table: readonly FunctionSpec[];
  readonly invoke: Invoke;
}
