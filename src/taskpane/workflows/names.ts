/**
 * The sheets the audit writes, by the names the task pane gives them when it creates them.
 * Existing ones are found by their marker whatever their name (sheets/own-sheets.ts), and the
 * log's head anchor is the document setting LOG_HEAD_KEY (sheets/log-check.ts).
 */
import { LOG_SHEET as LOG_NAMES, REPORT_SHEET as REPORT_NAMES } from '../../sheets/own-sheets';

export { LOG_HEAD_KEY } from '../../sheets/log-check';
export const REPORT_SHEET = REPORT_NAMES.zh;
export const LOG_SHEET = LOG_NAMES.zh;
