/**
 * Issue 15 in Chromium: the preview's task pane (the same App and WebCrypto as in Excel's
 * webviews) verifies a log signed by the command line against trust.json deployed beside the
 * page, and catches what a forger without the key can do: a record edited with every hash and
 * the anchor recomputed, and the last record deleted.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { writeNewKey } from '../../src/cli/key-files';
import { main } from '../../src/cli/main';
import { forge, rechain } from '../cli/forge';
import {
  ARTIFACTS,
  buildPages,
  launch,
  requireChromium,
  ROOT,
  serve,
  type Served,
} from './harness';

jest.setTimeout(600_000);

const dir = mkdtempSync(join(tmpdir(), 'cm-signed-browser-'));
const at = (name: string) => join(dir, name);
const io = { out: () => undefined, err: () => undefined, env: { LANG: 'C' }, errIsTty: false };

let own: string;
let server: Served | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  requireChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  // Two records signed by 张审计 on the command line; 张审计's public key is the trust list.
  const zhang = await writeNewKey(at('zhang.key'), '张审计');
  const sample = join(ROOT, 'examples', 'appraisal-sample.xlsx');
  for (const [from, to] of [
    [sample, at('a1.xlsx')],
    [at('a1.xlsx'), at('a2.xlsx')],
  ]) {
    const code = await main(
      ['audit', from, '-o', to, '--key', at('zhang.key'), '--user', '张审计', '--lang', 'en'],
      io,
    );
    if (code === 2) throw new Error(`audit ${from} failed`);
  }
  await forge(at('a2.xlsx'), at('edited.xlsx'), (log) => rechain(log, 0, { errors: 0 }));
  await forge(
    at('a2.xlsx'),
    at('cut.xlsx'),
    (log) => log.slice(0, 1),
    (stored) => stored,
  );
  // A copy of the shared build with the administrator's trust list beside the page.
  own = mkdtempSync(join(tmpdir(), 'cm-preview-trust-'));
  cpSync(await buildPages(), own, { recursive: true });
  writeFileSync(join(own, 'trust.json'), JSON.stringify({ auditors: [zhang.publicKey] }));
  server = await serve(own);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(own, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** Opens `file` in a fresh preview page (English) and runs Verify log on the Audit tab. */
async function verifyInPreview(file: string, shot: string): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server!.url}preview.html?lang=en`);
  await page.getByTestId('file-name').waitFor({ timeout: 60_000 });
  await page.getByTestId('open-file').setInputFiles(at(file));
  await page.getByRole('tab', { name: 'Audit log', exact: true }).waitFor({ timeout: 60_000 });
  const pane = page.getByRole('complementary');
  await pane.getByRole('tab', { name: 'Audit' }).click();
  await pane.getByRole('button', { name: 'Verify log' }).click();
  await pane.getByText('Signer of each record').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: join(ARTIFACTS, `signatures-${shot}.png`), fullPage: true });
  return page;
}

describe('signed audit records verified in the browser (issue 15)', () => {
  it('a log signed by a trusted auditor: every record and the anchor name the signer', async () => {
    const page = await verifyInPreview('a2.xlsx', '1-trusted');
    const pane = page.getByRole('complementary');
    await pane.getByText('Checked against the trust list: 1 trusted auditor.').waitFor();
    await pane
      .getByText('Every record (2) and the end of the log are signed by trusted auditors.')
      .waitFor();
    expect(await pane.getByText('Signed by 张审计').count()).toBeGreaterThanOrEqual(2);
    expect(await pane.getByText(/Bad signature/).count()).toBe(0);
    await page.close();
  });

  it('a record edited with the chain and anchor recomputed without the key: bad signature', async () => {
    const page = await verifyInPreview('edited.xlsx', '2-edited');
    const pane = page.getByRole('complementary');
    await pane.getByText(/The signatures do not hold/).waitFor();
    expect(await pane.getByText('Bad signature (claims to be 张审计)').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('the last record deleted: caught by the signed anchor', async () => {
    const page = await verifyInPreview('cut.xlsx', '3-cut');
    const text = (await page.getByRole('complementary').textContent()) ?? '';
    expect(text).not.toMatch(/The audit log is intact/);
    expect(text).toMatch(/deleted/);
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
