import fc from 'fast-check';
import { makeZone } from '../../src/core/dates';
import { TABLE_MAX_CUSTOMERS, TABLE_NOTES_MAX, fanStage, ltvRank, type FunctionEnv } from '../../src/core/functions';
import { STAGE_LABELS } from '../../src/core/labels';
import { readInputs } from '../../src/core/analyze';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../src/core/settings';
import { oracleStage, oracleTable } from '../support/oracle';
import { cell, notes, pick } from '../support/tables';
import { SHOP_AS_OF, renderShop, shopOrders } from '../support/shops';

const tokyo = makeZone('Asia/Tokyo');
const env = (over: Partial<FunctionEnv> = {}): FunctionEnv => ({
  zone: tokyo,
  locale: 'en_US',
  settings: DEFAULT_SETTINGS,
  now: Date.parse('2024-07-01T03:00:00Z'),
  ...over,
});
const withSettings = (s: object): Settings => readSettings(s).settings;
/** The Date Sheets passes for a JST wall-clock time. */
const jst = (iso: string): Date => new Date(`${iso}+09:00`);
const asOf = jst('2024-06-30T00:00:00');
type Row = unknown[];
const table = (r: unknown) => r as Row[];

describe('custom function shapes (SPEC §5)', () => {
  const orders: Row[] = [
    ['顧客ID', '注文日', '合計金額'],
    ['C1', jst('2024-06-01T10:00:00'), 5000],
    ['C2', jst('2024-03-01T10:00:00'), 90000],
    [1001, jst('2024-06-20T10:00:00'), 3000],
  ];

  test('omitted customer → table with a header row, in ranking order', () => {
    const t = table(fanStage(env(), orders, undefined, asOf));
    expect(t[0]).toEqual(['Customer', 'Stage', 'Purchases', 'LTV', 'Last order', 'Days since last', 'Subscribed', 'Positive reactions']);
    expect(pick(t, 'customer', 'stage', 'purchases', 'ltv', 'daysSinceLast', 'subscribed', 'positiveReactions')).toEqual([
      ['C2', 'Lapsed', 1, 90000, 121, 'No', 0],
      ['C1', 'Visitor', 1, 5000, 29, 'No', 0],
      ['1001', 'Visitor', 1, 3000, 10, 'No', 0],
    ]);
    // Last order is a Date at local midnight of that day, which Sheets shows as that date.
    expect((cell(t, 1, 'lastOrder') as Date).toISOString()).toBe('2024-02-29T15:00:00.000Z');
    expect(fanStage(env(), orders, null, asOf)).toEqual(t);
  });

  test('single key → label; range → same shape; blank → blank; unknown → No purchase', () => {
    expect(fanStage(env(), orders, 'C1', asOf)).toBe('Visitor');
    expect(fanStage(env(), orders, '1001', asOf)).toBe('Visitor');
    expect(fanStage(env(), orders, 1001, asOf)).toBe('Visitor');
    expect(fanStage(env(), orders, '', asOf)).toBe('');
    expect(fanStage(env(), orders, 'nobody', asOf)).toBe('No purchase');
    expect(fanStage(env(), orders, [['C1', 'C2'], ['', 'x']], asOf)).toEqual([
      ['Visitor', 'Lapsed'],
      ['', 'No purchase'],
    ]);
    expect(ltvRank(env(), orders, [['C2'], ['C1'], [''], ['x'], [1001]], asOf)).toEqual([[1], [2], [''], [''], [3]]);
    expect(ltvRank(env(), orders, 'C1', asOf)).toBe(2);
  });

  test('LTVRANK table: rank, customer, LTV, purchases, last order, tier, VIP', () => {
    const t = table(ltvRank(env(), orders, undefined, asOf));
    expect(t[0]).toEqual(['Rank', 'Customer', 'LTV', 'Purchases', 'Last order', 'Tier', 'VIP']);
    expect(pick(t, 'rank', 'customer', 'ltv', 'purchases', 'tier', 'vip')).toEqual([
      [1, 'C2', 90000, 1, 'Gold', 'Yes'],
      [2, 'C1', 5000, 1, '', 'No'],
      [3, '1001', 3000, 1, '', 'No'],
    ]);
  });

  test('Japanese labels and headers when the spreadsheet locale is ja*, or when chosen', () => {
    const t = table(fanStage(env({ locale: 'ja_JP' }), orders, undefined, asOf));
    expect(t[0]).toEqual(['顧客', 'ステージ', '購入回数', 'LTV', '最終購入日', '最終購入からの日数', '定期購入', 'ポジティブ反応']);
    expect(pick(t, 'stage')).toEqual([['離脱'], ['ビジター'], ['ビジター']]);
    expect(cell(table(ltvRank(env({ locale: 'ja' }), orders, undefined, asOf)), 1, 'tier')).toBe('ゴールド');
    // Yes/no cells read ○/× in Japanese, never TRUE/FALSE (issue 17).
    expect(pick(table(ltvRank(env({ locale: 'ja' }), orders, undefined, asOf)), 'vip')).toEqual([['○'], ['×'], ['×']]);
    expect(pick(t, 'subscribed')).toEqual([['×'], ['×'], ['×']]);
    expect(fanStage(env({ locale: 'en_US', settings: withSettings({ language: 'ja' }) }), orders, 'zz', asOf)).toBe('未購入');
  });

  test('as_of: omitted or blank → today in the spreadsheet zone; a Date, text or serial; garbage throws', () => {
    // 2024-06-29T15:30Z is 00:30 on 30 June in Tokyo but still 29 June in UTC.
    const now = Date.parse('2024-06-29T15:30:00Z');
    const today = table(fanStage(env({ now }), orders, undefined));
    const days = (t: Row[]) => pick(t, 'daysSinceLast').flat();
    expect(days(today)).toEqual([121, 29, 10]);
    expect(days(table(fanStage(env({ now }), orders, undefined, '')))).toEqual([121, 29, 10]);
    expect(days(table(fanStage(env(), orders, undefined, '2024/6/30')))).toEqual([121, 29, 10]);
    expect(days(table(fanStage(env(), orders, undefined, 45473)))).toEqual([121, 29, 10]);
    expect(() => fanStage(env(), orders, undefined, 'next week')).toThrow(/as_of.*next week/);
    expect(() => ltvRank(env(), orders, undefined, true)).toThrow(/as_of/);
  });

  test('orders after as_of do not count (future-dated or later than a past as_of)', () => {
    expect(fanStage(env(), orders, '1001', jst('2024-06-19T23:59:59'))).toBe('No purchase');
    expect(ltvRank(env(), orders, '1001', jst('2024-06-19T00:00:00'))).toBe('');
    expect(ltvRank(env(), orders, '1001', jst('2024-06-20T00:00:00'))).toBe(3);
  });

  test('a range without customer, date or amount column: an error naming the field and the headers seen', () => {
    expect(() => fanStage(env(), [['Name', 'Date', 'Total'], ['a', '2024-01-01', 1]])).toThrow(
      'The orders range is missing a column for: customer ID or e-mail. Headers seen: "Name", "Date", "Total"',
    );
    expect(() => fanStage(env(), [['email', 'Total'], ['a@b', 1]])).toThrow(/date.*Headers seen: "email", "Total"/);
    expect(() => ltvRank(env({ locale: 'ja_JP' }), [['顧客ID', '日付'], ['a', '2024-01-01']])).toThrow(/金額 \(amount\).*"顧客ID", "日付"/);
    expect(() => fanStage(env(), 'Orders!A:H')).toThrow(/header row/);
  });
});

describe('time zone edge (SPEC §1.4: calendar days of the spreadsheet zone)', () => {
  test('a 23:30 JST order is that JST day, whatever the script clock zone', () => {
    const orders = [
      ['customer id', 'created at', 'total'],
      ['A', new Date('2024-06-09T14:30:00Z'), 100], // 23:30 JST on 9 June
      ['B', new Date('2024-06-09T15:30:00Z'), 100], // 00:30 JST on 10 June
    ];
    const t = table(fanStage(env(), orders, undefined, jst('2024-06-10T12:00:00')));
    expect(pick(t, 'customer', 'daysSinceLast')).toEqual([
      ['B', 0],
      ['A', 1],
    ]);
    // As of 9 June (JST), B's order has not happened yet.
    expect(fanStage(env(), orders, 'B', jst('2024-06-09T00:00:00'))).toBe('No purchase');
    // In a New York spreadsheet both are 9 June orders.
    const ny = table(fanStage(env({ zone: makeZone('America/New_York') }), orders, undefined, new Date('2024-06-10T16:00:00Z')));
    expect(pick(ny, 'daysSinceLast').flat()).toEqual([1, 1]);
  });
});

describe('metrics (SPEC §2)', () => {
  test('multi-row orders, cancellations, refunds and the subscription of the most recent purchase', () => {
    const orders = [
      ['Order ID', 'Customer ID', 'Order date', 'Total', 'Status', '定期購入'],
      ['#1', 'A', '2024-06-01', 10000, 'paid', '定期'],
      ['#1', '', '', '', '', ''], // a continuation line of #1
      ['#2', 'A', '2024-06-10', 2000, 'キャンセル', ''], // cancelled: not counted
      ['#3', 'A', '2024-06-15', -3000, '', ''], // a refund: lowers LTV, not a purchase
      ['#4', 'A', '2024-06-05', 4000, '', ''], // the most recent purchase (the refund is not a purchase)
    ];
    const t = table(fanStage(env(), orders, undefined, asOf));
    expect(pick(t, 'customer', 'purchases', 'ltv', 'daysSinceLast', 'subscribed')).toEqual([['A', 2, 11000, 25, 'No']]);
    // The most recent purchase (#4, 5 June) is not a subscription order.
    orders[5]![5] = '定期';
    expect(cell(table(fanStage(env(), orders, undefined, asOf)), 1, 'subscribed')).toBe('Yes');
  });

  test('customers and survey ranges keyed by e-mail link to ID-keyed orders through the orders e-mail column', () => {
    const orders = [
      ['会員ID', 'メールアドレス', '注文日', '合計金額'],
      ['M1', 'Hanako@Example.jp', '2024/06/20', 5000],
      ['M1', '', '2024/06/25', 5000],
      ['M2', 'jiro@example.jp', '2024/06/01', 3000],
    ];
    const customers = [
      ['メールアドレス', 'LINE登録', '定期課金'],
      ['hanako@example.jp', '○', '○'],
      ['new@example.jp', '○', '×'],
    ];
    const survey = [
      ['タイムスタンプ', 'メールアドレス', 'おすすめ度を教えてください', '満足度'],
      ['2024/06/21 10:00:00', 'HANAKO@example.jp', 10, 5],
      ['2024/06/22 10:00:00', 'hanako@example.jp', 9, ''],
      ['2024/06/23 10:00:00', 'hanako@example.jp', 3, 4],
      ['2024/07/05 10:00:00', 'hanako@example.jp', 10, 5], // after as-of: not counted
    ];
    const t = table(fanStage(env(), orders, undefined, asOf, customers, survey));
    // M1: registered, subscribed, 2 purchases, 5 days, 3 positive reactions → Partner.
    // M2: not in the customers range → unregistered.
    expect(pick(t, 'customer', 'stage', 'subscribed', 'positiveReactions')).toEqual([
      ['M1', 'Partner', 'Yes', 3],
      ['M2', 'Unregistered', 'No', 0],
    ]);
    // A single key may be given as the e-mail; a registered customer with no order is No purchase.
    expect(fanStage(env(), orders, 'hanako@example.jp', asOf, customers, survey)).toBe('Partner');
    expect(fanStage(env(), orders, 'new@example.jp', asOf, customers, survey)).toBe('No purchase');
  });

  test('a customer known only from the customers range answers the same by ID and by e-mail', () => {
    const orders = [
      ['顧客ID', 'メールアドレス', '注文日', '金額'],
      ['C1', 'a@example.jp', '2024-06-01', 1000],
    ];
    const customers = [
      ['顧客ID', 'メールアドレス', 'LINE登録'],
      ['C1', 'a@example.jp', '○'],
      ['C2', 'B@example.jp', '×'],
      ['C3', 'c@example.jp', '○'],
    ];
    expect(fanStage(env(), orders, [['C2', 'b@example.jp', 'C3', 'c@example.jp', 'C1', 'a@example.jp']], asOf, customers)).toEqual([
      ['Unregistered', 'Unregistered', 'No purchase', 'No purchase', 'Visitor', 'Visitor'],
    ]);
  });

  test('Shopify: orders tagged by a subscription app are subscription orders', () => {
    const orders = [
      ['Name', 'Email', 'Financial Status', 'Total', 'Created at', 'Lineitem name', 'Tags'],
      ['#1', 'a@example.jp', 'paid', 3000, '2024-06-01 10:00:00 +0900', 'Tea', 'Subscription, Subscription Recurring Order'],
      ['#2', 'b@example.jp', 'paid', 3000, '2024-06-01 10:00:00 +0900', 'Tea', 'VIP'],
    ];
    expect(pick(table(fanStage(env(), orders, undefined, asOf)), 'customer', 'subscribed')).toEqual([
      ['a@example.jp', 'Yes'],
      ['b@example.jp', 'No'],
    ]);
  });

  test('registration: the consent column of the most recent order, when there is no customers range', () => {
    const orders = [
      ['Customer ID', 'Date', 'Total', 'Accepts Marketing'],
      ['A', '2024-06-01', 100, 'no'],
      ['A', '2024-06-02', 100, 'yes'],
      ['B', '2024-06-02', 100, 'yes'],
      ['B', '2024-06-03', 100, 'no'],
    ];
    expect(fanStage(env(), orders, [['A', 'B']], asOf)).toEqual([['Follower', 'Unregistered']]);
  });

  test('positive reactions from the customers sheet count column when there is no survey', () => {
    const orders = [
      ['Customer ID', 'Date', 'Total'],
      ['A', '2024-03-01', 100],
    ];
    const customers = [
      ['顧客ID', 'ポジティブ反応回数'],
      ['A', 2],
    ];
    expect(fanStage(env(), orders, 'A', asOf, customers)).toBe('Dormant');
    expect(fanStage(env(), orders, 'A', asOf)).toBe('Lapsed');
  });

  test('the LTV window counts only the last N days up to as_of', () => {
    const orders = [
      ['Customer ID', 'Date', 'Total'],
      ['A', '2023-07-01', 100_000], // 365 days before as-of: outside a 365-day window (D−364 … D)
      ['A', '2023-07-02', 1_000], // 364 days before: inside
      ['A', '2024-06-30', 2_000],
    ];
    const s = withSettings({ ltvWindowDays: 365 });
    expect(table(ltvRank(env({ settings: s }), orders, undefined, asOf))[1]!.slice(2, 4)).toEqual([3_000, 3]);
    expect(table(ltvRank(env(), orders, undefined, asOf))[1]!.slice(2, 4)).toEqual([103_000, 3]);
  });
});

describe('bad rows are skipped and reported, never losing good ones (SPEC §1.5)', () => {
  test('row numbers and reasons', () => {
    const orders = [
      ['Customer ID', 'Date', 'Total'],
      ['A', '2024-06-01', 100],
      ['', '2024-06-01', 100],
      ['B', 'someday', 100],
      ['C', '2024-06-01', 'free'],
      ['', '', ''],
      ['D', '2024-06-01', '¥1,000'],
    ];
    const read = readInputs({ orders }, { zone: tokyo, settings: DEFAULT_SETTINGS, locale: 'en' });
    expect(read.skipped.map((s) => [s.row, s.reason, s.value])).toEqual([
      [3, 'customer', ''],
      [4, 'date', 'someday'],
      [5, 'amount', 'free'],
    ]);
    expect(read.orders.rows).toBe(5);
    expect(pick(table(fanStage(env(), orders, undefined, asOf)), 'customer').flat()).toEqual(['D', 'A']);
  });
});

describe('no silent wrong answer (issue 11, SPEC §1.4, §5)', () => {
  test('cell errors and booleans are never customer keys, dates or amounts: skipped and reported', () => {
    // Two #N/A rows (a failed VLOOKUP) were once one customer, ranked first, a Gold VIP.
    const orders = [
      ['Customer ID', 'Date', 'Total'],
      ['#N/A', '2024-06-01', 50_000],
      ['#N/A', '2024-06-02', 50_000],
      [true, '2024-06-03', 9_000], // a checkbox column taken for the key
      ['C1', '2024-06-10', 3_000],
      ['C2', '#REF!', 1_000],
      ['C3', '2024-06-11', '#VALUE!'],
    ];
    const ranking = table(ltvRank(env(), orders, undefined, asOf));
    expect(pick(ranking, 'rank', 'customer', 'ltv', 'tier', 'vip')).toEqual([[1, 'C1', 3_000, '', 'No']]);
    expect(notes(ranking)).toEqual([
      'Skipped order rows: 5 (not in this table). row 2: no customer ID, e-mail or phone "#N/A"; row 3: no customer ID, e-mail or phone "#N/A"; ' +
        'row 4: no customer ID, e-mail or phone "TRUE"; row 6: unreadable date "#REF!"; row 7: unreadable amount "#VALUE!"',
    ]);
    expect(fanStage(env(), orders, '#N/A', asOf)).toBe('');
    expect(ltvRank(env(), orders, [['#N/A'], [true], ['C1']], asOf)).toEqual([[''], [''], [1]]);
  });

  test('amounts must be finite: 1e308 twice is no LTV of Infinity, no Diamond tier', () => {
    const orders = [
      ['Customer ID', 'Date', 'Total'],
      ['A', '2024-06-01', 1e308],
      ['A', '2024-06-02', 1e308],
      ['B', '2024-06-03', 2_000],
    ];
    const ranking = table(ltvRank(env(), orders, undefined, asOf));
    expect(pick(ranking, 'customer', 'ltv', 'tier')).toEqual([['B', 2_000, '']]);
    expect(notes(ranking)).toEqual([expect.stringMatching(/^Skipped order rows: 2 .*row 2: unreadable amount "1e\+308"; row 3: unreadable amount "1e\+308"$/)]);
    expect(() => fanStage(env(), orders, 'A', asOf)).toThrow('Some order rows of "A" could not be read: row 2: unreadable amount "1e+308"; row 3');
  });

  test('a customer some of whose rows were skipped gets no confident answer: the single key says why, a range cell too', () => {
    const orders = [
      ['Customer ID', 'Email', 'Date', 'Total'],
      ['C1', 'one@example.jp', '2024/13/45', 5_000], // the only order of C1: an impossible date
      ['C2', '', '2024-06-01', 2_000],
      ['C2', '', '2024-06-20', 'free'],
      ['C3', '', '2024-06-02', 1_000],
    ];
    expect(() => fanStage(env(), orders, 'C1', asOf)).toThrow(
      'Some order rows of "C1" could not be read: row 2: unreadable date "2024/13/45". Fix them to get the right answer.',
    );
    expect(() => fanStage(env(), orders, 'one@example.jp', asOf)).toThrow(/of "one@example.jp" could not be read: row 2/);
    expect(() => ltvRank(env(), orders, 'C2', asOf)).toThrow(/row 4: unreadable amount "free"/);
    expect(fanStage(env(), orders, [['C1'], ['C2'], ['C3'], ['']], asOf)).toEqual([
      ['unreadable order rows (2)'],
      ['unreadable order rows (4)'],
      ['Visitor'],
      [''],
    ]);
    expect(fanStage(env({ locale: 'ja_JP' }), orders, [['C1']], asOf)).toEqual([['読めない注文の行あり(2)']]);
  });

  test('an as_of out of the supported range names the range and the day the owner typed', () => {
    const orders = [
      ['Customer ID', 'Date', 'Total'],
      ['A', '2024-06-01', 1_000],
    ];
    // =DATE(9999,12,31) arrives as the Date of that midnight in the script's zone (Tokyo).
    expect(() => fanStage(env(), orders, 'A', jst('9999-12-31T00:00:00'))).toThrow(
      'as_of must be a day from 1900/01/01 to 2199/12/31: 9999/12/31',
    );
    expect(() => fanStage(env({ locale: 'ja_JP' }), orders, 'A', jst('1899-12-31T00:00:00'))).toThrow(
      '基準日(as_of)は1900/01/01〜2199/12/31の日付にしてください: 1899/12/31',
    );
    expect(() => ltvRank(env(), orders, undefined, '2500/1/1')).toThrow('as_of must be a day from 1900/01/01 to 2199/12/31: 2500/1/1');
    expect(() => ltvRank(env(), orders, undefined, 'next week')).toThrow('as_of is not a date: next week');
  });

  test('a key absent from a customers range that has a registration column is Unregistered (SPEC §2–§3)', () => {
    const orders = [
      ['Customer ID', 'Date', 'Total'],
      ['A', '2024-06-01', 1_000],
    ];
    const customers = [
      ['顧客ID', 'LINE登録'],
      ['A', '○'],
      ['N', '○'],
    ];
    expect(fanStage(env(), orders, [['nobody'], ['N'], ['A']], asOf, customers)).toEqual([['Unregistered'], ['No purchase'], ['Visitor']]);
    expect(fanStage(env({ locale: 'ja_JP' }), orders, 'nobody', asOf, customers)).toBe('未登録');
    // Without a registration column there is nothing to be absent from.
    expect(fanStage(env(), orders, 'nobody', asOf, [['顧客ID', 'ポジティブ反応回数'], ['A', 1]])).toBe('No purchase');
  });
});

test('a table ends with at most TABLE_NOTES_MAX note rows (the preview reserves that many): cut, skipped, told by name', () => {
  // WooCommerce Analytics' header (customers by name), 10,001 customers and one row without a name.
  const rows: unknown[][] = [['Date', 'Order #', 'N. Revenue (formatted)', 'Status', 'Customer', 'Customer type', 'Net Sales']];
  for (let c = 0; c <= TABLE_MAX_CUSTOMERS; c++) rows.push(['2024-06-01 10:00:00', 1000 + c, '¥1,000', 'completed', `Name ${c}`, 'new', 900]);
  rows.push(['2024-06-02 10:00:00', 99_999, '¥2,000', 'completed', '', 'new', 1800]);
  const t = table(fanStage(env(), rows, undefined, asOf));
  expect(notes(t)).toHaveLength(TABLE_NOTES_MAX);
  expect(notes(t)).toEqual([
    expect.stringMatching(/^Showing the first 10,000 of 10,001 customers/),
    expect.stringMatching(/^Skipped order rows: 1 /),
    expect.stringMatching(/^This export has no customer ID or e-mail/),
  ]);
  expect(t).toHaveLength(1 + TABLE_MAX_CUSTOMERS + TABLE_NOTES_MAX);
});

// ---------------------------------------------------------------------------------------------
// Random shops rendered as messy exports, compared with a literal reading of the spec.

const AS_OF = SHOP_AS_OF;

test('random shops in messy layouts give the spec’s table (property)', () => {
  fc.assert(
    fc.property(shopOrders, fc.boolean(), fc.integer({ min: 0, max: 5 }), (list, japanese, garbage) => {
      const { rows, model } = renderShop(list, japanese, garbage);
      const expected = oracleTable(model, AS_OF);
      const t = table(fanStage(env(), rows, undefined, jst('2024-06-30T12:00:00')));
      // The garbage rows are left out, and the table's last row says so.
      expect(notes(t)).toEqual(garbage === 0 ? [] : [expect.stringMatching(new RegExp(`^Skipped order rows: ${garbage} \\(not in this table\\)`))]);
      const got = pick(t, 'customer', 'stage', 'purchases', 'ltv', 'lastOrder', 'daysSinceLast', 'subscribed').map(
        ([key, stage, purchases, ltv, last, days, subscribed]) => ({
          key,
          stage,
          purchases,
          ltv,
          last: tokyo.dayOf((last as Date).getTime()),
          days,
          subscribed,
        }),
      );
      expect(got).toEqual(
        expected.map((e) => ({
          key: e.key,
          stage: STAGE_LABELS[oracleStage({ ...e, registered: true, positiveReactions: 0 }, DEFAULT_SETTINGS.stages)].en,
          purchases: e.purchases,
          ltv: e.ltv,
          last: e.lastOrder,
          days: e.daysSinceLast,
          subscribed: e.subscribed ? 'Yes' : 'No',
        })),
      );
    }),
    { numRuns: 300 },
  );
});

test('garbage rows never crash a formula and never take good rows down (property)', () => {
  const garbage = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(''),
    fc.constant(null),
    fc.constant(new Date(NaN)),
    fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01') }),
    fc.constantFrom('¥', '-', '=1+1', '２０２４年１３月１日', '2024-02-30', 'NaN', '1e400', '\u0000', '\ud800'),
  );
  const good: unknown[][] = [
    ['A', '2024-06-01', 1000],
    ['B', '2024-06-02', 2000],
  ];
  fc.assert(
    fc.property(fc.array(fc.array(garbage, { minLength: 0, maxLength: 5 }), { maxLength: 30 }), fc.nat(), (junk, at) => {
      const rows: unknown[][] = [['Customer ID', 'Order date', 'Total'], ...junk];
      const i = 1 + (at % rows.length);
      rows.splice(i, 0, ...good);
      const t = table(fanStage(env(), rows, undefined, asOf));
      const byKey = new Map(pick(t, 'customer', 'purchases', 'ltv').map(([key, purchases, ltv]) => [key, { purchases, ltv }]));
      // The good rows' customers are there with at least their own purchase and amount.
      for (const [key] of good) {
        const r = byKey.get(key as string)!;
        expect(r).toBeDefined();
        expect(r.purchases).toBeGreaterThanOrEqual(1);
      }
      expect(byKey.get('A')!.ltv === 1000 || junk.some((r) => r[0] === 'A' || r[0] === 'a')).toBe(true);
      // Never an infinite LTV, never a customer made of a checkbox or of a cell error.
      for (const [key, { ltv }] of byKey) {
        expect(Number.isFinite(ltv)).toBe(true);
        expect(['true', 'false', 'TRUE', 'FALSE']).not.toContain(key);
      }
    }),
    { numRuns: 300 },
  );
});
