/**
 * ExcelJS reads a data validation range (`D2:D500`) into one entry per cell and, on writing,
 * squeezes the cells back into rectangles in text order of their addresses — `D10` before
 * `D2` — so a saved copy gets overlapping ranges (`D10:D500` and `D2:D500`), which Excel
 * may flag as damaged. Before writing, alike cells are gathered into column runs again and
 * handed to ExcelJS as ranges, which it writes as they are.
 */
import type ExcelJS from 'exceljs';

const CELL = /^([A-Z]{1,3})(\d+)$/;

interface Run {
  readonly col: string;
  readonly top: number;
  bottom: number;
}

/** Rewrite a worksheet's per-cell data validations as one range per column run of alike cells. */
export function compactDataValidations(ws: ExcelJS.Worksheet): void {
  const holder = (ws as unknown as { dataValidations: { model: Record<string, unknown> } })
    .dataValidations;
  const model = holder.model;
  const groups = new Map<string, { validation: unknown; cells: { col: string; row: number }[] }>();
  const kept: Record<string, unknown> = {};
  for (const [address, validation] of Object.entries(model)) {
    if (validation === undefined) continue;
    const m = CELL.exec(address);
    if (m === null) {
      kept[address] = validation; // already a range
      continue;
    }
    const key = JSON.stringify(validation);
    let g = groups.get(key);
    if (g === undefined) {
      g = { validation, cells: [] };
      groups.set(key, g);
    }
    g.cells.push({ col: m[1], row: Number(m[2]) });
  }
  for (const { validation, cells } of groups.values()) {
    cells.sort((a, b) =>
      a.col === b.col ? a.row - b.row : a.col.length - b.col.length || (a.col < b.col ? -1 : 1),
    );
    const runs: Run[] = [];
    for (const c of cells) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last.col === c.col && last.bottom + 1 === c.row)
        last.bottom = c.row;
      else runs.push({ col: c.col, top: c.row, bottom: c.row });
    }
    for (const r of runs) {
      kept[r.top === r.bottom ? `${r.col}${r.top}` : `${r.col}${r.top}:${r.col}${r.bottom}`] =
        validation;
    }
  }
  holder.model = kept;
}
