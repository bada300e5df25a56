/**
 * writeMarks / clearMarks for the Office adapter. Per chunk of marks: one sync loads the
 * originals, one sync persists them and applies the highlights. Marks only touch
 * `format.fill`; no value or formula of a user's cell is ever written.
 */
import { cellAddress, normalizeCell } from './a1';
import { readRows } from './chunked';
import { toExcelRows } from './cells';
import type { XContext, XWorksheet } from './excel-api';
import {
  MARKS_HEADER,
  MARKS_SHEET,
  MARK_FILL,
  type SavedFill,
  fromStoreRows,
  markKey,
  restoreFill,
  savedFromFill,
  toStoreRow,
} from './marks-store';
import type { Mark } from './port';

/** Cell proxies per sync; each costs a few hundred bytes of request, far under the limit. */
export const MARKS_PER_CHUNK = 2000;

interface Store {
  readonly saved: Map<string, SavedFill>;
  /** Rows on the store sheet, header included; 0 when the sheet does not exist. */
  readonly rows: number;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One mark per cell; an error outranks a warning on the same cell. */
function dedupe(marks: readonly Mark[]): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const mark of marks) {
    const key = markKey(mark.sheet, mark.address);
    const prior = byCell.get(key);
    if (!prior || (prior.severity === 'warning' && mark.severity === 'error')) {
      byCell.set(key, { ...mark, address: normalizeCell(mark.address) });
    }
  }
  return [...byCell.values()];
}

export class MarkBook {
  /** The originals as last read or written; the store sheet stays the source of truth. */
  private cache: Map<string, SavedFill> | null = null;

  /**
   * The saved originals. Another runtime (a ribbon command) may have marked since, so the cache
   * is only trusted while its size matches the store's row count.
   */
  private async load(context: XContext): Promise<Store> {
    const sheet = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
    sheet.load('isNullObject');
    await context.sync();
    if (sheet.isNullObject) {
      this.cache = new Map();
      return { saved: this.cache, rows: 0 };
    }
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('isNullObject,rowCount,columnCount');
    await context.sync();
    const rows = used.isNullObject ? 0 : used.rowCount;
    if (this.cache && this.cache.size === Math.max(rows - 1, 0)) return { saved: this.cache, rows };
    const read =
      rows === 0
        ? { values: [] }
        : await readRows(context, used, rows, used.columnCount, {
            what: `sheet ${MARKS_SHEET}`,
            withFormulas: false,
          });
    this.cache = fromStoreRows(read.values);
    return { saved: this.cache, rows };
  }

  private async createStore(context: XContext): Promise<void> {
    const sheet = context.workbook.worksheets.add(MARKS_SHEET);
    // VeryHidden: not offered by Excel's Unhide dialog, so users do not edit it by accident.
    sheet.visibility = 'VeryHidden';
    sheet.getRange('A1:E1').values = toExcelRows([[...MARKS_HEADER]], MARKS_HEADER.length);
    await context.sync();
  }

  async write(context: XContext, marks: readonly Mark[]): Promise<void> {
    const wanted = dedupe(marks);
    if (wanted.length === 0) return;
    const store = await this.load(context);
    let storeRows = store.rows;
    if (storeRows === 0) {
      await this.createStore(context);
      storeRows = 1;
    }
    const sheets = new Map<string, XWorksheet>();
    const sheetOf = (name: string): XWorksheet => {
      let sheet = sheets.get(name);
      if (!sheet) sheets.set(name, (sheet = context.workbook.worksheets.getItem(name)));
      return sheet;
    };
    for (const chunk of chunks(wanted, MARKS_PER_CHUNK)) {
      // A cell marked again keeps its first original, not the previous mark's colour.
      const fresh = chunk.filter((m) => !store.saved.has(markKey(m.sheet, m.address)));
      const fills = fresh.map((m) => {
        const fill = sheetOf(m.sheet).getRange(m.address).format.fill;
        fill.load('color,pattern,patternColor');
        return fill;
      });
      if (fills.length > 0) await context.sync();
      const originals = fresh.map((m, i) => savedFromFill(m.sheet, m.address, fills[i]));
      // Queued before the highlights: Excel runs a batch in order, so the originals are
      // stored before any cell changes colour.
      if (originals.length > 0) {
        const rows = toExcelRows(originals.map(toStoreRow), MARKS_HEADER.length);
        const at = cellAddress(storeRows, 0);
        context.workbook.worksheets
          .getItem(MARKS_SHEET)
          .getRange(at)
          .getResizedRange(rows.length - 1, MARKS_HEADER.length - 1).values = rows;
      }
      const patterned = new Set(
        originals
          .filter((o) => o.pattern !== 'None' && o.pattern !== 'Solid')
          .map((o) => markKey(o.sheet, o.address)),
      );
      for (const mark of chunk) {
        const fill = sheetOf(mark.sheet).getRange(mark.address).format.fill;
        fill.color = MARK_FILL[mark.severity];
        // A colour alone keeps a hatch pattern drawn over it; a mark must read as a mark.
        if (patterned.has(markKey(mark.sheet, mark.address))) fill.pattern = 'Solid';
      }
      await context.sync();
      for (const saved of originals) {
        const key = markKey(saved.sheet, saved.address);
        if (!store.saved.has(key)) store.saved.set(key, saved);
      }
      storeRows += originals.length;
    }
  }

  async clear(context: XContext): Promise<void> {
    const store = await this.load(context);
    const entries = [...store.saved.values()];
    if (entries.length > 0) {
      // A sheet deleted or renamed since has nothing left to restore.
      const sheets = new Map<string, XWorksheet>();
      for (const entry of entries) {
        if (sheets.has(entry.sheet)) continue;
        const sheet = context.workbook.worksheets.getItemOrNullObject(entry.sheet);
        sheet.load('isNullObject');
        sheets.set(entry.sheet, sheet);
      }
      await context.sync();
      for (const chunk of chunks(entries, MARKS_PER_CHUNK)) {
        for (const entry of chunk) {
          const sheet = sheets.get(entry.sheet) as XWorksheet;
          if (!sheet.isNullObject) restoreFill(sheet.getRange(entry.address).format.fill, entry);
        }
        await context.sync();
      }
    }
    if (store.rows > 0) {
      const sheet = context.workbook.worksheets.getItem(MARKS_SHEET);
      // Excel refuses to delete a VeryHidden sheet; make it merely hidden first.
      sheet.visibility = 'Hidden';
      sheet.delete();
      await context.sync();
    }
    this.cache = new Map();
  }
}
