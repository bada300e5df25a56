/**
 * Checks of the appraisal table, row by row: types and domains (the readers of the rules core),
 * the inputs each role needs and uses, rates typed as percents, duplicate ids, unknown roles,
 * and computed columns that lost their formula.
 */
import {
  isBlank as rulesIsBlank,
  readRole,
  type Policy,
  type Role,
  type RuleError,
} from '../rules';
import {
  CELL_KINDS,
  COMPUTED,
  COMPUTED_KEYS,
  INPUT_KEYS,
  type AppraisalKey,
  type CellKind,
  type ColumnKey,
  type ComputedKey,
} from './columns';
import { addressOf, cellFinding, idKey, shown, tableFinding, type Context } from './context';
import {
  argTarget,
  formulaShape,
  hasTemplate,
  rangeTarget,
  rowTemplate,
  templatePieces,
  THIS_ROW_MARK,
  type TemplatePieces,
} from './formulas';
import type { SpillArea } from './grid';
import { FirstRows } from './first-rows';
import { spillAt } from './spills';
import { columnLabel } from './headers';
import { numberError, booleanError } from './read-cell';
import { roleInputTable, type RoleInputs } from './role-inputs';
import type { LocatedTable } from './tables';
import { fromExcelNumber } from '../rules';

// The rules core's blank test, bound once: compiled to CommonJS (tsx, ts-jest), a call of an
// imported function reads it through the module's export getters, and this one runs per cell.
const isBlank = rulesIsBlank;

/** What a computed cell holds. `own`: the expected call on this row's own input cells. */
export type FormulaStatus = 'own' | 'call' | 'wrapped' | 'other' | 'constant' | 'blank';

/** Formula statuses as packed in RowFacts: their index here. */
export const FORMULA_STATUSES: readonly FormulaStatus[] = [
  'own',
  'call',
  'wrapped',
  'other',
  'constant',
  'blank',
];

/**
 * What the audit needs to know of a table's rows after validation read them, one entry per
 * data row in each list (no object per row: a table may have 100,000).
 */
export interface RowFacts {
  /** The grid row. */
  readonly r: number[];
  /** The role, when it reads. */
  readonly role: (Role | undefined)[];
  /**
   * The formula status of each computed cell (COMPUTED_KEYS[i], when the table has its
   * column): its FORMULA_STATUSES index at bits 3i..3i+2.
   */
  readonly formulas: number[];
}

const STATUS_CODE = Object.fromEntries(FORMULA_STATUSES.map((s, i) => [s, i])) as Readonly<
  Record<FormulaStatus, number>
>;

/** The article each column's checks enforce, from the policy where it names one. */
export function articleOf(key: ColumnKey, policy: Policy): string {
  switch (key) {
    case 'role':
      return '§0';
    case 'deposit_growth':
    case 'new_deposits':
    case 'npl_ratio':
    case 'collection_rate':
    case 'fee_growth':
    case 'new_accounts':
    case 'score':
      return policy.score.article;
    case 'months_below_base':
    case 'violation_points':
    case 'major_violation':
    case 'loss_amount':
    case 'prior_demotions':
    case 'outcome':
      return 'Art. 14';
    case 'monthly_income':
    case 'reserve_balance':
    case 'reserve_deduction':
      return policy.reserve.article;
    case 'client_deposits':
    case 'client_loans':
      return policy.tier[0]?.article ?? 'Art. 12';
    case 'loan_amount':
      return policy.authority.article;
    default:
      return '—';
  }
}

interface TypedColumn {
  readonly key: AppraisalKey;
  readonly c: number;
  readonly kind: CellKind;
  readonly article: string;
}

function label(key: ColumnKey): { zh: string; en: string } {
  return { zh: columnLabel(key, 'zh'), en: columnLabel(key, 'en') };
}

/** A reader's error as a finding: wrong type (`value`) or outside the domain (`num`). */
export function readerFinding(
  ctx: Context,
  t: LocatedTable,
  r: number,
  key: ColumnKey,
  article: string,
  error: RuleError,
): void {
  cellFinding(
    ctx,
    t,
    r,
    key,
    'error',
    error.kind === 'value' ? 'value.type' : 'value.domain',
    article,
    error.message,
  );
}

function percentTyped(
  ctx: Context,
  t: LocatedTable,
  r: number,
  col: TypedColumn,
  raw: number,
): void {
  const meant = fromExcelNumber(raw).dividedBy(100).toString();
  const l = label(col.key);
  // A rate that can never exceed 100% is also outside its domain (POLICY §0): an error, with
  // the reader's own message first.
  const domain =
    col.kind.type === 'number' && col.kind.kind === 'rate'
      ? numberError(raw, col.key, col.kind.kind)
      : undefined;
  cellFinding(ctx, t, r, col.key, domain ? 'error' : 'warning', 'rate.percent-typed', col.article, {
    en: `${domain ? `${domain.message.en} ` : ''}${l.en} ${raw} looks like a percent typed as a number; rates are fractions (30% is 0.3). Did you mean ${meant}?`,
    zh: `${domain ? domain.message.zh : ''}${l.zh} ${raw} 似乎是按百分数录入的数字；比率应为小数（30% 即 0.3）。是否应为 ${meant}？`,
  });
}

function role(ctx: Context, t: LocatedTable, r: number, raw: unknown): Role | undefined {
  const read = readRole(raw);
  if (read.ok) return read.value;
  if (isBlank(raw)) {
    cellFinding(ctx, t, r, 'role', 'error', 'input.missing', '§0', {
      en: 'Role is blank; every row needs a role (POLICY §0).',
      zh: '考核对象为空；每一行都必须填写考核对象。',
    });
  } else {
    // The rules core's message lists the accepted values.
    cellFinding(ctx, t, r, 'role', 'error', 'role.unknown', '§0', read.error.message);
  }
  return undefined;
}

/** Validate an appraisal table; `keep` collects per-row facts for the audit. */
export function checkAppraisal(ctx: Context, t: LocatedTable, keep?: RowFacts): void {
  const { grid, col } = t;
  const policy = ctx.policy;
  const roles = roleInputTable(policy, col.reserve_deduction !== undefined);
  const typed: TypedColumn[] = [];
  for (const key of INPUT_KEYS) {
    const c = col[key];
    if (c !== undefined)
      typed.push({ key, c, kind: CELL_KINDS[key], article: articleOf(key, policy) });
  }
  const computed = COMPUTED_KEYS.flatMap((key, slot): ComputedColumn[] => {
    const c = col[key];
    return c === undefined
      ? []
      : [{ key, c, spec: COMPUTED[key], shift: 3 * slot, byRole: new Map() }];
  });
  const rolesSeen = new Set<Role>();
  const cRole = col.role;
  const cId = col.id;
  // The first grid row of each id in this table.
  const ids = new FirstRows(cId === undefined ? 0 : t.dataRows.length);

  for (const r of t.dataRows) {
    const v = grid.values[r];
    const rowRole = cRole !== undefined ? role(ctx, t, r, v[cRole]) : undefined;
    if (rowRole !== undefined) rolesSeen.add(rowRole);

    if (cId !== undefined) {
      const raw = v[cId];
      const key = idKey(raw);
      if (key === undefined) {
        cellFinding(ctx, t, r, 'id', 'error', 'input.missing', '—', {
          en: 'Employee ID is blank; clients and loans are linked to managers by it.',
          zh: '工号为空；客户和贷款通过工号关联到客户经理。',
        });
      } else {
        const firstRow = ids.firstOrAdd(key, r);
        if (firstRow !== undefined) {
          const first = addressOf(t, firstRow, cId);
          cellFinding(ctx, t, r, 'id', 'error', 'id.duplicate', '—', {
            en: `Employee ID ${shown(raw)} is already used in ${first}; ids must be unique.`,
            zh: `工号 ${shown(raw)} 已在 ${first} 使用；工号必须唯一。`,
          });
        } else if (ctx.linked && !ctx.managers.has(key)) {
          ctx.managers.set(key, {
            role: rowRole,
            sheet: grid.sheet,
            address: addressOf(t, r, cId),
          });
        }
      }
    }

    for (let i = 0; i < typed.length; i++) {
      const tc = typed[i];
      const raw = v[tc.c];
      if (isBlank(raw)) continue;
      let error: RuleError | undefined;
      if (tc.kind.type === 'boolean') {
        error = booleanError(raw, tc.key);
      } else if (tc.kind.type === 'number') {
        if (
          tc.kind.percent &&
          typeof raw === 'number' &&
          raw > 1 &&
          raw / 100 >= tc.kind.percent.lo &&
          raw / 100 <= tc.kind.percent.hi
        ) {
          percentTyped(ctx, t, r, tc, raw);
          continue;
        }
        error = numberError(raw, tc.key, tc.kind.kind);
      }
      if (error !== undefined) readerFinding(ctx, t, r, tc.key, tc.article, error);
    }

    const inputs = rowRole !== undefined ? roles[rowRole] : undefined;
    if (inputs !== undefined) roleChecks(ctx, t, r, inputs);

    let formulas = 0;
    const rowText = String(grid.top + r + 1);
    for (let i = 0; i < computed.length; i++) {
      // Not applicable to an agent: no Art. 13 score, Art. 14 outcome or Art. 25(2) cap.
      const cc = computed[i];
      formulas |= STATUS_CODE[computedCheck(ctx, t, r, rowText, cc, inputs)] << cc.shift;
    }
    if (keep !== undefined) {
      keep.r.push(r);
      keep.role.push(rowRole);
      keep.formulas.push(formulas);
    }
  }

  missingColumns(ctx, t, roles, rolesSeen);
}

function roleChecks(ctx: Context, t: LocatedTable, r: number, inputs: RoleInputs): void {
  const v = t.grid.values[r];
  const col = t.col;
  // An agent (Art. 4) has no Art. 13 score or Art. 14 outcome: the row is valid as it is,
  // and any scoring input given for it is reported below as unused.
  for (const key of inputs.required) {
    const c = col[key];
    if (c === undefined || !isBlank(v[c])) continue;
    const l = label(key);
    cellFinding(ctx, t, r, key, 'error', 'input.missing', articleOf(key, ctx.policy), {
      en: `${l.en} is blank; this role needs it (a blank never counts as 0, POLICY §0).`,
      zh: `${l.zh}为空；该考核对象必须填写（空白不按 0 计）。`,
    });
  }
  for (const key of inputs.unused) {
    const c = col[key];
    if (c === undefined || isBlank(v[c])) continue;
    const l = label(key);
    cellFinding(ctx, t, r, key, 'warning', 'input.unused', articleOf(key, ctx.policy), {
      en: `${l.en} is given but this role does not use it; the value is ignored.`,
      zh: `已填写${l.zh}，但该考核对象不使用此项；该值不参与计算。`,
    });
  }
}

function computedCheck(
  ctx: Context,
  t: LocatedTable,
  r: number,
  rowText: string,
  cc: ComputedColumn,
  inputs: RoleInputs | undefined,
): FormulaStatus {
  const { key, c, spec } = cc;
  const raw = t.grid.values[r][c];
  let formula = t.grid.formulas[r]?.[c] ?? null;
  // A cell filled by a spill holds no formula of its own (Excel's range.formulas gives its
  // value); its formula is its spill parent's (Range.getSpillParent, ExcelApi 1.12).
  const spill = spillAt(t.grid, t.grid.top + r, t.grid.left + c);
  if (spill !== undefined && (formula === null || formula === '')) formula = spill.formula;
  if (formula === null || formula === '') {
    const l = label(key);
    if (isBlank(raw)) {
      // No formula is expected where the function does not apply (an agent; a role without a cap).
      const applies =
        key === 'reserve_deduction' ? inputs?.withholds !== false : inputs?.appraised !== false;
      if (applies) {
        cellFinding(ctx, t, r, key, 'warning', 'formula.missing', spec.article, {
          en: `${l.en} is empty; it should hold =CM.${spec.fn}(…).`,
          zh: `${l.zh}为空；应填写公式 =CM.${spec.fn}(…)。`,
        });
      }
      return 'blank';
    }
    cellFinding(ctx, t, r, key, 'error', 'formula.overwritten', spec.article, {
      en: `${l.en} holds the typed value ${shown(raw)} instead of its formula =CM.${spec.fn}(…); it will not follow the inputs.`,
      zh: `${l.zh}填写的是常量 ${shown(raw)}，而不是公式 =CM.${spec.fn}(…)；它不会随输入变化。`,
    });
    return 'constant';
  }
  const status =
    spill !== undefined && spill.formula === formula
      ? spilledStatus(t, r, key, spill, inputs)
      : formulaStatus(t, r, rowText, cc, formula, inputs);
  if (status === 'own' || status === 'call') return status;
  const l = label(key);
  const wrapped = status === 'wrapped';
  cellFinding(ctx, t, r, key, wrapped ? 'warning' : 'error', 'formula.unexpected', spec.article, {
    en: wrapped
      ? `${l.en} wraps CM.${spec.fn} in another expression (${formula}); audit compares what it shows with the policy's value.`
      : `${l.en} calls something other than CM.${spec.fn}: ${formula}.`,
    zh: wrapped
      ? `${l.zh}的公式在其他表达式中调用 CM.${spec.fn}（${formula}）；稽核将其显示值与办法计算值比较。`
      : `${l.zh}的公式未调用 CM.${spec.fn}：${formula}。`,
  });
  return status;
}

/**
 * A computed cell inside a spill (its anchor included): `own` when the anchor calls the
 * expected function on ranges whose element for this cell is this row's input cell
 * (`=CM.APPRAISAL_SCORE(C2:C41, …)` anchored on row 2 fills row k from C(k) …), `call` for
 * another call of the expected function, else the formula's shape.
 */
function spilledStatus(
  t: LocatedTable,
  r: number,
  key: ComputedKey,
  spill: SpillArea,
  inputs: RoleInputs | undefined,
): FormulaStatus {
  const spec = COMPUTED[key];
  const shape = formulaShape(spill.formula, spec.fn);
  if (shape.kind !== 'call') return shape.kind;
  const args = shape.args;
  if (args.length > spec.params.length) return 'call';
  const v = t.grid.values[r];
  const sheetRow = t.grid.top + r;
  for (let i = 0; i < spec.params.length; i++) {
    let allowed = spec.params[i];
    if (key === 'score' && inputs?.deposit !== undefined && i === 1) allowed = [inputs.deposit];
    if (key === 'score' && inputs?.fourth !== undefined && i === 4) allowed = [inputs.fourth];
    const arg = args[i] ?? '';
    if (argTarget(arg).kind === 'omitted') {
      if (i < spec.required) return 'call';
      // An omitted optional argument is fine unless the row gives that input.
      if (allowed.some((k) => t.col[k] !== undefined && !isBlank(v[t.col[k] as number]))) {
        return 'call';
      }
      continue;
    }
    const range = rangeTarget(arg);
    if (range === undefined || range.left !== range.right) return 'call';
    if (range.sheet !== undefined && range.sheet.toLowerCase() !== t.grid.sheet.toLowerCase()) {
      return 'call';
    }
    // Element k of a column range is its row top + k; this cell is element sheetRow - spill.top.
    if (range.top !== spill.top || sheetRow > range.bottom) return 'call';
    if (
      !allowed.some(
        (k) => t.col[k] !== undefined && t.grid.left + (t.col[k] as number) === range.left,
      )
    ) {
      return 'call';
    }
  }
  return 'own';
}

/** A computed column of the table being checked, and its parsed row templates per role's inputs. */
interface ComputedColumn {
  readonly key: ComputedKey;
  /** Grid column. */
  readonly c: number;
  readonly spec: (typeof COMPUTED)[ComputedKey];
  /** Where its formula status goes in RowFacts.formulas. */
  readonly shift: number;
  readonly byRole: Map<RoleInputs | undefined, Templates>;
}

interface Templates {
  readonly byTemplate: Map<string, ParsedTemplate>;
  /** The template read last: the next row's is most often the same. */
  last?: ParsedTemplate;
}

/** A row template as pieces between its row markers, and what it says. */
interface ParsedTemplate {
  readonly pieces: TemplatePieces;
  readonly entry: Template;
}

interface Template {
  readonly shape: 'call' | 'wrapped' | 'other';
  /** Every given argument is this row's cell of its parameter's column. */
  readonly own: boolean;
  /** Grid columns of the inputs of the omitted optional parameters: the row must leave them blank. */
  readonly omitted: readonly number[];
}

function formulaStatus(
  t: LocatedTable,
  r: number,
  rowText: string,
  cc: ComputedColumn,
  formula: string,
  inputs: RoleInputs | undefined,
): FormulaStatus {
  const key = cc.key;
  // Per role: Art. 13's score reads per-role columns, and sheets often give each role its own
  // formulas (a branch head's outcome reads more facts), so each role's rows follow their own.
  let templates = cc.byRole.get(inputs);
  if (templates === undefined) cc.byRole.set(inputs, (templates = { byTemplate: new Map() }));
  let last = templates.last;
  if (last === undefined || !hasTemplate(formula, last.pieces, rowText)) {
    const template = rowTemplate(formula, t.grid.top + r);
    last = templates.byTemplate.get(template);
    if (last === undefined) {
      last = {
        pieces: templatePieces(template),
        entry: parseTemplate(t, key, template, inputs, THIS_ROW_MARK),
      };
      templates.byTemplate.set(template, last);
    }
    templates.last = last;
  }
  // A filled-down column: most rows' template is the last one, checked without building it.
  const entry = last.entry;
  if (entry.shape !== 'call') return entry.shape;
  // The template can only under-claim (see rowTemplate): a "not own" answer is re-read in full.
  const e = entry.own ? entry : parseTemplate(t, key, formula, inputs, t.grid.top + r);
  if (e.shape !== 'call') return e.shape;
  if (!e.own) return 'call';
  const v = t.grid.values[r];
  // An omitted optional argument is fine unless the row gives that input.
  for (const c of e.omitted) if (!isBlank(v[c])) return 'call';
  return 'own';
}

function parseTemplate(
  t: LocatedTable,
  key: ComputedKey,
  formula: string,
  inputs: RoleInputs | undefined,
  thisRow: number,
): Template {
  const spec = COMPUTED[key];
  const shape = formulaShape(formula, spec.fn);
  if (shape.kind !== 'call') return { shape: shape.kind, own: false, omitted: [] };
  const args = shape.args;
  const no: Template = { shape: 'call', own: false, omitted: [] };
  if (args.length > spec.params.length) return no;
  const omitted: number[] = [];
  for (let i = 0; i < spec.params.length; i++) {
    let allowed = spec.params[i];
    // Art. 13: the deposit and fourth arguments are the role's own columns.
    if (key === 'score' && inputs?.deposit !== undefined && i === 1) allowed = [inputs.deposit];
    if (key === 'score' && inputs?.fourth !== undefined && i === 4) allowed = [inputs.fourth];
    const target = argTarget(args[i] ?? '');
    if (target.kind === 'omitted') {
      if (i < spec.required) return no;
      for (const k of allowed) if (t.col[k] !== undefined) omitted.push(t.col[k] as number);
      continue;
    }
    if (target.kind === 'cell') {
      if (target.sheet !== undefined && target.sheet.toLowerCase() !== t.grid.sheet.toLowerCase()) {
        return no;
      }
      if (target.row !== thisRow) return no;
      if (
        !allowed.some(
          (k) => t.col[k] !== undefined && t.grid.left + (t.col[k] as number) === target.col,
        )
      ) {
        return no;
      }
      continue;
    }
    if (target.kind === 'this-row' && target.key !== undefined) {
      if (
        !(allowed as readonly ColumnKey[]).includes(target.key) ||
        t.col[target.key] === undefined
      ) {
        return no;
      }
      continue;
    }
    return no;
  }
  return { shape: 'call', own: true, omitted };
}

function missingColumns(
  ctx: Context,
  t: LocatedTable,
  roles: Readonly<Record<Role, RoleInputs>>,
  seen: ReadonlySet<Role>,
): void {
  const need = new Map<AppraisalKey, Role[]>();
  for (const role of seen) {
    for (const key of roles[role].required) {
      if (t.col[key] !== undefined) continue;
      const list = need.get(key) ?? [];
      list.push(role);
      need.set(key, list);
    }
  }
  for (const [key, list] of need) {
    const l = label(key);
    tableFinding(ctx, t, key, 'error', 'column.missing', articleOf(key, ctx.policy), {
      en: `The table has no ${l.en} column (${l.zh}); ${list.join(', ')} rows need it.`,
      zh: `表中没有“${l.zh}”列；${list.join('、')} 行必须填写此项。`,
    });
  }
  if (t.col.id === undefined) {
    tableFinding(ctx, t, 'id', 'warning', 'column.missing', '—', {
      en: 'The table has no Employee ID column (工号); duplicates cannot be checked and clients and loans cannot be linked to managers.',
      zh: '表中没有“工号”列；无法检查重复，也无法将客户和贷款关联到客户经理。',
    });
  }
}
