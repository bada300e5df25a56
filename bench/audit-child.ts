/**
 * Runs one step in a fresh process so its peak memory is its own:
 * `node --import tsx bench/audit-child.ts <bare|audit|scan> <file.xlsx> <report.json>`
 * (scan: unzip + streaming XML scan, no cell model: bench/xlsx-scan.ts).
 * Prints one JSON line: { ms, peak_rss_mb } (VmHWM, the kernel's peak resident set).
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { auditFile } from './audit-path';
import { scanXlsx } from './xlsx-scan';

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
  const [mode, file, report] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  let via = '';
  if (mode === 'bare') {
    await new ExcelJS.Workbook().xlsx.readFile(file);
  } else if (mode === 'scan') {
    await scanXlsx(file);
  } else {
    via = (await auditFile(file, report)).via;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(sampler);
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
  process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: peakRssMb(), via })}\n`);
}

void main();
