/**
 * 今週やること / This week at the top of the sidebar, in Debian's chromium, its server calls answered
 * by the built bundle on the in-memory Sheets (issue 17): a 12-customer shop gets explained lists
 * from its own rhythm, in Japanese and in English; a click on a customer selects their row in the
 * Customers tab; an empty list says why.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../emulator/project';
import { sidebarServer } from '../../emulator/scriptRun';
import { describeInBrowser, useSidebarPages, type SidebarSession } from '../support/sidebarPage';
import { SMALL_SHOP_NOW, smallShopSheets } from '../support/smallShop';

const ARTIFACTS = join(projectRoot(), 'test-artifacts');

/** Each list as a person reads it: title, then each entry's name and reason, or the empty reason. */
async function lists(s: SidebarSession): Promise<Array<{ id: string; title: string; entries: string[][]; empty: string | null; more: string | null; note: string | null }>> {
  return s.page.$$eval('#this-week section.week-list', (sections) =>
    sections.map((sec) => ({
      id: sec.getAttribute('data-list') ?? '',
      title: sec.querySelector('h3')?.textContent ?? '',
      entries: Array.from(sec.querySelectorAll('button.who')).map((b) => [b.getAttribute('data-key') ?? '', b.querySelector('.name')?.textContent ?? '', b.querySelector('.reason')?.textContent ?? '']),
      empty: sec.querySelector('[data-empty]')?.textContent ?? null,
      more: sec.querySelector('[data-more]')?.textContent ?? null,
      note: sec.querySelector('[data-note]')?.textContent ?? null,
    })),
  );
}

async function refreshAndWait(s: SidebarSession): Promise<void> {
  await s.page.locator('#refresh').click();
  await s.page.waitForSelector('#this-week');
  await s.idle();
}

describeInBrowser('今週やること in the sidebar', () => {
  const { open } = useSidebarPages();
  beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

  test('ja: a 12-customer shop gets non-empty lists with reasons, above the funnel; a click selects the customer’s row', async () => {
    const s0 = smallShopSheets();
    const server = sidebarServer({ locale: 'ja_JP', now: SMALL_SHOP_NOW, sheets: { 注文: s0.Orders, 顧客: s0.Customers } });
    const s = await open(server.backend, { locale: 'ja-JP', height: 900 });
    await s.page.locator('#refresh').waitFor();
    // Before any refresh there is nothing to list.
    expect(await s.page.locator('#this-week').count()).toBe(0);
    await refreshAndWait(s);

    expect(await s.page.locator('#this-week h2').textContent()).toBe('今週やること(2026/11/30〜2026/12/06)');
    const shown = await lists(s);
    expect(shown.map((l) => [l.id, l.title])).toEqual([
      ['buySoon', 'そろそろ購入の時期の方(目安) 4人'],
      ['winBack', '呼び戻したい方(目安) 2人'],
      ['birthdays', '7日以内に誕生日の方 1人'],
      ['newVips', '新しくVIPになった方(お礼を) 0人'],
      ['movedUp', 'ステージが上がった方(お祝いを) 0人'],
    ]);
    expect(shown[0]!.entries[0]).toEqual(['S01', '山田 花子', 'いつも約42日ごとに購入・前回から38日(目安まであと4日)']);
    expect(shown[0]!.entries[2]).toEqual(['S07', '渡辺 六花', 'この店のお客様は約36日ごとに購入・前回から30日(目安まであと6日)']);
    // Labelled as a rule of thumb, not a prediction, with why.
    expect(shown[0]!.note).toMatch(/^購入の間隔から出した目安です\(予測ではありません\)。予測に必要なデータが足りません/);
    expect(shown[1]!.entries.map((e) => e[0])).toEqual(['S03', 'S04']);
    // Said once: win back shares buy soon's note.
    expect(shown[1]!.note).toBeNull();
    expect(shown[2]!.entries).toEqual([['S01', '山田 花子', '2026/12/02 が誕生日(あと2日)']]);
    expect(shown[3]!.empty).toBe('前回の更新の記録がまだないため比べられません。別の日にもう一度更新すると表示します。');
    // At the top: the box comes before the funnel chart.
    const order = await s.page.evaluate(() => {
      const box = document.querySelector('#this-week')!;
      const chart = document.querySelector('svg.funnel')!;
      return box.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await s.page.screenshot({ path: join(ARTIFACTS, 'sidebar-this-week-ja.png'), fullPage: true });

    // A click on 鈴木 次郎 (win back): the Customers tab is active, his row selected.
    await s.page.locator('#this-week [data-list="winBack"] button[data-key="S03"]').click();
    await s.idle();
    const tab = server.env.sheet('顧客ステージ');
    const row = (tab.values as unknown[][]).findIndex((r) => r[0] === 'S03') + 1;
    expect(row).toBeGreaterThan(2);
    expect(tab.active).toBe(true);
    expect(tab.activeRange).toMatch(new RegExp(`^A${row}:[A-Z]+${row}$`));
    expect((tab.values as unknown[][])[row - 1]!.slice(0, 2)).toEqual(['S03', '鈴木 次郎']);
    expect(await s.page.locator('[data-notice="select"]').count()).toBe(0);
  });

  test('en: the same shop in English; a customer whose row is gone says so', async () => {
    const s0 = smallShopSheets();
    const server = sidebarServer({ locale: 'en_US', now: SMALL_SHOP_NOW, sheets: { 'Orders export': s0.Orders, 'Customer list': s0.Customers } });
    const s = await open(server.backend, { locale: 'en-US', height: 900 });
    await s.page.locator('#refresh').waitFor();
    await refreshAndWait(s);

    expect(await s.page.locator('#this-week h2').textContent()).toBe('This week (2026/11/30–2026/12/06)');
    const shown = await lists(s);
    expect(shown.map((l) => l.title)).toEqual([
      'Due to buy again (rule of thumb) 4',
      'Worth winning back (rule of thumb) 2',
      'Birthdays in the next 7 days 1',
      'New VIPs to thank 0',
      'Moved up a stage (to congratulate) 0',
    ]);
    expect(shown[0]!.entries[1]).toEqual(['S02', '佐藤 一郎', 'Usually buys every ~30 days; last bought 35 days ago (5 days past due)']);
    expect(shown[0]!.note).toMatch(/^A rule of thumb from the intervals between purchases, not a prediction\. Not enough data to predict/);
    expect(shown[1]!.entries[0]).toEqual(['S03', '鈴木 次郎', 'Usually buys every ~20 days; last bought 160 days ago (8.0× the usual interval); ¥12,000 so far']);
    expect(shown[4]!.empty).toBe('There is no earlier refresh to compare with yet. Refresh again on another day to see this list.');
    await s.page.screenshot({ path: join(ARTIFACTS, 'sidebar-this-week-en.png'), fullPage: true });

    // The owner deleted rows of the Customers tab since (all but its last, the smallest customer):
    // the click says so instead of selecting nothing silently.
    const customers = server.env.globals.SpreadsheetApp.getActive().getSheetByName('Customers')!;
    customers.deleteRows(3, customers.getLastRow() - 3);
    expect(customers.getRange(3, 1).getValue()).not.toBe('S01');
    await s.page.locator('#this-week [data-list="buySoon"] button[data-key="S01"]').click();
    await s.page.waitForSelector('[data-notice="select"]');
    expect(await s.page.locator('[data-notice="select"]').textContent()).toBe('S01 is not in the “Customers” tab. Refresh, then choose again.');
  });
});
