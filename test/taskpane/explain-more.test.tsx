/** @jest-environment jsdom */
/**
 * Explain beyond one plain call (issue 13): a cell a spill filled is explained from its
 * parent's call for its own element; a CM call nested in another formula or given as another
 * CM call's argument is explained; a misspelt name gets the nearest function's name.
 */
import './setup';
import { screen, within } from '@testing-library/react';
import type { Lang } from '../../src/rules';
import { nearestFunction } from '../../src/taskpane/workflows/explain';
import { FakeHost } from './fake-host';
import { renderApp } from './render';

const SHEET = '考核表';
const HEAD = [
  '工号',
  '考核对象',
  '存款增长率',
  '不良率',
  '收贷收息率',
  '新开对公基本账户',
  '综合得分',
];
const spilled = '=CM.APPRAISAL_SCORE(B2:B3,C2:C3,D2:D3,E2:E3,F2:F3)';

function host(address: string, extra: Record<string, unknown> = {}): FakeHost {
  return new FakeHost({
    sheets: {
      [SHEET]: [
        HEAD,
        [
          'E001',
          'SENIOR',
          0.34,
          0,
          0.997,
          8,
          spilled,
          '=ROUND(CM.APPRAISAL_SCORE(B2,C2,D2,E2,F2),0)',
        ],
        ['E002', 'MID', 0.3, 0.01, 0.995, 7, null, '=CM.APPRAISAL_SCOR(B3,C3,D3,E3,F3)'],
        [
          'E003',
          'SENIOR',
          null,
          null,
          null,
          null,
          null,
          '=CM.GRADE_OUTCOME(B2,CM.APPRAISAL_SCORE(B3,C3,D3,E3,F3),E3,0,0,FALSE)',
        ],
      ],
    },
    shown: { [`${SHEET}!G2`]: 110, [`${SHEET}!G3`]: 90 },
    spills: {
      [`${SHEET}!G3`]: {
        sheet: SHEET,
        address: 'G2',
        formula: spilled,
        range: 'G2:G3',
        row: 1,
        col: 0,
      },
    },
    selection: { sheet: SHEET, address },
    ...extra,
  });
}

const T = {
  en: {
    spilled: /G3 holds no formula: it is one element of the result G2 spills into G2:G3/,
    total: 'Total',
    suggest: /CM\.APPRAISAL_SCOR is not a CM function\. Did you mean CM\.APPRAISAL_SCORE\?/,
    result: 'Result',
  },
  zh: {
    spilled: /G3 本身没有公式：它是 G2 的公式溢出到 G2:G3 的结果之一/,
    total: '总分',
    suggest: /CM\.APPRAISAL_SCOR 不是 CM 函数。您是否要使用 CM\.APPRAISAL_SCORE？/,
    result: '结果',
  },
} as const;

describe.each(['en', 'zh'] as Lang[])('Explain, more cases (%s)', (lang) => {
  const t = T[lang];

  it('explains an element of a spill from its parent, with that element’s inputs', async () => {
    await renderApp({ host: host('G3'), initialLang: lang, initialTab: 'explain' });
    expect(await screen.findByText(t.spilled)).toBeInTheDocument();
    const totalRow = screen.getByText(t.total).closest('tr') as HTMLElement;
    // Row 3 (MID, 0.3, 0.01, 0.995, 7) scores 90, not the anchor's 110.
    expect(within(totalRow).getAllByRole('cell')[1]).toHaveTextContent(/^90$/);
  });

  it('explains a CM call nested inside another formula', async () => {
    await renderApp({ host: host('H2'), initialLang: lang, initialTab: 'explain' });
    const totalRow = (await screen.findByText(t.total)).closest('tr') as HTMLElement;
    expect(within(totalRow).getAllByRole('cell')[1]).toHaveTextContent(/^110$/);
  });

  it('explains a CM call whose argument is another CM call', async () => {
    await renderApp({ host: host('H4'), initialLang: lang, initialTab: 'explain' });
    const result = await screen.findByText(new RegExp(`^${t.result}`));
    // MID's 90 is above SENIOR's line? The outcome reads the inner score, 90.
    expect(result.closest('section')).toHaveTextContent(/RETAIN|DEMOTE|TERMINATE/);
    expect(screen.getAllByText('90').length).toBeGreaterThan(0);
  });

  it('suggests the nearest function for a misspelt name', async () => {
    await renderApp({ host: host('H3'), initialLang: lang, initialTab: 'explain' });
    expect(await screen.findByText(t.suggest)).toBeInTheDocument();
  });
});

describe('nearestFunction', () => {
  it('finds a slip and refuses a stranger', () => {
    expect(nearestFunction('APPRAISAL_SCOR')).toBe('APPRAISAL_SCORE');
    expect(nearestFunction('GRADE_OUTCOM')).toBe('GRADE_OUTCOME');
    expect(nearestFunction('LOAN_AUTHORTY')).toBe('LOAN_AUTHORITY');
    expect(nearestFunction('VLOOKUP')).toBeUndefined();
  });
});
