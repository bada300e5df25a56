/**
 * The stable-ratio helper of the benchmarks (bench/stable.ts, issue #14): its verdict holds when
 * other work slows runs down at random, because a busy machine only ever adds time.
 */
import { cost, lowerQuartile, stableRatio, type Sample } from '../../bench/stable';

/** A sampler that reports planned costs instead of timing: `base` plus random extra time. */
function plannedSampler(base: Map<unknown, number>, noise: () => number) {
  return async (fn: () => Promise<unknown>): Promise<Sample> => {
    const key = await fn();
    const ms = (base.get(key) as number) + noise();
    return { wallMs: ms, cpuMs: ms };
  };
}

function lcg(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

describe('stableRatio', () => {
  it('a quiet machine: the exact ratio, stable after the minimum rounds', async () => {
    const base = new Map<unknown, number>([
      ['s', 12],
      ['b', 10],
    ]);
    const r = await stableRatio(
      () => 's',
      () => 'b',
      { sampler: plannedSampler(base, () => 0), minRounds: 3 },
    );
    expect(r).toMatchObject({
      ratio: 1.2,
      spreadLow: 1.2,
      spreadHigh: 1.2,
      rounds: 3,
      stable: true,
    });
  });

  it('a busy machine (a third of the runs slowed up to 3×, either side): still about 1.2', async () => {
    const base = new Map<unknown, number>([
      ['s', 12],
      ['b', 10],
    ]);
    const rnd = lcg(7);
    const noise = () => (rnd() < 0.33 ? rnd() * 20 : rnd() * 0.2);
    const r = await stableRatio(
      () => 's',
      () => 'b',
      {
        sampler: plannedSampler(base, noise),
        pairs: 9,
        minRounds: 3,
        maxRounds: 15,
        tolerance: 0.05,
      },
    );
    expect(r.ratio).toBeGreaterThan(1.15);
    expect(r.ratio).toBeLessThan(1.25);
  });

  it('each run counts the smaller of wall and CPU time; the lower quartile of runs', () => {
    expect(cost({ wallMs: 14, cpuMs: 2.3 })).toBe(2.3);
    expect(cost({ wallMs: 2.2, cpuMs: 2.9 })).toBe(2.2);
    expect(lowerQuartile([9, 1, 5, 3, 7])).toBe(3);
  });
});
