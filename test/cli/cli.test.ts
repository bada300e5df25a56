/**
 * The cm-appraisal command, spawned for real on temporary files. Every run starts once, in
 * parallel, in beforeAll; the tests read their results (the suite stays fast).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadWorkbook } from '../../src/engine';
import { jsonValue, type JsonValue } from '../../src/cli/recalc';
import { FUNCTION_TABLE } from '../../src/functions';
import { DEFAULT_POLICY, policyVersionText } from '../../src/rules';
import { rowsFromLog, verifyLog, type CellValue } from '../../src/sheets';
import { cli, ROOT, type CliResult } from './run-cli';

const SAMPLE = join(ROOT, 'examples', 'appraisal-sample.xlsx');

let dir: string;
let fixture: string;
const runs: Record<string, Promise<CliResult>> = {};
const path = (name: string) => join(dir, name);

/** A workbook with a spilling CM call, errors of each kind and empty results. */
async function writeFixture(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  const rows: [string, number, number, number, number][] = [
    ['SENIOR', 0.34, 0, 0.997, 8],
    ['MID', 0.3, 0.01, 0.995, 7],
    ['AGENT', 0.3, 0.01, 0.995, 7],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => (ws.getCell(i + 1, c + 1).value = v)));
  const f = (address: string, formula: string) =>
    (ws.getCell(address).value = { formula } as unknown as ExcelJS.CellValue);
  // Saved form, as Excel writes it; spills over F1:F3 (#N/A for the agent).
  f('F1', '_xldudf_CM_APPRAISAL_SCORE(A1:A3,B1:B3,C1:C3,D1:D3,E1:E3)');
  f('G1', 'CM.APPRAISAL_SCORE("MID",30%,1.2,99.5%,7)'); // #NUM!, npl_ratio above 1
  f('G2', 'CM.APPRAISAL_SCORE("MID",30%,,99.5%,7)'); // #VALUE!, npl_ratio blank
  f('G3', '1/0'); // Excel's own error, no function message
  f('H1', 'IF(TRUE,Z90:Z91)'); // spills two empty results
  const other = wb.addWorksheet('第二页');
  other.getCell('A1').value = { formula: 'CM.LABEL("DEMOTE")' } as unknown as ExcelJS.CellValue;
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cm-cli-'));
  fixture = path('fixture.xlsx');
  await writeFixture(fixture);
  writeFileSync(path('corrupt.xlsx'), Buffer.from('PK\u0003\u0004 this is not really a zip'));
  writeFileSync(path('notes.xlsx'), 'a text file renamed .xlsx\n');
  runs.help = cli(['--help']);
  runs.validateHelp = cli(['validate', '--help']);
  runs.recalcJson = cli(['recalc', fixture, '--json']);
  runs.recalcOut = cli(['recalc', fixture, '-o', path('recalc-out.xlsx')]);
  runs.validateSample = cli(['validate', SAMPLE, '--json']);
  runs.validateZh = cli(['validate', SAMPLE], { LANG: 'zh_CN.UTF-8' });
  runs.functions = cli(['functions']);
  runs.missing = cli(['validate', path('no-such-file.xlsx')]);
  runs.corrupt = cli(['recalc', path('corrupt.xlsx')]);
  runs.renamed = cli(['audit', path('notes.xlsx'), '--json']);
  runs.unknownCommand = cli(['frobnicate']);
  runs.unknownOption = cli(['recalc', SAMPLE, '--colour']);
  const template = cli(['template', '-o', path('template.xlsx'), '--lang', 'zh']);
  runs.template = template;
  runs.validateTemplate = template.then(() => cli(['validate', path('template.xlsx'), '--json']));
  runs.auditTemplate = template.then(() => cli(['audit', path('template.xlsx')]));
  runs.auditPlain = cli(['audit', fixture, '-o', path('plain-audit.xlsx')]);
  const first = cli(['audit', SAMPLE, '-o', path('audit-1.xlsx'), '--json', '--user', 'tester']);
  runs.audit1 = first;
  runs.audit2 = first.then(() =>
    cli(['audit', path('audit-1.xlsx'), '-o', path('audit-2.xlsx'), '--json', '--lang', 'en']),
  );
  await Promise.all(Object.values(runs));
}, 90_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('help and usage', () => {
  test('--help lists every command and exits 0', async () => {
    const r = await runs.help;
    expect(r.code).toBe(0);
    for (const name of ['recalc', 'validate', 'audit', 'template', 'functions']) {
      expect(r.stdout).toContain(name);
    }
  });

  test('<command> --help shows its options', async () => {
    const r = await runs.validateHelp;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: cm-appraisal validate');
    expect(r.stdout).toContain('--lang');
    expect(r.stdout).toContain('--json');
  });

  test.each([
    ['unknownCommand', 'unknown command "frobnicate"'],
    ['unknownOption', "'--colour'"],
  ])('%s: exit 2 with a usage hint', async (key, text) => {
    const r = await runs[key];
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    expect(r.stderr).toMatch(/--help/);
    expect(r.stdout).toBe('');
  });
});

describe('recalc', () => {
  test('--json follows the contract: every formula cell, spills, errors with messages, null', async () => {
    const r = await runs.recalcJson;
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(r.stdout) as {
      workbook: string;
      policy: string;
      sheets: Record<string, Record<string, JsonValue>>;
    };
    expect(Object.keys(json).sort()).toEqual(['policy', 'sheets', 'workbook']);
    expect(json.workbook).toBe('fixture.xlsx');
    expect(json.policy).toBe(policyVersionText(DEFAULT_POLICY));

    // The same cells and values as the engine gives in process.
    const wb = (await loadWorkbook(fixture)).evaluate();
    const expected: Record<string, Record<string, JsonValue>> = { Data: {}, 第二页: {} };
    for (const c of wb.formulaCells()) expected[c.sheet][c.address] = jsonValue(c.value);
    expect(json.sheets).toEqual(expected);

    const data = json.sheets.Data;
    expect(data.F1).toBe(110);
    expect(data.F2).toBe(90); // spilled
    expect(data.F3).toEqual({ error: '#N/A', message: expect.stringMatching(/AGENT/) });
    expect(data.G1).toEqual({ error: '#NUM!', message: expect.stringMatching(/npl_ratio/) });
    expect(data.G2).toEqual({ error: '#VALUE!', message: expect.stringMatching(/npl_ratio/) });
    expect(data.G3).toEqual({ error: '#DIV/0!', message: expect.any(String) });
    expect(data.H1).toBeNull();
    expect(data.H2).toBeNull(); // spilled empty
    expect(json.sheets['第二页'].A1).toBe('降级');
    for (const sheet of Object.values(json.sheets)) {
      for (const v of Object.values(sheet)) {
        expect(v === null || ['number', 'string', 'boolean', 'object'].includes(typeof v)).toBe(
          true,
        );
        if (v !== null && typeof v === 'object') {
          expect(Object.keys(v).sort()).toEqual(['error', 'message']);
          expect(v.message.length).toBeGreaterThan(0);
        }
      }
    }
  });

  test('-o writes CM formulas in the saved form with cached values', async () => {
    const r = await runs.recalcOut;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/formula cells/);
    const ws = (await readXlsx(path('recalc-out.xlsx'))).getWorksheet('Data') as ExcelJS.Worksheet;
    const f1 = ws.getCell('F1').value as { formula: string; result: unknown };
    expect(f1.formula).toMatch(/^_xldudf_CM_APPRAISAL_SCORE\(/);
    expect(f1.result).toBe(110);
    expect(ws.getCell('F2').value).toBe(90);
    const g1 = ws.getCell('G1').value as { formula: string; result: unknown };
    expect(g1.formula).toMatch(/^_xldudf_CM_APPRAISAL_SCORE\(/);
    expect(g1.result).toEqual({ error: '#NUM!' });
  });
});

describe('validate', () => {
  test('the sample has error findings: exit 1, each deliberate problem found', async () => {
    const r = await runs.validateSample;
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      counts: { errors: number; warnings: number };
      findings: { rule: string; cell: string; message: string; severity: string }[];
    };
    const rules = json.findings.map((f) => f.rule);
    for (const rule of [
      'rate.percent-typed',
      'id.duplicate',
      'formula.overwritten',
      'input.missing',
      'role.unknown',
      'client.grade-too-low',
      'client.policy-gap',
      'loan.above-authority',
    ]) {
      expect(rules).toContain(rule);
    }
    expect(json.counts.errors).toBe(json.findings.filter((f) => f.severity === 'error').length);
    expect(json.findings[0].cell).toMatch(/^.+![A-Z]+\d+$/);
  });

  test('the Chinese locale prints Chinese', async () => {
    const r = await runs.validateZh;
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/个错误/);
    expect(r.stdout).toMatch(/工号/);
  });

  test('a fresh template validates with no errors', async () => {
    expect((await runs.template).code).toBe(0);
    const r = await runs.validateTemplate;
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      counts: { errors: number; tables: number };
      findings: { rule: string }[];
    };
    expect(json.counts.errors).toBe(0);
    expect(json.counts.tables).toBe(3);
    expect(json.findings).toEqual([]);
  });
});

describe('template', () => {
  test('tables, role drop-down, formats, saved-form formulas with cached values', async () => {
    const wb = await readXlsx(path('template.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['考核表', '客户表', '贷款表']);
    const ws = wb.getWorksheet('考核表') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('工号');
    expect(ws.getCell('D1').value).toBe('考核对象');
    const score = ws.getCell('R3').value as { formula: string; result: unknown };
    expect(score.formula).toBe('_xldudf_CM_APPRAISAL_SCORE(D3,E3,G3,H3,J3)');
    expect(score.result).toBe(110);
    const junior = ws.getCell('R5').value as { formula: string };
    expect(junior.formula).toBe('_xldudf_CM_APPRAISAL_SCORE(D5,F5,G5,H5,J5)'); // new_deposits
    const head = ws.getCell('R2').value as { formula: string };
    expect(head.formula).toBe('_xldudf_CM_APPRAISAL_SCORE(D2,E2,G2,H2,I2)'); // fee_growth
    expect((ws.getCell('S3').value as { result: unknown }).result).toBe('RETAIN');
    expect((ws.getCell('T5').value as { result: unknown }).result).toBe(1000);
    expect(ws.getCell('H3').numFmt).toBe('0.00%');
    expect(ws.getCell('P3').numFmt).toMatch(/¥/);
    const dv = ws.getCell('D3').dataValidation;
    expect(dv.type).toBe('list');
    expect(dv.formulae?.[0]).toContain('初级客户经理');
  });

  test('the template audits clean', async () => {
    const r = await runs.auditTemplate;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 mismatches/);
  });
});

describe('audit', () => {
  interface AuditJson {
    counts: { errors: number; mismatches: number };
    record: { seq: number; who: string; hash: string; prevHash: string };
    log: { records: number; previousChainIntact: boolean };
    findings: { rule: string }[];
  }

  test('the sample: exit 1, a report sheet and a protected log sheet', async () => {
    const r = await runs.audit1;
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as AuditJson;
    expect(json.record.seq).toBe(1);
    expect(json.record.who).toBe('tester');
    expect(json.counts.mismatches).toBeGreaterThan(0);
    expect(json.findings.map((f) => f.rule)).toContain('audit.mismatch');
    const wb = await readXlsx(path('audit-1.xlsx'));
    expect(wb.getWorksheet('Audit report')).toBeDefined();
    const log = wb.getWorksheet('Audit log') as ExcelJS.Worksheet;
    expect(
      (log as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    ).toBe(true);
  });

  test('a workbook without Excel Tables also gets its report and log sheets', async () => {
    const r = await runs.auditPlain;
    expect(r.code).toBe(1); // no appraisal table in it: table.not-found
    expect(r.stdout).toMatch(/table\.not-found/);
    const wb = await readXlsx(path('plain-audit.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Data',
      '第二页',
      'Audit report',
      'Audit log',
    ]);
    const f1 = wb.getWorksheet('Data')?.getCell('F1').value as { result: unknown };
    expect(f1.result).toBe(110);
  });

  test('a second audit of the output chains its record to the first', async () => {
    const first = JSON.parse((await runs.audit1).stdout) as AuditJson;
    const r = await runs.audit2;
    expect(r.code).toBe(1);
    const second = JSON.parse(r.stdout) as AuditJson;
    expect(second.record.seq).toBe(2);
    expect(second.record.prevHash).toBe(first.record.hash);
    expect(second.log).toMatchObject({
      records: 2,
      previousChainIntact: true,
      sheet: 'Audit log',
      anchor: 'ok',
    });

    const wb = (await loadWorkbook(path('audit-2.xlsx'))).evaluate();
    const read = rowsFromLog(wb.grid('Audit log').values as CellValue[][]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.records.map((x) => x.hash)).toEqual([first.record.hash, second.record.hash]);
    expect(verifyLog(read.records, { expectedHead: second.record.hash })).toEqual({ ok: true });
    // The report and log sheets are not read as data by the second audit.
    expect(second.counts.errors).toBe(first.counts.errors);
  });

  test('an edited log record: the next audit says so and appends nothing', async () => {
    await runs.audit2;
    // Someone edits the first record's counts in the log sheet.
    const book = await readXlsx(path('audit-2.xlsx'));
    const log = book.getWorksheet('Audit log') as ExcelJS.Worksheet;
    const header = (log.getRow(1).values as unknown[]).map(String);
    const errorsAt = header.indexOf('errors');
    expect(errorsAt).toBeGreaterThan(0);
    log.getRow(2).getCell(errorsAt).value = 0;
    await book.xlsx.writeFile(path('tampered.xlsx'));

    const r = await cli(['audit', path('tampered.xlsx'), '-o', path('audit-3.xlsx'), '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      record: unknown;
      log: { records: number; previousChainIntact: boolean };
    };
    expect(json.record).toBeNull();
    expect(json.log).toMatchObject({ records: 2, previousChainIntact: false });
    const out = (await loadWorkbook(path('audit-3.xlsx'))).evaluate();
    const read = rowsFromLog(out.grid('Audit log').values as CellValue[][]);
    expect(read.ok && read.records.length).toBe(2);
    expect(out.sheetNames()).toContain('Audit report');
  }, 60_000);
});

describe('functions', () => {
  test('lists all 17 CM functions with examples', async () => {
    const r = await runs.functions;
    expect(r.code).toBe(0);
    expect(FUNCTION_TABLE).toHaveLength(17);
    for (const fn of FUNCTION_TABLE) {
      expect(r.stdout).toContain(`CM.${fn.name}(`);
      expect(r.stdout).toContain(fn.example.formula);
    }
    expect(r.stdout).toMatch(/optional/);
  });
});

describe('files that cannot be read: exit 2, one line on stderr, no stack', () => {
  test.each([
    ['missing', /no-such-file\.xlsx/],
    ['corrupt', /corrupt\.xlsx/],
    ['renamed', /notes\.xlsx.*not an \.xlsx/],
  ])('%s', async (key, pattern) => {
    const r = await runs[key];
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cm-appraisal: /);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
