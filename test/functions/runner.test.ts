/**
 * The generic runner as hosts other than Excel call it (HyperFormula, the task pane): scalars,
 * 2-D arrays, nulls, upstream errors, and messages kept for every error code.
 */
import fc from 'fast-check';
import { FUNCTION_TABLE, invoke } from '../../src/functions';

describe('invoke', () => {
  it('keeps the #NUM! message naming the parameter for the task pane and the CLI', () => {
    expect(invoke('APPRAISAL_SCORE', ['MID', 0.3, 1.2, 0.995, 7])).toEqual({
      error: '#NUM!',
      message: 'npl_ratio must be a fraction from 0 to 1 (1.2% is 0.012); got 1.2.',
    });
  });

  it('passes an upstream error through in its own element only', () => {
    const upstream = { error: '#VALUE!', message: 'from A2' };
    const r = invoke('RISK_RESERVE', ['JUNIOR', [[8000], [upstream as never], [1000]], 0]);
    expect(r).toEqual([[1600], [upstream], [200]]);
  });

  it('accepts names in any letter case and refuses unknown ones and extra arguments', () => {
    expect(invoke('loan_approver', [3000000])).toBe('MID');
    expect(invoke('NOPE', [])).toEqual({
      error: '#VALUE!',
      message: expect.stringContaining('NOPE'),
    });
    expect(invoke('LOAN_APPROVER', [1, 2])).toEqual({
      error: '#VALUE!',
      message: expect.stringContaining('1 arguments'),
    });
  });

  it('APPRAISAL_BREAKDOWN spills a row of 5 per input row, errors across the row', () => {
    const r = invoke('APPRAISAL_BREAKDOWN', [
      [['SENIOR'], ['AGENT']],
      0.34,
      0,
      0.997,
      8,
    ]) as unknown[][];
    expect(r[0]).toEqual([48, 30, 24, 8, 110]);
    expect(r[1]).toHaveLength(5);
    expect(r[1].every((x) => (x as { error: string }).error === '#N/A')).toBe(true);
  });

  it('a range function takes a row or a column and refuses a block or a range where a cell belongs', () => {
    expect(invoke('RESERVE_SCHEDULE', ['MID', [[4000, 4000, 60000]], 0])).toEqual([
      [800, 800, 8400],
    ]);
    expect(
      invoke('RESERVE_SCHEDULE', [
        'MID',
        [
          [1, 2],
          [3, 4],
        ],
        0,
      ]),
    ).toEqual({ error: '#VALUE!', message: expect.stringContaining('monthly_incomes') });
    expect(invoke('MONTHS_BELOW_BASE', [[[1, 2]], [[100], [100]]])).toEqual({
      error: '#VALUE!',
      message: expect.stringContaining('base_deposit'),
    });
    expect(invoke('MONTHS_BELOW_BASE', [[[1, null, 2]], 100])).toEqual({
      error: '#VALUE!',
      message: expect.stringContaining('month 2'),
    });
  });

  it('a call on single values gives what the same call on 1×1 ranges gives (the scalar fast path)', () => {
    const scalar = fc.oneof(
      fc.constantFrom(
        null,
        '',
        'MID',
        'JUNIOR',
        '初级',
        'BRANCH_HEAD',
        'AGENT',
        'DEMOTE',
        true,
        -0,
      ),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -5, max: 30 }),
      fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!', message: 'from B2' }),
    );
    for (const f of FUNCTION_TABLE) {
      fc.assert(
        fc.property(
          fc.array(scalar, { minLength: f.params.length, maxLength: f.params.length }),
          (xs) => {
            const args = xs.slice(0, f.params.length - (xs.length % 2)); // trailing ones left out too
            const asRanges = args.map((x) => [[x]]);
            expect(invoke(f.name, args as never)).toEqual(invoke(f.name, asRanges as never));
          },
        ),
        { numRuns: 200 },
      );
    }
  });

  it('never throws, whatever the arguments', () => {
    const odd: unknown[] = [
      undefined,
      null,
      NaN,
      -0,
      Infinity,
      '',
      '  ',
      {},
      [],
      [[]],
      [[null]],
      Symbol('x'),
      1e308,
      -1e-308,
      true,
      '是',
      new Date(0),
    ];
    for (const f of FUNCTION_TABLE) {
      for (const x of odd) {
        const args = f.params.map(() => x);
        expect(() => invoke(f.name, args as never)).not.toThrow();
      }
    }
  });
});
