/** OfficeHost's document settings (ExcelApi 1.4) and selection events (ExcelApi 1.9). */
import { OfficeHost } from '../../src/host/office-host';
import { FakeExcel } from './fake-excel';

const KEY = 'cm-appraisal.auditLog.head';

function setup(): { excel: FakeExcel; host: OfficeHost } {
  const excel = new FakeExcel().addSheet('Data', [['a', 'b']]);
  return { excel, host: new OfficeHost({ run: excel.run }) };
}

describe('OfficeHost settings', () => {
  it('reads an absent setting as null in one sync, writing nothing', async () => {
    const { excel, host } = setup();
    await expect(host.readSetting(KEY)).resolves.toBeNull();
    expect(excel.syncs).toHaveLength(1);
    expect(excel.writes).toEqual([]);
  });

  it('writes a setting in one sync and reads it back; writing again replaces it', async () => {
    const { excel, host } = setup();
    const anchor = JSON.stringify({ hash: 'a'.repeat(64), count: 1 });
    await host.writeSetting(KEY, anchor);
    expect(excel.syncs).toHaveLength(1);
    expect(excel.setting(KEY)).toBe(anchor);
    expect(excel.writes).toEqual([{ sheet: '', address: KEY, property: 'setting', value: anchor }]);

    excel.resetCounters();
    await expect(host.readSetting(KEY)).resolves.toBe(anchor);
    expect(excel.syncs).toHaveLength(1);

    await host.writeSetting(KEY, '{"hash":"b","count":2}');
    await expect(host.readSetting(KEY)).resolves.toBe('{"hash":"b","count":2}');
    await expect(host.readSetting('other')).resolves.toBeNull();
  });

  it('gives a value another writer stored as something other than text as JSON', async () => {
    const { excel, host } = setup();
    excel.state.settings.set(KEY, { hash: 'c', count: 3 });
    await expect(host.readSetting(KEY)).resolves.toBe('{"hash":"c","count":3}');
  });

  it('touches no cell: settings are not on any sheet', async () => {
    const { excel, host } = setup();
    await host.writeSetting(KEY, 'x');
    expect(excel.valuesOf('Data')).toEqual([['a', 'b']]);
    expect(excel.sheet('Data').revision).toBe(0);
  });
});

describe('OfficeHost onSelectionChanged', () => {
  it('calls the handler on every selection until stopped, then never again', async () => {
    const { excel, host } = setup();
    const seen: number[] = [];
    let n = 0;
    const stop = await host.onSelectionChanged(() => seen.push(++n));
    expect(excel.selectionHandlerCount).toBe(1);
    expect(excel.syncs).toHaveLength(1);

    await excel.select('Data', 'B1');
    await excel.select('Data', 'A1');
    expect(seen).toEqual([1, 2]);

    excel.resetCounters();
    await stop();
    // Removed on the context it was added in: the fake drops a removal queued elsewhere.
    expect(excel.selectionHandlerCount).toBe(0);
    expect(excel.syncs).toHaveLength(1);
    await excel.select('Data', 'B1');
    expect(seen).toEqual([1, 2]);

    await stop();
    expect(excel.syncs).toHaveLength(1);
  });

  it('keeps two listeners apart: stopping one leaves the other', async () => {
    const { excel, host } = setup();
    const calls: string[] = [];
    const stopA = await host.onSelectionChanged(() => calls.push('a'));
    const stopB = await host.onSelectionChanged(() => calls.push('b'));
    await excel.select('Data', 'B1');
    await stopA();
    await excel.select('Data', 'A1');
    expect(calls).toEqual(['a', 'b', 'b']);
    await stopB();
    expect(excel.selectionHandlerCount).toBe(0);
  });

  it('rejects when the host cannot register the handler', async () => {
    const { excel, host } = setup();
    excel.failOnSync.set(1, 'ApiNotFound');
    await expect(host.onSelectionChanged(() => undefined)).rejects.toMatchObject({
      code: 'ApiNotFound',
    });
    expect(excel.selectionHandlerCount).toBe(0);
  });
});
