/**
 * The ribbon's Audit button: the same audit as the task pane, the event completed on success
 * and on failure, and no write ever touching a cell the user typed.
 */
import { auditCommand } from '../../src/commands/audit-command';
import type { AuditSummary } from '../../src/taskpane/workflows';
import { LOG_HEAD_KEY, LOG_SHEET, REPORT_SHEET } from '../../src/taskpane/workflows';
import { memoryKeyStore } from '../../src/signing/key-store';
import { trustListOf } from '../../src/signing';
import { verifyLog } from '../../src/taskpane/workflows';
import { appraisalHost, SHEET } from '../taskpane/fixtures';

function notifier() {
  const done: AuditSummary[] = [];
  const failed: string[] = [];
  return {
    done,
    failed,
    notify: {
      done: (s: AuditSummary) => void done.push(s),
      failed: (m: string) => void failed.push(m),
    },
  };
}

const NOW = () => new Date('2025-03-03T09:00:00Z');

describe('ribbon Audit command', () => {
  it('runs the audit, notifies the summary and completes the event', async () => {
    const host = appraisalHost();
    const event = { completed: jest.fn() };
    const n = notifier();
    await auditCommand(event, { host: () => host, notify: n.notify, lang: 'zh', now: NOW });
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(n.failed).toEqual([]);
    expect(n.done).toHaveLength(1);
    expect(n.done[0].record?.seq).toBe(1);
    // Written with its UTC offset (ISO 8601), the same instant.
    expect(n.done[0].when).toMatch(/^2025-03-0\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
    expect(new Date(n.done[0].when).toISOString()).toBe('2025-03-03T09:00:00.000Z');
    // Writes go to the report and log sheets and the log's head anchor (a document setting)
    // only: no user input cell is touched.
    const written = host.writes.map((w) =>
      'sheet' in w ? w.sheet : w.kind === 'setting' ? w.key : w.kind,
    );
    expect(new Set(written)).toEqual(new Set([REPORT_SHEET, LOG_SHEET, LOG_HEAD_KEY]));
    expect(host.cellWrites(SHEET)).toEqual([]);
    expect(host.calls.some((c) => c.method === 'setFormula' || c.method === 'writeMarks')).toBe(
      false,
    );
  });

  it('completes the event and reports a readable message when the audit fails', async () => {
    const host = appraisalHost({
      failures: {
        replaceReportSheet: new Error('The workbook is read-only.\n    at x (y.ts:1:1)'),
      },
    });
    const event = { completed: jest.fn() };
    const n = notifier();
    await auditCommand(event, { host: () => host, notify: n.notify, lang: 'en' });
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(n.done).toEqual([]);
    expect(n.failed).toEqual(['The workbook is read-only.']);
    expect(host.cellWrites(SHEET)).toEqual([]);
  });

  it('completes the event even when the host cannot be made or the notifier throws', async () => {
    const event = { completed: jest.fn() };
    await auditCommand(event, {
      host: () => {
        throw new Error('Excel is not available.');
      },
      notify: {
        done: () => undefined,
        failed: () => {
          throw new Error('no way to tell the user');
        },
      },
      lang: 'en',
    });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('chains a second record to the first', async () => {
    const host = appraisalHost();
    const n = notifier();
    for (let i = 0; i < 2; i++) {
      await auditCommand(
        { completed: () => undefined },
        { host: () => host, notify: n.notify, lang: 'en' },
      );
    }
    expect(n.done[1].record?.prevHash).toBe(n.done[0].record?.hash);
    expect(host.sheets.get(LOG_SHEET)?.values).toHaveLength(3);
  });

  it("signs the record with the auditor's key and checks the deployed trust list, as the pane does", async () => {
    const host = appraisalHost();
    const n = notifier();
    const key = await memoryKeyStore().create('张审计');
    const trust = trustListOf([key]);
    await auditCommand(
      { completed: () => undefined },
      {
        host: () => host,
        notify: n.notify,
        lang: 'zh',
        who: () => '张审计',
        key: () => Promise.resolve(key),
        trust: () => Promise.resolve({ kind: 'loaded', list: trust, count: 1 }),
      },
    );
    expect(n.failed).toEqual([]);
    expect(n.done[0].record?.signer).toBe(key.fingerprint);
    const check = await verifyLog(host, trust);
    expect(check.ok).toBe(true);
    expect(check.signers.report.records.map((r) => r.kind)).toEqual(['trusted']);
    expect(check.signers.report.ok).toBe(true);
  });

  it('a deployed trust list that cannot be used stops the ribbon audit: nothing written', async () => {
    const host = appraisalHost();
    const n = notifier();
    const event = { completed: jest.fn() };
    await auditCommand(event, {
      host: () => host,
      notify: n.notify,
      lang: 'zh',
      who: () => '张审计',
      trust: () =>
        Promise.resolve({
          kind: 'bad',
          reason: { en: 'trust.json is not JSON.', zh: 'trust.json 不是 JSON。' },
        }),
    });
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(n.done).toEqual([]);
    expect(n.failed[0]).toContain('trust.json 不是 JSON。');
    expect(host.writes).toEqual([]);
  });
});
