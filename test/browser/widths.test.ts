/**
 * Issue 13: Excel's task pane is about 320–350 px wide by default. Every view of the pane must be
 * usable there with no horizontal scrolling, in Chinese and in English; on a wide screen the
 * preview shows its grid beside the pane, on a narrow one it stacks them.
 * Screenshots of every view at both widths and in both languages go to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, buildPages, launch, requireChromium, serve, type Served } from './harness';

jest.setTimeout(600_000);

const VIEWS = ['validate', 'audit', 'explain', 'policy', 'functions'] as const;
const RUN_VALIDATE = { zh: '校验', en: 'Validate' } as const;

let server: Served | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  requireChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(await buildPages());
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** How far the page and the pane overflow their boxes horizontally, in px (0 when none). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const pane = document.querySelector('aside, [role="complementary"]') as HTMLElement | null;
    // Any element of the pane that shows past the pane's right edge (what an ancestor clips
    // is not seen), or a box inside it that scrolls sideways.
    let widest = 0;
    if (pane) {
      const right = pane.getBoundingClientRect().right;
      for (const el of Array.from(pane.querySelectorAll<HTMLElement>('*'))) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || el.closest('[hidden]')) continue;
        const overflowX = getComputedStyle(el).overflowX;
        if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth) {
          widest = Math.max(widest, el.scrollWidth - el.clientWidth);
        }
        let shown = box.right;
        for (let a = el.parentElement; a && a !== pane; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') {
            shown = Math.min(shown, a.getBoundingClientRect().right);
          }
        }
        widest = Math.max(widest, shown - right);
      }
    }
    return {
      page: Math.max(0, doc.scrollWidth - doc.clientWidth),
      pane: pane ? Math.max(0, pane.scrollWidth - pane.clientWidth) : -1,
      element: Math.max(0, Math.round(widest)),
    };
  });
}

describe.each(['zh', 'en'] as const)('the pane in %s', (lang) => {
  describe.each([320, 1440])('at %i px', (width) => {
    let page: Page;

    beforeAll(async () => {
      page = await browser!.newPage({
        viewport: { width, height: 900 },
        locale: lang === 'zh' ? 'zh-CN' : 'en-US',
      });
      await page.goto(`${server!.url}preview.html?lang=${lang}`);
      await page.getByTestId('file-name').waitFor({ timeout: 60_000 });
    });

    afterAll(() => page.close());

    it('the page speaks the pane language', async () => {
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(
        lang === 'zh' ? 'zh-CN' : 'en',
      );
    });

    it('the grid keeps a usable width (stacked under the pane when narrow)', async () => {
      const grid = await page.getByTestId('sheet-grid').boundingBox();
      const pane = await page.getByRole('complementary').boundingBox();
      expect(grid && pane).toBeTruthy();
      // Never squeezed to a sliver: at least most of the screen, or most of what the pane leaves.
      expect(grid!.width).toBeGreaterThanOrEqual(Math.min(width, 1440 - pane!.width) * 0.6);
      if (width < 700) {
        // Stacked: one above the other, each as wide as the screen allows.
        const above =
          grid!.y + grid!.height <= pane!.y + 1 || pane!.y + pane!.height <= grid!.y + 1;
        expect(above).toBe(true);
      } else {
        expect(pane!.x).toBeGreaterThanOrEqual(grid!.x + grid!.width - 1);
      }
    });

    it.each(VIEWS)('the %s view fits with no horizontal scrolling', async (view) => {
      const pane = page.getByRole('complementary');
      await pane.locator(`#tab-${view}`).click();
      await pane.locator(`#panel-${view}`).waitFor();
      if (view === 'validate') {
        // With its findings listed: the longest texts of the pane.
        await pane.getByRole('button', { name: RUN_VALIDATE[lang], exact: true }).click();
        await pane.locator('li button').first().waitFor({ timeout: 60_000 });
      }
      await page.screenshot({
        path: join(ARTIFACTS, `width-${lang}-${width}-${view}.png`),
        fullPage: true,
      });
      expect(await overflow(page)).toEqual({ page: 0, pane: 0, element: 0 });
    });
  });
});
