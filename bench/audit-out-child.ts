/**
 * `cm-appraisal audit` of one file in a fresh process, with or without `-o`, as users run it
 * (the compiled command, loaded before the clock starts):
 * `node --import tsx bench/audit-out-child.ts <file.xlsx> [out.xlsx]`.
 * Prints one JSON line: { ms, peak_rss_mb } (VmHWM, the kernel's peak resident set).
 */
import { cliMain } from './cli-main';
import { trackPeak } from './peak-memory';

const peak = trackPeak();

async function main(): Promise<void> {
  const [file, out] = process.argv.slice(2);
  const cli = await cliMain();
  const start = process.hrtime.bigint();
  const r = await cli.run([
    'audit',
    file,
    '--json',
    '--lang',
    'zh',
    '--user',
    'bench',
    ...(out ? ['-o', out] : []),
  ]);
  if (r.code > 1) throw new Error(`audit failed with exit ${r.code}`);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: peak.stop(), via: cli.via })}\n`);
}

void main();
