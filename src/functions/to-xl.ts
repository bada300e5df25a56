/**
 * A rule's result as a CM function's value: the value, or an Excel error whose message names
 * the parameter (English; the task pane shows the Chinese from the same rule).
 */
import { Decimal, type RuleResult } from '../rules';
import type { RuleError } from '../rules';
import type { XlError, XlErrorCode, XlOut } from './xl';

const CODE: Record<RuleError['kind'], XlErrorCode> = { value: '#VALUE!', num: '#NUM!', na: '#N/A' };

export function xlError(error: RuleError): XlError {
  return { error: CODE[error.kind], message: error.message.en };
}

export function toXl<T>(result: RuleResult<T>, map: (value: T) => XlOut): XlOut {
  return result.ok ? map(result.value) : xlError(result.error);
}

export const asNumber = (d: Decimal): number => d.toNumber();
export const same = <T extends XlOut>(x: T): T => x;
