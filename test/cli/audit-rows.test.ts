/**
 * `audit` without -o writes no report sheet, so it asks the audit for the rows with a problem
 * only (AuditOptions.rows). What it prints and the log record it chains must be byte for byte
 * what the full report gives: the same command is run with the audit forced to keep every row,
 * at the same moment, on workbooks with findings (the sample, and the sample with a stale cell
 * and a typed-over outcome).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { AuditOptions } from '../../src/sheets';
import { ROOT, runMain } from './run-cli';

const SAMPLE = join(ROOT, 'examples', 'appraisal-sample.xlsx');

// The audit, as the command calls it, with the rows it keeps forced when `forced` is set.
let forced: AuditOptions['rows'] | undefined;
const asked: (AuditOptions['rows'] | undefined)[] = [];
jest.mock('../../src/sheets', () => {
  const actual = jest.requireActual<typeof import('../../src/sheets')>('../../src/sheets');
  return {
    ...actual,
    auditWorkbook: (grids: Parameters<typeof actual.auditWorkbook>[0], options: AuditOptions) => {
      asked.push(options.rows);
      return actual.auditWorkbook(grids, forced ? { ...options, rows: forced } : options);
    },
  };
});

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-audit-rows-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  jest.useRealTimers();
  forced = undefined;
  asked.length = 0;
});

/** The sample with a score's cached value made wrong (formula kept) and an outcome typed over. */
async function withProblems(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  let score = false;
  let outcome = false;
  wb.getWorksheet('考核表')?.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as { formula?: string; result?: unknown } | null;
      if (!v || typeof v !== 'object' || typeof v.formula !== 'string') return;
      if (!score && /APPRAISAL_SCORE/i.test(v.formula) && typeof v.result === 'number') {
        cell.value = { formula: v.formula, result: v.result - 7 } as ExcelJS.CellValue;
        score = true;
      } else if (!outcome && /GRADE_OUTCOME/i.test(v.formula)) {
        cell.value = 'TERMINATE';
        outcome = true;
      }
    }),
  );
  if (!score || !outcome) throw new Error('no score or outcome formula in the sample');
  const file = join(dir, 'problems.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** The command's output at a fixed moment, the audit keeping `rows` (its own choice if unset). */
async function audit(args: string[], rows?: AuditOptions['rows']) {
  // Only the clock is fixed (the record's time); timers and I/O run as usual.
  jest.useFakeTimers({
    now: new Date('2026-12-02T03:00:00Z'),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  forced = rows;
  try {
    return await runMain('audit', ...args, '--user', 'tester');
  } finally {
    forced = undefined;
    jest.useRealTimers();
  }
}

describe('audit without -o keeps only the rows with a problem, and says the same', () => {
  it.each([
    ['the sample', () => Promise.resolve(SAMPLE)],
    ['a stale score and a typed-over outcome', withProblems],
  ])('%s: JSON, text and the log record are byte-identical to the full report', async (_, make) => {
    const file = await make();
    for (const extra of [['--json'], [], ['--json', '--lang', 'zh'], ['--lang', 'zh']]) {
      const lean = await audit([file, ...extra]);
      expect(asked).toEqual(['problems']);
      asked.length = 0;
      const full = await audit([file, ...extra], 'all');
      asked.length = 0;
      expect(lean.code).toBe(full.code);
      expect(lean.out).toBe(full.out);
      expect(lean.err).toBe(full.err);
      if (extra[0] === '--json') {
        const json = JSON.parse(lean.out) as {
          counts: { errors: number; mismatches: number };
          findings: unknown[];
          record: { hash: string } | null;
        };
        // A workbook with findings, and a record chained (its hash covers the findings).
        expect(json.findings.length).toBeGreaterThan(0);
        expect(json.record?.hash).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('with -o the audit keeps every row (the report sheet lists them)', async () => {
    const out = join(dir, 'out.xlsx');
    const run = await audit([SAMPLE, '-o', out, '--json']);
    expect(run.code).not.toBeNull();
    expect(asked).toEqual(['all']);
  });
});
