/**
 * The browser preview in real Chromium: the task pane over a LocalHost on the sample workbook.
 * One development build, one server and one page for the whole file; each step leaves a
 * screenshot in test-artifacts/ (gitignored).
 *
 * Needs /usr/bin/chromium (Debian's `chromium` package, with `fonts-noto-cjk` for the Chinese
 * text); without it the suite fails and says so.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import {
  ARTIFACTS,
  buildPages,
  launch,
  requireChromium,
  ROOT as ROOT_DIR,
  serve,
  type Served,
} from './harness';

// The shared production build may be under way in another test file (harness.ts waits for it).
jest.setTimeout(600_000);

let dist: string;
let server: Served | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `preview-${name}.png`) });
const pane = () => page.getByRole('complementary');
// Fluent's Input puts native attributes (data-testid too) on the <input> itself.
const nameBox = () => page.getByTestId('name-box');
const formulaBar = () => page.getByTestId('formula-bar');
const sheetTab = (name: string) => page.getByRole('tab', { name, exact: true });
const cell = (address: string): Locator => page.locator(`td[data-address="${address}"]`);

/** The finding buttons listed under one rule's heading. */
const findingsOf = (rule: string) =>
  pane().locator('h4', { hasText: rule }).locator('xpath=following-sibling::ul[1]//button');

/** Reads until the value is `expected` or `timeout` ms pass, then asserts the last read. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 15_000) {
  const end = Date.now() + timeout;
  let last = await read();
  while (!Object.is(last, expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

beforeAll(async () => {
  requireChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  dist = await buildPages();
  server = await serve(dist);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}preview.html?lang=en`);
  await page.getByTestId('file-name').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  // The build is shared with the other browser tests and kept for the next run (harness.ts).
});

describe('the bundles', () => {
  it('keep HyperFormula and ExcelJS out of the Office pages, and in the preview', () => {
    const bundle = (name: string) => readFileSync(join(dist, name), 'utf8');
    // The source maps list every module of a bundle, in a minified production build too.
    const sources = (name: string) => bundle(`${name}.map`);
    for (const name of ['taskpane.js', 'functions.js', 'commands.js']) {
      const text = sources(name);
      expect(text).not.toMatch(/node_modules[\\/]hyperformula[\\/]/);
      expect(text).not.toMatch(/node_modules[\\/]exceljs[\\/]/);
    }
    // The same test finds them where they are meant to be: in the preview's engine worker
    // (issue 14), not in the preview page's own bundle.
    expect(sources('preview-engine.js')).toMatch(/node_modules[\\/]hyperformula[\\/]/);
    expect(sources('preview-engine.js')).toMatch(/node_modules[\\/]exceljs[\\/]/);
    expect(sources('preview.js')).not.toMatch(/node_modules[\\/]hyperformula[\\/]/);
    expect(sources('preview.js')).not.toMatch(/node_modules[\\/]exceljs[\\/]/);
    expect(bundle('preview.html')).toContain('preview.js');
    expect(bundle('preview.html')).not.toContain('preview-engine.js');
    expect(bundle('taskpane.html')).not.toContain('preview.js');
    expect(bundle('taskpane.html')).not.toContain('preview-engine.js');
  });
});

describe('the preview page', () => {
  it('opens the sample workbook beside the task pane', async () => {
    await expect(page.getByTestId('file-name').textContent()).resolves.toBe(
      'appraisal-sample.xlsx',
    );
    await expect(sheetTab('考核表').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(cell('A2').textContent()).resolves.toBe('E101');
    // Numbers show under their cells' formats: a rate as a percent, money with separators.
    await expect(cell('E2').textContent()).resolves.toBe('38.50%');
    await expect(cell('H2').textContent()).resolves.toBe('¥47,590,000.00');
    await shot('0-opened');
  });

  it('Validate lists the deliberate problems; a finding selects its cell', async () => {
    await pane().getByRole('button', { name: 'Validate', exact: true }).click();
    const findings = pane().locator('li button');
    await findings.first().waitFor({ timeout: 60_000 });
    const text = (await pane().textContent()) ?? '';
    expect(text).toContain('Duplicate ID');
    expect(text).toContain('Rate typed as percent');
    expect(text).toContain('Formula overwritten');

    // The duplicate 工号 E112 given to E115: its finding goes to its cell.
    const duplicate = findingsOf('Duplicate ID').first();
    // The whole workbook by default (issue 13): every planted problem, addresses with sheets.
    expect(await findings.count()).toBe(8);
    const shown = (await duplicate.locator('span').first().textContent())?.trim() ?? '';
    expect(shown).toMatch(/^考核表![A-Z]+\d+$/);
    const address = shown.replace(/^.*!/, '');
    await duplicate.click();
    // Choosing a finding takes the keyboard to the grid's cell.
    await eventually(
      () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
      'sheet-grid',
    );
    await eventually(() => nameBox().inputValue(), address);
    await expect(cell(address).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(cell(address).textContent()).resolves.toBe('E112');

    // The overwritten score: the formula bar shows its typed value, not a formula.
    const overwritten = findingsOf('Formula overwritten').first();
    const scoreAt = (
      (await overwritten.locator('span').first().textContent())?.trim() ?? ''
    ).replace(/^.*!/, '');
    await overwritten.click();
    await eventually(() => nameBox().inputValue(), scoreAt);
    await expect(formulaBar().inputValue()).resolves.toBe('95');

    await pane().getByRole('switch').check();
    await page.locator('td[data-mark="error"]').first().waitFor();
    expect(await page.locator('td[data-mark="error"]').count()).toBeGreaterThan(2);
    await shot('1-validate');
  });

  it('Validate "The active sheet" checks the sheet the page shows (the engine is in a worker)', async () => {
    await sheetTab('客户表').click();
    await expect(sheetTab('客户表').getAttribute('aria-selected')).resolves.toBe('true');
    const scope = pane().getByRole('combobox', { name: 'Check' });
    await scope.selectOption({ label: 'The active sheet' });
    await pane().getByRole('button', { name: 'Validate', exact: true }).click();
    // The Clients table's two planted problems, in its 11 rows; none of 考核表's.
    await eventually(async () => /in 11 rows/.test((await pane().textContent()) ?? ''), true);
    const addresses = await pane().locator('li button span:first-child').allTextContents();
    expect(addresses.map((a) => a.trim())).toEqual(['D11', 'B12']);
    await scope.selectOption({ label: 'The whole workbook' });
    await sheetTab('考核表').click();
  });

  it('Audit adds the report and log sheets as new tabs', async () => {
    await pane().getByRole('tab', { name: 'Audit' }).click();
    await expect(sheetTab('考核审计报告').count()).resolves.toBe(0);
    // Asked once (issue 11): without a name the audit is refused; the name is remembered.
    await pane().getByRole('button', { name: 'Run audit' }).click();
    await pane().getByText("Enter the auditor's name first.").waitFor();
    await expect(sheetTab('考核审计日志').count()).resolves.toBe(0);
    await pane()
      .getByRole('textbox', { name: /Auditor/ })
      .fill('Li Hua');
    await pane().getByRole('button', { name: 'Run audit' }).click();
    await sheetTab('考核审计报告').waitFor({ timeout: 60_000 });
    await sheetTab('考核审计日志').waitFor({ timeout: 60_000 });
    const summary = pane().getByRole('region', { name: 'Audit summary' });
    await summary.waitFor();
    const summaryText = (await summary.textContent()) ?? '';
    expect(summaryText).toContain('Li Hua');
    // Local time with its UTC offset.
    expect(summaryText).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d/);
    await shot('2-audit');
    await sheetTab('考核审计报告').click();
    await expect(cell('A1').textContent()).resolves.not.toBe('');
    await shot('3-report-sheet');
  });

  it('a CM formula typed into a cell, percent literals included, shows its result', async () => {
    await sheetTab('考核表').click();
    await nameBox().fill('C50');
    await nameBox().press('Enter');
    await expect(cell('C50').getAttribute('aria-selected')).resolves.toBe('true');
    await cell('C50').dblclick();
    const editor = cell('C50').locator('input');
    await editor.fill('=CM.APPRAISAL_SCORE("SENIOR",34%,0,99.7%,8)');
    await editor.press('Enter');
    await eventually(() => cell('C50').textContent(), '110');
    // Enter moved down; back up, the formula bar shows the formula as typed.
    await eventually(() => nameBox().inputValue(), 'C51');
    await cell('C50').click();
    await eventually(
      () => formulaBar().inputValue(),
      '=CM.APPRAISAL_SCORE("SENIOR",34%,0,99.7%,8)',
    );
    await shot('4-formula');
  });

  it('Explain gives the message of a #NUM! score, which Excel itself does not show', async () => {
    // T5 scores row 5, whose collection rate was typed as 99.5 (a deliberate problem).
    await sheetTab('考核表').click();
    await nameBox().fill('T5');
    await nameBox().press('Enter');
    await eventually(() => cell('T5').textContent(), '#NUM!');
    await pane().getByRole('tab', { name: 'Explain' }).click();
    const refresh = pane().getByRole('button', { name: /refresh/i });
    if (await refresh.count()) await refresh.first().click();
    await eventually(
      async () =>
        ((await pane().textContent()) ?? '').includes('collection_rate must be a fraction'),
      true,
    );
    await shot('4b-explain');
  });

  it('switching the pane to Chinese switches the page too', async () => {
    await pane().getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await pane().getByRole('tab', { name: '校验' }).waitFor();
    await expect(page.getByRole('button', { name: '打开 .xlsx' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '保存 .xlsx' }).isVisible()).resolves.toBe(true);
    await expect(pane().getByRole('combobox', { name: '语言' }).isVisible()).resolves.toBe(true);
    await pane().getByRole('tab', { name: '校验' }).click();
    await shot('5-chinese');
  });

  it('saves the workbook and opens a file chosen from disk', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存 .xlsx' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('appraisal-sample.xlsx');
    const path = join(ARTIFACTS, 'preview-saved.xlsx');
    await saved.saveAs(path);
    await page.getByTestId('open-file').setInputFiles(path);
    // A new host: the pane starts afresh (no findings), the first sheet at A1 ...
    await eventually(() => pane().locator('li button').count(), 0);
    await eventually(() => nameBox().inputValue(), 'A1');
    // ... and the saved file had the audit's sheets and the typed formula.
    await sheetTab('考核审计日志').waitFor();
    await nameBox().fill('C50');
    await nameBox().press('Enter');
    await eventually(() => cell('C50').textContent(), '110');
    expect(pageErrors).toEqual([]);
  });

  it('audits the value a file reported (a stale cached score) and continues a CLI-written log', async () => {
    // A stale cached score, then one audit by the command line (English, with its anchor).
    const stale = join(ARTIFACTS, 'preview-stale.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(__dirname, '..', '..', 'examples', 'appraisal-sample.xlsx'));
    let address = '';
    wb.getWorksheet('考核表')?.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { formula?: string; result?: unknown } | null;
        if (address || !v || typeof v !== 'object' || typeof v.result !== 'number') return;
        if (!/APPRAISAL_SCORE/i.test(v.formula ?? '')) return;
        c.value = { formula: v.formula, result: v.result - 7 } as ExcelJS.CellValue;
        address = c.address;
      }),
    );
    await wb.xlsx.writeFile(stale);
    const cliOut = join(ARTIFACTS, 'preview-cli.xlsx');
    const io = { out: () => undefined, err: () => undefined, env: { LANG: 'C' }, errIsTty: false };
    await main(['audit', stale, '-o', cliOut, '--user', 'cli', '--lang', 'en'], io);

    await page.getByTestId('open-file').setInputFiles(cliOut);
    await sheetTab('Audit log').waitFor();
    await pane().getByRole('tab', { name: '稽核' }).click();
    await pane().getByRole('button', { name: '开始稽核' }).click();
    const summary = pane().getByRole('region', { name: '稽核摘要' });
    await summary.waitFor({ timeout: 60_000 });
    const dt = summary.locator('dt', { hasText: '文件报送值不一致' });
    await expect(dt.locator('xpath=following-sibling::dd[1]').textContent()).resolves.not.toBe('0');
    // One log: the pane in Chinese continued the CLI's English "Audit log" (record 2).
    await expect(sheetTab('考核审计日志').count()).resolves.toBe(0);
    await expect(
      summary
        .locator('dt', { hasText: '记录序号' })
        .locator('xpath=following-sibling::dd[1]')
        .textContent(),
    ).resolves.toBe('2');
    await pane().getByRole('button', { name: '校验日志' }).click();
    await pane()
      .getByText(/稽核日志完好：共 2 条记录/)
      .waitFor();
    expect(address).not.toBe('');
    await shot('6-stale-and-chain');
    expect(pageErrors).toEqual([]);
  });
});

describe('a policy file in the preview (issue 16)', () => {
  const DRAFT = join(ROOT_DIR, 'examples', 'policy-draft-1.1.json');

  /** A fresh page on the preview; `cell` and `pane` read the page given. */
  async function freshPage(base = (server as Served).url): Promise<Page> {
    const p = await (browser as Browser).newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
    });
    p.on('pageerror', (e) => pageErrors.push(e.message));
    await p.goto(`${base}preview.html?lang=en`);
    return p;
  }
  const cellOf = (p: Page, address: string) => p.locator(`td[data-address="${address}"]`);
  const paneOf = (p: Page) => p.getByRole('complementary');

  it('a draft opened with "Try policy file" recalculates the open workbook and the pane', async () => {
    const p = await freshPage();
    await p.getByTestId('file-name').waitFor({ timeout: 60_000 });
    // E103, NPL 0.8%: 82 and DEMOTE under the built-in policy (band 1%以下: 20 points).
    await eventually(() => cellOf(p, 'T4').textContent(), '82.00');

    // A broken file is refused, naming the field; nothing changes.
    const broken = JSON.parse(readFileSync(DRAFT, 'utf8'));
    broken.reserve.caps.SENIOR = '30,000';
    const brokenPath = join(ARTIFACTS, 'policy-broken.json');
    writeFileSync(brokenPath, JSON.stringify(broken));
    await p.getByTestId('open-policy').setInputFiles(brokenPath);
    const alert = p.getByRole('alert').first();
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(
      /policy-broken\.json is refused.*reserve\.caps\.SENIOR: expected a number ≥ 0/,
    );
    await expect(cellOf(p, 'T4').textContent()).resolves.toBe('82.00');

    // The revision (band 2%以下: 25 points): the score cells move, the pane says which policy.
    await p.getByTestId('open-policy').setInputFiles(DRAFT);
    await eventually(() => cellOf(p, 'T4').textContent(), '87.00');
    await paneOf(p).getByRole('tab', { name: 'Policy' }).click();
    await eventually(
      async () => (await p.getByTestId('policy-origin').textContent()) ?? '',
      'Draft opened in the preview: policy-draft-1.1.json (not the approved policy)',
    );
    await expect(paneOf(p).textContent()).resolves.toContain('1.1.0');
    await expect(paneOf(p).textContent()).resolves.toContain('2%以下减5分');
    await p.screenshot({ path: join(ARTIFACTS, 'preview-6-policy-draft.png') });
    await p.close();
  });

  it('policy.json deployed beside the page is the active policy; a broken one is refused', async () => {
    // A copy of the shared build, so no other browser test ever sees this policy.json.
    const own = mkdtempSync(join(tmpdir(), 'cm-preview-policy-'));
    cpSync(dist, own, { recursive: true });
    const deployed = join(own, 'policy.json');
    const served = await serve(own);
    try {
      writeFileSync(deployed, readFileSync(DRAFT));
      const p = await freshPage(served.url);
      await p.getByTestId('file-name').waitFor({ timeout: 60_000 });
      await eventually(() => cellOf(p, 'T4').textContent(), '87.00');
      await paneOf(p).getByRole('tab', { name: 'Policy' }).click();
      await eventually(
        async () => (await p.getByTestId('policy-origin').textContent()) ?? '',
        'Policy file deployed by the administrator: policy.json',
      );
      await p.close();

      const broken = JSON.parse(readFileSync(DRAFT, 'utf8'));
      delete broken.score.collection.base;
      writeFileSync(deployed, JSON.stringify(broken));
      const q = await freshPage(served.url);
      const alert = q.getByRole('alert').first();
      await alert.waitFor({ timeout: 60_000 });
      await expect(alert.textContent()).resolves.toMatch(
        /deployed policy file policy\.json is refused.*score\.collection\.base: missing/,
      );
      // Never a silent fallback: no workbook is computed under the built-in policy.
      await expect(q.getByTestId('file-name').count()).resolves.toBe(0);
      await q.screenshot({ path: join(ARTIFACTS, 'preview-7-policy-refused.png') });
      await q.close();
    } finally {
      await served.close();
      rmSync(own, { recursive: true, force: true });
    }
  });
});
