/**
 * Sheets: find the appraisal, clients and loans tables in plain grids of values and formulas,
 * validate them, audit them against the rules core, and keep a hash-chained audit log. Shared
 * by the task pane (Office.js grids) and the command line (ExcelJS grids).
 */
export type { CellValue, Grid } from './grid';
export { cellAddress, columnLetters, columnIndex, rangeAddress } from './a1';
export {
  APPRAISAL_KEYS,
  CLIENT_KEYS,
  LOAN_KEYS,
  CELL_KINDS,
  COMPUTED,
  COMPUTED_KEYS,
  type AppraisalKey,
  type ColumnKey,
  type ComputedKey,
  type TableKind,
} from './columns';
export {
  HEADERS,
  columnLabel,
  foldHeader,
  matchHeader,
  type HeaderMatch,
  type Spellings,
  type UnitClass,
} from './headers';
export {
  FINDING_RULES,
  countFindings,
  type Counts,
  type Finding,
  type FindingRule,
  type Severity,
} from './findings';
export {
  classify,
  locateTable,
  type FoundColumn,
  type FoundTable,
  type LocatedTable,
} from './tables';
export { formulaShape, argTarget, type FormulaShape, type ArgTarget } from './formulas';
export {
  validateGrid,
  validateWorkbook,
  type ValidateOptions,
  type ValidationReport,
} from './validate';
export {
  auditWorkbook,
  auditReportRows,
  type AuditCell,
  type AuditCounts,
  type AuditOptions,
  type AuditReport,
  type AuditRow,
  type ReportRowsOptions,
  type Verdict,
} from './audit';
export type { FormulaStatus } from './check-appraisal';
export {
  GENESIS_HASH,
  LOG_HEADER,
  appendRecord,
  auditLogFields,
  findingsDigest,
  logToRows,
  recordBytes,
  recordCanonical,
  recordHash,
  rowsFromLog,
  verifyLog,
  type AuditRecord,
  type AuditRecordFields,
  type LogRead,
  type LogVerdict,
  type VerifyOptions,
} from './audit-log';
export {
  LOG_HEAD_KEY,
  anchorText,
  checkLog,
  parseAnchor,
  type AnchorState,
  type LogAnchor,
  type LogCheck,
  type LogCheckInput,
  type LogSheet,
  type RecordCheck,
  type RecordState,
} from './log-check';
export {
  LOG_SHEET,
  MARKER_COLS,
  MARKER_RANGE,
  MARKER_ROWS,
  REPORT_SHEET,
  REPORT_TITLE,
  findOwnSheets,
  freeSheetName,
  ownSheetKind,
  ownTargets,
  type OwnKind,
  type OwnSheets,
  type OwnTargets,
  type SheetCorner,
} from './own-sheets';
export { displayTime, isoWithOffset, localOffset } from './audit-time';
