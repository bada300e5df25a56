/**
 * Art. 13 appraisal score (POLICY §1): the worked examples of FUNCTIONS.md and every boundary
 * of the four items, on both sides, through CM.APPRAISAL_SCORE's rule (`appraisalScore`, the fast
 * path where it applies) and its breakdown (`scoreBreakdown`, the decimal path).
 */
import { scoreBreakdown } from '../../src/rules';
import { expectError, items, reason, score, valueOf } from './helpers';

describe('FUNCTIONS.md worked examples of APPRAISAL_SCORE', () => {
  it('SENIOR, 34%, 0, 99.7%, 8 → 110 (48 + 30 + 24 + 8)', () => {
    expect(valueOf(score('SENIOR', 0.34, 0, 0.997, 8))).toBe(110);
    expect(items('SENIOR', 0.34, 0, 0.997, 8)).toEqual({
      deposit: 48,
      npl: 30,
      collection: 24,
      fourth: 8,
      total: 110,
    });
  });

  it('支行行长, 22.5%, 0.8%, 99.2%, 15% → 66.5 (25 + 20 + 14 + 7.5)', () => {
    expect(valueOf(score('支行行长', 0.225, 0.008, 0.992, 0.15))).toBe(66.5);
    expect(items('支行行长', 0.225, 0.008, 0.992, 0.15)).toEqual({
      deposit: 25,
      npl: 20,
      collection: 14,
      fourth: 7.5,
      total: 66.5,
    });
  });

  it('初级, 1150000, 1.5%, 100%, 3 → 106 (60 + 10 + 30 + 6)', () => {
    expect(valueOf(score('初级', 1150000, 0.015, 1, 3))).toBe(106);
    expect(items('初级', 1150000, 0.015, 1, 3)).toEqual({
      deposit: 60,
      npl: 10,
      collection: 30,
      fourth: 6,
      total: 106,
    });
  });

  it('MID, 30%, 1%, 99.5%, 7 → 90 (40 + 20 + 20 + 10)', () => {
    expect(valueOf(score('MID', 0.3, 0.01, 0.995, 7))).toBe(90);
    expect(items('MID', 0.3, 0.01, 0.995, 7)).toEqual({
      deposit: 40,
      npl: 20,
      collection: 20,
      fourth: 10,
      total: 90,
    });
  });

  it('MID with npl_ratio 1.2 → #NUM! naming npl_ratio and saying 1.2% is 0.012', () => {
    const message = expectError(score('MID', 0.3, 1.2, 0.995, 7), 'num', 'npl_ratio');
    expect(message).toContain('0.012');
  });

  it('MID with npl_ratio blank → #VALUE! naming npl_ratio', () => {
    expectError(score('MID', 0.3, undefined, 0.995, 7), 'value', 'npl_ratio');
    expectError(score('MID', 0.3, null, 0.995, 7), 'value', 'npl_ratio');
    expectError(score('MID', 0.3, '', 0.995, 7), 'value', 'npl_ratio');
  });

  it('the explanation adds up the four items under Art. 13', () => {
    const text = reason(score('SENIOR', 0.34, 0, 0.997, 8));
    expect(text).toBe('Art. 13: deposit 48 + NPL 30 + collection 24 + fourth 8 = 110');
  });
});

describe('deposit item (§1.1): 40 at target, 2 points per percentage point, clamped 0–60', () => {
  it.each([
    [0.3, 40],
    [0.31, 42],
    [0.29, 38],
    [0.3999, 59.98],
    [0.4, 60],
    [0.41, 60],
    [2.5, 60],
    [0.1001, 0.02],
    [0.1, 0],
    [0.0999, 0],
    [0, 0],
    [-1, 0],
  ])('growth %p → %p points', (growth, points) => {
    expect(items('SENIOR', growth, 0, 0.995, 10).deposit).toBe(points);
    expect(items('MID', growth, 0, 0.995, 7).deposit).toBe(points);
    expect(items('BRANCH_HEAD', growth, 0, 0.995, 0.2).deposit).toBe(points);
  });

  it.each([
    [1000000, 40],
    [1010000, 42],
    [990000, 38],
    [1099999.99, 59.999998],
    [1100000, 60],
    [1100000.01, 60],
    [800000.01, 0.000002],
    [800000, 0],
    [799999.99, 0],
    [0, 0],
  ])(
    'JUNIOR: 1%% of the 1,000,000 target is 10,000 yuan; %p yuan → %p points',
    (amount, points) => {
      expect(items('JUNIOR', amount, 0, 0.995, 5).deposit).toBe(points);
    },
  );

  it('growth below −100% is #NUM!', () => {
    expectError(score('SENIOR', -1.01, 0, 0.995, 10), 'num', 'deposit');
  });

  it.each([-0.01, -100, -2500000, -1e12])(
    'POLICY §1.1: JUNIOR new deposits of %p yuan (deposits fell) floor the item at 0, not #NUM!',
    (amount) => {
      expect(items('JUNIOR', amount, 0, 0.995, 5).deposit).toBe(0);
      // 0 + NPL 30 + collection 20 + accounts 10.
      expect(valueOf(score('JUNIOR', amount, 0, 0.995, 5))).toBe(60);
    },
  );
});

describe('NPL item (§1.2): bands 0 / ≤1% / 1%–5% / above 5%, first band wins', () => {
  it.each([
    [0, 30],
    [0.000001, 20],
    [0.0099, 20],
    [0.01, 20], // 1%以下 is listed first and includes 1%
    [0.010001, 10],
    [0.0101, 10],
    [0.05, 10], // 1%—5% is listed before 5%以上
    [0.050001, 0],
    [0.0501, 0],
    [0.1, 0],
    [1, 0],
  ])('NPL ratio %p → %p points', (npl, points) => {
    expect(items('MID', 0.3, npl, 0.995, 7).npl).toBe(points);
    expect(valueOf(score('MID', 0.3, npl, 0.995, 7))).toBe(70 + points);
  });

  it('NPL above 1 or below 0 is #NUM! naming npl_ratio', () => {
    expectError(score('MID', 0.3, 1.000001, 0.995, 7), 'num', 'npl_ratio');
    expectError(score('MID', 0.3, -0.0001, 0.995, 7), 'num', 'npl_ratio');
  });
});

describe('collection item (§1.3): 20 at 99.5%, 2 points per 0.1%, clamped 0–30', () => {
  it.each([
    [1, 30],
    [0.9999, 29.8],
    [0.999, 28],
    [0.996, 22],
    [0.995, 20],
    [0.994, 18],
    [0.99, 10],
    [0.9851, 0.2],
    [0.985, 0],
    [0.98, 0],
    [0, 0],
  ])('collection rate %p → %p points', (rate, points) => {
    expect(items('SENIOR', 0.3, 0, rate, 10).collection).toBe(points);
  });

  it('a collection rate above 100% is #NUM!, not a percent to guess at', () => {
    expectError(score('SENIOR', 0.3, 0, 1.0001, 10), 'num', 'collection_rate');
    expectError(score('SENIOR', 0.3, 0, 99.5, 10), 'num', 'collection_rate');
    expectError(score('SENIOR', 0.3, 0, -0.5, 10), 'num', 'collection_rate');
  });
});

describe('fourth item (§1.4)', () => {
  it.each([
    [0.2, 10],
    [0.21, 10.5],
    [0.19, 9.5],
    [0.3, 15],
    [0.31, 15],
    [0, 0],
    [-0.01, 0],
  ])('BRANCH_HEAD fee-income growth %p → %p points (1 per 2%%, 0–15)', (growth, points) => {
    expect(items('BRANCH_HEAD', 0.3, 0, 0.995, growth).fourth).toBe(points);
  });

  it.each([
    ['SENIOR', 10, 10],
    ['SENIOR', 11, 10],
    ['SENIOR', 9, 9],
    ['SENIOR', 0, 0],
    ['MID', 7, 10],
    ['MID', 8, 10],
    ['MID', 6, 60 / 7],
    ['JUNIOR', 5, 10],
    ['JUNIOR', 6, 10],
    ['JUNIOR', 4, 8],
  ])('%s with %p new basic accounts → %p points (proportional, no bonus)', (role, n, points) => {
    const deposit = role === 'JUNIOR' ? 1000000 : 0.3;
    expect(items(role, deposit, 0, 0.995, n).fourth).toBe(points);
  });

  it('MID with 6 of 7 accounts totals 88.57 (80 + 60/7, rounded to 2 places)', () => {
    expect(valueOf(score('MID', 0.3, 0.01, 0.995, 6))).toBe(88.57);
  });

  it('a negative or fractional account count is #NUM! naming fourth', () => {
    expectError(score('SENIOR', 0.3, 0, 0.995, -1), 'num', 'fourth');
    expectError(score('SENIOR', 0.3, 0, 0.995, 6.5), 'num', 'fourth');
    expectError(score('JUNIOR', 1000000, 0, 0.995, 0.1), 'num', 'fourth');
  });
});

describe('total (§1.5)', () => {
  it('reaches 130 for the customer-manager grades and 135 for a branch head', () => {
    expect(valueOf(score('SENIOR', 0.5, 0, 1, 12))).toBe(130);
    expect(valueOf(score('MID', 0.5, 0, 1, 7))).toBe(130);
    expect(valueOf(score('JUNIOR', 2000000, 0, 1, 5))).toBe(130);
    expect(valueOf(score('BRANCH_HEAD', 0.5, 0, 1, 0.5))).toBe(135);
  });

  it('falls to 0 and never below', () => {
    expect(valueOf(score('SENIOR', 0, 0.5, 0.5, 0))).toBe(0);
    expect(valueOf(score('BRANCH_HEAD', -1, 1, 0, -1))).toBe(0);
  });

  it('is rounded to 2 places half away from zero: x.xx5 goes up', () => {
    // 40 + 2 × 0.25 × 0.01 = 40.005 → 100.005 → 100.01 (binary floats would give 100.00)
    expect(valueOf(score('SENIOR', 0.300025, 0, 0.995, 10))).toBe(100.01);
    expect(items('SENIOR', 0.300025, 0, 0.995, 10).total).toBe(100.01);
    // 39.995 → 99.995 → 100.00
    expect(valueOf(score('SENIOR', 0.299975, 0, 0.995, 10))).toBe(100);
    // 39.994 → 99.994 → 99.99
    expect(valueOf(score('SENIOR', 0.29997, 0, 0.995, 10))).toBe(99.99);
  });

  it('keeps the items exact in the breakdown before the total is rounded', () => {
    const b = valueOf(
      scoreBreakdown({ role: 'MID', deposit: 0.3, nplRatio: 0, collectionRate: 0.995, fourth: 6 }),
    );
    expect(b.fourth.times(7).toString()).toBe('60');
    expect(b.total.toString()).toBe('98.57');
  });

  it('AGENT has no Art. 13 score: #N/A naming role', () => {
    expectError(score('AGENT', 0.3, 0, 0.995, 5), 'na', 'role');
    expectError(score('业务代办员', 0.3, 0, 0.995, 5), 'na', 'role');
  });
});
