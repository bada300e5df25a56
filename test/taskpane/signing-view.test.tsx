/** @jest-environment jsdom */
/**
 * The auditor's signing key in the Audit view: created on first use with the auditor's name,
 * shown by fingerprint, its public key exported as the trust list's JSON; audits signed with it.
 * jsdom has no WebCrypto: Node's (the same W3C API) stands in for the browser's here, and the
 * browser test does the same in Chromium with IndexedDB.
 */
import './setup';
import { webcrypto } from 'node:crypto';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { rowsFromLog } from '../../src/sheets';
import { checkSignatures } from '../../src/sheets/log-signatures';
import { importPublicKey, trustListOf } from '../../src/signing';
import { memoryKeyStore } from '../../src/signing/key-store';
import { LOG_HEAD_KEY, LOG_SHEET } from '../../src/taskpane/workflows';
import { appraisalHost } from './fixtures';
import { renderApp } from './render';

beforeAll(() => {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
});

describe('signing key in the Audit view', () => {
  it('asks for a name, creates the key, exports its public JSON and signs the audit', async () => {
    const host = appraisalHost();
    const keyStore = memoryKeyStore();
    await renderApp({ host, initialLang: 'zh', initialTab: 'audit', keyStore });
    const create = await screen.findByRole('button', { name: '生成签名密钥' });
    const nameBox = screen.getByLabelText('您的姓名（用于签名密钥）');
    // Prefilled with the signed-in user's name (the fake host's); cleared, it is asked for.
    await waitFor(() => expect(nameBox).toHaveValue('Audit Clerk'));
    await userEvent.clear(nameBox);
    await userEvent.click(create);
    expect(await screen.findByText(/请先输入姓名/)).toBeInTheDocument();
    expect(await keyStore.load()).toBeUndefined();

    await userEvent.type(nameBox, '张审计');
    await userEvent.click(create);
    expect(await screen.findByText('密钥所有人')).toBeInTheDocument();
    const key = await keyStore.load();
    expect(key?.name).toBe('张审计');
    expect(key?.privateKey.extractable).toBe(false);

    // Export: the download is triggered and the JSON shown to copy.
    URL.createObjectURL = jest.fn(() => 'blob:x');
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await userEvent.click(screen.getByRole('button', { name: '导出公钥' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('张审计.pub.json');
    const json = JSON.parse((screen.getByTestId('public-key-json') as HTMLTextAreaElement).value);
    expect(json).toEqual({
      name: '张审计',
      key: expect.any(String),
      fingerprint: key?.fingerprint,
    });
    const trust = trustListOf([await importPublicKey(json)]);

    await userEvent.click(screen.getByRole('button', { name: '开始稽核' }));
    expect(await screen.findByText('由张审计签名')).toBeInTheDocument();
    const read = rowsFromLog(host.sheets.get(LOG_SHEET)?.values ?? []);
    if (!read.ok) throw new Error(read.reason.en);
    const anchor = JSON.parse((await host.readSetting?.(LOG_HEAD_KEY)) ?? 'null');
    const report = await checkSignatures(read.records, anchor, trust);
    expect(report).toMatchObject({ ok: true, records: [{ kind: 'trusted', name: '张审计' }] });
    expect(report.anchor).toMatchObject({ kind: 'trusted' });
  });

  it('first use from Run audit: the key is made with the signed-in name', async () => {
    const host = appraisalHost();
    jest.spyOn(host, 'userName').mockResolvedValue('Wang Audit');
    const keyStore = memoryKeyStore();
    await renderApp({ host, initialLang: 'en', initialTab: 'audit', keyStore });
    await waitFor(() =>
      expect(screen.getByLabelText('Your name (for your signing key)')).toHaveValue('Wang Audit'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Run audit' }));
    expect(
      await screen.findByText('Signed by Wang Audit', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect((await keyStore.load())?.name).toBe('Wang Audit');
  });

  it('no name known and none typed: the audit runs, the record unsigned, and the view says so', async () => {
    const host = appraisalHost();
    jest.spyOn(host, 'userName').mockResolvedValue(null);
    await renderApp({ host, initialLang: 'en', initialTab: 'audit', keyStore: memoryKeyStore() });
    await userEvent.click(await screen.findByRole('button', { name: 'Run audit' }));
    expect(await screen.findByText(/This record is unsigned/)).toBeInTheDocument();
  });

  it('without WebCrypto the view says audits are recorded unsigned', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: 'en', initialTab: 'audit', keyStore: null });
    expect(await screen.findByText(/Signing is not available here/)).toBeInTheDocument();
  });
});
