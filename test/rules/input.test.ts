/**
 * Reading raw cell values (POLICY §0): numbers at 15 significant digits so binary noise never
 * decides a threshold; every role spelling; booleans; and each kind of rule error.
 */
import fc from 'fast-check';
import {
  Decimal,
  fromExcelNumber,
  readBoolean,
  readNumber,
  readRole,
  ROLES,
  type Role,
} from '../../src/rules';
import { expectError, items, outcome, score, valueOf } from './helpers';

describe('binary noise is read as Excel shows it (15 significant digits)', () => {
  it('0.1 + 0.2 is read as 0.3', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(fromExcelNumber(0.1 + 0.2).toString()).toBe('0.3');
    expect(valueOf(readNumber(0.1 + 0.2, 'x', 'rate')).toString()).toBe('0.3');
    expect(valueOf(score('SENIOR', 0.1 + 0.2, 0, 0.995, 10))).toBe(100);
  });

  it('a whole number reads as its 15-digit text does (the fast path for integers)', () => {
    const viaText = (x: number) => new Decimal(x.toPrecision(15));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e9, max: 1e9 }),
          fc.maxSafeInteger(),
          fc.double({ min: -1e16, max: 1e16, noNaN: true }).map(Math.round),
        ),
        (x) => {
          expect(fromExcelNumber(x).equals(viaText(x) as never)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    expect(fromExcelNumber(123456789012345680).toString()).toBe('123456789012346000');
  });

  it('reading the same numbers again (the cache of recent readings) gives the same values', () => {
    const fresh = (x: number) => (x === 0 ? new Decimal(0) : new Decimal(x.toPrecision(15))); // the reading without the cache
    // Few distinct values, read in any order and repeatedly: hits, misses and slot collisions.
    const pool = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        pool.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.array(fc.nat(xs.length - 1), { maxLength: 200 })),
        ),
        ([xs, order]) => {
          for (const i of order) {
            const x = xs[i];
            expect(fromExcelNumber(x).toString()).toBe(fresh(x).toString());
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(fromExcelNumber(-0).toString()).toBe('0');
    expect(fromExcelNumber(-0).isNegative()).toBe(false);
    expect(fromExcelNumber(0.3).toString()).toBe('0.3');
    expect(fromExcelNumber(-0.3).toString()).toBe('-0.3');
    expect(fromExcelNumber(Number.NaN).isNaN()).toBe(true);
  });

  it('NPL 0.07 − 0.06 is exactly 1%: 20 points, as 0.01 scores', () => {
    expect(0.07 - 0.06).toBeGreaterThan(0.01);
    expect(items('MID', 0.3, 0.07 - 0.06, 0.995, 7).npl).toBe(20);
    expect(valueOf(score('MID', 0.3, 0.07 - 0.06, 0.995, 7))).toBe(90);
    expect(valueOf(score('MID', 0.3, 0.07 - 0.06, 0.995, 7))).toBe(
      valueOf(score('MID', 0.3, 0.01, 0.995, 7)),
    );
  });

  it('0.07 × 100 and 0.7 ÷ 0.1 new accounts are 7 accounts, not fractional counts', () => {
    for (const n of [0.07 * 100, 0.7 / 0.1, 0.7 * 10]) {
      expect(valueOf(score('MID', 0.3, 0, 0.995, n))).toBe(100);
      expect(items('MID', 0.3, 0, 0.995, n).fourth).toBe(10);
    }
    expect(Number.isInteger(0.07 * 100)).toBe(false);
    expect(Number.isInteger(0.7 / 0.1)).toBe(false);
  });

  it('a collection rate of 1 − 0.005 is 99.5%: 20 points, and no collection duty', () => {
    expect(items('SENIOR', 0.3, 0, 1 - 0.005, 10).collection).toBe(20);
    expect(valueOf(outcome('MID', 100, 0.999 - 0.009))).toBe('RETAIN'); // 0.99, not below 99%
  });

  it('branch-head thresholds hold through noise that floats would misread', () => {
    const facts = { deposit: 0.35, nplRatio: 0.02 };
    // 0.552 − 0.282 = 0.2700000000000001: completion exactly 90% → DEMOTE
    expect(0.552 - 0.282).toBeGreaterThan(0.27);
    expect(valueOf(outcome('BRANCH_HEAD', 95, 0.999, { ...facts, deposit: 0.552 - 0.282 }))).toBe(
      'DEMOTE',
    );
    // 0.171 − 0.071 = 0.10000000000000002: NPL exactly 10% is not over 10% → RETAIN
    expect(valueOf(outcome('BRANCH_HEAD', 95, 0.999, { ...facts, nplRatio: 0.171 - 0.071 }))).toBe(
      'RETAIN',
    );
    // 0.9665 − 0.071 = 0.8955000000000001: collection completion exactly 90% → DEMOTE
    expect(valueOf(outcome('BRANCH_HEAD', 95, 0.9665 - 0.071, facts))).toBe('DEMOTE');
  });

  it('NPL 0.101 − 0.051 is exactly 5%: still the 1%—5% band (10 points)', () => {
    expect(0.101 - 0.051).toBeGreaterThan(0.05);
    expect(items('MID', 0.3, 0.101 - 0.051, 0.995, 7).npl).toBe(10);
    expect(valueOf(score('MID', 0.3, 0.101 - 0.051, 0.995, 7))).toBe(80);
    expect(valueOf(score('MID', 0.3, 0.017 - 0.007, 0.995, 7))).toBe(90);
  });

  it('a score of 85 with binary noise (128.05 − 43.05) demotes; 70 and 90 likewise', () => {
    expect(128.05 - 43.05).not.toBe(85);
    expect(valueOf(outcome('MID', 128.05 - 43.05, 0.999))).toBe('DEMOTE');
    expect(valueOf(outcome('MID', 84.99 + 0.01, 0.999))).toBe('DEMOTE');
    expect(valueOf(outcome('MID', 128.05 - 58.05, 0.999))).toBe('TERMINATE');
    const head = { deposit: 0.3, nplRatio: 0 };
    expect(valueOf(outcome('BRANCH_HEAD', 128.05 - 38.05, 0.999, head))).toBe('DEMOTE');
  });

  it('growth 0.4 reached through noise gives the 60-point cap, 0.1 the 0 floor', () => {
    expect(items('SENIOR', 0.1 * 4, 0, 0.995, 10).deposit).toBe(60);
    expect(items('SENIOR', 0.3 - 0.2, 0, 0.995, 10).deposit).toBe(0);
  });

  it('−0 is read as 0', () => {
    expect(valueOf(readNumber(-0, 'x', 'money')).toString()).toBe('0');
    expect(valueOf(score('SENIOR', 0.3, -0, 0.995, -0))).toBe(90);
  });
});

describe('roles in every accepted spelling (POLICY §0)', () => {
  const spellings: [string, Role][] = [
    ['BRANCH_HEAD', 'BRANCH_HEAD'],
    ['branch_head', 'BRANCH_HEAD'],
    ['Branch_Head', 'BRANCH_HEAD'],
    ['支行行长', 'BRANCH_HEAD'],
    ['行长', 'BRANCH_HEAD'],
    ['营业部总经理', 'BRANCH_HEAD'],
    ['SENIOR', 'SENIOR'],
    ['senior', 'SENIOR'],
    ['Senior', 'SENIOR'],
    ['高级', 'SENIOR'],
    ['高级客户经理', 'SENIOR'],
    ['MID', 'MID'],
    ['mid', 'MID'],
    ['中级', 'MID'],
    ['中级客户经理', 'MID'],
    ['JUNIOR', 'JUNIOR'],
    ['junior', 'JUNIOR'],
    ['初级', 'JUNIOR'],
    ['初级客户经理', 'JUNIOR'],
    ['AGENT', 'AGENT'],
    ['agent', 'AGENT'],
    ['业务代办员', 'AGENT'],
    ['代办员', 'AGENT'],
    [' SENIOR ', 'SENIOR'],
    ['\u3000中级\u3000', 'MID'],
  ];

  it.each(spellings)('%p is %s', (text, role) => {
    expect(valueOf(readRole(text))).toBe(role);
  });

  it.each(spellings.filter(([, r]) => r !== 'AGENT'))(
    '%p scores like its code %s',
    (text, role) => {
      const deposit = role === 'JUNIOR' ? 1100000 : 0.4;
      const fourth = role === 'BRANCH_HEAD' ? 0.3 : 20;
      expect(valueOf(score(text, deposit, 0, 1, fourth))).toBe(role === 'BRANCH_HEAD' ? 135 : 130);
    },
  );

  it('an unknown role is #VALUE! listing the accepted values', () => {
    const message = expectError(readRole('经理'), 'value', 'role');
    for (const role of ROLES) expect(message).toContain(role);
    expect(message).toContain('支行行长');
    expect(message).toContain('高级客户经理');
    const r = readRole('经理');
    expect(!r.ok && r.error.message.zh).toContain('高级客户经理/高级');
    expectError(score('PRESIDENT', 0.3, 0, 0.995, 10), 'value', 'role');
  });

  it('a blank role is #VALUE! saying it is required; a number is not a role', () => {
    expect(expectError(readRole(''), 'value', 'role')).toContain('blank');
    expectError(readRole(undefined), 'value', 'role');
    expectError(readRole(3), 'value', 'role');
    expectError(readRole(true), 'value', 'role');
  });
});

describe('booleans: TRUE/FALSE, 1/0, 是/否', () => {
  it.each([
    [true, true],
    [false, false],
    ['TRUE', true],
    ['true', true],
    ['FALSE', false],
    ['false', false],
    [1, true],
    [0, false],
    ['1', true],
    ['0', false],
    ['是', true],
    ['否', false],
  ])('%p → %p', (raw, expected) => {
    expect(valueOf(readBoolean(raw, 'flag'))).toBe(expected);
  });

  it.each([2, -1, 0.5, 'maybe', 'T', {}, [true]])('%p is #VALUE!', (raw) => {
    expectError(readBoolean(raw, 'flag'), 'value', 'flag');
  });

  it('blank is #VALUE! when required', () => {
    expect(expectError(readBoolean('', 'flag'), 'value', 'flag')).toContain('blank');
  });
});

describe('every kind of rule error', () => {
  it('value: a blank required input names the input and never counts as 0', () => {
    expectError(score('SENIOR', undefined, 0, 0.995, 10), 'value', 'deposit');
    expectError(score('SENIOR', 0.3, 0, null, 10), 'value', 'collection_rate');
    expectError(score('SENIOR', 0.3, 0, 0.995, '  '), 'value', 'fourth');
  });

  it('value: text where a number belongs, even text that looks like a number', () => {
    expect(expectError(score('SENIOR', 'thirty', 0, 0.995, 10), 'value', 'deposit')).toContain(
      '"thirty"',
    );
    expectError(score('SENIOR', '0.3', 0, 0.995, 10), 'value', 'deposit');
    expectError(score('SENIOR', true, 0, 0.995, 10), 'value', 'deposit');
  });

  it('num: a rate above 1, negative money, a fractional account count', () => {
    expectError(score('SENIOR', 0.3, 1.2, 0.995, 10), 'num', 'npl_ratio');
    // Money held or paid is never negative (an accident loss); POLICY §1.1: a JUNIOR's new
    // deposits are a change and may be (scoreBreakdown, not an error: see score.test.ts).
    expectError(
      outcome('BRANCH_HEAD', 120, 1, { lossAmount: -100, deposit: 0.3, nplRatio: 0 }),
      'num',
      'loss_amount',
    );
    expect(expectError(score('SENIOR', 0.3, 0, 0.995, 7.5), 'num', 'fourth')).toContain(
      'whole number',
    );
  });

  it.each([NaN, Infinity, -Infinity])('num: %p is not a finite number', (x) => {
    expect(expectError(score('SENIOR', x, 0, 0.995, 10), 'num', 'deposit')).toContain('finite');
    expectError(score('SENIOR', 0.3, x, 0.995, 10), 'num', 'npl_ratio');
    expectError(outcome('MID', x, 0.995), 'num', 'score');
  });

  it('na: AGENT has no score or outcome', () => {
    expectError(score('AGENT', 0.3, 0, 0.995, 5), 'na', 'role');
    expectError(outcome('AGENT', 90, 0.995), 'na', 'role');
  });

  it('the role is checked first, then the inputs in order', () => {
    expectError(score('AGENT', undefined, undefined, undefined, undefined), 'na', 'role');
    expectError(score('MID', undefined, 2, undefined, -1), 'value', 'deposit');
    expectError(score('MID', 0.3, 2, undefined, -1), 'num', 'npl_ratio');
  });
});
