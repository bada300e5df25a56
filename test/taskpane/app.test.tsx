/** @jest-environment jsdom */
import './setup';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { appraisalHost } from './fixtures';
import { renderApp } from './render';

describe('App', () => {
  it('switches language in the pane', async () => {
    await renderApp({ host: appraisalHost(), initialLang: 'en' });
    expect(screen.getByRole('tab', { name: 'Validate' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'zh');
    expect(screen.getByRole('tab', { name: '校验' })).toBeInTheDocument();
    expect(screen.getByLabelText('语言')).toHaveValue('zh');
  });

  it('keeps what the pane said in step with a language switch', async () => {
    await renderApp({ host: appraisalHost(), initialLang: 'en' });
    await userEvent.click(screen.getByRole('button', { name: 'Validate' }));
    await userEvent.click(await screen.findByRole('switch', { name: 'Highlight the cells' }));
    expect(await screen.findByText('3 cells highlighted.')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'zh');
    expect(await screen.findByText('已突出显示 3 个单元格。')).toBeInTheDocument();
  });

  it('reaches every view from the keyboard', async () => {
    await renderApp({ host: appraisalHost(), initialLang: 'en' });
    // Tab order starts at the language choice; then Fluent's Tabster moves focus into the tab
    // list and between tabs with the arrow keys (it needs layout, which jsdom lacks).
    await userEvent.tab();
    expect(screen.getByLabelText('Language')).toHaveFocus();
    expect(screen.getByRole('tablist')).toHaveAttribute('aria-label', 'CM Appraisal');
    screen.getByRole('tab', { name: 'Policy' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: 'Policy' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAttribute('id', 'panel-policy');
    expect(await screen.findByText('Content hash (SHA-256)')).toBeVisible();
  });
});
