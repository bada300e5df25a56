/**
 * Workflows over the WorkbookHost port, shared by the task pane views and the ribbon commands.
 * Pure TypeScript: no React, no Office.js.
 */
export {
  validateActive,
  type ValidateRequest,
  type ValidateResult,
  type ValidateScope,
} from './validate';
export { runAudit, verifyLog, type AuditRequest, type AuditSummary, type LogCheck } from './audit';
export { applyMarks, clearMarks, marksOf } from './marks';
export {
  explainSelection,
  type ArgView,
  type ExplainResult,
  type RuleView,
  type ScoreItem,
} from './explain';
export { findCmCall, parseArg, type CmCall, type ArgSource } from './formula-call';
export { createAuditChannel, lastAudit, type AuditChannel, type RibbonAudit } from './last-audit';
export { LOG_HEAD_KEY, LOG_SHEET, REPORT_SHEET } from './names';
export {
  CancelledError,
  isCancelled,
  isWritePhase,
  readableError,
  WorkflowError,
  type Phase,
  type Progress,
  type ProgressFn,
  type RunOptions,
} from './progress';
export { dataSheets, isOwnSheet } from './read';
export { IN_PAGE, type PaneWorkflows } from './runner';
