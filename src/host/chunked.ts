/**
 * Chunked reads and writes: one `context.sync()` per chunk, each chunk under the payload budget,
 * halved and retried when Excel still reports the payload limit.
 */
import type { CellValue } from '../sheets/grid';
import { cellAddress } from './a1';
import { toCellValue, toFormula } from './cells';
import type { XContext, XRange, XWorksheet } from './excel-api';
import {
  FIRST_GUESS_BYTES_PER_CELL,
  PAYLOAD_LIMIT_BYTES,
  isPayloadLimitError,
  jsonBytes,
  rowsForBudget,
  sliceByBytes,
  throwIfAborted,
} from './payload';

export interface ReadRowsOptions {
  /** For error messages: `sheet Data`, `table Staff`. */
  readonly what: string;
  readonly withFormulas: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export interface RowsRead {
  readonly values: CellValue[][];
  readonly formulas: (string | null)[][];
}

function tooLarge(what: string, row: number): Error {
  return new Error(
    `Row ${row} of ${what} is over Excel's 5 MB request limit on its own, so it cannot be read.`,
  );
}

/**
 * Read `rows` × `columns` cells of `area` (whose size the caller has loaded already).
 * Syncs: one per chunk, plus one per payload-limit retry.
 */
export async function readRows(
  context: XContext,
  area: XRange,
  rows: number,
  columns: number,
  options: ReadRowsOptions,
): Promise<RowsRead> {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const perCell = options.withFormulas
    ? FIRST_GUESS_BYTES_PER_CELL
    : FIRST_GUESS_BYTES_PER_CELL / 2;
  let bytesPerRow = columns * perCell;
  // A failure at n rows proves a row averages at least LIMIT / n bytes; never forget that.
  let floorFromFailures = 0;
  let measured = false;
  let done = 0;
  while (done < rows) {
    throwIfAborted(options.signal);
    let size = rowsForBudget(bytesPerRow, columns, rows - done);
    let chunk: XRange;
    for (;;) {
      chunk = area.getCell(done, 0).getResizedRange(size - 1, columns - 1);
      chunk.load(options.withFormulas ? 'values,formulas' : 'values');
      try {
        await context.sync();
        break;
      } catch (error) {
        if (!isPayloadLimitError(error)) throw error;
        if (size === 1) throw tooLarge(options.what, done + 1);
        floorFromFailures = Math.max(floorFromFailures, PAYLOAD_LIMIT_BYTES / size);
        bytesPerRow = Math.max(bytesPerRow, floorFromFailures);
        size = Math.ceil(size / 2);
      }
    }
    const rawValues = chunk.values;
    const rawFormulas = options.withFormulas ? chunk.formulas : undefined;
    const bytes = jsonBytes(rawValues) + (rawFormulas ? jsonBytes(rawFormulas) : 0);
    const perRow = Math.max(bytes / size, floorFromFailures);
    bytesPerRow = measured ? Math.max(bytesPerRow, perRow) : perRow;
    measured = true;
    for (let r = 0; r < size; r++) {
      values.push(rawValues[r].map(toCellValue));
      formulas.push(rawFormulas ? rawFormulas[r].map(toFormula) : new Array(columns).fill(null));
    }
    done += size;
    options.onProgress?.(done, rows);
  }
  return { values, formulas };
}

/**
 * Write `rows` (already Excel input, all `width` wide) from row `top`, column A of `sheet`.
 * The caller syncs its own setup first, so a rejected chunk never takes setup with it.
 */
export async function writeRows(
  context: XContext,
  sheet: XWorksheet,
  top: number,
  rows: readonly (string | number | boolean)[][],
  width: number,
): Promise<void> {
  if (rows.length === 0 || width === 0) return;
  const pending = sliceByBytes(rows, width);
  while (pending.length > 0) {
    const [start, end] = pending.shift() as [number, number];
    const range = sheet
      .getRange(cellAddress(top + start, 0))
      .getResizedRange(end - start - 1, width - 1);
    range.values = rows.slice(start, end);
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadLimitError(error)) throw error;
      if (end - start === 1) {
        throw new Error(`Row ${top + start + 1} is over Excel's 5 MB request limit on its own.`);
      }
      const mid = start + Math.ceil((end - start) / 2);
      pending.unshift([start, mid], [mid, end]);
    }
  }
}
