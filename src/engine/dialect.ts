/**
 * Excel's formula dialects and HyperFormula's. Three spellings of one formula:
 * - saved: as in the .xlsx (`_xldudf_CM_APPRAISAL_SCORE(...)`, `_xlfn.XLOOKUP(...)`, `表1[得分]`);
 * - typed: as a user types and Office.js shows it (`CM.APPRAISAL_SCORE(...)`, `XLOOKUP(...)`);
 * - HyperFormula: typed, plus sheet names quoted, structured references and defined names
 *   replaced by plain ranges.
 * All work on tokens, so string literals and quoted sheet names are never altered.
 */
import { columnIndex, columnLetters, MAX_COLUMNS, MAX_ROWS, parseCell, quoteSheet } from './a1';
import { tokenize, type Token } from './lexer';
import type { FunctionSpec } from './function-table';
import type { ErrorValue } from './model';
import { resolveStructuredRef, type FormulaSite, type TableIndex } from './structured-ref';

/** The namespace of the add-in's functions. */
export const CM_NAMESPACE = 'CM';
const UDF_PREFIX = `_xldudf_${CM_NAMESPACE}_`;

/** The name a table entry is registered under: `CM.APPRAISAL_SCORE`. */
export function registeredName(spec: Pick<FunctionSpec, 'name'>): string {
  return `${CM_NAMESPACE}.${spec.name.toUpperCase()}`;
}

/**
 * Functions newer than Excel 2007 that Excel saves with a `_xlfn.` prefix (and `_xlws.` for a
 * few worksheet-only ones). Only used when writing a formula that was typed, not read.
 */
const FUTURE_FUNCTIONS: ReadonlySet<string> = new Set(
  (
    'AGGREGATE BITAND BITOR BITXOR CEILING.MATH CONCAT DAYS FLOOR.MATH FORMULATEXT IFNA IFS ' +
    'ISFORMULA ISOWEEKNUM LET MAXIFS MINIFS NORM.DIST NORM.INV NORM.S.DIST PERCENTILE.EXC ' +
    'PERCENTILE.INC QUARTILE.INC RANDARRAY SEQUENCE SHEET SHEETS SORTBY STDEV.P STDEV.S SWITCH ' +
    'TEXTJOIN UNIQUE VAR.P VAR.S XLOOKUP XMATCH XOR CHOOSECOLS CHOOSEROWS TAKE DROP VSTACK ' +
    'HSTACK TEXTBEFORE TEXTAFTER TEXTSPLIT TOCOL TOROW WRAPROWS WRAPCOLS LAMBDA MODE.SNGL RANK.EQ'
  ).split(' '),
);
const WORKSHEET_FUNCTIONS: ReadonlySet<string> = new Set(['FILTER', 'SORT']);

/** Upper-case function name without Excel's file prefixes; CM functions as `CM.NAME`. */
export function canonicalFunctionName(word: string): string {
  let upper = word.toUpperCase();
  for (;;) {
    if (upper.startsWith('_XLFN.') || upper.startsWith('_XLWS.')) upper = upper.slice(6);
    else break;
  }
  if (upper.startsWith(UDF_PREFIX.toUpperCase())) {
    return `${CM_NAMESPACE}.${upper.slice(UDF_PREFIX.length)}`;
  }
  return upper;
}

/** `CM.NAME` → `_xldudf_CM_NAME`; others unchanged. */
function savedFunctionName(canonical: string, typed: string): string {
  if (canonical.startsWith(`${CM_NAMESPACE}.`)) {
    return UDF_PREFIX + canonical.slice(CM_NAMESPACE.length + 1);
  }
  if (typed.toUpperCase().startsWith('_XL')) return typed;
  if (WORKSHEET_FUNCTIONS.has(canonical)) return `_xlfn._xlws.${canonical}`;
  if (FUTURE_FUNCTIONS.has(canonical)) return `_xlfn.${canonical}`;
  return typed;
}

const isCall = (tokens: readonly Token[], i: number) => tokens[i + 1]?.kind === 'lparen';

/**
 * Formulas the fast path of toTypedFormula reads exactly as the tokenizer does: plain ASCII
 * without strings, quoted names, errors or structured references, and no number running into a
 * name (`2E5`, `1_x`), so every name followed by `(` is a call token of the same text.
 */
const PLAIN_FORMULA = /^(?![^]*\d[A-Za-z_])[^"'#[\u0080-\uffff]*$/;
const CALL_NAME = /[A-Za-z_\\$][A-Za-z0-9_.$\\?]*(?=\()/g;

/** A call's name as typed: CM calls and file-prefixed names canonical, others as written. */
function typedCallName(name: string): string {
  // A workbook calls a handful of functions, each in thousands of cells: each name made once.
  let typed = typedNames.get(name);
  if (typed === undefined) {
    const canonical = canonicalFunctionName(name);
    typed = canonical.startsWith(`${CM_NAMESPACE}.`) || name.startsWith('_') ? canonical : name;
    if (typedNames.size < 4096) typedNames.set(name, typed);
  }
  return typed;
}

const typedNames = new Map<string, string>();

/** Saved → typed: file prefixes removed, CM calls as `CM.NAME(`. Everything else verbatim. */
export function toTypedFormula(saved: string, prefix = ''): string {
  // Most saved formulas (`_xldudf_CM_APPRAISAL_SCORE(D2,E2,G2,H2,J2)`) need no tokens: a
  // 100,000-row sheet has 300,000 of them.
  if (PLAIN_FORMULA.test(saved)) return (prefix + saved).replace(CALL_NAME, typedCallName);
  const tokens = tokenize(saved);
  // Joined, not concatenated: one flat string per formula rather than a tree of pieces (a
  // 100,000-row sheet keeps 300,000 of them).
  const out: string[] = new Array<string>(tokens.length + 1);
  out[0] = prefix;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    out[i + 1] = t.kind === 'word' && isCall(tokens, i) ? typedCallName(t.text) : t.text;
  }
  return out.join('');
}

/** Typed (or HyperFormula) → saved: `CM.NAME(` → `_xldudf_CM_NAME(`, `_xlfn.` where Excel wants it. */
export function toSavedFormula(typed: string): string {
  const tokens = tokenize(typed.startsWith('=') ? typed.slice(1) : typed);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    out +=
      t.kind === 'word' && isCall(tokens, i)
        ? savedFunctionName(canonicalFunctionName(t.text), t.text)
        : t.text;
  }
  return out;
}

/** Defined names, looked up case-insensitively. */
export interface NameIndex {
  /** What the name refers to, saved form without `=`. */
  get(name: string): string | undefined;
}

export function indexNames(names: readonly { name: string; refersTo: string }[]): NameIndex {
  const map = new Map(names.map((n) => [n.name.toLowerCase(), n.refersTo]));
  return { get: (name) => map.get(name.toLowerCase()) };
}

export interface TranslateContext {
  readonly site: FormulaSite;
  readonly tables: TableIndex;
  readonly names: NameIndex;
  /** Whether HyperFormula knows this canonical function name; when absent, all are accepted. */
  readonly isFunction?: (canonical: string) => boolean;
}

const COLUMN_ONLY = /^\$?[A-Za-z]{1,3}$/;
const ROW_ONLY = /^\$?\d+$/;
const SIMPLE_REF = /^('(?:[^']|'')*'!)?\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * Saved → HyperFormula. Returns the formula (without `=`) or an error value saying why it
 * cannot be translated; never throws.
 */
export function toHyperFormula(
  saved: string,
  ctx: TranslateContext,
  depth = 0,
): string | ErrorValue {
  const tokens = tokenize(saved);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    switch (t.kind) {
      case 'word': {
        if (next?.kind === 'lparen') {
          const name = canonicalFunctionName(t.text);
          if (ctx.isFunction && !ctx.isFunction(name)) {
            return {
              error: '#NAME?',
              message: EXCEL_FUNCTIONS_UNSUPPORTED.has(name)
                ? `Excel function ${name} is not supported by this engine (Excel computes it)`
                : `Unknown function ${name}`,
            };
          }
          out += name;
        } else if (next?.kind === 'bang') {
          out += `${quoteSheet(t.text)}!`;
          i++;
        } else if (next?.kind === 'bracket') {
          const ref = resolveStructuredRef(t.text, next.text, ctx.site, ctx.tables);
          if (typeof ref !== 'string') return ref;
          out += ref;
          i++;
        } else {
          const r = referenceOrName(tokens, i, ctx, depth);
          if (typeof r !== 'string') return r;
          out += r;
        }
        break;
      }
      case 'quoted':
        if (t.text.startsWith("'[")) return externalReference();
        out += t.text;
        break;
      case 'bracket': {
        if (
          next &&
          (next.kind === 'word' || next.kind === 'quoted') &&
          tokens[i + 2]?.kind === 'bang'
        ) {
          return externalReference();
        }
        const ref = resolveStructuredRef(undefined, t.text, ctx.site, ctx.tables);
        if (typeof ref !== 'string') return ref;
        out += ref;
        break;
      }
      case 'number':
        // HyperFormula's parser has no exponent notation: `1E+3` → `1000`, exactly.
        out += /[eE]/.test(t.text) ? plainDecimal(t.text) : t.text;
        break;
      case 'op':
        // `@` (implicit intersection, typed form) has no HyperFormula equivalent: a single
        // cell reference means the same without it.
        if (t.text !== '@') out += t.text;
        break;
      default:
        out += t.text;
    }
  }
  return out;
}

/** Excel functions (without file prefix) the engine knows Excel has but cannot compute. */
const EXCEL_FUNCTIONS_UNSUPPORTED: ReadonlySet<string> = new Set([
  ...FUTURE_FUNCTIONS,
  ...WORKSHEET_FUNCTIONS,
  ...'CELL INFO INDIRECT GETPIVOTDATA CUBEVALUE WEBSERVICE FILTERXML RTD'.split(' '),
]);

/** A number literal in exponent notation as a plain decimal with the same digits. */
export function plainDecimal(text: string): string {
  const m = /^(\d*)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  if (!m) return text;
  let digits = m[1] + (m[2] ?? '');
  let point = m[1].length + Number(m[3]);
  while (digits.length > 1 && digits[0] === '0') {
    digits = digits.slice(1);
    point--;
  }
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  out = out.replace(/^0+(?=\d)/, '');
  return out === '' ? '0' : out;
}

function externalReference(): ErrorValue {
  return { error: '#REF!', message: 'References to other workbooks are not supported' };
}

function referenceOrName(
  tokens: readonly Token[],
  i: number,
  ctx: TranslateContext,
  depth: number,
): string | ErrorValue {
  const text = tokens[i].text;
  const upper = text.toUpperCase();
  // HyperFormula has TRUE() and FALSE() but no boolean constants.
  if (upper === 'TRUE' || upper === 'FALSE') return `${upper}()`;
  if (parseCell(text)) return text;
  const nearColon = tokens[i - 1]?.kind === 'colon' || tokens[i + 1]?.kind === 'colon';
  if (nearColon && (COLUMN_ONLY.test(text) || ROW_ONLY.test(text))) return text;
  const refersTo = ctx.names.get(text);
  if (refersTo === undefined) return { error: '#NAME?', message: `Unknown name ${text}` };
  if (depth > 8) return { error: '#NAME?', message: `Name ${text} refers to itself` };
  const inner = toHyperFormula(refersTo, ctx, depth + 1);
  if (typeof inner !== 'string') return inner;
  return SIMPLE_REF.test(inner.trim()) ? inner.trim() : `(${inner})`;
}

/**
 * Moves the relative references of a formula by (dRow, dCol): how a shared formula's master
 * becomes each cell's own formula. References that fall off the sheet become `#REF!`.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const tokens = tokenize(formula);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1]?.kind;
    const isRef =
      (t.kind === 'word' || t.kind === 'number') &&
      next !== 'lparen' &&
      next !== 'bang' &&
      next !== 'bracket';
    if (!isRef) {
      out += t.text;
      continue;
    }
    const nearColon = tokens[i - 1]?.kind === 'colon' || next === 'colon';
    out += shiftReference(t.text, dRow, dCol, nearColon);
  }
  return out;
}

const CELL_PARTS = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

function shiftReference(text: string, dRow: number, dCol: number, nearColon: boolean): string {
  const m = CELL_PARTS.exec(text);
  if (m && parseCell(text)) {
    const col = m[1] ? columnIndex(m[2]) : columnIndex(m[2]) + dCol;
    const row = m[3] ? Number(m[4]) - 1 : Number(m[4]) - 1 + dRow;
    if (col < 0 || col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return '#REF!';
    return `${m[1]}${columnLetters(col)}${m[3]}${row + 1}`;
  }
  if (!nearColon) return text;
  if (COLUMN_ONLY.test(text)) {
    if (text.startsWith('$')) return text;
    const col = columnIndex(text) + dCol;
    return col < 0 || col >= MAX_COLUMNS ? '#REF!' : columnLetters(col);
  }
  if (ROW_ONLY.test(text)) {
    if (text.startsWith('$')) return text;
    const row = Number(text) - 1 + dRow;
    return row < 0 || row >= MAX_ROWS ? '#REF!' : String(row + 1);
  }
  return text;
}
