/**
 * How far V8 lets the heap grow past what its last full collection kept before it collects
 * again. Left to itself V8 picks a factor between 1.1 and 4 from how fast it collects; a
 * command that reads a big workbook then keeps growing without another full collection, so
 * what died since (the 83 MB text of a 100,000-row sheet once it is read, the reader's
 * pieces) stays resident until the process ends: `audit` of 100,000 rows peaked at about
 * 420 MB. A fixed factor of 1.3 keeps that peak near 325 MB at about the same time
 * (bench engine.audit_100k_peak_400mb); small workbooks never reach the heap's minimum limits,
 * so nothing changes for them.
 *
 * Node documents v8.setFlagsFromString with the warning that a flag changed after start may do
 * nothing or behave unpredictably; this one is a number V8 reads each time it sets the next
 * limit (`--heap-growing-percent`, listed by `node --v8-options`), set once before any
 * workbook is read, and what the engine computes never depends on when memory is collected.
 */
import { setFlagsFromString } from 'v8';

export const HEAP_GROWING_PERCENT = 30;

let bounded = false;

export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
