/**
 * Validation + audit of 10,000 generated appraisal rows (src/sheets) against the rules core
 * computing the same rows' values — score, Art. 14 outcome, Art. 25(2) reserve — in the same
 * run, interleaved until the ratio is stable (bench/stable.ts). Target: within 3×. Also reported:
 * validation alone, and both against the score alone (`appraisalScore`, the exact integer fast
 * path), for information.
 */
import { appraisalScore, gradeOutcome, riskReserve } from '../src/rules';
import { auditWorkbook, validateWorkbook, type CellValue, type Grid } from '../src/sheets';
import { registerBench, time } from './harness';
import { stableFigures, stableRatio } from './stable';

const ROWS = 10_000;

const HEADERS = [
  '工号',
  '姓名',
  '支行',
  '考核对象',
  '新增存款日均增长率',
  '新增存款日均\n(元)',
  '不良率',
  '收贷收息率（%）',
  '中间收入增长率',
  '新开对公基本账户',
  '连续低于基数月数',
  '违规扣分',
  '月收入',
  '风险金余额',
  '综合得分',
  '考核结果',
  '本月风险金',
];

interface Row {
  readonly role: string;
  readonly deposit: number;
  readonly npl: number;
  readonly collection: number;
  readonly fourth: number;
  readonly months: number;
  readonly points: number;
  readonly income: number;
  readonly balance: number;
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

export function rows(n: number): Row[] {
  const rnd = random(20250303);
  const roles = ['BRANCH_HEAD', 'SENIOR', 'SENIOR', 'MID', 'MID', 'MID', '初级', 'JUNIOR'];
  return Array.from({ length: n }, () => {
    const role = roles[Math.floor(rnd() * roles.length)];
    const junior = role === 'JUNIOR' || role === '初级';
    return {
      role,
      deposit: junior ? Math.round(rnd() * 2e8) / 100 : Math.round(rnd() * 6000 - 1000) / 10000,
      npl: rnd() < 0.2 ? 0 : Math.round(rnd() * 800) / 10000,
      collection: rnd() < 0.1 ? 1 : Math.round(9700 + rnd() * 300) / 10000,
      fourth: role === 'BRANCH_HEAD' ? Math.round(rnd() * 5000) / 10000 : Math.floor(rnd() * 15),
      months: Math.floor(rnd() * 5),
      points: Math.floor(rnd() * 18),
      income: Math.round(3000 + rnd() * 20000),
      balance: Math.round(rnd() * 25000),
    };
  });
}

const errorText = { value: '#VALUE!', num: '#NUM!', na: '#N/A' } as const;

/** The sheet as Excel would show it after recalculation: formulas and their cached values. */
export function sheet(data: readonly Row[]): Grid {
  const values: CellValue[][] = [HEADERS];
  const formulas: (string | null)[][] = [HEADERS.map(() => null)];
  data.forEach((d, i) => {
    const r = i + 2;
    const head = d.role === 'BRANCH_HEAD';
    const junior = d.role === 'JUNIOR' || d.role === '初级';
    const score = appraisalScore({
      role: d.role,
      deposit: d.deposit,
      nplRatio: d.npl,
      collectionRate: d.collection,
      fourth: d.fourth,
    });
    const s = score.ok ? score.value : errorText[score.error.kind];
    const outcome = score.ok
      ? gradeOutcome({
          role: d.role,
          score: score.value,
          collectionRate: d.collection,
          monthsBelowBase: head ? null : d.months,
          violationPoints: d.points,
          deposit: junior ? null : d.deposit,
          nplRatio: d.npl,
        })
      : score;
    const reserve = riskReserve(d.role, d.income, head ? null : d.balance);
    values.push([
      `E${100000 + i}`,
      `员工${i}`,
      `支行${i % 40}`,
      d.role,
      junior ? null : d.deposit,
      junior ? d.deposit : null,
      d.npl,
      d.collection,
      head ? d.fourth : null,
      head ? null : d.fourth,
      head ? null : d.months,
      d.points,
      d.income,
      head ? null : d.balance,
      s,
      outcome.ok ? outcome.value : errorText[outcome.error.kind],
      reserve.ok ? reserve.value.toNumber() : errorText[reserve.error.kind],
    ]);
    formulas.push([
      ...Array.from({ length: 14 }, () => null),
      `=CM.APPRAISAL_SCORE(D${r},${junior ? 'F' : 'E'}${r},G${r},H${r},${head ? 'I' : 'J'}${r})`,
      `=CM.GRADE_OUTCOME(D${r},O${r},H${r},K${r},L${r},,E${r},G${r})`,
      `=CM.RISK_RESERVE(D${r},M${r},N${r})`,
    ]);
  });
  // A few problems, as a real sheet has: overwritten scores, stale values, percent-typed rates.
  for (let i = 1; i < values.length; i += 97) {
    formulas[i][14] = null;
  }
  for (let i = 5; i < values.length; i += 101) {
    const v = values[i][14];
    if (typeof v === 'number') values[i][14] = v + 1;
  }
  for (let i = 9; i < values.length; i += 89) values[i][7] = 99.5;
  return { sheet: '考核表', top: 0, left: 0, values, formulas };
}

registerBench({
  name: 'sheets.validate_audit_10k',
  run: async () => {
    const data = rows(ROWS);
    const grid = sheet(data);
    const baseline = time(() => {
      for (const d of data) {
        appraisalScore({
          role: d.role,
          deposit: d.deposit,
          nplRatio: d.npl,
          collectionRate: d.collection,
          fourth: d.fourth,
        });
      }
    });
    const rulesOnce = (): void => {
      for (const d of data) {
        const head = d.role === 'BRANCH_HEAD';
        const s = appraisalScore({
          role: d.role,
          deposit: d.deposit,
          nplRatio: d.npl,
          collectionRate: d.collection,
          fourth: d.fourth,
        });
        if (s.ok) {
          gradeOutcome({
            role: d.role,
            score: s.value,
            collectionRate: d.collection,
            monthsBelowBase: head ? null : d.months,
            violationPoints: d.points,
            deposit: d.deposit,
            nplRatio: d.npl,
          });
        }
        riskReserve(d.role, d.income, head ? null : d.balance);
      }
    };
    let findings = 0;
    const validate = time(() => {
      findings = validateWorkbook([grid]).findings.length;
    });
    let mismatches = 0;
    const auditOnce = (): void => {
      mismatches = auditWorkbook([grid]).counts.mismatches;
    };
    for (let i = 0; i < 3; i++) {
      auditOnce();
      rulesOnce();
    }
    // Judged as the other millisecond benchmarks are (issue #14): the audit and the rules core in
    // alternation, rounds until the ratio is stable, each run's cost min(wall, CPU); the median
    // round ratio, and its spread (bench/stable.ts).
    const r = await stableRatio(auditOnce, rulesOnce, {
      pairs: 9,
      minRounds: 3,
      budgetMs: 30_000,
    });
    return {
      figures: {
        rows: ROWS,
        score_baseline_ms: baseline,
        validate_ms: validate,
        ...stableFigures(r, { subject: 'audit', baseline: 'rules_all_three' }),
        // For information: against the score alone (the exact integer fast path), which the
        // audit cannot approach since it also reads every cell and runs Art. 14 and 25(2).
        audit_vs_score_only: r.subjectMs / baseline,
        validate_vs_score_only: validate / baseline,
        findings,
        mismatches,
      },
      // Judged: validation + audit against the rules core computing the same rows' values
      // (score, outcome, reserve): what the sheets layer adds on top of the rules it applies.
      ratio: r.ratio,
      target: 3,
    };
  },
});
