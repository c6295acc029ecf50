/**
 * Orders range → orders (SPEC §1.1, §1.4, §1.5) in the generic layout and with the owner's
 * settings: which column is which, how rows become orders, what is cancelled, what is skipped and
 * reported with its row. The platform layouts are in profiles.test.ts.
 */
import { dayFromCivil, isoDay, makeZone } from '../../src/core/dates';
import { InputError, readOrders, requireTable, resolveColumns, type OrdersRead } from '../../src/core/orders';
import { PROFILES } from '../../src/core/profiles';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { Cell } from '../../src/core/values';

const zone = makeZone('Asia/Tokyo');

function read(table: Cell[][], over: Partial<Pick<Settings, 'columns' | 'sumOrderRows'>> = {}, headerRow?: number): OrdersRead {
  return readOrders(table, { zone, settings: { ...DEFAULT_SETTINGS, ...over }, lang: 'en', headerRow });
}
const summary = (r: OrdersRead) => r.orders.map((o) => [o.key, isoDay(o.day), o.amount]);
const skips = (r: OrdersRead) => r.skipped.map((s) => [s.row, s.reason, s.value]);

describe('the orders range itself', () => {
  test.each([
    ['not a range', 'Orders!A:H'],
    ['nothing', []],
    ['a row that is not a row', ['Customer ID']],
    ['a blank header row', [['', ' ', null], ['A', '2024-01-05', 100]]],
  ])('%s: an error asking for the range with its header row', (_name, input) => {
    expect(() => readOrders(input, { zone, settings: DEFAULT_SETTINGS, lang: 'en' })).toThrow(
      new InputError('Pass the orders as a range that includes its header row (e.g. Orders!A:H)'),
    );
    expect(() => requireTable(input, 'survey', 'ja')).toThrow('アンケートには見出し行を含む範囲を指定してください');
  });

  test('no customer, date or amount column: an error naming every missing field and the headers seen', () => {
    expect(() => read([['商品名', '数量', '']])).toThrow(
      'The orders range is missing a column for: customer ID or e-mail; date; amount. Headers seen: "商品名", "数量"',
    );
    expect(() => readOrders([['Customer ID', 'Order date']], { zone, settings: DEFAULT_SETTINGS, lang: 'ja' })).toThrow(
      '注文の範囲に必要な列が見つかりません: 金額 (amount)。見つかった見出し: "Customer ID", "Order date"',
    );
    expect(() => read([['e-mail', 'Total']])).toThrow(/missing a column for: date\. Headers seen/);
    expect(() => read([['Order date', 'Total']])).toThrow(/missing a column for: customer ID or e-mail\. /);
    expect(() => read([['', ' '], ['Order date', 'Total']])).toThrow(InputError);
  });

  test('an error is an InputError: a message for the owner, not a crash', () => {
    try {
      read([['x']]);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).name).toBe('InputError');
    }
  });

  test('rows counts the non-blank data rows; sheet rows count from the header row given', () => {
    const r = read(
      [
        ['Customer ID', 'Order date', 'Total'],
        ['A', '2024-01-05', 100],
        ['', ' ', null],
        ['', '2024-01-06', 100],
      ],
      {},
      5,
    );
    expect(r.rows).toBe(2);
    expect(skips(r)).toEqual([[8, 'customer', '']]);
    expect(r.orders[0]!.row).toBe(6);
  });
});

describe('rows with the same order id are one order (SPEC §1.4)', () => {
  const H = ['Order ID', 'Customer ID', 'Order date', 'Total', 'Name'];

  test('its customer, date and amount are the first non-blank of its rows; 1001 and "1001 " are one order', () => {
    const r = read([
      H,
      [1001, '', '', '', ''],
      [' 1001', 'A', '2024-01-05', 5000, 'Aiko'],
      ['1001 ', 'B', '2024-01-09', 9999, 'Ben'],
      ['1002', 'B', '2024-01-06', 300, ''],
    ]);
    expect(summary(r)).toEqual([
      ['A', '2024-01-05', 5000],
      ['B', '2024-01-06', 300],
    ]);
    expect(r.orders.map((o) => [o.row, o.name])).toEqual([
      [2, 'Aiko'],
      [5, undefined],
    ]);
    expect(r.rows).toBe(4);
  });

  test('a row without an order id is an order of its own', () => {
    const r = read([H, ['', 'A', '2024-01-05', 100, ''], ['', 'A', '2024-01-05', 100, '']]);
    expect(r.orders).toHaveLength(2);
  });

  test('an order whose amount is 0 on its first line takes that 0, not a later line’s amount', () => {
    const r = read([H, ['X1', 'A', '2024-01-05', 0, ''], ['X1', '', '', 700, '']]);
    expect(summary(r)).toEqual([['A', '2024-01-05', 0]]);
  });

  test('a cancelled line cancels the whole order; the cancelled orders are counted', () => {
    const r = read([
      [...H, 'Status'],
      ['X1', 'A', '2024-01-05', 100, '', 'paid'],
      ['X1', '', '', '', '', 'キャンセル'],
      ['X2', 'A', '2024-01-06', 200, '', ''],
    ]);
    expect(summary(r)).toEqual([['A', '2024-01-06', 200]]);
    expect(r.cancelled).toBe(1);
  });

  test('a non-empty "Cancelled at" cancels the order, whatever its status', () => {
    const r = read([
      ['Customer ID', 'Order date', 'Total', 'Status', 'Cancelled at'],
      ['A', '2024-01-05', 100, 'paid', '2024-01-06'],
      ['A', '2024-01-07', 200, 'paid', ' '],
    ]);
    expect(summary(r)).toEqual([['A', '2024-01-07', 200]]);
    expect(r.cancelled).toBe(1);
  });
});

describe('"sum the rows" (a setting of the generic layout, SPEC §1.4)', () => {
  const H = ['Order ID', 'Customer ID', 'Order date', 'Total', 'Status'];

  test('the order’s amount is the sum of its rows; a cancelled line drops out', () => {
    const r = read(
      [
        H,
        ['X1', 'A', '2024-01-05', 1000, ''],
        ['X1', '', '', 500, 'キャンセル'],
        ['X1', '', '', '¥250', ''],
        ['X2', 'B', '2024-01-05', 0, ''],
      ],
      { sumOrderRows: true },
    );
    expect(summary(r)).toEqual([
      ['A', '2024-01-05', 1250],
      ['B', '2024-01-05', 0],
    ]);
    expect(r.cancelled).toBe(0);
  });

  test('an order all of whose lines are cancelled is cancelled', () => {
    const r = read([H, ['X1', 'A', '2024-01-05', 1000, 'cancelled'], ['X1', '', '', 500, 'refunded']], { sumOrderRows: true });
    expect(r.orders).toEqual([]);
    expect(r.cancelled).toBe(1);
  });

  test('a line whose amount cannot be read is reported on its own row and left out of the sum', () => {
    const r = read(
      [
        H,
        ['X1', 'A', '2024-01-05', 1000, ''],
        ['X1', '', '', 'free', ''],
        ['X2', 'B', '2024-01-05', 'n/a', ''],
        ['X3', 'C', '2024-01-05', '', ''],
        ['X3', '', '', ' ', ''],
      ],
      { sumOrderRows: true },
    );
    expect(summary(r)).toEqual([['A', '2024-01-05', 1000]]);
    // X2: its only line is unreadable (reported once); X3: no amount on any line.
    expect(skips(r)).toEqual([
      [3, 'amount', 'free'],
      [4, 'amount', 'n/a'],
      [5, 'amount', ''],
    ]);
  });

  test('the setting changes only the generic layout, not a platform whose amount is per order', () => {
    const shopify = [
      ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem name'],
      ['#1', 'a@shop.jp', 'paid', '2024-01-05 10:00:00 +0900', 1000, 'Tea'],
      ['#1', 'a@shop.jp', '', '', 1000, 'Cup'],
    ];
    expect(summary(read(shopify, { sumOrderRows: true }))).toEqual([['a@shop.jp', '2024-01-05', 1000]]);
  });
});

describe('what is skipped and reported (SPEC §1.5)', () => {
  test('no key, an unreadable date or amount: skipped with its row, reason and the cell as text, in row order', () => {
    const r = read([
      ['Customer ID', 'Email', 'Order date', 'Total'],
      ['B', '', '２０２４年１３月１日', 100],
      ['', '', '2024-01-05', 100],
      ['C', '', '2024-01-05', '¥ twelve'],
      ['D', '', '', 100],
      ['E', '', '2024-01-05', ''],
      ['F', '', '2024-01-05', 100],
    ]);
    expect(skips(r)).toEqual([
      [2, 'date', '2024年13月1日'],
      [3, 'customer', ''],
      [4, 'amount', '¥ twelve'],
      [5, 'date', ''],
      [6, 'amount', ''],
    ]);
    expect(summary(r)).toEqual([['F', '2024-01-05', 100]]);
  });

  test('an order date is a calendar day of the spreadsheet zone', () => {
    const r = read([
      ['Customer ID', 'Order date', 'Total'],
      ['A', new Date('2024-01-05T15:30:00Z'), 100], // 00:30 on the 6th in Tokyo
    ]);
    expect(r.orders[0]!.day).toBe(dayFromCivil(2024, 1, 6));
    expect(r.orders[0]!.localMs).toBe(Date.UTC(2024, 0, 6, 0, 30));
  });
});

describe('customer keys: the ID, else the e-mail (SPEC §1.1, §1.4)', () => {
  const H = ['Customer ID', 'Email', 'Order date', 'Total'];

  test('with an ID column, an order without an ID takes the ID another order gives its e-mail (a guest who later joined)', () => {
    const r = read([
      H,
      ['', 'Hana@Example.jp', '2024-01-04', 100],
      [7, 'hana@example.jp', '2024-01-05', 200],
      ['', 'solo@example.jp', '2024-01-06', 300],
    ]);
    expect(r.keyKind).toBe('id');
    expect(r.orders.map((o) => o.key)).toEqual(['7', '7', 'solo@example.jp']);
    expect(r.keyForEmail('hana@example.jp')).toBe('7');
    expect(r.keyForEmail('solo@example.jp')).toBeUndefined();
  });

  test('the first ID seen for an e-mail is the one it links to', () => {
    const r = read([H, [7, 'x@example.jp', '2024-01-04', 100], [8, 'x@example.jp', '2024-01-05', 100], ['', 'x@example.jp', '2024-01-06', 100]]);
    expect(r.orders.map((o) => o.key)).toEqual(['7', '8', '7']);
  });

  test('without an ID column the e-mail is the key, and there is nothing to link', () => {
    const r = read([['Email', 'Order date', 'Total'], ['Hana@Example.jp', '2024-01-05', 100]]);
    expect(r.keyKind).toBe('email');
    expect(r.orders[0]!.key).toBe('hana@example.jp');
    expect(r.keyForEmail('hana@example.jp')).toBeUndefined();
  });
});

describe('subscription, consent and names', () => {
  test('a subscription column marks subscription orders; without one nothing is', () => {
    const r = read([
      ['Customer ID', 'Order date', 'Total', '定期購入'],
      ['A', '2024-01-05', 100, '定期'],
      ['B', '2024-01-05', 100, ''],
    ]);
    expect(r.orders.map((o) => o.subscription)).toEqual([true, false]);
    expect(r.hasSubscription).toBe(true);
    const plain = read([['Customer ID', 'Order date', 'Total'], ['A', '2024-01-05', 100]]);
    expect(plain.orders[0]!.subscription).toBe(false);
    expect(plain.hasSubscription).toBe(false);
  });

  test('the consent column on each order, or undefined when the export has none', () => {
    const r = read([
      ['Customer ID', 'Order date', 'Total', 'Accepts Marketing'],
      ['A', '2024-01-05', 100, 'yes'],
      ['B', '2024-01-05', 100, 'no'],
    ]);
    expect(r.orders.map((o) => o.consent)).toEqual([true, false]);
    expect(r.hasConsent).toBe(true);
    const plain = read([['Customer ID', 'Order date', 'Total'], ['A', '2024-01-05', 100]]);
    expect(plain.orders[0]!.consent).toBeUndefined();
    expect(plain.hasConsent).toBe(false);
  });

  test('a name split over 姓 and 名 (a platform’s columns) is joined with a space; a blank part is left out', () => {
    const base = [
      ['注文ID', '発送状況', '商品名', 'メールアドレス(請求先)', '注文日時', '合計金額', '氏(請求先)', '名(請求先)'],
      ['B1', '発送済み', 'Tea', 'a@shop.jp', '2024-01-05 10:00', 1000, ' 山田 ', '花子'],
      ['B2', '発送済み', 'Tea', 'b@shop.jp', '2024-01-05 10:00', 1000, '佐藤', ''],
      ['B3', '発送済み', 'Tea', 'c@shop.jp', '2024-01-05 10:00', 1000, '', ''],
    ];
    expect(read(base).orders.map((o) => o.name)).toEqual(['山田 花子', '佐藤', undefined]);
  });

  test('a profile may split the name in more than one way: the first pair present is used', () => {
    const rakuten = [
      ['注文番号', '注文者メールアドレス', '楽天会員フラグ', '注文日時', '合計金額', '注文者名字', '注文者名前'],
      ['R1', 'x@relay.jp', 1, '2024-01-05 10:00', 1000, '鈴木', '一郎'],
    ];
    expect(read(rakuten).orders[0]!.name).toBe('鈴木 一郎');
  });

  test('without a name column an order has no name', () => {
    expect(read([['Customer ID', 'Order date', 'Total'], ['A', '2024-01-05', 100]]).orders[0]!.name).toBeUndefined();
  });

  test('an order-type column whose codes mark subscriptions (楽天 注文種別 4, 5) makes the export one with subscriptions', () => {
    const r = read([
      ['注文番号', '注文者メールアドレス', '楽天会員フラグ', '注文日時', '合計金額', '注文種別'],
      ['R1', 'a@relay.jp', 1, '2024-01-05 10:00', 1000, ' 4 '],
      ['R2', 'b@relay.jp', 1, '2024-01-05 10:00', 1000, '1'],
      ['R3', 'c@relay.jp', 0, '2024-01-05 10:00', 1000, ''],
    ]);
    expect(r.hasSubscription).toBe(true);
    expect(r.orders.map((o) => o.subscription)).toEqual([true, false, false]);
  });
});

describe('which column is which (SPEC §1: the owner’s choice first)', () => {
  const H = ['Customer ID', 'Member No', 'Order date', 'Paid on', 'Total', 'Status'];
  const rows: Cell[][] = [H, ['A', 'M1', '2024-01-05', '2024-02-01', 100, 'キャンセル']];

  test('an override names the column to use, even where an alias would choose another', () => {
    const r = read(rows, { columns: { orders: { customerId: 'member no', date: 'Paid on' } } });
    expect(r.columns).toMatchObject({ customerId: 1, date: 3, amount: 4 });
  });

  test('an override of "" says the sheet has no such column', () => {
    const r = read(rows, { columns: { orders: { status: '' } } });
    expect(r.columns.status).toBeUndefined();
    expect(summary(r)).toEqual([['A', '2024-01-05', 100]]);
  });

  test('a column named by two overrides goes to the first', () => {
    const cols = resolveColumns('orders', H, { customerId: 'Total', amount: 'Total' });
    expect(cols.customerId).toBe(4);
    expect(cols.amount).toBeUndefined();
  });

  test('a platform profile’s columns come before the generic aliases, the first it lists that is present', () => {
    const rakuten = PROFILES.find((p) => p.id === 'rakuten')!;
    const headers = ['注文番号', '注文者メールアドレス', '注文日時', '合計', '請求金額', '合計金額'];
    expect(resolveColumns('orders', headers, undefined, rakuten).amount).toBe(5);
    expect(resolveColumns('orders', headers.slice(0, 5), undefined, rakuten).amount).toBe(4);
    // The profile's columns are not taken again by a generic alias.
    const cols = resolveColumns('orders', headers, undefined, rakuten);
    expect(Object.values(cols).filter((c) => c === 5)).toHaveLength(1);
  });

  test('the owner’s choice beats a platform profile’s column', () => {
    const rakuten = PROFILES.find((p) => p.id === 'rakuten')!;
    const headers = ['注文番号', '注文者メールアドレス', '注文日時', '合計', '請求金額', '合計金額'];
    expect(resolveColumns('orders', headers, { amount: '請求金額' }, rakuten).amount).toBe(4);
    // A profile column the owner gave to another field is not taken twice.
    const cols = resolveColumns('orders', headers, { orderId: '合計金額' }, rakuten);
    expect(cols.orderId).toBe(5);
    expect(cols.amount).toBe(4);
  });

  test('an override that is not text (a damaged setting) is ignored', () => {
    const cols = resolveColumns('orders', H, { amount: null as unknown as string, date: 'Paid on' });
    expect(cols).toMatchObject({ amount: 4, date: 3 });
  });

  test('a field a profile rules out is not filled by a generic alias (Shopify has no customer ID)', () => {
    const shopify = PROFILES.find((p) => p.id === 'shopify')!;
    expect(resolveColumns('orders', ['Name', 'Email', 'Customer ID'], undefined, shopify).customerId).toBeUndefined();
    // …unless the owner names one.
    expect(resolveColumns('orders', ['Name', 'Email', 'Customer ID'], { customerId: 'Customer ID' }, shopify).customerId).toBe(2);
  });
});
