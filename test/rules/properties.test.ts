/**
 * Properties of the rules core, checked with fast-check over random inputs: ranges, monotonicity,
 * the ordering of outcomes, the reserve cap, the agreement of the two score paths and of the two
 * step readings, explanations, and that no rule ever throws whatever it is given.
 */
import fc from 'fast-check';
import {
  appraisalScore,
  clientTier,
  collectionDuty,
  Decimal,
  DEFAULT_POLICY,
  fromExcelNumber,
  gradeOutcome,
  loanApprover,
  loanAuthority,
  monthsBelowBase,
  nextGrade,
  promotionEligible,
  qualification,
  readBoolean,
  readNumber,
  readOptionalNumber,
  readRole,
  reserveRefund,
  reserveSchedule,
  riskReserve,
  scoreBreakdown,
  type Outcome,
  type Policy,
  type RuleResult,
  type ScoredRole,
} from '../../src/rules';
import { checkPolicy, loadPolicyJson } from '../../src/policy/load';
import { articleText } from '../../src/rules/article';
import { fastTotal } from '../../src/rules/score-fast';
import { clonePolicy, decimal } from './helpers';

const RUNS = { numRuns: 1000 };

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/**
 * The same number as a workbook may hand it over after arithmetic: binary noise in the last
 * bits that Excel's 15-digit display hides (0.1 + 0.2, 0.7 ÷ 0.1, …).
 */
function noisy(x: fc.Arbitrary<number>): fc.Arbitrary<number> {
  return fc
    .tuple(x, fc.constantFrom('none', 'add', 'sub', 'mul', 'div', 'ulp+', 'ulp-'))
    .map(([v, how]) => {
      switch (how) {
        case 'add':
          return v + 0.1 - 0.1;
        case 'sub':
          return v - 0.07 + 0.07;
        case 'mul':
          return ((v * 0.1) / 3) * 30;
        case 'div':
          return (v / 0.7) * 0.7;
        case 'ulp+':
          return v + Math.abs(v) * Number.EPSILON;
        case 'ulp-':
          return v - Math.abs(v) * Number.EPSILON;
        default:
          return v;
      }
    });
}

interface Row {
  role: ScoredRole | string;
  deposit: number;
  nplRatio: number;
  collectionRate: number;
  fourth: number;
}

const ROLE_TEXT: Record<ScoredRole, readonly string[]> = {
  BRANCH_HEAD: ['BRANCH_HEAD', 'branch_head', '支行行长', '行长', '营业部总经理'],
  SENIOR: ['SENIOR', 'senior', '高级', '高级客户经理'],
  MID: ['MID', 'Mid', '中级', '中级客户经理'],
  JUNIOR: ['JUNIOR', 'junior', '初级', '初级客户经理'],
};

const scoredRole = fc.constantFrom<ScoredRole>('BRANCH_HEAD', 'SENIOR', 'MID', 'JUNIOR');
const growth = (d = 8) => decimal(-1, 1.2, d);
const rate = (d = 8) => decimal(0, 1, d);
/** Rates where the score moves: NPL 0–8%, collection 98–100%. */
const npl = (d = 8) => fc.oneof(rate(d), decimal(0, 0.08, d));
const collection = (d = 8) => fc.oneof(rate(d), decimal(0.98, 1, d));

function depositFor(role: ScoredRole, d = 8): fc.Arbitrary<number> {
  // POLICY §1.1: a JUNIOR's new deposits are a change and may be negative.
  return role === 'JUNIOR' ? decimal(-3000000, 3000000, Math.min(d, 2)) : growth(d);
}
function fourthFor(role: ScoredRole, d = 8): fc.Arbitrary<number> {
  return role === 'BRANCH_HEAD' ? growth(d) : fc.integer({ min: 0, max: 30 });
}

/** A valid row for a role, optionally with binary noise on every number. */
function row(role: ScoredRole, withNoise: boolean, d = 8): fc.Arbitrary<Row> {
  const n = (a: fc.Arbitrary<number>) => (withNoise ? noisy(a) : a);
  return fc.record({
    role: fc.constantFrom(...ROLE_TEXT[role]),
    deposit: n(depositFor(role, d)),
    nplRatio: n(npl(d)),
    collectionRate: n(collection(d)),
    fourth: n(fourthFor(role, d)),
  });
}
const anyRow = (withNoise = false) => scoredRole.chain((r) => row(r, withNoise));

const CANONICAL: Record<string, ScoredRole> = Object.fromEntries(
  Object.entries(ROLE_TEXT).flatMap(([r, ts]) => ts.map((t) => [t, r as ScoredRole])),
);

function must<T>(r: RuleResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.kind} ${r.error.param}: ${r.error.message.en}`);
  return r.value;
}

/** Any JS value a workbook, a script or a bug could pass, with the special numbers. */
const SPECIAL_NUMBERS = [
  NaN,
  -0,
  0,
  Infinity,
  -Infinity,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1e21,
  1e-7,
  -1e-300,
  0.30000000000000004,
  1.0000000000000002,
  0.9999999999999999,
];
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom<unknown>(...SPECIAL_NUMBERS),
  fc.double(),
  fc.constantFrom<unknown>(
    Symbol('cell'),
    () => 1,
    '',
    ' ',
    'TRUE',
    '是',
    '否',
    'SENIOR',
    '支行行长',
    'AGENT',
    'DEMOTE',
    '__proto__',
    'constructor',
    'toString',
    [],
    [1, 2],
    Object.create(null) as unknown,
  ),
);

/** A rule answered: a value (whose explanation also works) or a well-formed rule error. */
function answered(r: RuleResult<unknown>): boolean {
  if (r.ok) {
    const e = r.explain();
    return (
      typeof e.article === 'string' &&
      typeof e.text.en === 'string' &&
      typeof e.text.zh === 'string'
    );
  }
  return (
    ['value', 'num', 'na'].includes(r.error.kind) &&
    typeof r.error.param === 'string' &&
    r.error.param.length > 0 &&
    typeof r.error.message.en === 'string' &&
    typeof r.error.message.zh === 'string'
  );
}

// ---------------------------------------------------------------------------------------------
// Score
// ---------------------------------------------------------------------------------------------

describe('appraisal score properties', () => {
  it('stays within the role’s range: 0–135 for a branch head, 0–130 for the grades', () => {
    fc.assert(
      fc.property(anyRow(true), (r) => {
        const s = must(appraisalScore(r));
        const max = CANONICAL[r.role] === 'BRANCH_HEAD' ? 135 : 130;
        return s >= 0 && s <= max && Math.round(s * 100) / 100 === s;
      }),
      RUNS,
    );
  });

  it('POLICY §1.1: any negative JUNIOR new deposits give the deposit item exactly 0 (never #NUM!)', () => {
    const negative = fc.oneof(
      decimal(-3000000, -0.01, 2),
      fc.double({ min: -1e15, max: -Number.MIN_VALUE, noNaN: true }),
    );
    fc.assert(
      fc.property(row('JUNIOR', false), negative, (r, amount) => {
        const b = must(scoreBreakdown({ ...r, deposit: amount }));
        expect(b.deposit.toNumber()).toBe(0);
        const fast = fastTotal({ ...r, deposit: amount }, DEFAULT_POLICY);
        if (fast !== undefined) expect(fast).toBe(b.total.toNumber());
      }),
      { numRuns: 2000 },
    );
  });

  it('the fast path equals the decimal path on valid inputs with 0–8 decimals', () => {
    let fastUsed = 0;
    fc.assert(
      fc.property(anyRow(false), (r) => {
        const exact = must(scoreBreakdown(r)).total.toNumber();
        const fast = fastTotal(r, DEFAULT_POLICY);
        if (fast !== undefined) fastUsed++;
        expect(must(appraisalScore(r))).toBe(exact);
        if (fast !== undefined) expect(fast).toBe(exact);
      }),
      { numRuns: 5000 },
    );
    // The fast path must actually be exercised, not silently skipped.
    expect(fastUsed).toBeGreaterThan(2500);
  });

  it('the fast path equals the decimal path on inputs carrying binary noise', () => {
    fc.assert(
      fc.property(anyRow(true), (r) => {
        const exact = must(scoreBreakdown(r)).total.toNumber();
        const fast = fastTotal(r, DEFAULT_POLICY);
        expect(must(appraisalScore(r))).toBe(exact);
        if (fast !== undefined) expect(fast).toBe(exact);
      }),
      { numRuns: 5000 },
    );
  });

  it('the fast path equals the decimal path a hair off the grid it reads (digits 9–17)', () => {
    // x = a value of ≤ 6 decimals + j × 10^-e: whether the 15-digit reading keeps the offset
    // depends on e and on the size of x, which is where a loose fast path would go wrong.
    const hair = (a: fc.Arbitrary<number>) =>
      fc
        .tuple(a, fc.integer({ min: -99, max: 99 }), fc.integer({ min: 9, max: 17 }))
        .map(([x, j, e]) => x + j * 10 ** -e);
    const nearRow = scoredRole.chain((role) =>
      fc.record({
        role: fc.constant(role),
        deposit: role === 'JUNIOR' ? hair(decimal(0, 3000000, 2)).map(Math.abs) : hair(growth(6)),
        nplRatio: hair(npl(6)).filter((x) => x >= 0 && x <= 1),
        collectionRate: hair(collection(6)).filter((x) => x >= 0 && x <= 1),
        fourth: role === 'BRANCH_HEAD' ? hair(growth(6)) : fc.integer({ min: 0, max: 30 }),
      }),
    );
    fc.assert(
      fc.property(nearRow, (r) => {
        const exact = scoreBreakdown(r);
        const fast = fastTotal(r, DEFAULT_POLICY);
        if (fast !== undefined) expect(fast).toBe(must(exact).total.toNumber());
      }),
      { numRuns: 20000 },
    );
  });

  it('the fast path rounds like the decimal path at x.xx5 ties, on and a hair off them', () => {
    // Deposit points 40 + (2m + 1) × 0.005 are ties at 2 places; the 15-digit reading decides
    // whether an input a hair below the tie rounds up or down.
    const tie = fc
      .tuple(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -9, max: 9 }),
        fc.integer({ min: 14, max: 18 }),
      )
      .map(([m, j, e]) => 0.3 + (2 * m + 1) * 0.000025 + j * 10 ** -e);
    fc.assert(
      fc.property(tie, fc.constantFrom('SENIOR', 'MID', 'BRANCH_HEAD'), (deposit, role) => {
        const r = {
          role,
          deposit,
          nplRatio: 0,
          collectionRate: 0.995,
          fourth: role === 'BRANCH_HEAD' ? 0.2 : 10,
        };
        const fast = fastTotal(r, DEFAULT_POLICY);
        if (fast !== undefined) expect(fast).toBe(must(scoreBreakdown(r)).total.toNumber());
      }),
      { numRuns: 20000 },
    );
  });

  it('the fast path agrees on realistic rows: rates with 1–4 decimals, yuan with 0–2', () => {
    let fastUsed = 0;
    const realistic = scoredRole.chain((role) => row(role, false, 4));
    fc.assert(
      fc.property(realistic, (r) => {
        const fast = fastTotal(r, DEFAULT_POLICY);
        if (fast !== undefined) fastUsed++;
        expect(must(appraisalScore(r))).toBe(must(scoreBreakdown(r)).total.toNumber());
      }),
      { numRuns: 2000 },
    );
    expect(fastUsed).toBe(2000);
  });

  it('the two paths agree on success, kind of error and value for arbitrary inputs', () => {
    const field = fc.oneof(anyValue, rate(), growth(), fc.integer({ min: -5, max: 40 }));
    const input = fc.record({
      role: fc.oneof(anyValue, fc.constantFrom('SENIOR', 'MID', 'JUNIOR', 'BRANCH_HEAD', 'AGENT')),
      deposit: field,
      nplRatio: field,
      collectionRate: field,
      fourth: field,
    });
    fc.assert(
      fc.property(input, (r) => {
        const a = appraisalScore(r);
        const b = scoreBreakdown(r);
        expect(a.ok).toBe(b.ok);
        if (a.ok && b.ok) expect(a.value).toBe(b.value.total.toNumber());
        if (!a.ok && !b.ok) expect(a.error).toEqual(b.error);
      }),
      { numRuns: 3000 },
    );
  });

  it('the fast path also equals the decimal path under the all_or_nothing option', () => {
    const p: Policy = {
      ...clonePolicy(DEFAULT_POLICY),
      options: { whole_steps: false, all_or_nothing: true },
    };
    fc.assert(
      fc.property(anyRow(true), (r) => {
        expect(must(appraisalScore(r, p))).toBe(must(scoreBreakdown(r, p)).total.toNumber());
      }),
      RUNS,
    );
  });

  /** Two values a ≤ b from an arbitrary. */
  const ordered = (a: fc.Arbitrary<number>) =>
    fc.tuple(a, a).map(([x, y]): [number, number] => (x <= y ? [x, y] : [y, x]));

  it('more deposits never lower a score', () => {
    fc.assert(
      fc.property(
        scoredRole.chain((role) => fc.tuple(row(role, true), ordered(depositFor(role)))),
        ([r, [lo, hi]]) =>
          must(appraisalScore({ ...r, deposit: lo })) <=
          must(appraisalScore({ ...r, deposit: hi })),
      ),
      RUNS,
    );
  });

  it('a higher collection rate never lowers a score', () => {
    fc.assert(
      fc.property(fc.tuple(anyRow(true), ordered(collection())), ([r, [lo, hi]]) => {
        return (
          must(appraisalScore({ ...r, collectionRate: lo })) <=
          must(appraisalScore({ ...r, collectionRate: hi }))
        );
      }),
      RUNS,
    );
  });

  it('more fee income or more new accounts never lower a score', () => {
    fc.assert(
      fc.property(
        scoredRole.chain((role) => fc.tuple(row(role, true), ordered(fourthFor(role)))),
        ([r, [lo, hi]]) =>
          must(appraisalScore({ ...r, fourth: lo })) <= must(appraisalScore({ ...r, fourth: hi })),
      ),
      RUNS,
    );
  });

  it('a higher NPL ratio never raises a score', () => {
    fc.assert(
      fc.property(fc.tuple(anyRow(true), ordered(npl())), ([r, [lo, hi]]) => {
        return (
          must(appraisalScore({ ...r, nplRatio: lo })) >=
          must(appraisalScore({ ...r, nplRatio: hi }))
        );
      }),
      RUNS,
    );
  });

  it('whole_steps and pro rata agree when the deviation is a whole number of steps', () => {
    const whole: Policy = {
      ...clonePolicy(DEFAULT_POLICY),
      options: { whole_steps: true, all_or_nothing: false },
    };
    const steps = fc.integer({ min: -60, max: 60 });
    const wholeRow = scoredRole.chain((role) =>
      fc.record({
        role: fc.constant(role),
        // target + k steps, written as a decimal (30% + k%, 100万 + k × 1万, …)
        deposit: steps
          .map((k) =>
            role === 'JUNIOR' ? 1000000 + k * 10000 : Number(((30 + k) / 100).toFixed(2)),
          )
          .filter((x) => x >= (role === 'JUNIOR' ? 0 : -1)),
        nplRatio: npl(),
        collectionRate: fc
          .integer({ min: -20, max: 5 })
          .map((k) => Number(((995 + k) / 1000).toFixed(3))),
        fourth:
          role === 'BRANCH_HEAD'
            ? steps.map((k) => Number(((20 + 2 * k) / 100).toFixed(2))).filter((x) => x >= -1)
            : fc.integer({ min: 0, max: 30 }),
      }),
    );
    fc.assert(
      fc.property(wholeRow, (r) => {
        const a = must(scoreBreakdown(r));
        const b = must(scoreBreakdown(r, whole));
        expect(b.deposit.toString()).toBe(a.deposit.toString());
        expect(b.collection.toString()).toBe(a.collection.toString());
        expect(b.fourth.toString()).toBe(a.fourth.toString());
        expect(must(appraisalScore(r, whole))).toBe(must(appraisalScore(r)));
      }),
      RUNS,
    );
  });

  it('whole_steps never moves an item further from its base than pro rata does', () => {
    const whole: Policy = {
      ...clonePolicy(DEFAULT_POLICY),
      options: { whole_steps: true, all_or_nothing: false },
    };
    fc.assert(
      fc.property(anyRow(true), (r) => {
        const a = must(scoreBreakdown(r));
        const b = must(scoreBreakdown(r, whole));
        const base = (x: typeof a.deposit, center: number) => x.minus(center).abs();
        return (
          base(b.deposit, 40).lessThanOrEqualTo(base(a.deposit, 40)) &&
          base(b.collection, 20).lessThanOrEqualTo(base(a.collection, 20))
        );
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Outcome
// ---------------------------------------------------------------------------------------------

const SEVERITY: Record<Outcome, number> = { RETAIN: 0, DEMOTE: 1, TERMINATE: 2 };

const outcomeFacts = scoredRole.chain((role) =>
  fc.record({
    role: fc.constant(role),
    collectionRate: noisy(collection(6)),
    monthsBelowBase: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 6 })),
    violationPoints: fc.oneof(fc.constant(undefined), decimal(0, 20, 2)),
    majorViolation: fc.oneof(
      fc.constant(undefined),
      fc.boolean(),
      fc.constantFrom('是', '否', 1, 0),
    ),
    deposit: role === 'BRANCH_HEAD' ? noisy(growth(6)) : fc.constant(undefined),
    nplRatio: role === 'BRANCH_HEAD' ? noisy(decimal(0, 0.2, 6)) : fc.constant(undefined),
    lossAmount: fc.oneof(fc.constant(undefined), decimal(0, 20000, 2)),
    priorDemotions: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 2 })),
  }),
);
/** Scores around every Art. 14 threshold, with 0–4 decimals and noise. */
const scoreValue = noisy(
  fc.oneof(
    decimal(0, 135, 4),
    decimal(69.99, 70.02, 4),
    decimal(84.99, 85.02, 4),
    decimal(89.99, 90.02, 4),
  ),
);

describe('grade outcome properties', () => {
  it('a lower score never gives a milder outcome, other facts fixed', () => {
    fc.assert(
      fc.property(outcomeFacts, scoreValue, scoreValue, (facts, s1, s2) => {
        const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const low = must(gradeOutcome({ ...facts, score: lo }));
        const high = must(gradeOutcome({ ...facts, score: hi }));
        return SEVERITY[low] >= SEVERITY[high];
      }),
      { numRuns: 3000 },
    );
  });

  it('the explanation always names the article of the deciding rule, in both languages', () => {
    fc.assert(
      fc.property(outcomeFacts, scoreValue, (facts, score) => {
        const r = gradeOutcome({ ...facts, score });
        if (!r.ok) throw new Error(r.error.message.en);
        const e = r.explain();
        const head = facts.role === 'BRANCH_HEAD';
        const expected: Record<string, string[]> = {
          TERMINATE: head
            ? ['Art. 14(3)', 'Art. 14(1)2', 'Art. 14(1)1']
            : ['Art. 14(3)', 'Art. 14(2)'],
          DEMOTE: head ? ['Art. 14(1)1'] : ['Art. 14(2)'],
          RETAIN: ['Art. 14'],
        };
        expect(expected[r.value]).toContain(e.article);
        expect(e.text.en.startsWith(`${e.article}: `)).toBe(true);
        expect(e.text.zh.startsWith(`${articleText(e.article, 'zh')}：`)).toBe(true);
        expect(e.text.en.endsWith(`→ ${r.value}`)).toBe(true);
        expect(e.values.outcome).toBe(r.value);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the score as shown: any score equal at 2 places gives the same outcome', () => {
    fc.assert(
      fc.property(
        outcomeFacts,
        decimal(0, 135, 2),
        fc.integer({ min: -4999, max: 4999 }),
        (facts, shown, jitter) => {
          const raw = shown + jitter / 1e6; // within ±0.004999 of the shown score
          if (raw < 0) return true;
          return (
            must(gradeOutcome({ ...facts, score: raw })) ===
            must(gradeOutcome({ ...facts, score: shown }))
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Reserve
// ---------------------------------------------------------------------------------------------

const CAPS = { SENIOR: 20000, MID: 10000, JUNIOR: 5000 } as const;

describe('risk reserve properties', () => {
  it('the balance of a schedule never passes the cap when it opens at or below it', () => {
    const schedule = fc.constantFrom<keyof typeof CAPS>('SENIOR', 'MID', 'JUNIOR').chain((role) =>
      fc.record({
        role: fc.constant(role),
        opening: fc.oneof(
          decimal(0, CAPS[role], 4),
          fc.constant(CAPS[role]),
          decimal(CAPS[role] - 1, CAPS[role], 4),
        ),
        incomes: fc.array(noisy(decimal(0, 60000, 4)), { minLength: 1, maxLength: 24 }),
      }),
    );
    fc.assert(
      fc.property(schedule, ({ role, opening, incomes }) => {
        const months = must(reserveSchedule(role, incomes, opening));
        let previous = fromExcelNumber(opening);
        for (const m of months) {
          const v = must(m!);
          expect(v.balance.lessThanOrEqualTo(CAPS[role])).toBe(true);
          expect(v.deduction.isNegative()).toBe(false);
          expect(v.deduction.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(v.balance.equals(previous.plus(v.deduction))).toBe(true);
          previous = v.balance;
        }
      }),
      RUNS,
    );
  });

  it('each month of a schedule is RISK_RESERVE of that month on the carried balance', () => {
    const schedule = fc.record({
      role: fc.constantFrom('SENIOR', 'MID', 'JUNIOR'),
      incomes: fc.array(decimal(0, 30000, 2), { minLength: 1, maxLength: 12 }),
    });
    fc.assert(
      fc.property(schedule, ({ role, incomes }) => {
        let balance = 0;
        for (const [i, m] of must(reserveSchedule(role, incomes, 0)).entries()) {
          const month = must(m!);
          const single = must(riskReserve(role, incomes[i], balance));
          expect(month.deduction.toString()).toBe(single.toString());
          balance = month.balance.toNumber();
        }
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// No rule throws
// ---------------------------------------------------------------------------------------------

describe('no exported rule throws, whatever it is given', () => {
  const v = anyValue;
  const list = fc.oneof(fc.array(v, { maxLength: 6 }), v);
  const cases: [string, fc.Arbitrary<unknown[]>, (...a: unknown[]) => RuleResult<unknown>][] = [
    [
      'appraisalScore',
      fc.tuple(v, v, v, v, v),
      (a, b, c, d, e) =>
        appraisalScore({ role: a, deposit: b, nplRatio: c, collectionRate: d, fourth: e }),
    ],
    [
      'scoreBreakdown',
      fc.tuple(v, v, v, v, v),
      (a, b, c, d, e) =>
        scoreBreakdown({ role: a, deposit: b, nplRatio: c, collectionRate: d, fourth: e }),
    ],
    ['appraisalScore (whole input)', fc.tuple(v), (a) => appraisalScore(a as never)],
    ['scoreBreakdown (whole input)', fc.tuple(v), (a) => scoreBreakdown(a as never)],
    [
      'gradeOutcome',
      fc.tuple(v, v, v, v, v, v, v, v, v, v),
      (
        role,
        score,
        collectionRate,
        monthsBelowBase,
        violationPoints,
        majorViolation,
        deposit,
        nplRatio,
        lossAmount,
        priorDemotions,
      ) =>
        gradeOutcome({
          role,
          score,
          collectionRate,
          monthsBelowBase,
          violationPoints,
          majorViolation,
          deposit,
          nplRatio,
          lossAmount,
          priorDemotions,
        }),
    ],
    ['gradeOutcome (whole input)', fc.tuple(v), (a) => gradeOutcome(a as never)],
    ['nextGrade', fc.tuple(v, v), (a, b) => nextGrade(a, b)],
    ['monthsBelowBase', fc.tuple(list, v), (a, b) => monthsBelowBase(a as unknown[], b)],
    ['collectionDuty', fc.tuple(v, v), (a, b) => collectionDuty(a, b)],
    ['riskReserve', fc.tuple(v, v, v), (a, b, c) => riskReserve(a, b, c)],
    ['reserveSchedule', fc.tuple(v, list, v), (a, b, c) => reserveSchedule(a, b as unknown[], c)],
    ['reserveRefund', fc.tuple(v, v, v), (a, b, c) => reserveRefund(a, b, c)],
    ['loanAuthority', fc.tuple(v, v), (a, b) => loanAuthority(a, b)],
    ['loanApprover', fc.tuple(v), (a) => loanApprover(a)],
    ['clientTier', fc.tuple(v, v), (a, b) => clientTier(a, b)],
    ['promotionEligible', fc.tuple(v, v, v), (a, b, c) => promotionEligible(a, b, c)],
    ['qualification', fc.tuple(v, v), (a, b) => qualification(a, b)],
  ];

  it.each(cases)('%s gives a value or a rule error', (_name, args, rule) => {
    fc.assert(
      fc.property(args, (a) => {
        const r = rule(...a);
        expect(answered(r)).toBe(true);
        if (r.ok && Array.isArray(r.value)) {
          for (const m of r.value as (RuleResult<unknown> | null)[]) {
            if (m !== null) expect(answered(m)).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a valid role with arbitrary numbers still never throws', () => {
    const role = fc.constantFrom('SENIOR', 'MID', 'JUNIOR', 'BRANCH_HEAD', 'AGENT', '高级');
    const n = fc.oneof(fc.double(), fc.constantFrom(...SPECIAL_NUMBERS), fc.integer());
    fc.assert(
      fc.property(role, n, n, n, n, (r, a, b, c, d) => {
        expect(
          answered(
            appraisalScore({ role: r, deposit: a, nplRatio: b, collectionRate: c, fourth: d }),
          ),
        ).toBe(true);
        expect(
          answered(gradeOutcome({ role: r, score: a, collectionRate: b, deposit: c, nplRatio: d })),
        ).toBe(true);
        expect(answered(riskReserve(r, a, b))).toBe(true);
        expect(answered(reserveSchedule(r, [a, b, c], d))).toBe(true);
        expect(answered(loanAuthority(r, a))).toBe(true);
        expect(answered(clientTier(a, b))).toBe(true);
        expect(answered(monthsBelowBase([a, b, c], d))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('the input readers answer for anything', () => {
    const read = (r: { ok: true; value: unknown } | { ok: false; error: unknown }): boolean =>
      r.ok ? r.value !== undefined : answered(r as unknown as RuleResult<unknown>);
    fc.assert(
      fc.property(v, (x) => {
        for (const kind of [
          'rate',
          'growth',
          'money',
          'change',
          'count',
          'amount',
          'months',
        ] as const) {
          expect(read(readNumber(x, 'x', kind))).toBe(true);
          expect(read(readOptionalNumber(x, 'x', kind, new Decimal(0)))).toBe(true);
        }
        expect(read(readBoolean(x, 'flag'))).toBe(true);
        expect(read(readRole(x))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('checkPolicy and loadPolicyJson answer for anything', () => {
    fc.assert(
      fc.property(v, fc.string(), (x, text) => {
        expect(typeof checkPolicy(x).ok).toBe('boolean');
        expect(typeof loadPolicyJson(text).ok).toBe('boolean');
        const json = fc.stringify(x);
        expect(typeof loadPolicyJson(json).ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
