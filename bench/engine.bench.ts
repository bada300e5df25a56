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
async function inChild(mode: 'bare' | 'audit' | 'scan', file: string): Promise<ChildResult> {
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

/**
 * Issue #14 "100,000 rows": the audit against the floor of reading the same file (unzip + a
 * streaming scan of the sheet XML with saxes, no cell model: bench/xlsx-scan.ts), each in a
 * fresh process, interleaved (scan, audit, audit, scan …), medians. Two verdicts from the same
 * runs: time ≤ 3× the scan (engine.audit_100k_vs_scan) and peak RSS ≤ 400 MB
 * (engine.audit_100k_peak_400mb).
 */
const SCAN_TARGET = 3;
const PEAK_TARGET_MB = 400;
let scanRuns: Promise<{ scan: ChildResult[]; audit: ChildResult[] }> | undefined;

function scanAndAudit(): Promise<{ scan: ChildResult[]; audit: ChildResult[] }> {
  scanRuns ??= (async () => {
    const file = await appraisalWorkbook(100_000);
    const scan: ChildResult[] = [];
    const audit: ChildResult[] = [];
    for (let i = 0; i < 2; i++) {
      // Flipped order each round, so neither side always follows the other.
      if (i % 2 === 0) {
        scan.push(await inChild('scan', file));
        audit.push(await inChild('audit', file));
      } else {
        audit.push(await inChild('audit', file));
        scan.push(await inChild('scan', file));
      }
    }
    return { scan, audit };
  })();
  return scanRuns;
}

const spreadOf = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;

if (!quick) {
  registerBench({
    name: 'engine.audit_100k_vs_scan',
    run: async () => {
      const { scan, audit } = await scanAndAudit();
      const ratios = audit.map((a, i) => a.ms / scan[i].ms);
      return {
        figures: {
          rows: 100_000,
          scan_ms: round(median(scan.map((s) => s.ms))),
          audit_ms: round(median(audit.map((a) => a.ms))),
          spread: `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
          scan_peak_rss_mb: round(median(scan.map((s) => s.peak_rss_mb))),
          audit_via: audit[0].via,
        },
        ratio: median(audit.map((a) => a.ms)) / median(scan.map((s) => s.ms)),
        target: SCAN_TARGET,
      };
    },
  });

  registerBench({
    name: 'engine.audit_100k_peak_400mb',
    run: async () => {
      const { audit } = await scanAndAudit();
      const peaks = audit.map((a) => a.peak_rss_mb);
      return {
        figures: {
          rows: 100_000,
          peak_rss_mb: round(Math.max(...peaks)),
          spread_mb: spreadOf(peaks),
          bound_mb: PEAK_TARGET_MB,
        },
        ratio: Math.max(...peaks) / PEAK_TARGET_MB,
        target: 1,
      };
    },
  });

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
