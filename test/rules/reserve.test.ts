/**
 * Personal risk reserve, Art. 25(2) (POLICY §4): monthly withholding up to the cap, the schedule
 * carrying the balance forward, the refund half a year after leaving; money to 0.01 yuan, half
 * away from zero.
 */
import { reserveRefund, reserveSchedule, riskReserve, type ScheduleMonth } from '../../src/rules';
import { expectError, reason, valueOf } from './helpers';

const yuan = (r: ReturnType<typeof riskReserve>): string => valueOf(r).toFixed(2);

describe('RISK_RESERVE', () => {
  it('JUNIOR, 8000, 4000 → 1000 (20% is 1600; only 1000 left to the 5,000 cap)', () => {
    const r = riskReserve('JUNIOR', 8000, 4000);
    expect(valueOf(r).toNumber()).toBe(1000);
    expect(reason(r)).toBe(
      'Art. 25(2): 20% of 8,000 is 1,600; only 1,000 left to the 5,000 cap (balance 4,000)',
    );
  });

  it('withholds 20% of income while below the cap', () => {
    expect(yuan(riskReserve('SENIOR', 12345.67, 0))).toBe('2469.13'); // 2469.134
    expect(yuan(riskReserve('MID', 10000, undefined))).toBe('2000.00'); // blank balance is 0
    expect(reason(riskReserve('MID', 10000, 0))).toBe(
      'Art. 25(2): 20% of 10,000 = 2,000 (balance 0, cap 10,000)',
    );
  });

  it.each([
    ['SENIOR', 20000],
    ['MID', 10000],
    ['JUNIOR', 5000],
  ])(
    '%s: cap %p — one cent below withholds 0.01, at the cap 0, above the cap 0 (no refund)',
    (role, cap) => {
      expect(yuan(riskReserve(role, 10000, cap - 0.01))).toBe('0.01');
      expect(yuan(riskReserve(role, 10000, cap))).toBe('0.00');
      expect(yuan(riskReserve(role, 10000, cap + 5000))).toBe('0.00');
      expect(yuan(riskReserve(role, 10000, cap - 2000))).toBe('2000.00');
      expect(yuan(riskReserve(role, 10000, cap - 1999.99))).toBe('1999.99');
    },
  );

  it('rounds to 0.01 yuan half away from zero', () => {
    expect(yuan(riskReserve('JUNIOR', 0.025, 0))).toBe('0.01'); // 0.005 → 0.01
    expect(yuan(riskReserve('JUNIOR', 0.024, 0))).toBe('0.00'); // 0.0048 → 0.00
    expect(yuan(riskReserve('JUNIOR', 0.075, 0))).toBe('0.02'); // 0.015 → 0.02
    expect(yuan(riskReserve('JUNIOR', 1.005, 0))).toBe('0.20'); // 0.201 → 0.20
    expect(yuan(riskReserve('JUNIOR', 10.025, 0))).toBe('2.01'); // 2.005 → 2.01
  });

  it('never withholds past the cap, even from a balance with fractions of a cent', () => {
    // room to the cap is 0.005; rounding 0.005 up to 0.01 would pass the cap
    const r = riskReserve('JUNIOR', 0.025, 4999.995);
    expect(valueOf(r).plus(4999.995).lessThanOrEqualTo(5000)).toBe(true);
  });

  it('BRANCH_HEAD and AGENT have no cap: #N/A', () => {
    expectError(riskReserve('BRANCH_HEAD', 8000, 0), 'na', 'role');
    expectError(riskReserve('营业部总经理', 8000, 0), 'na', 'role');
    expectError(riskReserve('AGENT', 8000, 0), 'na', 'role');
  });

  it('negative income or balance is #NUM!; blank income is #VALUE!', () => {
    expectError(riskReserve('MID', -1, 0), 'num', 'monthly_income');
    expectError(riskReserve('MID', 100, -0.01), 'num', 'balance');
    expectError(riskReserve('MID', '', 0), 'value', 'monthly_income');
    expectError(riskReserve('MID', '8000', 0), 'value', 'monthly_income');
  });
});

describe('RESERVE_SCHEDULE', () => {
  const months = (r: ReturnType<typeof reserveSchedule>): (string | null)[] =>
    valueOf(r).map((m) => {
      if (m === null) return null;
      if (!m.ok) return `${m.error.kind}:${m.error.param}`;
      const v: ScheduleMonth = m.value;
      return `${v.deduction.toFixed(2)}/${v.balance.toFixed(2)}`;
    });

  it('carries the balance forward until the cap, then withholds nothing', () => {
    const r = reserveSchedule('JUNIOR', [8000, 8000, 8000, 8000, 8000], 0);
    expect(months(r)).toEqual([
      '1600.00/1600.00',
      '1600.00/3200.00',
      '1600.00/4800.00',
      '200.00/5000.00',
      '0.00/5000.00',
    ]);
    expect(reason(r)).toBe('Art. 25(2): 5 months, closing balance 5,000');
  });

  it('starts from the opening balance; at or above the cap nothing is withheld', () => {
    expect(months(reserveSchedule('MID', [1000, 1000], 9900))).toEqual([
      '100.00/10000.00',
      '0.00/10000.00',
    ]);
    expect(months(reserveSchedule('SENIOR', [50000], 25000))).toEqual(['0.00/25000.00']);
  });

  it('leaves months not yet reported as null', () => {
    expect(months(reserveSchedule('JUNIOR', [1000, '', null], 0))).toEqual([
      '200.00/200.00',
      null,
      null,
    ]);
  });

  it('a bad month is an error, and so is every month after it', () => {
    expect(months(reserveSchedule('JUNIOR', [1000, -5, 1000, null], 0))).toEqual([
      '200.00/200.00',
      'num:monthly_incomes (month 2)',
      'value:monthly_incomes',
      null,
    ]);
    expect(months(reserveSchedule('JUNIOR', [1000, null, 1000], 0))[1]).toBe(
      'value:monthly_incomes (month 2)',
    );
  });

  it('BRANCH_HEAD has no schedule; a negative opening balance is #NUM!', () => {
    expectError(reserveSchedule('BRANCH_HEAD', [1000], 0), 'na', 'role');
    expectError(reserveSchedule('MID', [1000], -1), 'num', 'opening_balance');
  });
});

describe('RESERVE_REFUND: balance − loss, 6 months after leaving', () => {
  it('is due at 6 months (届满 includes the day) and pending before', () => {
    expect(valueOf(reserveRefund(5000, 1200, 6)).toNumber()).toBe(3800);
    expect(valueOf(reserveRefund(5000, 1200, 7)).toNumber()).toBe(3800);
    const early = reserveRefund(5000, 1200, 5.99);
    expect(valueOf(early).toNumber()).toBe(0);
    expect(reason(early)).toContain('pending');
    expect(valueOf(reserveRefund(5000, 0, 0)).toNumber()).toBe(0);
  });

  it('a loss above the balance is still owed (negative)', () => {
    const r = reserveRefund(5000, 6000.5, 12);
    expect(valueOf(r).toNumber()).toBe(-1000.5);
    expect(reason(r)).toBe(
      'Art. 25(2): balance 5,000 − loss 6,000.50 = -1,000.50 (still owed in full)',
    );
  });

  it('rounds to 0.01 yuan half away from zero, also when owed', () => {
    expect(valueOf(reserveRefund(100.005, 0, 6)).toFixed(2)).toBe('100.01');
    expect(valueOf(reserveRefund(0, 100.005, 6)).toFixed(2)).toBe('-100.01');
  });

  it('every input is required and non-negative', () => {
    expectError(reserveRefund(undefined, 0, 6), 'value', 'balance');
    expectError(reserveRefund(100, -1, 6), 'num', 'loss');
    expectError(reserveRefund(100, 0, -1), 'num', 'months_since_leaving');
    expectError(reserveRefund(100, 0, ''), 'value', 'months_since_leaving');
  });
});
