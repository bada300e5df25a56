/**
 * The exact integer paths of CM.GRADE_OUTCOME (outcome-fast.ts) and CM.RISK_RESERVE
 * (reserve-fast.ts) against their decimal paths, with fast-check: on any input, valid or not,
 * exactly on a threshold or a hair off it, under policies with other limits, the result a user
 * sees (value, error, explanation) is the decimal path's.
 */
import fc from 'fast-check';
import {
  DEFAULT_POLICY,
  fromExcelNumber,
  gradeOutcome,
  riskReserve,
  riskReserveNumber,
  type Policy,
  type RuleResult,
} from '../../src/rules';
import { exactOutcome } from '../../src/rules/outcome';
import { fastOutcome } from '../../src/rules/outcome-fast';
import { exactRiskReserve } from '../../src/rules/reserve';
import { fastRiskReserve } from '../../src/rules/reserve-fast';
import { floorDiv, scaledInput } from '../../src/rules/exact-int';
import { clonePolicy, decimal } from './helpers';

/** Value (as text, so 2000 and 2000.00 differ only if the decimals do), error, explanation. */
function seen(r: RuleResult<unknown>): unknown {
  if (!r.ok) return { error: r.error };
  const v = r.value as { toString(): string };
  return { value: typeof v === 'string' ? v : v.toString(), why: r.explain() };
}

/** x, or x moved a hair (binary noise, or j × 10^-e for e in 9..17) or by a step of `step`. */
function near(x: fc.Arbitrary<number>, step: number): fc.Arbitrary<number> {
  return fc
    .tuple(
      x,
      fc.integer({ min: 0, max: 5 }),
      fc.integer({ min: -9, max: 9 }),
      fc.integer({ min: 9, max: 17 }),
    )
    .map(([v, how, j, e]) => {
      switch (how) {
        case 1:
          return v + j * 10 ** -e;
        case 2:
          return v + j * step;
        case 3:
          return ((v * 0.1) / 3) * 30;
        case 4:
          return v + Math.abs(v) * Number.EPSILON * j;
        default:
          return v;
      }
    });
}

/** What a cell may hold besides a good number. */
const junk = fc.constantFrom<unknown>(
  null,
  undefined,
  '',
  '  ',
  'abc',
  '12',
  true,
  false,
  NaN,
  Infinity,
  -Infinity,
  -1,
  -0,
  1e15,
  1234567890123456,
  2 ** 53,
  { error: '#N/A' },
);

function value(good: fc.Arbitrary<number>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: good, weight: 8 }, { arbitrary: junk, weight: 1 });
}

const role = fc.oneof(
  { arbitrary: fc.constantFrom('BRANCH_HEAD', 'SENIOR', 'MID', 'JUNIOR'), weight: 8 },
  {
    arbitrary: fc.constantFrom<unknown>(
      '支行行长',
      ' senior ',
      '初级客户经理',
      'AGENT',
      'boss',
      '',
      null,
      3,
    ),
    weight: 1,
  },
);

/** Values at and around the policy's limits, and anywhere in the domain. */
const scoreValue = near(fc.oneof(fc.constantFrom(70, 85, 90, 0, 130), decimal(0, 135, 3)), 0.01);
const rateValue = near(
  fc.oneof(fc.constantFrom(0.99, 0.8955, 0.1, 0, 1), decimal(0, 1, 7)),
  0.000001,
);
const growthValue = near(fc.oneof(fc.constantFrom(0.18, -1, 0), decimal(-1, 3, 7)), 0.000001);
const pointsValue = near(fc.oneof(fc.constantFrom(15, 0), decimal(0, 30, 3)), 0.01);
const countValue = near(fc.oneof(fc.constantFrom(3, 1, 0), decimal(0, 12, 1)), 1);
const lossValue = near(fc.oneof(fc.constantFrom(10000, 0), decimal(0, 50000, 3)), 0.01);

const outcomeInput = fc.record(
  {
    role,
    score: value(scoreValue),
    collectionRate: value(rateValue),
    violationPoints: value(pointsValue),
    majorViolation: fc.constantFrom<unknown>(undefined, null, false, true, 1, 0, '是', 'x', ''),
    monthsBelowBase: value(countValue),
    deposit: value(growthValue),
    nplRatio: value(rateValue),
    lossAmount: value(lossValue),
    priorDemotions: value(countValue),
  },
  { requiredKeys: ['role', 'score', 'collectionRate'] },
);

/** The default policy with its Art. 14 limits moved (some not whole at the fast path's scale). */
const outcomePolicy: fc.Arbitrary<Policy> = fc
  .record({
    managerScore: fc.constantFrom('85', '84.5', '80', '85.005'),
    managerTerminateScore: fc.constantFrom('70', '69.99', '60'),
    managerCollectionRate: fc.constantFrom('0.99', '0.9', '0.955', '0.0000001'),
    managerMonthsBelowBase: fc.constantFrom('3', '2', '2.5'),
    violationPoints: fc.constantFrom('15', '12.5', '10'),
    branchHeadNpl: fc.constantFrom('0.10', '0.05'),
    op: fc.constantFrom<'<' | '<=' | '>' | '>='>('<', '<=', '>', '>='),
  })
  .map((l) => {
    const p = clonePolicy(DEFAULT_POLICY) as unknown as {
      outcome: Record<string, { op: string; value: string }>;
    };
    p.outcome.managerScore.value = l.managerScore;
    p.outcome.managerScore.op = l.op;
    p.outcome.managerTerminateScore.value = l.managerTerminateScore;
    p.outcome.managerCollectionRate.value = l.managerCollectionRate;
    p.outcome.managerMonthsBelowBase.value = l.managerMonthsBelowBase;
    p.outcome.violationPoints.value = l.violationPoints;
    p.outcome.branchHeadNpl.value = l.branchHeadNpl;
    return p as unknown as Policy;
  });

describe('CM.GRADE_OUTCOME: the integer path equals the decimal path (Art. 14)', () => {
  it('on any input under the bank policy: same outcome, error and explanation', () => {
    let fast = 0;
    fc.assert(
      fc.property(outcomeInput, (input) => {
        if (fastOutcome(input, DEFAULT_POLICY) !== undefined) fast++;
        expect(seen(gradeOutcome(input))).toEqual(seen(exactOutcome(input)));
      }),
      { numRuns: 6000 },
    );
    // The fast path must actually be exercised, not silently skipped.
    expect(fast).toBeGreaterThan(200);
  });

  it("takes the integer path for a sheet's ordinary rows (few decimals, no blanks or text)", () => {
    const plain = fc.record({
      role: fc.constantFrom('BRANCH_HEAD', 'SENIOR', 'MID', 'JUNIOR'),
      score: decimal(0, 135, 2),
      collectionRate: decimal(0, 1, 4),
      violationPoints: decimal(0, 20, 1),
      monthsBelowBase: fc.integer({ min: 0, max: 6 }),
      deposit: decimal(-1, 2, 4),
      nplRatio: decimal(0, 0.3, 4),
    });
    fc.assert(
      fc.property(plain, (input) => {
        const fast = fastOutcome(input, DEFAULT_POLICY);
        expect(fast).toBeDefined();
        expect(fast).toBe((exactOutcome(input) as { value: unknown }).value);
      }),
      { numRuns: 2000 },
    );
  });

  it('under policies with other limits and comparisons', () => {
    fc.assert(
      fc.property(outcomePolicy, outcomeInput, (policy, input) => {
        expect(seen(gradeOutcome(input, policy))).toEqual(seen(exactOutcome(input, policy)));
      }),
      { numRuns: 3000 },
    );
  });

  it('decides exactly on the limits: a score of 85 is demoted, 85.01 retained (Art. 14(2))', () => {
    const at = { role: 'SENIOR', score: 85, collectionRate: 1 };
    expect(fastOutcome(at, DEFAULT_POLICY)).toBe('DEMOTE');
    expect(fastOutcome({ ...at, score: 85.01 }, DEFAULT_POLICY)).toBe('RETAIN');
    // 0.1 + 0.2 style noise below the 15th digit reads as the limit itself.
    expect(fastOutcome({ ...at, score: 85 + 1e-14 }, DEFAULT_POLICY)).toBe('DEMOTE');
    // More decimals than the score shows: the decimal path rounds it, the fast path declines.
    expect(fastOutcome({ ...at, score: 85.004 }, DEFAULT_POLICY)).toBeUndefined();
    expect(gradeOutcome({ ...at, score: 85.004 })).toMatchObject({ value: 'DEMOTE' });
  });
});

const moneyValue = near(
  fc.oneof(fc.constantFrom(0, 0.025, 0.005, 5000, 10000, 20000), decimal(0, 200000, 5)),
  0.01,
);

const reserveArgs = fc.tuple(
  role,
  value(moneyValue),
  fc.oneof(value(moneyValue), fc.constantFrom(4999.995, 19999.99, 9999.999, 25000)),
);

const reservePolicy: fc.Arbitrary<Policy> = fc
  .record({
    rate: fc.constantFrom('0.2', '0.15', '0.333', '0.0000001', '1'),
    cap: fc.constantFrom('5000', '4999.99', '1234.5678', '0'),
    places: fc.constantFrom(2, 0, 3),
  })
  .map((l) => {
    const p = clonePolicy(DEFAULT_POLICY) as unknown as {
      reserve: { rate: string; caps: Record<string, string>; moneyPlaces: number };
    };
    p.reserve.rate = l.rate;
    p.reserve.caps.JUNIOR = l.cap;
    p.reserve.moneyPlaces = l.places;
    return p as unknown as Policy;
  });

describe('CM.RISK_RESERVE: the integer path equals the decimal path (Art. 25(2), POLICY §4)', () => {
  it('on any input under the bank policy: same withholding to the cent, error and explanation', () => {
    let fast = 0;
    fc.assert(
      fc.property(reserveArgs, ([r, income, balance]) => {
        if (fastRiskReserve(r, income, balance, DEFAULT_POLICY) !== undefined) fast++;
        expect(seen(riskReserve(r, income, balance))).toEqual(
          seen(exactRiskReserve(r, income, balance)),
        );
      }),
      { numRuns: 6000 },
    );
    expect(fast).toBeGreaterThan(1500);
  });

  it("takes the integer path for a sheet's ordinary rows (income and balance in cents)", () => {
    const args = fc.tuple(
      fc.constantFrom('SENIOR', 'MID', 'JUNIOR'),
      decimal(0, 500000, 2),
      fc.option(decimal(0, 25000, 2), { nil: null }),
    );
    fc.assert(
      fc.property(args, ([r, income, balance]) => {
        const fast = fastRiskReserve(r, income, balance, DEFAULT_POLICY);
        expect(fast?.toString()).toBe(
          (
            exactRiskReserve(r, income, balance) as { value: { toString(): string } }
          ).value.toString(),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('under policies with other rates, caps and places', () => {
    fc.assert(
      fc.property(reservePolicy, reserveArgs, (policy, [r, income, balance]) => {
        expect(seen(riskReserve(r, income, balance, policy))).toEqual(
          seen(exactRiskReserve(r, income, balance, policy)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("as a number (CM.RISK_RESERVE, the audit): the exact amount's nearest double, same error and explanation", () => {
    const asNumber = (r: RuleResult<{ toNumber(): number }>) =>
      r.ok ? { value: r.value.toNumber(), why: r.explain() } : { error: r.error };
    const asIs = (r: RuleResult<number>) =>
      r.ok ? { value: r.value, why: r.explain() } : { error: r.error };
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(DEFAULT_POLICY), reservePolicy),
        reserveArgs,
        (policy, [r, income, balance]) => {
          const n = asIs(riskReserveNumber(r, income, balance, policy));
          expect(n).toEqual(asNumber(exactRiskReserve(r, income, balance, policy)));
          // Excel reads 15 significant digits: the number reads back as the exact amount.
          const exact = exactRiskReserve(r, income, balance, policy);
          if (exact.ok && exact.value.precision(true) <= 15) {
            expect(fromExcelNumber(n.value as number).equals(exact.value)).toBe(true);
          }
        },
      ),
      { numRuns: 4000 },
    );
    // A cap of 10^15 cents and more is past 15 digits: the decimal path answers, still its toNumber.
    const p = clonePolicy(DEFAULT_POLICY) as unknown as {
      reserve: { caps: Record<string, string> };
    };
    p.reserve.caps.JUNIOR = '90000000000000';
    const big = riskReserveNumber('JUNIOR', 450000000000000, 0, p as unknown as Policy);
    expect(big).toMatchObject({ ok: true, value: 90000000000000 });
  });

  it('rounds half away from zero, and never past the cap', () => {
    const cents = (x: unknown, b: unknown) =>
      fastRiskReserve('JUNIOR', x, b, DEFAULT_POLICY)?.toFixed(2);
    expect(cents(0.025, 0)).toBe('0.01'); // 0.005 → 0.01
    expect(cents(0.024, 0)).toBe('0.00');
    expect(cents(10.025, 0)).toBe('2.01'); // 2.005 → 2.01
    expect(cents(8000, 4000)).toBe('1000.00'); // only 1,000 left to the 5,000 cap
    // 0.005 of room left: 20% of 0.025 rounds to 0.01, past the cap; the room rounds down.
    expect(cents(0.025, 4999.995)).toBe('0.00');
  });
});

describe('the integer helpers the fast paths share', () => {
  it('floorDiv is ⌊a ÷ b⌋ exactly for integers below 2^53', () => {
    const big = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(big, fc.integer({ min: 1, max: 2 ** 40 }), (a, b) => {
        expect(floorDiv(a, b)).toBe(Number(BigInt(a) / BigInt(b)));
      }),
      { numRuns: 5000 },
    );
    expect(floorDiv(Number.MAX_SAFE_INTEGER, 2)).toBe(2 ** 52 - 1);
  });

  it('scaledInput reads 15 significant digits: a 16-digit count is refused', () => {
    expect(scaledInput(0.1 + 0.2, 10, 0, 100)).toBe(3);
    expect(scaledInput(999999999999999, 1, 0, 2 ** 51)).toBe(999999999999999);
    expect(scaledInput(1234567890123456, 1, 0, 2 ** 51)).toBeUndefined();
    expect(scaledInput(0.1234567, 1e6, 0, 1e6)).toBeUndefined();
  });
});
