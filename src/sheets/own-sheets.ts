/**
 * The add-in's own sheets (SHEETS.md "Audit log integrity": one log per workbook, found by a
 * marker, whatever its sheet name or language). Every host writes the same two markers in the
 * sheet's cells, so they survive Excel, LibreOffice and ExcelJS alike and Office.js reads them
 * like any value:
 *
 * - the audit LOG: row 1 is the log header (`seq`, `when`, … `hash`, LOG_MARKER_HEADER; the
 *   signature columns after it are optional);
 * - the audit REPORT: A1 is the report title and row 5 starts with its column header, in
 *   either language.
 *
 * A sheet is ours by its marker, never by its name: a user's sheet that happens to be called
 * "Audit Report" or 考核审计报告 is data, read and kept as it is; ours then gets another name.
 */
import type { Lang } from '../rules';
import { LOG_MARKER_HEADER } from './audit-log';
import type { CellValue } from './grid';

/** The names the audit gives its sheets when it creates them (either is recognised by marker). */
export const REPORT_SHEET: Readonly<Record<Lang, string>> = {
  zh: '考核审计报告',
  en: 'Audit report',
};
export const LOG_SHEET: Readonly<Record<Lang, string>> = { zh: '考核审计日志', en: 'Audit log' };

/** The report's title (cell A1), per language. */
export const REPORT_TITLE: Readonly<Record<Lang, string>> = { zh: '稽核报告', en: 'Audit report' };
/** The first cells of the report's column header row (row REPORT_HEADER_ROW). */
export const REPORT_HEADER_START: Readonly<Record<Lang, readonly string[]>> = {
  zh: ['行', '工作表', '单元格', '工号', '姓名', '列'],
  en: ['Row', 'Sheet', 'Cell', 'ID', 'Name', 'Column'],
};
/** 1-based row of the report's column header. */
export const REPORT_HEADER_ROW = 5;

/** How many rows and columns of a sheet's top-left corner the markers need. */
export const MARKER_ROWS = REPORT_HEADER_ROW;
export const MARKER_COLS = LOG_MARKER_HEADER.length;
/** The corner as an A1 range. */
export const MARKER_RANGE = `A1:M${MARKER_ROWS}`;

export type OwnKind = 'report' | 'log';

function text(v: CellValue | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * Which of the add-in's sheets this is, from the rows at its top-left corner (A1 first), or
 * undefined for a user's sheet.
 */
export function ownSheetKind(corner: readonly (readonly CellValue[])[]): OwnKind | undefined {
  const first = corner[0] ?? [];
  if (LOG_MARKER_HEADER.every((k, i) => text(first[i]).toLowerCase() === k.toLowerCase())) {
    return 'log';
  }
  const title = text(first[0]);
  if (title !== REPORT_TITLE.zh && title.toLowerCase() !== REPORT_TITLE.en.toLowerCase()) {
    return undefined;
  }
  const header = corner[REPORT_HEADER_ROW - 1] ?? [];
  const matches = (lang: Lang) =>
    REPORT_HEADER_START[lang].every((h, i) => text(header[i]).toLowerCase() === h.toLowerCase());
  return matches('zh') || matches('en') ? 'report' : undefined;
}

/** A sheet and the rows of its top-left corner. */
export interface SheetCorner {
  readonly sheet: string;
  readonly corner: readonly (readonly CellValue[])[];
}

export interface OwnSheets {
  /** Sheets carrying the report marker, in workbook order. */
  readonly reports: readonly string[];
  /** Sheets carrying the log marker, in workbook order: more than one is a finding. */
  readonly logs: readonly string[];
}

export function findOwnSheets(corners: readonly SheetCorner[]): OwnSheets {
  const reports: string[] = [];
  const logs: string[] = [];
  for (const { sheet, corner } of corners) {
    const kind = ownSheetKind(corner);
    if (kind === 'report') reports.push(sheet);
    else if (kind === 'log') logs.push(sheet);
  }
  return { reports, logs };
}

/**
 * A sheet name not yet taken (compared without case, as Excel does): `wanted`, else
 * `wanted (2)`, `wanted (3)`, …, kept within Excel's 31 characters.
 */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Where the audit writes: the existing report/log sheet, or a free name for a new one. */
export interface OwnTargets {
  readonly report: { readonly sheet: string; readonly exists: boolean };
  /** The log to continue or create; undefined when the workbook holds more than one. */
  readonly log?: { readonly sheet: string; readonly exists: boolean };
}

export function ownTargets(sheets: readonly string[], own: OwnSheets, lang: Lang): OwnTargets {
  const report =
    own.reports[0] !== undefined
      ? { sheet: own.reports[0], exists: true }
      : { sheet: freeSheetName(REPORT_SHEET[lang], sheets), exists: false };
  const taken = report.exists ? sheets : [...sheets, report.sheet];
  if (own.logs.length > 1) return { report };
  const log =
    own.logs[0] !== undefined
      ? { sheet: own.logs[0], exists: true }
      : { sheet: freeSheetName(LOG_SHEET[lang], taken), exists: false };
  return { report, log };
}
