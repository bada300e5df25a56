/** @jest-environment jsdom */
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FUNCTION_TABLE } from '../../src/functions';
import { DEFAULT_POLICY, policyHash, type Lang } from '../../src/rules';
import { appraisalHost, SHEET } from './fixtures';
import { renderApp } from './render';

const T = {
  en: {
    collection: 'Collection item',
    hash: 'Content hash (SHA-256)',
    article: 'Art. 13',
    outcome: 'Grade outcome',
    insert: 'Insert CM.APPRAISAL_SCORE',
    inserted:
      /Inserted the example =CM\.APPRAISAL_SCORE\("SENIOR", 34%, 0, 99\.7%, 8\) into Sheet2!B3/,
    npl: 'Non-performing loan ratio, 0 to 1 (1.2% is 0.012).',
  },
  zh: {
    collection: '收贷收息项',
    hash: '内容哈希（SHA-256）',
    // Chinese first: a clerk reading Chinese reads the article as the policy writes it.
    article: '第十三条',
    outcome: '考核结果',
    insert: '插入 CM.APPRAISAL_SCORE',
    inserted: /已将示例公式 =CM\.APPRAISAL_SCORE\("SENIOR", 34%, 0, 99\.7%, 8\) 插入 Sheet2!B3/,
    npl: '不良贷款率，0 到 1（1.2% 即 0.012）。',
  },
} as const;

describe.each(['en', 'zh'] as Lang[])('Policy view (%s)', (lang) => {
  const t = T[lang];

  it('shows the name, version, hash and every number with its article and words', async () => {
    await renderApp({ host: appraisalHost(), initialLang: lang, initialTab: 'policy' });
    const hashRow = (await screen.findByText(t.hash)).closest('tr') as HTMLElement;
    expect(hashRow).toHaveTextContent(policyHash(DEFAULT_POLICY));
    expect(screen.getByText(DEFAULT_POLICY.name[lang])).toBeInTheDocument();
    const collection = screen.getByText(t.collection).closest('tr') as HTMLElement;
    expect(collection).toHaveTextContent('0.995 (99.5%)');
    // The article in the reader's language (issue 13).
    expect(collection).toHaveTextContent(lang === 'zh' ? '第十三条' : 'Art. 13');
    expect(collection).toHaveTextContent('收贷收息率99.5%');
    // Art. 14 thresholds show their operator.
    const outcome = screen.getByRole('table', { name: t.outcome });
    expect(outcome).toHaveTextContent('≤ 85');
    expect(outcome).toHaveTextContent('< 0.99 (99%)');
    expect(outcome).toHaveTextContent('≥ 15');
    expect(outcome).toHaveTextContent('85分以下');
  });
});

describe.each(['en', 'zh'] as Lang[])('Functions view (%s)', (lang) => {
  const t = T[lang];

  it('lists all 17 functions with their parameters in the current language', async () => {
    await renderApp({ host: appraisalHost(), initialLang: lang, initialTab: 'functions' });
    const panel = screen.getByRole('tabpanel');
    const headings = within(panel).getAllByRole('heading', { level: 3 });
    expect(FUNCTION_TABLE).toHaveLength(17);
    expect(headings.map((h) => h.textContent)).toEqual(FUNCTION_TABLE.map((f) => `CM.${f.name}`));
    expect(within(panel).getAllByText(t.npl, { exact: false }).length).toBeGreaterThan(0);
  });

  it('inserts a formula template into the selected cell', async () => {
    const host = appraisalHost({
      sheets: { Sheet2: [[null]] },
      selection: { sheet: 'Sheet2', address: 'B3' },
    });
    await renderApp({ host, initialLang: lang, initialTab: 'functions' });
    await userEvent.click(screen.getByRole('button', { name: t.insert }));
    expect(await screen.findByText(t.inserted)).toBeInTheDocument();
    await waitFor(() =>
      expect(host.writes).toEqual([
        {
          kind: 'formula',
          sheet: 'Sheet2',
          address: 'B3',
          formula: '=CM.APPRAISAL_SCORE("SENIOR", 34%, 0, 99.7%, 8)',
        },
      ]),
    );
    expect(host.cellWrites(SHEET)).toEqual([]);
  });
});
