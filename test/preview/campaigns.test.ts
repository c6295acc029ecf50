/**
 * From a stage to a list to a campaign result (issue 14), in Debian's chromium on the local preview:
 * the owner makes a segment (visitors with an e-mail) in the sidebar, downloads its CSV (the bytes:
 * UTF-8 with a BOM), starts a campaign from it (ビジター → フォロワー), lets two weeks go by with the
 * preview's 1週間進める (each day's orders arrive and the time trigger refreshes), and sees the
 * measured move in the sidebar and on the 施策 sheet.
 *
 * The shop (reconstructed, not a real export; generic Japanese headers of HEADERS.md): 60 first-time
 * buyers ten days before the start. The 30 with an e-mail are the segment; 15 of them and 3 of the
 * 30 others order again ten days after the start — orders that arrive as the preview's days pass.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../emulator/project';
import { startPreviewServer, type PreviewServer } from '../../preview/server';
import { PreviewWorkbook, type UpcomingRow } from '../../preview/workbook';
import { dayFromCivil, isoDay } from '../../src/core/dates';
import { browser, closeBrowser, describeInBrowser } from '../support/sidebarPage';

const S = dayFromCivil(2026, 10, 1);
const text = (d: number): string => isoDay(d).replace(/-/g, '/');
const key = (p: string, i: number): string => `${p}${String(i).padStart(3, '0')}`;

function shop(): { orders: Array<Array<string | number>>; upcoming: UpcomingRow[] } {
  const orders: Array<Array<string | number>> = [['顧客ID', 'メールアドレス', '注文日', '金額']];
  const upcoming: UpcomingRow[] = [];
  // The second orders appear in the sheet at noon of their day (Tokyo), as a fresh export would bring them.
  const arrive = (row: Array<string | number>): void => void upcoming.push({ at: Date.parse(`${isoDay(S + 10)}T12:00:00+09:00`), sheet: 'Orders', row });
  for (let i = 0; i < 30; i++) {
    orders.push([key('T', i), `t${i}@example.jp`, text(S - 10), 3000]);
    if (i < 15) arrive([key('T', i), `t${i}@example.jp`, text(S + 10), 5000]);
    orders.push([key('C', i), '', text(S - 10), 3000]);
    if (i < 3) arrive([key('C', i), '', text(S + 10), 4000]);
  }
  return { orders, upcoming };
}

describeInBrowser('施策 in the preview: segment → CSV → campaign → days go by → the measured move', () => {
  let server: PreviewServer;
  let wb: PreviewWorkbook;
  beforeAll(async () => {
    const s = shop();
    wb = new PreviewWorkbook({ sheets: { Orders: s.orders }, now: Date.parse(`${isoDay(S)}T09:00:00+09:00`), upcoming: s.upcoming });
    server = await startPreviewServer(wb, { port: 0 });
  });
  afterAll(async () => {
    await closeBrowser();
    await server?.close();
  });

  test('ja: the campaign on the e-mail segment moved 15 of 30, the others 3 of 30: 効果あり', async () => {
    const context = await (await browser()).newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    try {
      await page.goto(server.url);
      const sidebar = page.frameLocator('#sidebar');
      await sidebar.locator('#refresh').waitFor();

      // The segment: ビジター with an e-mail.
      const seg = sidebar.locator('details[data-section="segments"]');
      await seg.locator('summary').click();
      await seg.locator('input[data-group="stage"][value="visitor"]').check();
      await seg.locator('input[name="seg-email"]').check();
      await sidebar.locator('#segment-count [data-count="30"]').waitFor();
      await seg.locator('#seg-name').fill('メールあり');
      await sidebar.locator('#segment-make').click();
      await seg.locator('[data-notice="segment-status"]').waitFor();

      // Its CSV, UTF-8 with a BOM: a header and the 30 customers.
      const [file] = await Promise.all([page.waitForEvent('download'), sidebar.locator('#segment-download').click()]);
      const bytes = readFileSync(await file.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter((l) => l !== '');
      expect(lines).toHaveLength(31);
      expect(lines.slice(1).every((l) => /^t\d+@example\.jp,/.test(l))).toBe(true);

      // The campaign, from that segment.
      const panel = sidebar.locator('details[data-section="campaigns"]');
      await panel.locator('#cp-segment option[value="メールあり"]').waitFor({ state: 'attached' });
      expect(await panel.locator('[data-campaigns-empty]').textContent()).toBe('まだ施策はありません。サイドバーの「施策」で、保存したセグメントから施策を始めると、ここに結果が出ます。');
      await panel.locator('#cp-segment').selectOption('メールあり');
      await panel.locator('#cp-name').fill('2回目クーポン');
      expect(await panel.locator('#cp-start').inputValue()).toBe('2026/10/01');
      await panel.locator('#cp-move').selectOption('visitor>follower');
      await panel.locator('#cp-note').fill('メールでクーポンを送れば2回目の購入が増える');
      await panel.locator('button#cp-go').click();
      await panel.locator('[data-notice="campaign-message"]', { hasText: '「2回目クーポン」を始めました: 対象 30人、比較 30人' }).waitFor();
      expect(await panel.locator('[data-campaign] [data-verdict]').getAttribute('data-verdict')).toBe('notYet');

      // Two weeks go by: the orders of 10/11 arrive, the trigger refreshes each day.
      for (const day of ['2026/10/08', '2026/10/15']) {
        await page.locator('#advance-week').click();
        await page.locator('#status', { hasText: `${day} になりました` }).waitFor({ timeout: 180_000 });
      }
      const card = sidebar.locator('details[data-section="campaigns"] [data-campaign]');
      await card.locator('[data-verdict="effect"]').waitFor({ timeout: 30_000 });
      expect(await card.locator('[data-rates]').textContent()).toBe('対象 50.0% (15/30) / 比較 10.0% (3/30)');
      expect(await card.locator('[data-verdict]').textContent()).toBe('効果あり');
      expect(await card.textContent()).toContain('計測中: 2026/10/15時点の途中経過(あと16日)');
      mkdirSync(join(projectRoot(), 'test-artifacts'), { recursive: true });
      await card.screenshot({ path: join(projectRoot(), 'test-artifacts', 'sidebar-campaign-ja.png') });

      // The 施策 sheet says it too, in the page's grid.
      await page.locator('.tabs button[data-name="施策"]').click();
      await page.locator('#grid-table[data-sheet="施策"]').waitFor();
      expect(await page.locator('#grid-table tbody').textContent()).toContain('効果あり');
      await page.screenshot({ path: join(projectRoot(), 'test-artifacts', 'preview-campaigns-ja.png') });
      // No console error at all: a Content Security Policy refusal (e.g. an inline style) fails here.
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
