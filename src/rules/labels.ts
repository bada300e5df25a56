/**
 * Chinese and English labels for every code a CM function returns (CM.LABEL).
 */
import type { Text } from './result';

export const LABELS: Readonly<Record<string, Text>> = {
  BRANCH_HEAD: { zh: '支行行长', en: 'Branch head' },
  SENIOR: { zh: '高级客户经理', en: 'Senior customer manager' },
  MID: { zh: '中级客户经理', en: 'Mid-level customer manager' },
  JUNIOR: { zh: '初级客户经理', en: 'Junior customer manager' },
  AGENT: { zh: '业务代办员', en: 'Business agent' },
  RETAIN: { zh: '留任', en: 'Retain' },
  DEMOTE: { zh: '降级', en: 'Demote' },
  TERMINATE: { zh: '解除劳动合同', en: 'Terminate contract' },
  NONE: { zh: '无', en: 'None' },
  QUALIFIED: { zh: '合格', en: 'Qualified' },
  PROVISIONAL_JUNIOR: { zh: '暂聘初级客户经理', en: 'Provisional junior' },
  NOT_QUALIFIED: { zh: '不合格', en: 'Not qualified' },
  TRUE: { zh: '是', en: 'Yes' },
  FALSE: { zh: '否', en: 'No' },
};
