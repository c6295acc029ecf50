/**
 * The sidebar's BigQuery (Connected Sheets) section in chromium, through the built bundle on the
 * in-memory Sheets and its in-memory BigQuery: collapsed and last in the sidebar, in Japanese; the
 * owner types the project and the table, reads the columns (the mapping comes pre-filled), and
 * creates the sheets.
 */
import { makeZone } from '../../src/core/dates';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { sidebarServer } from '../../emulator/scriptRun';
import { ordersTable } from '../support/bigQueryTables';
import { renderShop, shopOrder } from '../support/shops';
import { describeInBrowser, useSidebarPages } from '../support/sidebarPage';
import fc from 'fast-check';

const NOW = Date.parse('2024-06-30T09:00:00+09:00');

describeInBrowser('the BigQuery section in a browser', () => {
  const { open } = useSidebarPages();

  test('collapsed at the bottom, in Japanese; read the columns, then create the sheets', async () => {
    const orders = fc.sample(fc.array(shopOrder(['C1', 'C2', 'a@shop.jp']), { minLength: 8, maxLength: 12 }), { numRuns: 1, seed: 3 })[0]!;
    const { rows } = renderShop(orders, true, 0, { email: true, name: true });
    const table = ordersTable('my-shop-2024.shop.orders', rows, DEFAULT_SETTINGS, makeZone('Asia/Tokyo'));
    const server = sidebarServer({ locale: 'ja_JP', now: NOW, bigQuery: { tables: [table] } });
    const s = await open(server.backend, { locale: 'ja-JP' });
    const section = s.page.locator('details.bigquery');
    await section.locator('summary').waitFor();
    expect(await section.locator('summary').textContent()).toBe('BigQuery(コネクテッド シート)');
    expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // The last thing in the sidebar: after the settings.
    expect(await s.page.evaluate(() => document.getElementById('app')!.lastElementChild!.matches('details.bigquery'))).toBe(true);
    // Nothing asked of BigQuery until the owner opens it.
    expect(s.calls.map((c) => c.name)).toEqual(['getSidebarState']);

    await section.locator('summary').click();
    await s.page.locator('#bq-projectId').waitFor();
    expect(await s.page.locator('label[for="bq-projectId"]').textContent()).toBe('プロジェクト ID');
    await s.page.fill('#bq-projectId', 'my-shop-2024');
    await s.page.fill('#bq-table', 'shop.orders');
    await s.page.click('#bq-read');
    await s.page.locator('#bq-col-amount').waitFor();
    expect(await s.page.locator('#bq-col-amount').inputValue()).toBe('total_price');
    expect(await s.page.locator('#bq-col-orderedAt').inputValue()).toBe('created_at');
    expect(await s.page.locator('label[for="bq-col-line"]').textContent()).toBe('明細の順番(行番号)');

    await s.page.click('#bq-connect');
    await s.page.locator('[data-notice="bigquery-done"]').waitFor({ timeout: 60_000 });
    expect(await s.page.locator('[data-notice="bigquery-done"]').textContent()).toContain('顧客ステージ (BigQuery)');
    expect(server.env.sheetNames()).toEqual(['シート1', '顧客ステージ (BigQuery)', 'ステージ集計 (BigQuery)', 'ファンファネル (BigQuery)']);
    expect(s.calls.map((c) => c.name)).toEqual(['getSidebarState', 'getBigQueryView', 'readBigQueryColumns', 'connectBigQuery']);
  }, 120_000);

  test('a bad project id gets a red message in Japanese next to its field; nothing runs', async () => {
    const server = sidebarServer({ locale: 'ja_JP', now: NOW, bigQuery: { tables: [] } });
    const s = await open(server.backend, { locale: 'ja-JP' });
    await s.page.locator('details.bigquery > summary').click();
    await s.page.fill('#bq-projectId', 'My Project');
    await s.page.fill('#bq-table', 'shop.orders');
    await s.page.click('#bq-read');
    const error = s.page.locator('[data-error-for="bigQuery.projectId"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('プロジェクト ID の形ではありません');
    expect(server.env.bigQuery!.engine.queries).toEqual([]);
  }, 60_000);
});
