/**
 * Issue #14 "A month of branches": `cm-appraisal audit <folder of 8 workbooks of 5,000 rows>
 * -o DIR` on 2 worker threads (--jobs 2) against the same command auditing them one after
 * another in one thread (--jobs 1), both as a user runs them (`node bin/cm-appraisal.js`), in
 * the same run, interleaved. ratio = parallel ÷ one-after-another; target ≤ 1/1.6 (at least
 * 1.6× faster). Wall-clock time (a speed-up is a wall-clock matter), so a machine whose cores
 * are busy with other work shows less speed-up: the spread and the machine's load are reported.
 *
 * Beside it, not judged: the same month split between two separate processes started together,
 * each auditing its half one after another (`--jobs 1`). Nothing is shared or coordinated, so it
 * is what any split of the work across two cores can do on the machine at hand; when even it is
 * no faster than one process, the machine, not the batch, bounds the speed-up.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appraisalWorkbook } from './appraisal-workbook';
import { registerBench } from './harness';
import { childrenCpuMs, median, stableRatio } from './stable';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshBundle } = require('../bin/cli-bundle') as {
  freshBundle: (root: string) => string | null;
};

const exec = promisify(execFile);
const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'cm-appraisal.js');
const WORKBOOKS = 8;
const ROWS = 5_000;
const SPEEDUP = 1.6;

async function audit(folder: string, out: string, jobs: number): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  const args = [BIN, 'audit', folder, '-o', out, '--jobs', String(jobs), '--user', 'bench'];
  // Exit 1: the generated workbooks carry findings on purpose; anything else is a failure.
  await exec(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 24 }).catch(
    (e: { code?: unknown; stderr?: string }) => {
      if (e.code !== 1) throw new Error(`audit --jobs ${jobs} failed: ${e.stderr ?? e}`);
    },
  );
}

registerBench({
  name: 'cli.audit_batch_8x5k',
  run: async () => {
    if (freshBundle(ROOT) === null) {
      await exec(process.execPath, [join(ROOT, 'scripts', 'build-cli.js')], { cwd: ROOT });
    }
    const one = await appraisalWorkbook(ROWS);
    const dir = mkdtempSync(join(tmpdir(), 'cm-bench-batch-'));
    try {
      const folder = join(dir, 'month');
      mkdirSync(folder);
      const halves = [join(dir, 'half-1'), join(dir, 'half-2')];
      for (const h of halves) mkdirSync(h);
      for (let i = 1; i <= WORKBOOKS; i++) {
        copyFileSync(one, join(folder, `branch-${i}.xlsx`));
        copyFileSync(one, join(halves[i <= WORKBOOKS / 2 ? 0 : 1], `branch-${i}.xlsx`));
      }
      await audit(folder, join(dir, 'warm'), 2); // file cache, and any failure surfaces here
      const load0 = loadavg()[0];
      // CPU time of each run (all its threads), reported beside the wall clock, not judged: it
      // says how much of a missed speed-up is work the parallel run adds.
      const cpu: Record<'parallel' | 'serial', number[]> = { parallel: [], serial: [] };
      const timed = async (kind: 'parallel' | 'serial', jobs: number) => {
        const c0 = childrenCpuMs();
        await audit(folder, join(dir, kind), jobs);
        cpu[kind].push(childrenCpuMs() - c0);
      };
      const r = await stableRatio(
        () => timed('parallel', 2),
        () => timed('serial', 1),
        {
          pairs: 1,
          minRounds: 2,
          maxRounds: 4,
          tolerance: 0.1,
          budgetMs: 150_000,
          sampler: async (fn) => {
            const t0 = process.hrtime.bigint();
            await fn();
            const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
            return { wallMs, cpuMs: Infinity }; // judged on wall-clock time
          },
        },
      );
      // The machine's own bound: two processes, each half the month, against one process; and
      // one half alone, to show what running beside the other half costs each.
      const split: number[] = [];
      const whole: number[] = [];
      const alone: number[] = [];
      const wall = async (fn: () => Promise<unknown>) => {
        const t0 = process.hrtime.bigint();
        await fn();
        return Number(process.hrtime.bigint() - t0) / 1e6;
      };
      for (let i = 0; i < 3; i++) {
        whole.push(await wall(() => audit(folder, join(dir, 'serial'), 1)));
        split.push(
          await wall(() => Promise.all(halves.map((h, k) => audit(h, join(dir, `split-${k}`), 1)))),
        );
        alone.push(await wall(() => audit(halves[0], join(dir, 'alone'), 1)));
      }
      return {
        figures: {
          workbooks: WORKBOOKS,
          rows_each: ROWS,
          parallel_2_ms: Math.round(r.subjectMs),
          one_after_another_ms: Math.round(r.baselineMs),
          parallel_cpu_ms: Math.round(median(cpu.parallel)),
          one_after_another_cpu_ms: Math.round(median(cpu.serial)),
          speedup: Math.round((1 / r.ratio) * 100) / 100,
          spread: `${(1 / r.spreadHigh).toFixed(2)}–${(1 / r.spreadLow).toFixed(2)}× speed-up`,
          rounds: r.rounds,
          two_processes_ms: Math.round(median(split)),
          two_processes_speedup: Math.round((median(whole) / median(split)) * 100) / 100,
          // What running beside the other half costs each: one half alone.
          half_alone_ms: Math.round(median(alone)),
          load_avg: `${load0.toFixed(1)}→${loadavg()[0].toFixed(1)}`,
        },
        ratio: r.ratio,
        target: 1 / SPEEDUP,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
