/**
 * The light route's formula tree. A tree is shared by every cell whose formula has the same
 * row-relative shape (see shape-key.ts), so references hold offsets, not addresses.
 */
import type { ErrorValue } from '../model';

/** One end of a reference: relative parts are offsets from the formula's own cell. */
export interface RefPart {
  readonly row: number;
  readonly rowAbs: boolean;
  readonly col: number;
  readonly colAbs: boolean;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Builtin =
  'IF' | 'IFERROR' | 'AND' | 'OR' | 'NOT' | 'ROUND' | 'SUM' | 'MIN' | 'MAX' | 'ABS';

export type Node =
  | { readonly k: 'lit'; readonly v: number | string | boolean | ErrorValue }
  /** `sheet` is a model sheet index, or -1 for the formula's own sheet. */
  | { readonly k: 'ref'; readonly sheet: number; readonly at: RefPart }
  | { readonly k: 'range'; readonly sheet: number; readonly from: RefPart; readonly to: RefPart }
  | { readonly k: 'neg' | 'pos' | 'pct'; readonly a: Node }
  | { readonly k: 'bin'; readonly op: BinaryOp; readonly a: Node; readonly b: Node }
  /** A CM call: `fn` indexes the function set's table; null args were left empty (`f(a,,c)`). */
  | { readonly k: 'cm'; readonly fn: number; readonly args: readonly (Node | null)[] }
  | { readonly k: 'fn'; readonly name: Builtin; readonly args: readonly Node[] };
