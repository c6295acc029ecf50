/**
 * The refresh (SPEC §6) as Apps Script runs it: the built bundle on the in-memory Sheets, started
 * by the menu, the sidebar's server function and the time trigger.
 */
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { FakeRange } from '../../emulator/spreadsheet/range';
import { loadFixture } from '../support/fixtures';
import { pick } from '../support/tables';
import { NOTICE_ROWS } from '../../src/core/grid';
import { METADATA_KEYS, PROPERTY_KEYS } from '../../src/gas/keys';
import type { RefreshOutcome } from '../../src/gas/refresh';

const JST_9AM = (iso: string) => Date.parse(`${iso}T09:00:00+09:00`);

const japanese = [
  ['注文番号', '注文日時', '顧客ID', '氏名', 'メールアドレス', '商品名', '合計金額', '注文ステータス', '定期購入'],
  ['1001', '2024/06/01 10:00', 'C001', '山田 花子', 'hanako@example.jp', '煎茶', '¥12,800', '発送済み', '定期'],
  ['1001', '', '', '', '', '湯呑み', '', '', ''],
  ['1002', '2024/06/20 10:00', 'C001', '山田 花子', 'hanako@example.jp', '煎茶', 70000, '発送済み', '定期'],
  ['1003', '2024/06/25 10:00', 'C002', '鈴木 次郎', 'jiro@example.jp', '玉露', 5000, '発送済み', ''],
  ['1004', '2024/02/01 10:00', 'C003', '佐藤 三郎', 'saburo@example.jp', '番茶', 3000, '発送済み', ''],
  ['1005', '2024/06/26 10:00', 'C004', '=HYPERLINK("http://evil","x")', 'x@example.jp', '煎茶', 4000, 'キャンセル', ''],
  ['1006', 'いつか', 'C005', '伊藤', 'ito@example.jp', '煎茶', 4000, '発送済み', ''],
];
const customers = [
  ['顧客ID', '氏名', 'LINE登録', '定期課金', 'ポジティブ反応回数'],
  ['C001', '山田 花子', '○', '○', 3],
  ['C002', '鈴木 次郎', '○', '×', 0],
  ['C003', '佐藤 三郎', '○', '×', 1],
];

function workbook(sheets: Record<string, unknown[][]>, locale = 'ja_JP', now = JST_9AM('2024-06-30')): LoadedBundle {
  return loadBundle({ locale, sheets, now });
}

const refresh = (b: LoadedBundle) => b.env.call('refreshFromMenu');
const outcome = (b: LoadedBundle): RefreshOutcome => JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.lastRefresh)!);
const rows = (b: LoadedBundle, sheet: string) => b.env.sheet(sheet).values as unknown[][];
/** A tab's own content, under the line saying it is rewritten at each refresh. */
const table = (b: LoadedBundle, sheet: string) => rows(b, sheet).slice(NOTICE_ROWS);
const row = (b: LoadedBundle, sheet: string, first: unknown) => rows(b, sheet).find((r) => r[0] === first);

describe('refresh on the in-memory Sheets', () => {
  test('a Japanese layout with a customers sheet: the four tabs, in Japanese, marked as ours', () => {
    const b = workbook({ 注文: japanese, 顧客: customers });
    refresh(b);
    const o = outcome(b);
    expect(o.ok).toBe(true);
    expect(o.cause).toBe('menu');
    expect(o.sources).toEqual({ orders: '注文', customers: '顧客' });
    expect(b.env.sheetNames()).toEqual(['注文', '顧客', 'ファンファネル', '顧客ステージ', 'VIP', '履歴']);
    // C001: registered, subscribed, 2 purchases, 10 days, 3 reactions → パートナー.
    expect(row(b, 'ファンファネル', 'パートナー')!.slice(0, 4)).toEqual(['パートナー', 1, 1 / 3, 82800]);
    expect(row(b, '顧客ステージ', 'C001')!.slice(0, 5)).toEqual(['C001', '山田 花子', 'パートナー', 2, 82800]);
    expect(row(b, '顧客ステージ', 'C003')![2]).toBe('一時離脱');
    expect(table(b, 'VIP')[1]!.slice(1, 4)).toEqual(['C001', '山田 花子', 82800]);
    expect(table(b, 'VIP')[1]![8]).toBe('山田 花子様、累計82,800円のご愛顧に心から感謝します');
    // The skipped row is reported with its row number; the input sheets are untouched.
    expect(o.skipped).toEqual([{ range: 'orders', row: 8, reason: 'date', value: 'いつか' }]);
    expect(rows(b, '注文')).toEqual(japanese);
    // Formats: yen, percent, dates.
    const funnel = b.env.sheet('ファンファネル');
    const r = rows(b, 'ファンファネル').findIndex((x) => x[0] === 'パートナー');
    expect(funnel.numberFormats[r]!.slice(1, 4)).toEqual(['#,##0', '0.0%', '"¥"#,##0']);
    expect(funnel.charts).toHaveLength(1);
  });

  test('Shopify and BASE exports, detected by their headers', () => {
    for (const [file, name] of [
      ['shopify-orders.csv', 'orders_export'],
      ['base-orders.csv', 'BASE注文'],
    ] as const) {
      const b = workbook({ [name]: loadFixture(file) }, 'en_US', JST_9AM('2025-12-31'));
      refresh(b);
      const o = outcome(b);
      expect(o.ok).toBe(true);
      expect(o.sources).toEqual({ orders: name });
      const total = row(b, 'Fan Funnel', 'Total')!;
      const customersTab = table(b, 'Customers').slice(1);
      expect(total[1]).toBe(customersTab.length);
      expect(customersTab.length).toBeGreaterThan(2);
      expect(o.counts && Object.values(o.counts).reduce((x, y) => x + y, 0)).toBe(customersTab.length);
    }
  });

  test('the orders read in one batch (its header row, then its rows), one write per output sheet (100,000 orders)', () => {
    const orders: unknown[][] = [['Order ID', 'Customer ID', 'Order date', 'Total']];
    for (let i = 0; i < 100_000; i++) orders.push([`#${i}`, `C${i % 9000}`, new Date(Date.UTC(2024, 0, 1) + (i % 500) * 86_400_000), 1000 + (i % 50) * 100]);
    const b = workbook({ Orders: orders }, 'en_US', JST_9AM('2025-06-01'));
    b.env.io.reset();
    refresh(b);
    expect(outcome(b).ok).toBe(true);
    expect(b.env.io.events.filter((e) => e.kind === 'read' && e.sheet === 'Orders').map((e) => e.a1)).toEqual(['A1:D1', 'A2:D100001']);
    for (const tab of ['Fan Funnel', 'Customers', 'VIP', 'History']) expect(b.env.io.writes(tab)).toBe(1);
    expect(table(b, 'Customers')).toHaveLength(9001);
  });

  test('a daily refresh rewrites only the number formats not already in place; after one that did not end well, all of them', () => {
    const day = 86_400_000;
    // Keys that look like numbers ('0012'): their column must stay plain text.
    const order = (i: number, customer: number): unknown[] => [`#${i}`, String(customer).padStart(4, '0'), new Date(Date.UTC(2024, 0, 1) + (i % 170) * day), 1000 + (i % 13) * 100];
    const first = [['Order ID', 'Customer ID', 'Order date', 'Total'], ...Array.from({ length: 600 }, (_, i) => order(i, i % 150))];
    // Later orders, of 150 new customers.
    const later = Array.from({ length: 300 }, (_, k) => order(600 + k, 150 + (k % 150)));
    const TABS = ['Fan Funnel', 'Customers', 'VIP', 'History'];
    const shown = (b: LoadedBundle) => TABS.map((t) => b.env.spreadsheet.getSheetByName(t)!.getDataRange().getDisplayValues());
    /** The rows (1-based, per tab) a refresh sets number formats on. */
    const formatted = (b: LoadedBundle): Record<string, number[]> => {
      const proto = FakeRange.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
      const originals = { one: proto.setNumberFormat!, all: proto.setNumberFormats! };
      const out: Record<string, number[]> = {};
      const note = (r: FakeRange) => {
        const rows = (out[r._sheet.name] ??= []);
        for (let i = 0; i < r._numRows; i++) if (!rows.includes(r._row + i)) rows.push(r._row + i);
      };
      proto.setNumberFormat = function (this: FakeRange, ...a: unknown[]) {
        note(this);
        return originals.one.apply(this, a);
      };
      proto.setNumberFormats = function (this: FakeRange, ...a: unknown[]) {
        note(this);
        return originals.all.apply(this, a);
      };
      try {
        refresh(b);
      } finally {
        proto.setNumberFormat = originals.one;
        proto.setNumberFormats = originals.all;
      }
      for (const rows of Object.values(out)) rows.sort((x, y) => x - y);
      return out;
    };
    const b = workbook({ Orders: first }, 'en_US', JST_9AM('2024-06-30'));
    refresh(b);
    const historyRow = () => rows(b, 'History').filter((r) => r[0] !== '').length;
    // The next day the funnel tab gains its "since the last snapshot" sections (a new layout)…
    b.env.clock.advance(day);
    expect(Object.keys(formatted(b))).toContain('Fan Funnel');
    // …and the day after, the same orders: only History's new snapshot row gets formats.
    b.env.clock.advance(day);
    expect(formatted(b)).toEqual({ History: [historyRow()] });
    expect(outcome(b).ok).toBe(true);
    // New customers: the Customers tab grows, and only its new rows get their formats.
    const before = table(b, 'Customers').length;
    b.env.setValues('Orders', later, { row: 602 });
    b.env.clock.advance(day);
    const grown = formatted(b);
    expect(table(b, 'Customers').length).toBeGreaterThan(before);
    expect(grown.Customers![0]).toBe(NOTICE_ROWS + before + 1);
    // Customers and VIP show as the same refresh shows them on a spreadsheet that never had the
    // tabs — keys that look like numbers ('0012') stayed text.
    const fresh = workbook({ Orders: [...first, ...later] }, 'en_US', JST_9AM('2024-07-03'));
    refresh(fresh);
    expect(shown(b).slice(1, 3)).toEqual(shown(fresh).slice(1, 3));
    expect(row(b, 'Customers', '0012')).toBeDefined();
    // A refresh stopped half-way (its run record left behind): the formats are not trusted, all rewritten.
    b.env.properties.document.map.set(PROPERTY_KEYS.refreshRun, JSON.stringify({ startedAt: new Date().toISOString(), cause: 'trigger', lang: 'en', phase: 'writing', written: [], names: {} }));
    const again = formatted(b).Customers!;
    expect(outcome(b).ok).toBe(true);
    // Every row under the header (and the header, with a whole-tab write).
    expect(again.filter((r) => r > 1 + NOTICE_ROWS)).toHaveLength(table(b, 'Customers').length - 1);
  });

  test('of a wide export only the columns the add-on reads are read (issue 10: reading is most of a large refresh)', () => {
    // Columns a shop exports and the add-on never reads: product, quantity, a note, shipping address.
    const header = ['Order ID', 'Product', 'Customer ID', 'Note', 'Address', 'Order date', 'Total', 'Memo'];
    const rows: unknown[][] = [header];
    for (let i = 0; i < 2_000; i++) rows.push([`#${i}`, `item ${i % 7}`, `C${i % 300}`, 'gift', `Tokyo ${i}`, new Date(Date.UTC(2024, 0, 1) + (i % 300) * 86_400_000), 1000 + (i % 9) * 100, '']);
    const narrow = rows.map((r) => [r[0], r[2], r[5], r[6]]);
    const wide = workbook({ Orders: rows }, 'en_US', JST_9AM('2025-06-01'));
    const plain = workbook({ Orders: narrow }, 'en_US', JST_9AM('2025-06-01'));
    for (const b of [wide, plain]) {
      b.env.io.reset();
      refresh(b);
      expect(outcome(b).ok).toBe(true);
    }
    // The header whole; then order ID (A), customer (C), date and total (F:G) — never B, D, E or H.
    expect(wide.env.io.events.filter((e) => e.kind === 'read' && e.sheet === 'Orders').map((e) => e.a1)).toEqual(['A1:H1', 'A2:A2001', 'C2:C2001', 'F2:G2001']);
    expect(wide.env.cost.last!.breakdown.cellsRead).toBe(8 + 2_000 * 4);
    // And the tabs are those of the same orders without the other columns.
    for (const tab of ['Customers', 'VIP']) expect(table(wide, tab)).toEqual(table(plain, tab));
    expect(row(wide, 'Fan Funnel', 'Total')).toEqual(row(plain, 'Fan Funnel', 'Total'));
  });

  test('two refreshes on different days: the transition matrix and the changes', () => {
    const b = workbook({ 注文: japanese, 顧客: customers }, 'en_US', JST_9AM('2024-06-30'));
    refresh(b);
    // A week later C002 buys again: Visitor → Follower.
    b.env.setValues('注文', [['1007', '2024/07/03 10:00', 'C002', '鈴木 次郎', 'jiro@example.jp', '玉露', 5000, '発送済み', '']], { row: japanese.length + 1 });
    b.env.clock.set(JST_9AM('2024-07-07'));
    refresh(b);
    const f = rows(b, 'Fan Funnel');
    expect(f.some((r) => r[0] === 'Stage transitions since 2024/06/30')).toBe(true);
    const target = f.find((r) => r[0] === '' && r[1] === 'Visitor' && r[2] === 'Follower')!;
    expect(target.slice(3, 6)).toEqual([1, 1, 1]);
    expect(row(b, 'Fan Funnel', 'Follower')![6]).toBe(1);
    expect(rows(b, 'History').filter((r) => r[0] instanceof Date || Object.prototype.toString.call(r[0]) === '[object Date]')).toHaveLength(2);
  });

  test('refreshing twice the same day leaves the tabs as they were (but the refresh time)', () => {
    const b = workbook({ 注文: japanese, 顧客: customers }, 'en_US');
    refresh(b);
    const before = ['Customers', 'VIP', 'History'].map((t) => rows(b, t).map((r) => r.filter((c) => !(c instanceof Date))));
    b.env.clock.set(JST_9AM('2024-06-30') + 3_600_000);
    refresh(b);
    const after = ['Customers', 'VIP', 'History'].map((t) => rows(b, t).map((r) => r.filter((c) => !(c instanceof Date))));
    expect(after).toEqual(before);
    expect(b.env.sheetNames()).toEqual(['注文', '顧客', 'Fan Funnel', 'Customers', 'VIP', 'History']);
  });

  test('a second refresh while one runs answers busy and writes nothing', () => {
    const b = workbook({ 注文: japanese });
    b.env.locks.document.holdByOther();
    const result = b.env.call('refreshFromSidebar') as { outcome: RefreshOutcome };
    expect(result.outcome).toMatchObject({ ok: false, busy: true, cause: 'sidebar' });
    expect(b.env.sheetNames()).toEqual(['注文']);
    b.env.locks.document.release();
    expect((b.env.call('refreshFromSidebar') as { outcome: RefreshOutcome }).outcome.ok).toBe(true);
  });

  test('a user’s own "VIP" sheet is never touched: the add-on picks another name', () => {
    const mine = [['私のVIPメモ'], ['大事なお客さま']];
    const b = workbook({ 注文: japanese, VIP: mine });
    refresh(b);
    refresh(b);
    expect(rows(b, 'VIP')).toEqual(mine);
    expect(b.env.sheetNames()).toEqual(['注文', 'VIP', 'ファンファネル', '顧客ステージ', 'VIP (Fan Funnel)', '履歴']);
    expect(table(b, 'VIP (Fan Funnel)')[0]![0]).toBe('順位');
  });

  test('the owner’s copy of a tab (its metadata copied with it) is never written over', () => {
    const b = workbook({ 注文: japanese });
    refresh(b);
    // Sheets copies developer metadata when a sheet is duplicated: a copy placed before the tab.
    const ss = b.env.globals.SpreadsheetApp.getActive();
    b.env.run(() => {
      const copy = ss.insertSheet('VIP のコピー', 1);
      copy.getRange(1, 1, 1, 2).setValues([['私のメモ', 'VIPの控え']]);
      copy.addDeveloperMetadata(METADATA_KEYS.tab, 'vip');
    });
    b.env.clock.set(JST_9AM('2024-07-01'));
    refresh(b);
    expect(outcome(b).ok).toBe(true);
    expect(rows(b, 'VIP のコピー')).toEqual([['私のメモ', 'VIPの控え']]);
    expect(table(b, 'VIP')[0]).toContain('順位');
  });

  test('text that would be a formula is written as text', () => {
    const orders = [
      ['顧客ID', '注文日', '合計金額', '氏名'],
      ['=1+1', '2024/06/01', 100_000, '@SUM(A1)'],
      ['+81', '2024/06/02', 90_000, '-田中'],
    ];
    const b = workbook({ 注文: orders });
    refresh(b);
    const customersTab = b.env.sheet('顧客ステージ');
    expect(customersTab.formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(pick(table(b, '顧客ステージ'), 'customer', 'name')).toEqual([
      ['=1+1', '@SUM(A1)'],
      ['+81', '-田中'],
    ]);
  });

  test('a failure half-way leaves the previous tabs intact and records the error', () => {
    const b = workbook({ 注文: japanese }, 'en_US');
    b.env.properties.document.map.set(PROPERTY_KEYS.settings, JSON.stringify({ sources: { orders: '注文' } }));
    refresh(b);
    const before = b.env.sheetNames().map((n) => [n, rows(b, n)]);
    // The orders sheet loses its amount column: the refresh fails before writing anything.
    b.env.setValues('注文', [['注文番号', '注文日時', '顧客ID', '氏名', 'メールアドレス', '商品名', 'メモ']]);
    b.env.clock.set(JST_9AM('2024-07-01'));
    refresh(b);
    const o = outcome(b);
    expect(o.ok).toBe(false);
    expect(o.error).toMatch(/missing a column for: amount\. Headers seen: "注文番号", "注文日時"/);
    expect(b.env.sheetNames().map((n) => [n, n === '注文' ? before[0]![1] : rows(b, n)])).toEqual(before);
  });

  test('no scratch sheet is ever made: the tabs are written in place (issue 10: no copy doubles the footprint)', () => {
    const b = workbook({ 注文: japanese }, 'en_US');
    refresh(b);
    b.env.clock.set(JST_9AM('2024-07-01'));
    const added: string[] = [];
    const addSheet = b.env.book.addSheet.bind(b.env.book);
    b.env.book.addSheet = (...args: Parameters<typeof addSheet>) => {
      added.push(args[0]);
      return addSheet(...args);
    };
    refresh(b);
    expect(outcome(b).ok).toBe(true);
    expect(added).toEqual([]);
    expect(b.env.sheetNames()).toEqual(['注文', 'Fan Funnel', 'Customers', 'VIP', 'History']);
  });
});

describe('menu and trigger (SPEC §6–§7)', () => {
  test('onOpen in AuthMode.NONE only adds the menu; the menu items run', () => {
    const b = workbook({ 注文: japanese });
    b.env.open({ authMode: 'NONE' });
    expect(b.env.ui.menus.at(-1)).toBeDefined();
    expect(b.env.sheetNames()).toEqual(['注文']);
    expect(b.env.properties.document.map.size).toBe(0);
  });

  test('automatic refresh: one daily trigger at the chosen hour, replaced when changed, removed when off', () => {
    const b = workbook({ 注文: japanese });
    const save = (autoRefresh: unknown) => {
      const state = b.env.call('getSidebarState') as { settings: Record<string, unknown> };
      return b.env.call('saveSettings', { ...state.settings, autoRefresh }) as { ok: boolean };
    };
    expect(save({ enabled: true, every: 'day', hour: 7 }).ok).toBe(true);
    let triggers = b.env.triggers.list();
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'onAutoRefresh', eventType: 'CLOCK' });
    expect(save({ enabled: true, every: 'hour' }).ok).toBe(true);
    triggers = b.env.triggers.list();
    expect(triggers).toHaveLength(1);
    // The trigger's run records its outcome like a click does.
    b.env.triggers.fire(triggers[0]!);
    expect(outcome(b)).toMatchObject({ ok: true, cause: 'trigger' });
    expect(save({ enabled: false }).ok).toBe(true);
    expect(b.env.triggers.list()).toHaveLength(0);
    expect(save({ enabled: true, every: 'day', hour: 25 }).ok).toBe(false);
    expect(b.env.triggers.list()).toHaveLength(0);
  });

  test('without an orders sheet, the error says what the likeliest sheet lacks', () => {
    const b = workbook({ メモ: [['顧客ID', '日付', '商品名'], ['C1', '2024/1/1', '煎茶']] }, 'en_US');
    refresh(b);
    expect(outcome(b).error).toBe('No orders sheet found. "メモ": The orders range is missing a column for: amount. Headers seen: "顧客ID", "日付", "商品名"');
    expect(b.env.sheetNames()).toEqual(['メモ']);
  });
});
