/**
 * Every text of the sidebar in a Japanese spreadsheet (issue 17), in chromium: after two refreshes
 * of the sample shop a week apart, with the settings and every column mapping opened, no internal
 * id, no TRUE/FALSE and no ISO date is shown — in the page's text, its options and its fields. The
 * セグメント and 施策 sections (issue 14) are walked with content in them: a saved segment, its
 * count, and a campaign started from it a week before, measured by the refresh. An English
 * spreadsheet's run of those two sections reads English only.
 */
import type { Page } from 'playwright-core';
import { sidebarServer } from '../../emulator/scriptRun';
import type { CampaignsState } from '../../src/gas/campaignApi';
import type { SegmentSaved } from '../../src/gas/segmentsApi';
import { EMPTY_SEGMENT } from '../../src/core/segments';
import { ownerTextProblems } from '../support/ownerText';
import { describeInBrowser, useSidebarPages } from '../support/sidebarPage';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';

const WEEK = 7 * 86_400_000;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;

/**
 * The sample shop refreshed a week before its as-of day, with a saved segment (the followers) and a
 * campaign started from it that day; then the clock moves to the as-of day.
 */
function shopWithCampaign(locale: 'ja_JP' | 'en_US', segment: string, campaign: string): ReturnType<typeof sidebarServer> {
  const server = sidebarServer({ locale, now: SAMPLE_AS_OF - WEEK, sheets: sampleShopSheets(300) });
  server.env.call('refreshFromMenu');
  const saved = server.env.call('saveSegment', { ...EMPTY_SEGMENT, name: segment, stages: ['follower'], message: '{name}' }) as SegmentSaved;
  expect(saved.ok).toBe(true);
  const started = server.env.call('startCampaign', { name: campaign, move: 'follower>supporter', segment, note: locale === 'ja_JP' ? '2回目の購入を後押し' : 'Nudge a second order' }) as CampaignsState;
  expect(started.ok).toBe(true);
  server.env.clock.set(SAMPLE_AS_OF);
  return server;
}

/** Every text the page shows: its text, options, field values and labels for assistive tools. */
async function pageTexts(page: Page, root: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const scopes = Array.from(document.querySelectorAll(sel));
    const all = <T extends Element>(q: string): T[] => scopes.flatMap((s) => Array.from(s.querySelectorAll<T>(q)));
    return [
      ...scopes.map((s) => (s as HTMLElement).innerText),
      ...all('option').map((o) => o.textContent ?? ''),
      // A checkbox's value is never shown; a field's is.
      ...all<HTMLInputElement>('input:not([type="checkbox"]):not([type="radio"]), textarea').map((i) => i.value),
      ...all('[title], [aria-label], [placeholder]').flatMap((e) => ['title', 'aria-label', 'placeholder'].map((a) => e.getAttribute(a) ?? '')),
    ];
  }, root);
}

/** Opens the segments section (its view loads on opening) and waits for its count and the campaign's verdict. */
async function openSections(page: Page): Promise<void> {
  await page.click('details[data-section="segments"] summary');
  await page.locator('#segment-count [data-count]').waitFor();
  await page.locator('.saved-segments li').first().waitFor();
  await page.locator('details[data-section="campaigns"] [data-campaign] [data-verdict]').waitFor();
}

/**
 * What is wrong in the lines the owner reads. A message template's placeholders ({name}, {ltv}…) are
 * what the owner types (the VIP template's mechanism), not ids shown by mistake. In English, an
 * ordinary word that is also an id (customers, gold) is English; a camelCase id (noPurchase) is not.
 */
function problemsOf(texts: readonly string[], lang: 'ja' | 'en' = 'ja'): string[] {
  return texts
    .flatMap((t) => t.split('\n'))
    .flatMap((line) =>
      ownerTextProblems(line.replace(/\{[a-z]+\}/g, ' '))
        .filter((p) => lang === 'ja' || !/^internal id "[a-z]+"$/.test(p))
        .map((p) => `${line} — ${p}`),
    );
}

describeInBrowser('what the owner reads in the sidebar', () => {
  const { open } = useSidebarPages();

  test('Japanese spreadsheet: no internal id, TRUE/FALSE or ISO date anywhere in the sidebar, セグメント and 施策 included', async () => {
    const server = shopWithCampaign('ja_JP', 'フォロワー', 'お礼のメール');
    // An English browser: what the owner reads follows the spreadsheet, not the browser.
    const s = await open(server.backend, { locale: 'en-US', height: 1400 });
    await s.page.click('#refresh');
    await s.page.waitForSelector('svg.funnel');
    await openSections(s.page);
    await s.page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await s.idle();
    const texts = await pageTexts(s.page, 'body');
    expect(texts[0]!.length).toBeGreaterThan(500);
    // The dates it does show read 2026/11/01 (the refresh time on Tokyo's wall clock and the as-of day).
    expect(texts[0]).toContain('2026/11/01 00:00');
    expect(texts[0]).toMatch(/基準日\s*2026\/11\/01/);
    // The two sections have something in them: the saved segment, its count, the campaign measured a week on.
    const sections = (await pageTexts(s.page, 'details[data-section="segments"], details[data-section="campaigns"]')).join('\n');
    expect(sections).toMatch(/\d+人/);
    expect(sections).toContain('フォロワー');
    expect(sections).toContain('お礼のメール');
    expect(sections).toContain('フォロワー → サポーター');
    expect(sections).toMatch(/計測中: 2026\/11\/01時点の途中経過\(あと23日\)/);
    expect(sections).toMatch(/2026\/10\/25〜/);
    expect(problemsOf(texts)).toEqual([]);
  });

  test('English spreadsheet: the Segments and Campaigns sections read English, dates 2026/11/01', async () => {
    const server = shopWithCampaign('en_US', 'Followers', 'Thank-you mail');
    const s = await open(server.backend, { locale: 'ja-JP', height: 1400 });
    await s.page.click('#refresh');
    await s.page.waitForSelector('svg.funnel');
    await openSections(s.page);
    await s.idle();
    const root = 'details[data-section="segments"], details[data-section="campaigns"]';
    expect(await s.page.locator('details[data-section="segments"] summary').textContent()).toMatch(/^Segments/);
    expect(await s.page.locator('details[data-section="campaigns"] summary').textContent()).toMatch(/^Campaigns/);
    // The names in the count's sample are the shop's customers (Japanese in the sample shop): theirs, not ours.
    const texts = (await pageTexts(s.page, root)).flatMap((t) => t.split('\n'));
    const sample = (await s.page.locator('#segment-count [data-sample]').count()) > 0 ? await s.page.locator('#segment-count [data-sample]').innerText() : '';
    const ours = texts.filter((line) => line !== sample && !(sample !== '' && line.includes(sample)));
    expect(ours.filter((line) => JAPANESE.test(line))).toEqual([]);
    const joined = texts.join('\n');
    expect(joined).toContain('Thank-you mail');
    expect(joined).toContain('Follower → Supporter');
    expect(joined).toMatch(/Running: interim result as of 2026\/11\/01 \(23 days left\)/);
    expect(joined).toMatch(/2026\/10\/25〜/);
    expect(problemsOf(texts, 'en')).toEqual([]);
  });
});
