/**
 * An exact integer path for the Art. 13 total, for the hot case of valid inputs with few
 * decimals. Every input is read at Excel's 15 significant digits as an integer count of 10^-S;
 * the items become integers over one common denominator per role, derived from the policy
 * data; the total is rounded half away from zero in integers. No float decides anything: all
 * integers stay below 2^53, where doubles are exact. Anything unusual (blank, text, an error,
 * too many decimals, a large value, option whole_steps) returns undefined and the decimal path
 * answers instead. Property tests hold both paths equal.
 */
import { Decimal } from './decimal';
import { num } from './compare';
import { exactInt, floorDiv, SAFE, scaledInput } from './exact-int';
import type {
  BandItem,
  LinearItem,
  Num,
  Policy,
  ProportionalItem,
  ScoredRole,
} from './policy-types';
import { roleFromText, type Role } from './roles';
import type { ScoreInput } from './score';

/** Decimal places an input may carry on the fast path, by its kind. */
const SCALE: Record<string, number> = { rate: 6, growth: 6, amount: 2, count: 0 };

interface FastInput {
  readonly scale: number; // 10^S
  /** Smallest and largest accepted scaled input (domain and overflow bounds). */
  readonly min: number;
  readonly max: number;
}

interface FastLinear extends FastInput {
  readonly kind: 'linear';
  readonly base: number; // base × D
  readonly target: number; // target × 10^S
  readonly factor: number; // slope × D ÷ 10^S
  readonly lo: number; // min points × D
  readonly hi: number;
}

interface FastProportional extends FastInput {
  readonly kind: 'proportional';
  readonly target: number;
  readonly factor: number; // points × D ÷ target
  readonly full: number; // points × D
  readonly allOrNothing: boolean;
}

interface FastBands extends FastInput {
  readonly kind: 'bands';
  readonly bands: readonly {
    lo: number;
    loIn: boolean;
    hi: number;
    hiIn: boolean;
    points: number;
  }[];
}

type FastItem = FastLinear | FastProportional | FastBands;

interface FastRole {
  readonly items: readonly [FastItem, FastItem, FastItem, FastItem];
  readonly denominator: number;
  readonly places: number; // 10^totalPlaces
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The slope (points per unit of input) of a linear item as an exact fraction p/q. */
function slope(item: LinearItem): [Decimal, Decimal] {
  const step = item.stepOfTarget ? num(item.target).times(num(item.step)) : num(item.step);
  const [p, q] = num(item.pointsPerStep).dividedBy(step).toFraction();
  return [p, q];
}

function denominatorOf(item: LinearItem | ProportionalItem | BandItem): Decimal | undefined {
  const scale = new Decimal(10).pow(SCALE[item.input]);
  if (item.kind === 'linear') return slope(item)[1].times(scale);
  if (item.kind === 'proportional') return num(item.target);
  return new Decimal(1);
}

function scaled(n: Num | null, scale: Decimal): number | undefined {
  return n === null ? undefined : exactInt(num(n).times(scale));
}

function domain(input: string, scale: number): [number, number] {
  switch (input) {
    case 'rate':
      return [0, scale];
    case 'growth':
      return [-scale, SAFE];
    case 'amount':
      // POLICY §1.1: new deposits are a change; any sign.
      return [-SAFE, SAFE];
    default:
      return [0, SAFE];
  }
}

function compileItem(
  item: LinearItem | ProportionalItem | BandItem,
  D: Decimal,
  allOrNothing: boolean,
): FastItem | undefined {
  const S = SCALE[item.input];
  const scale = new Decimal(10).pow(S);
  const [dmin, dmax] = domain(item.input, scale.toNumber());
  if (item.kind === 'linear') {
    const [p, q] = slope(item);
    const factor = exactInt(p.times(D).dividedBy(q.times(scale)));
    const target = scaled(item.target, scale);
    const base = exactInt(num(item.base).times(D));
    const lo = exactInt(num(item.min).times(D));
    const hi = exactInt(num(item.max).times(D));
    if (
      factor === undefined ||
      target === undefined ||
      base === undefined ||
      lo === undefined ||
      hi === undefined
    )
      return undefined;
    // Keep |x − target| × factor below 2^51.
    const reach = Math.floor(SAFE / Math.max(1, Math.abs(factor))) - Math.abs(target);
    if (reach <= 0) return undefined;
    return {
      kind: 'linear',
      scale: scale.toNumber(),
      min: Math.max(dmin, -reach),
      max: Math.min(dmax, reach),
      base,
      target,
      factor,
      lo,
      hi,
    };
  }
  if (item.kind === 'proportional') {
    const target = exactInt(num(item.target));
    const full = exactInt(num(item.points).times(D));
    const factor = exactInt(num(item.points).times(D).dividedBy(num(item.target)));
    if (target === undefined || full === undefined || factor === undefined || target <= 0)
      return undefined;
    return {
      kind: 'proportional',
      scale: 1,
      min: 0,
      max: SAFE,
      target,
      factor,
      full,
      allOrNothing,
    };
  }
  const bands = [];
  for (const b of item.bands) {
    const lo = b.lo === null ? -Infinity : scaled(b.lo, scale);
    const hi = b.hi === null ? Infinity : scaled(b.hi, scale);
    const points = exactInt(num(b.value).times(D));
    if (lo === undefined || hi === undefined || points === undefined) return undefined;
    bands.push({ lo, loIn: b.loIncluded, hi, hiIn: b.hiIncluded, points });
  }
  return { kind: 'bands', scale: scale.toNumber(), min: dmin, max: dmax, bands };
}

function compileRole(policy: Policy, role: ScoredRole): FastRole | undefined {
  const s = policy.score;
  if (policy.options.whole_steps) return undefined;
  const items = [s.deposit[role], s.npl, s.collection, s.fourth[role]] as const;
  let D = new Decimal(1);
  for (const item of items) {
    const d = denominatorOf(item);
    if (d === undefined || !d.isInteger()) return undefined;
    const g = gcd(D.toNumber(), d.toNumber());
    D = D.times(d).dividedBy(g);
  }
  const places = 10 ** s.totalPlaces;
  // The rounding step works on 2 × total × 10^places × D; it must stay exact.
  const ceiling = Decimal.max(num(s.totalRange[role].max), 1000).times(D).times(places).times(4);
  if (ceiling.greaterThanOrEqualTo(SAFE)) return undefined;
  const compiled = items.map((item) => compileItem(item, D, policy.options.all_or_nothing));
  if (compiled.some((c) => c === undefined)) return undefined;
  return { items: compiled as unknown as FastRole['items'], denominator: D.toNumber(), places };
}

const compiledPolicies = new WeakMap<Policy, Partial<Record<Role, FastRole | null>>>();

function forRole(policy: Policy, role: Role): FastRole | undefined {
  let roles = compiledPolicies.get(policy);
  if (roles === undefined) {
    roles = {};
    compiledPolicies.set(policy, roles);
  }
  let c = roles[role];
  if (c === undefined) {
    c = role === 'AGENT' ? null : (compileRole(policy, role) ?? null);
    roles[role] = c;
  }
  return c ?? undefined;
}

function itemPoints(item: FastItem, raw: unknown): number | undefined {
  const k = scaledInput(raw, item.scale, item.min, item.max);
  if (k === undefined) return undefined;
  if (item.kind === 'linear') {
    const v = item.base + (k - item.target) * item.factor;
    return v < item.lo ? item.lo : v > item.hi ? item.hi : v;
  }
  if (item.kind === 'proportional') {
    if (item.allOrNothing) return k >= item.target ? item.full : 0;
    return (k < item.target ? k : item.target) * item.factor;
  }
  for (const b of item.bands) {
    if ((b.loIn ? k >= b.lo : k > b.lo) && (b.hiIn ? k <= b.hi : k < b.hi)) return b.points;
  }
  return undefined;
}

/** The rounded total as Excel shows it, or undefined when the decimal path must answer. */
export function fastTotal(input: ScoreInput, policy: Policy): number | undefined {
  if (input === null || typeof input !== 'object' || typeof input.role !== 'string')
    return undefined;
  const role = roleFromText(input.role);
  if (role === undefined) return undefined;
  const c = forRole(policy, role);
  if (c === undefined) return undefined;
  const [di, ni, ci, fi] = c.items;
  const d = itemPoints(di, input.deposit);
  if (d === undefined) return undefined;
  const n = itemPoints(ni, input.nplRatio);
  if (n === undefined) return undefined;
  const r = itemPoints(ci, input.collectionRate);
  if (r === undefined) return undefined;
  const f = itemPoints(fi, input.fourth);
  if (f === undefined) return undefined;
  const N = d + n + r + f;
  const D = c.denominator;
  // round(N / D, places) half away from zero, in integers: floor((2·N·P + D) / 2D).
  const twice = 2 * Math.abs(N) * c.places + D;
  const q = floorDiv(twice, 2 * D);
  const total = q / c.places;
  return N < 0 ? -total : total;
}
