/**
 * Benchmark registry. A benchmark lives in `bench/<topic>.bench.ts`; `npm run bench` loads
 * every such file, runs each benchmark once and reports. A file either registers:
 *
 *   registerBench({
 *     name: 'rules.score_10k',
 *     run: () => {
 *       const ms = time(() => scoreRows(rows));
 *       return { figures: { rows: rows.length, ms }, ratio: ms / referenceMs, target: 1.5 };
 *     },
 *   });
 *
 * or simply exports `run()` returning the same object (optionally with its `name`; otherwise
 * the file's topic names it).
 *
 * `ratio` is the figure a benchmark is judged on and `target` its bound: it passes when
 * ratio ≤ target (e.g. our time ÷ a reference time, at most 1.5). `figures` are the
 * measurements worth printing, named with their unit (`lifted_call_ms`).
 */
export type Figure = number | string | boolean;

export interface BenchResult {
  /** Overrides the registered name in the report. */
  readonly name?: string;
  readonly figures: Readonly<Record<string, Figure>>;
  readonly ratio: number;
  readonly target: number;
}

export interface Bench {
  /** Unique, `<topic>.<what>`, e.g. `engine.recalc_5000`. */
  readonly name: string;
  readonly run: () => BenchResult | Promise<BenchResult>;
}

export interface BenchReport {
  readonly figures: Readonly<Record<string, Figure>>;
  readonly ratio: number;
  readonly target: number;
  readonly pass: boolean;
}

export type BenchOutcome = BenchReport | { readonly error: string };

const registry = new Map<string, Bench>();

export function registerBench(bench: Bench): void {
  if (registry.has(bench.name)) throw new Error(`benchmark "${bench.name}" is registered twice`);
  registry.set(bench.name, bench);
}

export function registeredBenches(): readonly Bench[] {
  return [...registry.values()];
}

/** Forgets every registration (tests). */
export function clearBenches(): void {
  registry.clear();
}

/** Milliseconds taken by fn: the median of `repeat` runs after one warm-up run. */
export function time(fn: () => unknown, repeat = 5): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}

/** Runs the benchmarks one after another; a throwing benchmark is reported, not fatal. */
export async function runBenches(
  benches: readonly Bench[] = registeredBenches(),
): Promise<Record<string, BenchOutcome>> {
  const out: Record<string, BenchOutcome> = {};
  for (const bench of benches) {
    try {
      const { name, figures, ratio, target } = await bench.run();
      if (!Number.isFinite(ratio) || !Number.isFinite(target)) {
        throw new Error(`ratio (${ratio}) and target (${target}) must be finite numbers`);
      }
      out[name ?? bench.name] = { figures: figures ?? {}, ratio, target, pass: ratio <= target };
    } catch (e) {
      out[bench.name] = { error: e instanceof Error ? e.message : String(e) };
    }
  }
  return out;
}

function show(v: Figure): string {
  if (typeof v !== 'number') return String(v);
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}

/** A plain-text table: one row per benchmark, its ratio against its target, then its figures. */
export function formatTable(outcomes: Record<string, BenchOutcome>): string {
  const rows = Object.entries(outcomes).map(([name, o]) => {
    if ('error' in o) return [name, 'ERROR', '', '', o.error];
    const figures = Object.entries(o.figures)
      .map(([k, v]) => `${k}=${show(v)}`)
      .join('  ');
    return [name, o.pass ? 'ok' : 'MISS', show(o.ratio), `≤ ${show(o.target)}`, figures];
  });
  const head = ['benchmark', 'result', 'ratio', 'target', 'figures'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '))
    .join('\n');
}
