/**
 * `cm-appraisal audit` of one file in a fresh process, with or without `-o`, as users run it:
 * `node --import tsx bench/audit-out-child.ts <file.xlsx> [out.xlsx]`.
 * Prints one JSON line: { ms, peak_rss_mb } (VmHWM, the kernel's peak resident set).
 */
import { readFileSync } from 'node:fs';
import { run } from '../src/cli/audit';

function peakRssMb(): number {
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // Not Linux: the largest resident set sampled below.
  }
  return sampledPeak / 1048576;
}

let sampledPeak = 0;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 5);

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
  clearInterval(sampler);
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: peakRssMb() })}\n`);
}

void main();
