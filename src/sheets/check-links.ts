/**
 * Checks of the clients table (Art. 12: the grade a client's size requires, and the 3–5 million
 * policy gap) and the loans table (Art. 25(3): single-loan authority), each row linked to its
 * manager in the appraisal table by manager_id.
 */
import { articleText } from '../rules';
import {
  clientTier,
  isBlank,
  LABELS,
  loanApprover,
  loanAuthority,
  type Policy,
  type Role,
  type Text,
} from '../rules';
import { articleOf, readerFinding } from './check-appraisal';
import { CELL_KINDS, type ColumnKey } from './columns';
import { cellFinding, idKey, shown, tableFinding, type Context, type Manager } from './context';
import { columnLabel } from './headers';
import { numberError } from './read-cell';
import type { LocatedTable } from './tables';

/** Grade order from the policy's demotion ladder (Art. 9(2), Art. 24): AGENT 0 … BRANCH_HEAD 4. */
export function gradeRank(policy: Policy): (role: Role) => number {
  const next = policy.outcome.demotion.next as Readonly<Partial<Record<Role, Role>>>;
  const memo = new Map<Role, number>();
  const rank = (role: Role, depth = 0): number => {
    const known = memo.get(role);
    if (known !== undefined) return known;
    const below = next[role];
    const value = below === undefined || depth > 10 ? 0 : 1 + rank(below, depth + 1);
    memo.set(role, value);
    return value;
  };
  return rank;
}

function label(key: ColumnKey): Text {
  return { zh: columnLabel(key, 'zh'), en: columnLabel(key, 'en') };
}

/** A required money cell read with the rules core's reader; undefined after a finding. */
function money(ctx: Context, t: LocatedTable, r: number, key: ColumnKey): unknown | undefined {
  const c = t.col[key];
  if (c === undefined) return undefined;
  const raw = t.grid.values[r][c];
  const article = articleOf(key, ctx.policy);
  if (isBlank(raw)) {
    const l = label(key);
    cellFinding(ctx, t, r, key, 'error', 'input.missing', article, {
      en: `${l.en} is blank; a value is required (a blank never counts as 0, POLICY §0).`,
      zh: `${l.zh}为空，必须填写（空白不按 0 计）。`,
    });
    return undefined;
  }
  const kind = CELL_KINDS[key];
  const error = numberError(raw, key, kind.type === 'number' ? kind.kind : 'money');
  if (error !== undefined) {
    readerFinding(ctx, t, r, key, article, error);
    return undefined;
  }
  return raw;
}

/** The row's manager, or undefined after a finding (or when no appraisal table is known). */
/** The manager id as the row shows it. */
function managerName(t: LocatedTable, r: number): string {
  const c = t.col.manager_id;
  return c === undefined ? '' : String(t.grid.values[r][c] ?? '').trim();
}

function manager(
  ctx: Context,
  t: LocatedTable,
  r: number,
  article: string,
  linked: boolean,
): Manager | undefined {
  const c = t.col.manager_id;
  if (c === undefined || !linked) return undefined;
  const raw = t.grid.values[r][c];
  const key = idKey(raw);
  if (key === undefined) {
    cellFinding(ctx, t, r, 'manager_id', 'error', 'input.missing', article, {
      en: 'Manager ID is blank; every row needs its customer manager.',
      zh: '客户经理工号为空；每一行都必须指明客户经理。',
    });
    return undefined;
  }
  const found = ctx.managers.get(key);
  if (found === undefined) {
    cellFinding(ctx, t, r, 'manager_id', 'error', 'manager.unknown', article, {
      en: `Manager ID ${shown(raw)} is not an Employee ID of the appraisal table.`,
      zh: `客户经理工号 ${shown(raw)} 不在考核表的工号中。`,
    });
    return undefined;
  }
  return found;
}

function linkChecks(ctx: Context, t: LocatedTable, article: string): boolean {
  if (t.col.manager_id === undefined) {
    tableFinding(ctx, t, 'manager_id', 'warning', 'column.missing', article, {
      en: `The table has no Manager ID column (客户经理工号); ${articleText(article, 'zh')} cannot be checked against the managers' grades.`,
      zh: `表中没有“客户经理工号”列；无法按客户经理级别检查${articleText(article, 'zh')}。`,
    });
    return false;
  }
  if (ctx.managers.size === 0) {
    tableFinding(ctx, t, 'manager_id', 'warning', 'table.no-appraisal', article, {
      en: `No appraisal table with Employee IDs was given, so managers' grades are unknown; ${article} is not checked.`,
      zh: `未提供含工号的考核表，客户经理级别未知；未检查${articleText(article, 'zh')}。`,
    });
    return false;
  }
  return true;
}

/** Art. 12: each client's required grade against the manager's grade, and the policy gap. */
export function checkClients(ctx: Context, t: LocatedTable): void {
  const policy = ctx.policy;
  const article = articleOf('client_deposits', policy);
  for (const key of ['client_deposits', 'client_loans'] as const) {
    if (t.col[key] === undefined) {
      const l = label(key);
      tableFinding(ctx, t, key, 'error', 'column.missing', article, {
        en: `The table has no ${l.en} column (${l.zh}); ${article} reads both deposits and loans.`,
        zh: `表中没有“${l.zh}”列；${articleText(article, 'zh')}需要存款和贷款两项。`,
      });
    }
  }
  const linked = linkChecks(ctx, t, article);
  const rank = gradeRank(policy);
  for (const r of t.dataRows) {
    const deposits = money(ctx, t, r, 'client_deposits');
    const loans = money(ctx, t, r, 'client_loans');
    const m = manager(ctx, t, r, article, linked);
    if (deposits === undefined || loans === undefined) continue;
    const tier = clientTier(deposits, loans, policy);
    if (!tier.ok) {
      readerFinding(ctx, t, r, 'client_deposits', article, tier.error);
      continue;
    }
    if (tier.value.gap) {
      const why = tier.explain().text;
      cellFinding(ctx, t, r, 'client_deposits', 'warning', 'client.policy-gap', article, {
        en: `${why.en}.`,
        zh: `${why.zh}。`,
      });
    }
    if (m?.role !== undefined && rank(m.role) < rank(tier.value.grade)) {
      const why = tier.explain().text;
      cellFinding(ctx, t, r, 'manager_id', 'error', 'client.grade-too-low', article, {
        en: `This client needs a ${tier.value.grade} or higher (${why.en}), but manager ${managerName(t, r)} (${m.sheet}!${m.address}) is ${m.role}.`,
        zh: `该客户须由${LABELS[tier.value.grade].zh}或更高级别管理（${why.zh}），但客户经理 ${managerName(t, r)}（${m.sheet}!${m.address}）为${LABELS[m.role].zh}。`,
      });
    }
  }
}

/** Art. 25(3): each loan within its manager's single-loan authority. */
export function checkLoans(ctx: Context, t: LocatedTable): void {
  const policy = ctx.policy;
  const article = articleOf('loan_amount', policy);
  const linked = linkChecks(ctx, t, article);
  for (const r of t.dataRows) {
    const amount = money(ctx, t, r, 'loan_amount');
    const m = manager(ctx, t, r, article, linked);
    if (amount === undefined || m?.role === undefined) continue;
    const within = loanAuthority(m.role, amount, policy);
    if (!within.ok) {
      readerFinding(ctx, t, r, 'loan_amount', article, within.error);
      continue;
    }
    if (within.value) continue;
    const why = within.explain().text;
    const approver = loanApprover(amount, policy);
    const who = approver.ok ? approver.value : '?';
    cellFinding(ctx, t, r, 'loan_amount', 'error', 'loan.above-authority', article, {
      en: `${why.en}: manager ${managerName(t, r)} (${m.sheet}!${m.address}, ${m.role}) has no authority for this loan; it needs ${who}.`,
      zh: `${why.zh}：客户经理 ${managerName(t, r)}（${m.sheet}!${m.address}，${LABELS[m.role].zh}）无权审批此笔贷款，须由${approver.ok ? LABELS[approver.value].zh : '?'}审批。`,
    });
  }
}
