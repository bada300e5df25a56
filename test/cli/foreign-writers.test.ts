/**
 * Files from real foreign writers (issue 17, item 4): the sample, an audited sample and a small
 * features workbook, each re-saved by LibreOffice 7.4.7.2 and Gnumeric 1.12.55 and committed in
 * test/fixtures/foreign/ (its README says how each was made). The command line runs in-process
 * (main with a captured Io) on those real files: they are read with the same findings as the
 * originals, written back with every sheet and value kept, and the audit log whose anchor the
 * program dropped is said to be NOT intact, naming the program, never claimed intact.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadWorkbook, type Workbook } from '../../src/engine';
import { storedBytes, unzip, zip } from '../engine/zip-fixtures';
import { ROOT, runMain } from './run-cli';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'foreign');
const fixture = (name: string) => join(FIXTURES, name);
const WRITERS = [
  ['LibreOffice', 'libreoffice', /LibreOffice\/7\.4\.7\.2/],
  ['Gnumeric', 'gnumeric', /gnumeric/],
] as const;
const REPORT_AND_LOG = new Set(['Audit report', 'Audit log']);

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-foreign-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = runMain;

interface Finding {
  readonly cell: string;
  readonly rule: string;
  readonly message: string;
}

async function findings(command: 'validate' | 'audit', file: string): Promise<string[]> {
  const r = await cli(command, file, '--json');
  expect(r.err).toBe('');
  expect([0, 1]).toContain(r.code);
  const json = JSON.parse(r.out) as { findings: Finding[] };
  return json.findings.map((f) => `${f.cell} ${f.rule} ${f.message}`).sort();
}

/** Every sheet's values, by sheet name, as the engine reads them (saved values, not recomputed). */
async function sheetValues(file: string): Promise<Map<string, readonly (readonly unknown[])[]>> {
  const wb: Workbook = await loadWorkbook(readFileSync(file));
  return new Map(wb.sheetNames().map((name) => [name, wb.grid(name, true).values]));
}

/** The cells holding a formula in the engine's reading of a file, as `sheet!address`. */
async function formulaCells(file: string): Promise<Set<string>> {
  const wb = await loadWorkbook(readFileSync(file));
  return new Set(wb.formulaCells().map((c) => `${c.sheet}!${c.address}`));
}

describe.each(WRITERS)('re-saved by %s', (_, prefix, savedBy) => {
  const resaved = (name: string) => fixture(`${prefix}-${name}.xlsx`);

  it('validate reads the sample, the audited sample and the features workbook with the findings of the originals', async () => {
    const sample = await findings('validate', fixture('original-sample.xlsx'));
    expect(sample.length).toBeGreaterThan(5);
    expect(await findings('validate', resaved('sample'))).toEqual(sample);
    expect(await findings('validate', resaved('audited'))).toEqual(sample);
    // The features workbook has no appraisal table: the same finding at the same cell (its
    // message names the Table, which Gnumeric drops, or the sheet).
    const where = (list: string[]) => list.map((f) => f.split(' ').slice(0, 2).join(' '));
    expect(where(await findings('validate', resaved('features')))).toEqual(
      where(await findings('validate', fixture('original-features.xlsx'))),
    );
  });

  it('audit reads them: every finding of the original, and only what the program changed besides', async () => {
    const original = await findings('audit', fixture('original-sample.xlsx'));
    const again = await findings('audit', resaved('sample'));
    for (const f of original) expect(again).toContain(f);
    const extra = again.filter((f) => !original.includes(f));
    if (prefix === 'gnumeric') expect(extra).toEqual([]);
    else {
      // LibreOffice saves #NAME? for a CM formula whose Excel value was an error (#N/A,
      // #VALUE!, #NUM!): that is what the file now shows, so the audit says so, cell by cell.
      expect(extra.length).toBeGreaterThan(0);
      for (const f of extra) {
        expect(f).toMatch(/^考核表!(T|U|V)\d+ audit\.(stale|mismatch) .*the file shows #NAME\?/);
      }
    }
  });

  it.each(['sample', 'audited', 'features'])(
    'audit -o %s writes it back: the output opens in ExcelJS and in the engine with every sheet and value kept',
    async (name) => {
      const input = resaved(name);
      const out = at(`${prefix}-${name}-out.xlsx`);
      const r = await cli('audit', input, '-o', out);
      expect(r.err).toBe('');
      expect([0, 1]).toContain(r.code);
      const before = await sheetValues(input);
      const after = await sheetValues(out);
      const formulas = await formulaCells(input);
      for (const [sheet, values] of before) {
        expect(after.has(sheet)).toBe(true);
        if (REPORT_AND_LOG.has(sheet)) continue;
        const got = after.get(sheet) ?? [];
        values.forEach((row, r0) =>
          row.forEach((v, c0) => {
            const address = `${String.fromCharCode(65 + (c0 % 26))}${r0 + 1}`;
            // A formula's saved value is refreshed by the audit; every other cell is kept.
            if (c0 < 26 && formulas.has(`${sheet}!${address}`)) return;
            expect([sheet, r0, c0, got[r0]?.[c0]]).toEqual([sheet, r0, c0, v]);
          }),
        );
      }
      const excel = new ExcelJS.Workbook();
      await excel.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
      expect(excel.worksheets.map((w) => w.name)).toEqual([...after.keys()]);
      for (const sheet of REPORT_AND_LOG) expect(after.has(sheet)).toBe(true);
    },
  );

  it('verify-log: the program dropped the anchor, so the log is NOT intact, saying who saved it', async () => {
    const audited = resaved('audited');
    const parts = [...unzip(readFileSync(audited)).keys()];
    // What the program really did to the add-in's settings part (the anchor's home).
    expect(parts).not.toContain('xl/webextensions/webextension1.xml');
    if (prefix === 'libreoffice') expect(parts).toContain('xl/webextensions/taskpanes.xml');
    else expect(parts.filter((p) => p.startsWith('xl/webextensions/'))).toEqual([]);

    const text = await cli('verify-log', audited);
    expect(text.code).toBe(1);
    expect(text.err).toBe('');
    expect(text.out).toMatch(/the audit log is NOT intact/);
    expect(text.out).toMatch(/#1 seq 1 .* ok/);
    expect(text.out).toMatch(/Anchor: none/);
    expect(text.out).toMatch(
      new RegExp(`anchor is missing because the file was last saved by ${savedBy.source}`),
    );
    const json = await cli('verify-log', audited, '--json');
    const check = JSON.parse(json.out) as {
      intact: boolean;
      anchorState: string;
      records: { state: string }[];
      problems: string[];
    };
    expect(check).toMatchObject({ intact: false, anchorState: 'missing' });
    expect(check.records.map((r) => r.state)).toEqual(['ok']);
    const zh = await cli('verify-log', audited, '--lang', 'zh');
    expect(zh.code).toBe(1);
    expect(zh.out).toMatch(/稽核日志未通过校验/);
    expect(zh.out).toMatch(/锚点缺失：该文件最后由 .+ 保存，该程序不保留加载项的文档设置/);
  });

  it('audit -o extends that log, saying the old end was not vouched for, and writes one task pane entry with a new anchor', async () => {
    const out = at(`${prefix}-extended.xlsx`);
    const r = await cli('audit', resaved('audited'), '-o', out);
    expect(r.code).toBe(1); // the sample's own error findings
    expect(r.out).toMatch(/Audit record #2 /);
    expect(r.out).toMatch(/Note: the anchor is missing because the file was last saved by/);
    const verified = await cli('verify-log', out, '--json');
    expect(JSON.parse(verified.out)).toMatchObject({ intact: true, anchorState: 'ok' });
    const files = unzip(readFileSync(out));
    const panes = files.get('xl/webextensions/taskpanes.xml')?.toString() ?? '';
    // LibreOffice's left-over entry pointed at nothing: one entry now, on the anchor's part.
    expect(panes.match(/<wetp:taskpane\b/g)).toHaveLength(1);
    const rId = /r:id="([^"]+)"/.exec(panes)?.[1];
    const rels = files.get('xl/webextensions/_rels/taskpanes.xml.rels')?.toString() ?? '';
    expect(rels).toMatch(new RegExp(`Id="${rId}"[^>]*Target="webextension1.xml"`));
    const types = files.get('[Content_Types].xml')?.toString() ?? '';
    expect(types).toContain(
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>',
    );
  });
});

describe('what each program did to the features workbook, and audit -o keeping it', () => {
  it('LibreOffice keeps the Table, comment, array formula, date and percent; -0 becomes 0', async () => {
    const input = fixture('libreoffice-features.xlsx');
    const wb = await loadWorkbook(readFileSync(input));
    expect(wb.model.tables.map((t) => [t.name, t.ref])).toEqual([['Staff', 'A1:D3']]);
    expect(Object.is(wb.value('Data', 'B2'), 0)).toBe(true);
    expect(wb.value('Data', 'C2')).toBe(45992);
    expect(wb.format('Data', 'D2')).toMatch(/%/);
    const out = at('lo-features-out.xlsx');
    expect((await cli('audit', input, '-o', out)).err).toBe('');
    const bytes = readFileSync(out);
    const original = readFileSync(input);
    for (const part of [
      'xl/comments1.xml',
      'xl/tables/table1.xml',
      'xl/drawings/vmlDrawing1.vml',
    ]) {
      expect(storedBytes(bytes, part)).toEqual(storedBytes(original, part));
    }
    const sheet = unzip(bytes).get('xl/worksheets/sheet1.xml')?.toString() ?? '';
    expect(sheet).toMatch(/<c r="E2"[^>]*><f [^>]*t="array" ref="E2:E2"[^>]*>SUM\(B2:B3\*2\)<\/f>/);
    const again = await loadWorkbook(bytes);
    expect(again.model.sheets[0].arrayFormulas).toEqual([{ row: 1, col: 4, ref: 'E2:E2' }]);
    expect(again.format('Data', 'C2')).toBe(wb.format('Data', 'C2'));
    expect(again.format('Data', 'D2')).toMatch(/%/);
  });

  it('Gnumeric drops the Table but keeps the comment, array formula and formats (inline strings)', async () => {
    const input = fixture('gnumeric-features.xlsx');
    const wb = await loadWorkbook(readFileSync(input));
    expect(wb.model.tables).toEqual([]);
    expect(wb.value('Data', 'A1')).toBe('工号');
    expect(Object.is(wb.value('Data', 'B2'), 0)).toBe(true);
    expect(wb.format('Data', 'D2')).toMatch(/%/);
    const out = at('gn-features-out.xlsx');
    expect((await cli('audit', input, '-o', out)).err).toBe('');
    const bytes = readFileSync(out);
    expect(storedBytes(bytes, 'xl/comments1.xml')).toEqual(
      storedBytes(readFileSync(input), 'xl/comments1.xml'),
    );
    const again = await loadWorkbook(bytes);
    expect(again.model.sheets[0].arrayFormulas).toEqual([{ row: 1, col: 4, ref: 'E2' }]);
    expect(again.value('Data', 'A1')).toBe('工号');
  });
});

describe('a damaged add-in settings part: one line naming the file and the part, nothing written', () => {
  /** LibreOffice's audited file (task pane entry, no settings part) with the pane's .rels damaged. */
  function damagedPaneRels(): string {
    const files = Object.fromEntries(unzip(readFileSync(fixture('libreoffice-audited.xlsx'))));
    files['xl/webextensions/_rels/taskpanes.xml.rels'] = Buffer.from(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1"',
    );
    const file = at('pane-rels.xlsx');
    writeFileSync(file, zip(files));
    return file;
  }

  it('found while writing audit -o (the task pane relationships), in English and Chinese', async () => {
    const input = damagedPaneRels();
    // Reading does not need that part: validate and verify-log still run.
    expect((await cli('validate', input)).code).toBe(1);
    for (const [lang, line] of [
      [
        'en',
        "cm-appraisal: pane-rels.xlsx: the part xl/webextensions/_rels/taskpanes.xml.rels is damaged, so the add-in's document settings (where the audit log's anchor is kept) cannot be written; nothing was written.\n",
      ],
      [
        'zh',
        'cm-appraisal: pane-rels.xlsx 中的部件 xl/webextensions/_rels/taskpanes.xml.rels 已损坏，无法写入加载项文档设置（稽核日志锚点所在），未写入任何文件。\n',
      ],
    ]) {
      const out = at(`pane-rels-${lang}-out.xlsx`);
      const r = await cli('audit', input, '-o', out, '--lang', lang);
      expect(r.code).toBe(2);
      expect(r.err).toBe(line);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('webextension1.xml not well-formed is found while reading: the same kind of line, nothing written', async () => {
    const files = Object.fromEntries(unzip(readFileSync(fixture('original-audited.xlsx'))));
    files['xl/webextensions/webextension1.xml'] = Buffer.from('<we:webextension xmlns:we="x"');
    const input = at('we-damaged.xlsx');
    writeFileSync(input, zip(files));
    const out = at('we-damaged-out.xlsx');
    const r = await cli('audit', input, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "cm-appraisal: we-damaged.xlsx: the part xl/webextensions/webextension1.xml is damaged, so the add-in's document settings (where the audit log's anchor is kept) cannot be read.\n",
    );
    expect(existsSync(out)).toBe(false);
  });
});
