/**
 * The orders reader on realistic platform exports (test/fixtures/exports/, see its README.md).
 *
 * Every expected value below was worked out by hand from the fixture rows — which rows form one
 * order, which are cancelled, what each order is worth — following SPEC §1.4/§1.5 and HEADERS.md
 * "Platform profiles". Sheet rows: the header is row 1, so data line i of a file is row i + 1.
 */
import { readSurvey } from '../../src/core/contacts';
import { isoDay, makeZone } from '../../src/core/dates';
import { fanStage, ltvRank, type FunctionEnv } from '../../src/core/functions';
import type { Field } from '../../src/core/headers';
import { readOrders, type OrdersRead } from '../../src/core/orders';
import { GENERIC_PROFILE, PROFILES, profileLabel, type ProfileId } from '../../src/core/profiles';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { loadFixture } from '../support/fixtures';

const zone = makeZone('Asia/Tokyo');
const read = (name: string): OrdersRead => readOrders(loadFixture(name), { zone, settings: DEFAULT_SETTINGS, lang: 'en' });

const env: FunctionEnv = {
  zone,
  locale: 'en_US',
  settings: DEFAULT_SETTINGS,
  now: Date.parse('2026-01-01T00:00:00Z'),
};
const AS_OF = '2025-12-31';

/** Per customer key: the sum of order amounts and the number of orders read. */
function byCustomer(r: OrdersRead): Record<string, { total: number; orders: number }> {
  const out: Record<string, { total: number; orders: number }> = {};
  for (const o of r.orders) {
    const c = (out[o.key] ??= { total: 0, orders: 0 });
    c.total += o.amount;
    c.orders++;
  }
  return out;
}
const skips = (r: OrdersRead): { row: number; reason: string }[] => r.skipped.map((s) => ({ row: s.row, reason: s.reason }));
const startRows = (r: OrdersRead): number[] => r.orders.map((o) => o.row).sort((a, b) => a - b);
/** Field → the header text of the column the reader chose for it. */
const chosen = (r: OrdersRead): Partial<Record<Field, string>> =>
  Object.fromEntries(Object.entries(r.columns).map(([f, c]) => [f, r.headers[c as number]]));
const orderAt = (r: OrdersRead, row: number) => {
  const o = r.orders.find((x) => x.row === row);
  if (o === undefined) throw new Error(`no order starts at row ${row}`);
  return o;
};

/** What reading one platform's export must give, worked out by hand from its fixture. */
interface PlatformCase {
  readonly platform: string;
  readonly fixture: string;
  readonly profile: ProfileId;
  /** Field → the header the reader must choose for it. */
  readonly columns: Partial<Record<Field, string>>;
  readonly keyKind: 'id' | 'email';
  /** Non-blank data rows. */
  readonly rows: number;
  /** The sheet row of each order's first line. */
  readonly orders: readonly number[];
  /** Per customer key: the sum of its orders' amounts and how many orders were read. */
  readonly customers: Record<string, { total: number; orders: number }>;
  readonly skipped: ReadonlyArray<{ row: number; reason: string }>;
  readonly cancelled: number;
}

// One row per platform (per fixture). Adding a platform: its profile in src/core/profiles.ts, its
// fixture in test/fixtures/exports/ (with its source in the README there) and a row here.
const PLATFORM_CASES: readonly PlatformCase[] = [
  {
    platform: 'Shopify orders export',
    fixture: 'shopify-orders.csv',
    profile: 'shopify',
    columns: {
      email: 'Email',
      orderId: 'Name',
      date: 'Created at',
      amount: 'Total',
      status: 'Financial Status',
      cancelledAt: 'Cancelled at',
      registered: 'Accepts Marketing',
      refundedAmount: 'Refunded Amount',
      name: 'Billing Name',
    },
    keyKind: 'email', // Shopify exports carry no customer ID
    rows: 17,
    // #1001 (2–3), #1002 (4), #1003 (5–7), #1006 (10–11), #1009 (14), #1010 (15), #1011 (16–17), #1012 (18)
    orders: [2, 4, 5, 10, 14, 15, 16, 18],
    // Cancelled/refunded/voided out, partially_refunded less the refund.
    customers: {
      'aiko@example.jp': { total: 5500 + 8800, orders: 2 }, // #1001, #1003 (continuation rows blank)
      'ben@example.com': { total: 3300 + 2750, orders: 2 }, // #1002, #1010; #1005 voided
      'chika@example.jp': { total: 6600, orders: 1 }, // #1009 (CHIKA@Example.jp); #1004 refunded, #1008 Cancelled at
      'dai@example.jp': { total: 12000 - 3000 + 4950, orders: 2 }, // #1006 partially_refunded, #1012
      'erika@example.com': { total: 15000, orders: 1 }, // #1011
    },
    skipped: [{ row: 12, reason: 'customer' }], // #1007, POS, blank Email
    cancelled: 3, // #1004 refunded, #1005 voided, #1008 Cancelled at (status pending)
  },
  {
    platform: 'BASE order CSV',
    fixture: 'base-orders.csv',
    profile: 'base',
    columns: {
      email: 'メールアドレス(請求先)',
      orderId: '注文ID',
      date: '注文日時',
      amount: '合計金額',
      status: '発送状況',
      shipping: '送料',
      adjustment: '調整金額',
    },
    keyKind: 'email',
    rows: 14,
    // A (2–3), B (4), C (5–6), E (9), F (10), G (11–13), H (14), I (15); D (7–8) cancelled
    orders: [2, 4, 5, 9, 10, 11, 14, 15],
    // The rows are summed; 送料 and 調整金額 are added once per order.
    customers: {
      // A: 2400 + 2400 + 送料 600 (on both rows, once) + 0; C: 4500 + 800 + 600; F: 4800 + 600
      'hanako@example.jp': { total: 5400 + 5900 + 5400, orders: 3 },
      // B: 3980 − 500 (調整金額); I: 2980 + 600
      'ken.sato@example.com': { total: 3480 + 3580, orders: 2 },
      // E: 98000 + 1000 (調整金額); H: 5000
      'misaki@example.jp': { total: 99000 + 5000, orders: 2 },
      // G: 1000 + 1000 + 1000 + 送料 600 and 調整金額 −300 only on its first row
      'sho@example.com': { total: 3300, orders: 1 },
    },
    skipped: [],
    cancelled: 1, // D: both lines キャンセル
  },
  {
    platform: '楽天 RMS order CSV (新形式)',
    fixture: 'superseded/rakuten-rms-orders.csv', // reconstructed; the real header replaces it in issue 9
    profile: 'rakuten',
    columns: {
      email: '注文者メールアドレス',
      orderId: '注文番号',
      date: '注文日時',
      amount: '合計金額',
      status: 'ステータス',
      orderType: '注文種別',
    },
    keyKind: 'email',
    rows: 14,
    // R1 (2–3), R2 (4), R3 (5), R5 (7), R7 (10), R9 (12–14), R10 (15)
    orders: [2, 4, 5, 7, 10, 12, 15],
    // Per (masked) e-mail.
    customers: {
      '5f3a9c1e2b7d4a60@pc.fw.rakuten.ne.jp': { total: 6480 + 3240 + 3240, orders: 3 }, // R1, R2, R3; R4 キャンセル確定
      '0c8e1f2a3b4c5d6e@pc.fw.rakuten.ne.jp': { total: 5400 + 2200, orders: 2 }, // R5 頒布会, R10 予約
      '9a8b7c6d5e4f3a2b@pc.fw.rakuten.ne.jp': { total: 8900, orders: 1 }, // R7; R6 amounts −99999
      '1122aabbccddeeff@pc.fw.rakuten.ne.jp': { total: 11000, orders: 1 }, // R9; R8 キャンセル確定待ち
    },
    skipped: [{ row: 8, reason: 'amount' }], // R6 (rows 8–9), 楽天処理中, 合計金額 −99999
    cancelled: 2, // R4 キャンセル確定, R8 キャンセル確定待ち
  },
  {
    platform: '楽天 RMS 受注CSV (legacy: 受注番号 / 受注ステータス)',
    fixture: 'rakuten-rms-legacy-orders.csv',
    profile: 'rakuten',
    // The order total is 合計金額(-99999=無効値), not the goods subtotal 合計.
    columns: {
      email: 'メールアドレス',
      orderId: '受注番号',
      date: '注文日時',
      amount: '合計金額(-99999=無効値)',
      status: '受注ステータス',
    },
    keyKind: 'email',
    rows: 10,
    // L1 (2–3), L3 (5), L6 (8–9), L7 (10), L8 (11); L2 900, L5 800, L4 −99999
    orders: [2, 5, 8, 10, 11],
    // 合計金額 = 合計 + 送料 + 代引料.
    customers: {
      'aa11bb22cc33dd44@pc.fw.rakuten.ne.jp': { total: 5600 + 3100, orders: 2 }, // L1, L7
      'ee55ff66aa77bb88@pc.fw.rakuten.ne.jp': { total: 8330, orders: 1 }, // L3 (代引料 330)
      'cc99dd00ee11ff22@pc.fw.rakuten.ne.jp': { total: 4800, orders: 1 }, // L6
      '33aa44bb55cc66dd@pc.fw.rakuten.ne.jp': { total: 10000, orders: 1 }, // L8
    },
    skipped: [{ row: 6, reason: 'amount' }], // L4
    cancelled: 2, // L2 (900), L5 (800)
  },
  {
    platform: 'EC-CUBE 4 受注CSV',
    fixture: 'eccube4-orders.csv',
    profile: 'eccube',
    columns: {
      customerId: '会員ID',
      email: 'メールアドレス',
      orderId: '注文ID',
      date: '受注日',
      amount: '支払合計',
      status: '対応状況(名称)',
    },
    keyKind: 'id',
    rows: 16,
    // 1 (2–4), 2 (5), 3 (6–7), 6 (11), 7 (12–14), 9 (16); item rows repeat 支払合計
    orders: [2, 5, 6, 11, 12, 16],
    // A guest is linked to the member by e-mail.
    customers: {
      '3': { total: 7480 + 5500 + 12100, orders: 3 }, // 1, 3 (guest, Sato.Yumi@example.jp), 7
      'kobayashi@example.net': { total: 3300, orders: 1 }, // 2: a guest with no member ID anywhere
      '7': { total: 4400, orders: 1 }, // 6; 4 注文取消し, 5 決済処理中
      '12': { total: 2750, orders: 1 }, // 9; 8 返品
    },
    skipped: [],
    cancelled: 4, // orders 4, 5, 8, 10 (購入処理中 with blank 受注日 and e-mail)
  },
  {
    platform: 'カラーミーショップ 受注CSV (sales_all.csv)',
    fixture: 'superseded/colorme-sales.csv', // reconstructed; the real header replaces it in issue 9
    profile: 'colorme',
    columns: {
      customerId: '購入者 顧客ID',
      email: '購入者 メールアドレス',
      orderId: '売上ID',
      date: '受注日',
      amount: '総合計金額',
      status: '入金状態',
      name: '購入者 名前',
    },
    keyKind: 'id',
    rows: 12,
    // M1 (2–3), M2 (4), M5 (8), M6 (9), M7 (10–12), M8 (13)
    orders: [2, 4, 8, 9, 10, 13],
    customers: {
      '5001': { total: 8250 + 6600, orders: 2 }, // M1, M5; M3 キャンセル
      '5002': { total: 3960 + 4400, orders: 2 }, // M2, M8
      '5003': { total: 2200, orders: 1 }, // M6 未入金 counts; M4 全額返金済
      '5004': { total: 19800, orders: 1 }, // M7
    },
    skipped: [],
    cancelled: 2, // キャンセル and 全額返金済
  },
  {
    platform: 'MakeShop 注文CSV',
    fixture: 'superseded/makeshop-orders.csv', // reconstructed; the real header replaces it in issue 9
    profile: 'makeshop',
    columns: {
      customerId: '会員ID',
      email: 'メールアドレス',
      orderId: '注文番号',
      date: '日付',
      amount: '合計金額',
      status: '処理状況',
      name: '注文者名',
    },
    keyKind: 'id',
    rows: 10,
    // S1 (2–3), S2 (4), S4 (6), S6 (9), S7 (10), S8 (11)
    orders: [2, 4, 6, 9, 10, 11],
    // Per 会員ID, a guest order linked by e-mail.
    customers: {
      tanaka01: { total: 5280 + 2200 + 3850, orders: 3 }, // S1, S6 (guest, Tanaka@Example.jp), S8
      sakura_k: { total: 3300 + 8800, orders: 2 }, // S2, S7; S5 返送
      'guest@example.net': { total: 2750, orders: 1 }, // S4
    },
    skipped: [],
    cancelled: 2, // S3 注文キャンセル, S5 返送
  },
  {
    platform: 'Amazon All Orders report (tab-separated)',
    fixture: 'amazon-all-orders.txt',
    profile: 'amazon',
    // Keyed by the column the owner added (buyer-email).
    columns: {
      email: 'buyer-email',
      orderId: 'amazon-order-id',
      date: 'purchase-date',
      status: 'order-status',
      itemPrice: 'item-price',
      shippingPrice: 'shipping-price',
    },
    keyKind: 'email',
    rows: 11,
    // A1 (2–3), A2 (4), A3 (5), A5 (7–9), A8 (12)
    orders: [2, 4, 5, 7, 12],
    // item-price + shipping-price summed over the rows of each order.
    customers: {
      'nakano@example.jp': { total: 1980 + 0 + 2980 + 350 + (3200 + 500), orders: 2 }, // A1, A3
      'okada@example.com': { total: 4500 + 7800, orders: 2 }, // A2, A8; A4 Cancelled
      'fujita@example.jp': { total: 1500 + 300 + 1500 + 2500, orders: 1 }, // A5
    },
    skipped: [
      { row: 10, reason: 'amount' }, // A6 Pending, item-price blank
      { row: 11, reason: 'customer' }, // A7, buyer-email not filled in
    ],
    cancelled: 1, // A4
  },
];

describe.each(PLATFORM_CASES)('$platform', (c) => {
  const r = read(c.fixture);

  it(`is recognised as ${c.profile} and reads the profile's columns`, () => {
    expect(r.profile).toBe(c.profile);
    expect(chosen(r)).toMatchObject(c.columns);
    expect(r.keyKind).toBe(c.keyKind);
  });

  it('merges the line rows into orders', () => {
    expect(r.rows).toBe(c.rows);
    expect(startRows(r)).toEqual(c.orders);
  });

  it('totals per customer', () => {
    expect(byCustomer(r)).toEqual(c.customers);
  });

  it('reports the unreadable orders with their rows and counts the cancelled ones', () => {
    expect(skips(r)).toEqual(c.skipped);
    expect(r.cancelled).toBe(c.cancelled);
  });
});

test('every platform profile has a row in the table, and a name in both languages', () => {
  expect(new Set(PLATFORM_CASES.map((c) => c.profile))).toEqual(new Set(PROFILES.map((p) => p.id)));
  for (const p of [...PROFILES, GENERIC_PROFILE]) {
    for (const lang of ['ja', 'en'] as const) expect(profileLabel(p.id, lang)).not.toBe('');
  }
  expect([profileLabel('generic', 'ja'), profileLabel('generic', 'en')]).toEqual(['汎用レイアウト', 'generic layout']);
  expect(profileLabel('colorme', 'en')).toBe('カラーミーショップ');
});

// -------------------------------------------------------------------------------------------
// What only one platform has.

describe('Shopify orders export', () => {
  const r = read('shopify-orders.csv');

  it('has no customer ID column to fall back on', () => {
    expect(r.columns.customerId).toBeUndefined();
  });

  it('keeps the calendar day of the offset time stamps and the billing name', () => {
    expect(isoDay(orderAt(r, 14).day)).toBe('2025-12-28'); // 23:45 +0900
    expect(isoDay(orderAt(r, 15).day)).toBe('2026-01-05');
    expect(orderAt(r, 5).name).toBe('Aiko Tanaka');
    expect(orderAt(r, 5).consent).toBe(true);
    expect(orderAt(r, 16).consent).toBe(false);
  });
});

describe('BASE order CSV', () => {
  it('LTVRANK table as of 2025-12-31', () => {
    expect(ltvRank(env, loadFixture('base-orders.csv'), undefined, AS_OF)).toEqual([
      ['Rank', 'Customer', 'LTV', 'Purchases', 'Last order', 'Tier', 'VIP'],
      [1, 'misaki@example.jp', 104000, 2, new Date('2025-12-25T15:00:00Z'), 'Gold', true],
      [2, 'hanako@example.jp', 16700, 3, new Date('2025-12-14T15:00:00Z'), '', false],
      [3, 'ken.sato@example.com', 7060, 2, new Date('2025-08-17T15:00:00Z'), '', false],
      [4, 'sho@example.com', 3300, 1, new Date('2025-12-23T15:00:00Z'), '', false],
    ]);
  });
});

describe('楽天 RMS order CSV (新形式)', () => {
  const r = read('superseded/rakuten-rms-orders.csv');

  it('marks 注文種別 4 (定期購入) and 5 (頒布会) as subscription orders', () => {
    expect(r.hasSubscription).toBe(true);
    expect(r.orders.filter((o) => o.subscription).map((o) => o.row).sort((a, b) => a - b)).toEqual([4, 5, 7]);
  });
});

describe('EC-CUBE 4 受注CSV', () => {
  it('FANSTAGE and LTVRANK look customers up by ID or by e-mail', () => {
    const table = loadFixture('eccube4-orders.csv');
    const keys = [['3'], ['Sato.Yumi@example.jp'], [''], ['kobayashi@example.net'], [7], ['12'], ['nobody@example.com']];
    expect(fanStage(env, table, keys, AS_OF)).toEqual([
      ['Follower'], // 3 purchases, last 2025-12-18 (13 days)
      ['Follower'],
      [''],
      ['Lapsed'], // 1 purchase 2025-08-03 (150 days), no reaction
      ['Visitor'], // 1 purchase 2025-11-02 (59 days)
      ['Visitor'], // 1 purchase 2025-12-23 (8 days)
      ['No purchase'],
    ]);
    expect(ltvRank(env, table, 'sato.yumi@example.jp', AS_OF)).toBe(1);
    expect(ltvRank(env, table, 7, AS_OF)).toBe(2);
  });
});

describe('MakeShop 注文CSV', () => {
  it('reads 2022/8/10-style dates', () => {
    const r = read('superseded/makeshop-orders.csv');
    expect(isoDay(orderAt(r, 2).day)).toBe('2022-08-10');
    expect(isoDay(orderAt(r, 6).day)).toBe('2022-10-02');
  });
});

describe('Amazon All Orders report (tab-separated)', () => {
  const r = read('amazon-all-orders.txt');

  it('puts a UTC purchase-date on its Tokyo calendar day', () => {
    expect(isoDay(orderAt(r, 4).day)).toBe('2025-08-15'); // 14:30Z = 23:30 JST
    expect(isoDay(orderAt(r, 5).day)).toBe('2025-11-01'); // 2025-10-31T16:10Z = 01:10 JST
  });

  // HEADERS.md says only "cancelled: Cancelled / Canceled"; in the All Orders report a single line
  // of a shipped order can carry item-status Cancelled (seen in a scrubbed real report: order-status
  // Shipped, item-status Cancelled, quantity 1, item-price filled). A cancelled line drops out of a
  // "sum" order (the lead's decision), so that line should not count.
  it('drops a line whose item-status is Cancelled inside a Shipped order', () => {
    const table = loadFixture('amazon-all-orders.txt');
    const h = table[0]!;
    const itemStatus = h.indexOf('item-status');
    const a5 = table.slice(6, 9).map((row) => [...row]); // rows 7–9: A5
    a5[2]![itemStatus] = 'Cancelled'; // the mug line was cancelled
    const partial = readOrders([h, ...a5], { zone, settings: DEFAULT_SETTINGS, lang: 'en' });
    expect(byCustomer(partial)).toEqual({ 'fujita@example.jp': { total: 1500 + 300 + 1500, orders: 1 } });
  });
});

// -------------------------------------------------------------------------------------------
describe('Google Forms survey beside the Shopify orders', () => {
  const survey = loadFixture('google-forms-survey.csv');

  it('finds the NPS question no alias names, beside a named satisfaction question', () => {
    const s = readSurvey(survey, read('shopify-orders.csv'), { zone, settings: DEFAULT_SETTINGS, lang: 'en' });
    expect(s.columns).toMatchObject({ date: 0, email: 1, nps: 2, satisfaction: 3 });
    expect(s.rows).toBe(8);
    expect(s.skipped.map((x) => ({ row: x.row, reason: x.reason }))).toEqual([{ row: 9, reason: 'customer' }]);
  });

  it('FANSTAGE table as of 2025-12-31 without the survey', () => {
    expect(fanStage(env, loadFixture('shopify-orders.csv'), undefined, AS_OF)).toEqual([
      ['Customer', 'Stage', 'Purchases', 'LTV', 'Last order', 'Days since last', 'Subscribed', 'Positive reactions'],
      // Accepts Marketing "no" on #1011
      ['erika@example.com', 'Unregistered', 1, 15000, new Date('2025-12-09T15:00:00Z'), 21, false, 0],
      ['aiko@example.jp', 'Follower', 2, 14300, new Date('2025-11-14T15:00:00Z'), 46, false, 0],
      ['dai@example.jp', 'Follower', 2, 13950, new Date('2025-12-26T15:00:00Z'), 4, false, 0],
      ['chika@example.jp', 'Visitor', 1, 6600, new Date('2025-12-27T15:00:00Z'), 3, false, 0],
      // #1010 (2026-01-05) is after the as-of day
      ['ben@example.com', 'Lapsed', 1, 3300, new Date('2025-08-31T15:00:00Z'), 121, false, 0],
    ]);
  });

  it('FANSTAGE table as of 2025-12-31 with the survey (NPS ≥ 9 or satisfaction ≥ 4)', () => {
    expect(fanStage(env, loadFixture('shopify-orders.csv'), undefined, AS_OF, undefined, survey)).toEqual([
      ['Customer', 'Stage', 'Purchases', 'LTV', 'Last order', 'Days since last', 'Subscribed', 'Positive reactions'],
      ['erika@example.com', 'Unregistered', 1, 15000, new Date('2025-12-09T15:00:00Z'), 21, false, 0],
      // satisfaction 5 on 11/20; the 1/3/2026 answer is after the as-of day
      ['aiko@example.jp', 'Follower', 2, 14300, new Date('2025-11-14T15:00:00Z'), 46, false, 1],
      // NPS 9 on 12/22 (satisfaction 2); NPS 6 on 12/30 is not positive
      ['dai@example.jp', 'Follower', 2, 13950, new Date('2025-12-26T15:00:00Z'), 4, false, 1],
      ['chika@example.jp', 'Visitor', 1, 6600, new Date('2025-12-27T15:00:00Z'), 3, false, 1],
      // NPS 9 (satisfaction 3) from Ben@Example.com: registered, 121 days, one positive reaction
      ['ben@example.com', 'Dormant', 1, 3300, new Date('2025-08-31T15:00:00Z'), 121, false, 1],
    ]);
  });
});
