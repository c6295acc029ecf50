/**
 * The funnel tab at 1366 × 768 in the local preview (issue 17): 今週やること first, and the stage
 * table — through 平均LTV, NPS and 前回比 — readable without scrolling sideways, with the sidebar open;
 * a name clicked in the sidebar's 今週やること shows that customer's row.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startPreviewServer, type PreviewServer } from '../../preview/server';
import { PreviewWorkbook } from '../../preview/workbook';
import { projectRoot } from '../../emulator/project';
import { browser, closeBrowser, describeInBrowser } from '../support/sidebarPage';
import { SMALL_SHOP_NOW, smallShopSheets } from '../support/smallShop';

const ARTIFACTS = join(projectRoot(), 'test-artifacts');
const FUNNEL_TAB = 'ファンファネル';

describeInBrowser('the funnel tab on a 1366 × 768 screen', () => {
  let server: PreviewServer;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const s = smallShopSheets();
    const wb = new PreviewWorkbook({ sheets: { 注文: s.Orders, 顧客: s.Customers }, now: SMALL_SHOP_NOW });
    server = await startPreviewServer(wb, { port: 0 });
  });
  afterAll(async () => {
    await closeBrowser();
    await server?.close();
  });

  test('after a refresh: 今週やること above the stage table, and 前回比 inside the visible grid', async () => {
    const context = await (await browser()).newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    try {
      await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
      await page.goto(server.url);
      const frame = page.frameLocator('.sidebar iframe');
      await frame.locator('#refresh').click();
      await frame.locator('#this-week').waitFor();
      await page.locator(`.tabs button[data-name="${FUNNEL_TAB}"]`).click();
      await page.locator(`#grid-table[data-sheet="${FUNNEL_TAB}"]`).waitFor();
      const layout = await page.evaluate(() => {
        const grid = document.querySelector('.grid')!.getBoundingClientRect();
        const cells = Array.from(document.querySelectorAll('#grid-table tbody td'));
        const find = (text: string) => cells.find((td) => td.textContent === text);
        const rowOf = (td: Element | undefined) => Number(td?.getAttribute('data-r'));
        const change = find('前回比')!.getBoundingClientRect();
        return {
          gridRight: grid.right,
          changeRight: change.right,
          thisWeekRow: rowOf(cells.find((td) => (td.textContent ?? '').startsWith('今週やること'))),
          stageRow: rowOf(find('ステージ')),
        };
      });
      await page.screenshot({ path: join(ARTIFACTS, 'preview-funnel-1366.png') });
      expect(layout.thisWeekRow).toBeLessThan(layout.stageRow);
      expect(layout.changeRight).toBeLessThanOrEqual(layout.gridRight);

      // A name clicked in the sidebar: the preview shows the Customers tab with that row selected.
      await frame.locator('#this-week button[data-key="S03"]').click();
      await page.locator('#grid-table[data-sheet="顧客ステージ"] td.selected').waitFor();
      const selected = await page.evaluate(() => {
        const td = document.querySelector('#grid-table td.selected')!;
        return { first: td.closest('tr')!.querySelector('td')!.textContent, ref: document.querySelector('.cell-ref')!.textContent };
      });
      expect(selected.first).toBe('S03');
      expect(selected.ref).toMatch(/^A\d+$/);
    } finally {
      await context.close();
    }
  });
});
