/**
 * Issue #6 "Speed and memory": `audit` on generated appraisal workbooks against a bare ExcelJS
 * load (`new ExcelJS.Workbook().xlsx.readFile`) of the same file, in the same run.
 * - engine.audit_10k: audit time within 2× the bare load (ratio = audit_ms ÷ bare_load_ms);
 *   both timed here (median of 3 after a warm-up), peak RSS of the audit in a child process.
 * - engine.audit_100k: completes with peak RSS under 1 GB. Memory target convention:
 *   ratio = peak_rss_mb ÷ 1024, target 1. Measured in child processes (the audit, and for
 *   comparison a bare load), so this process's memory does not count.
 * `npm run bench -- --quick` (or CM_BENCH_QUICK=1) leaves the 100k run out.
 * The workbooks are generated once into the temp directory (bench/appraisal-workbook.ts).
 */
import { execFile } from 'node:child_process';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { appraisalWorkbook } from './appraisal-workbook';
import { auditFile } from './audit-path';
import { registerBench } from './harness';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const REPORT = join(tmpdir(), `cm-appraisal-bench-report-${process.pid}.json`);
const MEMORY_BOUND_MB = 1024;

const quick = process.argv.includes('--quick') || process.env.CM_BENCH_QUICK === '1';

interface ChildResult {
  readonly ms: number;
  readonly peak_rss_mb: number;
  readonly via: string;
}

/** One step in a fresh Node process (see audit-child.ts). */
async function inChild(mode: 'bare' | 'audit', file: string): Promise<ChildResult> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'audit-child.ts'), mode, file, REPORT],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string) as ChildResult;
}

async function ms(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x);

registerBench({
  name: 'engine.audit_10k',
  run: async () => {
    const file = await appraisalWorkbook(10_000);
    const bare = () => new ExcelJS.Workbook().xlsx.readFile(file);
    const audit = () => auditFile(file, REPORT);
    await bare();
    const { via } = await audit();
    const bareMs: number[] = [];
    const auditMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      bareMs.push(await ms(bare));
      auditMs.push(await ms(audit));
    }
    const child = await inChild('audit', file);
    const b = median(bareMs);
    const a = median(auditMs);
    return {
      figures: {
        rows: 10_000,
        bare_load_ms: round(b),
        audit_ms: round(a),
        peak_rss_mb: round(child.peak_rss_mb),
        audit_via: via,
      },
      ratio: a / b,
      target: 2,
    };
  },
});

if (!quick) {
  registerBench({
    name: 'engine.audit_100k',
    run: async () => {
      const file = await appraisalWorkbook(100_000);
      const bare = await inChild('bare', file);
      const audit = await inChild('audit', file);
      return {
        figures: {
          rows: 100_000,
          bare_load_ms: round(bare.ms),
          bare_peak_rss_mb: round(bare.peak_rss_mb),
          audit_ms: round(audit.ms),
          peak_rss_mb: round(audit.peak_rss_mb),
          bound_mb: MEMORY_BOUND_MB,
          audit_via: audit.via,
        },
        ratio: audit.peak_rss_mb / MEMORY_BOUND_MB,
        target: 1,
      };
    },
  });
}
