/**
 * The audit log's head anchored in a document setting: runAudit writes it after each record,
 * verifyLog checks the log ends there, and a log that fails its check is never extended.
 */
import {
  LOG_HEAD_KEY,
  LOG_SHEET,
  runAudit,
  verifyLog,
  type AuditSummary,
} from '../../src/taskpane/workflows';
import { parseAnchor } from '../../src/taskpane/workflows/audit';
import { appraisalHost } from './fixtures';
import type { FakeHost, FakeHostOptions } from './fake-host';

let clock = Date.UTC(2025, 2, 3, 9);
const now = () => new Date((clock += 60_000));

async function audited(times: number, options: FakeHostOptions = {}) {
  const host = appraisalHost(options);
  const summaries: AuditSummary[] = [];
  for (let i = 0; i < times; i++) summaries.push(await runAudit(host, { lang: 'en', now }));
  return { host, summaries };
}

function logRows(host: FakeHost) {
  return host.sheets.get(LOG_SHEET)?.values ?? [];
}

/** What a user can do on the log sheet: delete its last rows. */
function deleteLastRows(host: FakeHost, n: number): void {
  const log = host.sheets.get(LOG_SHEET)!;
  log.values.splice(-n);
  log.formulas.splice(-n);
}

function anchorOf(host: FakeHost) {
  const text = host.settings.get(LOG_HEAD_KEY);
  return text === undefined ? undefined : parseAnchor(text);
}

describe('audit log anchor', () => {
  it('anchors the head after each record; two audits verify as intact', async () => {
    const { host, summaries } = await audited(2);
    const [first, second] = summaries.map((s) => s.record!);
    expect(second.prevHash).toBe(first.hash);
    expect(anchorOf(host)).toEqual({ hash: second.hash, count: 2 });
    expect(host.settings.get(LOG_HEAD_KEY)).toBe(JSON.stringify({ hash: second.hash, count: 2 }));
    // Written after the record, never before it.
    const methods = host.calls.map((c) => c.method);
    expect(methods.lastIndexOf('writeSetting')).toBeGreaterThan(methods.lastIndexOf('appendLog'));
    await expect(verifyLog(host)).resolves.toEqual({
      ok: true,
      records: 2,
      head: second.hash,
      // Unsigned records (no key given), reported without a trust list to judge them.
      signers: {
        report: {
          judged: false,
          ok: true,
          problems: [],
          records: [{ kind: 'unsigned' }, { kind: 'unsigned' }],
          anchor: { kind: 'unsigned' },
        },
        records: [
          { n: 1, seq: 1 },
          { n: 2, seq: 2 },
        ],
      },
    });
  });

  it('reports a deleted last record, naming it, in both languages', async () => {
    const { host } = await audited(2);
    deleteLastRows(host, 1);
    expect(logRows(host)).toHaveLength(2);
    const check = await verifyLog(host);
    expect(check).toMatchObject({ ok: false, records: 1, record: 2 });
    expect(!check.ok && check.reason).toEqual({
      en: 'the log holds 1 record, 2 expected: record 2 was deleted from the end.',
      zh: '日志有 1 条记录，应为 2 条：末尾的第 2 条记录已被删除。',
    });
  });

  it('reports the last few records deleted, and the whole log sheet deleted', async () => {
    const { host } = await audited(3);
    deleteLastRows(host, 2);
    const few = await verifyLog(host);
    expect(few).toMatchObject({ ok: false, records: 1, record: 2 });
    expect(!few.ok && few.reason.en).toMatch(/records 2 to 3 were deleted from the end/);

    host.sheets.delete(LOG_SHEET);
    const all = await verifyLog(host);
    expect(all).toMatchObject({ ok: false, records: 0, record: 1 });
    expect(!all.ok && all.reason.en).toMatch(/the log sheet or all its records/);
    expect(!all.ok && all.reason.zh).toMatch(/日志表或其全部记录/);
  });

  it('does not extend a log whose end disagrees with the anchor, and says why', async () => {
    const { host } = await audited(2);
    deleteLastRows(host, 1);
    const anchor = host.settings.get(LOG_HEAD_KEY);
    const appends = host.calls.filter((c) => c.method === 'appendLog').length;

    const summary = await runAudit(host, { lang: 'en', now });
    expect(summary.record).toBeUndefined();
    expect(summary.logProblem?.en).toMatch(/record 2 was deleted from the end/);
    expect(summary.logProblem?.zh).toMatch(/第 2 条记录已被删除/);
    expect(host.calls.filter((c) => c.method === 'appendLog')).toHaveLength(appends);
    expect(logRows(host)).toHaveLength(2);
    expect(host.settings.get(LOG_HEAD_KEY)).toBe(anchor);
    // The report sheet is still written: only the log is held back.
    expect(summary.reportSheet).toBeTruthy();
  });

  it('does not extend a log whose chain is broken, anchored or not', async () => {
    for (const options of [{}, { withoutSettings: true }]) {
      const { host } = await audited(2, options);
      const log = host.sheets.get(LOG_SHEET)!;
      log.values[1][log.values[0].indexOf('errors')] = 0;
      const summary = await runAudit(host, { lang: 'en', now });
      expect(summary.record).toBeUndefined();
      expect(summary.logProblem?.en).toMatch(/record 1 \(seq 1\) was edited/);
      expect(logRows(host)).toHaveLength(3);
    }
  });

  it('behaves as before without an anchor: an older workbook, then anchored from its next audit', async () => {
    const { host } = await audited(2);
    host.settings.clear(); // a log written before anchoring
    deleteLastRows(host, 1);
    // The chain alone cannot see the deleted last record (documented in src/sheets).
    await expect(verifyLog(host)).resolves.toMatchObject({ ok: true, records: 1 });

    const summary = await runAudit(host, { lang: 'en', now });
    expect(summary.record?.seq).toBe(2);
    expect(anchorOf(host)).toEqual({ hash: summary.record?.hash, count: 2 });
    await expect(verifyLog(host)).resolves.toMatchObject({ ok: true, records: 2 });
  });

  it('works without document settings as before: appends, verifies the chain alone', async () => {
    const { host, summaries } = await audited(2, { withoutSettings: true });
    expect(summaries[1].record?.seq).toBe(2);
    expect(host.calls.some((c) => /Setting$/.test(c.method))).toBe(false);
    await expect(verifyLog(host)).resolves.toMatchObject({ ok: true, records: 2 });
    deleteLastRows(host, 1);
    await expect(verifyLog(host)).resolves.toMatchObject({ ok: true, records: 1 });
  });

  it('treats an anchor it cannot read as a problem, not as no anchor', async () => {
    const { host } = await audited(1);
    host.settings.set(LOG_HEAD_KEY, '{"hash":"not a hash","count":1}');
    const check = await verifyLog(host);
    expect(check).toMatchObject({ ok: false, records: 1, record: 2 });
    expect(!check.ok && check.reason.en).toMatch(/cm-appraisal\.auditLog\.head\) is unreadable/);
    const summary = await runAudit(host, { lang: 'en', now });
    expect(summary.record).toBeUndefined();
    expect(logRows(host)).toHaveLength(2);
  });

  it('reads only anchors this add-in writes', () => {
    const hash = 'ab'.repeat(32);
    expect(parseAnchor(JSON.stringify({ hash, count: 3 }))).toEqual({ hash, count: 3 });
    // Other keys (the signature's) are allowed and not returned.
    expect(parseAnchor(JSON.stringify({ hash, count: 0, signer: 'x' }))).toEqual({
      hash,
      count: 0,
    });
    for (const text of [
      '',
      'null',
      '[]',
      '{"count":3}',
      JSON.stringify({ hash: hash.toUpperCase(), count: 3 }),
      JSON.stringify({ hash, count: -1 }),
      JSON.stringify({ hash, count: 1.5 }),
      JSON.stringify({ hash, count: '3' }),
      JSON.stringify({ hash, count: 2 ** 53 }),
      JSON.stringify({ hash: hash.slice(1), count: 3 }),
      'not json',
    ]) {
      expect(parseAnchor(text)).toBeUndefined();
    }
  });
});
