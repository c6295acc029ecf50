/**
 * The local preview in Debian's chromium (playwright-core, the launcher of
 * test/support/sidebarPage): edit an order cell in the page and see FANSTAGE change; click the
 * sidebar's refresh and see the Fan Funnel tab change; a screenshot goes to test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../preview/server';
import { FORMULAS_SHEET, PreviewWorkbook } from '../../preview/workbook';
import { projectRoot } from '../../emulator/project';
import { lapsedCustomer } from '../support/previewFixtures';
import { browser, closeBrowser, describeInBrowser } from '../support/sidebarPage';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';

const ARTIFACTS = join(projectRoot(), 'test-artifacts');
const FUNNEL_TAB = 'ファンファネル';

async function openTab(page: Page, name: string): Promise<void> {
  await page.locator(`.tabs button[data-name="${name}"]`).click();
  await page.locator(`#grid-table[data-sheet="${name}"]`).waitFor();
}

/** The text of the row whose first cell is `first` on the tab shown. */
async function rowText(page: Page, first: string): Promise<string[]> {
  return page.$$eval(
    '#grid-table tbody tr',
    (rows, key) => {
      const row = rows.find((r) => r.querySelector('td')?.textContent === key);
      return row ? Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '') : [];
    },
    first,
  );
}

async function gridText(page: Page): Promise<string> {
  return (await page.locator('#grid-table tbody').textContent()) ?? '';
}

describeInBrowser('preview in a browser', () => {
  let server: PreviewServer;
  let wb: PreviewWorkbook;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    wb = new PreviewWorkbook({ sheets: sampleShopSheets(), now: SAMPLE_AS_OF });
    server = await startPreviewServer(wb, { port: 0 });
  });
  afterAll(async () => {
    await closeBrowser();
    await server?.close();
  });

  test('edit an order → FANSTAGE changes in the page; sidebar refresh → the Fan Funnel tab changes', async () => {
    const context = await (await browser()).newContext({ viewport: { width: 1400, height: 860 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => !r.url().startsWith(server.url) && foreign.push(r.url()));
    try {
      await page.goto(server.url);
      await page.locator('#status', { hasText: 'Ready' }).waitFor();
      const sidebar = page.frameLocator('#sidebar');
      await sidebar.locator('#refresh').waitFor();

      // FANSTAGE in the Formulas tab: a lapsed customer.
      const { key, orderRow, dateColumn } = lapsedCustomer(wb);
      await openTab(page, FORMULAS_SHEET);
      expect((await rowText(page, key))[1]).toBe('離脱');

      // Their order's date, typed into the formula bar on the Orders tab.
      await openTab(page, 'Orders');
      await page.locator(`#grid-table td[data-r="${orderRow - 1}"][data-c="${dateColumn - 1}"]`).click();
      await page.locator('#formula').fill('2026/10/30 10:00');
      await page.locator('#formula').press('Enter');
      await page.locator('#status', { hasText: 'recalculated' }).waitFor();
      await openTab(page, FORMULAS_SHEET);
      const after = (await rowText(page, key))[1];
      expect(after).not.toBe('離脱');
      expect(after).toMatch(/\S/);

      // The Fan Funnel tab changes when the sidebar's refresh runs.
      await openTab(page, FUNNEL_TAB);
      const before = await rowText(page, '離脱');
      const tabBefore = await gridText(page);
      await sidebar.locator('#refresh').click();
      await page.waitForFunction(
        (old) => document.querySelector('#grid-table tbody')?.textContent !== old && !document.body.dataset.busy,
        tabBefore,
        { timeout: 30_000 },
      );
      const lapsedAfter = await rowText(page, '離脱');
      expect(Number(lapsedAfter[1])).toBe(Number(before[1]) - 1);

      // Run trigger now.
      await page.locator('#run-trigger').click();
      await page.locator('#status', { hasText: 'Ran onAutoRefresh' }).waitFor();

      await openTab(page, FORMULAS_SHEET);
      await sidebar.locator('#refresh').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'preview.png') });
      // `problems` holds the console's errors: a Content-Security-Policy violation would be one.
      expect({ problems, foreign }).toEqual({ problems: [], foreign: [] });
    } finally {
      await context.close();
    }
  });

  test('Content-Security-Policy: a script injected into the page or the sidebar does not run', async () => {
    const context = await (await browser()).newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    try {
      await page.goto(server.url);
      await page.locator('#status', { hasText: 'Ready' }).waitFor();
      await page.frameLocator('#sidebar').locator('#refresh').waitFor();
      const sidebar = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
      // What an injected string would do if it reached the DOM: an inline script, an inline handler.
      const inject = (): boolean => {
        const w = window as unknown as { injected?: boolean };
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.head.append(script);
        const div = document.createElement('div');
        div.setAttribute('onclick', 'window.injected = true');
        document.body.append(div);
        div.click();
        div.remove();
        return w.injected === true;
      };
      expect(await page.evaluate(inject)).toBe(false);
      expect(await sidebar.evaluate(inject)).toBe(false);
      expect(violations.length).toBeGreaterThanOrEqual(4);
    } finally {
      await context.close();
    }
  });
});
