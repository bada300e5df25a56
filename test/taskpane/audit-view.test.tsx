/** @jest-environment jsdom */
import './setup';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { DEFAULT_POLICY, policyHash, type Lang } from '../../src/rules';
import { LOG_SHEET, REPORT_SHEET, runAudit } from '../../src/taskpane/workflows';
import { AUDITOR_KEY } from '../../src/taskpane/auditor';
import { appraisalHost, SHEET } from './fixtures';
import { renderApp } from './render';

const T = {
  en: {
    run: 'Run audit',
    verify: 'Verify log',
    done: /Audit done: 1 mismatch, 3 errors\./,
    rows: 'Rows',
    mismatches: 'Mismatches',
    hash: 'Record hash',
    ok: /The audit log is intact: 1 record, hash chain unbroken\./,
    bad: /The audit log is broken at record 1: record 1 \(seq 1\) was edited/,
    empty: /The audit log is empty/,
    ok2: /The audit log is intact: 2 records, hash chain unbroken\./,
    truncated:
      /The audit log is broken at record 2: the log holds 1 record, 2 expected: record 2 was deleted from the end\./,
    notAppended:
      /No log record was appended: the log holds 1 record, 2 expected: record 2 was deleted/,
    cancel: 'Cancel',
    cancelled: /Cancelled\./,
    writing: /Writing to the workbook: this last step cannot be cancelled/,
    ribbon: /Result of the Audit button on the ribbon/,
  },
  zh: {
    run: '开始稽核',
    verify: '校验日志',
    done: /稽核完成：1 处不一致，3 个错误。/,
    rows: '行数',
    mismatches: '不一致',
    hash: '记录哈希',
    ok: /稽核日志完好：共 1 条记录，哈希链完整。/,
    bad: /稽核日志在第 1 条记录处断裂：第 1 条记录（序号 1）已被修改/,
    empty: /稽核日志为空/,
    ok2: /稽核日志完好：共 2 条记录，哈希链完整。/,
    truncated:
      /稽核日志在第 2 条记录处断裂：日志有 1 条记录，应为 2 条：末尾的第 2 条记录已被删除。/,
    notAppended: /未追加日志记录：日志有 1 条记录，应为 2 条：末尾的第 2 条记录已被删除。/,
    cancel: '取消',
    cancelled: /已取消。/,
    writing: /正在写入工作簿：这最后一步不能取消/,
    ribbon: /功能区“稽核”按钮的结果/,
  },
} as const;

function fact(term: string): string {
  const dt = screen.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

describe.each(['en', 'zh'] as Lang[])('Audit view (%s)', (lang) => {
  const t = T[lang];
  // The auditor's name was given once before on this machine.
  beforeEach(() => localStorage.setItem(AUDITOR_KEY, '李审计'));
  afterEach(() => localStorage.clear());

  it('asks the auditor name once, never logs an empty who, and remembers it', async () => {
    localStorage.clear();
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang, initialTab: 'audit' });
    const name = screen.getByRole('textbox', { name: lang === 'zh' ? /稽核人姓名/ : /Auditor/ });
    expect(name).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    expect(
      await screen.findByText(
        lang === 'zh' ? '请先填写稽核人姓名。' : "Enter the auditor's name first.",
      ),
    ).toBeInTheDocument();
    expect(host.sheets.get(LOG_SHEET)).toBeUndefined();
    await userEvent.type(name, '  王芳 ');
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    expect(await screen.findByText(t.done)).toBeInTheDocument();
    const log = host.sheets.get(LOG_SHEET)?.values ?? [];
    expect(log[1][log[0].indexOf('who')]).toBe('王芳');
    expect(localStorage.getItem(AUDITOR_KEY)).toBe('王芳');
  });

  it('recalculates, writes the report sheet and a log record, and shows the summary', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang, initialTab: 'audit' });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    expect(await screen.findByText(t.done)).toBeInTheDocument();
    expect(fact(t.rows)).toBe('4');
    expect(fact(t.mismatches)).toBe('1');
    const methods = host.calls.map((c) => c.method);
    // The values the workbook reported are read first, then recalculated and read again.
    expect(methods.indexOf('readSheet')).toBeLessThan(methods.indexOf('recalculate'));
    expect(methods.lastIndexOf('readSheet')).toBeGreaterThan(methods.indexOf('recalculate'));
    expect(host.sheets.get(REPORT_SHEET)?.values.length).toBeGreaterThan(5);
    const log = host.sheets.get(LOG_SHEET)?.values ?? [];
    expect(log).toHaveLength(2);
    const hashCol = log[0].indexOf('hash');
    expect(fact(t.hash)).toBe(log[1][hashCol]);
    expect(screen.getByText(policyHash(DEFAULT_POLICY), { exact: false })).toBeInTheDocument();
    // The audit only reads the user's sheet.
    expect(host.cellWrites(SHEET)).toEqual([]);
  });

  it('verifies an intact log and names the first bad record of a tampered one', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang, initialTab: 'audit' });
    await userEvent.click(screen.getByRole('button', { name: t.verify }));
    expect(await screen.findByText(t.empty)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: t.run }));
    await screen.findByText(t.done);
    await userEvent.click(screen.getByRole('button', { name: t.verify }));
    expect(await screen.findByText(t.ok)).toBeInTheDocument();

    // Someone edits the record's error count on the log sheet.
    const log = host.sheets.get(LOG_SHEET)!;
    log.values[1][log.values[0].indexOf('errors')] = 0;
    await userEvent.click(screen.getByRole('button', { name: t.verify }));
    expect(await screen.findByText(t.bad)).toBeInTheDocument();
  });

  it('sees the last log record deleted and will not append after it', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang, initialTab: 'audit' });
    for (let i = 0; i < 2; i++) {
      await userEvent.click(screen.getByRole('button', { name: t.run }));
      await waitFor(() => expect(host.sheets.get(LOG_SHEET)?.values).toHaveLength(i + 2));
    }
    await userEvent.click(screen.getByRole('button', { name: t.verify }));
    expect(await screen.findByText(t.ok2)).toBeInTheDocument();

    // Someone deletes the last row of the log sheet.
    const log = host.sheets.get(LOG_SHEET)!;
    log.values.pop();
    log.formulas.pop();
    await userEvent.click(screen.getByRole('button', { name: t.verify }));
    expect(await screen.findByText(t.truncated)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: t.run }));
    expect(await screen.findByText(t.notAppended)).toBeInTheDocument();
    expect(host.sheets.get(LOG_SHEET)?.values).toHaveLength(2);
  });

  it('stops with a cancelled message and writes nothing when cancelled while reading', async () => {
    const host = appraisalHost({ chunkRows: 1, chunkDelay: 40 });
    await renderApp({ host, initialLang: lang, initialTab: 'audit' });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    await userEvent.click(await screen.findByRole('button', { name: t.cancel }));
    expect(await screen.findByText(t.cancelled)).toBeInTheDocument();
    expect(host.writes).toEqual([]);
  });

  it('offers no Cancel once it writes, and ends with the report and its record, not "cancelled"', async () => {
    const host = appraisalHost({ writeDelay: 150 });
    await renderApp({ host, initialLang: lang, initialTab: 'audit' });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    expect(await screen.findByText(t.writing)).toBeInTheDocument();
    const cancel = screen.getByRole('button', { name: t.cancel });
    expect(cancel).toBeDisabled();
    await userEvent.click(cancel);
    expect(await screen.findByText(t.done)).toBeInTheDocument();
    expect(screen.queryByText(t.cancelled)).toBeNull();
    // The report, its log record and the log's anchor.
    expect(host.writes.map((w) => w.kind)).toEqual(['report', 'log', 'setting']);
  });

  it('shows the ribbon audit when the ribbon publishes one', async () => {
    const host = appraisalHost();
    const { channel } = await renderApp({ host, initialLang: lang });
    const summary = await runAudit(host, { lang });
    act(() => channel.publish({ ok: true, summary }));
    expect(await screen.findByText(t.ribbon)).toBeVisible();
    expect(screen.getByText(t.done)).toBeVisible();
  });

  it('shows a readable error when the audit fails', async () => {
    const host = appraisalHost({
      failures: { recalculate: new Error('Calculation was interrupted.') },
    });
    await renderApp({ host, initialLang: lang, initialTab: 'audit' });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Calculation was interrupted.'));
  });
});
