/**
 * Art. 14 grade outcome (POLICY §2), next grade, months below base and the collection duty of
 * Art. 25(1) (§3): the worked examples, each rule's boundary on both sides, rule order, and the
 * explanation naming the deciding article.
 */
import {
  collectionDuty,
  LABELS,
  monthsBelowBase,
  nextGrade,
  OUTCOMES,
  ROLES,
} from '../../src/rules';
import { expectError, outcome, reason, valueOf } from './helpers';

/** A branch head whose only facts are the ones given (everything else comfortably fine). */
function head(
  score: unknown,
  rest: Parameters<typeof outcome>[3] = {},
  collectionRate: unknown = 0.999,
) {
  return outcome('BRANCH_HEAD', score, collectionRate, { deposit: 0.35, nplRatio: 0.02, ...rest });
}

describe('FUNCTIONS.md worked examples of GRADE_OUTCOME / GRADE_REASON', () => {
  it('MID, 85, 99.5% → DEMOTE, Art. 14(2): score 85 ≤ 85', () => {
    const r = outcome('MID', 85, 0.995);
    expect(valueOf(r)).toBe('DEMOTE');
    expect(reason(r)).toBe('Art. 14(2): score 85 ≤ 85 → DEMOTE');
  });

  it('the reason reads like the spec: score 84.5 ≤ 85', () => {
    expect(reason(outcome('MID', 84.5, 0.995))).toBe('Art. 14(2): score 84.5 ≤ 85 → DEMOTE');
  });

  it('MID, 85.01, 98.9% → DEMOTE because the collection rate is below 99%', () => {
    const r = outcome('MID', 85.01, 0.989);
    expect(valueOf(r)).toBe('DEMOTE');
    expect(reason(r)).toBe('Art. 14(2): collection rate 98.9% < 99% → DEMOTE');
  });

  it('SENIOR, 70, 99.9% → TERMINATE (score ≤ 70)', () => {
    const r = outcome('SENIOR', 70, 0.999);
    expect(valueOf(r)).toBe('TERMINATE');
    expect(reason(r)).toBe('Art. 14(2): score 70 ≤ 70 → TERMINATE');
  });

  it('支行行长, 95, 99.9%, , , , 27%, 2% → DEMOTE (deposit completion 27% ÷ 30% = 90%)', () => {
    const r = outcome('支行行长', 95, 0.999, { deposit: 0.27, nplRatio: 0.02 });
    expect(valueOf(r)).toBe('DEMOTE');
    expect(reason(r)).toBe('Art. 14(1)1: deposit completion 27% ÷ 30% = 90% ≤ 90% → DEMOTE');
  });

  it('gives the reason in Chinese too', () => {
    const r = outcome('MID', 85, 0.995);
    expect(r.ok && r.explain().text.zh).toBe('第十四条第（二）项：考核得分 85 ≤ 85 → 降级');
  });
});

describe('customer-manager grades (rules 4, 7, 8, 9)', () => {
  it.each(['SENIOR', 'MID', 'JUNIOR'])('%s: score 70 terminates, 70.01 demotes', (role) => {
    expect(valueOf(outcome(role, 70, 0.999))).toBe('TERMINATE');
    expect(valueOf(outcome(role, 70.01, 0.999))).toBe('DEMOTE');
    expect(valueOf(outcome(role, 0, 0.999))).toBe('TERMINATE');
  });

  it.each(['SENIOR', 'MID', 'JUNIOR'])('%s: score 85 demotes, 85.01 retains', (role) => {
    expect(valueOf(outcome(role, 85, 0.999))).toBe('DEMOTE');
    expect(valueOf(outcome(role, 85.01, 0.999))).toBe('RETAIN');
    expect(valueOf(outcome(role, 130, 0.999))).toBe('RETAIN');
  });

  it('reads the score rounded to 2 places, as the sheet shows it', () => {
    expect(valueOf(outcome('MID', 70.004, 0.999))).toBe('TERMINATE'); // shows 70.00
    expect(valueOf(outcome('MID', 70.005, 0.999))).toBe('DEMOTE'); // shows 70.01
    expect(reason(outcome('MID', 70.005, 0.999))).toBe('Art. 14(2): score 70.01 ≤ 85 → DEMOTE');
    expect(valueOf(outcome('MID', 85.004, 0.999))).toBe('DEMOTE'); // shows 85.00
    expect(valueOf(outcome('MID', 85.005, 0.999))).toBe('RETAIN'); // shows 85.01
  });

  it('collection rate exactly 99% retains; just below demotes (低于 excludes)', () => {
    expect(valueOf(outcome('SENIOR', 100, 0.99))).toBe('RETAIN');
    expect(valueOf(outcome('SENIOR', 100, 0.9899))).toBe('DEMOTE');
    expect(valueOf(outcome('SENIOR', 100, 0.98999999))).toBe('DEMOTE');
  });

  it('3 consecutive months below base demote; 2 do not', () => {
    expect(valueOf(outcome('JUNIOR', 100, 0.999, { monthsBelowBase: 3 }))).toBe('DEMOTE');
    expect(reason(outcome('JUNIOR', 100, 0.999, { monthsBelowBase: 3 }))).toMatch(
      /^Art\. 14\(2\): /,
    );
    expect(valueOf(outcome('JUNIOR', 100, 0.999, { monthsBelowBase: 2 }))).toBe('RETAIN');
    expect(valueOf(outcome('JUNIOR', 100, 0.999, { monthsBelowBase: undefined }))).toBe('RETAIN');
  });

  it('a score of 70 terminates before the collection rate is looked at (rule order)', () => {
    expect(valueOf(outcome('MID', 70, 0.5))).toBe('TERMINATE');
  });

  it('does not read the branch-head inputs (deposit, npl_ratio, loss, prior demotions)', () => {
    const r = outcome('MID', 100, 0.999, {
      deposit: 'junk',
      nplRatio: 5,
      lossAmount: 1e9,
      priorDemotions: 'x',
    });
    expect(valueOf(r)).toBe('RETAIN');
  });
});

describe('all roles (rules 1 and 2, Art. 14(3))', () => {
  it.each(['SENIOR', 'MID', 'JUNIOR', 'BRANCH_HEAD'])(
    '%s: 15 violation points terminate, 14.99 do not',
    (role) => {
      const at =
        role === 'BRANCH_HEAD'
          ? head(100, { violationPoints: 15 })
          : outcome(role, 100, 0.999, { violationPoints: 15 });
      const below =
        role === 'BRANCH_HEAD'
          ? head(100, { violationPoints: 14.99 })
          : outcome(role, 100, 0.999, { violationPoints: 14.99 });
      expect(valueOf(at)).toBe('TERMINATE');
      expect(reason(at)).toBe('Art. 14(3): violation points 15 ≥ 15 → TERMINATE');
      expect(valueOf(below)).toBe('RETAIN');
    },
  );

  it.each([true, 'TRUE', 'true', 1, '1', '是'])('major violation %p terminates', (flag) => {
    const r = outcome('SENIOR', 120, 1, { majorViolation: flag });
    expect(valueOf(r)).toBe('TERMINATE');
    expect(reason(r)).toBe('Art. 14(3): major violation causing major economic loss → TERMINATE');
  });

  it.each([false, 'FALSE', 0, '0', '否', undefined, ''])('major violation %p does not', (flag) => {
    expect(valueOf(outcome('SENIOR', 120, 1, { majorViolation: flag }))).toBe('RETAIN');
  });

  it('a major violation decides before a low score (rule 1 first)', () => {
    expect(reason(outcome('SENIOR', 10, 0.5, { majorViolation: true }))).toMatch(
      /^Art\. 14\(3\): major/,
    );
  });

  it('a major_violation that is not a boolean is #VALUE!', () => {
    expectError(outcome('SENIOR', 100, 1, { majorViolation: 'maybe' }), 'value', 'major_violation');
    expectError(outcome('SENIOR', 100, 1, { majorViolation: 2 }), 'value', 'major_violation');
  });
});

describe('branch head (rules 3, 5, 6, Art. 14(1))', () => {
  it('comfortable facts retain', () => {
    expect(valueOf(head(100))).toBe('RETAIN');
    expect(reason(head(100))).toBe('Art. 14: no condition of Art. 14 holds → RETAIN');
  });

  it('score 90 demotes, 90.01 retains; 90.004 shows as 90.00 and demotes', () => {
    expect(valueOf(head(90))).toBe('DEMOTE');
    expect(reason(head(90))).toBe('Art. 14(1)1: score 90 ≤ 90 → DEMOTE');
    expect(valueOf(head(90.01))).toBe('RETAIN');
    expect(valueOf(head(90.004))).toBe('DEMOTE');
  });

  it('a score of 70 or below only demotes a branch head (rule 4 is for the grades)', () => {
    expect(valueOf(head(70))).toBe('DEMOTE');
    expect(valueOf(head(0))).toBe('DEMOTE');
  });

  it('NPL exactly 10% retains; above 10% demotes (超过 excludes)', () => {
    expect(valueOf(head(100, { nplRatio: 0.1 }))).toBe('RETAIN');
    expect(valueOf(head(100, { nplRatio: 0.100001 }))).toBe('DEMOTE');
    expect(reason(head(100, { nplRatio: 0.11 }))).toBe('Art. 14(1)1: NPL ratio 11% > 10% → DEMOTE');
  });

  it('deposit growth 27% (completion 90%) demotes; 27.0001% retains', () => {
    expect(valueOf(head(100, { deposit: 0.27 }))).toBe('DEMOTE');
    expect(valueOf(head(100, { deposit: 0.270001 }))).toBe('RETAIN');
    expect(valueOf(head(100, { deposit: -0.5 }))).toBe('DEMOTE');
  });

  it('collection rate 89.55% (completion 90% of 99.5%) demotes; 89.5501% retains', () => {
    expect(valueOf(head(100, {}, 0.8955))).toBe('DEMOTE');
    expect(reason(head(100, {}, 0.8955))).toBe(
      'Art. 14(1)1: collection completion 89.55% ÷ 99.5% = 90% ≤ 90% → DEMOTE',
    );
    expect(valueOf(head(100, {}, 0.895501))).toBe('RETAIN');
    // A branch head has no "below 99%" rule: 95% retains.
    expect(valueOf(head(100, {}, 0.95))).toBe('RETAIN');
  });

  it('names every demotion condition that holds', () => {
    const text = reason(head(80, { nplRatio: 0.2, deposit: 0.1 }, 0.8));
    expect(text).toContain('score 80 ≤ 90');
    expect(text).toContain('NPL ratio 20% > 10%');
    expect(text).toContain('deposit completion');
    expect(text).toContain('collection completion');
    expect(text).toMatch(/→ DEMOTE$/);
  });

  it('accident loss of 10,000 yuan terminates; 9,999.99 does not', () => {
    expect(valueOf(head(100, { lossAmount: 10000 }))).toBe('TERMINATE');
    expect(reason(head(100, { lossAmount: 10000 }))).toBe(
      'Art. 14(1)2: accident loss 10,000 ≥ 10,000 → TERMINATE',
    );
    expect(valueOf(head(100, { lossAmount: 9999.99 }))).toBe('RETAIN');
    expect(valueOf(head(85, { lossAmount: 9999.99 }))).toBe('DEMOTE');
  });

  it('a demotion condition in a second year in a row terminates (Art. 14(1)1)', () => {
    const r = head(90, { priorDemotions: 1 });
    expect(valueOf(r)).toBe('TERMINATE');
    expect(reason(r)).toMatch(/^Art\. 14\(1\)1: score 90 ≤ 90, and demoted the previous year/);
    expect(valueOf(head(90, { priorDemotions: 0 }))).toBe('DEMOTE');
    // A prior demotion alone does not terminate: no condition holds this year.
    expect(valueOf(head(90.01, { priorDemotions: 1 }))).toBe('RETAIN');
  });

  it('deposit and npl_ratio are required for a branch head (#VALUE! when blank)', () => {
    expectError(outcome('BRANCH_HEAD', 100, 0.999, { nplRatio: 0.02 }), 'value', 'deposit');
    expectError(outcome('BRANCH_HEAD', 100, 0.999, { deposit: 0.35 }), 'value', 'npl_ratio');
    expectError(outcome('行长', 100, 0.999, { deposit: 0.35, nplRatio: '' }), 'value', 'npl_ratio');
  });

  it('months_below_base is not read for a branch head', () => {
    expect(valueOf(head(100, { monthsBelowBase: 12 }))).toBe('RETAIN');
    expect(valueOf(head(100, { monthsBelowBase: 'junk' }))).toBe('RETAIN');
  });
});

describe('GRADE_OUTCOME input errors', () => {
  it('AGENT has no Art. 14 outcome: #N/A', () => {
    expectError(outcome('AGENT', 100, 0.999), 'na', 'role');
    expectError(outcome('代办员', 100, 0.999), 'na', 'role');
  });

  it('score and collection_rate are required', () => {
    expectError(outcome('MID', undefined, 0.999), 'value', 'score');
    expectError(outcome('MID', 100, ''), 'value', 'collection_rate');
  });

  it('a negative score, negative violation points or fractional months are #NUM!', () => {
    expectError(outcome('MID', -1, 0.999), 'num', 'score');
    expectError(outcome('MID', 100, 0.999, { violationPoints: -1 }), 'num', 'violation_points');
    expectError(outcome('MID', 100, 0.999, { monthsBelowBase: 2.5 }), 'num', 'months_below_base');
    expectError(head(100, { lossAmount: -1 }), 'num', 'loss_amount');
  });
});

describe('NEXT_GRADE (§2)', () => {
  it.each([
    ['BRANCH_HEAD', 'DEMOTE', 'SENIOR'],
    ['SENIOR', 'DEMOTE', 'MID'],
    ['MID', 'DEMOTE', 'JUNIOR'],
    ['JUNIOR', 'DEMOTE', 'AGENT'],
    ['MID', 'RETAIN', 'MID'],
    ['BRANCH_HEAD', 'RETAIN', 'BRANCH_HEAD'],
    ['SENIOR', 'TERMINATE', 'NONE'],
    ['高级', '降级', 'MID'],
    ['中级', 'demote', 'JUNIOR'],
    ['初级', '解除劳动合同', 'NONE'],
  ])('%s after %s → %s', (role, result, next) => {
    expect(valueOf(nextGrade(role, result))).toBe(next);
  });

  it('AGENT has no next grade (#N/A); an unknown outcome is #VALUE! naming outcome', () => {
    expectError(nextGrade('AGENT', 'DEMOTE'), 'na', 'role');
    expect(expectError(nextGrade('MID', 'PROMOTE'), 'value', 'outcome')).toContain(
      'RETAIN, DEMOTE or TERMINATE',
    );
    expectError(nextGrade('MID', ''), 'value', 'outcome');
  });
});

describe('MONTHS_BELOW_BASE (Art. 14(2)): longest run strictly below 90% of base', () => {
  it('counts the longest run; exactly 90% is not below', () => {
    expect(valueOf(monthsBelowBase([100, 80, 89.99, 85, 95, 80], 100))).toBe(3);
    expect(valueOf(monthsBelowBase([90, 90, 90, 90], 100))).toBe(0);
    expect(valueOf(monthsBelowBase([89.99, 89.99, 90, 89.99], 100))).toBe(2);
  });

  it('says which months made the run', () => {
    expect(reason(monthsBelowBase([100, 80, 89.99, 85, 95], 100))).toContain(
      'months 2–4: 3 in a row',
    );
  });

  it('ignores months not yet reported but never reads a blank between months as 0', () => {
    expect(valueOf(monthsBelowBase([80, 80, null, ''], 100))).toBe(2);
    expect(monthsBelowBase([80, null, 80], 100).ok).toBe(false);
    expectError(monthsBelowBase([], 100), 'value', 'monthly_deposits');
  });

  it('a base deposit of 0 or less is #NUM!', () => {
    expectError(monthsBelowBase([1], 0), 'num', 'base_deposit');
    expectError(monthsBelowBase([1], -5), 'num', 'base_deposit');
    expectError(monthsBelowBase([1], undefined), 'value', 'base_deposit');
  });
});

describe('COLLECTION_DUTY (Art. 25(1)): 99.5% overall and 100% on this year’s loans', () => {
  it.each([
    [0.995, 1, false],
    [1, 1, false],
    [0.9949, 1, true],
    [0.995, 0.9999, true],
    [0.5, 0.5, true],
  ])('overall %p, this year %p → %p', (overall, thisYear, duty) => {
    expect(valueOf(collectionDuty(overall, thisYear))).toBe(duty);
  });

  it('explains the shortfall under Art. 25(1)', () => {
    expect(reason(collectionDuty(0.99, 1))).toBe(
      'Art. 25(1): collection rate 99% < 99.5% → leave the post to collect',
    );
  });

  it('rates above 1 are #NUM!; blanks are #VALUE!', () => {
    expectError(collectionDuty(1.01, 1), 'num', 'collection_rate');
    expectError(collectionDuty(1, 100), 'num', 'new_loan_collection_rate');
    expectError(collectionDuty(1, undefined), 'value', 'new_loan_collection_rate');
  });
});

describe('labels of the codes the rules return', () => {
  it('LABEL("DEMOTE") is 降级 in Chinese and Demote in English', () => {
    expect(LABELS.DEMOTE).toEqual({ zh: '降级', en: 'Demote' });
  });

  it('every role, outcome, next grade and qualification code has both labels', () => {
    const codes = [
      ...ROLES,
      ...OUTCOMES,
      'NONE',
      'QUALIFIED',
      'PROVISIONAL_JUNIOR',
      'NOT_QUALIFIED',
    ];
    for (const code of codes) {
      expect(LABELS[code]?.zh).toBeTruthy();
      expect(LABELS[code]?.en).toBeTruthy();
    }
  });
});
