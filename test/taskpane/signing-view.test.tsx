/** @jest-environment jsdom */
/**
 * The auditor's signing key and the signer of each record in the Audit view: the key created on
 * first use in the auditor's name, its public key exported, audits signed with it, and Verify log
 * judging every record against the deployed trust list, forgeries included. jsdom has no
 * WebCrypto: Node's (the same W3C API) stands in here; the browser test runs it in Chromium.
 */
import './setup';
import { webcrypto } from 'node:crypto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { recordHash } from '../../src/sheets/audit-log';
import { appendSignedRecord, signAnchor } from '../../src/sheets/log-signatures';
import { rowsFromLog, type AuditRecord } from '../../src/sheets';
import {
  fingerprintOf,
  generateKeyPair,
  importPublicKey,
  trustListOf,
  type PublicKeyJson,
  type SigningKey,
} from '../../src/signing';
import { memoryKeyStore } from '../../src/signing/key-store';
import { AUDITOR_KEY } from '../../src/taskpane/auditor';
import { LOG_HEAD_KEY, LOG_SHEET } from '../../src/taskpane/workflows';
import type { DeployedTrust } from '../../src/taskpane/workflows/trust';
import { appraisalHost } from './fixtures';
import type { FakeHost } from './fake-host';
import { renderApp } from './render';

beforeAll(() => {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
});
beforeEach(() => localStorage.removeItem(AUDITOR_KEY));

const signers = () => within(screen.getByTestId('signers'));

const exported = () =>
  JSON.parse((screen.getByTestId('public-key-json') as HTMLTextAreaElement).value) as PublicKeyJson;

async function trusting(...keys: PublicKeyJson[]): Promise<DeployedTrust> {
  const list = trustListOf(await Promise.all(keys.map((k) => importPublicKey(k))));
  return { kind: 'loaded', list, count: list.keys.size };
}

function logOf(host: FakeHost): AuditRecord[] {
  const read = rowsFromLog(host.sheets.get(LOG_SHEET)?.values ?? []);
  if (!read.ok) throw new Error(read.reason.en);
  return read.records;
}

/** The log sheet's rows replaced by these records (what a forger with the file can do). */
function writeLog(host: FakeHost, records: readonly AuditRecord[]): void {
  const sheet = host.sheets.get(LOG_SHEET)!;
  const header = sheet.values[0] as string[];
  sheet.values = [header, ...records.map((r) => header.map((k) => r[k as keyof AuditRecord]))];
  sheet.formulas = sheet.values.map((row) => row.map(() => null));
}

async function exportKey() {
  URL.createObjectURL = jest.fn(() => 'blob:x');
  URL.revokeObjectURL = jest.fn();
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  await userEvent.click(screen.getByRole('button', { name: /Export public key|导出公钥/ }));
  return click;
}

describe('signing key in the Audit view', () => {
  it('is made in the auditor name, exported as JSON, and signs the audit and the anchor', async () => {
    const host = appraisalHost();
    const keyStore = memoryKeyStore();
    await renderApp({ host, initialLang: 'zh', initialTab: 'audit', keyStore });
    const create = await screen.findByRole('button', { name: '生成签名密钥' });
    await userEvent.click(create);
    expect(await screen.findByText(/请先在上方填写稽核人姓名/)).toBeInTheDocument();
    expect(await keyStore.load()).toBeUndefined();

    await userEvent.type(screen.getByLabelText(/稽核人姓名/), '张审计');
    await userEvent.click(create);
    expect(await screen.findByText('密钥所有人')).toBeInTheDocument();
    const key = await keyStore.load();
    expect(key?.name).toBe('张审计');
    expect(key?.privateKey.extractable).toBe(false);

    const click = await exportKey();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('张审计.pub.json');
    const json = exported();
    expect(json).toEqual({
      name: '张审计',
      key: expect.any(String),
      fingerprint: key?.fingerprint,
    });

    await userEvent.click(screen.getByRole('button', { name: '开始稽核' }));
    expect(await screen.findByText('由张审计签名', {}, { timeout: 10_000 })).toBeInTheDocument();
    const [record] = logOf(host);
    expect(record.signer).toBe(key?.fingerprint);
    const anchor = JSON.parse(host.settings.get(LOG_HEAD_KEY) ?? '{}') as Record<string, unknown>;
    expect(anchor).toMatchObject({ hash: record.hash, count: 1, signer: key?.fingerprint });
  });

  it('first use from Run audit: the key is made with the name entered for the audit', async () => {
    const host = appraisalHost();
    const keyStore = memoryKeyStore();
    await renderApp({ host, initialLang: 'en', initialTab: 'audit', keyStore });
    await userEvent.type(await screen.findByLabelText(/Auditor's name/), 'Wang Audit');
    await userEvent.click(screen.getByRole('button', { name: 'Run audit' }));
    expect(
      await screen.findByText('Signed by Wang Audit', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect((await keyStore.load())?.name).toBe('Wang Audit');
  });

  it('Verify log names the signer of each record and catches a forged record', async () => {
    const host = appraisalHost();
    const keyStore = memoryKeyStore();
    let trust: DeployedTrust = { kind: 'none' };
    await renderApp({
      host,
      initialLang: 'en',
      initialTab: 'audit',
      keyStore,
      loadTrust: async () => trust,
    });
    await userEvent.type(await screen.findByLabelText(/Auditor's name/), '张审计');
    for (let i = 0; i < 2; i++) {
      await userEvent.click(screen.getByRole('button', { name: 'Run audit' }));
      await waitFor(() => expect(logOf(host)).toHaveLength(i + 1), { timeout: 10_000 });
    }
    await exportKey();
    const zhang = exported();

    // No trust list deployed: reported, not judged.
    await userEvent.click(screen.getByRole('button', { name: 'Verify log' }));
    expect(await screen.findByText(/No trust list is deployed/)).toBeInTheDocument();
    expect(signers().getAllByText(/^Key [0-9a-f ]+ … \(not checked\)$/)).toHaveLength(3);

    // The office's list holds the key: every record and the end signed by a trusted auditor.
    trust = await trusting(zhang);
    await userEvent.click(screen.getByRole('button', { name: 'Verify log' }));
    expect(
      await screen.findByText(/Every record \(2\) and the end of the log/),
    ).toBeInTheDocument();
    expect(signers().getAllByText('Signed by 张审计')).toHaveLength(3);

    // A forger edits record 1 (errors → 0) and recomputes every hash and the anchor.
    const [r1, r2] = logOf(host);
    const f1 = { ...r1, errors: 0 };
    const h1 = recordHash(f1);
    const f2 = { ...r2, prevHash: h1 };
    const h2 = recordHash(f2);
    writeLog(host, [
      { ...f1, hash: h1 },
      { ...f2, hash: h2 },
    ]);
    const stored = JSON.parse(host.settings.get(LOG_HEAD_KEY) ?? '{}') as object;
    host.settings.set(LOG_HEAD_KEY, JSON.stringify({ ...stored, hash: h2 }));
    await userEvent.click(screen.getByRole('button', { name: 'Verify log' }));
    expect(
      await screen.findByText(/broken at record 1: record 1 \(seq 1\) has a bad signature/),
    ).toBeInTheDocument();
    expect(signers().getAllByText('Bad signature (claims to be 张审计)')).toHaveLength(3);

    // Re-signed with the forger's own key: named as an unknown key; the audit appends nothing.
    const pair = await generateKeyPair(false);
    const mallory: SigningKey = {
      name: 'mallory',
      fingerprint: await fingerprintOf(pair.publicKey),
      ...pair,
    };
    const m1 = await appendSignedRecord(undefined, { ...r1, errors: 0 }, mallory);
    const m2 = await appendSignedRecord(m1, r2, mallory);
    writeLog(host, [m1, m2]);
    const mAnchor = { hash: m2.hash, count: 2 };
    host.settings.set(
      LOG_HEAD_KEY,
      JSON.stringify({ ...mAnchor, ...(await signAnchor(mAnchor, mallory)) }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Verify log' }));
    expect(
      await screen.findByText(
        /broken at record 1: record 1 \(seq 1\) is signed by a key not on the trust list/,
      ),
    ).toBeInTheDocument();
    expect(signers().getAllByText(/^Unknown key \([0-9a-f ]+ …\)$/)).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Run audit' }));
    expect(
      await screen.findByText(
        /No log record was appended: record 1 \(seq 1\) is signed by a key not on the trust list/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(logOf(host)).toHaveLength(2);
  });

  it('a deployed trust list that cannot be used stops Verify log with the reason', async () => {
    const host = appraisalHost();
    await renderApp({
      host,
      initialLang: 'en',
      initialTab: 'audit',
      keyStore: memoryKeyStore(),
      loadTrust: async () => ({
        kind: 'bad',
        reason: { en: 'trust.json is not JSON.', zh: 'trust.json 不是 JSON 文件。' },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Verify log' }));
    expect(
      await screen.findByText(
        /The trust list deployed with the add-in cannot be used: trust.json is not JSON\./,
      ),
    ).toBeInTheDocument();
  });

  it('in Chinese, a deployed trust list failing its schema is refused in Chinese, the field named', async () => {
    const { loadDeployedTrust } = await import('../../src/taskpane/workflows/trust');
    const broken = JSON.stringify({ version: 1, auditors: [{ name: '张审计' }] });
    const fetchFn = async () => new Response(broken, { status: 200 });
    const trust = await loadDeployedTrust(fetchFn, 'trust.json');
    expect(trust.kind).toBe('bad');
    const host = appraisalHost();
    await renderApp({
      host,
      initialLang: 'zh',
      initialTab: 'audit',
      keyStore: memoryKeyStore(),
      loadTrust: async () => trust,
    });
    await userEvent.click(await screen.findByRole('button', { name: '校验日志' }));
    const shown = await screen.findByText(/加载项部署的信任名单无法使用：/);
    expect(shown.textContent).toMatch(/trust\.json/);
    // No English sentence inside the Chinese message (ajv's or ours).
    expect(shown.textContent).not.toMatch(/[A-Za-z]+ [A-Za-z]+/);
  });

  it('without WebCrypto the view says audits are recorded unsigned', async () => {
    const host = appraisalHost();
    await renderApp({ host, initialLang: 'en', initialTab: 'audit', keyStore: null });
    expect(await screen.findByText(/Signing is not available here/)).toBeInTheDocument();
  });
});
