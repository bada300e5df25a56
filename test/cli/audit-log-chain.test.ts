/**
 * One log per workbook, one anchor, in every host (SHEETS.md "Audit log integrity"), and the
 * values the workbook REPORTED audited before recalculation (issue 11). The command line runs
 * in-process (main with a captured Io); the task pane's workflow runs over a LocalHost on the
 * same bytes, exactly as the preview does.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadWorkbook, readAddinDocument, writeAddinDocument } from '../../src/engine';
import { LocalHost } from '../../src/host/local-host';
import { LOG_HEADER } from '../../src/sheets';
import { runAudit, verifyLog } from '../../src/taskpane/workflows';
import { ROOT, runMain } from './run-cli';

const SAMPLE = join(ROOT, 'examples', 'appraisal-sample.xlsx');
let dir: string;
const at = (name: string) => join(dir, name);

const cli = runMain;

/** The sample with one score cell's cached value made wrong, its formula kept (as saved). */
async function staleWorkbook(): Promise<{ file: string; address: string; shown: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  let found: { address: string; shown: number } | undefined;
  wb.getWorksheet('考核表')?.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as { formula?: string; result?: unknown } | null;
      if (found || !v || typeof v !== 'object' || !/APPRAISAL_SCORE/i.test(v.formula ?? '')) {
        return;
      }
      if (typeof v.result !== 'number') return;
      const shown = v.result - 7;
      cell.value = { formula: v.formula, result: shown } as ExcelJS.CellValue;
      found = { address: cell.address, shown };
    }),
  );
  if (!found) throw new Error('no score formula in the sample');
  const file = at('stale.xlsx');
  await wb.xlsx.writeFile(file);
  return { file, ...found };
}

/** Edit a workbook's cells with ExcelJS, keeping the add-in's parts as the original had them. */
async function edited(
  from: string,
  to: string,
  change: (wb: ExcelJS.Workbook) => void,
  keepAnchor = true,
): Promise<void> {
  const bytes = readFileSync(from);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  change(wb);
  const out = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  writeFileSync(
    to,
    keepAnchor ? await writeAddinDocument(out, await readAddinDocument(bytes)) : out,
  );
}

async function previewHost(file: string): Promise<LocalHost> {
  const bytes = readFileSync(file);
  return new LocalHost(await loadWorkbook(bytes), {
    name: 'appraisal.xlsx',
    document: await readAddinDocument(bytes),
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-log-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit: the values the workbook reported', () => {
  it('finds a wrong cached score that recalculation would hide (CLI and preview)', async () => {
    const { file, address, shown } = await staleWorkbook();
    const run = await cli('audit', file, '--json', '--user', 'auditor', '--lang', 'en');
    const json = JSON.parse(run.out);
    const stale = json.findings.filter(
      (f: { rule: string; address: string }) => f.rule === 'audit.stale' && f.address === address,
    );
    expect(stale).toHaveLength(1);
    expect(stale[0].message).toContain(`the file shows ${shown}`);
    expect(json.counts.reportedMismatches).toBeGreaterThanOrEqual(1);
    expect(json.compared).toEqual(['reported', 'recalculated']);
    expect(run.code).toBe(1);

    // The preview (LocalHost evaluates on open) still audits what the file carried.
    const summary = await runAudit(await previewHost(file), { lang: 'en', who: 'auditor' });
    expect(summary.stale).toBeGreaterThanOrEqual(1);
    expect(summary.findings.some((f) => f.rule === 'audit.stale' && f.address === address)).toBe(
      true,
    );
  });
});

describe('one log, one anchor, every host', () => {
  let chained: string;

  it('continues one chain: CLI in English, then the pane in Chinese, then CLI in Chinese', async () => {
    const first = await cli('audit', SAMPLE, '-o', at('a.xlsx'), '--user', 'alice', '--lang', 'en');
    expect(first.err).toBe('');
    expect(first.out).toMatch(
      /Audit record #1 \(alice, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d\)/,
    );

    const pane = await previewHost(at('a.xlsx'));
    const second = await runAudit(pane, { lang: 'zh', who: '王芳' });
    expect(second.logProblem).toBeUndefined();
    expect(second.record?.seq).toBe(2);
    expect(second.logSheet).toBe('Audit log');
    expect(second.reportSheet).toBe('Audit report');
    expect(second.when).toMatch(/T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    writeFileSync(at('b.xlsx'), await pane.save());

    const third = await cli(
      'audit',
      at('b.xlsx'),
      '-o',
      at('c.xlsx'),
      '--user',
      'bob',
      '--lang',
      'zh',
      '--json',
    );
    const json = JSON.parse(third.out);
    expect(json.record.seq).toBe(3);
    expect(json.log).toMatchObject({ sheet: 'Audit log', sheets: ['Audit log'], anchor: 'ok' });

    const wb = await loadWorkbook(readFileSync(at('c.xlsx')));
    expect(wb.sheetNames()).toEqual(['考核表', '客户表', '贷款表', 'Audit report', 'Audit log']);
    const verify = await cli('verify-log', at('c.xlsx'), '--json');
    expect(verify.code).toBe(0);
    const v = JSON.parse(verify.out);
    expect(v).toMatchObject({ intact: true, sheet: 'Audit log', anchorState: 'ok' });
    expect(v.records.map((r: { who: string; state: string }) => [r.who, r.state])).toEqual([
      ['alice', 'ok'],
      ['王芳', 'ok'],
      ['bob', 'ok'],
    ]);
    // --head: the hash the first audit printed is no longer the end.
    const head1 = /hash ([0-9a-f]{64})/.exec(first.out)?.[1] as string;
    const headed = await cli('verify-log', at('c.xlsx'), '--head', head1);
    expect(headed.code).toBe(1);
    expect(headed.out).toMatch(/2 records were added after it/);
    chained = at('c.xlsx');
  });

  it('a renamed log is still the log, and the chain goes on in it', async () => {
    await edited(chained, at('renamed.xlsx'), (wb) => {
      const ws = wb.getWorksheet('Audit log');
      if (ws) ws.name = '历史记录';
    });
    const run = await cli(
      'audit',
      at('renamed.xlsx'),
      '-o',
      at('renamed-out.xlsx'),
      '--user',
      'c',
      '--json',
    );
    expect(JSON.parse(run.out).record.seq).toBe(4);
    const wb = await loadWorkbook(readFileSync(at('renamed-out.xlsx')));
    expect(wb.sheetNames()).toContain('历史记录');
    expect(wb.sheetNames()).not.toContain('Audit log');
    expect(wb.sheetNames()).not.toContain('考核审计日志');
  });

  it('deleting the last record of a CLI-written log is found by verify-log and the pane', async () => {
    await edited(chained, at('cut.xlsx'), (wb) => {
      const ws = wb.getWorksheet('Audit log');
      ws?.spliceRows(ws.rowCount, 1);
    });
    const run = await cli('verify-log', at('cut.xlsx'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(
      /the log holds 2 records, 3 expected: record 3 was deleted from the end/,
    );
    const check = await verifyLog(await previewHost(at('cut.xlsx')));
    expect(check).toMatchObject({ ok: false, records: 2, record: 3 });
    // And neither the command nor the pane extends it.
    const audit = await cli(
      'audit',
      at('cut.xlsx'),
      '-o',
      at('cut-out.xlsx'),
      '--user',
      'x',
      '--json',
    );
    expect(JSON.parse(audit.out).record).toBeNull();
    expect(audit.code).toBe(1);
  });

  it('deleting the log sheet, or all records, is found', async () => {
    await edited(chained, at('nolog.xlsx'), (wb) => {
      const ws = wb.getWorksheet('Audit log');
      if (ws) wb.removeWorksheet(ws.id);
    });
    const run = await cli('verify-log', at('nolog.xlsx'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/the log sheet or all its records \(records 1 to 3\) were deleted/);
  });

  it('a decoy log placed before the real one: two logs, a clear finding, nothing appended', async () => {
    await edited(chained, at('decoy.xlsx'), (wb) => {
      const decoy = wb.addWorksheet('考核审计日志');
      decoy.addRow([...LOG_HEADER]);
      wb.worksheets.sort((x, y) =>
        x.name === '考核审计日志' ? -1 : y.name === '考核审计日志' ? 1 : 0,
      );
    });
    const run = await cli('verify-log', at('decoy.xlsx'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/the workbook holds 2 audit logs/);
    const pane = await runAudit(await previewHost(at('decoy.xlsx')), { who: '审计员' });
    expect(pane.record).toBeUndefined();
    expect(pane.logProblem?.zh).toMatch(/工作簿中有 2 份稽核日志/);
  });

  it('a log without its anchor says so and is not reported intact', async () => {
    await edited(chained, at('noanchor.xlsx'), () => undefined, false);
    const run = await cli('verify-log', at('noanchor.xlsx'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/the log has no anchor/);
  });
});

describe("a user's own sheet named like ours", () => {
  it('keeps its name and cells; the audit writes its report under another name', async () => {
    await edited(
      SAMPLE,
      at('own.xlsx'),
      (wb) => {
        const ws = wb.addWorksheet('AUDIT REPORT');
        ws.getCell('A1').value = 'Notes of the branch audit, 2026';
        ws.getCell('B3').value = 42;
      },
      false,
    );
    const run = await cli(
      'audit',
      at('own.xlsx'),
      '-o',
      at('own-out.xlsx'),
      '--user',
      'u',
      '--lang',
      'en',
    );
    expect(run.err).toBe('');
    const wb = await loadWorkbook(readFileSync(at('own-out.xlsx')));
    expect(wb.sheetNames()).toEqual([
      '考核表',
      '客户表',
      '贷款表',
      'AUDIT REPORT',
      'Audit report (2)',
      'Audit log',
    ]);
    expect(wb.value('AUDIT REPORT', 'A1')).toBe('Notes of the branch audit, 2026');
    expect(wb.value('AUDIT REPORT', 'B3')).toBe(42);
  });
});
