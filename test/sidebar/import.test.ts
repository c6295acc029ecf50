/**
 * The sidebar's 取り込む section in Debian's chromium (issue 13), its calls answered by the built
 * bundle on the in-memory Sheets: a 楽天 export in CP932 (encoded by iconv-lite, decoded by the
 * browser's own TextDecoder) chosen through the real file input, previewed, imported in chunks
 * with the progress bar moving; the same file again changes nothing; an overlapping newer export
 * adds only its new orders; then the offered refresh reads the imported sheet.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../emulator/project';
import { sidebarServer } from '../../emulator/scriptRun';
import type { RefreshOutcome } from '../../src/gas/refresh';
import type { SidebarState } from '../../src/gas/sidebarApi';
import { sampleShopSheets } from '../support/sampleSheets';
import { IMPORT_LIMITS } from '../../src/core/imports';
import { CP932_NAMES, cp932Csv, rakutenExport } from '../support/importFiles';
import { describeInBrowser, useSidebarPages, type SidebarSession } from '../support/sidebarPage';

const NOW = Date.parse('2026-11-30T00:00:00Z');
const SHEET = '注文データ(楽天 RMS)';

async function choose(s: SidebarSession, name: string, buffer: Buffer): Promise<void> {
  await s.page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

/** The preview card's figure for one fact (data-new, data-existing…). */
async function fact(s: SidebarSession, file: string, name: string): Promise<string> {
  return ((await s.page.locator(`[data-file="${file}"] [data-${name}] dd`).textContent()) ?? '').trim();
}

const ARTIFACTS = join(projectRoot(), 'test-artifacts');

const appends = (s: SidebarSession): number => s.calls.filter((c) => c.name === 'appendImportRows').length;

describeInBrowser('import in the sidebar', () => {
  const { open } = useSidebarPages();
  beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

  test('a CP932 export through the real page: preview, chunks with a progress bar, the same file again, an overlapping newer one, then refresh', async () => {
    const server = sidebarServer({ locale: 'ja_JP', now: NOW });
    const s = await open(server.backend, { locale: 'ja-JP', latencyMs: 250 });
    await s.page.locator('[data-import] h2').waitFor();
    expect(await s.page.locator('[data-import] h2').textContent()).toBe('注文CSVの取り込み');

    // 1,200 orders: more than one chunk of 50,000 cells.
    const first = rakutenExport(0, 1200);
    const bytes1 = cp932Csv(first);
    expect(first.rows.length * first.header.length).toBeGreaterThan(IMPORT_LIMITS.chunkCells);
    await choose(s, '楽天_2025上期.csv', bytes1);
    await s.page.locator('[data-file="楽天_2025上期.csv"]').waitFor();
    const newOrders = first.priced.length;
    expect(await fact(s, '楽天_2025上期.csv', 'platform')).toBe('楽天 RMS');
    expect(await fact(s, '楽天_2025上期.csv', 'encoding')).toBe('Shift_JIS (CP932)');
    expect(await fact(s, '楽天_2025上期.csv', 'rows')).toBe(`${first.rows.length.toLocaleString('ja-JP')}行`);
    expect(await fact(s, '楽天_2025上期.csv', 'period')).toBe(`${first.firstDay.replace(/-/g, '/')} 〜 ${first.lastDay.replace(/-/g, '/')}`);
    expect(await fact(s, '楽天_2025上期.csv', 'new')).toBe(`${newOrders.toLocaleString('ja-JP')}件`);
    expect(await fact(s, '楽天_2025上期.csv', 'existing')).toBe('0件');
    expect(await fact(s, '楽天_2025上期.csv', 'target')).toBe(`${SHEET}(新しく作るシート)`);
    // The unpriced orders (-99999) are listed by the line of the file they are on.
    const unreadable = s.page.locator('[data-notice="import-unreadable"]');
    expect(await unreadable.locator('summary').textContent()).toBe(`読めない行: ${first.unpriced.length}行(その注文は取り込みません)`);
    const firstUnpricedLine = first.rows.findIndex((r) => r[0] === first.unpriced[0]) + 2; // line 1 is the header
    expect(await unreadable.locator('li[data-line]').first().textContent()).toBe(`${firstUnpricedLine}行目 金額を読めません`);
    await s.page.screenshot({ path: join(ARTIFACTS, 'import-preview.png'), fullPage: true });
    // Nothing written yet.
    expect(server.env.sheetNames()).toEqual(['シート1']);
    expect(appends(s)).toBe(0);

    await s.page.locator('#import-confirm').click();
    const bar = s.page.locator('#import-progress');
    await bar.waitFor();
    expect(await bar.getAttribute('max')).toBe(String(newOrders));
    // The bar moves: part-way after the first chunk, before the last.
    await s.page.waitForFunction(() => {
      const p = document.querySelector<HTMLProgressElement>('#import-progress');
      return p !== null && p.value > 0 && p.value < p.max;
    });
    expect(await s.page.locator('#import-stop').isEnabled()).toBe(true);
    await s.page.screenshot({ path: join(ARTIFACTS, 'import-progress.png'), animations: 'disabled' });
    await s.page.locator('[data-notice="import-done"]').waitFor();
    expect(appends(s)).toBeGreaterThanOrEqual(2);
    expect(await s.page.locator('[data-notice="import-done"]').textContent()).toBe(`「${SHEET}」に${newOrders.toLocaleString('ja-JP')}件の注文を追加しました。`);
    const sheetAfterFirst = server.env.sheet(SHEET).values;
    expect(new Set(sheetAfterFirst.slice(1).map((r) => r[0])).size).toBe(newOrders);
    expect([sheetAfterFirst[1]![first.header.indexOf('注文者姓')], sheetAfterFirst[1]![first.header.indexOf('注文者名')]]).toEqual([CP932_NAMES.family, CP932_NAMES.given]);

    await s.page.screenshot({ path: join(ARTIFACTS, 'import-done.png'), fullPage: true });

    // The same file again: all there, no button to import, nothing sent.
    const appendsBefore = appends(s);
    await choose(s, '楽天_2025上期.csv', bytes1);
    await s.page.locator('[data-file="楽天_2025上期.csv"]').waitFor();
    expect(await fact(s, '楽天_2025上期.csv', 'new')).toBe('0件');
    expect(await fact(s, '楽天_2025上期.csv', 'existing')).toBe(`${newOrders.toLocaleString('ja-JP')}件`);
    expect(await fact(s, '楽天_2025上期.csv', 'target')).toBe(SHEET);
    expect(await s.page.locator('[data-notice="import-nothing-new"]').textContent()).toBe('新しい注文はありません。シートはそのままです。');
    expect(await s.page.locator('#import-confirm').count()).toBe(0);
    await s.page.locator('#import-discard').click();
    expect(appends(s)).toBe(appendsBefore);
    expect(server.env.sheet(SHEET).values).toEqual(sheetAfterFirst);

    // A newer export that overlaps the first: orders 1,100–1,299.
    const second = rakutenExport(1100, 1300);
    const added = second.priced.filter((id) => !first.ids.includes(id));
    const overlap = second.priced.length - added.length;
    await choose(s, '楽天_2025下期.csv', cp932Csv(second));
    await s.page.locator('[data-file="楽天_2025下期.csv"]').waitFor();
    expect(await fact(s, '楽天_2025下期.csv', 'new')).toBe(`${added.length}件`);
    expect(await fact(s, '楽天_2025下期.csv', 'existing')).toBe(`${overlap}件`);
    expect(await s.page.locator('#import-confirm').textContent()).toBe(`${added.length}件の注文を取り込む`);
    await s.page.locator('#import-confirm').click();
    await s.page.locator('[data-notice="import-done"]').waitFor();
    expect(await s.page.locator('[data-notice="import-done"]').textContent()).toBe(`「${SHEET}」に${added.length}件の注文を追加しました。`);
    const ids = server.env.sheet(SHEET).values.slice(1).map((r) => r[0]);
    expect([...new Set(ids)]).toEqual([...first.priced, ...added]);
    expect(server.env.sheet(SHEET).values.slice(0, sheetAfterFirst.length)).toEqual(sheetAfterFirst);

    // The offer to refresh at once: the refresh finds the imported sheet.
    await s.page.locator('#import-refresh').click();
    await s.page.locator('svg.funnel').waitFor();
    await s.idle();
    const refresh = [...s.calls].reverse().find((c) => c.name === 'refreshFromSidebar');
    expect(refresh?.ok).toBe(true);
    expect((refresh!.result as { outcome: RefreshOutcome }).outcome).toMatchObject({ ok: true, sources: { orders: SHEET } });
  }, 120_000);

  test('a chunk that fails stops the import and says where; Stop stops after the write in progress; whole orders only either way', async () => {
    const e = rakutenExport(0, 1500); // several chunks
    const bytes = cp932Csv(e);
    let failNext = true;
    const server = sidebarServer({ locale: 'en_US', now: NOW });
    const s = await open(server.backend, {
      locale: 'en-US',
      latencyMs: 300,
      failWith: (name) => {
        if (name !== 'appendImportRows' || appends(s) < 1 || !failNext) return undefined;
        failNext = false;
        return 'Exceeded maximum execution time';
      },
    });
    await s.page.locator('[data-import] h2').waitFor();
    await choose(s, 'all.csv', bytes);
    await s.page.locator('#import-confirm').click();
    const failed = s.page.locator('[data-notice="import-failed"]');
    await failed.waitFor();
    const name = 'Orders (楽天 RMS)';
    const written = new Set(server.env.sheet(name).values.slice(1).map((r) => r[0])).size;
    expect(written).toBeGreaterThan(0);
    expect(await failed.locator('p').allTextContents()).toEqual([
      expect.stringMatching(/^Stopped at write 2 of \d+ \(lines \d+–\d+ of the file\): Exceeded maximum execution time$/),
      `The ${written.toLocaleString('en-US')} orders added before it stay, whole orders only. Import again to add only the rest.`,
    ]);
    expect([...new Set(server.env.sheet(name).values.slice(1).map((r) => r[0]))]).toEqual(e.priced.slice(0, written));

    // Again: only the rest is new. Start, then Stop after the first write.
    await choose(s, 'all.csv', bytes);
    await s.page.locator('[data-file="all.csv"]').waitFor();
    expect(await fact(s, 'all.csv', 'new')).toBe((e.priced.length - written).toLocaleString('en-US'));
    await s.page.locator('#import-confirm').click();
    await s.page.locator('#import-stop').click();
    await s.page.locator('[data-notice="import-stopped"]').waitFor();
    const after = new Set(server.env.sheet(name).values.slice(1).map((r) => r[0])).size;
    expect(after).toBeGreaterThan(written);
    expect(after).toBeLessThan(e.priced.length);
    expect(await s.page.locator('[data-notice="import-stopped"]').textContent()).toBe(
      `Import stopped. The ${(after - written).toLocaleString('en-US')} orders added before stay (whole orders only). Import again to add only the rest.`,
    );
    expect([...new Set(server.env.sheet(name).values.slice(1).map((r) => r[0]))]).toEqual(e.priced.slice(0, after));
  }, 120_000);

  test('when the settings read another orders sheet, the sidebar offers to refresh from the imported one (and drops that sheet’s column choices)', async () => {
    const server = sidebarServer({ locale: 'en_US', now: NOW, sheets: sampleShopSheets(40) });
    const state = server.backend.call('getSidebarState', []) as SidebarState;
    const chosen = { ...state.settings, sources: { ...state.settings.sources, orders: 'Orders' }, columns: { orders: { amount: '合計金額' } } };
    expect((server.backend.call('saveSettings', [chosen]) as { ok: boolean }).ok).toBe(true);
    const s = await open(server.backend, { locale: 'en-US' });
    await s.page.locator('[data-import] h2').waitFor();
    await choose(s, 'r.csv', cp932Csv(rakutenExport(0, 30)));
    await s.page.locator('#import-confirm').click();
    await s.page.locator('[data-notice="import-done"]').waitFor();
    const name = 'Orders (楽天 RMS)';
    expect(await s.page.locator('[data-source]').textContent()).toBe('With the current settings, the refresh reads the orders in "Orders".');
    await s.page.locator(`[data-use-sheet="${name}"]`).click();
    await s.page.locator('svg.funnel').waitFor();
    await s.idle();
    const saved = [...s.calls].reverse().find((c) => c.name === 'saveSettings')!;
    expect(saved.args[0]).toMatchObject({ sources: { orders: name } });
    expect((saved.args[0] as SidebarState['settings']).columns).toEqual({});
    const refresh = [...s.calls].reverse().find((c) => c.name === 'refreshFromSidebar')!;
    expect((refresh.result as { outcome: RefreshOutcome }).outcome).toMatchObject({ ok: true, sources: { orders: name } });
  }, 60_000);

  test('a file that is not a CSV, and a CSV with no order header: the reason in the sidebar, nothing written', async () => {
    const server = sidebarServer({ locale: 'en_US', now: NOW });
    const s = await open(server.backend, { locale: 'en-US' });
    await s.page.locator('[data-import] h2').waitFor();
    await s.page.locator('#import-file').setInputFiles([
      { name: 'orders.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array<number>(26).fill(0), ...Buffer.from('[Content_Types].xml')]) },
      { name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from('question,answer\r\nwhy,because\r\n') },
      { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
    ]);
    const notices = s.page.locator('[data-notice="import-file"]');
    await notices.first().waitFor();
    expect(await notices.allTextContents()).toEqual([
      'orders.xlsx cannot be importedThis is an Excel workbook. Download the CSV from your shop’s admin, or save it from Excel as “CSV UTF-8 (Comma delimited)”, then choose that.Nothing was written to the sheet.',
      expect.stringMatching(/^survey\.csv cannot be importedThe first line is not a header of orders\./),
      'empty.csv cannot be importedThe file is empty.Nothing was written to the sheet.',
    ]);
    expect(appends(s)).toBe(0);
    expect(server.env.sheetNames()).toEqual(['Sheet1']);
  });
});
