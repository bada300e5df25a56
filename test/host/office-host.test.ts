import { OfficeHost } from '../../src/host/office-host';
import { PAYLOAD_BUDGET_BYTES, PAYLOAD_LIMIT_BYTES } from '../../src/host/payload';
import type { CellValue } from '../../src/sheets/grid';
import { FakeExcel } from './fake-excel';

const ROWS = 10_000;
const COLS = 20;

/** 10,000 × 20: a number, 18 long strings (~100 characters, some Chinese), a formula. */
function bigSheet(): { values: CellValue[][]; formulas: (string | null)[][] } {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const row: CellValue[] = [r];
    const f: (string | null)[] = [null];
    for (let c = 1; c < COLS - 1; c++) {
      row.push(`${c % 3 === 0 ? '支行客户经理' : 'branch'}-${r}-${c}-${'x'.repeat(80)}`);
      f.push(null);
    }
    row.push(r * 2);
    f.push(`=A${r + 1}*2`);
    values.push(row);
    formulas.push(f);
  }
  return { values, formulas };
}

function setup(): { excel: FakeExcel; host: OfficeHost } {
  const excel = new FakeExcel();
  return { excel, host: new OfficeHost({ run: excel.run }) };
}

describe('OfficeHost reads', () => {
  const data = bigSheet();

  it('reads 10,000 × 20 in chunks: 1 sync per chunk + 1, every sync under 5 MB', async () => {
    const { excel, host } = setup();
    excel.addSheet('Data', data.values, { formulas: data.formulas });
    const progress: [number, number][] = [];
    const grid = await host.readSheet('Data', { onProgress: (d, t) => progress.push([d, t]) });

    expect(grid.values).toEqual(data.values);
    expect(grid.formulas).toEqual(data.formulas);
    expect([grid.sheet, grid.top, grid.left]).toEqual(['Data', 0, 0]);

    const chunks = progress.length;
    const total = excel.syncs.reduce((sum, s) => sum + s.bytes, 0);
    expect(chunks).toBeGreaterThanOrEqual(5); // long strings force several chunks
    expect(excel.syncs.every((s) => !s.failed)).toBe(true);
    expect(Math.max(...excel.syncs.map((s) => s.bytes))).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // Budget: one sync for the used range, then exactly one per chunk ...
    expect(excel.syncs).toHaveLength(chunks + 1);
    // ... and chunks are well filled: at most ⌈total / (budget / 2)⌉ of them.
    expect(chunks).toBeLessThanOrEqual(Math.ceil(total / (PAYLOAD_BUDGET_BYTES / 2)));
    // Progress: increasing row counts, ending at the total.
    expect(progress.at(-1)).toEqual([ROWS, ROWS]);
    progress.slice(1).forEach(([done], i) => expect(done).toBeGreaterThan(progress[i][0]));
  });

  it('recovers from a payload-limit error by halving the chunk', async () => {
    const { excel, host } = setup();
    excel.addSheet('Data', data.values, { formulas: data.formulas });
    excel.failOnSync.set(2, 'ResponsePayloadSizeLimitExceeded'); // the first chunk
    excel.failOnSync.set(5, 'RequestPayloadSizeLimitExceeded');
    const grid = await host.readSheet('Data');
    expect(excel.syncs.filter((s) => s.failed)).toHaveLength(2);
    expect(grid.values).toEqual(data.values);
    expect(grid.formulas).toEqual(data.formulas);
  });

  it('adapts to a host whose real limit is far below the budget', async () => {
    const { excel, host } = setup();
    excel.addSheet('Data', data.values.slice(0, 2000), { formulas: data.formulas.slice(0, 2000) });
    excel.payloadLimitBytes = 300_000;
    const grid = await host.readSheet('Data');
    expect(grid.values).toEqual(data.values.slice(0, 2000));
    const ok = excel.syncs.filter((s) => !s.failed);
    expect(Math.max(...ok.map((s) => s.bytes))).toBeLessThanOrEqual(300_000);
    // Failures only while learning: later chunks are sized from the failures.
    expect(excel.syncs.filter((s) => s.failed).length).toBeLessThanOrEqual(6);
  });

  it('fails readably when one row alone is over the limit', async () => {
    const { excel, host } = setup();
    excel.addSheet('Wide', [['a'.repeat(5000), 'b']]);
    excel.payloadLimitBytes = 2000;
    await expect(host.readSheet('Wide')).rejects.toThrow(/Row 1 of sheet Wide .*5 MB/);
  });

  it('stops between chunks when aborted', async () => {
    const { excel, host } = setup();
    excel.addSheet('Data', data.values, { formulas: data.formulas });
    const abort = new AbortController();
    const read = host.readSheet('Data', {
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(read).rejects.toMatchObject({ name: 'AbortError' });
    expect(excel.syncs).toHaveLength(2); // the used range and one chunk, nothing after
  });

  it('places the grid where the used range is, with formulas', async () => {
    const { excel, host } = setup();
    excel.addSheet(
      'S',
      [
        [1, 2],
        ['x', 3],
      ],
      {
        top: 2,
        left: 3,
        formulas: [
          [null, '=D3+1'],
          [null, null],
        ],
      },
    );
    const grid = await host.readSheet('S');
    expect(grid).toEqual({
      sheet: 'S',
      top: 2,
      left: 3,
      values: [
        [1, 2],
        ['x', 3],
      ],
      formulas: [
        [null, '=D3+1'],
        [null, null],
      ],
    });
  });

  it('reads an empty sheet as an empty grid', async () => {
    const { excel, host } = setup();
    excel.addSheet('Empty');
    expect(await host.readSheet('Empty')).toEqual({
      sheet: 'Empty',
      top: 0,
      left: 0,
      values: [],
      formulas: [],
    });
  });

  it('reads one range a formula refers to, where it is, with its values', async () => {
    const { excel, host } = setup();
    excel.addSheet('S', [
      ['x', 1, 2],
      ['y', 3, 4],
    ]);
    const grid = await host.readRange('S', 'B1:C2');
    expect(grid).toMatchObject({ sheet: 'S', top: 0, left: 1 });
    expect(grid.values).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect((await host.readRange('S', 'A2')).values).toEqual([['y']]);
  });

  it('reads a table by name, header included', async () => {
    const { excel, host } = setup();
    excel
      .addSheet('S', [['note'], [null, 'ID', 'Score'], [null, 'E1', 90]])
      .addTable('Staff', 'S', 'B2:C3');
    const grid = await host.readTable('Staff');
    expect(grid).toMatchObject({ sheet: 'S', table: 'Staff', top: 1, left: 1 });
    expect(grid.values).toEqual([
      ['ID', 'Score'],
      ['E1', 90],
    ]);
  });
});
