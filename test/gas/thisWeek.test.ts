/**
 * 今週やること on the in-memory Sheets, through the built bundle (issue 17): the funnel tab's first
 * section and its narrow label column, the lists the sidebar reads back, and a click selecting the
 * customer's row in the Customers tab (Range.activate).
 */
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import { NOTICE_ROWS } from '../../src/core/grid';
import type { SidebarState, Selected } from '../../src/gas/sidebarApi';
import { SMALL_SHOP_NOW, smallShopSheets } from '../support/smallShop';
import { SAMPLE_AS_OF, sampleShopSheets } from '../support/sampleSheets';
import type { ThisWeek } from '../../src/core/thisWeek';
import { PROPERTY_KEYS } from '../../src/gas/keys';
import { PROPERTY_VALUE_CAP, utf8Bytes } from '../../src/gas/properties';
import { fitThisWeek } from '../../src/gas/thisWeekStore';

function smallShop(locale = 'ja_JP'): LoadedBundle {
  const s = smallShopSheets();
  const b = loadBundle({ locale, sheets: { 注文: s.Orders, 顧客: s.Customers }, now: SMALL_SHOP_NOW });
  b.env.call('refreshFromMenu');
  return b;
}

describe('the funnel tab of a 12-customer shop', () => {
  const b = smallShop();
  const funnel = b.env.sheet('ファンファネル');
  const values = funnel.values as unknown[][];
  const rowOf = (first: string) => values.findIndex((r) => r[0] === first);

  test('its first section is 今週やること: right under what was read, each list with its count, entries with reasons', () => {
    const section = rowOf('今週やること(2026/11/30〜2026/12/06)');
    // The notice line, the title, the as-of line, rows read, the reading notes, a blank: then this week.
    expect(section).toBe(NOTICE_ROWS + 5);
    expect(values.slice(section + 1, section + 4).map((r) => r.slice(0, 2))).toEqual([
      ['そろそろ購入の時期の方(目安): 4人', ''],
      ['山田 花子', 'いつも約42日ごとに購入・前回から38日(目安まであと4日)'],
      ['佐藤 一郎', 'いつも約30日ごとに購入・前回から35日(目安を5日過ぎ)'],
    ]);
    // Bold: the section title and each list's title.
    expect(funnel.fontWeights[section]![0]).toBe('bold');
    expect(funnel.fontWeights[section + 1]![0]).toBe('bold');
    expect(funnel.fontWeights[section + 2]![0]).not.toBe('bold');
    // The win-back heading stays, and the empty lists say why.
    expect(rowOf('呼び戻したい方(目安): 2人')).toBeGreaterThan(section);
    const movedUp = rowOf('ステージが上がった方(お祝いを): 0人');
    expect(values[movedUp + 1]![1]).toBe('前回の更新の記録がまだないため比べられません。別の日にもう一度更新すると表示します。');
    expect(movedUp).toBeLessThan(rowOf('ステージ'));
  });

  test('a narrow label column: the stage table (ステージ … 前回比) fits a 1366 px screen with the 300 px sidebar', () => {
    const header = values[rowOf('ステージ')]!;
    expect(header.slice(0, 7)).toEqual(['ステージ', '顧客数', '割合', '売上(LTV計)', '平均LTV', 'NPS', '前回比']);
    const width = (c: number) => funnel.columnWidths[c] ?? 100;
    // Sheets' row numbers (46 px) + the seven columns, within 1366 − 300 (sidebar) − about 66 (scroll bar, margins).
    const stageTable = 46 + [1, 2, 3, 4, 5, 6, 7].reduce((n, c) => n + width(c), 0);
    expect(stageTable).toBeLessThanOrEqual(1000);
    expect(width(1)).toBeLessThanOrEqual(120);
    // The chart sits beside the stage table, to its right.
    expect(funnel.charts[0]!.position).toMatchObject({ anchorRow: rowOf('ステージ') + 1, anchorColumn: 9 });
  });

  test('the VIP tab says why it is empty', () => {
    const vip = b.env.sheet('VIP').values as unknown[][];
    expect(vip[NOTICE_ROWS + 1]![0]).toBe('候補 0人: LTV ¥80,000以上 または 5回以上購入の方がまだいません。');
  });
});

describe('the sidebar’s side', () => {
  test('getSidebarState carries the lists of the last refresh: five at most, the rest counted', () => {
    const b = smallShop();
    const st = b.env.call('getSidebarState') as SidebarState;
    const w = st.thisWeek!;
    expect(w.title).toBe('今週やること(2026/11/30〜2026/12/06)');
    expect(w.lists.map((l) => [l.id, l.basis, l.total])).toEqual([
      ['buySoon', 'rule', 4],
      ['winBack', 'rule', 2],
      ['birthdays', 'calendar', 1],
      ['newVips', 'snapshot', 0],
      ['movedUp', 'snapshot', 0],
    ]);
    expect(w.lists[2]!.entries).toEqual([{ key: 'S01', name: '山田 花子', reason: '2026/12/02 が誕生日(あと2日)' }]);
  });

  test('selectCustomer: the Customers tab becomes the active sheet and the customer’s row is selected', () => {
    const b = smallShop();
    const r = b.env.call('selectCustomer', 'S03') as Selected;
    const tab = b.env.sheet('顧客ステージ');
    const row = (tab.values as unknown[][]).findIndex((x) => x[0] === 'S03') + 1;
    expect(r).toEqual({ ok: true, sheet: '顧客ステージ', row });
    expect(tab.active).toBe(true);
    expect(tab.activeRange).toBe(`A${row}:${String.fromCharCode(64 + tab.values[0]!.length)}${row}`);
    expect(b.env.sheet('ファンファネル').active).toBe(false);
    // A customer no longer there (the tab changed since): said so, nothing selected elsewhere.
    const gone = b.env.call('selectCustomer', 'S99') as Selected;
    expect(gone).toEqual({ ok: false, message: '「顧客ステージ」タブに S99 が見つかりません。「更新する」を押してからもう一度選んでください。' });
  });
});

test('a shop big enough for the model: buy soon and win back are predictions, with their probability or value', () => {
  const b = loadBundle({ locale: 'ja_JP', sheets: sampleShopSheets(), now: SAMPLE_AS_OF });
  b.env.call('refreshFromMenu');
  const w = (b.env.call('getSidebarState') as SidebarState).thisWeek!;
  const buy = w.lists.find((l) => l.id === 'buySoon')!;
  expect(buy.basis).toBe('model');
  expect(buy.title).toBe('そろそろ購入しそうな方(14日以内・予測)');
  expect(buy.entries.length).toBeGreaterThan(0);
  for (const e of buy.entries) expect(e.reason).toMatch(/^14日以内に購入する確率 \d+%\(予測\)$/);
  const win = w.lists.find((l) => l.id === 'winBack')!;
  expect(win.basis).toBe('model');
  for (const e of win.entries) expect(e.reason).toMatch(/^一時離脱・前回の購入から\d+日・(12か月の予測購入額 ¥[\d,]+|90日間の予測購入回数 [\d.]+)$/);
  // As of 2026/11/01: the birthdays of 11/01–11/07 only (issue 17: not October's passed ones).
  const birthdays = w.lists.find((l) => l.id === 'birthdays')!;
  for (const e of birthdays.entries) expect(e.reason).toMatch(/^2026\/11\/0[1-7] が誕生日/);
});

describe('the stored lists are untrusted when read back, and always fit a property', () => {
  test('a damaged property: what has the right shape is shown, the rest dropped; garbage gives none', () => {
    const b = smallShop();
    const store = b.env.properties.document.map;
    store.set(
      PROPERTY_KEYS.thisWeek,
      JSON.stringify({ lang: 'ja', title: '今週', lists: [{ id: 'bogus', title: 'x', entries: [] }, { id: 'buySoon', title: 't', entries: [{ key: 1 }, { key: 'k', reason: 'r' }], more: 5 }] }),
    );
    const st = b.env.call('getSidebarState') as SidebarState;
    expect(st.thisWeek).toEqual({ lang: 'ja', title: '今週', lists: [{ id: 'buySoon', basis: 'model', title: 't', total: 1, entries: [{ key: 'k', name: '', reason: 'r' }] }] });
    store.set(PROPERTY_KEYS.thisWeek, '"e.lines.map is not a function"');
    expect((b.env.call('getSidebarState') as SidebarState).thisWeek).toBeNull();
  });

  test('long names and reasons: fewer entries shown, never a value over Sheets’ 9 KB', () => {
    const long = 'あ'.repeat(300);
    const w: ThisWeek = {
      lang: 'ja',
      from: 0,
      to: 6,
      title: 'w',
      lists: (['buySoon', 'winBack', 'birthdays', 'newVips', 'movedUp'] as const).map((id) => ({
        definition: { id, basis: 'rule', params: {} },
        title: id,
        entries: Array.from({ length: 8 }, (_, i) => ({ key: `${id}${i}`, name: long, stage: undefined, reason: long })),
        note: undefined,
        empty: undefined,
      })),
    };
    const v = fitThisWeek(w);
    expect(utf8Bytes(JSON.stringify(v))).toBeLessThanOrEqual(PROPERTY_VALUE_CAP);
    const shown = v.lists[0]!.entries.length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(5);
    expect(v.lists[0]!.more).toBe(`他 ${8 - shown}人 — 全員は「ファンファネル」タブの「buySoon: 全員」に`);
  });
});
