/**
 * THE ONE PLACE where the engine is wired to the real CM function table (src/functions).
 * createEngine() and loadWorkbook() use this set unless given another one.
 */
import type { Policy } from '../rules/policy-types';
import type { FunctionSet, FunctionSpec, Shape } from './function-table';

/** What the engine reads of a src/functions table entry. */
interface TableEntry {
  readonly name: string;
  readonly params: readonly { name: string; optional: boolean; kind: 'cell' | 'range' }[];
  /** Results per lifted element (APPRAISAL_BREAKDOWN: a row of 5). */
  readonly width?: number;
  /** One result per element of its range argument, in that range's shape. */
  readonly perRangeElement?: boolean;
  readonly resultShape?: FunctionSpec['resultShape'];
}

/** src/functions' table → the engine's: `kind: 'range'` params, `width` → result shape. */
export function engineFunctionSpec(entry: TableEntry): FunctionSpec {
  const params = entry.params.map((p) => ({
    name: p.name,
    optional: p.optional,
    range: p.kind === 'range',
  }));
  const rangeAt = params.findIndex((p) => p.range);
  const width = entry.width ?? 1;
  let resultShape = entry.resultShape;
  if (!resultShape && rangeAt >= 0 && entry.perRangeElement === true) {
    resultShape = (shapes) => shapes[rangeAt] ?? { rows: 1, cols: 1 };
  } else if (!resultShape && width > 1) {
    resultShape = (shapes) => {
      const b = shapes.reduce<Shape>(
        (s, x, i) =>
          params[i]?.range ? s : { rows: Math.max(s.rows, x.rows), cols: Math.max(s.cols, x.cols) },
        { rows: 1, cols: 1 },
      );
      return { rows: b.rows, cols: b.cols * width };
    };
  }
  return resultShape ? { name: entry.name, params, resultShape } : { name: entry.name, params };
}

let cached: FunctionSet | undefined;

function functions(): typeof import('../functions') {
  // Required lazily: the engine (and its tests with fake tables) load without the rules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../functions') as typeof import('../functions');
}

export function defaultFunctionSet(): FunctionSet {
  if (!cached) {
    const fns = functions();
    const table = (fns.FUNCTION_TABLE as readonly TableEntry[]).map(engineFunctionSpec);
    cached = { table, invoke: (name, args) => fns.invoke(name, args) };
  }
  return cached;
}

/** The real table evaluated under `policy` (a policy file given with --policy, a draft). */
export function functionSetFor(policy: Policy): FunctionSet {
  const fns = functions();
  return {
    table: defaultFunctionSet().table,
    invoke: (name, args) => fns.invoke(name, args, policy),
  };
}
