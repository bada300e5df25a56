/**
 * The cost of exactness: CM.APPRAISAL_SCORE's rule (`appraisalScore`: exact, integer fast path)
 * over 100,000 random valid rows against a plain floating-point version of the same formula
 * (same clamps and bands, float only) in the same run. Target: exact within 10× of float.
 * The plain decimal path (`scoreBreakdown`) is timed too, for information.
 */
import { appraisalScore, scoreBreakdown } from '../src/rules';
import { registerBench, time } from './harness';

const ROWS = 100_000;
const SEED = 20240613;

type Row = readonly [
  role: string,
  deposit: number,
  npl: number,
  collection: number,
  fourth: number,
];

/** Park–Miller minimal standard generator: the same rows on every machine and every run. */
function random(seed: number): () => number {
  let s = seed % 2147483647;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

/** Rows as a workbook holds them: rates with 1–4 decimals, yuan with 0–2, whole accounts. */
export function benchRows(n = ROWS, seed = SEED): Row[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const decimals = (lo: number, hi: number, min: number, max: number): number => {
    const d = min + Math.floor(rnd() * (max - min + 1));
    const scale = 10 ** d;
    return Math.round((lo + rnd() * (hi - lo)) * scale) / scale;
  };
  const spellings: Record<string, readonly string[]> = {
    BRANCH_HEAD: ['BRANCH_HEAD', '支行行长'],
    SENIOR: ['SENIOR', '高级客户经理', '高级'],
    MID: ['MID', '中级'],
    JUNIOR: ['JUNIOR', '初级客户经理'],
  };
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    // Fewer branch heads than customer managers, as in a branch network.
    const role = pick(['BRANCH_HEAD', 'SENIOR', 'SENIOR', 'MID', 'MID', 'MID', 'JUNIOR', 'JUNIOR']);
    const text = rnd() < 0.8 ? role : pick(spellings[role]);
    const deposit = role === 'JUNIOR' ? decimals(0, 2_000_000, 0, 2) : decimals(-0.2, 0.6, 1, 4);
    const npl = rnd() < 0.2 ? 0 : decimals(0, 0.08, 1, 4);
    const collection = rnd() < 0.1 ? 1 : decimals(0.97, 1, 1, 4);
    const fourth = role === 'BRANCH_HEAD' ? decimals(-0.1, 0.5, 1, 4) : Math.floor(rnd() * 15);
    rows.push([text, deposit, npl, collection, fourth]);
  }
  return rows;
}

// --- The same formula in binary floating point (what exactness is measured against) ---------

const FLOAT_ROLE: Record<string, 'BRANCH_HEAD' | 'SENIOR' | 'MID' | 'JUNIOR'> = {
  BRANCH_HEAD: 'BRANCH_HEAD',
  支行行长: 'BRANCH_HEAD',
  SENIOR: 'SENIOR',
  高级客户经理: 'SENIOR',
  高级: 'SENIOR',
  MID: 'MID',
  中级: 'MID',
  JUNIOR: 'JUNIOR',
  初级客户经理: 'JUNIOR',
};
const ACCOUNTS = { SENIOR: 10, MID: 7, JUNIOR: 5 } as const;

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** POLICY §1 in doubles: same clamps and bands, no decimal reading, Math.round to 2 places. */
export function floatScore(
  roleText: string,
  deposit: number,
  npl: number,
  collection: number,
  fourth: number,
): number {
  const role = FLOAT_ROLE[roleText];
  const d =
    role === 'JUNIOR'
      ? 40 + clamp((2 * (deposit / 1_000_000 - 1)) / 0.01, -40, 20)
      : 40 + clamp((2 * (deposit - 0.3)) / 0.01, -40, 20);
  const n = npl === 0 ? 30 : npl <= 0.01 ? 20 : npl <= 0.05 ? 10 : 0;
  const c = 20 + clamp((2 * (collection - 0.995)) / 0.001, -20, 10);
  const f =
    role === 'BRANCH_HEAD'
      ? 10 + clamp((fourth - 0.2) / 0.02, -10, 5)
      : (10 * Math.min(fourth, ACCOUNTS[role])) / ACCOUNTS[role];
  return Math.round((d + n + c + f) * 100) / 100;
}

// --- The benchmark --------------------------------------------------------------------------

export function run(): {
  name: string;
  figures: Record<string, number>;
  ratio: number;
  target: number;
} {
  const rows = benchRows();
  const exactOut = new Float64Array(rows.length);
  const floatOut = new Float64Array(rows.length);
  const decimalOut = new Float64Array(rows.length);

  const exact = (): void => {
    for (let i = 0; i < rows.length; i++) {
      const [role, deposit, nplRatio, collectionRate, fourth] = rows[i];
      const r = appraisalScore({ role, deposit, nplRatio, collectionRate, fourth });
      exactOut[i] = r.ok ? r.value : NaN;
    }
  };
  const float = (): void => {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      floatOut[i] = floatScore(r[0], r[1], r[2], r[3], r[4]);
    }
  };
  const decimal = (): void => {
    for (let i = 0; i < rows.length; i++) {
      const [role, deposit, nplRatio, collectionRate, fourth] = rows[i];
      const r = scoreBreakdown({ role, deposit, nplRatio, collectionRate, fourth });
      decimalOut[i] = r.ok ? r.value.total.toNumber() : NaN;
    }
  };

  // Warm up all three before timing any, so no path is timed while the others compile.
  for (let k = 0; k < 3; k++) {
    exact();
    float();
  }
  decimal();
  const floatMs = time(float, 9);
  const exactMs = time(exact, 9);
  const decimalMs = time(decimal, 3);

  let errors = 0;
  let exactVsDecimal = 0;
  let floatDiffers = 0;
  for (let i = 0; i < rows.length; i++) {
    if (Number.isNaN(exactOut[i])) errors++;
    if (exactOut[i] !== decimalOut[i]) exactVsDecimal++;
    if (exactOut[i] !== floatOut[i]) floatDiffers++;
  }
  // The rows are valid and both exact paths must agree; anything else makes the timing moot.
  if (errors > 0 || exactVsDecimal > 0) {
    throw new Error(`${errors} rows failed, ${exactVsDecimal} rows differ between exact paths`);
  }

  return {
    name: 'rules.appraisal_score_100k',
    figures: {
      rows: rows.length,
      exact_ms: exactMs,
      float_ms: floatMs,
      decimal_ms: decimalMs,
      decimal_ratio: decimalMs / floatMs,
      /** Rows where plain floats give a different score than the policy's exact reading. */
      float_wrong_rows: floatDiffers,
    },
    ratio: exactMs / floatMs,
    target: 10,
  };
}

registerBench({ name: 'rules.appraisal_score_100k', run });
