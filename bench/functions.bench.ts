/**
 * Adapter overhead: one lifted CM.APPRAISAL_SCORE call over 10,000-row ranges, the way Excel
 * calls it, against the rules core scoring the same rows one by one. Target: within 1.5×.
 */
import { appraisalScore } from '../src/rules';
import { callFromExcel } from '../src/functions/excel-adapter';
import { stableFigures, stableRatio } from './stable';

const ROWS = 10_000;

function rows(): unknown[][] {
  let seed = 42;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const roles = ['BRANCH_HEAD', 'SENIOR', 'MID', 'JUNIOR'];
  return Array.from({ length: ROWS }, () => {
    const role = roles[Math.floor(rnd() * 4)];
    return [
      role,
      role === 'JUNIOR' ? Math.round(rnd() * 200000000) / 100 : Math.round(rnd() * 6000) / 10000,
      Math.round(rnd() * 800) / 10000,
      Math.round(9800 + rnd() * 200) / 10000,
      role === 'BRANCH_HEAD' ? Math.round(rnd() * 4000) / 10000 : Math.floor(rnd() * 12),
    ];
  });
}

/** Steady state for both sides: the JIT has compiled the lifted loop and the rules alike. */
const WARMUP = 20;
const CALLS_PER_RUN = 8;

export async function run(): Promise<{
  name: string;
  figures: Record<string, number | string | boolean>;
  ratio: number;
  target: number;
}> {
  const data = rows();
  const columns = [0, 1, 2, 3, 4].map((k) => data.map((r) => [r[k]]));
  const makeError = (code: string, message: string): object => ({ code, message });
  let sink = 0;
  const coreRun = (): void => {
    for (const r of data) {
      const s = appraisalScore({
        role: r[0],
        deposit: r[1],
        nplRatio: r[2],
        collectionRate: r[3],
        fourth: r[4],
      });
      if (s.ok) sink += s.value;
    }
  };
  const liftedRun = (): void => {
    sink += callFromExcel('APPRAISAL_SCORE', columns, makeError).length;
  };
  for (let i = 0; i < WARMUP; i++) {
    coreRun();
    liftedRun();
  }
  // Interleaved rounds until the ratio is stable; each run's cost is min(wall, CPU), which
  // holds on a busy machine (bench/stable.ts).
  // Eight calls a run (about 20 ms), so the collector's work on the lifted side is inside a run.
  const times = (fn: () => void) => () => {
    for (let i = 0; i < CALLS_PER_RUN; i++) fn();
  };
  const r = await stableRatio(times(liftedRun), times(coreRun), {
    pairs: 9,
    minRounds: 4,
    budgetMs: 30_000,
  });
  if (sink === 0) throw new Error('benchmark computed nothing');
  return {
    name: 'functions.lifted_appraisal_score_10k',
    figures: {
      rows: ROWS,
      calls_per_run: CALLS_PER_RUN,
      ...stableFigures(r, { subject: 'lifted_call', baseline: 'rules_core' }),
    },
    ratio: r.ratio,
    target: 1.5,
  };
}

if (require.main === module) void run().then((r) => console.log(JSON.stringify(r)));
