/**
 * The sheets the audit writes. Report rows go to a sheet of their own, the log is appended to,
 * and neither is ever read as data.
 */
export const REPORT_SHEET = '考核审计报告';
export const LOG_SHEET = '考核审计日志';

/**
 * The document setting that anchors the log's head: `{"hash": …, "count": …}` of its last
 * record, kept outside every sheet so that deleting the last records of the log is seen.
 */
export const LOG_HEAD_KEY = 'cm-appraisal.auditLog.head';
