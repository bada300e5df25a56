/** Names of the sheets the audit writes, per language; both are recognised in any language. */
import type { Lang } from '../rules';

export const REPORT_SHEET: Readonly<Record<Lang, string>> = {
  zh: '考核审计报告',
  en: 'Audit report',
};

export const LOG_SHEET: Readonly<Record<Lang, string>> = { zh: '考核审计日志', en: 'Audit log' };
