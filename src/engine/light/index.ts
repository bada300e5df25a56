/** The light evaluation route: see evaluate.ts. */
export { evaluateLight } from './evaluate';
export { parseFormula, type ParseContext } from './parse';
export { hasShape, shapeKey, shapeOf, type Shape } from './shape-key';
