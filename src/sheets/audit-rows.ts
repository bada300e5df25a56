/**
 * The audit of each appraisal row (SHEETS.md "Audit"), and the rows as the report keeps them.
 * A row is recomputed with the rules core: the score (Art. 13), the outcome (Art. 14, decided
 * on the recomputed score), the risk-reserve deduction (Art. 25(2)); each computed cell's
 * reported and recalculated values are compared with the policy's.
 *
 * The rows are kept light (an audit of 100,000 rows holds 300,000 computed cells): a row keeps
 * each cell's values (the policy's, the reported, the recalculated, the formula) in its own
 * fields and its statuses and verdicts packed in one number; its cells, their addresses and
 * their overall verdicts are read through getters.
 */
import {
  appraisalScore,
  fromExcelNumber,
  gradeOutcome,
  LABELS,
  OUTCOMES,
  riskReserveNumber,
  roundHalfAway,
  type Decimal,
  type Explanation,
  type Policy,
  type Role,
  type RuleError,
  type RuleResult,
  type Text,
} from '../rules';
import { FORMULA_STATUSES, type FormulaStatus } from './check-appraisal';
import { COMPUTED, COMPUTED_KEYS, type ComputedKey } from './columns';
import type { Finding } from './findings';
import type { CellValue, Grid } from './grid';
import { columnLabel } from './headers';
import { roleInputTable } from './role-inputs';
import type { LocatedTable } from './tables';

/** `busy`: the host was still calculating the cell (`#BUSY!`); it is not compared. */
export type Verdict = 'ok' | 'mismatch' | 'stale' | 'busy';

export interface AuditCell {
  readonly key: ComputedKey;
  readonly address: string;
  /** The policy's value: a number, an outcome code, or the Excel error the function gives. */
  readonly expected: CellValue;
  /** The value the workbook reported, read before recalculation. */
  readonly reported: CellValue;
  /** The value after recalculation. */
  readonly shown: CellValue;
  readonly formula: string | null;
  readonly formulaStatus: FormulaStatus;
  /** The reported value against the policy. */
  readonly reportedVerdict: Verdict;
  /** The recalculated value against the policy (never `stale`). */
  readonly recalculatedVerdict: Verdict;
  /** The cell's overall verdict: the reported one when it differs, else the recalculated one. */
  readonly verdict: Verdict;
}

export interface AuditRow {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly id: CellValue;
  readonly name: CellValue;
  readonly role?: Role;
  readonly cells: readonly AuditCell[];
  /** Validation and audit findings of this row. */
  readonly findings: readonly Finding[];
}

/** The computed cells of a row, in the order the report lists them (slot 0, 1, 2). */
const SLOT_KEYS = COMPUTED_KEYS;

/** Verdicts as packed: their index here. */
const VERDICTS: readonly Verdict[] = ['ok', 'mismatch', 'stale', 'busy'];
const OK = 0;
const MISMATCH = 1;
const STALE = 2;
const BUSY_VERDICT = 3;

// Formula statuses as validation packs them (check-appraisal.ts RowFacts).
const STATUSES = FORMULA_STATUSES;
const OWN = STATUSES.indexOf('own');

/** The overall verdict of a cell from its reported and recalculated ones (codes). */
function overallVerdict(reported: number, recalculated: number): number {
  if (reported === STALE || reported === MISMATCH) return reported;
  if (recalculated === MISMATCH) return MISMATCH;
  return reported === BUSY_VERDICT || recalculated === BUSY_VERDICT ? BUSY_VERDICT : OK;
}

// Eight bits per slot: the formula status (3), the reported verdict (2), the recalculated
// verdict (2), and whether the slot holds a cell (1).
const PRESENT = 0x80;

/** A slot's packed facts (a FORMULA_STATUSES index, verdict codes). */
function packCell(status: number, reported: number, recalculated: number): number {
  return PRESENT | status | (reported << 3) | (recalculated << 5);
}

function slotBits(bits: number, slot: number): number {
  return (bits >>> (slot * 8)) & 0xff;
}

/**
 * What the rows of one table share: their sheet, the column letters of each slot, and the
 * policy's values of the score and the reserve (slots 0 and 2) of its i-th row, at 2i and
 * 2i + 1: a number in `numbers`, unboxed (kept in the rows, 200,000 boxed numbers cost the
 * audit a sixth of its time in garbage collection), or the Excel error the function gives in
 * `errors`.
 */
interface RowTable {
  readonly sheet: string;
  readonly letters: readonly [string, string, string];
  readonly numbers: Float64Array;
  readonly errors: Map<number, string>;
}

/** Where a row's score (slot 0) or reserve (slot 2) value is kept in its RowTable. */
function numberAt(i: number, slot: number): number {
  return 2 * i + (slot >> 1);
}

/** The findings of every row without one. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * The `i`-th audited row of its table. Slot k's reported and recalculated value and formula are
 * `p<k>`, `s<k>`, `f<k>`; the policy's value is `e1` for the outcome, the table's (RowTable) for
 * the others; `bits` packs each slot's status and verdicts (`packCell`, shifted by 8 × slot).
 */
class PackedRow implements AuditRow {
  constructor(
    private readonly table: RowTable,
    readonly row: number,
    readonly id: CellValue,
    readonly name: CellValue,
    readonly role: Role | undefined,
    readonly findings: readonly Finding[],
    readonly bits: number,
    private readonly i: number,
    readonly e1: CellValue,
    readonly p0: CellValue,
    readonly p1: CellValue,
    readonly p2: CellValue,
    readonly s0: CellValue,
    readonly s1: CellValue,
    readonly s2: CellValue,
    readonly f0: string | null,
    readonly f1: string | null,
    readonly f2: string | null,
  ) {}

  get sheet(): string {
    return this.table.sheet;
  }

  /** The row's computed cells, as views on the row (each read gives new views). */
  get cells(): readonly AuditCell[] {
    const out: AuditCell[] = [];
    for (let slot = 0; slot < 3; slot++) {
      if (slotBits(this.bits, slot) & PRESENT) out.push(new PackedCell(this, slot));
    }
    return out;
  }

  /** Whether any cell's verdict is not `ok` (codes, no views made). */
  get anyNotOk(): boolean {
    for (let slot = 0; slot < 3; slot++) {
      const b = slotBits(this.bits, slot);
      if (b & PRESENT && overallVerdict((b >> 3) & 3, (b >> 5) & 3) !== OK) return true;
    }
    return false;
  }

  letters(slot: number): string {
    return this.table.letters[slot];
  }

  /** The policy's value of a slot. */
  expected(slot: number): CellValue {
    if (slot === 1) return this.e1;
    const k = numberAt(this.i, slot);
    return this.table.errors.get(k) ?? this.table.numbers[k];
  }
}

/** One computed cell of a PackedRow. */
class PackedCell implements AuditCell {
  constructor(
    private readonly of: PackedRow,
    private readonly slot: number,
  ) {}

  private get b(): number {
    return slotBits(this.of.bits, this.slot);
  }

  get key(): ComputedKey {
    return SLOT_KEYS[this.slot];
  }

  get address(): string {
    return `${this.of.letters(this.slot)}${this.of.row}`;
  }

  get expected(): CellValue {
    return this.of.expected(this.slot);
  }

  get reported(): CellValue {
    const r = this.of;
    return this.slot === 0 ? r.p0 : this.slot === 1 ? r.p1 : r.p2;
  }

  get shown(): CellValue {
    const r = this.of;
    return this.slot === 0 ? r.s0 : this.slot === 1 ? r.s1 : r.s2;
  }

  get formula(): string | null {
    const r = this.of;
    return this.slot === 0 ? r.f0 : this.slot === 1 ? r.f1 : r.f2;
  }

  get formulaStatus(): FormulaStatus {
    return STATUSES[this.b & 7];
  }

  get reportedVerdict(): Verdict {
    return VERDICTS[(this.b >> 3) & 3];
  }

  get recalculatedVerdict(): Verdict {
    return VERDICTS[(this.b >> 5) & 3];
  }

  get verdict(): Verdict {
    const b = this.b;
    return VERDICTS[overallVerdict((b >> 3) & 3, (b >> 5) & 3)];
  }
}

/** What Excel shows while an asynchronous custom function is still computing. */
export const BUSY = '#BUSY!';

function isBusy(v: CellValue): boolean {
  // Only a text holding `#` can read as #BUSY! (the test allocates, and most texts are codes).
  return typeof v === 'string' && v.indexOf('#') !== -1 && v.trim().toUpperCase() === BUSY;
}

const ERROR_TEXT: Record<RuleError['kind'], string> = {
  value: '#VALUE!',
  num: '#NUM!',
  na: '#N/A',
};

// Outcome codes and their labels in both languages, folded (Art. 14 outcomes, LABELS).
const OUTCOME_SPELLING: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const code of OUTCOMES) {
    map.set(code, code);
    map.set(LABELS[code].zh, code);
    map.set(LABELS[code].en.toUpperCase(), code);
  }
  return map;
})();

/** The policy's value of one computed cell: the rule result, shown as Excel would show it. */
function expectedValue(result: RuleResult<unknown>): CellValue {
  // Numbers (the score; the reserve as Excel shows it) and outcome codes as they are.
  return result.ok ? (result.value as number | string) : ERROR_TEXT[result.error.kind];
}

/** Why the policy gives this value: the rule's explanation, or the rule error's message. */
function why(result: RuleResult<unknown>): { en: string; zh: string } {
  return result.ok ? (result.explain() as Explanation).text : result.error.message;
}

function exactOf(result: RuleResult<unknown>): Decimal | undefined {
  // The score and the reserve are numbers within 15 significant digits: read back exactly.
  return result.ok && typeof result.value === 'number' ? fromExcelNumber(result.value) : undefined;
}

/** The value in grid column `c` of a row; null where the table has no such column. */
function cellAt(v: readonly CellValue[], c: number | undefined): CellValue {
  return c === undefined ? null : (v[c] ?? null);
}

function errorShown(shownValue: CellValue, text: string): boolean {
  return typeof shownValue === 'string' && shownValue.trim().toUpperCase() === text;
}

/** Shown equals expected at the places the policy rounds to. */
function sameNumber(
  shownValue: CellValue,
  expected: CellValue,
  result: RuleResult<unknown>,
  places: number,
): boolean {
  if (typeof expected === 'string') return errorShown(shownValue, expected);
  if (typeof shownValue !== 'number') return false;
  if (shownValue === expected) return true;
  const exact = Number.isFinite(shownValue) ? exactOf(result) : undefined;
  if (exact === undefined) return false;
  return roundHalfAway(fromExcelNumber(shownValue), places).equals(exact);
}

function sameOutcome(shownValue: CellValue, expected: CellValue): boolean {
  if (typeof shownValue !== 'string' || typeof expected !== 'string') return false;
  if (expected.startsWith('#')) return errorShown(shownValue, expected);
  const t = shownValue.trim();
  return (OUTCOME_SPELLING.get(t) ?? OUTCOME_SPELLING.get(t.toUpperCase())) === expected;
}

/** A value of computed slot `slot` (SLOT_KEYS) agrees with the policy's. */
function agrees(
  slot: number,
  result: RuleResult<unknown>,
  expected: CellValue,
  value: CellValue,
  formula: string | null,
  places: number,
): boolean {
  // The policy's own value, exactly (a number, a code, an error text): every test accepts it.
  if (value === expected) return true;
  // A cell left empty where the function does not apply to the role (an agent's score, a
  // branch head's reserve: #N/A) agrees with the policy; validation accepts it too.
  if (!result.ok && result.error.kind === 'na' && value === null && !formula) return true;
  return slot === 1 ? sameOutcome(value, expected) : sameNumber(value, expected, result, places);
}

function text(v: CellValue): string {
  if (v === null) return '(blank)';
  return typeof v === 'string' ? v : String(v);
}

/** What the rows of an audit share, and its tallies. */
export interface Run {
  readonly policy: Policy;
  /** The reported grids were given: a message says what recalculation showed. */
  readonly both: boolean;
  /** The audit's findings, in sheet order. */
  readonly out: Finding[];
  mismatches: number;
  reportedMismatches: number;
  busy: number;
}

/** What the rows of one appraisal table share. */
export interface TableAudit {
  readonly t: LocatedTable;
  readonly rows: RowTable;
  /** Grid column of each slot (SLOT_KEYS), or -1. */
  readonly cols: readonly [number, number, number];
  /** Validation's findings of the table's sheet, by 1-based sheet row. */
  readonly prior: ReadonlyMap<number, readonly Finding[]> | undefined;
  /** The reported grids of the table's sheet. */
  readonly reported: readonly Grid[] | undefined;
}

/**
 * The audit of one table's `rows` rows: its validation findings by 1-based sheet row, and the
 * reported grids of its sheet.
 */
export function tableAudit(
  t: LocatedTable,
  rows: number,
  prior: ReadonlyMap<number, readonly Finding[]> | undefined,
  reported: readonly Grid[] | undefined,
): TableAudit {
  const colOf = (k: ComputedKey): number => t.col[k] ?? -1;
  const cols = [colOf(SLOT_KEYS[0]), colOf(SLOT_KEYS[1]), colOf(SLOT_KEYS[2])] as const;
  const letterOf = (c: number): string => (c < 0 ? '' : t.letters[c]);
  return {
    t,
    rows: {
      sheet: t.grid.sheet,
      letters: [letterOf(cols[0]), letterOf(cols[1]), letterOf(cols[2])],
      numbers: new Float64Array(2 * rows),
      errors: new Map(),
    },
    cols,
    prior,
    reported,
  };
}

// Role inputs per policy, computed once (the reserve flag only changes `required`).
const inputCache = new WeakMap<Policy, ReturnType<typeof roleInputTable>>();

function inputsFor(policy: Policy): ReturnType<typeof roleInputTable> {
  let t = inputCache.get(policy);
  if (t === undefined) {
    t = roleInputTable(policy, false);
    inputCache.set(policy, t);
  }
  return t;
}

/** A value of a sheet's reported grids at a 0-based sheet position; undefined outside them. */
function reportedAt(grids: readonly Grid[], row: number, col: number): CellValue | undefined {
  for (const g of grids) {
    const y = row - g.top;
    const x = col - g.left;
    if (y >= 0 && y < g.values.length && x >= 0) {
      const r = g.values[y];
      if (x < r.length) return r[x] ?? null;
    }
  }
  return undefined;
}

/**
 * Audits the row at grid row `r` (its role and packed formula statuses from validation,
 * RowFacts); its differences go to `run.out`.
 */
export function auditRow(
  a: TableAudit,
  i: number,
  r: number,
  role: Role | undefined,
  formulas: number,
  run: Run,
): AuditRow & { readonly anyNotOk: boolean } {
  const { grid, col } = a.t;
  const policy = run.policy;
  const v = grid.values[r];
  const f = grid.formulas[r];
  const sheetRow = grid.top + r + 1;
  const roleRaw = cellAt(v, col.role);
  const inputs = role !== undefined ? inputsFor(policy)[role] : undefined;
  const depositKey =
    inputs?.deposit ?? (col.deposit_growth !== undefined ? 'deposit_growth' : 'new_deposits');
  const fourthKey =
    inputs?.fourth ?? (col.fee_growth !== undefined ? 'fee_growth' : 'new_accounts');
  const collectionRate = cellAt(v, col.collection_rate);
  const nplRatio = cellAt(v, col.npl_ratio);

  // Art. 13, recomputed from the row's inputs.
  const score = appraisalScore(
    {
      role: roleRaw,
      deposit: cellAt(v, col[depositKey]),
      nplRatio,
      collectionRate,
      fourth: cellAt(v, col[fourthKey]),
    },
    policy,
  );
  // Art. 14 reads the recomputed score; an error in the score is the outcome's error too.
  const outcome: RuleResult<unknown> | undefined =
    a.cols[1] < 0
      ? undefined
      : !score.ok
        ? score
        : gradeOutcome(
            {
              role: roleRaw,
              score: score.value,
              collectionRate,
              monthsBelowBase: cellAt(v, col.months_below_base),
              violationPoints: cellAt(v, col.violation_points),
              majorViolation: cellAt(v, col.major_violation),
              deposit: cellAt(v, col.deposit_growth),
              nplRatio,
              lossAmount: cellAt(v, col.loss_amount),
              priorDemotions: cellAt(v, col.prior_demotions),
            },
            policy,
          );
  // Art. 25(2): this month's withholding to 0.01 yuan.
  const reserve: RuleResult<unknown> | undefined =
    a.cols[2] < 0
      ? undefined
      : riskReserveNumber(
          roleRaw,
          cellAt(v, col.monthly_income),
          cellAt(v, col.reserve_balance),
          policy,
        );

  const prior = a.prior?.get(sheetRow);
  let added: Finding[] | undefined;
  let bits = 0;
  // Each slot's reported and recalculated value and formula, the outcome's policy value
  // (PackedRow's fields; the score's and reserve's go to the table).
  let e1: CellValue = null;
  let p0: CellValue = null;
  let p1: CellValue = null;
  let p2: CellValue = null;
  let s0: CellValue = null;
  let s1: CellValue = null;
  let s2: CellValue = null;
  let f0: string | null = null;
  let f1: string | null = null;
  let f2: string | null = null;
  // The outcome is stale only when the score it reads is right (else the score is the cause).
  let scoreReportedOk = true;
  let scoreRecalcOk = true;
  for (let slot = 0; slot < 3; slot++) {
    const c = a.cols[slot];
    if (c < 0) continue;
    const result = (slot === 0 ? score : slot === 1 ? outcome : reserve) as RuleResult<unknown>;
    const expected = expectedValue(result);
    const shownValue = v[c] ?? null;
    const fromFile =
      a.reported === undefined ? undefined : reportedAt(a.reported, grid.top + r, grid.left + c);
    const reportedValue = fromFile === undefined ? shownValue : fromFile;
    const formula = f?.[c] ?? null;
    const status = (formulas >>> (3 * slot)) & 7;
    const places = slot === 0 ? policy.score.totalPlaces : policy.reserve.moneyPlaces;
    const reportedOk = agrees(slot, result, expected, reportedValue, formula, places);
    const recalcOk = Object.is(reportedValue, shownValue)
      ? reportedOk
      : agrees(slot, result, expected, shownValue, formula, places);
    if (slot === 0) {
      scoreReportedOk = reportedOk;
      scoreRecalcOk = recalcOk;
    }
    // A call on the row's own inputs showing another value was not recalculated: stale.
    const rv = isBusy(reportedValue)
      ? BUSY_VERDICT
      : reportedOk
        ? OK
        : status === OWN && (slot !== 1 || scoreReportedOk)
          ? STALE
          : MISMATCH;
    const cv = isBusy(shownValue) ? BUSY_VERDICT : recalcOk ? OK : MISMATCH;
    const verdict = overallVerdict(rv, cv);
    if (verdict === BUSY_VERDICT) run.busy++;
    else if (verdict !== OK) run.mismatches++;
    if (rv === MISMATCH || rv === STALE) run.reportedMismatches++;
    bits |= packCell(status, rv, cv) << (slot * 8);
    if (slot !== 1) {
      const k = numberAt(i, slot);
      if (typeof expected === 'number') a.rows.numbers[k] = expected;
      else a.rows.errors.set(k, expected as string);
    }
    if (slot === 0) {
      p0 = reportedValue;
      s0 = shownValue;
      f0 = formula;
    } else if (slot === 1) {
      e1 = expected;
      p1 = reportedValue;
      s1 = shownValue;
      f1 = formula;
    } else {
      p2 = reportedValue;
      s2 = shownValue;
      f2 = formula;
    }
    if (verdict === OK) continue;
    const finding = auditFinding(run, {
      sheet: grid.sheet,
      address: `${a.rows.letters[slot]}${sheetRow}`,
      row: sheetRow,
      key: SLOT_KEYS[slot],
      verdict,
      reportedVerdict: rv,
      status: STATUSES[status],
      result,
      expected,
      reportedValue,
      shownValue,
      scoreOk: rv === MISMATCH ? scoreReportedOk : scoreRecalcOk,
    });
    run.out.push(finding);
    if (added === undefined) added = prior !== undefined ? prior.slice() : [];
    added.push(finding);
  }
  return new PackedRow(
    a.rows,
    sheetRow,
    cellAt(v, col.id),
    cellAt(v, col.name),
    role,
    added ?? (prior === undefined || prior.length === 0 ? NO_FINDINGS : prior),
    bits,
    i,
    e1,
    p0,
    p1,
    p2,
    s0,
    s1,
    s2,
    f0,
    f1,
    f2,
  );
}

/** One cell's difference from the policy, as a finding. */
interface Difference {
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly key: ComputedKey;
  /** Codes (audit-rows.ts VERDICTS); `verdict` is never ok. */
  readonly verdict: number;
  readonly reportedVerdict: number;
  readonly status: FormulaStatus;
  readonly result: RuleResult<unknown>;
  readonly expected: CellValue;
  readonly reportedValue: CellValue;
  readonly shownValue: CellValue;
  /** Whether the score the outcome reads is right, in the values this message is about. */
  readonly scoreOk: boolean;
}

function auditFinding(run: Run, d: Difference): Finding {
  const { key, verdict, reportedVerdict, status, expected, reportedValue, shownValue } = d;
  const spec = COMPUTED[key];
  const label = { zh: columnLabel(key, 'zh'), en: columnLabel(key, 'en') };
  const because = why(d.result);
  const both = run.both;
  // After recalculation, when that differs from what the file reported.
  const after =
    both && reportedVerdict !== OK && !Object.is(shownValue, reportedValue)
      ? {
          en: `; after recalculation it shows ${text(shownValue)}`,
          zh: `；重新计算后显示 ${text(shownValue)}`,
        }
      : { en: '', zh: '' };
  let message: Text;
  if (verdict === BUSY_VERDICT) {
    message = {
      en: `${label.en} was still calculating (${BUSY}) when read, after waiting for Excel; it was not compared with the policy's ${text(expected)}. Audit again when Excel has finished.`,
      zh: `${label.zh}读取时仍在计算（${BUSY}），等待后仍未完成；未与按办法应得的 ${text(expected)} 比较。请待 Excel 计算完成后重新稽核。`,
    };
  } else if (verdict === STALE) {
    message = {
      en: `${label.en}: the file shows ${text(reportedValue)} but CM.${spec.fn} on this row's inputs gives ${text(expected)}: the saved value is out of date${after.en}. (${because.en})`,
      zh: `${label.zh}：文件中显示 ${text(reportedValue)}，但按本行输入 CM.${spec.fn} 应为 ${text(expected)}：保存的值已过期${after.zh}。（${because.zh}）`,
    };
  } else if (reportedVerdict === MISMATCH) {
    const cause = mismatchCause(status, key, d.scoreOk);
    message = {
      en: `${label.en}: the file shows ${text(reportedValue)}; the policy gives ${text(expected)}${cause.en}${after.en}. (${because.en})`,
      zh: `${label.zh}：文件中显示 ${text(reportedValue)}；按办法应为 ${text(expected)}${cause.zh}${after.zh}。（${because.zh}）`,
    };
  } else {
    const cause = mismatchCause(status, key, d.scoreOk);
    const when = both ? { en: ' after recalculation', zh: '重新计算后' } : { en: '', zh: '' };
    message = {
      en: `${label.en} shows ${text(shownValue)}${when.en}; the policy gives ${text(expected)}${cause.en}. (${because.en})`,
      zh: `${label.zh}${when.zh}显示 ${text(shownValue)}；按办法应为 ${text(expected)}${cause.zh}。（${because.zh}）`,
    };
  }
  return {
    severity: verdict === BUSY_VERDICT ? 'warning' : 'error',
    sheet: d.sheet,
    address: d.address,
    row: d.row,
    column: key,
    rule:
      verdict === BUSY_VERDICT
        ? 'audit.busy'
        : verdict === STALE
          ? 'audit.stale'
          : 'audit.mismatch',
    article: spec.article,
    message,
  };
}

function mismatchCause(
  status: FormulaStatus,
  key: ComputedKey,
  scoreOk: boolean,
): { en: string; zh: string } {
  switch (status) {
    case 'constant':
      return { en: ' (a typed value, not a formula)', zh: '（该单元格为常量，不是公式）' };
    case 'blank':
      return { en: ' (the cell is empty)', zh: '（单元格为空）' };
    case 'call':
      return {
        en: "; the formula's arguments are not this row's input cells",
        zh: '；公式参数不是本行的输入单元格',
      };
    case 'own':
      return key === 'outcome' && !scoreOk
        ? { en: '; the score it reads is itself wrong', zh: '；其引用的考核得分本身有误' }
        : { en: '', zh: '' };
    default:
      return { en: ' (the formula is not the expected call)', zh: '（公式不是预期的函数调用）' };
  }
}
