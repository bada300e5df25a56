import {
  clearBenches,
  formatTable,
  registerBench,
  registeredBenches,
  runBenches,
  time,
} from '../../bench/harness';

afterEach(clearBenches);

describe('benchmark harness', () => {
  it('runs registered benchmarks and judges ratio against target', async () => {
    registerBench({ name: 'a.fast', run: () => ({ figures: { ms: 1.5 }, ratio: 0.9, target: 1 }) });
    registerBench({ name: 'a.slow', run: async () => ({ figures: {}, ratio: 2, target: 1.5 }) });
    const out = await runBenches();
    expect(out).toEqual({
      'a.fast': { figures: { ms: 1.5 }, ratio: 0.9, target: 1, pass: true },
      'a.slow': { figures: {}, ratio: 2, target: 1.5, pass: false },
    });
    const table = formatTable(out);
    expect(table).toMatch(/a\.fast\s+ok\s+0\.9000\s+≤ 1\s+ms=1\.500/);
    expect(table).toMatch(/a\.slow\s+MISS/);
  });

  it('reports a throwing benchmark without stopping the others', async () => {
    registerBench({
      name: 'b.broken',
      run: () => {
        throw new Error('no data');
      },
    });
    registerBench({ name: 'b.ok', run: () => ({ figures: {}, ratio: 1, target: 1 }) });
    const out = await runBenches();
    expect(out['b.broken']).toEqual({ error: 'no data' });
    expect(out['b.ok']).toMatchObject({ pass: true });
  });

  it('keys a result by its own name when it gives one, and refuses duplicates', async () => {
    registerBench({
      name: 'file',
      run: () => ({ name: 'c.named', figures: {}, ratio: 1, target: 2 }),
    });
    expect(Object.keys(await runBenches())).toEqual(['c.named']);
    expect(() =>
      registerBench({ name: 'file', run: () => ({ figures: {}, ratio: 1, target: 1 }) }),
    ).toThrow(/registered twice/);
    expect(registeredBenches()).toHaveLength(1);
  });

  it('times a function in milliseconds', () => {
    expect(time(() => undefined, 3)).toBeGreaterThanOrEqual(0);
  });
});
