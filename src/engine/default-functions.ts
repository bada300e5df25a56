/**
 * THE ONE PLACE where the engine is wired to the real CM function table (src/functions).
 * createEngine()/loadWorkbook() use this set unless given another one.
 */
import type { FunctionSet } from './function-table';

let cached: FunctionSet | undefined;

export function defaultFunctionSet(): FunctionSet {
  if (!cached) {
    // Loaded lazily so the engine's own tests do not need the rules to be built.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fns = require('../functions') as Partial<FunctionSet> & {
      FUNCTION_TABLE?: FunctionSet['table'];
    };
    if (!fns.FUNCTION_TABLE || !fns.invoke) {
      throw new Error('src/functions does not export FUNCTION_TABLE and invoke');
    }
    cached = { table: fns.FUNCTION_TABLE, invoke: fns.invoke };
  }
  return cached;
}
