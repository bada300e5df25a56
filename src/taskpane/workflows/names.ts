/**
 * The sheets the audit writes. Report rows go to a sheet of their own, the log is appended to,
 * and neither is ever read as data.
 */
export const REPORT_SHEET = '考核审计报告';
export const LOG_SHEET = '考核审计日志';
