/**
 * The CM custom functions, host-independent: the table, its runner and its values.
 */
export { FUNCTION_TABLE, FUNCTIONS_BY_NAME } from './table';
export { invoke } from './runner';
export type { FunctionSpec, ParamSpec, ParamKind, ResultType } from './spec';
export * from './xl';
