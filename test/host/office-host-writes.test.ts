import { OfficeHost, UNNAMED_WORKBOOK } from '../../src/host/office-host';
import { MARKS_SHEET, MARK_FILL } from '../../src/host/marks-store';
import { MARKS_PER_CHUNK } from '../../src/host/office-marks';
import { PAYLOAD_LIMIT_BYTES } from '../../src/host/payload';
import type { Mark } from '../../src/host/port';
import type { CellValue } from '../../src/sheets/grid';
import { FakeExcel } from './fake-excel';

const USER = 'Staff';
const REPORT = 'Audit report';
const LOG = 'Audit log';

function setup(): { excel: FakeExcel; host: OfficeHost } {
  const excel = new FakeExcel().addSheet(
    USER,
    [
      ['ID', 'Score', 'Outcome'],
      ['E1', 91, 'A'],
      ['E2', 72, 'B'],
    ],
    {
      formulas: [
        [null, null, null],
        [null, '=CM.APPRAISAL_SCORE(1)', null],
        [null, null, null],
      ],
    },
  );
  excel.setFill(USER, 'C2', { color: '#00B0F0' }); // a user's solid fill
  excel.setFill(USER, 'C3', { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' });
  return { excel, host: new OfficeHost({ run: excel.run }) };
}

describe('marks', () => {
  const marks: Mark[] = [
    { sheet: USER, address: 'B2', severity: 'error' }, // no fill
    { sheet: USER, address: 'C2', severity: 'warning' }, // solid user fill
    { sheet: USER, address: 'c3', severity: 'warning' }, // patterned fill, lower-case address
    { sheet: USER, address: '$C$3', severity: 'error' }, // same cell: error wins
  ];
  const cells = ['A1', 'B2', 'C2', 'C3'];

  it('highlights, then clearMarks restores every fill exactly', async () => {
    const { excel, host } = setup();
    const before = cells.map((a) => excel.fill(USER, a));
    await host.writeMarks(marks);
    expect(excel.fill(USER, 'B2')).toMatchObject({ color: MARK_FILL.error, pattern: 'Solid' });
    expect(excel.fill(USER, 'C2').color).toBe(MARK_FILL.warning);
    expect(excel.fill(USER, 'C3')).toMatchObject({ color: MARK_FILL.error, pattern: 'Solid' });
    expect(excel.sheet(MARKS_SHEET).visibility).toBe('VeryHidden');

    await host.writeMarks([{ sheet: USER, address: 'B2', severity: 'warning' }]); // marked again
    await host.clearMarks();
    expect(cells.map((a) => excel.fill(USER, a))).toEqual(before);
    expect(excel.fill(USER, 'B2').pattern).toBe('None'); // not a white solid fill
    expect(excel.hasSheet(MARKS_SHEET)).toBe(false);
  });

  it('a reopened task pane (a new host) can still clear', async () => {
    const { excel, host } = setup();
    const before = cells.map((a) => excel.fill(USER, a));
    await host.writeMarks(marks);
    await new OfficeHost({ run: excel.run }).clearMarks();
    expect(cells.map((a) => excel.fill(USER, a))).toEqual(before);
  });

  it('writes only formats to user cells, two syncs per chunk of marks', async () => {
    const { excel, host } = setup();
    const many: Mark[] = [];
    for (let r = 0; r < 50; r++) {
      for (let c = 0; c < 100; c++)
        many.push({
          sheet: USER,
          address: `${'ABCDEFGHIJ'[c % 10]}${r * 10 + Math.floor(c / 10) + 1}`,
          severity: 'warning',
        });
    }
    const values = excel.valuesOf(USER);
    excel.resetCounters();
    await host.writeMarks(many);
    const chunks = Math.ceil(many.length / MARKS_PER_CHUNK);
    // Budget: find the store (1), create it (1), then 2 per chunk.
    expect(excel.syncs.length).toBeLessThanOrEqual(3 + 2 * chunks);
    expect(Math.max(...excel.syncs.map((s) => s.bytes))).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const userWrites = excel.writes.filter((w) => w.sheet === USER);
    expect(userWrites.filter((w) => w.property === 'format.fill.color')).toHaveLength(many.length);
    expect(userWrites.every((w) => w.property.startsWith('format.fill.'))).toBe(true);
    excel.resetCounters();
    await host.clearMarks();
    expect(
      excel.writes
        .filter((w) => w.sheet === USER)
        .every((w) => w.property.startsWith('format.fill.')),
    ).toBe(true);
    expect(excel.valuesOf(USER)).toEqual(values);
    expect(excel.cell(USER, 'B2')?.formula).toBe('=CM.APPRAISAL_SCORE(1)');
  });

  it('skips marks on a sheet deleted since, and clears the rest', async () => {
    const { excel, host } = setup();
    excel.addSheet('Gone', [[1]]);
    await host.writeMarks([...marks, { sheet: 'Gone', address: 'A1', severity: 'error' }]);
    excel.state.sheets = excel.state.sheets.filter((s) => s.name !== 'Gone');
    await host.clearMarks();
    expect(excel.fill(USER, 'B2').pattern).toBe('None');
  });
});

describe('report and log sheets', () => {
  it('replaces a report without stale rows, keeps text as text, does not activate it', async () => {
    const { excel, host } = setup();
    const first: CellValue[][] = Array.from({ length: 100 }, (_, r) => [
      r,
      `row ${r}`,
      true,
      null,
      'x',
    ]);
    await host.replaceReportSheet(REPORT, first);
    const second: CellValue[][] = [
      ['Employee ID', 'Formula', 'Hash'],
      ['00123', '=CM.APPRAISAL_SCORE(A2)', '12e45'],
      [7, null, false],
    ];
    await host.replaceReportSheet(REPORT, second);
    expect(excel.valuesOf(REPORT)).toEqual(second);
    expect(excel.cell(REPORT, 'B2')?.formula).toBeNull();
    expect(excel.state.activeSheet).toBe(USER);
    expect(
      excel.writes.some((w) => w.sheet === REPORT && w.property === 'format.autofitColumns'),
    ).toBe(true);
  });

  it('writes a large report in chunks, each sync under 5 MB', async () => {
    const { excel, host } = setup();
    const rows: CellValue[][] = Array.from({ length: 20_000 }, (_, r) => [
      r,
      `${'说明'.repeat(100)}-${r}`,
      'y'.repeat(200),
    ]);
    await host.replaceReportSheet(REPORT, rows);
    expect(excel.valuesOf(REPORT)).toEqual(rows);
    expect(excel.syncs.filter((s) => s.failed)).toHaveLength(0);
    expect(Math.max(...excel.syncs.map((s) => s.bytes))).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(excel.syncs.length).toBeGreaterThan(3);
  });

  it('halves a write chunk Excel rejects', async () => {
    const { excel, host } = setup();
    const rows: CellValue[][] = Array.from({ length: 50 }, (_, r) => [r, 'text']);
    excel.failOnSync.set(3, 'RequestPayloadSizeLimitExceeded'); // the first chunk of rows
    await host.replaceReportSheet(REPORT, rows);
    expect(excel.valuesOf(REPORT)).toEqual(rows);
  });

  it('appendLog creates the log with its header, appends after the last row, protects it', async () => {
    const { excel, host } = setup();
    const header = ['When', 'Who', 'Hash'];
    expect(await host.readLog(LOG)).toEqual([]);
    await host.appendLog(LOG, header, [['2026-11-28T10:00', null, '0af3']]);
    expect(excel.sheet(LOG).protected).toBe(true);
    await host.appendLog(LOG, header, [
      ['2026-11-28T11:00', 'Li', '1e10'],
      ['2026-11-28T12:00', 'Wang', '=x'],
    ]);
    expect(excel.sheet(LOG).protected).toBe(true);
    expect(await host.readLog(LOG)).toEqual([
      header,
      ['2026-11-28T10:00', null, '0af3'],
      ['2026-11-28T11:00', 'Li', '1e10'],
      ['2026-11-28T12:00', 'Wang', '=x'],
    ]);
    // Protected without a password: against casual edits only.
    expect(
      excel.writes.filter((w) => w.property === 'protect').every((w) => w.value === undefined),
    ).toBe(true);
  });
});

describe('no user data is changed', () => {
  it('over a whole session only report, log and marks sheets get values', async () => {
    const { excel, host } = setup();
    const values = excel.valuesOf(USER);
    await host.readSheet(USER);
    await host.recalculate();
    await host.writeMarks([{ sheet: USER, address: 'B2', severity: 'error' }]);
    await host.replaceReportSheet(REPORT, [['a', 1]]);
    await host.appendLog(LOG, ['h'], [['r']]);
    await host.selectCell(USER, 'C3');
    await host.getSelection();
    await host.clearMarks();
    const content = new Set(['values', 'formulas', 'clear']);
    const touched = excel.writes.filter((w) => content.has(w.property)).map((w) => w.sheet);
    expect(new Set(touched)).toEqual(new Set([REPORT, LOG, MARKS_SHEET]));
    expect(
      excel.writes
        .filter((w) => w.sheet === USER)
        .every((w) => w.property.startsWith('format.fill.')),
    ).toBe(true);
    expect(excel.valuesOf(USER)).toEqual(values);
  });

  it('setFormula writes one formula to one cell, and refuses a range', async () => {
    const { excel, host } = setup();
    await host.setFormula(USER, 'D2', '=CM.GRADE_OUTCOME(B2)');
    expect(excel.writes).toEqual([
      { sheet: USER, address: 'D2', property: 'formulas', value: [['=CM.GRADE_OUTCOME(B2)']] },
    ]);
    await expect(host.setFormula(USER, 'D2:D3', '=1')).rejects.toThrow(/cell address/);
  });
});

describe('workbook queries', () => {
  it('lists sheets with their tables, hiding the marks store', async () => {
    const { excel, host } = setup();
    excel.addTable('People', USER, 'A1:C3');
    await host.writeMarks([{ sheet: USER, address: 'A1', severity: 'warning' }]);
    expect(await host.listSheets()).toEqual([
      { name: USER, tables: [{ name: 'People', sheet: USER, address: 'A1:C3' }] },
    ]);
  });

  it('selects a cell and reads the selection back without the sheet prefix', async () => {
    const { excel, host } = setup();
    excel.addSheet('Other sheet', [[1]]);
    await host.selectCell(USER, 'B2');
    expect(await host.getSelection()).toEqual({
      sheet: USER,
      address: 'B2',
      value: 91,
      formula: '=CM.APPRAISAL_SCORE(1)',
    });
    await host.selectCell('Other sheet', 'A1');
    expect(await host.activeSheet()).toBe('Other sheet');
    expect(await host.getSelection()).toMatchObject({
      sheet: 'Other sheet',
      address: 'A1',
      formula: null,
    });
  });

  it('recalculates fully, names the workbook, knows no user', async () => {
    const { excel, host } = setup();
    await host.recalculate();
    expect(excel.state.calculations).toEqual(['Full']);
    expect(await host.workbookName()).toBe('Appraisal.xlsx');
    excel.state.name = '';
    expect(await host.workbookName()).toBe(UNNAMED_WORKBOOK);
    expect(await host.userName()).toBeNull();
    const sso = new OfficeHost({ run: excel.run, userName: async () => 'Li Wei' });
    expect(await sso.userName()).toBe('Li Wei');
  });
});
