/** @jest-environment jsdom */
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang } from '../../src/rules';
import { appraisalHost, SHEET } from './fixtures';
import { FakeHost } from './fake-host';
import { renderApp } from './render';

const T = {
  en: {
    run: 'Validate',
    error: /^Error · 2 findings$/,
    warning: /^Warning · 1 finding$/,
    percent: 'Rate typed as percent (1)',
    highlight: 'Highlight the cells',
    noFindings: /No findings: 1 row checked/,
    cancel: 'Cancel',
    cancelled: /Cancelled\. Nothing in the workbook was changed\./,
    errorTitle: 'Could not finish',
    table: 'Table Appraisal (考核表)',
    scope: 'Check',
    whole: 'The whole workbook',
    summary: /3 findings|2 errors/,
    stale: /may be out of date/,
    again: 'Validate again',
  },
  zh: {
    run: '校验',
    error: /^错误 · 2 条$/,
    warning: /^警告 · 1 条$/,
    percent: '比率按百分数录入 (1)',
    highlight: '突出显示单元格',
    noFindings: /未发现问题：已检查 1 行/,
    cancel: '取消',
    cancelled: /已取消。工作簿未作任何更改。/,
    errorTitle: '未能完成',
    table: '表格 Appraisal（考核表）',
    scope: '校验范围',
    whole: '整个工作簿',
    summary: /2 个错误、1 个警告/,
    stale: /可能已过时/,
    again: '重新校验',
  },
} as const;

describe.each(['en', 'zh'] as Lang[])('Validate view (%s)', (lang) => {
  const t = T[lang];

  it('groups findings by severity then rule, in the current language, with articles', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    const errors = await screen.findByRole('heading', { name: t.error });
    expect(screen.getByRole('heading', { name: t.warning })).toBeInTheDocument();
    // Errors come before warnings.
    const warnings = screen.getByRole('heading', { name: t.warning });
    expect(
      errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: t.percent })).toBeInTheDocument();
    // The whole workbook is checked by default: addresses carry their sheet.
    const e4 = screen.getByRole('button', { name: new RegExp(`^${SHEET}!E4`) });
    // Parameters by their label in Chinese (不良率, not npl_ratio), articles as 第十三条 (issue 13).
    expect(e4).toHaveTextContent(lang === 'en' ? /npl_ratio must be a fraction/ : /不良率 应为/);
    expect(e4).toHaveTextContent(lang === 'en' ? 'Article: Art. 13' : '条款：第十三条');
    if (lang === 'zh') expect(e4).not.toHaveTextContent(/npl_ratio|Art\./);
    expect(host.calls.some((c) => c.method === 'readSheet' && c.args[0] === SHEET)).toBe(true);
  });

  it('selects the cell of a finding when it is clicked', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    await userEvent.click(await screen.findByRole('button', { name: new RegExp(`^${SHEET}!H5`) }));
    await waitFor(() => expect(host.selection).toEqual({ sheet: SHEET, address: 'H5' }));
  });

  it('writes marks when highlighting is switched on and clears them when off', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    const toggle = await screen.findByRole('switch', { name: t.highlight });
    await userEvent.click(toggle);
    await waitFor(() => expect(host.marked).toHaveLength(3));
    expect(host.marked).toContainEqual({ sheet: SHEET, address: 'E4', severity: 'error' });
    expect(host.marked).toContainEqual({ sheet: SHEET, address: 'I3', severity: 'warning' });
    await userEvent.click(toggle);
    await waitFor(() => expect(host.writes.at(-1)).toEqual({ kind: 'clearMarks' }));
    expect(host.marked).toHaveLength(0);
    // Marks never write a value or a formula.
    expect(host.cellWrites(SHEET)).toEqual([]);
  });

  it('validates a chosen table', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang });
    const select = screen.getByLabelText(t.scope);
    await screen.findByRole('option', { name: t.table });
    await userEvent.selectOptions(select, 'table:Appraisal');
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    await screen.findByRole('heading', { name: t.error });
    expect(host.calls.some((c) => c.method === 'readTable' && c.args[0] === 'Appraisal')).toBe(
      true,
    );
  });

  it('checks the whole workbook by default; the active sheet remains a choice', async () => {
    const host = appraisalHost({ active: 'Notes' });
    await renderApp({ host, initialLang: lang });
    const select = screen.getByLabelText(t.scope);
    expect(select).toHaveValue('');
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent(t.whole);
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    // The active sheet is Notes, yet the appraisal sheet's findings are there.
    await screen.findByRole('heading', { name: t.error });
    expect(host.calls.some((c) => c.method === 'readSheet' && c.args[0] === SHEET)).toBe(true);

    await userEvent.selectOptions(select, 'sheet');
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: t.error })).toBeNull());
  });

  it('moves focus to the result summary when the run ends', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    await screen.findByRole('heading', { name: t.error });
    await waitFor(() => expect(document.activeElement).toHaveTextContent(t.summary));
    expect(document.activeElement).toHaveAttribute('role', 'status');
  });

  it('says the findings are out of date once a cell is edited', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: lang });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    await screen.findByRole('heading', { name: t.error });
    expect(screen.queryByText(t.stale)).toBeNull();
    await act(async () => host.userEdits(SHEET, 'E4', 0.012));
    expect(await screen.findByText(t.stale)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: t.again }));
    await waitFor(() => expect(screen.queryByText(t.stale)).toBeNull());
  });

  it('says so when there is nothing to report', async () => {
    const host = new FakeHost({
      sheets: {
        Clean: [
          ['工号', '姓名', '考核对象', '存款增长率', '不良率', '收贷收息率', '新开对公基本账户'],
          ['E001', '张三', 'SENIOR', 0.34, 0, 0.997, 8],
        ],
      },
    });
    await renderApp({ host, initialLang: lang });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    expect(await screen.findByText(t.noFindings)).toBeInTheDocument();
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
  });

  it('stops with a cancelled message when Cancel is pressed', async () => {
    const host = appraisalHost({ chunkRows: 1, chunkDelay: 40 });
    await renderApp({ host, initialLang: lang });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    await userEvent.click(await screen.findByRole('button', { name: t.cancel }));
    expect(await screen.findByText(t.cancelled)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: t.error })).not.toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows a readable error, never a stack trace', async () => {
    const failure = new Error('The sheet is protected.\n    at readSheet (office-host.ts:120:5)');
    const host = appraisalHost({ failures: { readSheet: failure } });
    await renderApp({ host, initialLang: lang });
    await userEvent.click(screen.getByRole('button', { name: t.run }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(t.errorTitle)).toBeInTheDocument();
    expect(alert).toHaveTextContent('The sheet is protected.');
    expect(alert).not.toHaveTextContent('office-host.ts');
  });
});
