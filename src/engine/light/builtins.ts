/**
 * The few Excel built-ins the light route evaluates itself. Arguments arrive unevaluated
 * (`arg(i)`) so IF and IFERROR take only the branch they need, as Excel does.
 */
import type { Builtin } from './ast';
import { addWithEpsilon, bail, finish, isError, toBoolean, toNumber, type Value } from './values';

/** An argument: a scalar value, or (aggregates only) the cells of a range, row by row. */
export interface Args {
  readonly length: number;
  value(i: number): Value;
  isRange(i: number): boolean;
  /** Calls `each` with every cell of range argument i, row-major, until it returns false. */
  cells(i: number, each: (v: Value) => boolean): void;
}

export function callBuiltin(name: Builtin, args: Args): Value {
  switch (name) {
    case 'IF': {
      const cond = toBoolean(args.value(0));
      if (isError(cond)) return cond;
      // HyperFormula evaluates both branches and may report the other branch's error; Excel
      // does not look at it. When the other branch is an error, the engines can disagree.
      const other = cond ? (args.length > 2 ? args.value(2) : false) : args.value(1);
      if (isError(other)) return bail('IF with an error in the branch not taken');
      const taken = cond ? args.value(1) : args.length > 2 ? args.value(2) : false;
      return notBlank(taken);
    }
    case 'IFERROR': {
      const v = args.value(0);
      return notBlank(isError(v) ? args.value(1) : v);
    }
    case 'NOT': {
      const b = toBoolean(args.value(0));
      return isError(b) ? b : !b;
    }
    case 'AND':
    case 'OR': {
      let all = true;
      let any = false;
      for (let i = 0; i < args.length; i++) {
        const v = args.value(i);
        if (isError(v)) return v;
        // Excel skips text and blank cells; HyperFormula reads them as values.
        if (v === null || typeof v === 'string') return bail(`${name} of text or a blank`);
        const b = typeof v === 'boolean' ? v : v !== 0;
        all &&= b;
        any ||= b;
      }
      return name === 'AND' ? all : any;
    }
    case 'ABS': {
      const x = toNumber(args.value(0));
      return isError(x) ? x : Math.abs(x);
    }
    case 'ROUND':
      return round(args.value(0), args.value(1));
    default:
      return aggregate(name, args);
  }
}

/** IF's and IFERROR's blank result: 0 to Excel (a reference's value), blank to HyperFormula. */
function notBlank(v: Value): Value {
  return v === null ? bail('IF or IFERROR giving a blank') : v;
}

/**
 * Excel's ROUND: half away from zero on the number as Excel shows it (15 significant digits),
 * so ROUND(1.005, 2) is 1.01 although the double 1.005 is a little below it.
 */
function round(xv: Value, pv: Value): Value {
  const x = toNumber(xv);
  const p = toNumber(pv);
  if (isError(xv) || isError(pv)) {
    // As in arithmetic(): an error beside text that is no number has no certain order.
    if (isError(x) !== isError(xv) || isError(p) !== isError(pv)) {
      return bail('ROUND of an error and text that is no number');
    }
    return isError(xv) ? xv : (pv as Value);
  }
  if (isError(x)) return x;
  if (isError(p)) return p;
  const places = Math.trunc(p);
  if (Math.abs(places) > 15) return bail('ROUND to more than 15 places');
  // From 10^15 up, the 15 digits Excel shows no longer hold the whole integer part: how Excel
  // rounds such a number is not sure, so HyperFormula's reading stands.
  if (Math.abs(x) >= 1e15) return bail('ROUND of a number of more than 15 digits');
  const shown = Number(Math.abs(x).toPrecision(15));
  let r: number;
  if (places >= 0) {
    const m = Math.pow(10, places);
    r = Math.round(Number((shown * m).toPrecision(15))) / m;
  } else {
    const m = Math.pow(10, -places);
    r = Math.round(Number((shown / m).toPrecision(15))) * m;
  }
  return finish(x < 0 ? -r : r);
}

/** SUM, MIN, MAX: numbers count; in ranges text, logical values and blanks are skipped. */
function aggregate(name: 'SUM' | 'MIN' | 'MAX', args: Args): Value {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let error: Value = null;
  const take = (x: number) => {
    sum = addWithEpsilon(sum, x);
    if (x < min) min = x;
    if (x > max) max = x;
  };
  for (let i = 0; i < args.length && error === null; i++) {
    if (args.isRange(i)) {
      args.cells(i, (v) => {
        if (typeof v === 'number') take(v);
        else if (isError(v)) error = v;
        return error === null;
      });
      continue;
    }
    const v = args.value(i);
    if (isError(v)) error = v;
    else if (typeof v === 'number') take(v);
    else if (v === null && name === 'SUM') continue;
    // A text or logical argument, or a blank one to MIN/MAX: Excel skips those given by
    // reference and reads those given directly; HyperFormula does not tell the two apart.
    else bail(`${name} of a non-number argument`);
  }
  if (error !== null) return error;
  if (name === 'SUM') return finish(sum);
  const r = name === 'MIN' ? min : max;
  return Number.isFinite(r) ? r : 0;
}
