/**
 * Issue 17 "-o": what users run is `audit -o`, which also writes the workbook (report, log,
 * fresh cached values). Both runs in fresh child processes, in the same bench run:
 * - engine.audit_out_50k: time of `audit -o` ÷ time of `audit` without -o on 50,000 rows;
 *   target 2.
 * - engine.audit_out_100k: peak RSS of `audit -o` on 100,000 rows ÷ 1 GB; target 1.
 * `--quick` (or CM_BENCH_QUICK=1) leaves the 100k run out. Workbooks: bench/appraisal-workbook.ts.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appraisalWorkbook } from './appraisal-workbook';
import { registerBench } from './harness';

const exec = promisify(execFile);
const ROOT = join(__dirname, '..');
const quick = process.argv.includes('--quick') || process.env.CM_BENCH_QUICK === '1';

interface ChildResult {
  readonly ms: number;
  readonly peak_rss_mb: number;
}

async function audit(file: string, out?: string): Promise<ChildResult> {
  const args = ['--import', 'tsx', join(__dirname, 'audit-out-child.ts'), file];
  if (out) args.push(out);
  const { stdout } = await exec(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as ChildResult;
}

const round = (x: number) => Math.round(x);
const outFile = (rows: number) =>
  join(tmpdir(), `cm-appraisal-bench-out-${rows}-${process.pid}.xlsx`);

registerBench({
  name: 'engine.audit_out_50k',
  run: async () => {
    const file = await appraisalWorkbook(50_000);
    const out = outFile(50_000);
    try {
      const plain = await audit(file);
      const written = await audit(file, out);
      return {
        figures: {
          rows: 50_000,
          audit_ms: round(plain.ms),
          audit_out_ms: round(written.ms),
          audit_peak_rss_mb: round(plain.peak_rss_mb),
          audit_out_peak_rss_mb: round(written.peak_rss_mb),
        },
        ratio: written.ms / plain.ms,
        target: 2,
      };
    } finally {
      rmSync(out, { force: true });
    }
  },
});

if (!quick) {
  registerBench({
    name: 'engine.audit_out_100k',
    run: async () => {
      const file = await appraisalWorkbook(100_000);
      const out = outFile(100_000);
      try {
        const written = await audit(file, out);
        return {
          figures: {
            rows: 100_000,
            audit_out_ms: round(written.ms),
            peak_rss_mb: round(written.peak_rss_mb),
            bound_mb: 1024,
          },
          ratio: written.peak_rss_mb / 1024,
          target: 1,
        };
      } finally {
        rmSync(out, { force: true });
      }
    },
  });
}
