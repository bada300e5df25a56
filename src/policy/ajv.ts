/**
 * ajv, loaded when a JSON file (a policy, a key, a trust list) is first checked, not when a
 * module that can check one is loaded: a command that checks none (an audit under the built-in
 * policy without --key or --trust, recalc, validate) never loads it, as ExcelJS is loaded only
 * when needed (src/engine/workbook.ts).
 */
import type Ajv from 'ajv';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ajvClass = (): typeof Ajv => (require('ajv') as { default: typeof Ajv }).default;
