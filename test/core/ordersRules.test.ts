/**
 * Orders range → orders, rule by rule, as messy exports write them (SPEC §1.1, §1.4, §1.5): an
 * order's amount from its lines, cancelled lines, customer keys (guest placeholders, cell errors,
 * phones), a platform's status codes and once-per-order amounts, what a refresh reads, the
 * missing-columns message. orders.test.ts has the generic layout's basics and the owner's settings;
 * profiles.test.ts reads whole platform exports.
 */
import fc from 'fast-check';
import { isoDay, makeZone } from '../../src/core/dates';
import { missingColumns, orderColumnsRead, ordersReadable, readOrders, resolveColumns, type OrdersRead } from '../../src/core/orders';
import { detectProfile } from '../../src/core/profiles';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { Cell } from '../../src/core/values';

const zone = makeZone('Asia/Tokyo');

function read(table: Cell[][], over: Partial<Pick<Settings, 'columns' | 'sumOrderRows'>> = {}, headerRow?: number): OrdersRead {
  return readOrders(table, { zone, settings: { ...DEFAULT_SETTINGS, ...over }, lang: 'en', headerRow });
}
const summary = (r: OrdersRead) => r.orders.map((o) => [o.key, isoDay(o.day), o.amount]);
const skips = (r: OrdersRead) => r.skipped.map((s) => [s.row, s.reason, s.value]);

describe('cancelled lines and the date of a summed order', () => {
  const H = ['Order ID', 'Customer ID', 'Order date', 'Total', 'Status'];

  test('a cancelled first line cancels the order too, whatever the later lines say', () => {
    const r = read([
      H,
      ['X1', 'A', '2024-01-05', 100, 'cancelled'],
      ['X1', '', '', '', 'paid'],
      ['X1', '', '', '', ''],
    ]);
    expect(r.orders).toEqual([]);
    expect(r.cancelled).toBe(1);
  });

  test('an item status cancels its line: a summed order loses that line, any other order is cancelled whole', () => {
    const AH = ['amazon-order-id', 'purchase-date', 'order-status', 'item-status', 'item-price', 'shipping-price', 'buyer-email'];
    const amazon = read([
      AH,
      ['A1', '2024-01-05T10:00:00Z', 'Shipped', 'Shipped', 1000, 0, 'a@x.jp'],
      ['A1', '2024-01-05T10:00:00Z', 'Shipped', 'Cancelled', 500, 0, 'a@x.jp'],
    ]);
    expect(summary(amazon)).toEqual([['a@x.jp', '2024-01-05', 1000]]);
    const CM = ['売上ID', '受注日', '購入者 メールアドレス', '総合計金額', '発送状態'];
    const colorme = read([CM, ['S1', '2024-01-05', 'a@x.jp', 1500, '発送済み'], ['S1', '', '', '', 'キャンセル'], ['S2', '2024-01-06', 'a@x.jp', 700, '']]);
    expect(summary(colorme)).toEqual([['a@x.jp', '2024-01-06', 700]]);
    expect(colorme.cancelled).toBe(1);
  });

  test('the order is dated by its earliest readable line; with none, it is skipped with its first date cell', () => {
    const r = read(
      [
        H,
        ['X1', 'A', '2024-01-09', 100, ''],
        ['X1', '', '2024-01-03', 100, ''],
        ['X1', '', 'soon', 100, ''],
        ['X2', 'B', '', 100, ''],
        ['X2', '', 'someday', 100, ''],
        ['X2', '', 'later', 100, ''],
      ],
      { sumOrderRows: true },
    );
    expect(summary(r)).toEqual([['A', '2024-01-03', 300]]);
    expect(skips(r)).toEqual([[5, 'date', 'someday']]);
  });
});

describe('the owner’s "no such column"', () => {
  test('an override of "" is no column, also where the header row has blank cells', () => {
    const r = read([['Customer ID', 'Order date', 'Total', ''], ['A', '2024-01-05', 100, 'cancelled']], { columns: { orders: { status: '' } } });
    expect(r.columns.status).toBeUndefined();
    expect(summary(r)).toEqual([['A', '2024-01-05', 100]]);
  });

  test('an override of "" turns a platform’s column off too (Shopify without its Financial Status)', () => {
    const SH = ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem name'];
    const rows = [SH, ['#1', 'a@x.jp', 'refunded', '2024-01-05 10:00:00 +0900', 1000, 'Tea']];
    expect(read(rows).cancelled).toBe(1);
    const off = read(rows, { columns: { orders: { status: '' } } });
    expect(off.columns.status).toBeUndefined();
    expect(summary(off)).toEqual([['a@x.jp', '2024-01-05', 1000]]);
  });
});

describe('names and subscriptions', () => {
  test('a name column’s cell is kept as given', () => {
    expect(read([['Customer ID', 'Order date', 'Total', 'Name'], ['A', '2024-01-05', 100, 1234]]).orders[0]!.name).toBe(1234);
  });

  test('an order is a subscription when its subscription column or its order type says so', () => {
    const FS = ['受注コード', '注文日時', '請求合計金額', 'メールアドレス(メイン)', '受注種別', '定期購入'];
    const r = read([
      FS,
      ['F1', '2024-01-05 10:00', 1000, 'a@x.jp', '通常受注', '定期'],
      ['F2', '2024-01-06 10:00', 1000, 'a@x.jp', '定期受注', ''],
      ['F3', '2024-01-07 10:00', 1000, 'a@x.jp', '通常受注', ''],
    ]);
    expect(r.orders.map((o) => o.subscription)).toEqual([true, true, false]);
  });

  test('an order-type column marks subscriptions only where the platform names its codes', () => {
    const generic = read([['Customer ID', 'Order date', 'Total', '注文種別'], ['A', '2024-01-05', 100, '定期購入']]);
    expect(generic.hasSubscription).toBe(false);
    expect(generic.orders[0]!.subscription).toBe(false);
    const rakutenWithoutType = read([['注文番号', '注文者メールアドレス', '楽天会員フラグ', '注文日時', '合計金額'], ['R1', 'a@x.jp', 1, '2024-01-05 10:00', 1000]]);
    expect(rakutenWithoutType.hasSubscription).toBe(false);
  });
});

describe('an order’s amount from its lines, where the export has no order total (SPEC §1.4)', () => {
  test('price × quantity per line, summed; a blank quantity is one', () => {
    const r = read([
      ['Order ID', 'Customer ID', 'Order date', 'Unit price', 'Quantity'],
      ['X1', 'A', '2024-01-05', 500, 2],
      ['X1', '', '', '¥300', ''],
      ['X2', 'B', '2024-01-06', 1200, 1],
    ]);
    expect(summary(r)).toEqual([
      ['A', '2024-01-05', 1300],
      ['B', '2024-01-06', 1200],
    ]);
  });

  test('a line whose price or quantity cannot be read is reported on its own row with that cell', () => {
    const r = read(
      [
        ['Order ID', 'Customer ID', 'Order date', 'Unit price', 'Quantity'],
        ['X1', 'A', '2024-01-05', 500, 2],
        ['X1', '', '', 'ask', 1],
        ['X1', '', '', 100, 'two'],
        ['X1', '', '', '', ''],
        ['X2', 'B', '2024-01-06', '', 3],
      ],
      {},
      10,
    );
    expect(summary(r)).toEqual([['A', '2024-01-05', 1000]]);
    // A line without a price (a note) is left out unreported; X2: no price on any line, so no
    // amount (reported on its first row, the customer known).
    expect(r.skipped).toEqual([
      { row: 12, reason: 'amount', value: 'ask', key: 'A' },
      { row: 13, reason: 'amount', value: 'two', key: 'A' },
      { row: 15, reason: 'amount', value: '', key: 'B' },
    ]);
  });

  test('the reported rows are in sheet order, also where an order’s lines are spread among other orders', () => {
    const r = read([
      ['Order ID', 'Customer ID', 'Order date', 'Unit price', 'Quantity'],
      ['X1', 'A', '2024-01-05', 500, 1],
      ['X2', '', '2024-01-05', 500, 1],
      ['X1', '', '', 'ask', 1],
      ['X3', 'C', 'soon', 500, 1],
    ]);
    expect(skips(r)).toEqual([
      [3, 'customer', ''],
      [4, 'amount', 'ask'],
      [5, 'date', 'soon'],
    ]);
  });

  test('line totals (小計, Gross Sales) are summed; the order is dated by its earliest line', () => {
    const r = read([
      ['注文番号', '顧客ID', '注文日', '小計'],
      ['X1', 'A', '2024-01-09', 500],
      ['X1', '', '2024-01-03', 300],
      ['X1', '', '2024-01-07', 200],
    ]);
    expect(summary(r)).toEqual([['A', '2024-01-03', 1000]]);
  });

  test('an order total wins: price, quantity and line columns beside it are not read', () => {
    const H = ['Customer ID', 'Order date', 'Total', 'Unit price', 'Quantity', '小計'];
    const r = read([H, ['A', '2024-01-05', 1000, 'ask', 'two', 'n/a']]);
    expect(summary(r)).toEqual([['A', '2024-01-05', 1000]]);
    expect(r.columns).toEqual({ customerId: 0, date: 1, amount: 2 });
  });

  test('a line total wins over price × quantity', () => {
    const cols = resolveColumns('orders', ['Customer ID', 'Order date', 'Line total', 'Unit price', 'Quantity'], undefined);
    expect(cols).toEqual({ customerId: 0, date: 1, lineAmount: 2 });
  });

  test('a price without a quantity column is no amount', () => {
    expect(() => read([['Customer ID', 'Order date', 'Unit price']])).toThrow(/missing a column for: amount\./);
  });
});

describe('customer keys: placeholders, cell errors and the phone', () => {
  const H = ['Customer ID', 'Email', 'Phone', 'Order date', 'Total'];

  test('a guest placeholder in the ID column (0, -, Guest, ゲスト, 非会員) is no ID: the e-mail keys the order', () => {
    const r = read([
      H,
      [0, 'a@x.jp', '', '2024-01-05', 1],
      ['-', 'b@x.jp', '', '2024-01-05', 1],
      [' Guest ', 'c@x.jp', '', '2024-01-05', 1],
      ['ゲスト', 'd@x.jp', '', '2024-01-05', 1],
      ['非会員', 'e@x.jp', '', '2024-01-05', 1],
      ['GUEST', '', '', '2024-01-05', 1],
    ]);
    expect(r.orders.map((o) => o.key)).toEqual(['a@x.jp', 'b@x.jp', 'c@x.jp', 'd@x.jp', 'e@x.jp']);
    expect(skips(r)).toEqual([[7, 'customer', '']]);
  });

  test('an ID that only contains a placeholder is an ID (guest1, 10, -5)', () => {
    const r = read([H, ['guest1', 'a@x.jp', '', '2024-01-05', 1], [10, 'b@x.jp', '', '2024-01-05', 1], ['-5', 'c@x.jp', '', '2024-01-05', 1]]);
    expect(r.orders.map((o) => o.key)).toEqual(['guest1', '10', '-5']);
  });

  test('a placeholder ID never links an e-mail to "0"', () => {
    const r = read([H, [0, 'a@x.jp', '', '2024-01-05', 1], ['', 'a@x.jp', '', '2024-01-06', 1]]);
    expect(r.orders.map((o) => o.key)).toEqual(['a@x.jp', 'a@x.jp']);
    expect(r.keyForEmail('a@x.jp')).toBeUndefined();
  });

  test('a cell error or a checkbox in the ID column skips the order with that cell, naming the e-mail’s customer', () => {
    const r = read([H, ['#N/A', 'a@x.jp', '', '2024-01-05', 1], [true, 'a@x.jp', '', '2024-01-05', 1], ['#REF!', '', '', '2024-01-05', 1]]);
    expect(r.orders).toEqual([]);
    expect(r.skipped).toEqual([
      { row: 2, reason: 'customer', value: '#N/A', key: 'a@x.jp' },
      { row: 3, reason: 'customer', value: 'TRUE', key: 'a@x.jp' },
      { row: 4, reason: 'customer', value: '#REF!' },
    ]);
  });

  test('with cell errors in both the ID and the e-mail, the ID’s is the one reported', () => {
    const r = read([H, ['#N/A', '#REF!', '090-1111-2222', '2024-01-05', 1]]);
    expect(r.skipped).toEqual([{ row: 2, reason: 'customer', value: '#N/A', key: '09011112222' }]);
  });

  test('a blank e-mail belongs to no customer', () => {
    const r = read([H, ['C7', '', '', '2024-01-05', 1]]);
    expect(r.keyForEmail('')).toBeUndefined();
  });

  test('without an ID or e-mail, the phone keys the order, as digits with its leading 0', () => {
    const r = read([H, ['', '', '090-1111-2222', '2024-01-05', 1], ['', '', 9011112222, '2024-01-06', 1], ['', '', '12-34', '2024-01-07', 1]]);
    expect(r.orders.map((o) => o.key)).toEqual(['09011112222', '09011112222']);
    expect(skips(r)).toEqual([[4, 'customer', '']]);
  });

  test('a date in a phone column (a number Sheets took for one) is no phone', () => {
    const r = read([H, ['', '', new Date('2024-03-12T00:00:00Z'), '2024-01-05', 1]]);
    expect(skips(r)).toEqual([[2, 'customer', '']]);
  });

  test('the ID comes before the e-mail, the e-mail before the phone', () => {
    const r = read([H, ['C7', 'a@x.jp', '090-1111-2222', '2024-01-05', 1], ['', 'a@x.jp', '090-1111-2222', '2024-01-06', 1]]);
    expect(r.orders.map((o) => o.key)).toEqual(['C7', 'C7']);
  });

  test('a platform’s phone split over columns (電話番号1–3) is joined; the owner’s choice of a phone column wins', () => {
    const EC2 = ['注文番号', '対応状況', 'お支払い合計', '会員ID', 'メールアドレス', '注文日時', '電話番号1', '電話番号2', '電話番号3', '携帯電話'];
    const row = ['E1', '1', 1000, 0, '', '2024-01-05 10:00', '03', '1234', '5678', '080-9999-0000'];
    expect(read([EC2, row]).orders.map((o) => o.key)).toEqual(['0312345678']);
    expect(read([EC2, row], { columns: { orders: { phone: '携帯電話' } } }).orders.map((o) => o.key)).toEqual(['08099990000']);
    // A cell error in any part: the number is not known.
    expect(skips(read([EC2, ['E1', '1', 1000, 0, '', '2024-01-05 10:00', '#N/A', '1234', '5678', '']]))).toEqual([[2, 'customer', '']]);
  });
});

describe('order ids and statuses as a messy export writes them', () => {
  test('outer spaces (full-width too), tabs and line breaks around an order id are ignored; inner ones are not', () => {
    const r = read([
      ['Order ID', 'Customer ID', 'Order date', 'Total'],
      ['A 1', 'A', '2024-01-05', 100],
      ['\tA 1\n', 'X', '2024-02-01', 999],
      ['\u3000A 1\u3000', 'X', '2024-02-01', 999],
      ['A 1\u00a0', 'X', '2024-02-01', 999],
      ['A1', 'B', '2024-01-06', 200],
    ]);
    // One order A 1 (its first line's customer, date and amount), and A1.
    expect(summary(r)).toEqual([
      ['A', '2024-01-05', 100],
      ['B', '2024-01-06', 200],
    ]);
  });

  test('a platform’s status codes exclude an order whatever the spacing; its status words anywhere in the status', () => {
    const RK = ['注文番号', '注文者メールアドレス', '楽天会員フラグ', '注文日時', '合計金額', 'ステータス'];
    const r = read([RK, ['R1', 'a@x.jp', 1, '2024-01-05 10:00', 500, '900'], ['R2', 'a@x.jp', 1, '2024-01-05 10:00', 700, ' ８００ '], ['R3', 'a@x.jp', 1, '2024-01-05 10:00', 300, '1900']]);
    expect(r.orders.map((o) => o.row)).toEqual([4]);
    expect(r.cancelled).toBe(2);
    const EC = ['注文番号', '会員ID', '注文日', '支払合計', '対応状況(名称)'];
    const e = read([EC, ['E1', 1, '2024-01-05', 500, '決済処理中'], ['E2', 1, '2024-01-05', 700, '新規受付(購入処理中)'], ['E3', 1, '2024-01-05', 900, '発送済み']]);
    expect(e.orders.map((o) => o.amount)).toEqual([900]);
    expect(e.cancelled).toBe(2);
  });

  test('a platform’s exact status word is matched without case (WooCommerce "Pending")', () => {
    const WC = ['Order #', 'N. Revenue (formatted)', 'Net Sales', 'Date', 'Status', 'Customer'];
    const r = read([WC, [1, '¥1,000', 900, '2024-01-05', 'Pending', 'Hana'], [2, '¥2,000', 1800, '2024-01-05', 'Completed', 'Hana']]);
    expect(r.keyKind).toBe('name');
    expect(summary(r)).toEqual([['Hana', '2024-01-05', 2000]]);
    expect(r.cancelled).toBe(1);
  });

  test('楽天’s -99999 ("no value") is no amount: a later line’s amount is taken, else the order is skipped', () => {
    const RK = ['注文番号', '注文者メールアドレス', '楽天会員フラグ', '注文日時', '合計金額'];
    const r = read([RK, ['R1', 'a@x.jp', 1, '2024-01-05 10:00', -99999], ['R1', '', '', '', 800], ['R2', 'b@x.jp', 1, '2024-01-05 10:00', '-99999']]);
    expect(summary(r)).toEqual([['a@x.jp', '2024-01-05', 800]]);
    expect(r.skipped).toEqual([{ row: 4, reason: 'amount', value: '', key: 'b@x.jp' }]);
  });
});

describe('amounts a platform adds or takes off once per order', () => {
  test('a refunded amount is taken off a standing order; a blank or negative one changes nothing', () => {
    const SH = ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem name', 'Refunded Amount'];
    const r = read([
      SH,
      ['#1', 'a@x.jp', 'partially_refunded', '2024-01-05 10:00:00 +0900', 1000, 'Tea', 300],
      ['#2', 'a@x.jp', 'paid', '2024-01-06 10:00:00 +0900', 1000, 'Tea', ''],
      ['#3', 'a@x.jp', 'paid', '2024-01-07 10:00:00 +0900', 1000, 'Tea', -200],
    ]);
    expect(r.orders.map((o) => o.amount)).toEqual([700, 1000, 1000]);
  });

  test('BASE: 送料 and 調整金額 are added once per order; a blank or unreadable one adds nothing', () => {
    const B = ['注文ID', '発送状況', '商品名', 'メールアドレス(請求先)', '注文日時', '合計金額', '送料', '調整金額'];
    const r = read([
      B,
      ['B1', '発送済み', 'Tea', 'a@x.jp', '2024-01-05 10:00', 1000, 600, -100],
      ['B1', '発送済み', 'Cup', 'a@x.jp', '2024-01-05 10:00', 500, 600, -100],
      ['B2', '発送済み', 'Tea', 'a@x.jp', '2024-01-06 10:00', 1000, '', '—'],
    ]);
    expect(r.orders.map((o) => o.amount)).toEqual([2000, 1000]);
  });

  test('Square item sales: the order is its lines’ Gross Sales, a refund row with the sale’s Transaction ID taken off', () => {
    const SQ = ['Date', 'Item', 'Qty', 'Unit price', 'Gross Sales', 'Transaction ID', 'Customer ID', 'Customer Name'];
    const r = read([
      SQ,
      ['2024-01-09', 'Tea', -1, 650, '-¥650', 'T1', 'C1', 'Ryo'],
      ['2024-01-05', 'Tea', 1, 650, '¥650', 'T1', 'C1', 'Ryo'],
      ['2024-01-05', 'Cup', 1, 1980, '¥1,980', 'T1', 'C1', 'Ryo'],
    ]);
    expect(r.profile).toBe('squareItems');
    expect(summary(r)).toEqual([['C1', '2024-01-05', 1980]]);
  });

  test('Amazon: a line is its item price plus its shipping; a line with an unreadable part is reported and left out whole', () => {
    const AH = ['amazon-order-id', 'purchase-date', 'order-status', 'item-price', 'shipping-price', 'buyer-email'];
    const r = read([
      AH,
      ['A1', '2024-01-05T10:00:00Z', 'Shipped', 1000, 300, 'a@x.jp'],
      ['A1', '2024-01-05T10:00:00Z', 'Shipped', 'x', 300, 'a@x.jp'],
      ['A1', '2024-01-05T10:00:00Z', 'Shipped', 700, '¥-', 'a@x.jp'],
      ['A1', '2024-01-05T10:00:00Z', 'Shipped', 500, '', 'a@x.jp'],
    ]);
    expect(summary(r)).toEqual([['a@x.jp', '2024-01-05', 1800]]);
    expect(skips(r)).toEqual([
      [3, 'amount', 'x'],
      [4, 'amount', '¥-'],
    ]);
  });
});

describe('what a refresh reads of an orders sheet (issue 10: the other columns are never read)', () => {
  test('only the columns an order is read from, ascending, each once', () => {
    const H = ['Memo', 'Email', 'Product', 'Order date', 'Total', 'Customer ID', 'Status', 'Name', 'Phone', 'Unit price'];
    expect(orderColumnsRead(H, DEFAULT_SETTINGS)).toEqual([1, 3, 4, 5, 6, 7, 8]);
  });

  test('price and quantity are read where they are the amount; an owner’s override counts', () => {
    expect(orderColumnsRead(['Quantity', 'Customer ID', 'Order date', 'Unit price', 'Memo'], DEFAULT_SETTINGS)).toEqual([0, 1, 2, 3]);
    const settings = { ...DEFAULT_SETTINGS, columns: { orders: { date: 'Memo' } } };
    expect(orderColumnsRead(['Quantity', 'Customer ID', 'Order date', 'Unit price', 'Memo'], settings)).toEqual([0, 1, 3, 4]);
  });

  test('a platform’s split name and phone, its parts of a line and its once-per-order amounts', () => {
    const B = ['注文ID', '発送状況', '商品名', 'メールアドレス(請求先)', '注文日時', '合計金額', '送料', '調整金額', '氏(請求先)', '名(請求先)', '電話番号(請求先)', '備考'];
    expect(orderColumnsRead(B, DEFAULT_SETTINGS)).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9, 10]);
    const AH = ['amazon-order-id', 'sku', 'purchase-date', 'order-status', 'item-price', 'shipping-price', 'item-status', 'buyer-email'];
    expect(orderColumnsRead(AH, DEFAULT_SETTINGS)).toEqual([0, 2, 3, 4, 5, 6, 7]);
  });

  test('not an orders header (no customer, date or amount): nothing to read', () => {
    expect(orderColumnsRead(['Memo', 'Product'], DEFAULT_SETTINGS)).toBeUndefined();
    expect(orderColumnsRead(['Customer ID', 'Order date'], DEFAULT_SETTINGS)).toBeUndefined();
  });

  test('whether columns are enough to read the range: a customer, a date and an amount (a name where names are the key)', () => {
    const readable = (headers: string[]) => {
      const profile = detectProfile(headers);
      return ordersReadable(resolveColumns('orders', headers, undefined, profile), profile);
    };
    expect(readable(['Customer ID', 'Order date', 'Total'])).toBe(true);
    expect(readable(['Email', 'Order date', 'Unit price', 'Quantity'])).toBe(true);
    expect(readable(['Email', 'Order date', 'Unit price'])).toBe(false);
    expect(readable(['Phone', 'Order date', 'Total'])).toBe(false);
    const WC = ['Order #', 'N. Revenue (formatted)', 'Net Sales', 'Date'];
    expect(readable(WC)).toBe(false);
    expect(readable([...WC, 'Customer'])).toBe(true);
  });
});

describe('the missing-columns error in the owner’s language', () => {
  test('Japanese: the fields joined with または and 、, the hint straight after 。', () => {
    expect(() => readOrders([['商品名']], { zone, settings: DEFAULT_SETTINGS, lang: 'ja' })).toThrow(
      '注文の範囲に必要な列が見つかりません: 顧客ID (customer ID) または メールアドレス (e-mail)、注文日 (date)、金額 (amount)。見つかった見出し: "商品名"',
    );
    const unshipped = ['order-id', 'cod-collectible-amount', 'quantity-to-ship', 'purchase-date', 'buyer-email'];
    expect(() => readOrders([unshipped], { zone, settings: DEFAULT_SETTINGS, lang: 'ja' })).toThrow(/"buyer-email"このレポート\(未出荷の注文\)には価格の列がありません/);
    expect(() => read([unshipped])).toThrow(/"buyer-email" This report \(unshipped orders\) has no price column/);
  });

  test('a hint about the amount is given only when the amount is missing', () => {
    const unshipped = ['order-id', 'cod-collectible-amount', 'quantity-to-ship', 'purchase-date', 'buyer-email'];
    expect(() => read([unshipped], { columns: { orders: { amount: 'cod-collectible-amount', date: '' } } })).toThrow(
      /^The orders range is missing a column for: date\. Headers seen: [^]*"buyer-email"$/,
    );
  });

  test('an export keyed by name without its name column: the name is what is missing', () => {
    expect(() => read([['Order #', 'N. Revenue (formatted)', 'Net Sales', 'Date']])).toThrow(/^The orders range is missing a column for: name\. /);
  });

  test('the headers seen leave out blank ones, and say "—" when there are none', () => {
    expect(() => read([['', 'Memo', ' ']])).toThrow(/Headers seen: "Memo"$/);
    expect(() => missingColumns('survey', [['nps']], ['', ''], 'en')).toThrow(/Headers seen: —$/);
  });
});

describe('subscription orders and dates as the platforms write them', () => {
  test('a tag column marks a subscription when a subscription word is in it, in any case', () => {
    const SH = ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem name', 'Tags'];
    const r = read([
      SH,
      ['#1', 'a@x.jp', 'paid', '2024-01-05 10:00:00 +0900', 1000, 'Tea', 'VIP, Subscription Recurring Order'],
      ['#2', 'a@x.jp', 'paid', '2024-01-06 10:00:00 +0900', 1000, 'Tea', '定期便'],
      ['#3', 'a@x.jp', 'paid', '2024-01-07 10:00:00 +0900', 1000, 'Tea', 'vip'],
      ['#4', 'a@x.jp', 'paid', '2024-01-08 10:00:00 +0900', 1000, 'Tea', ''],
    ]);
    expect(r.orders.map((o) => o.subscription)).toEqual([true, true, false, false]);
  });

  test('Stripe: any Invoice ID marks a subscription charge; its Amount Refunded is taken off', () => {
    const ST = ['id', 'Created (UTC)', 'Amount', 'Amount Refunded', 'Status', 'Customer Email', 'Invoice ID'];
    const r = read([
      ST,
      ['ch_1', '2024-01-05 01:00', 1000, 0, 'Paid', 'a@x.jp', 'in_1'],
      ['ch_2', '2024-01-06 01:00', 1000, 250, 'Paid', 'a@x.jp', ''],
    ]);
    expect(r.orders.map((o) => [o.subscription, o.amount])).toEqual([
      [true, 1000],
      [false, 750],
    ]);
    expect(r.hasSubscription).toBe(true);
  });

  test('a zone in the date header ("(UTC)") dates the order on the spreadsheet’s calendar', () => {
    const r = read([['Customer ID', 'Order date (UTC)', 'Total'], ['A', '2024-01-05 20:00', 100], ['B', '2024-01-05 14:00', 100]]);
    expect(summary(r)).toEqual([
      ['A', '2024-01-06', 100],
      ['B', '2024-01-05', 100],
    ]);
  });

  test('a date column is read day-first when one of its dates is (13/01/2024), whichever row that is', () => {
    const r = read([['Customer ID', 'Order date', 'Total'], ['A', '02/01/2024', 100], ['B', '13/01/2024', 100]]);
    expect(summary(r)).toEqual([
      ['A', '2024-01-02', 100],
      ['B', '2024-01-13', 100],
    ]);
    expect(summary(read([['Customer ID', 'Order date', 'Total'], ['A', '02/01/2024', 100]]))).toEqual([['A', '2024-02-01', 100]]);
  });
});

describe('wherever its columns are, and whether the owner names them or the aliases find them, an export reads the same (property)', () => {
  /** Everything a reading gives, to compare one column order with another. */
  const reading = (r: OrdersRead) => ({
    orders: r.orders.map((o) => [o.key, isoDay(o.day), o.amount, o.subscription, o.consent, o.name, o.row]),
    skipped: r.skipped,
    cancelled: r.cancelled,
    keyKind: r.keyKind,
    hasConsent: r.hasConsent,
    hasSubscription: r.hasSubscription,
  });
  /** The table with its columns in `order`. */
  const reorder = (table: Cell[][], order: number[]): Cell[][] => table.map((row) => order.map((c) => row[c]));
  /** Every column first once (the rotations), then shuffles. */
  function readsTheSame(table: Cell[][], over: Partial<Pick<Settings, 'columns' | 'sumOrderRows'>> = {}): void {
    const expected = reading(read(table, over));
    const n = table[0]!.length;
    for (let k = 0; k < n; k++) {
      const order = [...Array(n).keys()].map((c) => (c + k) % n);
      expect(reading(read(reorder(table, order), over))).toEqual(expected);
    }
    fc.assert(
      fc.property(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), (order) => {
        expect(reading(read(reorder(table, order), over))).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  }

  const H = ['Order ID', 'Customer ID', 'Email', 'Phone', 'Name', 'Order date', 'Total', 'Status', 'Accepts Marketing', 'Subscription', 'Cancelled at'];
  const FIELDS = ['orderId', 'customerId', 'email', 'phone', 'name', 'date', 'amount', 'status', 'registered', 'subscription', 'cancelledAt'] as const;
  const GENERIC: Cell[][] = [
    H,
    ['X1', 'C1', 'hana@x.jp', '', 'Hana', '2024-01-05', 1000, 'paid', 'yes', '', ''],
    ['X1', '', '', '', '', '', '', '', '', '', ''],
    ['X2', '', 'Hana@x.jp', '', '', '2024-01-06', 500, 'paid', 'no', 'yes', ''],
    ['X3', '', '', '090-1111-2222', 'Walk-in', '2024-01-07', 300, 'paid', '', '', ''],
    ['X4', 'C2', '', '', 'Ken', '2024-01-08', 800, 'cancelled', '', '', ''],
    ['X5', '', '', '', 'Nobody', '2024-01-09', 200, 'paid', '', '', ''],
    ['X6', 'C3', '', '', 'Aki', '2024-01-10', 900, 'paid', '', '', '2024-01-11'],
  ];

  test('the generic layout (the reading itself, then every column order)', () => {
    expect(reading(read(GENERIC))).toEqual({
      orders: [
        ['C1', '2024-01-05', 1000, false, true, 'Hana', 2],
        ['C1', '2024-01-06', 500, true, false, undefined, 4],
        ['09011112222', '2024-01-07', 300, false, false, 'Walk-in', 5],
      ],
      skipped: [{ row: 7, reason: 'customer', value: '' }],
      cancelled: 2,
      keyKind: 'id',
      hasConsent: true,
      hasSubscription: true,
    });
    readsTheSame(GENERIC);
  });

  test('the generic layout, the owner naming every column', () => {
    const overrides = Object.fromEntries(FIELDS.map((f, i) => [f, H[i]!]));
    expect(reading(read(GENERIC, { columns: { orders: overrides } }))).toEqual(reading(read(GENERIC)));
    readsTheSame(GENERIC, { columns: { orders: overrides } });
  });

  test('price × quantity lines', () => {
    readsTheSame([
      ['Order ID', 'Email', 'Order date', 'Unit price', 'Quantity', 'Status'],
      ['X1', 'a@x.jp', '2024-01-05', 500, 2, ''],
      ['X1', '', '', 300, '', ''],
      ['X2', 'b@x.jp', '2024-01-06', 'ask', 1, ''],
    ]);
  });

  test.each([
    [
      'Shopify',
      [
        ['Name', 'Email', 'Financial Status', 'Created at', 'Total', 'Lineitem name', 'Refunded Amount', 'Tags', 'Cancelled at', 'Accepts Marketing', 'Phone', 'Billing Name'],
        ['#1', 'a@x.jp', 'partially_refunded', '2024-01-05 10:00:00 +0900', 1000, 'Tea', 300, 'Subscription', '', 'yes', '', 'Aiko'],
        ['#1', '', '', '', '', 'Cup', '', '', '', '', '', ''],
        ['#2', '', 'paid', '2024-01-06 10:00:00 +0900', 500, 'Tea', '', '', '', 'no', '090-1111-2222', 'Ben'],
        ['#3', 'c@x.jp', 'pending', '2024-01-07 10:00:00 +0900', 700, 'Tea', '', '', '2024-01-08', '', '', ''],
      ],
    ],
    [
      'Amazon',
      [
        ['amazon-order-id', 'purchase-date', 'order-status', 'item-status', 'item-price', 'shipping-price', 'buyer-email'],
        ['A1', '2024-01-05T10:00:00Z', 'Shipped', 'Shipped', 1000, 300, 'a@x.jp'],
        ['A1', '2024-01-05T10:00:00Z', 'Shipped', 'Cancelled', 500, 0, 'a@x.jp'],
        ['A2', '2024-01-06T10:00:00Z', 'Cancelled', '', 800, 0, 'b@x.jp'],
      ],
    ],
    [
      'BASE',
      [
        ['注文ID', '発送状況', '商品名', 'メールアドレス(請求先)', '注文日時', '合計金額', '送料', '調整金額', '氏(請求先)', '名(請求先)', '電話番号(請求先)'],
        ['B1', '発送済み', 'Tea', 'a@x.jp', '2024-01-05 10:00', 1000, 600, -100, '山田', '花子', ''],
        ['B1', '発送済み', 'Cup', 'a@x.jp', '2024-01-05 10:00', 500, 600, -100, '山田', '花子', ''],
        ['B2', '発送済み', 'Tea', '', '2024-01-06 10:00', 1000, 0, 0, '佐藤', '', '090-1111-2222'],
      ],
    ],
    [
      'futureshop',
      [
        ['受注コード', '注文日時', '請求合計金額', 'メールアドレス(メイン)', '受注種別', '氏名(姓)', '氏名(名)'],
        ['F1', '2024-01-05 10:00', 1000, 'a@x.jp', '定期受注', '山田', '花子'],
        ['F2', '2024-01-06 10:00', 1000, 'a@x.jp', '通常受注', '山田', '花子'],
      ],
    ],
    [
      'WooCommerce (keyed by name)',
      [
        ['Order #', 'N. Revenue (formatted)', 'Net Sales', 'Date', 'Status', 'Customer'],
        [1, '¥1,000', 900, '2024-01-05', 'Completed', 'Hana'],
        [2, '¥2,000', 1800, '2024-01-06', 'Pending', 'Ken'],
      ],
    ],
  ] as [string, Cell[][]][])('%s', (_platform, table) => {
    expect(read(table).orders.length).toBeGreaterThan(0);
    readsTheSame(table);
  });
});

describe('a platform’s columns that belong together', () => {
  test('a phone split over columns keys an order only when all its columns are there: part of a number is no customer', () => {
    const EC2 = ['注文番号', '対応状況', 'お支払い合計', '会員ID', 'メールアドレス', '注文日時', '電話番号1', '電話番号2'];
    const r = read([EC2, ['E1', '1', 1000, 0, '', '2024-01-05 10:00', '03', '1234']]);
    expect(skips(r)).toEqual([[2, 'customer', '']]);
  });

  test('Amazon’s line amount is item-price plus shipping-price: without either column there is no amount to read', () => {
    const AH = ['amazon-order-id', 'purchase-date', 'order-status', 'item-price', 'buyer-email'];
    expect(() => read([AH, ['A1', '2024-01-05T10:00:00Z', 'Shipped', 1000, 'a@x.jp']])).toThrow(/missing a column for: amount\./);
  });
});
