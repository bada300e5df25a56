/**
 * The CM functions called the way Excel calls them: every argument a 2-D array, an omitted
 * optional as null, an empty cell as "", booleans and 是/否.
 */
import { call, installCustomFunctionsGlobal } from './excel-fake';
import * as excel from '../../src/functions/excel-functions';

beforeAll(installCustomFunctionsGlobal);

const c = (x: unknown): unknown[][] => [[x]];

describe('worked examples of FUNCTIONS.md, as Excel calls them', () => {
  it.each([
    ['SENIOR', 0.34, 0, 0.997, 8, 110],
    ['支行行长', 0.225, 0.008, 0.992, 0.15, 66.5],
    ['初级', 1150000, 0.015, 1, 3, 106],
    ['MID', 0.3, 0.01, 0.995, 7, 90],
    // POLICY §1.1: new deposits fell by 250,000 yuan; the item floors at 0, not #NUM!.
    ['JUNIOR', -250000, 0, 0.995, 5, 60],
  ])('APPRAISAL_SCORE(%s, %s, %s, %s, %s) = %s', (role, dep, npl, col, fourth, expected) => {
    expect(call(() => excel.appraisalScore(c(role), c(dep), c(npl), c(col), c(fourth)))).toEqual([
      [expected],
    ]);
  });

  it('GRADE_OUTCOME examples', () => {
    expect(call(() => excel.gradeOutcome(c('MID'), c(85), c(0.995)))).toEqual([['DEMOTE']]);
    expect(call(() => excel.gradeOutcome(c('MID'), c(85.01), c(0.989)))).toEqual([['DEMOTE']]);
    expect(call(() => excel.gradeOutcome(c('SENIOR'), c(70), c(0.999)))).toEqual([['TERMINATE']]);
    // =CM.GRADE_OUTCOME("支行行长", 95, 99.9%, , , , 27%, 2%): skipped optionals arrive as null.
    expect(
      call(() =>
        excel.gradeOutcome(
          c('支行行长'),
          c(95),
          c(0.999),
          null as never,
          null as never,
          null as never,
          c(0.27),
          c(0.02),
        ),
      ),
    ).toEqual([['DEMOTE']]);
  });

  it('GRADE_REASON names the deciding rule and its article', () => {
    expect(call(() => excel.gradeReason(c('MID'), c(84.5), c(0.995)))).toEqual([
      ['Art. 14(2): score 84.5 ≤ 85 → DEMOTE'],
    ]);
    const head = call(() =>
      excel.gradeReason(
        c('支行行长'),
        c(95),
        c(0.999),
        null as never,
        null as never,
        null as never,
        c(0.27),
        c(0.02),
      ),
    ) as string[][];
    expect(head[0][0]).toBe('Art. 14(1)1: deposit completion 27% ÷ 30% = 90% ≤ 90% → DEMOTE');
  });

  it('RISK_RESERVE, LOAN_AUTHORITY, CLIENT_TIER examples', () => {
    expect(call(() => excel.riskReserve(c('JUNIOR'), c(8000), c(4000)))).toEqual([[1000]]);
    expect(call(() => excel.loanAuthority(c('SENIOR'), c(5000000)))).toEqual([[true]]);
    expect(call(() => excel.clientTier(c(4000000), c(0)))).toEqual([['MID']]);
  });

  it('error rows: #NUM! for npl 1.2, #VALUE! for a blank npl, both naming npl_ratio', () => {
    expect(call(() => excel.appraisalScore(c('MID'), c(0.3), c(1.2), c(0.995), c(7)))).toEqual({
      code: '#NUM!',
      message: '',
    });
    // #NUM! carries no message in Excel; the message is kept for the task pane and the CLI.
    const blank = call(() => excel.appraisalScore(c('MID'), c(0.3), c(''), c(0.995), c(7))) as {
      code: string;
      message: string;
    };
    expect(blank.code).toBe('#VALUE!');
    expect(blank.message).toMatch(/npl_ratio/);
    const agent = call(() => excel.appraisalScore(c('AGENT'), c(0.3), c(0), c(0.995), c(7))) as {
      code: string;
      message: string;
    };
    expect(agent.code).toBe('#N/A');
    expect(agent.message).toMatch(/AGENT/);
    const role = call(() => excel.appraisalScore(c('经理'), c(0.3), c(0), c(0.995), c(7))) as {
      code: string;
      message: string;
    };
    expect(role).toEqual({ code: '#VALUE!', message: expect.stringContaining('SENIOR') });
  });

  it('omitted optionals take their defaults; booleans accept 是/否', () => {
    expect(call(() => excel.riskReserve(c('JUNIOR'), c(8000), null as never))).toEqual([[1600]]);
    expect(
      call(() => excel.gradeOutcome(c('SENIOR'), c(95), c(0.999), c(0), c(0), c('是'))),
    ).toEqual([['TERMINATE']]);
    expect(
      call(() => excel.gradeOutcome(c('SENIOR'), c(95), c(0.999), c(0), c(0), c('否'))),
    ).toEqual([['RETAIN']]);
    expect(call(() => excel.promotionEligible(c(20), c(0), c(true)))).toEqual([[true]]);
  });

  it('every other function answers', () => {
    expect(
      call(() => excel.appraisalBreakdown(c('SENIOR'), c(0.34), c(0), c(0.997), c(8))),
    ).toEqual([[48, 30, 24, 8, 110]]);
    expect(call(() => excel.nextGrade(c('SENIOR'), c('DEMOTE')))).toEqual([['MID']]);
    expect(call(() => excel.nextGrade(c('SENIOR'), c('TERMINATE')))).toEqual([['NONE']]);
    expect(
      call(() => excel.monthsBelowBase([[950000, 890000, 899999, 800000, 900000]], c(1000000))),
    ).toEqual([[3]]);
    expect(call(() => excel.collectionDuty(c(0.996), c(1)))).toEqual([[false]]);
    expect(call(() => excel.collectionDuty(c(0.996), c(0.999)))).toEqual([[true]]);
    expect(
      call(() => excel.reserveSchedule(c('JUNIOR'), [[8000], [8000], [8000], ['']], c(1000))),
    ).toEqual([[1600], [1600], [800], ['']]);
    expect(call(() => excel.reserveRefund(c(5000), c(1200), c(6)))).toEqual([[3800]]);
    expect(call(() => excel.reserveRefund(c(5000), c(1200), c(5)))).toEqual([[0]]);
    expect(call(() => excel.loanApprover(c(5000001)))).toEqual([['BRANCH_HEAD']]);
    expect(call(() => excel.qualification(c(false), c(3000000)))).toEqual([['PROVISIONAL_JUNIOR']]);
    expect(call(() => excel.label(c('DEMOTE'), null as never))).toEqual([['降级']]);
    expect(call(() => excel.label(c('DEMOTE'), c('en')))).toEqual([['Demote']]);
    expect(call(() => excel.policyVersion())).toMatch(
      /^商业银行客户经理考核管理办法 1\.0\.0 sha256:[0-9a-f]{64}$/,
    );
  });
});

describe('ranges lift, broadcast and spill', () => {
  it('a column of roles against single cells spills a column; a bad element stays in its cell', () => {
    const r = call(() =>
      excel.appraisalScore([['SENIOR'], ['AGENT'], ['MID'], ['']], c(0.34), c(0), c(0.997), c(8)),
    ) as unknown[][];
    expect(r).toHaveLength(4);
    expect(r[0]).toEqual([110]);
    expect(r[1][0]).toEqual({ code: '#N/A', message: expect.stringContaining('AGENT') });
    expect(r[2]).toEqual([112]);
    expect(r[3][0]).toEqual({ code: '#VALUE!', message: expect.stringContaining('role') });
  });

  it('ranges of different shapes are one #VALUE! naming the parameter', () => {
    const r = call(() =>
      excel.appraisalScore([['SENIOR'], ['MID']], [[0.3, 0.2]], c(0), c(0.997), c(8)),
    ) as { code: string; message: string };
    expect(r.code).toBe('#VALUE!');
    expect(r.message).toMatch(/deposit/);
  });

  it('a lifted 1,000-row call equals the row-by-row results', () => {
    const roles = ['BRANCH_HEAD', 'SENIOR', 'MID', 'JUNIOR', '高级', 'AGENT'];
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const role = roles[i % roles.length];
      const junior = role === 'JUNIOR';
      return [
        role,
        junior ? 500000 + ((i * 7919) % 1000000) : ((i * 37) % 60) / 100,
        ((i * 13) % 80) / 1000,
        0.98 + ((i * 3) % 21) / 1000,
        role === 'BRANCH_HEAD' ? ((i * 11) % 40) / 100 : i % 12,
      ];
    });
    const col = (k: number): unknown[][] => rows.map((r) => [r[k]]);
    const lifted = call(() =>
      excel.appraisalScore(col(0), col(1), col(2), col(3), col(4)),
    ) as unknown[][];
    const single = rows.map(
      (r) =>
        call(() => excel.appraisalScore(c(r[0]), c(r[1]), c(r[2]), c(r[3]), c(r[4]))) as
          unknown[][] | object,
    );
    expect(lifted).toHaveLength(1000);
    lifted.forEach((row, i) => {
      const one = single[i];
      expect(row[0]).toEqual(Array.isArray(one) ? one[0][0] : one);
    });
  });

  it('is deterministic: the same call twice gives the same results', () => {
    const a = call(() => excel.gradeReason([['MID'], ['SENIOR']], [[84.5], [90]], c(0.995)));
    const b = call(() => excel.gradeReason([['MID'], ['SENIOR']], [[84.5], [90]], c(0.995)));
    expect(a).toEqual(b);
  });
});
