/**
 * `cm-appraisal audit` of a month of branch workbooks (issue #14): a folder of three good
 * workbooks and a corrupt one, audited in parallel worker threads. Each good one gets its own
 * output workbook with a log record; the corrupt one is reported and does not stop the others;
 * one summary workbook links to the cells; one JSON report.
 */
import ExcelJS from 'exceljs';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { runInWorkers, takesEveryCore, type Done } from '../../src/cli/audit-batch';
import { EXIT_FAILURE } from '../../src/cli/io';
import { loadWorkbook } from '../../src/engine';
import { rowsFromLog, verifyLog } from '../../src/sheets';
import { cli, ROOT, type CliResult } from './run-cli';

const SAMPLE = join(ROOT, 'examples', 'appraisal-sample.xlsx');
const GOOD = ['东城支行.xlsx', '西城支行.xlsx', 'south.xlsx'];

let dir: string;
let batch: CliResult;
let single: CliResult;
let overwrite: CliResult;
let oneWorker: CliResult;

interface BatchJson {
  workbooks: number;
  audited: number;
  failed: number;
  jobs: number;
  summary: string;
  results: {
    input: string;
    output: string | null;
    exit: number;
    error?: string;
    report?: { workbook: string; counts: { rows: number }; record: { seq: number; hash: string } };
  }[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cm-batch-'));
  const month = join(dir, '2026-11');
  mkdirSync(month);
  for (const name of GOOD) copyFileSync(SAMPLE, join(month, name));
  writeFileSync(join(month, '北城支行.xlsx'), 'PK\u0003\u0004 this is no workbook');
  writeFileSync(join(month, '~$东城支行.xlsx'), 'an Excel lock file, not a workbook');
  [batch, single, overwrite, oneWorker] = await Promise.all([
    cli([
      'audit',
      month,
      '-o',
      join(dir, 'out'),
      '--summary',
      join(dir, 'out', '汇总.xlsx'),
      '--json',
      '--jobs',
      '2',
      '--user',
      '稽核员',
      '--lang',
      'zh',
    ]),
    cli(['audit', join(month, GOOD[0]), '--json', '--lang', 'en']),
    cli(['audit', join(month, GOOD[0]), join(month, GOOD[1]), '-o', month]),
    // The same batch on one worker thread instead of two (on 2 cores, two workers run with
    // audit-batch.ts's flag for workers on every core, one without).
    cli([
      'audit',
      month,
      '-o',
      join(dir, 'out-1'),
      '--json',
      '--jobs',
      '1',
      '--user',
      '稽核员',
      '--lang',
      'zh',
    ]),
  ]);
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit of several workbooks', () => {
  it('audits the good ones, reports the corrupt one, and exits 2 because one failed', () => {
    expect(batch.code).toBe(2);
    const json = JSON.parse(batch.stdout) as BatchJson;
    expect(json).toMatchObject({ workbooks: 4, audited: 3, failed: 1, jobs: 2 });
    const bad = json.results.find((r) => r.input.endsWith('北城支行.xlsx'));
    expect(bad).toMatchObject({ exit: 2, output: null });
    expect(bad?.error).toMatch(/北城支行\.xlsx/);
    expect(bad?.error).not.toMatch(/\n|at .*\.ts:/); // one line, no stack trace
    // The lock file is no input.
    expect(json.results.some((r) => r.input.includes('~$'))).toBe(false);
    // The JSON report is also written into the output folder.
    expect(JSON.parse(readFileSync(join(dir, 'out', 'audit-report.json'), 'utf8'))).toEqual(json);
  });

  it('writes one output workbook per good input, each with a verified log record', async () => {
    const json = JSON.parse(batch.stdout) as BatchJson;
    for (const name of GOOD) {
      const result = json.results.find((r) => r.input.endsWith(name));
      expect(result?.output).toBe(join(dir, 'out', name));
      expect(result?.report?.counts.rows).toBe(60);
      const wb = await loadWorkbook(join(dir, 'out', name));
      const read = rowsFromLog(wb.grid('考核审计日志').values);
      if (!read.ok) throw new Error('log unreadable');
      expect(read.records).toHaveLength(1);
      expect(read.records[0].who).toBe('稽核员');
      expect(read.records[0].hash).toBe(result?.report?.record.hash);
      expect(verifyLog(read.records).ok).toBe(true);
    }
    expect(existsSync(join(dir, 'out', '北城支行.xlsx'))).toBe(false);
  });

  it('the result of each workbook is that of the single-file audit (the same code path)', () => {
    const json = JSON.parse(batch.stdout) as BatchJson;
    const alone = JSON.parse(single.stdout) as {
      counts: unknown;
      findings: { cell: string; rule: string }[];
    };
    const inBatch = json.results.find((r) => r.input.endsWith(GOOD[0]))?.report as unknown as {
      counts: unknown;
      findings: { cell: string; rule: string }[];
    };
    expect(inBatch.counts).toEqual(alone.counts);
    expect(inBatch.findings.map((f) => [f.cell, f.rule])).toEqual(
      alone.findings.map((f) => [f.cell, f.rule]),
    );
  });

  it('gives each workbook the same report on one worker thread as on two', () => {
    const reports = (r: CliResult) =>
      (JSON.parse(r.stdout) as BatchJson).results.map((x) => {
        // The log record's time (and so its hash) is when it was written, the output is in
        // another folder; the rest is the audit.
        const { record, output, ...report } = (x.report ?? {}) as Record<string, unknown>;
        return {
          input: x.input,
          exit: x.exit,
          error: x.error,
          seq: (record as { seq?: number })?.seq,
          output: typeof output === 'string' ? basename(output) : output,
          report,
        };
      });
    expect((JSON.parse(oneWorker.stdout) as BatchJson).jobs).toBe(1);
    expect(reports(oneWorker)).toEqual(reports(batch));
  });

  it('writes a summary workbook: a row per workbook and per finding kind, linked to the cells', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'out', '汇总.xlsx'));
    const books = book.getWorksheet('工作簿');
    const kinds = book.getWorksheet('发现');
    if (!books || !kinds) throw new Error('summary sheets missing');
    expect(books.rowCount).toBe(5); // header + 4 workbooks
    const names = [2, 3, 4, 5].map((r) => {
      const v = books.getCell(r, 1).value as { result?: string } | string;
      return typeof v === 'string' ? v : v.result;
    });
    expect(names.sort()).toEqual(
      ['south.xlsx', '东城支行.xlsx', '北城支行.xlsx', '西城支行.xlsx'].sort(),
    );
    const statuses = [2, 3, 4, 5].map((r) => books.getCell(r, 2).value);
    expect(statuses.filter((s) => s === '无法稽核')).toHaveLength(1);
    // Finding kinds: the sample has a percent-typed rate at J5; its row links to that cell of
    // the audited copy, with Excel's [file]sheet!cell location.
    const links: { rule: unknown; formula: string; result: string }[] = [];
    kinds.eachRow((row, n) => {
      if (n === 1) return;
      const first = row.getCell(6).value as { formula: string; result: string };
      expect(first.formula).toMatch(/^HYPERLINK\("\[.+\.xlsx\].+![A-Z]+\d+","/);
      links.push({ rule: row.getCell(2).value, ...first });
    });
    const found = links.some(
      (l) =>
        l.rule === 'rate.percent-typed' &&
        l.result === '考核表!J5' &&
        l.formula.includes('[东城支行.xlsx]考核表!J5'),
    );
    expect(found).toBe(true);
  });

  it('refuses to write outputs over its inputs, before auditing anything', () => {
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toMatch(/would overwrite the input/);
    expect(overwrite.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('workers on every core', () => {
  it('means two workers or more, at least as many as the cores', () => {
    expect(takesEveryCore(2, 2)).toBe(true);
    expect(takesEveryCore(8, 2)).toBe(true);
    expect(takesEveryCore(2, 4)).toBe(false);
    expect(takesEveryCore(1, 1)).toBe(false);
  });
});

describe('a worker that dies', () => {
  // A stand-in for the audit worker: it audits nothing, and dies as a real one can (an uncaught
  // error, an exit from a library, a crash out of memory) when a job's first argument says so.
  let script: string;
  beforeAll(() => {
    script = join(dir, 'dying-worker.js');
    writeFileSync(
      script,
      `const { parentPort } = require('worker_threads');
parentPort.on('message', (job) => {
  if (job.argv[0] === 'exit') process.exit(3);
  if (job.argv[0] === 'throw') setImmediate(() => { throw new Error('internal detail'); });
  else parentPort.postMessage({ id: job.id, code: 0, stdout: 'audited ' + job.argv[1], stderr: '' });
});
`,
    );
  });
  const job = (index: number, how: string, file: string) => ({ index, argv: [how, file] });
  const lostLine = (file: string) =>
    `cm-appraisal: the audit of ${file} stopped unexpectedly and nothing was written for it; audit it alone with --debug and send the output to support.\n`;

  it('takes only its own workbook with it: the others are audited, it is reported', async () => {
    const jobs = [
      job(0, 'ok', 'a.xlsx'),
      job(1, 'ok', 'b.xlsx'),
      job(2, 'ok', 'c.xlsx'),
      job(3, 'throw', 'd.xlsx'),
      job(4, 'exit', 'e.xlsx'),
    ];
    const seen: Done[] = [];
    const done = await runInWorkers(jobs, 2, {}, (d) => seen.push(d), 'en', script);
    expect(done.map((d) => d.code)).toEqual([0, 0, 0, EXIT_FAILURE, EXIT_FAILURE]);
    expect(done.slice(0, 3).map((d) => d.stdout)).toEqual([
      'audited a.xlsx',
      'audited b.xlsx',
      'audited c.xlsx',
    ]);
    // Said once each, in the user's words, never the worker's internal error.
    expect(done[3].stderr).toBe(lostLine('d.xlsx'));
    expect(done[4].stderr).toBe(lostLine('e.xlsx'));
    expect(seen.map((d) => d.id).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves no workbook unreported when every worker has died', async () => {
    const jobs = [job(0, 'ok', 'a.xlsx'), job(1, 'throw', 'b.xlsx'), job(2, 'ok', 'c.xlsx')];
    const done = await runInWorkers(jobs, 1, {}, undefined, 'zh', script);
    expect(done.map((d) => d.code)).toEqual([0, EXIT_FAILURE, EXIT_FAILURE]);
    expect(done[1].stderr).toMatch(/^cm-appraisal: 稽核 b\.xlsx 时意外中止/);
    expect(done[2].stderr).toMatch(/^cm-appraisal: 稽核 c\.xlsx 时意外中止/);
  });
});
