/**
 * Structured references to Excel Tables (`Table1[Score]`, `表1[[#This Row],[得分]]`,
 * `[@Score]`, `Table1[#All]`, `Table1[[Score]:[Outcome]]`) resolved to plain absolute ranges.
 */
import { columnLetters, parseRange, quoteSheet, type RangePos } from './a1';
import type { ErrorValue, TableModel } from './model';

type Special = '#all' | '#data' | '#headers' | '#totals' | '#this row';

const SPECIALS: ReadonlySet<string> = new Set([
  '#all',
  '#data',
  '#headers',
  '#totals',
  '#this row',
]);

interface Spec {
  readonly specials: Set<Special>;
  /** Column names: one, or a `first:last` span. */
  readonly columns: string[];
}

/** Where the formula holding the reference sits (0-based). */
export interface FormulaSite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** A table with its range parsed, looked up by lower-case name. */
export interface TableIndex {
  byName(name: string): { table: TableModel; range: RangePos } | undefined;
  containing(site: FormulaSite): { table: TableModel; range: RangePos } | undefined;
}

export function indexTables(tables: readonly TableModel[]): TableIndex {
  const entries = tables.flatMap((table) => {
    const range = parseRange(table.ref);
    return range ? [{ table, range }] : [];
  });
  const names = new Map(entries.map((e) => [e.table.name.toLowerCase(), e]));
  return {
    byName: (name) => names.get(name.toLowerCase()),
    containing: (site) =>
      entries.find(
        ({ table, range: r }) =>
          table.sheet.toLowerCase() === site.sheet.toLowerCase() &&
          site.row >= r.top &&
          site.row <= r.bottom &&
          site.col >= r.left &&
          site.col <= r.right,
      ),
  };
}

/**
 * Resolves `tableName` + `bracket` (the whole `[...]` text) at `site` to a reference such as
 * `'Sheet1'!$C$2:$C$41`, or an error value saying why not.
 */
export function resolveStructuredRef(
  tableName: string | undefined,
  bracket: string,
  site: FormulaSite,
  tables: TableIndex,
): string | ErrorValue {
  const shown = `${tableName ?? ''}${bracket}`;
  const found = tableName ? tables.byName(tableName) : tables.containing(site);
  if (!found) {
    return tableName
      ? fail(`structured reference to unknown table ${tableName}`)
      : fail(`structured reference ${shown} is not inside a table`);
  }
  const { table, range } = found;
  const spec = parseSpec(bracket.slice(1, -1));
  if (typeof spec === 'string') return fail(`cannot read structured reference ${shown}: ${spec}`);

  let left = range.left;
  let right = range.right;
  if (spec.columns.length > 0) {
    const idx = spec.columns.map((c) => findColumn(table, c));
    const missing = idx.findIndex((i) => i < 0);
    if (missing >= 0) return fail(`table ${table.name} has no column ${spec.columns[missing]}`);
    left = range.left + Math.min(...idx);
    right = range.left + Math.max(...idx);
  }

  const dataTop = range.top + (table.headerRow ? 1 : 0);
  const dataBottom = range.bottom - (table.totalsRow ? 1 : 0);
  const s = spec.specials;
  let top: number;
  let bottom: number;
  if (s.has('#this row')) {
    if (s.size > 1) return fail(`#This Row cannot be combined with other items in ${shown}`);
    if (
      site.sheet.toLowerCase() !== table.sheet.toLowerCase() ||
      site.row < dataTop ||
      site.row > dataBottom
    ) {
      return fail(
        `${shown} refers to this row, but row ${site.row + 1} is not a data row of ${table.name}`,
      );
    }
    top = bottom = site.row;
  } else if (s.has('#all')) {
    top = range.top;
    bottom = range.bottom;
  } else {
    const wantHeaders = s.has('#headers');
    const wantTotals = s.has('#totals');
    const wantData = s.has('#data') || (!wantHeaders && !wantTotals);
    if (wantHeaders && !table.headerRow) return fail(`table ${table.name} has no header row`);
    if (wantTotals && !table.totalsRow) return fail(`table ${table.name} has no totals row`);
    if (wantHeaders && wantTotals && !wantData) return fail(`${shown} is not one range`);
    top = wantHeaders ? range.top : wantData ? dataTop : range.bottom;
    bottom = wantTotals ? range.bottom : wantData ? dataBottom : range.top;
  }
  const a = `$${columnLetters(left)}$${top + 1}`;
  const b = `$${columnLetters(right)}$${bottom + 1}`;
  return `${quoteSheet(table.sheet)}!${a === b ? a : `${a}:${b}`}`;
}

function fail(message: string): ErrorValue {
  return { error: '#VALUE!', message: message.charAt(0).toUpperCase() + message.slice(1) };
}

/** Column names compare case-insensitively (Excel's rule), CJK included. */
function findColumn(table: TableModel, name: string): number {
  const want = name.trim().toLowerCase();
  return table.columns.findIndex((c) => c.trim().toLowerCase() === want);
}

/** Parses the inside of the outer brackets. Returns a reason string when it cannot. */
function parseSpec(inner: string): Spec | string {
  const spec: Spec = { specials: new Set(), columns: [] };
  let s = inner.trim();
  if (s.startsWith('@')) {
    spec.specials.add('#this row');
    s = s.slice(1).trim();
    if (s === '') return spec;
  }
  if (s === '') return spec;
  if (!s.startsWith('[')) return addItem(spec, s, false);
  // A list of [item] segments joined by ',' (union of parts) or ':' (column span).
  let i = 0;
  let span = false;
  while (i < s.length) {
    if (s[i] !== '[') return `unexpected '${s[i]}'`;
    const end = segmentEnd(s, i);
    if (end < 0) return 'unclosed [';
    const err = addItem(spec, s.slice(i + 1, end), span);
    if (typeof err === 'string') return err;
    i = end + 1;
    while (s[i] === ' ') i++;
    if (i >= s.length) break;
    if (s[i] !== ',' && s[i] !== ':') return `unexpected '${s[i]}'`;
    span = s[i] === ':';
    i++;
    while (s[i] === ' ') i++;
  }
  return spec;
}

function segmentEnd(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === "'") i++;
    else if (s[i] === ']') return i;
  }
  return -1;
}

function addItem(spec: Spec, raw: string, span: boolean): Spec | string {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (lower.startsWith('#')) {
    if (!SPECIALS.has(lower)) return `unknown item [${text}]`;
    spec.specials.add(lower as Special);
    return spec;
  }
  const name = text.replace(/'(.)/g, '$1');
  if (spec.columns.length > 0 && !span) return 'more than one column without a span';
  if (span && spec.columns.length !== 1) return 'a column span needs two columns';
  spec.columns.push(name);
  return spec;
}
