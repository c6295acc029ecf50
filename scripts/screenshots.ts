/**
 * npm run screenshots — the README's pictures (docs/*.png) of the local preview, taken in Debian's
 * chromium (playwright-core, as the browser tests drive it) on the sample shop exactly as
 * `npm start` serves it: the Japanese sample with its two campaigns (施策) and a saved segment, then
 * a week let go by with the page's own button, then the rest of the campaigns' 30 days: the 施策
 * sheet and the sidebar's セグメント and 施策 sections.
 * Google's own pages (Extensions → Apps Script, the authorisation screen) cannot be taken here —
 * there is no Google account or network — so the README describes those steps in words.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot } from '../emulator/project';
import { EMPTY_SEGMENT } from '../src/core/segments';
import { startPreviewServer } from '../preview/server';
import { PreviewWorkbook } from '../preview/workbook';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/sidebarPage';
import { sampleCampaigns, SAMPLE_WINDOW_DAYS } from './sampleShop/campaigns';
import { sampleUpcomingRows } from './sampleShop/continuation';
import { SAMPLE_AS_OF } from './sampleShop/shop';
import { TIME_ZONE, sampleInputs } from './start/inputs';

const DOCS = join(projectRoot(), 'docs');

async function main(): Promise<void> {
  // Without a Japanese font chromium draws every kana and kanji as a box.
  if (execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).trim() === '') {
    throw new Error('no Japanese font: apt-get install -y fonts-ipafont-gothic (or fonts-noto-cjk), then run again');
  }
  const s = await sampleInputs(() => undefined);
  // The sample's two campaigns as `npm start` starts them (scripts/start/preview.ts).
  const sample = sampleCampaigns({ orders: s.ja.range, customers: s.customers.range, survey: s.survey.range }, SAMPLE_AS_OF, TIME_ZONE, 'ja');
  const wb = new PreviewWorkbook({
    sheets: { Orders: s.ja.range, Customers: s.customers.range, Survey: s.survey.range },
    locale: 'ja_JP',
    timeZone: TIME_ZONE,
    // 10:00 of the export day, running: the refresh times and durations shown are real.
    now: Date.parse(`${SAMPLE_AS_OF}T10:00:00+09:00`),
    running: true,
    upcoming: sampleUpcomingRows(() => true, sample.boost),
  });
  for (const c of sample.campaigns) wb.run('startCampaign', [c.input]);
  // A saved segment, for the sidebar's セグメント section: 呼び戻したい方 with an e-mail.
  wb.run('saveSegment', [{ ...EMPTY_SEGMENT, name: '呼び戻し', lists: ['winBack'], filters: { ...EMPTY_SEGMENT.filters, hasEmail: true }, message: '{name}様、お久しぶりです。新茶が入りました。' }]);
  const server = await startPreviewServer(wb, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', timezoneId: TIME_ZONE })).newPage();
    await page.goto(server.url);
    await page.locator('#status', { hasText: '準備ができました' }).waitFor({ timeout: 120_000 });
    await page.frameLocator('#sidebar').locator('#refresh').waitFor();
    const tab = async (name: string): Promise<void> => {
      await page.locator(`.tabs button[data-name="${name}"]`).click();
      await page.locator(`#grid-table[data-sheet="${name}"]`).waitFor();
    };
    await tab('ファンファネル');
    await page.screenshot({ path: join(DOCS, 'preview-ja.png') });
    await page.screenshot({ path: join(DOCS, 'sidebar-ja.png'), clip: { x: 1046, y: 46, width: 320, height: 722 } });
    await tab('Formulas');
    await page.screenshot({ path: join(DOCS, 'preview-formulas-ja.png') });
    await page.locator('#advance-week').click({ noWaitAfter: true });
    await page.locator('#status', { hasText: 'になりました' }).waitFor({ timeout: 600_000 });
    await page.frameLocator('#sidebar').locator('#refresh').waitFor();
    await tab('ファンファネル');
    await page.screenshot({ path: join(DOCS, 'preview-week-ja.png') });
    await page.locator('#grid-table td', { hasText: /^ステージ移動/ }).first().evaluate((td) => td.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(DOCS, 'preview-moves-ja.png') });

    // The rest of the campaigns' window (the week above was its first 7 days), then the page again.
    wb.advanceDays(SAMPLE_WINDOW_DAYS - 7);
    await page.reload();
    await page.locator('#status', { hasText: '準備ができました' }).waitFor({ timeout: 120_000 });
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#refresh').waitFor();
    await tab('施策');
    await page.screenshot({ path: join(DOCS, 'preview-campaigns-ja.png') });
    // A section of the sidebar whole: a page tall enough for it, the section at the frame's top, the
    // picture clipped to it (an element taller than its frame is not drawn right on its own).
    await page.setViewportSize({ width: 1366, height: 1800 });
    const section = async (name: string, file: string): Promise<void> => {
      const el = sidebar.locator(`details[data-section="${name}"]`);
      await el.evaluate((d) => d.scrollIntoView({ block: 'start' }));
      const box = await el.boundingBox();
      if (box === null) throw new Error(`the sidebar's ${name} section is not shown`);
      await page.screenshot({ path: join(DOCS, file), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1800 - box.y) } });
    };
    const campaigns = sidebar.locator('details[data-section="campaigns"]');
    await campaigns.locator('[data-campaign] [data-verdict="effect"]').waitFor();
    await section('campaigns', 'sidebar-campaigns-ja.png');
    const segments = sidebar.locator('details[data-section="segments"]');
    await segments.locator('summary').click();
    await segments.locator('[data-open="呼び戻し"]').click();
    await sidebar.locator('#segment-count [data-count]').waitFor();
    await section('segments', 'sidebar-segments-ja.png');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
