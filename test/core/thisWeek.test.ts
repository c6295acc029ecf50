/**
 * 今週やること / This week (issue 17), as pure data: the five lists, each entry with its reason, the
 * rule of thumb for a small shop, birthdays of the coming week only, new VIPs and stage moves since
 * the last snapshot, and every empty list (and the empty VIP tab) saying why.
 */
import fc from 'fast-check';
import { makeZone } from '../../src/core/dates';
import { NOTICE_ROWS } from '../../src/core/grid';
import { ALL_STAGES } from '../../src/core/shared';
import type { StageId } from '../../src/core/labels';
import { buildReport, type ReportInput } from '../../src/core/report';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { FUNNEL_COLUMN_WIDTHS } from '../../src/core/tabs';
import { THIS_WEEK_SHOWN, buildThisWeek, isMoveUp, notesOnce, thisWeekView, type ThisWeek, type ThisWeekList, type ThisWeekListId } from '../../src/core/thisWeek';
import type { CustomerPrediction, PredictOptions } from '../../src/core/predict/predict';
import type { Cell } from '../../src/core/values';
import { SMALL_SHOP_NOW, smallShopSheets } from '../support/smallShop';
import { SHOP_AS_OF, renderShop, shopOrders } from '../support/shops';
import { DAY_MS } from '../../src/core/dates';

const zone = makeZone('Asia/Tokyo');
const report = (over: Partial<ReportInput> & { orders: Cell[][] }): ReturnType<typeof buildReport> =>
  buildReport({ settings: DEFAULT_SETTINGS, zone, locale: 'ja_JP', now: SMALL_SHOP_NOW, ...over });
const listOf = (w: ThisWeek, id: ThisWeekListId) => w.lists.find((l) => l.definition.id === id)!;
const at = (iso: string) => Date.parse(`${iso}T12:00:00+09:00`);

describe('a 12-customer shop (too small for the model) gets explained lists from its own rhythm', () => {
  const shop = smallShopSheets();
  // Built inside each test: Stryker activates a mutant only once a test runs, so what a describe
  // block computes would never see it (stryker.config.mjs).
  const build = () => report({ orders: shop.Orders, customers: shop.Customers });

  test('buy soon: the customers due within 14 days either side, nearest first, each with the rhythm it is judged by', () => {
    const r = build();
    const w = r.thisWeek;
    expect(r.prediction.verdict.ok).toBe(false);
    const l = listOf(w, 'buySoon');
    expect(l.definition).toEqual({ id: 'buySoon', basis: 'rule', params: { soonDays: 14, overdueMultiple: 2, lostAfterDays: 365, max: 50 } });
    expect(l.title).toBe('そろそろ購入の時期の方(目安)');
    expect(l.entries.map((e) => [e.key, e.name, e.reason])).toEqual([
      ['S01', '山田 花子', 'いつも約42日ごとに購入・前回から38日(目安まであと4日)'],
      ['S02', '佐藤 一郎', 'いつも約30日ごとに購入・前回から35日(目安を5日過ぎ)'],
      ['S07', '渡辺 六花', 'この店のお客様は約36日ごとに購入・前回から30日(目安まであと6日)'],
      ['S08', '山本 七海', 'この店のお客様は約36日ごとに購入・前回から45日(目安を9日過ぎ)'],
    ]);
    // S06 (20 days ago: due in 16 days) is not due yet; S09 (60 days) is past the 14 days.
    // Labelled as a rule, with why the model is not used.
    expect(l.note).toMatch(/^購入の間隔から出した目安です\(予測ではありません\)。予測に必要なデータが足りません: 2回以上購入した顧客が4人です/);
  });

  test('win back: repeat buyers past twice their interval within a year, biggest first, with how far past', () => {
    const l = listOf(build().thisWeek, 'winBack');
    expect(l.entries.map((e) => [e.key, e.reason])).toEqual([
      ['S03', 'いつも約20日ごとに購入・前回から160日(いつもの間隔の8.0倍)・累計 ¥12,000'],
      ['S04', 'この店のお客様は約36日ごとに購入・前回から100日(いつもの間隔の2.8倍)・累計 ¥9,000'],
    ]);
    // One-time buyers long gone (S10 at 100 days, S12 at 400) are not "won back": they never came back once.
    expect(l.empty).toBeUndefined();
  });

  test('birthdays: the coming week only (12/02), not this month’s passed one (11/15)', () => {
    const w = build().thisWeek;
    const l = listOf(w, 'birthdays');
    expect(l.definition).toEqual({ id: 'birthdays', basis: 'calendar', params: { days: 7 } });
    expect(l.entries.map((e) => [e.key, e.reason])).toEqual([['S01', '2026/12/02 が誕生日(あと2日)']]);
    expect(w.title).toBe('今週やること(2026/11/30〜2026/12/06)');
  });

  test('no earlier snapshot: new VIPs and stage moves say why they are empty', () => {
    const w = build().thisWeek;
    for (const id of ['newVips', 'movedUp'] as const) {
      expect(listOf(w, id).entries).toEqual([]);
      expect(listOf(w, id).empty).toBe('前回の更新の記録がまだないため比べられません。別の日にもう一度更新すると表示します。');
    }
  });

  test('the funnel tab: 今週やること first (before the stage table), the full lists before the matrices, a narrow label column', () => {
    const r = build();
    const f = r.tabs.funnel.values;
    const row = (first: string) => f.findIndex((x) => x[0] === first);
    const section = row('今週やること(2026/11/30〜2026/12/06)');
    expect(section).toBeGreaterThan(0);
    expect(section).toBeLessThan(row('ステージ'));
    expect(f[section + 1]![0]).toBe('そろそろ購入の時期の方(目安): 4人');
    expect(f[section + 2]!.slice(0, 2)).toEqual(['山田 花子', 'いつも約42日ごとに購入・前回から38日(目安まであと4日)']);
    expect(row('ステージ')).toBe(r.stageTableRow);
    expect(row('呼び戻したい方(目安): 全員')).toBeLessThan(row('ファンマトリクス(購入回数 × LTV)'));
    expect(row('新しくVIPになった方(お礼を): 全員')).toBeLessThan(row('ファンマトリクス(購入回数 × LTV)'));
    // The empty win-back heading never disappears; an empty list's reason is on the next line.
    const vips = row('新しくVIPになった方(お礼を): 0人');
    expect(f[vips + 1]![1]).toMatch(/^前回の更新の記録がまだない/);
    expect(r.tabs.funnel.columnWidths).toEqual(FUNNEL_COLUMN_WIDTHS);
  });

  test('the VIP tab with no VIP says why, with the numbers of the settings', () => {
    const vip = build().tabs.vip.values.slice(NOTICE_ROWS);
    expect(vip).toHaveLength(2);
    expect(vip[1]![0]).toBe('候補 0人: LTV ¥80,000以上 または 5回以上購入の方がまだいません。');
    const settings: Settings = { ...DEFAULT_SETTINGS, vip: { ...DEFAULT_SETTINGS.vip, minLtv: 50_000, minPurchases: 7, mode: 'and' } };
    const other = report({ orders: shop.Orders, settings, locale: 'en_US' });
    expect(other.tabs.vip.values[NOTICE_ROWS + 1]![0]).toBe('0 candidates: no customer has LTV ¥50,000 or more and 7+ purchases yet.');
  });
});

describe('birthdays: why the list is empty', () => {
  const shop = smallShopSheets();
  test('no customers sheet, a customers sheet without a birthday column, none in the week', () => {
    const none = report({ orders: shop.Orders });
    expect(listOf(none.thisWeek, 'birthdays').empty).toMatch(/^顧客シートがないため誕生日がわかりません/);
    const noColumn = report({ orders: shop.Orders, customers: shop.Customers.map((r) => [r[0]!, r[1]!, r[0] === '顧客ID' ? 'LINE登録' : '○']) });
    expect(listOf(noColumn.thisWeek, 'birthdays').empty).toMatch(/^顧客シートに誕生日\(生年月日\)の列がありません/);
    const later = report({ orders: shop.Orders, customers: shop.Customers, now: at('2026-12-10') });
    expect(listOf(later.thisWeek, 'birthdays').empty).toBe('2026/12/10〜2026/12/16 に誕生日の方はいません。');
  });
});

describe('since the last snapshot: new VIPs to thank, customers who moved up', () => {
  const orders: Cell[][] = [
    ['Customer ID', 'Name', 'Order date', 'Total'],
    ['A', 'Ann', '2024-06-01', 5000],
    ['B', 'Bob', '2024-06-01', 70000],
    ['C', 'Cy', '2024-06-02', 2000],
  ];
  const first = report({ orders, locale: 'en_US', now: at('2024-06-10') });
  const later = [...orders, ['A', 'Ann', '2024-06-20', 5000], ['B', 'Bob', '2024-06-21', 20000]];
  const secondReport = () => report({ orders: later, locale: 'en_US', now: at('2024-06-25'), history: first.tabs.history.values });

  test('B crossed ¥80,000 (a new VIP); A and B bought again (Visitor → Follower); C did not move', () => {
    const w = secondReport().thisWeek;
    expect(listOf(w, 'newVips').definition).toEqual({ id: 'newVips', basis: 'snapshot', params: { minLtv: 80_000, minPurchases: 5, count: DEFAULT_SETTINGS.vip.count } });
    expect(listOf(w, 'newVips').entries.map((e) => [e.key, e.name, e.reason])).toEqual([['B', 'Bob', 'Now a VIP: ¥90,000 so far, 2 purchases, Gold']]);
    expect(listOf(w, 'movedUp').entries.map((e) => [e.key, e.reason])).toEqual([
      ['B', 'Visitor → Follower'],
      ['A', 'Visitor → Follower'],
    ]);
  });

  test('a VIP by purchase count, below every tier: the reason names no tier', () => {
    const many = [...orders, ...['2024-06-11', '2024-06-12', '2024-06-13', '2024-06-14'].map((d) => ['C', 'Cy', d, 2000])];
    const w = report({ orders: many, locale: 'en_US', now: at('2024-06-25'), history: first.tabs.history.values }).thisWeek;
    expect(listOf(w, 'newVips').entries.map((e) => [e.key, e.reason])).toEqual([['C', 'Now a VIP: ¥10,000 so far, 5 purchases']]);
  });

  test('nothing changed since: each list says since when, and the VIP rule', () => {
    const again = report({ orders: later, locale: 'en_US', now: at('2024-06-26'), history: secondReport().tabs.history.values });
    expect(listOf(again.thisWeek, 'newVips').empty).toBe('No one has become a VIP since 2024/06/25 (VIP: LTV ¥80,000 or more or 5+ purchases).');
    expect(listOf(again.thisWeek, 'movedUp').empty).toBe('No one has moved up a stage since 2024/06/25.');
  });
});

describe('a long list since the last snapshot', () => {
  test('120 customers moved up: the funnel tab lists 100 and says the rest are in the History tab', () => {
    const orders: Cell[][] = [['Customer ID', 'Order date', 'Total']];
    for (let i = 0; i < 120; i++) orders.push([`K${String(i).padStart(3, '0')}`, '2024-06-01', 1000]);
    const first = report({ orders, locale: 'en_US', now: at('2024-06-10') });
    const again = [...orders, ...orders.slice(1).map((r) => [r[0]!, '2024-06-20', 1000])];
    const second = report({ orders: again, locale: 'en_US', now: at('2024-06-25'), history: first.tabs.history.values });
    expect(listOf(second.thisWeek, 'movedUp').entries).toHaveLength(120);
    const f = second.tabs.funnel.values;
    const heading = f.findIndex((r) => r[0] === 'Moved up a stage (to congratulate): everyone');
    expect(f[heading + 1]!.slice(0, 4)).toEqual(['Customer', 'Name', 'Stage', 'Why']);
    expect(f[heading + 2]!.slice(0, 4)).toEqual(['K000', '', 'Follower', 'Visitor → Follower']);
    expect(f[heading + 102]![0]).toBe('20 more: see the “History” tab');
    // At the top: five, and where all 120 are.
    const top = f.findIndex((r) => r[0] === 'Moved up a stage (to congratulate): 120');
    expect(f[top + 6]![1]).toBe('and 115 more — all of them in the “Fan Funnel” tab under “Moved up a stage (to congratulate): everyone”');
  });
});

describe('what the sidebar gets', () => {
  test('the first five of a list, "and N more" saying where the rest are, JSON-safe', () => {
    // 20 customers who each bought twice, 30 days apart, last 30 days ago: all due today.
    const orders: Cell[][] = [['顧客ID', '注文日', '金額']];
    for (let i = 0; i < 20; i++) orders.push([`K${i}`, '2026/09/01', 1000], [`K${i}`, '2026/10/01', 1000]);
    const r = report({ orders, now: at('2026-10-31') });
    const v = thisWeekView(r.thisWeek);
    const buy = v.lists.find((l) => l.id === 'buySoon')!;
    expect(buy.total).toBe(20);
    expect(buy.entries).toHaveLength(THIS_WEEK_SHOWN);
    expect(buy.more).toBe('他 15人 — 全員は「ファンファネル」タブの「そろそろ購入の時期の方(目安): 全員」に');
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });
});

describe('property: a move up is a move to a higher rung of the funnel, or back to it from Dormant/Lapsed', () => {
  const RUNG: Partial<Record<StageId, number>> = { visitor: 1, follower: 2, supporter: 3, partner: 4 };
  test('never down, never sideways, never out of the funnel', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_STAGES), fc.constantFrom(...ALL_STAGES), (before, now) => {
        const up = isMoveUp(before, now);
        if (RUNG[now] === undefined) expect(up).toBe(false);
        else if (RUNG[before] !== undefined) expect(up).toBe(RUNG[now]! > RUNG[before]!);
        else expect(up).toBe(before === 'dormant' || before === 'lapsed');
      }),
    );
  });
});

describe('property: on any messy export, two refreshes a week apart', () => {
  test('every entry is a customer of the Customers tab with a reason; empty lists say why; the rule’s lists match the customer’s own numbers', () => {
    fc.assert(
      fc.property(shopOrders, fc.boolean(), fc.integer({ min: 0, max: 3 }), (list, japanese, garbage) => {
        const { rows } = renderShop(list, japanese, garbage, { name: true });
        const noon = (SHOP_AS_OF + 0.5) * DAY_MS - 9 * 3_600_000;
        const first = report({ orders: rows as Cell[][], now: noon - 7 * DAY_MS });
        const r = report({ orders: rows as Cell[][], now: noon, history: first.tabs.history.values });
        const a = r.analysis;
        const baseline = first.analysis;
        for (const l of r.thisWeek.lists) {
          expect(l.empty === undefined).toBe(l.entries.length > 0);
          if (l.empty !== undefined) expect(l.empty.length).toBeGreaterThan(10);
          for (const e of l.entries) {
            expect(a.byKey.has(e.key)).toBe(true);
            expect(e.reason).not.toBe('');
          }
        }
        const keys = (id: ThisWeekListId) => listOf(r.thisWeek, id).entries.map((e) => e.key);
        // Nobody is told both "buy soon" and "win back".
        expect(keys('buySoon').filter((k) => keys('winBack').includes(k))).toEqual([]);
        if (listOf(r.thisWeek, 'buySoon').definition.basis === 'rule') {
          for (const e of [...listOf(r.thisWeek, 'buySoon').entries, ...listOf(r.thisWeek, 'winBack').entries]) {
            expect(e.reason).toContain(`前回から${a.byKey.get(e.key)!.metrics.daysSinceLast}日`);
          }
        }
        // Moved up: exactly the customers whose stage went up the funnel since the first refresh.
        const up = [...a.byKey.values()].filter((v) => {
          const before = baseline.byKey.get(v.metrics.key)?.stage.stage;
          return before !== undefined && isMoveUp(before, v.stage.stage);
        });
        expect([...keys('movedUp')].sort()).toEqual(up.map((v) => v.metrics.key).sort());
        // New VIPs: VIPs now who were not a week ago.
        const vipBefore = new Set(baseline.ranking.filter((x) => x.vip).map((x) => x.customer.key));
        expect([...keys('newVips')].sort()).toEqual(a.ranking.filter((x) => x.vip && !vipBefore.has(x.customer.key)).map((x) => x.customer.key).sort());
      }),
      { numRuns: 60 },
    );
  });
});

describe('from the model (a shop large enough for it): its lists as it gives them, each entry with the model’s number', () => {
  const shop = smallShopSheets();
  const r = report({ orders: shop.Orders, customers: shop.Customers });
  /** A prediction row: only the key and the numbers the lists show matter here. */
  const row = (key: string, over: Partial<CustomerPrediction>): CustomerPrediction => ({
    key,
    transactions: 3,
    firstDay: 0,
    lastDay: 0,
    pAlive: 0.9,
    expected30: 0.4,
    expected90: 1.2,
    pBuySoon: 0.5,
    nextPurchaseDay: undefined,
    medianDaysIfAlive: 30,
    expectedSpend: 4000,
    value12m: 12_000,
    ...over,
  });
  const byModel = (buySoon: CustomerPrediction[], winBack: CustomerPrediction[], options: Partial<PredictOptions> = {}): ThisWeek =>
    buildThisWeek({
      analysis: r.analysis,
      prediction: { ...r.prediction, verdict: { ok: true }, buySoon, winBack, options: { ...r.prediction.options, ...options } },
      settings: DEFAULT_SETTINGS,
      baseline: undefined,
      vipsBefore: undefined,
    });

  test('buy soon: the chance of buying in 14 days, in the model’s order; win back: days since and the 12-month value, else the expected purchases', () => {
    const w = byModel([row('S05', { pBuySoon: 0.634 }), row('S01', { pBuySoon: 0.25 })], [row('S03', { value12m: 23_456 }), row('S04', { value12m: undefined, expected90: 1.24 })]);
    const buy = listOf(w, 'buySoon');
    expect(buy.definition).toEqual({ id: 'buySoon', basis: 'model', params: { days: 14, minProbability: 0.25, max: 50 } });
    expect(buy.title).toBe('そろそろ購入しそうな方(14日以内・予測)');
    expect(buy.entries.map((e) => [e.key, e.name, e.stage, e.reason])).toEqual([
      ['S05', '田中 四郎', 'visitor', '14日以内に購入する確率 63%(予測)'],
      ['S01', '山田 花子', 'follower', '14日以内に購入する確率 25%(予測)'],
    ]);
    const win = listOf(w, 'winBack');
    expect(win.definition).toEqual({ id: 'winBack', basis: 'model', params: { max: 50 } });
    expect(win.title).toBe('呼び戻したい方(一時離脱・予測)');
    expect(win.entries.map((e) => [e.key, e.reason])).toEqual([
      ['S03', '一時離脱・前回の購入から160日・12か月の予測購入額 ¥23,456'],
      ['S04', '一時離脱・前回の購入から100日・90日間の予測購入回数 1.2'],
    ]);
    // A prediction is not a rule of thumb: no note.
    expect([buy.note, win.note, buy.empty, win.empty]).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('a customer the analysis does not know (a prediction row of another sheet) shows no name and no stage', () => {
    const w = byModel([row('X99', { pBuySoon: 0.5 })], []);
    expect(listOf(w, 'buySoon').entries).toEqual([{ key: 'X99', name: '', stage: undefined, reason: '14日以内に購入する確率 50%(予測)' }]);
  });

  test('empty: no one above the chance the options ask for; no one Dormant (the stage rule’s numbers)', () => {
    const w = byModel([], [], { soonMinProbability: 0.4, listSize: 20 });
    expect(listOf(w, 'buySoon').definition.params).toEqual({ days: 14, minProbability: 0.4, max: 20 });
    expect(listOf(w, 'buySoon').empty).toBe('14日以内の購入確率が40%以上の方はいません(予測)。');
    expect(listOf(w, 'winBack').empty).toBe('一時離脱の方はいません(一時離脱 = 最終購入から90日以上・ポジティブ反応1回以上)。');
  });
});

describe('the rule of thumb’s lists: their order, and when there is no rhythm yet', () => {
  // Every repeat buyer buys every 30 days (the shop's interval too); as of 2026/10/31:
  const orders: Cell[][] = [
    ['顧客ID', '注文日', '金額'],
    ...['2026/08/02', '2026/09/01', '2026/10/01'].map((d) => ['A', d, 1000]), // 3 purchase days: due today
    ...['C', 'B'].flatMap((k) => ['2026/09/01', '2026/10/01'].map((d) => [k, d, 1000])), // 2 purchase days: due today
    ...['E', 'D'].flatMap((k, i) => (i === 0 ? ['2026/08/27', '2026/09/26'] : ['2026/09/06', '2026/10/06']).map((d) => [k, d, 1000])), // 5 days late, due in 5
    ...['H', 'G', 'F'].flatMap((k) => ['2026/06/03', '2026/07/03'].map((d) => [k, d, k === 'G' ? 5000 : 1000])), // 120 days since: 4 intervals
  ];
  const week = () => report({ orders, now: at('2026-10-31') }).thisWeek;

  test('buy soon: nearest to due first (either side); at the same distance the one with more purchase days, then by customer ID', () => {
    const w = week();
    expect(listOf(w, 'buySoon').entries.map((e) => [e.key, e.reason])).toEqual([
      ['A', 'いつも約30日ごとに購入・前回から30日(今日が目安)'],
      ['B', 'この店のお客様は約30日ごとに購入・前回から30日(今日が目安)'],
      ['C', 'この店のお客様は約30日ごとに購入・前回から30日(今日が目安)'],
      ['D', 'この店のお客様は約30日ごとに購入・前回から25日(目安まであと5日)'],
      ['E', 'この店のお客様は約30日ごとに購入・前回から35日(目安を5日過ぎ)'],
    ]);
  });

  test('the same order when customer IDs run the other way: distance to due, then purchase days, then ID', () => {
    // Every repeat buyer buys every 30 days; as of 2026/10/31: Z with 3 purchase days and Y, X with
    // 2 are due today; V is 5 days late and W due in 5 (a tie: V's ID first); U, due in 15 days, is not in the list.
    const reversed: Cell[][] = [
      ['顧客ID', '注文日', '金額'],
      ...['2026/08/02', '2026/09/01', '2026/10/01'].map((d) => ['Z', d, 1000]),
      ...['Y', 'X'].flatMap((k) => ['2026/09/01', '2026/10/01'].map((d) => [k, d, 1000])),
      ...['2026/08/27', '2026/09/26'].map((d) => ['V', d, 1000]),
      ...['2026/09/06', '2026/10/06'].map((d) => ['W', d, 1000]),
      ...['2026/09/16', '2026/10/16'].map((d) => ['U', d, 1000]),
    ];
    const l = listOf(report({ orders: reversed, now: at('2026-10-31') }).thisWeek, 'buySoon');
    expect(l.entries.map((e) => [e.key, e.reason.replace(/^.*・/, '')])).toEqual([
      ['Z', '前回から30日(今日が目安)'],
      ['X', '前回から30日(今日が目安)'],
      ['Y', '前回から30日(今日が目安)'],
      ['V', '前回から35日(目安を5日過ぎ)'],
      ['W', '前回から25日(目安まであと5日)'],
    ]);
  });

  test('win back: the biggest customer first, then by customer ID', () => {
    expect(listOf(week(), 'winBack').entries.map((e) => [e.key, e.reason])).toEqual([
      ['G', 'この店のお客様は約30日ごとに購入・前回から120日(いつもの間隔の4.0倍)・累計 ¥10,000'],
      ['F', 'この店のお客様は約30日ごとに購入・前回から120日(いつもの間隔の4.0倍)・累計 ¥2,000'],
      ['H', 'この店のお客様は約30日ごとに購入・前回から120日(いつもの間隔の4.0倍)・累計 ¥2,000'],
    ]);
  });

  test('a subscriber is never one to win back, however long since their last order', () => {
    const customers: Cell[][] = [['顧客ID', '定期会員'], ['G', '○'], ['F', ''], ['H', '']];
    const r = report({ orders, customers, now: at('2026-10-31') });
    expect(r.analysis.byKey.get('G')!.metrics.subscribed).toBe(true);
    expect(listOf(r.thisWeek, 'winBack').entries.map((e) => e.key)).toEqual(['F', 'H']);
  });

  test('each list holds at most the list size of the options', () => {
    const r = report({ orders, now: at('2026-10-31') });
    const small = buildThisWeek({
      analysis: r.analysis,
      prediction: { ...r.prediction, options: { ...r.prediction.options, listSize: 2 } },
      settings: DEFAULT_SETTINGS,
      baseline: undefined,
      vipsBefore: undefined,
    });
    expect(listOf(small, 'buySoon').entries.map((e) => e.key)).toEqual(['A', 'B']);
    expect(listOf(small, 'winBack').entries.map((e) => e.key)).toEqual(['G', 'F']);
    expect(listOf(small, 'buySoon').definition.params).toEqual({ soonDays: 14, overdueMultiple: 2, lostAfterDays: 365, max: 2 });
  });

  test('no one has bought on two days: both lists say there is no interval yet, still labelled as a rule of thumb', () => {
    const once = report({ orders: [['顧客ID', '注文日', '金額'], ['A', '2026/10/01', 1000], ['B', '2026/06/01', 1000]], now: at('2026-10-31') }).thisWeek;
    for (const id of ['buySoon', 'winBack'] as const) {
      const l = listOf(once, id);
      expect(l.entries).toEqual([]);
      expect(l.empty).toBe('2回以上購入した方がまだいないため、購入の間隔がわかりません。どなたかが2回目の購入をすると、この目安を表示します。');
      expect(l.note).toMatch(/^購入の間隔から出した目安です\(予測ではありません\)。/);
    }
  });

  test('the sidebar: a list of exactly the shown size has no "and N more"; the shared rule-of-thumb note is said once, by the first list with entries', () => {
    const w = week();
    const v = thisWeekView(w);
    const buy = v.lists.find((l) => l.id === 'buySoon')!;
    expect([buy.total, buy.entries.length, 'more' in buy]).toEqual([5, 5, false]);
    expect(thisWeekView(w, 4).lists.find((l) => l.id === 'buySoon')!.more).toBe('他 1人 — 全員は「ファンファネル」タブの「そろそろ購入の時期の方(目安): 全員」に');
    expect(v.lists.map((l) => l.note !== undefined)).toEqual([true, false, false, false, false]);
    // Only what is there is sent: no note key without a note, an empty text only for an empty list.
    expect(v.lists.map((l) => Object.keys(l).filter((k) => k === 'note' || k === 'empty'))).toEqual([['note'], [], ['empty'], ['empty'], ['empty']]);
    expect(v.lists[2]!.empty).toBe(listOf(w, 'birthdays').empty);
    const [soon, away] = w.lists as [ThisWeekList, ThisWeekList];
    expect(notesOnce([{ ...soon, entries: [] }, away])).toEqual([undefined, away.note]);
  });
});

describe('moved up since the last snapshot: the highest stage reached first, then the biggest customer; a return says so', () => {
  test('Follower before Visitor whatever they spent; a tie on both goes by customer ID; back from Lapsed or Dormant', () => {
    const orders: Cell[][] = [
      ['Customer ID', 'Order date', 'Total'],
      ['X', '2024-06-20', 50000], // a Visitor who spent the most
      ['Z', '2024-06-01', 1000],
      ['Z', '2024-06-20', 1000],
      ['Y', '2024-06-01', 1000],
      ['Y', '2024-06-20', 1000],
      ['W', '2024-06-21', 3000],
    ];
    const r = report({ orders, locale: 'en_US', now: at('2024-06-25') });
    expect(['X', 'Y', 'Z', 'W'].map((k) => r.analysis.byKey.get(k)!.stage.stage)).toEqual(['visitor', 'follower', 'follower', 'visitor']);
    const w = buildThisWeek({
      analysis: r.analysis,
      prediction: r.prediction,
      settings: DEFAULT_SETTINGS,
      baseline: { day: r.analysis.asOf - 7, stages: new Map<string, StageId>([['X', 'lapsed'], ['Y', 'visitor'], ['Z', 'dormant'], ['W', 'visitor']]) },
      vipsBefore: new Set(),
    });
    expect(listOf(w, 'movedUp').entries.map((e) => [e.key, e.reason])).toEqual([
      ['Y', 'Visitor → Follower'],
      ['Z', 'Back from Dormant → Follower'],
      ['X', 'Back from Lapsed → Visitor'],
    ]);
  });
});
