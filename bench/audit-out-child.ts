/**
 * `cm-appraisal audit` of one file in a fresh process, with or without `-o`, as users run it:
 * `node --import tsx bench/audit-out-child.ts <file.xlsx> [out.xlsx]`.
 * Prints one JSON line: { ms, peak_rss_mb } (VmHWM, the kernel's peak resident set).
 */
import { run } from '../src/cli/audit';
import { trackPeak } from './peak-memory';

const peak = trackPeak();

async function main(): Promise<void> {
  const [file, out] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  await run(
    {
      positionals: [file],
      values: { json: true, lang: 'zh', user: 'bench', ...(out ? { out, 'in-place': false } : {}) },
    },
    { out: () => undefined, err: () => undefined, env: {}, errIsTty: false },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: peak.stop() })}\n`);
}

void main();
