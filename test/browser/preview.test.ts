/**
 * The browser preview in real Chromium: the task pane over a LocalHost on the sample workbook.
 * One development build, one server and one page for the whole file; each step leaves a
 * screenshot in test-artifacts/ (gitignored).
 *
 * Needs /usr/bin/chromium (Debian's `chromium` package, with `fonts-noto-cjk` for the Chinese
 * text); without it the suite fails and says so.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS, buildPages, launch, requireChromium, serve, type Served } from './harness';

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
    // The same test finds them where they are meant to be.
    expect(sources('preview.js')).toMatch(/node_modules[\\/]hyperformula[\\/]/);
    expect(sources('preview.js')).toMatch(/node_modules[\\/]exceljs[\\/]/);
    expect(bundle('preview.html')).toContain('preview.js');
    expect(bundle('taskpane.html')).not.toContain('preview.js');
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
    const address = (await duplicate.locator('span').first().textContent())?.trim() ?? '';
    expect(address).toMatch(/^[A-Z]+\d+$/);
    await duplicate.click();
    await eventually(() => nameBox().inputValue(), address);
    await expect(cell(address).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(cell(address).textContent()).resolves.toBe('E112');

    // The overwritten score: the formula bar shows its typed value, not a formula.
    const overwritten = findingsOf('Formula overwritten').first();
    const scoreAt = (await overwritten.locator('span').first().textContent())?.trim() ?? '';
    await overwritten.click();
    await eventually(() => nameBox().inputValue(), scoreAt);
    await expect(formulaBar().inputValue()).resolves.toBe('95');

    await pane().getByRole('switch').check();
    await page.locator('td[data-mark="error"]').first().waitFor();
    expect(await page.locator('td[data-mark="error"]').count()).toBeGreaterThan(2);
    await shot('1-validate');
  });

  it('Audit adds the report and log sheets as new tabs', async () => {
    await pane().getByRole('tab', { name: 'Audit' }).click();
    await expect(sheetTab('考核审计报告').count()).resolves.toBe(0);
    await pane().getByRole('button', { name: 'Run audit' }).click();
    await sheetTab('考核审计报告').waitFor({ timeout: 60_000 });
    await sheetTab('考核审计日志').waitFor({ timeout: 60_000 });
    await pane().getByRole('region', { name: 'Audit summary' }).waitFor();
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
});
