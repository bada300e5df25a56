/**
 * An exact integer path for CM.RISK_RESERVE (Art. 25(2), POLICY §4), for the hot case of a
 * manager's income and balance with few decimals: both read at Excel's 15 significant digits
 * as integer counts of 10^-(places+2) yuan, the rate as the fraction p/q from the policy data,
 * and the withholding max(0, min(rate × income, cap − balance)) rounded half away from zero to
 * the cent, or the room rounded down when rounding would pass the cap, all in integers below
 * 2^53. Anything unusual returns undefined and the decimal path answers instead. Property tests
 * hold both paths equal.
 */
import { Decimal } from './decimal';
import { num } from './compare';
import { readRole } from './input';
import type { Policy } from './policy-types';
import { perPolicy } from './per-policy';
import { isManagerGrade, type ManagerGrade } from './roles';
import { DIGITS_15, exactInt, floorDiv, SAFE, scaledInput } from './exact-int';

/** Inputs carry this many decimal places more than the result (0.025 yuan: 20% is 0.005). */
const EXTRA_PLACES = 2;

interface Compiled {
  /** Inputs are read as integer counts of 1/scale yuan. */
  readonly scale: number;
  /** How many 1/scale in a unit of the result (0.01 yuan). */
  readonly unit: number;
  readonly p: number;
  readonly q: number;
  readonly caps: Readonly<Record<ManagerGrade, number>>;
  /** The result's unit as a decimal (0.01). */
  readonly step: Decimal;
  /** Result units in a yuan (100), a double exactly. */
  readonly perYuan: number;
}

function compile(policy: Policy): Compiled | null {
  const r = policy.reserve;
  const scale = 10 ** (r.moneyPlaces + EXTRA_PLACES);
  const [p, q] = num(r.rate)
    .toFraction()
    .map((d) => exactInt(d));
  if (p === undefined || q === undefined || p < 0 || q <= 0 || p > 1000 || q > 1000) return null;
  const caps = {} as Record<ManagerGrade, number>;
  for (const role of Object.keys(r.caps) as ManagerGrade[]) {
    const cap = exactInt(num(r.caps[role]).times(scale));
    // A cap times q, and twice the share, must stay exact.
    if (cap === undefined || cap < 0 || cap * q >= SAFE) return null;
    caps[role] = cap;
  }
  return {
    scale,
    unit: 10 ** EXTRA_PLACES,
    p,
    q,
    caps,
    step: new Decimal(10).pow(-r.moneyPlaces),
    perYuan: 10 ** r.moneyPlaces,
  };
}

const compiledFor = perPolicy(compile);

/** This month's withholding in result units (cents), or undefined when the decimal path must answer. */
function fastUnits(
  c: Compiled,
  roleRaw: unknown,
  incomeRaw: unknown,
  balanceRaw: unknown,
): number | undefined {
  const role = readRole(roleRaw);
  if (!role.ok || !isManagerGrade(role.value)) return undefined;
  const cap = c.caps[role.value];
  if (cap === undefined) return undefined;
  const income = scaledInput(incomeRaw, c.scale, 0, Math.floor(SAFE / (2 * c.p + 1)));
  if (income === undefined) return undefined;
  const balance =
    balanceRaw === null || balanceRaw === undefined ? 0 : scaledInput(balanceRaw, c.scale, 0, SAFE);
  if (balance === undefined) return undefined;
  const room = cap > balance ? cap - balance : 0;
  // In units of 1/(scale × q) yuan: the share and the room.
  const share = income * c.p;
  const m = share < room * c.q ? share : room * c.q;
  // Half away from zero (m ≥ 0): ⌊(2m + u) ÷ 2u⌋ with u one result unit.
  const u = c.q * c.unit;
  const units = floorDiv(2 * m + u, 2 * u);
  // Never past the cap: the room rounded down instead (POLICY §4).
  return units * c.unit > room ? floorDiv(room, c.unit) : units;
}

/** This month's withholding, or undefined when the decimal path must answer. */
export function fastRiskReserve(
  roleRaw: unknown,
  incomeRaw: unknown,
  balanceRaw: unknown,
  policy: Policy,
): Decimal | undefined {
  const c = compiledFor(policy);
  if (c === null) return undefined;
  const units = fastUnits(c, roleRaw, incomeRaw, balanceRaw);
  if (units === undefined) return undefined;
  return units === 0 ? new Decimal(0) : new Decimal(units).times(c.step);
}

/**
 * This month's withholding as the number Excel shows: the double nearest the exact amount,
 * which is what the exact Decimal's toNumber() gives (units ÷ 10^places, both exact doubles, is
 * one correctly rounded IEEE division). Within 15 digits, so reading it back at Excel's 15
 * significant digits gives the exact amount again. Undefined when the decimal path must answer.
 */
export function fastRiskReserveNumber(
  roleRaw: unknown,
  incomeRaw: unknown,
  balanceRaw: unknown,
  policy: Policy,
): number | undefined {
  const c = compiledFor(policy);
  if (c === null) return undefined;
  const units = fastUnits(c, roleRaw, incomeRaw, balanceRaw);
  return units === undefined || units >= DIGITS_15 ? undefined : units / c.perYuan;
}
