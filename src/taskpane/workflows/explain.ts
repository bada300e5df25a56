/**
 * Explain the selected cell: when its formula calls a CM function, read the arguments' values
 * (literals and the cells they refer to), run the same rule the function runs and return the
 * rule's own explanation, or its error message in both languages. This is the only place where
 * an Excel user sees why a cell shows #NUM!.
 */
import {
  FUNCTIONS_BY_NAME,
  invoke,
  isXlError,
  type FunctionSpec,
  type XlArg,
  type XlResult,
  type XlScalar,
} from '../../functions';
import { rectAddress, type RectRef } from '../../host/a1';
import type { Selection, WorkbookHost } from '../../host/port';
import {
  clientTier,
  collectionDuty,
  DEFAULT_POLICY,
  gradeOutcome,
  loanApprover,
  loanAuthority,
  monthsBelowBase,
  nextGrade,
  promotionEligible,
  qualification,
  reserveRefund,
  reserveSchedule,
  riskReserve,
  scoreBreakdown,
  type Explanation,
  type Policy,
  type RuleErrorKind,
  type RuleResult,
  type Text,
} from '../../rules';
import type { Grid } from '../../sheets/grid';
import { findCmCall, parseArg, type ArgSource } from './formula-call';

type Arg = XlScalar | readonly XlScalar[];
type RuleRun = (a: readonly Arg[], policy: Policy) => RuleResult<unknown>;

const one = (a: readonly Arg[], i: number): XlScalar => (a[i] ?? null) as XlScalar;
const list = (a: readonly Arg[], i: number): readonly XlScalar[] => (a[i] ?? []) as XlScalar[];

const score: RuleRun = (a, policy) =>
  scoreBreakdown(
    {
      role: one(a, 0),
      deposit: one(a, 1),
      nplRatio: one(a, 2),
      collectionRate: one(a, 3),
      fourth: one(a, 4),
    },
    policy,
  );

const outcome: RuleRun = (a, policy) =>
  gradeOutcome(
    {
      role: one(a, 0),
      score: one(a, 1),
      collectionRate: one(a, 2),
      monthsBelowBase: one(a, 3),
      violationPoints: one(a, 4),
      majorViolation: one(a, 5),
      deposit: one(a, 6),
      nplRatio: one(a, 7),
      lossAmount: one(a, 8),
      priorDemotions: one(a, 9),
    },
    policy,
  );

/** The rule behind each CM function; LABEL and POLICY_VERSION are utilities with none. */
const RULES: Readonly<Record<string, RuleRun>> = {
  APPRAISAL_SCORE: score,
  APPRAISAL_BREAKDOWN: score,
  GRADE_OUTCOME: outcome,
  GRADE_REASON: outcome,
  NEXT_GRADE: (a, p) => nextGrade(one(a, 0), one(a, 1), p),
  MONTHS_BELOW_BASE: (a, p) => monthsBelowBase(list(a, 0), one(a, 1), p),
  COLLECTION_DUTY: (a, p) => collectionDuty(one(a, 0), one(a, 1), p),
  RISK_RESERVE: (a, p) => riskReserve(one(a, 0), one(a, 1), one(a, 2), p),
  RESERVE_SCHEDULE: (a, p) => reserveSchedule(one(a, 0), list(a, 1), one(a, 2), p),
  RESERVE_REFUND: (a, p) => reserveRefund(one(a, 0), one(a, 1), one(a, 2), p),
  LOAN_AUTHORITY: (a, p) => loanAuthority(one(a, 0), one(a, 1), p),
  LOAN_APPROVER: (a, p) => loanApprover(one(a, 0), p),
  CLIENT_TIER: (a, p) => clientTier(one(a, 0), one(a, 1), p),
  PROMOTION_ELIGIBLE: (a, p) => promotionEligible(one(a, 0), one(a, 1), one(a, 2), p),
  QUALIFICATION: (a, p) => qualification(one(a, 0), one(a, 1), p),
};

export type XlCode = '#VALUE!' | '#NUM!' | '#N/A';
const CODE: Readonly<Record<RuleErrorKind, XlCode>> = {
  value: '#VALUE!',
  num: '#NUM!',
  na: '#N/A',
};

/** Excel's error values as cells show them. */
const EXCEL_ERROR = /^#(?:VALUE!|NUM!|N\/A|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BUSY!)$/;

export interface ArgView {
  readonly param: string;
  readonly optional: boolean;
  readonly defaultText?: string;
  /** The argument as written in the formula; `''` when omitted. */
  readonly text: string;
  /** A1 address read (with the sheet when it is not the selected cell's), when a reference. */
  readonly address?: string;
  /** The value the rule read: one cell, or a list for a range parameter. */
  readonly value: XlScalar | readonly XlScalar[];
}

/** One Art. 13 item of a score (APPRAISAL_SCORE, APPRAISAL_BREAKDOWN). */
export interface ScoreItem {
  readonly item: 'deposit' | 'npl' | 'collection' | 'fourth' | 'total';
  readonly points: string;
  /** How the points were reached, as the rules core states it (`40 + 8`), in each language. */
  readonly how?: Text;
}

export type ExplainResult = (
  | { readonly kind: 'no-cm'; readonly selection: Selection }
  | {
      readonly kind: 'unknown-function';
      readonly selection: Selection;
      readonly name: string;
      /** The nearest CM function's name, when the name looks like a slip. */
      readonly suggestion?: string;
    }
  | {
      readonly kind: 'unsupported-arg';
      readonly selection: Selection;
      readonly spec: FunctionSpec;
      readonly param: string;
      readonly text: string;
    }
  | {
      /** An argument cell already shows an Excel error, which the function passes on. */
      readonly kind: 'upstream-error';
      readonly selection: Selection;
      readonly spec: FunctionSpec;
      readonly args: readonly ArgView[];
      readonly param: string;
      readonly error: string;
    }
  | {
      readonly kind: 'explained';
      readonly selection: Selection;
      readonly spec: FunctionSpec;
      readonly args: readonly ArgView[];
      /** True when a range was given to a cell parameter: the first element is explained. */
      readonly lifted: boolean;
      readonly result: RuleView;
      /** The result's value as the function returns it (its first element when it spills). */
      readonly raw?: XlScalar;
    }
) & {
  /** Set when the selected cell was filled by a spill: its parent and its place. */
  readonly spill?: SpillView;
};

export type RuleView =
  | {
      readonly ok: true;
      /** The value as the function returns it, shown as text. */
      readonly value: string;
      readonly explanation?: Explanation;
      readonly items?: readonly ScoreItem[];
    }
  | {
      readonly ok: false;
      readonly code: XlCode;
      readonly param: string;
      readonly message: Text;
    };

/** Reads rectangles through the port: readRange when the host has it, else the used range. */
class RangeReader {
  private readonly sheets = new Map<string, Promise<Grid>>();

  constructor(private readonly host: WorkbookHost) {}

  async read(sheet: string, rect: RectRef): Promise<XlScalar[][]> {
    if (this.host.readRange) {
      const grid = await this.host.readRange(sheet, rectAddress(rect));
      return cut(grid, rect);
    }
    let grid = this.sheets.get(sheet);
    if (grid === undefined) {
      grid = this.host.readSheet(sheet);
      this.sheets.set(sheet, grid);
    }
    return cut(await grid, rect);
  }
}

/** The rectangle's values out of a grid; cells outside it are blank. */
function cut(grid: Grid, rect: RectRef): XlScalar[][] {
  const rows: XlScalar[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line = grid.values[rect.row + r - grid.top];
    const row: XlScalar[] = [];
    for (let c = 0; c < rect.cols; c++) row.push(line?.[rect.col + c - grid.left] ?? null);
    rows.push(row);
  }
  return rows;
}

function showResult(result: XlResult): string {
  const cell = (x: XlScalar | { error: string }): string =>
    x === null
      ? ''
      : typeof x === 'object'
        ? x.error
        : typeof x === 'boolean'
          ? String(x).toUpperCase()
          : String(x);
  if (Array.isArray(result)) return (result[0] ?? []).map(cell).join(', ');
  return cell(result as XlScalar | { error: string });
}

function scoreItems(e: Explanation): ScoreItem[] {
  const v = e.values;
  // The rules core gives each item's `how` in English (`depositRule`) and Chinese (`…Zh`).
  const s = (key: string): Text | undefined => {
    const en = v[`${key}Rule`];
    if (en === undefined || en === null) return undefined;
    return { en: String(en), zh: String(v[`${key}RuleZh`] ?? en) };
  };
  return [
    { item: 'deposit', points: String(v.deposit), how: s('deposit') },
    { item: 'npl', points: String(v.npl), how: s('npl') },
    { item: 'collection', points: String(v.collection), how: s('collection') },
    { item: 'fourth', points: String(v.fourth), how: s('fourth') },
    { item: 'total', points: String(v.total) },
  ];
}

/** Where a spilled element sits: the anchor holding the formula and the element's place. */
export interface SpillView {
  readonly anchor: string;
  readonly range: string;
  readonly formula: string;
  readonly row: number;
  readonly col: number;
}

/** Levenshtein distance, for "did you mean" on a misspelt function name. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The CM function whose name is nearest to a misspelt one, when it is near enough. */
export function nearestFunction(name: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const candidate of FUNCTIONS_BY_NAME.keys()) {
    const d = distance(name.toUpperCase(), candidate);
    if (d < bestD) {
      bestD = d;
      best = candidate;
    }
  }
  // Near enough: a few slips, at most a third of the name.
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** One element of a spilled argument: a single row or column broadcasts over the other way. */
function elementOf(rows: XlScalar[][], at: { row: number; col: number }): XlScalar {
  const r = rows.length === 1 ? 0 : at.row;
  const c = (rows[0]?.length ?? 0) === 1 ? 0 : at.col;
  return rows[r]?.[c] ?? null;
}

/** The first value of a function's result (a spilled result's top-left element). */
function firstOf(result: XlResult): XlScalar | undefined {
  const x = Array.isArray(result) ? result[0]?.[0] : result;
  return x === undefined || isXlError(x) ? undefined : (x as XlScalar);
}

/**
 * Explain a selection already read (the Explain view reads it with host.getSelection()). A
 * cell without a formula that a spill filled is explained from its parent's call, for its own
 * element; a CM call nested inside another formula, or given as another CM call's argument, is
 * explained too.
 */
export async function explainSelection(
  host: WorkbookHost,
  selection: Selection,
  policy: Policy = DEFAULT_POLICY,
): Promise<ExplainResult> {
  if (findCmCall(selection.formula) === undefined && selection.formula === null) {
    const parent = host.spillParent
      ? await host.spillParent(selection.sheet, selection.address).catch(() => null)
      : null;
    if (parent !== null && findCmCall(parent.formula) !== undefined) {
      const spill: SpillView = {
        anchor:
          parent.sheet === selection.sheet ? parent.address : `${parent.sheet}!${parent.address}`,
        range: parent.range,
        formula: parent.formula,
        row: parent.row,
        col: parent.col,
      };
      const r = await explainFormula(host, selection, parent.formula, parent.sheet, policy, {
        row: parent.row,
        col: parent.col,
      });
      return { ...r, spill };
    }
  }
  return explainFormula(host, selection, selection.formula, selection.sheet, policy);
}

async function explainFormula(
  host: WorkbookHost,
  selection: Selection,
  formula: string | null,
  home: string,
  policy: Policy,
  element?: { readonly row: number; readonly col: number },
): Promise<ExplainResult> {
  const call = findCmCall(formula);
  if (call === undefined) return { kind: 'no-cm', selection };
  const spec = FUNCTIONS_BY_NAME.get(call.name);
  if (spec === undefined) {
    const suggestion = nearestFunction(call.name);
    return {
      kind: 'unknown-function',
      selection,
      name: call.name,
      ...(suggestion !== undefined ? { suggestion } : {}),
    };
  }

  const reader = new RangeReader(host);
  const args: ArgView[] = [];
  const ruleArgs: Arg[] = [];
  const xlArgs: XlArg[] = [];
  let lifted = false;
  for (let i = 0; i < spec.params.length; i++) {
    const param = spec.params[i];
    const text = call.args[i] ?? '';
    let source: ArgSource = parseArg(text);
    const base = {
      param: param.name,
      optional: param.optional,
      ...(param.defaultText !== undefined ? { defaultText: param.defaultText } : {}),
      text,
    };
    if (source.kind === 'unsupported') {
      // A CM call given as the argument: its own value, worked out the same way.
      const inner = findCmCall(text);
      const whole = inner !== undefined && /^(?:_xldudf_cm_|cm\.)[a-z_][a-z0-9_]*\s*\(/i.test(text);
      const value = whole
        ? await explainFormula(host, selection, `=${text}`, home, policy, element).then((r) =>
            r.kind === 'explained' && r.result.ok ? r.raw : undefined,
          )
        : undefined;
      if (value === undefined) {
        return { kind: 'unsupported-arg', selection, spec, param: param.name, text: source.text };
      }
      source = { kind: 'literal', value };
    }
    if (source.kind !== 'ref') {
      const value = source.kind === 'literal' ? source.value : null;
      args.push({ ...base, value });
      ruleArgs.push(param.kind === 'range' ? [value] : value);
      xlArgs.push(value);
      continue;
    }
    const sheet = source.sheet ?? home;
    const rows = await reader.read(sheet, source.rect);
    const local = rectAddress(source.rect);
    const address = sheet === selection.sheet ? local : `${sheet}!${local}`;
    const flat = rows.flat();
    const bad = flat.find((x) => typeof x === 'string' && EXCEL_ERROR.test(x));
    let shown: XlScalar | undefined;
    if (param.kind === 'range') {
      args.push({ ...base, address, value: flat });
      ruleArgs.push(flat);
      xlArgs.push(rows);
      shown = bad;
    } else {
      // A spilled element reads its own element of each range; otherwise the first.
      const one = element ? elementOf(rows, element) : rows[0][0];
      if (flat.length > 1 && !element) lifted = true;
      args.push({ ...base, address, value: one });
      ruleArgs.push(one);
      xlArgs.push(one);
      shown = one;
    }
    if (typeof shown === 'string' && EXCEL_ERROR.test(shown)) {
      return { kind: 'upstream-error', selection, spec, args, param: param.name, error: shown };
    }
  }

  const out = invoke(spec.name, xlArgs, policy);
  const shownValue = showResult(out);
  const raw = firstOf(out);
  const withRaw = raw !== undefined ? { raw } : {};
  const run = RULES[spec.name];
  if (run === undefined) {
    // A utility (LABEL, POLICY_VERSION): the runner's value or its (English) message.
    const result: RuleView = isXlError(out)
      ? {
          ok: false,
          // An input error returned 'upstream-error' above: the runner's own codes remain.
          code: out.error as XlCode,
          param: spec.params[0]?.name ?? '',
          message: { en: out.message, zh: out.message },
        }
      : { ok: true, value: shownValue };
    return { kind: 'explained', selection, spec, args, lifted, result, ...withRaw };
  }
  const r = run(ruleArgs, policy);
  if (!r.ok) {
    const result: RuleView = {
      ok: false,
      code: CODE[r.error.kind],
      param: r.error.param,
      message: r.error.message,
    };
    return { kind: 'explained', selection, spec, args, lifted, result };
  }
  const explanation = r.explain();
  const items =
    spec.name === 'APPRAISAL_SCORE' || spec.name === 'APPRAISAL_BREAKDOWN'
      ? scoreItems(explanation)
      : undefined;
  const result: RuleView = {
    ok: true,
    value: shownValue,
    explanation,
    ...(items ? { items } : {}),
  };
  return { kind: 'explained', selection, spec, args, lifted, result, ...withRaw };
}
