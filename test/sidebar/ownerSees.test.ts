/**
 * Every text of the sidebar in a Japanese spreadsheet (issue 17), in chromium: after two refreshes
 * of the sample shop a week apart, with the settings and every column mapping opened, no internal
 * id, no TRUE/FALSE and no ISO date is shown — in the page's text, its options and its fields.
 */
import { sidebarServer } from '../../emulator/scriptRun';
import { ownerTextProblems } from '../support/ownerText';
import { describeInBrowser, useSidebarPages } from '../support/sidebarPage';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';

const WEEK = 7 * 86_400_000;

describeInBrowser('what the owner reads in the sidebar', () => {
  const { open } = useSidebarPages();

  test('Japanese spreadsheet: no internal id, TRUE/FALSE or ISO date anywhere in the sidebar', async () => {
    const server = sidebarServer({ locale: 'ja_JP', now: SAMPLE_AS_OF - WEEK, sheets: sampleShopSheets(300) });
    server.env.call('refreshFromMenu');
    server.env.clock.set(SAMPLE_AS_OF);
    // An English browser: what the owner reads follows the spreadsheet, not the browser.
    const s = await open(server.backend, { locale: 'en-US' });
    await s.page.click('#refresh');
    await s.page.waitForSelector('svg.funnel');
    await s.page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const texts = await s.page.evaluate(() => [
      document.body.innerText,
      ...Array.from(document.querySelectorAll('option')).map((o) => o.textContent ?? ''),
      ...Array.from(document.querySelectorAll('input, textarea')).map((i) => (i as HTMLInputElement).value),
      ...Array.from(document.querySelectorAll('[title], [aria-label], [placeholder]')).flatMap((e) =>
        ['title', 'aria-label', 'placeholder'].map((a) => e.getAttribute(a) ?? ''),
      ),
    ]);
    expect(texts[0]!.length).toBeGreaterThan(500);
    // The dates it does show read 2026/11/01 (the refresh time on Tokyo's wall clock and the as-of day).
    expect(texts[0]).toContain('2026/11/01 00:00');
    expect(texts[0]).toMatch(/基準日\s*2026\/11\/01/);
    expect(texts.flatMap((t) => t.split('\n')).flatMap((line) => ownerTextProblems(line).map((p) => `${line} — ${p}`))).toEqual([]);
  });
});
