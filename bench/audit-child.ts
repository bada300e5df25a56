/**
 * Runs one step in a fresh process so its peak memory is its own:
 * `node --import tsx bench/audit-child.ts <bare|audit|scan> <file.xlsx> <report.json>`
 * (scan: unzip + streaming XML scan, no cell model: bench/xlsx-scan.ts).
 * Prints one JSON line: { ms, peak_rss_mb } (VmHWM, the kernel's peak resident set).
 */
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { cliMain } from './cli-main';
import { scanXlsx } from './xlsx-scan';
import { trackPeak } from './peak-memory';

const peak = trackPeak();

async function main(): Promise<void> {
  const [mode, file, report] = process.argv.slice(2);
  // The audit as a user runs it: `cm-appraisal audit <file> --json`, the command loaded first
  // (the compiled bundle, as the bin loads it), so its clock holds the audit only.
  const cli = mode === 'audit' ? await cliMain() : undefined;
  const start = process.hrtime.bigint();
  let via = '';
  if (mode === 'bare') {
    await new ExcelJS.Workbook().xlsx.readFile(file);
  } else if (mode === 'scan') {
    await scanXlsx(file);
  } else if (cli) {
    const r = await cli.run(['audit', file, '--json', '--lang', 'zh', '--user', 'bench']);
    if (r.code > 1) throw new Error(`audit failed with exit ${r.code}`);
    await writeFile(report, r.stdout);
    via = cli.via;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: peak.stop(), via })}\n`);
}

void main();
