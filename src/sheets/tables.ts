/**
 * Finding a table in a grid: its header row (an Excel Table's first row, or the first of the
 * grid's first rows whose cells name enough columns), what kind of table it is, and its data
 * rows. Blank rows are skipped, not taken as the end.
 */
import { isBlank } from '../rules';
import { cellAddress, columnLetters, rangeAddress } from './a1';
import { CELL_KINDS, type ColumnKey, type TableKind } from './columns';
import type { Finding } from './findings';
import type { Grid } from './grid';
import { columnLabel, matchHeader, unitFits, type HeaderMatch } from './headers';

/** How many rows from the top may hold the header (titles and notes may sit above it). */
export const HEADER_SCAN_ROWS = 20;

export interface FoundColumn {
  readonly key: ColumnKey;
  /** The header as written. */
  readonly header: string;
  /** A1 address of the header cell. */
  readonly address: string;
}

/** A table found on a sheet, as reports show it. */
export interface FoundTable {
  readonly kind: TableKind;
  readonly sheet: string;
  /** The Excel Table's name, when the grid is one. */
  readonly table?: string;
  /** A1 range from the header row to the grid's last row. */
  readonly range: string;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly columns: readonly FoundColumn[];
  /** Headers of columns kept but not read. */
  readonly unknownColumns: readonly string[];
  /** Data rows (blank rows not counted). */
  readonly rows: number;
}

/** A found table with what the checks need to read its grid fast. */
export interface LocatedTable {
  readonly found: FoundTable;
  readonly grid: Grid;
  /** Grid column of each known key. */
  readonly col: Readonly<Partial<Record<ColumnKey, number>>>;
  /** Grid rows holding data. */
  readonly dataRows: readonly number[];
  /** Column letters of every grid column, computed once. */
  readonly letters: readonly string[];
}

// Columns that only an appraisal table has (besides role).
const APPRAISAL_SIGNALS: readonly ColumnKey[] = [
  'deposit_growth',
  'new_deposits',
  'npl_ratio',
  'collection_rate',
  'fee_growth',
  'new_accounts',
  'months_below_base',
  'violation_points',
  'monthly_income',
  'reserve_balance',
  'score',
  'outcome',
  'reserve_deduction',
];

/** The kind of table a header row's keys describe, or undefined. */
export function classify(keys: ReadonlySet<ColumnKey>): TableKind | undefined {
  if (keys.has('role')) {
    let signals = 0;
    for (const k of APPRAISAL_SIGNALS) if (keys.has(k)) signals++;
    if (signals >= 2) return 'appraisal';
  }
  const linked = keys.has('manager_id') || keys.has('client');
  if (keys.has('loan_amount') && (linked || keys.has('loan'))) return 'loans';
  if ((keys.has('client_deposits') || keys.has('client_loans')) && linked) return 'clients';
  return undefined;
}

function matchRow(row: readonly unknown[]): (HeaderMatch | undefined)[] {
  return row.map((cell) => matchHeader(cell));
}

function keysOf(matches: readonly (HeaderMatch | undefined)[]): Set<ColumnKey> {
  const keys = new Set<ColumnKey>();
  for (const m of matches) if (m !== undefined) keys.add(m.key);
  return keys;
}

export interface Located {
  readonly table?: LocatedTable;
  readonly findings: readonly Finding[];
}

function notFound(grid: Grid): Finding {
  const where = grid.table ? `Table ${grid.table}` : `sheet ${grid.sheet}`;
  const whereZh = grid.table ? `表格 ${grid.table}` : `工作表 ${grid.sheet}`;
  return {
    severity: 'error',
    sheet: grid.sheet,
    address: cellAddress(grid.top, grid.left),
    row: grid.top + 1,
    column: null,
    rule: 'table.not-found',
    article: '—',
    message: {
      en: `No appraisal, clients or loans table found in ${where}: no row among the first ${HEADER_SCAN_ROWS} has the column headers (e.g. 工号/Employee ID, 考核对象/Role, 不良率/NPL ratio, 收贷收息率/Collection rate).`,
      zh: `${whereZh}中未找到考核表、客户表或贷款表：前 ${HEADER_SCAN_ROWS} 行中没有包含列标题（如 工号、考核对象、不良率、收贷收息率）的行。`,
    },
  };
}

/** Find the table of a grid; a grid with none gives one `table.not-found` finding. */
export function locateTable(grid: Grid): Located {
  const scan = grid.table
    ? Math.min(1, grid.values.length)
    : Math.min(HEADER_SCAN_ROWS, grid.values.length);
  for (let r = 0; r < scan; r++) {
    const matches = matchRow(grid.values[r]);
    const kind = classify(keysOf(matches));
    if (kind !== undefined) return build(grid, r, kind, matches);
  }
  return { findings: [notFound(grid)] };
}

function build(
  grid: Grid,
  header: number,
  kind: TableKind,
  matches: readonly (HeaderMatch | undefined)[],
): Located {
  const findings: Finding[] = [];
  const width = grid.values[header].length;
  const letters: string[] = [];
  for (let c = 0; c < width; c++) letters.push(columnLetters(grid.left + c));
  const sheetRow = grid.top + header + 1;
  const col: Partial<Record<ColumnKey, number>> = {};
  const columns: FoundColumn[] = [];
  const unknownColumns: string[] = [];

  for (let c = 0; c < width; c++) {
    const raw = grid.values[header][c];
    const m = matches[c];
    const address = `${letters[c]}${sheetRow}`;
    if (m === undefined) {
      if (!isBlank(raw)) unknownColumns.push(String(raw));
      continue;
    }
    const headerText = String(raw);
    const label = { zh: columnLabel(m.key, 'zh'), en: columnLabel(m.key, 'en') };
    const first = col[m.key];
    if (first !== undefined) {
      findings.push({
        severity: 'warning',
        sheet: grid.sheet,
        address,
        row: sheetRow,
        column: m.key,
        rule: 'header.duplicate',
        article: '—',
        message: {
          en: `Column "${headerText}" names ${label.en} again; only column ${letters[first]} is read.`,
          zh: `列“${headerText}”重复表示${label.zh}；只读取 ${letters[first]} 列。`,
        },
      });
      continue;
    }
    col[m.key] = c;
    columns.push({ key: m.key, header: headerText, address });
    if (m.unit !== undefined && !unitFits(m.key, m.unit.unit)) {
      const wan = m.unit.unit === 'wan';
      const kind = CELL_KINDS[m.key];
      const isMoney = kind.type === 'number' || (kind.type === 'computed' && kind.unit === 'yuan');
      findings.push({
        severity: 'warning',
        sheet: grid.sheet,
        address,
        row: sheetRow,
        column: m.key,
        rule: 'header.unit',
        article: '§0',
        message:
          wan && isMoney
            ? {
                en: `Header "${headerText}" says 万元 (10,000 yuan), but values must be in yuan (POLICY §0): 100万元 is 1000000. Values are read as yuan, never scaled.`,
                zh: `列标题“${headerText}”的单位为万元，但金额必须以元为单位：100万元应填 1000000。数值按元读取，不会自动换算。`,
              }
            : {
                en: `Header "${headerText}" gives the unit (${m.unit.text}), which does not fit ${label.en}; values are read as ${describe(m.key).en}.`,
                zh: `列标题“${headerText}”的单位（${m.unit.text}）与${label.zh}不符；数值按${describe(m.key).zh}读取。`,
              },
      });
    }
  }

  const read: number[] = [];
  for (const k of Object.keys(col) as ColumnKey[]) {
    if (CELL_KINDS[k].type !== 'computed') read.push(col[k] as number);
  }
  const dataRows: number[] = [];
  for (let r = header + 1; r < grid.values.length; r++) {
    const row = grid.values[r];
    for (let i = 0; i < read.length; i++) {
      if (!isBlank(row[read[i]])) {
        dataRows.push(r);
        break;
      }
    }
  }
  const found: FoundTable = {
    kind,
    sheet: grid.sheet,
    ...(grid.table !== undefined ? { table: grid.table } : {}),
    range: rangeAddress(
      grid.top + header,
      grid.left,
      grid.top + Math.max(header, grid.values.length - 1),
      grid.left + Math.max(0, width - 1),
    ),
    headerRow: sheetRow,
    columns,
    unknownColumns,
    rows: dataRows.length,
  };
  return { table: { found, grid, col, dataRows, letters }, findings };
}

function describe(key: ColumnKey): { en: string; zh: string } {
  const kind = CELL_KINDS[key];
  if (kind.type === 'computed') {
    if (kind.unit === 'yuan') return { en: 'yuan', zh: '元' };
    if (kind.unit === 'points') return { en: 'points', zh: '分' };
  }
  if (kind.type !== 'number') return { en: 'text', zh: '文本' };
  switch (kind.kind) {
    case 'money':
    case 'change':
      return { en: 'yuan', zh: '元' };
    case 'rate':
    case 'growth':
      return { en: 'fractions (30% is 0.3)', zh: '小数比率（30% 即 0.3）' };
    case 'count':
      return { en: 'whole numbers', zh: '整数' };
    default:
      return { en: 'numbers', zh: '数值' };
  }
}
