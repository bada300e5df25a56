/**
 * Finding a CM call in a cell's formula and reading its arguments: literals (numbers, percents,
 * text, TRUE/FALSE) and A1 references or ranges, with or without a sheet. Anything else (a
 * nested function, arithmetic, a structured reference) is kept as text and reported as an
 * argument the explanation cannot evaluate.
 */
import { parseRect, type RectRef } from '../../host/a1';
import type { XlScalar } from '../../functions';

export interface CmCall {
  /** Upper case, without the namespace: `APPRAISAL_SCORE`. */
  readonly name: string;
  /** Top-level argument texts, trimmed; `''` for an omitted argument. */
  readonly args: readonly string[];
}

export type ArgSource =
  | { readonly kind: 'omitted' }
  | { readonly kind: 'literal'; readonly value: XlScalar }
  | { readonly kind: 'ref'; readonly sheet?: string; readonly rect: RectRef }
  | { readonly kind: 'unsupported'; readonly text: string };

// Either spelling Excel uses (typed `CM.X(`, saved `_xldudf_CM_X(`), any letter case, not part
// of a longer name. (No look-behind: older Safari WebViews of Excel for Mac lack it.)
const CALL = /(^|[^a-z0-9_.])(?:_xldudf_cm_|cm\.)([a-z_][a-z0-9_]*)\s*\(/gi;

/** The first CM call of a formula, or undefined when it calls none. */
export function findCmCall(formula: string | null | undefined): CmCall | undefined {
  if (!formula) return undefined;
  CALL.lastIndex = 0;
  for (let m = CALL.exec(formula); m !== null; m = CALL.exec(formula)) {
    const at = m.index + m[1].length;
    if (insideText(formula, at)) continue;
    const args = splitArgs(formula, m.index + m[0].length);
    if (args !== undefined) return { name: m[2].toUpperCase(), args };
  }
  return undefined;
}

/** True when position `at` lies inside a "text" literal. */
function insideText(formula: string, at: number): boolean {
  let inside = false;
  for (let i = 0; i < at; i++) if (formula[i] === '"') inside = !inside;
  return inside;
}

/** The top-level arguments of a call whose `(` ends just before `start`. */
function splitArgs(formula: string, start: number): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // Skip the quoted text or sheet name; a doubled quote escapes itself.
      i++;
      while (i < formula.length) {
        if (formula[i] === ch) {
          if (formula[i + 1] !== ch) break;
          i++;
        }
        i++;
      }
    } else if (ch === '(' || ch === '[' || ch === '{') {
      depth++;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (depth === 0) {
        const last = formula.slice(from, i).trim();
        // `CM.POLICY_VERSION()` has no argument at all, not one omitted one.
        if (args.length > 0 || last !== '') args.push(last);
        return args;
      }
      depth--;
    } else if (ch === ',' && depth === 0) {
      args.push(formula.slice(from, i).trim());
      from = i + 1;
    }
  }
  return undefined;
}

const TEXT = /^"((?:[^"]|"")*)"$/;
const NUMBER = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?(%*)$/i;
const REF =
  /^(?:(?:'((?:[^']|'')+)'|([^'!:(),"]+))!)?(\$?[a-z]{1,3}\$?\d{1,7})(?::(\$?[a-z]{1,3}\$?\d{1,7}))?$/i;

/** What one argument text is. */
export function parseArg(text: string): ArgSource {
  const t = text.trim();
  if (t === '') return { kind: 'omitted' };
  const s = TEXT.exec(t);
  if (s !== null) return { kind: 'literal', value: s[1].replace(/""/g, '"') };
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', value: upper === 'TRUE' };
  const n = NUMBER.exec(t);
  if (n !== null) {
    // Percent signs divide by 100 each, as Excel reads `34%`; done in text so 34% is 0.34.
    const digits = `${n[2]}e${Number(n[3] ?? 0) - 2 * n[4].length}`;
    const value = Number(digits) * (n[1] === '-' ? -1 : 1);
    return { kind: 'literal', value: Object.is(value, -0) ? 0 : value };
  }
  const r = REF.exec(t);
  if (r !== null) {
    const sheet = r[1] !== undefined ? r[1].replace(/''/g, "'") : r[2]?.trim();
    const rect = parseRect(r[4] !== undefined ? `${r[3]}:${r[4]}` : r[3]);
    return sheet !== undefined ? { kind: 'ref', sheet, rect } : { kind: 'ref', rect };
  }
  return { kind: 'unsupported', text: t };
}
