/** @jest-environment jsdom */
import './setup';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang } from '../../src/rules';
import { appraisalHost, SHEET } from './fixtures';
import { FakeHost } from './fake-host';
import { renderApp } from './render';

const T = {
  en: {
    items: 'Score items (Art. 13)',
    art13: 'Art. 13',
    deposit: 'Deposits',
    total: 'Total',
    num: /#NUM!: the problem is NPL ratio/,
    nplMessage: /npl_ratio must be a fraction from 0 to 1/,
    noCm: /考核表!A2 has no CM formula/,
    refresh: 'Refresh',
    outcome: /Art\. 14\(2\): score 85 ≤ 85 → DEMOTE/,
  },
  zh: {
    items: '分项得分（第十三条）',
    art13: '第十三条',
    deposit: '存款',
    total: '总分',
    num: /#NUM!：问题出在 不良率/,
    nplMessage: /不良率 应为 0 到 1 之间的比率/,
    noCm: /考核表!A2 没有 CM 公式/,
    refresh: '刷新',
    outcome: /第十四条第（二）项：考核得分 85 ≤ 85 → 降级/,
  },
} as const;

describe.each(['en', 'zh'] as Lang[])('Explain view (%s)', (lang) => {
  const t = T[lang];

  it('breaks a CM.APPRAISAL_SCORE cell down into its items and total', async () => {
    const host = appraisalHost({ selection: { sheet: SHEET, address: 'H2' } });
    await renderApp({ host, initialLang: lang, initialTab: 'explain' });
    const table = (await screen.findByText(t.items)).nextElementSibling as HTMLElement;
    const rows = within(table).getAllByRole('row');
    const cells = (name: string) =>
      rows.find((r) => within(r).queryByText(name) !== null)?.querySelectorAll('td') ?? [];
    expect(cells(t.deposit)[1]).toHaveTextContent('48');
    expect(cells(t.total)[1]).toHaveTextContent('110');
    expect(screen.getAllByText(t.art13, { exact: false }).length).toBeGreaterThan(0);
    // The arguments were read from the row's cells.
    expect(screen.getByText('C2')).toBeInTheDocument();
  });

  it('shows the #NUM! message naming npl_ratio', async () => {
    const host = appraisalHost({ selection: { sheet: SHEET, address: 'H4' } });
    await renderApp({ host, initialLang: lang, initialTab: 'explain' });
    expect(await screen.findByText(t.num)).toBeInTheDocument();
    expect(screen.getByText(t.num).parentElement).toHaveTextContent(t.nplMessage);
  });

  it('says when the selected cell has no CM formula, and refreshes on request', async () => {
    const host = appraisalHost({ selection: { sheet: SHEET, address: 'A2' } });
    await renderApp({ host, initialLang: lang, initialTab: 'explain' });
    expect(await screen.findByText(t.noCm)).toBeInTheDocument();
    host.selection = { sheet: SHEET, address: 'H2' };
    await userEvent.click(screen.getByRole('button', { name: t.refresh }));
    expect(await screen.findByText(t.items)).toBeInTheDocument();
  });

  it('shows argument values as Excel does, at 15 significant digits', async () => {
    const host = new FakeHost({
      sheets: { S: [[0.1 + 0.2, '=CM.COLLECTION_DUTY(A1, 1)']] },
      selection: { sheet: 'S', address: 'B1' },
    });
    await renderApp({ host, initialLang: lang, initialTab: 'explain' });
    expect(await screen.findByText('0.3')).toBeInTheDocument();
    expect(screen.queryByText('0.30000000000000004')).not.toBeInTheDocument();
  });

  it('explains literals and the saved _xldudf_ spelling, without readRange', async () => {
    const host = new FakeHost({
      sheets: { S: [['=_xldudf_cm_grade_outcome("MID", 85, 99.5%)']] },
      selection: { sheet: 'S', address: 'A1' },
      withoutReadRange: true,
    });
    await renderApp({ host, initialLang: lang, initialTab: 'explain' });
    expect(await screen.findByText(t.outcome)).toBeInTheDocument();
    expect(within(screen.getByRole('tabpanel')).getByText('DEMOTE')).toBeInTheDocument();
  });
});
