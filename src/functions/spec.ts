/**
 * How a CM function is declared in the one function table.
 */
import type { Policy, Text } from '../rules';
import type { XlArg, XlOut, XlScalar } from './xl';

/**
 * `cell`: one value per call, lifted over ranges (broadcast, spill).
 * `range`: a whole row or column of months, taken as one list, never lifted.
 */
export type ParamKind = 'cell' | 'range';

export interface ParamSpec {
  /** snake_case, as in FUNCTIONS.md. */
  readonly name: string;
  readonly kind: ParamKind;
  readonly optional: boolean;
  /** What an omitted optional means, as help text shows it (`0`, `FALSE`, `"zh"`). */
  readonly defaultText?: string;
  readonly help: Text;
}

export type ResultType = 'number' | 'string' | 'boolean';

export interface FunctionSpec {
  /** Upper-case id; Excel shows `CM.<name>`. */
  readonly name: string;
  readonly help: Text;
  readonly params: readonly ParamSpec[];
  readonly result: { readonly type: ResultType; readonly help: Text };
  /** Where the rule comes from (`Art. 13`), or '' for utilities. */
  readonly article: string;
  readonly example: { readonly formula: string; readonly result: string };
  /**
   * Results per lifted element: 1 for most; APPRAISAL_BREAKDOWN gives a row of 5.
   * Functions with a `range` parameter give one result per element of that range instead.
   */
  readonly width?: number;
  /** A range function whose result has one value per element of its range (RESERVE_SCHEDULE). */
  readonly perRangeElement?: boolean;
  /**
   * The rule on one element: lifted `cell` arguments arrive as scalars, `range` arguments
   * as flat lists. Returns one value, or `width` values, or (range functions) one per element.
   */
  readonly evaluate: (
    args: readonly (XlScalar | readonly XlScalar[])[],
    policy: Policy,
  ) => XlOut | readonly XlOut[];
}

export type { XlArg };
