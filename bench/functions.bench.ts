/**
 * Adapter overhead: one lifted CM.APPRAISAL_SCORE call over 10,000-row ranges, the way Excel
 * calls it, against the rules core scoring the same rows one by one. Target: within 1.5×.
 */
import { appraisalScore } from '../src/rules';
import { callFromExcel } from '../src/functions/excel-adapter';
import { time } from './harness';

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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Steady state for both sides: the JIT has compiled the lifted loop and the rules alike. */
const WARMUP = 20;

export function run(): {
  name: string;
  figures: Record<string, number>;
  ratio: number;
  target: number;
} {
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
  // Interleaved, so drift and collector pauses fall on both sides alike; medians of 31 each.
  const cores: number[] = [];
  const lifteds: number[] = [];
  for (let i = 0; i < 31; i++) {
    cores.push(time(coreRun, 1));
    lifteds.push(time(liftedRun, 1));
  }
  const core = median(cores);
  const lifted = median(lifteds);
  if (sink === 0) throw new Error('benchmark computed nothing');
  return {
    name: 'functions.lifted_appraisal_score_10k',
    figures: { rows: ROWS, rules_core_ms: core, lifted_call_ms: lifted },
    ratio: lifted / core,
    target: 1.5,
  };
}

if (require.main === module) console.log(JSON.stringify(run()));
