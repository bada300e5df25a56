/**
 * What-if: the same appraisal rows recomputed under two policies (the active one and a draft),
 * and the people whose score (Art. 13), outcome (Art. 14) or reserve deduction (Art. 25(2))
 * would change, with before and after. Both sides are the rules core's own results (the audit's
 * expected values), so the comparison never depends on what the sheet happens to show.
 */
import { LABELS, type Lang, type Text } from '../rules';
import type { AuditReport, CellValue, ComputedKey } from '../sheets';

export interface WhatIfChange {
  readonly key: ComputedKey;
  readonly before: CellValue;
  readonly after: CellValue;
}

export interface WhatIfRow {
  readonly sheet: string;
  readonly row: number;
  readonly id: CellValue;
  readonly name: CellValue;
  readonly role?: string;
  readonly changes: readonly WhatIfChange[];
}

export interface WhatIf {
  readonly before: { readonly version: string; readonly hash: string };
  readonly after: { readonly version: string; readonly hash: string };
  /** Rows compared (every appraisal row). */
  readonly rows: number;
  readonly changed: readonly WhatIfRow[];
}

function same(a: CellValue, b: CellValue): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && a === b);
}

/** Compares two audits of the same grids; throws if they are not of the same rows. */
export function whatIf(before: AuditReport, after: AuditReport): WhatIf {
  if (before.rows.length !== after.rows.length) {
    throw new Error('what-if: the two audits are not of the same rows');
  }
  const changed: WhatIfRow[] = [];
  before.rows.forEach((b, i) => {
    const a = after.rows[i];
    const changes: WhatIfChange[] = [];
    for (const cell of b.cells) {
      const other = a.cells.find((c) => c.key === cell.key);
      if (other !== undefined && !same(cell.expected, other.expected)) {
        changes.push({ key: cell.key, before: cell.expected, after: other.expected });
      }
    }
    if (changes.length > 0) {
      changed.push({
        sheet: b.sheet,
        row: b.row,
        id: b.id,
        name: b.name,
        ...(b.role !== undefined ? { role: b.role } : {}),
        changes,
      });
    }
  });
  return {
    before: { version: before.policyVersion, hash: before.policyHash },
    after: { version: after.policyVersion, hash: after.policyHash },
    rows: before.rows.length,
    changed,
  };
}

export const WHAT_IF_SHEET: Readonly<Record<Lang, string>> = {
  zh: '办法修订影响',
  en: 'Policy what-if',
};

const KEY_LABEL: Readonly<Record<ComputedKey, Text>> = {
  score: { en: 'score', zh: '考核得分' },
  outcome: { en: 'outcome', zh: '考核结果' },
  reserve_deduction: { en: 'reserve deduction', zh: '风险金提取' },
};

function valueText(key: ComputedKey, v: CellValue, lang: Lang): string {
  if (v === null) return lang === 'zh' ? '（空）' : '(blank)';
  if (key === 'outcome' && typeof v === 'string' && LABELS[v] !== undefined) return LABELS[v][lang];
  return String(v);
}

function who(r: WhatIfRow, lang: Lang): string {
  const parts = [r.id, r.name].filter((x) => x !== null && x !== '').map(String);
  const role = r.role !== undefined ? (LABELS[r.role]?.[lang] ?? r.role) : '';
  return `${r.sheet}!${r.row} ${parts.join(' ')}${role ? (lang === 'zh' ? `（${role}）` : ` (${role})`) : ''}`;
}

/** One line per person: `考核表!5 E104 张三（高级客户经理）：考核得分 104 → 99；…` */
export function whatIfLines(w: WhatIf, lang: Lang): string[] {
  return w.changed.map((r) => {
    const changes = r.changes
      .map(
        (c) =>
          `${KEY_LABEL[c.key][lang]} ${valueText(c.key, c.before, lang)} → ${valueText(c.key, c.after, lang)}`,
      )
      .join(lang === 'zh' ? '；' : '; ');
    return `${who(r, lang)}${lang === 'zh' ? '：' : ': '}${changes}`;
  });
}

/** The what-if as sheet rows: the two policies, then one row per changed person. */
export function whatIfSheetRows(w: WhatIf, draft: string, lang: Lang): CellValue[][] {
  const zh = lang === 'zh';
  const header = zh
    ? [
        '工作表',
        '行',
        '工号',
        '姓名',
        '考核对象',
        '得分（现行）',
        '得分（草案）',
        '结果（现行）',
        '结果（草案）',
        '风险金（现行）',
        '风险金（草案）',
      ]
    : [
        'Sheet',
        'Row',
        'ID',
        'Name',
        'Role',
        'Score (active)',
        'Score (draft)',
        'Outcome (active)',
        'Outcome (draft)',
        'Reserve (active)',
        'Reserve (draft)',
      ];
  const rows: CellValue[][] = [
    [zh ? '办法修订影响（试算，不是稽核）' : 'Policy what-if (a trial, not an audit)'],
    [zh ? '现行办法' : 'Active policy', w.before.version],
    [zh ? '草案' : 'Draft', `${w.after.version} (${draft})`],
    [
      zh ? '受影响人数' : 'People affected',
      w.changed.length,
      zh ? '比较行数' : 'Rows compared',
      w.rows,
    ],
    [],
    header,
  ];
  for (const r of w.changed) {
    const pair = (key: ComputedKey): CellValue[] => {
      const c = r.changes.find((x) => x.key === key);
      return c === undefined ? [null, null] : [c.before, c.after];
    };
    rows.push([
      r.sheet,
      r.row,
      r.id,
      r.name,
      r.role !== undefined ? (LABELS[r.role]?.[lang] ?? r.role) : null,
      ...pair('score'),
      ...pair('outcome').map((v) => (typeof v === 'string' && LABELS[v] ? LABELS[v][lang] : v)),
      ...pair('reserve_deduction'),
    ]);
  }
  return rows;
}
