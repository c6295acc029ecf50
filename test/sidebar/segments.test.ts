/**
 * セグメント in the sidebar, in Debian's chromium, its server calls answered by the built bundle on
 * the in-memory Sheets (issue 14): the owner chooses who, the count follows, リストを作成 writes the
 * `セグメント: <name>` sheet, and CSVをダウンロード hands the browser a file whose bytes are checked —
 * the BOM of the UTF-8 one, the Shift_JIS bytes of a Japanese name in the other.
 */
import { readFileSync } from 'node:fs';
import { sidebarServer } from '../../emulator/scriptRun';
import { describeInBrowser, useSidebarPages, type SidebarSession } from '../support/sidebarPage';
import { SMALL_SHOP_NOW, smallShopSheets } from '../support/smallShop';

async function download(s: SidebarSession, format: string): Promise<{ name: string; bytes: Buffer }> {
  await s.page.locator('#segment-format').selectOption(format);
  const [file] = await Promise.all([s.page.waitForEvent('download'), s.page.locator('#segment-download').click()]);
  const path = await file.path();
  await s.idle();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describeInBrowser('セグメント in the sidebar', () => {
  const { open } = useSidebarPages();

  test('ja: choose who, see the count, make the list, download it as UTF-8 with BOM and as Shift_JIS', async () => {
    const s0 = smallShopSheets();
    const customers = s0.Customers.map((row, i) => (i === 0 ? [...row, 'メールアドレス'] : [...row, `s${i}@example.jp`]));
    const server = sidebarServer({ locale: 'ja_JP', now: SMALL_SHOP_NOW, sheets: { 注文: s0.Orders, 顧客: customers } });
    const s = await open(server.backend, { locale: 'ja-JP', height: 1400 });
    await s.page.locator('#refresh').click();
    await s.page.waitForSelector('#this-week');
    await s.idle();

    const section = s.page.locator('details[data-section="segments"]');
    expect(await section.locator('summary').textContent()).toBe('セグメント(配信リスト)');
    await section.locator('summary').click();
    // Nothing chosen yet: everyone.
    await s.page.locator('#segment-count [data-count="12"]').waitFor();
    expect(await s.page.locator('#segment-count strong').textContent()).toBe('12人');

    // 呼び戻したい方 with an e-mail: S03 and S04 (test/core/thisWeek.test.ts).
    await section.locator('input[data-group="list"][value="winBack"]').check();
    await section.locator('input[name="seg-email"]').check();
    await s.page.locator('#segment-count [data-count="2"]').waitFor();
    expect(await s.page.locator('#segment-count').textContent()).toContain('2人 リスト: 呼び戻したい方・メールアドレスあり');
    expect(await s.page.locator('#segment-count [data-sample]').textContent()).toBe('鈴木 次郎、高橋 三奈');

    // A stage nobody in that list is at: the count says why it is empty.
    await section.locator('input[data-group="stage"][value="partner"]').check();
    await s.page.locator('#segment-count [data-count="0"]').waitFor();
    // Nobody is a パートナー here (no positive reactions recorded): the stage, checked first, says so.
    expect(await s.page.locator('#segment-count [data-empty]').textContent()).toBe('該当する方がいません: 「ステージ: パートナー」で 12人 → 0人になりました。');
    await section.locator('input[data-group="stage"][value="partner"]').uncheck();
    await s.page.locator('#segment-count [data-count="2"]').waitFor();

    // No name: リストを作成 says what is missing, next to the field.
    await s.page.locator('#segment-make').click();
    await s.idle();
    expect(await section.locator('[data-error-for="name"]').textContent()).toBe('セグメントの名前を入れてください。');

    await section.locator('#seg-name').fill('呼び戻し');
    await s.page.locator('#segment-make').click();
    await s.idle();
    await section.locator('[data-notice="segment-status"]').waitFor();
    expect(await section.locator('[data-notice="segment-status"]').textContent()).toBe('「セグメント: 呼び戻し」に 2人を書きました。更新のたびに書き直します。');
    expect(await section.locator('.saved-segments li').allTextContents()).toEqual(['呼び戻し (セグメント: 呼び戻し)開く削除']);
    const sheet = server.env.sheet('セグメント: 呼び戻し');
    const rows = (sheet.values as unknown[][]).slice(sheet.frozenRows);
    expect(rows.map((r) => r[2])).toEqual(['S03', 'S04']);

    // UTF-8 with a BOM: the bytes begin EF BB BF, and the names are there as UTF-8.
    const utf8 = await download(s, 'utf8');
    expect(utf8.name).toBe('呼び戻し_2026-11-30.csv');
    expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8.bytes.subarray(3).toString('utf8').split('\r\n').slice(0, 3)).toEqual([
      'メールアドレス,氏名,顧客,ステージ,LTV,最終購入日,次回購入予測日,メッセージ',
      // The message (the VIP template by default) holds a comma: quoted, as RFC 4180 asks.
      's3@example.jp,鈴木 次郎,S03,離脱,12000,2026/06/23,,"鈴木 次郎様、累計12,000円のご愛顧に心から感謝します"',
      expect.stringMatching(/^s4@example\.jp,高橋 三奈,S04,/) as unknown as string,
    ]);

    // Shift_JIS: no BOM, 鈴木 as 97 E9 96 D8, 高橋 as 8D 82 8B B4.
    const sjis = await download(s, 'sjis');
    expect(sjis.name).toBe('呼び戻し_2026-11-30_sjis.csv');
    expect(sjis.bytes[0]).not.toBe(0xef);
    expect(sjis.bytes.includes(Buffer.from([0x97, 0xe9, 0x96, 0xd8]))).toBe(true);
    expect(sjis.bytes.includes(Buffer.from([0x8d, 0x82, 0x8b, 0xb4]))).toBe(true);
    // Every character held: no warning.
    expect(await section.locator('[data-notice="segment-status"]').count()).toBe(0);

    // Deleting it deletes its sheet.
    await section.locator('[data-delete="呼び戻し"]').click();
    await s.idle();
    expect(await section.locator('[data-notice="segment-status"]').textContent()).toBe('セグメント「呼び戻し」と、そのシートを削除しました。');
    expect(server.env.spreadsheet.getSheetByName('セグメント: 呼び戻し')).toBeNull();
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
