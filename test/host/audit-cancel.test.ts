/**
 * Cancel in the task pane inside Excel (issue #14): an audit of a workbook large enough to be
 * read in several chunks, cancelled at every point it reports progress, against the fake Excel
 * object model. Before the writing starts, Cancel stops it with nothing written: no report
 * sheet, no log record, no anchor. Once writing has started, Cancel no longer interrupts it, so
 * a report is never left without its log record (nor a record without its anchor).
 */
import { OfficeHost } from '../../src/host/office-host';
import type { CellValue } from '../../src/sheets/grid';
import { isCancelled, runAudit, type Progress } from '../../src/taskpane/workflows';
import { LOG_HEAD_KEY, LOG_SHEET, REPORT_SHEET } from '../../src/taskpane/workflows/names';
import { APPRAISAL, SHEET } from '../taskpane/fixtures';
import { FakeExcel } from './fake-excel';

const ROWS = 3000;

function bigWorkbook(): FakeExcel {
  const [header, ...people] = APPRAISAL;
  const rows: CellValue[][] = [header as CellValue[]];
  for (let i = 0; i < ROWS; i++) {
    const p = people[i % people.length];
    // Constants only: the fake does not calculate; the audit recomputes and compares.
    rows.push([`E${i + 1}`, p[1], p[2], p[3], p[4], p[5], p[6], 100, p[8]] as CellValue[]);
  }
  const excel = new FakeExcel().addSheet(SHEET, rows);
  return excel.addTable('Appraisal', SHEET, `A1:I${ROWS + 1}`);
}

/** The progress a full run reports, in order. */
async function progressOfFullRun(): Promise<Progress[]> {
  const seen: Progress[] = [];
  const excel = bigWorkbook();
  await runAudit(new OfficeHost({ run: excel.run }), {
    who: 'auditor',
    onProgress: (p) => seen.push(p),
  });
  return seen;
}

async function cancelAt(k: number) {
  const excel = bigWorkbook();
  const abort = new AbortController();
  let n = 0;
  const run = runAudit(new OfficeHost({ run: excel.run }), {
    who: 'auditor',
    signal: abort.signal,
    onProgress: () => {
      if (n++ === k) abort.abort();
    },
  });
  const outcome = await run.then(
    () => 'finished' as const,
    (e: unknown) => (isCancelled(e) ? ('cancelled' as const) : e),
  );
  return { excel, outcome };
}

describe('Cancel during an audit in Excel', () => {
  let phases: Progress[];
  beforeAll(async () => {
    phases = await progressOfFullRun();
  }, 120_000);

  it('reads in chunks, with progress, so there is something to cancel between them', () => {
    const reads = phases.filter((p) => p.phase === 'read');
    expect(reads.length).toBeGreaterThan(2);
    expect(phases.map((p) => p.fraction)).toEqual(
      [...phases.map((p) => p.fraction)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
  });

  it('cancelled before writing: nothing is written (no report, no log record, no anchor)', async () => {
    const firstWrite = phases.findIndex((p) => p.phase === 'write');
    expect(firstWrite).toBeGreaterThan(0);
    for (let k = 0; k < firstWrite; k++) {
      const { excel, outcome } = await cancelAt(k);
      expect([k, outcome]).toEqual([k, 'cancelled']);
      expect(excel.hasSheet(REPORT_SHEET)).toBe(false);
      expect(excel.hasSheet(LOG_SHEET)).toBe(false);
      expect(excel.setting(LOG_HEAD_KEY)).toBeUndefined();
    }
  }, 120_000);

  it('cancelled while writing: the write completes whole (report, one record, its anchor)', async () => {
    const firstWrite = phases.findIndex((p) => p.phase === 'write');
    for (let k = firstWrite; k < phases.length; k++) {
      const { excel, outcome } = await cancelAt(k);
      expect([k, outcome]).toEqual([k, 'finished']);
      expect(excel.hasSheet(REPORT_SHEET)).toBe(true);
      expect(excel.hasSheet(LOG_SHEET)).toBe(true);
      expect(excel.cell(LOG_SHEET, 'A3')).toBeUndefined(); // header and exactly one record
      expect(excel.cell(LOG_SHEET, 'A2')).toBeDefined();
      expect(excel.setting(LOG_HEAD_KEY)).toBeDefined();
    }
  }, 120_000);
});
