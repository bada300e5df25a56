/**
 * Loan authority (Art. 25(3), POLICY §5), client size per grade (Art. 12, §6), promotion of an
 * agent (Art. 21, §7) and qualification (Art. 9–11, §8): every million-yuan and month boundary
 * on both sides.
 */
import {
  clientTier,
  loanApprover,
  loanAuthority,
  promotionEligible,
  qualification,
} from '../../src/rules';
import { expectError, reason, valueOf } from './helpers';

describe('LOAN_AUTHORITY (以下 includes the limit)', () => {
  it('SENIOR, 5000000 → TRUE', () => {
    const r = loanAuthority('SENIOR', 5000000);
    expect(valueOf(r)).toBe(true);
    expect(reason(r)).toBe('Art. 25(3): 5,000,000 ≤ SENIOR limit 5,000,000 → TRUE');
  });

  it.each([
    ['JUNIOR', 1000000, true],
    ['JUNIOR', 1000000.01, false],
    ['MID', 3000000, true],
    ['MID', 3000000.01, false],
    ['SENIOR', 5000000.01, false],
    ['SENIOR', 0, true],
    ['BRANCH_HEAD', 5000000.01, true],
    ['BRANCH_HEAD', 1e12, true],
    ['AGENT', 1, false],
    ['业务代办员', 0, false],
  ])('%s, %p → %p', (role, amount, within) => {
    expect(valueOf(loanAuthority(role, amount))).toBe(within);
  });

  it('says that an agent handles no loans (Art. 20) and that a limit was passed', () => {
    expect(reason(loanAuthority('AGENT', 1))).toBe(
      'Art. 25(3): AGENT handles no loans (Art. 20) → FALSE',
    );
    expect(reason(loanAuthority('JUNIOR', 1000000.01))).toBe(
      'Art. 25(3): 1,000,000.01 > JUNIOR limit 1,000,000 → FALSE',
    );
  });

  it('errors: unknown role #VALUE!, negative amount #NUM!, blank amount #VALUE!', () => {
    expectError(loanAuthority('PRESIDENT', 1), 'value', 'role');
    expectError(loanAuthority('MID', -1), 'num', 'amount');
    expectError(loanAuthority('MID', null), 'value', 'amount');
  });
});

describe('LOAN_APPROVER: the lowest role whose limit covers the amount', () => {
  it.each([
    [0, 'JUNIOR'],
    [1000000, 'JUNIOR'],
    [1000000.01, 'MID'],
    [3000000, 'MID'],
    [3000000.01, 'SENIOR'],
    [5000000, 'SENIOR'],
    [5000000.01, 'BRANCH_HEAD'],
    [10000000, 'BRANCH_HEAD'],
  ])('%p → %s', (amount, role) => {
    expect(valueOf(loanApprover(amount))).toBe(role);
  });

  it('explains the branch head’s joint, lifelong responsibility above 5 million', () => {
    expect(reason(loanApprover(6000000))).toContain('jointly responsible for life');
  });
});

describe('CLIENT_TIER (Art. 12): the lowest grade that may manage the client', () => {
  const tier = (deposits: number, loans: number): string => {
    const t = valueOf(clientTier(deposits, loans));
    return t.gap ? `${t.grade} (gap)` : t.grade;
  };

  it('4000000, 0 → MID, flagged as the 3–5 million policy gap', () => {
    const r = clientTier(4000000, 0);
    expect(valueOf(r)).toEqual({ grade: 'MID', gap: true });
    expect(reason(r)).toContain('policy gap');
  });

  it.each([
    [0, 0, 'JUNIOR'],
    [3000000, 0, 'JUNIOR'],
    [3000000.01, 0, 'MID (gap)'],
    [3000001, 0, 'MID (gap)'],
    [4999999.99, 0, 'MID (gap)'],
    [5000000, 0, 'MID'],
    [7999999.99, 0, 'MID'],
    [8000000, 0, 'SENIOR'],
    [0, 3000000, 'JUNIOR'], // loans of exactly 300万: the JUNIOR row names 3,000,000 as its bound
    [3000000, 3000000, 'JUNIOR'],
    [0, 3000000.01, 'MID'],
    [0, 9999999.99, 'MID'],
    [0, 10000000, 'SENIOR'],
    [4000000, 4000000, 'MID'], // loans place the client in a band: no gap
    [4000000, 10000000, 'SENIOR'],
  ])('deposits %p, loans %p → %s', (deposits, loans, expected) => {
    expect(tier(deposits, loans)).toBe(expected);
  });

  it('explains the deciding condition', () => {
    expect(reason(clientTier(8000000, 0))).toBe('Art. 12: deposits 8,000,000 ≥ 8,000,000 → SENIOR');
    expect(reason(clientTier(0, 3000000))).toBe(
      'Art. 12: deposits 0 ≤ 3,000,000 and loans 3,000,000 ≤ 3,000,000 → JUNIOR',
    );
  });

  it('negative money is #NUM!; blank is #VALUE!', () => {
    expectError(clientTier(-1, 0), 'num', 'deposits');
    expectError(clientTier(0, -1), 'num', 'loans');
    expectError(clientTier(0, undefined), 'value', 'loans');
  });
});

describe('PROMOTION_ELIGIBLE (Art. 21)', () => {
  it.each([
    [6, 8000000, false, true], // 半年内, 不低于800万
    [6, 7999999.99, false, true], // … but within a year with ≥ 600万
    [6.01, 8000000, false, true], // second window still holds
    [12, 6000000, false, true], // 一年内, 600万以上 (both included)
    [12, 5999999.99, false, false],
    [12.01, 6000000, false, false],
    [12.01, 100000000, false, false],
    [3, 5999999.99, false, false],
    [0, 0, false, false],
    [24, 0, true, true], // another notable achievement
    [24, 0, '是', true],
    [24, 0, '否', false],
  ])('months %p, deposits %p, notable %p → %p', (months, deposits, notable, eligible) => {
    expect(valueOf(promotionEligible(months, deposits, notable))).toBe(eligible);
  });

  it('notable is optional (blank is FALSE); the window that held is the reason', () => {
    expect(valueOf(promotionEligible(5, 8000000, undefined))).toBe(true);
    expect(reason(promotionEligible(5, 8000000, undefined))).toBe(
      'Art. 21: 5 months ≤ 6 and deposits 8,000,000 ≥ 8,000,000 → eligible',
    );
  });

  it('errors: negative months #NUM!, bad notable #VALUE!', () => {
    expectError(promotionEligible(-1, 0, false), 'num', 'months_since_hire');
    expectError(promotionEligible(1, 0, 'perhaps'), 'value', 'notable');
  });
});

describe('QUALIFICATION (Art. 9–11)', () => {
  it.each([
    [true, undefined, 'QUALIFIED'],
    ['是', 0, 'QUALIFIED'],
    [false, 3000000, 'PROVISIONAL_JUNIOR'],
    [0, 3000001, 'PROVISIONAL_JUNIOR'],
    [false, 2999999.99, 'NOT_QUALIFIED'],
    ['否', 0, 'NOT_QUALIFIED'],
  ])('passed %p, deposits %p → %s', (passed, deposits, result) => {
    expect(valueOf(qualification(passed, deposits))).toBe(result);
  });

  it('deposits are required once the examination was failed', () => {
    expectError(qualification(false, undefined), 'value', 'cumulative_avg_deposits');
    expectError(qualification(undefined, 0), 'value', 'exam_passed');
    expectError(qualification('passed', 0), 'value', 'exam_passed');
  });
});
