/**
 * The local preview in Debian's chromium (playwright-core, the launcher of
 * test/support/sidebarPage): edit an order cell in the page and see FANSTAGE change; click the
 * sidebar's refresh and see the Fan Funnel tab change; a screenshot goes to test-artifacts/.
 * Days going by (issue 17): 1日進める / 1週間進める bring stage moves and the History chart's
 * points; the page's own words (header, tabs, notes, status line) are Japanese throughout.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../preview/server';
import { FORMULAS_SHEET, PreviewWorkbook } from '../../preview/workbook';
import { projectRoot } from '../../emulator/project';
import { STATUS } from '../../preview/page/text';
import { TAB_TEXT } from '../../src/core/labels';
import { lapsedCustomer, stageMoves } from '../support/previewFixtures';
import { browser, closeBrowser, describeInBrowser } from '../support/sidebarPage';
import { SAMPLE_AS_OF, sampleShopSheets, sampleUpcoming } from '../support/sampleSheets';

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
      await page.locator('#status', { hasText: STATUS.ready.ja }).waitFor();
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
      await page.locator('#status', { hasText: '再計算しました' }).waitFor();
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
      await page.locator('#status', { hasText: STATUS.triggerDone.ja(false) }).waitFor();

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
      await page.locator('#status', { hasText: STATUS.ready.ja }).waitFor();
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

/** The cells of the grid shown, as text. */
async function gridCells(page: Page): Promise<string[][]> {
  return page.$$eval('#grid-table tbody tr', (rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? '')));
}

describeInBrowser('preview in a browser: days going by, in Japanese', () => {
  let server: PreviewServer;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const wb = new PreviewWorkbook({ sheets: sampleShopSheets(), now: SAMPLE_AS_OF, upcoming: sampleUpcoming() });
    server = await startPreviewServer(wb, { port: 0 });
  });
  afterAll(async () => {
    await closeBrowser();
    await server?.close();
  });

  test('1日進める / 1週間進める: the History chart gains points, the funnel tab shows stage moves; no English in the chrome', async () => {
    const context = await (await browser()).newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    try {
      // Every text the status line shows, recorded as it changes.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { statuses: string[] }).statuses = seen;
        document.addEventListener('DOMContentLoaded', () => {
          const el = document.getElementById('status');
          if (el === null) return; // the sidebar's frame
          new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
        });
      });
      await page.goto(server.url);
      await page.locator('#status', { hasText: STATUS.ready.ja }).waitFor();
      const sidebar = page.frameLocator('#sidebar');
      await sidebar.locator('#refresh').waitFor();
      await openTab(page, FUNNEL_TAB);
      expect(await gridCells(page).then((c) => c.some((r) => r[0] === TAB_TEXT.noBaseline.ja))).toBe(true);
      // The History chart (the funnel tab may hold other charts too).
      const history = page.locator(`#chart svg[aria-label="${TAB_TEXT.chartTitle.ja}"]`);
      const points = (): Promise<number> => history.locator('circle').count();
      const series = await history.locator('g.series').count();
      expect(series).toBeGreaterThanOrEqual(5);
      expect(await points()).toBe(series);
      expect(await page.locator('#today').textContent()).toMatch(/2026\/11\/01 00:00$/);

      // A week: a snapshot a day, and the moves since the day before on the funnel tab.
      await page.locator('#advance-week').click();
      await page.locator('#status', { hasText: '2026/11/08 になりました' }).waitFor({ timeout: 180_000 });
      await page.locator('#grid-table[data-sheet="ファンファネル"]').waitFor();
      expect(await points()).toBe(8 * series);
      expect(await history.locator('polyline').count()).toBe(series);
      const cells = await gridCells(page);
      expect(cells.some((r) => r[0] === TAB_TEXT.noBaseline.ja)).toBe(false);
      // A customer who moved from one stage to another (the sample's 2026/11/08: a follower lapsed).
      expect(stageMoves(cells).filter(([from]) => from !== TAB_TEXT.newCustomer.ja)).not.toEqual([]);

      // One more day: one more point.
      await page.locator('#advance-day').click();
      await page.locator('#status', { hasText: '2026/11/09 になりました' }).waitFor({ timeout: 60_000 });
      expect(await points()).toBe(9 * series);

      // The sidebar's refresh and the trigger say what happened, in Japanese.
      await sidebar.locator('#refresh').click();
      await page.locator('#status', { hasText: STATUS.sidebarDid('refreshFromSidebar', 'ja') }).waitFor({ timeout: 30_000 });
      await page.locator('#run-trigger').click();
      await page.locator('#status', { hasText: STATUS.triggerDone.ja(false) }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'preview-days.png') });

      const statuses = await page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
      expect(statuses.length).toBeGreaterThanOrEqual(8);
      expect(statuses.filter((s) => /[A-Za-z]/.test(s))).toEqual([]);
      // The chrome around the grid: the header (bar and titles), the tab kinds, the note, the chart.
      const chrome = await page.evaluate(() => {
        const titles = Array.from(document.querySelectorAll('.bar [title]')).map((e) => e.getAttribute('title') ?? '');
        const kinds = Array.from(document.querySelectorAll('.tabs .kind')).map((e) => e.textContent ?? '');
        const bar = (document.querySelector('.bar') as HTMLElement).innerText;
        return [bar, ...titles, ...kinds, document.getElementById('note')!.textContent ?? '', document.title];
      });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
      const english = chrome
        // Names that stay as they are, and the chart's ranges (履歴!A2:A10).
        .map((t) => t.replace(/Fan Funnel|\.xlsx|Apps Script|HyperFormula|Google/g, '').replace(/[^\s(,:]*![A-Z]+\d+(?::[A-Z]+\d+)?/g, ''))
        .filter((t) => /[A-Za-z]{2,}/.test(t));
      expect(english).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
