/**
 * The audit's rows and cells (SHEETS.md "Audit"), kept light: an audit of 100,000 rows holds
 * 300,000 computed cells. A row keeps each cell's values (the policy's, the reported, the
 * recalculated, the formula) in its own fields and its statuses and verdicts packed in one
 * number; its cells, their addresses and their overall verdicts are read through getters.
 */
import type { Role } from '../rules';
import type { FormulaStatus } from './check-appraisal';
import type { ComputedKey } from './columns';
import type { Finding } from './findings';
import type { CellValue } from './grid';

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
export const SLOT_KEYS: readonly ComputedKey[] = ['score', 'outcome', 'reserve_deduction'];

/** Verdicts as packed: their index here. */
export const VERDICTS: readonly Verdict[] = ['ok', 'mismatch', 'stale', 'busy'];
export const OK = 0;
export const MISMATCH = 1;
export const STALE = 2;
export const BUSY_VERDICT = 3;

const STATUSES: readonly FormulaStatus[] = ['own', 'call', 'wrapped', 'other', 'constant', 'blank'];
const STATUS_CODE: Readonly<Record<FormulaStatus, number>> = {
  own: 0,
  call: 1,
  wrapped: 2,
  other: 3,
  constant: 4,
  blank: 5,
};

/** The overall verdict of a cell from its reported and recalculated ones (codes). */
export function overallVerdict(reported: number, recalculated: number): number {
  if (reported === STALE || reported === MISMATCH) return reported;
  if (recalculated === MISMATCH) return MISMATCH;
  return reported === BUSY_VERDICT || recalculated === BUSY_VERDICT ? BUSY_VERDICT : OK;
}

// Eight bits per slot: the formula status (3), the reported verdict (2), the recalculated
// verdict (2), and whether the slot holds a cell (1).
const PRESENT = 0x80;

/** A slot's packed facts. */
export function packCell(status: FormulaStatus, reported: number, recalculated: number): number {
  return PRESENT | STATUS_CODE[status] | (reported << 3) | (recalculated << 5);
}

function slotBits(bits: number, slot: number): number {
  return (bits >>> (slot * 8)) & 0xff;
}

/** What the rows of one table share: their sheet and the column letters of each slot. */
export interface RowTable {
  readonly sheet: string;
  readonly letters: readonly [string, string, string];
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** The rows's findings, or the one shared empty list. */
export function findingsOrNone(list: readonly Finding[] | undefined): readonly Finding[] {
  return list === undefined || list.length === 0 ? NO_FINDINGS : list;
}

/**
 * An audited row. Slot i's expected, reported, recalculated value and formula are `e<i>`,
 * `p<i>`, `s<i>`, `f<i>`; `bits` packs each slot's status and verdicts (`packCell`, shifted
 * by 8 × slot).
 */
export class PackedRow implements AuditRow {
  constructor(
    private readonly table: RowTable,
    readonly row: number,
    readonly id: CellValue,
    readonly name: CellValue,
    readonly role: Role | undefined,
    readonly findings: readonly Finding[],
    readonly bits: number,
    readonly e0: CellValue,
    readonly e1: CellValue,
    readonly e2: CellValue,
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
    const r = this.of;
    return this.slot === 0 ? r.e0 : this.slot === 1 ? r.e1 : r.e2;
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
