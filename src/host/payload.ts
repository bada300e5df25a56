/**
 * Excel on the web rejects a `context.sync()` whose request or response is over 5 MB
 * (`RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`). Chunks are sized
 * under a lower budget from measured JSON sizes; the error, if it still comes, halves the chunk.
 */

/** The documented limit of Excel on the web. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** What one chunk aims for: room left for the request envelope and estimate error. */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** A guess for the first chunk, before any cell has been measured (values and formulas). */
export const FIRST_GUESS_BYTES_PER_CELL = 200;

/** Beyond this Excel gets slow per request whatever the bytes; keeps chunks reasonable. */
export const MAX_CELLS_PER_CHUNK = 500_000;

const PAYLOAD_CODES = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
]);

export function isPayloadLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PAYLOAD_CODES.has(code);
}

const encoder = new TextEncoder();

/** Bytes on the wire: UTF-8 of the JSON (Chinese text is 3 bytes a character, not 1). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Rows for the next chunk, from the worst bytes-per-row seen so far. */
export function rowsForBudget(bytesPerRow: number, columns: number, rowsLeft: number): number {
  const byBytes = Math.floor(PAYLOAD_BUDGET_BYTES / Math.max(bytesPerRow, 1));
  const byCells = Math.floor(MAX_CELLS_PER_CHUNK / Math.max(columns, 1));
  return Math.max(1, Math.min(rowsLeft, byBytes, byCells));
}

/**
 * Split rows to write into consecutive [start, end) slices each under the budget. Sizes are
 * known exactly here (we hold the data), so no guessing is needed.
 */
export function sliceByBytes(rows: readonly unknown[][], columns: number): [number, number][] {
  const slices: [number, number][] = [];
  const byCells = Math.max(1, Math.floor(MAX_CELLS_PER_CHUNK / Math.max(columns, 1)));
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = jsonBytes(rows[i]) + 1;
    const full = i > start && (bytes + rowBytes > PAYLOAD_BUDGET_BYTES || i - start >= byCells);
    if (full) {
      slices.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (start < rows.length) slices.push([start, rows.length]);
  return slices;
}

export function abortError(): Error {
  return new DOMException('The read was cancelled.', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
