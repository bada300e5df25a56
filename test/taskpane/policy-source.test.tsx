/** @jest-environment jsdom */
/**
 * The task pane says which policy is active (built-in, the deployed file, a draft) and, when the
 * deployed file is refused, shows its problems and nothing that computes.
 */
import './setup';
import { screen } from '@testing-library/react';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { PolicyState } from '../../src/policy/deployed';
import { loadPolicyJson } from '../../src/policy/load';
import { policyHash } from '../../src/rules';
import { appraisalHost } from './fixtures';
import { renderApp } from './render';

const loaded = loadPolicyJson(
  readFileSync(join(__dirname, '../../examples/policy-draft-1.1.json'), 'utf8'),
);
if (!loaded.ok) throw new Error('the example draft must load');
const draft = loaded.policy;

describe('the active policy in the pane', () => {
  it('a deployed file: the Policy view shows its version, hash, source and numbers', async () => {
    const state: PolicyState = { kind: 'deployed', policy: draft, url: 'policy.json' };
    await renderApp({
      host: appraisalHost(),
      initialLang: 'en',
      initialTab: 'policy',
      policyState: state,
    });
    expect(screen.getByTestId('policy-origin')).toHaveTextContent(
      'Policy file deployed by the administrator: policy.json',
    );
    expect(screen.getByText('1.1.0')).toBeInTheDocument();
    expect(screen.getByText(policyHash(draft))).toBeInTheDocument();
    expect(screen.getByText('2%以下减5分')).toBeInTheDocument();
    expect(screen.getAllByText('30,000').length).toBeGreaterThan(0);
  });

  it('the built-in policy says no file is deployed (中文)', async () => {
    await renderApp({ host: appraisalHost(), initialLang: 'zh', initialTab: 'policy' });
    expect(screen.getByTestId('policy-origin')).toHaveTextContent(
      '内置办法（加载项旁未部署 policy.json）',
    );
  });

  it('a refused file: its problems, named by field, and no views that compute', async () => {
    const state: PolicyState = {
      kind: 'refused',
      url: 'policy.json',
      problems: [
        { path: 'reserve.caps.SENIOR', reason: { en: 'expected a number', zh: '应为数字' } },
      ],
    };
    await renderApp({ host: appraisalHost(), initialLang: 'zh', policyState: state });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('办法文件 policy.json 未被采用');
    expect(alert).toHaveTextContent('reserve.caps.SENIOR：应为数字');
    expect(screen.queryByRole('tab')).toBeNull();
    expect(screen.queryByRole('button', { name: /校验/ })).toBeNull();
  });
});
