/** @jest-environment jsdom */
/**
 * The Functions view says where the one-call range form works and where per-row formulas are
 * needed: Excel refuses a spilled result inside a Table (Excel.SpillErrorCellValueSubType
 * "Table": "entering a dynamic array formula in a table", learn.microsoft.com/javascript/api/excel).
 */
import './setup';
import { screen } from '@testing-library/react';
import type { Lang } from '../../src/rules';
import { FakeHost } from './fake-host';
import { renderApp } from './render';

describe.each([
  [
    'en',
    /Outside an Excel Table.*Inside a Table, Excel refuses spilled results \(#SPILL!\): write one formula per row/,
  ],
  ['zh', /在 Excel 表格之外.*表格之内 Excel 不允许溢出（#SPILL!）：请每行写一个公式/],
] as [Lang, RegExp][])('the Functions view (%s)', (lang, text) => {
  it('says the range form works outside Tables and per-row formulas are needed inside', async () => {
    await renderApp({ host: new FakeHost(), initialLang: lang, initialTab: 'functions' });
    expect(screen.getByTestId('functions-ranges').textContent).toMatch(text);
  });
});
