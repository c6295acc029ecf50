/**
 * Finding columns by header (SPEC §1; shared/HEADERS.md "Header normalisation" and "Generic
 * aliases"): every documented alias names its field, however it is typed, and the matching order
 * (exact, then "contains", then the short exact-only names; a column claimed once) decides between
 * columns that could each be read as a field.
 */
import fc from 'fast-check';
import { GENERIC_FIELDS, findHeader, headerZoneOffset, isPartOfTotal, matchColumns, normalizeHeader, type Field, type RangeKind } from '../../src/core/headers';

const fieldsOf = (headers: unknown[], kind: RangeKind = 'orders') => matchColumns(headers, GENERIC_FIELDS[kind]);

/** HEADERS.md "Generic aliases", as listed there (the `注文種別` of the subscription row is a
 *  value-coded column, tested with the 楽天 profile). */
const DOCUMENTED: Record<RangeKind, Partial<Record<Field, string[]>>> = {
  orders: {
    customerId: ['顧客ID', '会員ID', '顧客番号', '会員番号', '購入者 顧客ID', 'customer id', 'customer_id', 'customer number'],
    email: ['メールアドレス', 'メールアドレス(請求先)', '購入者 メールアドレス', '注文者メールアドレス', 'email', 'e-mail', 'email address', 'buyer-email', 'BillMailAddress'],
    orderId: ['注文ID', '注文番号', '受注番号', '受注ID', '売上ID', 'オーダーID', 'order id', 'order number', 'order-id', 'amazon-order-id', 'OrderId'],
    date: ['注文日時', '受注日時', '注文日', '受注日', '購入日', '購入日時', '日付', 'created at', 'order date', 'purchase-date', 'OrderTime', 'paid at', 'Timestamp', 'タイムスタンプ'],
    amount: ['総合計金額', '合計金額', '請求金額', '支払合計', 'お支払い金額', '注文金額', '購入金額', '売上金額', '金額', 'total', 'order total', 'amount', 'TotalPrice', 'SettleAmount'],
    status: ['注文ステータス', '受注ステータス', 'ステータス', '対応状況', '処理状況', '発送状況', '発送状態', '入金状態', 'financial status', 'order-status', 'OrderStatus', 'status'],
    cancelledAt: ['cancelled at', 'キャンセル日'],
    subscription: ['定期購入', '定期', '定期便', '頒布会', 'subscription', 'recurring'],
    name: ['氏名', '顧客名', '名前', 'お名前', '購入者 名前', 'billing name', 'customer name'],
    // In orders only a marketing-consent column registers a customer (会員 and 登録 would match
    // membership-rank columns there).
    registered: ['LINE登録', 'メルマガ登録', 'LINE友だち', 'accepts email marketing', 'accepts marketing'],
  },
  customers: {
    customerId: ['顧客ID', '会員ID', '顧客番号', '会員番号', 'customer id', 'customer_id', 'customer number'],
    email: ['メールアドレス', 'email', 'e-mail', 'email address'],
    name: ['氏名', '顧客名', '名前', 'お名前', 'customer name'],
    registered: ['LINE登録', 'メルマガ登録', 'LINE友だち', '会員', '登録', 'accepts email marketing', 'accepts marketing'],
    subscribed: ['定期課金', '定期購入中', '定期会員', 'subscribed', 'subscription status'],
    birthday: ['誕生日', '生年月日', 'birthday', 'date of birth'],
    reactions: ['ポジティブ反応回数', 'positive reactions'],
  },
  survey: {
    customerId: ['顧客ID', 'customer id'],
    email: ['メールアドレス', 'email address'],
    date: ['Timestamp', 'タイムスタンプ', '回答日時', '回答日'],
    nps: ['NPS', '推奨度', 'おすすめ度', '勧める可能性', '紹介したい', 'likely to recommend'],
    satisfaction: ['満足度', '総合満足度', 'satisfaction', 'CSAT'],
  },
};

/** Names that hand-made sheets use, matched only as the whole header (too short or too generic
 *  to be looked for inside a longer one). */
const WHOLE_HEADER_ONLY: Record<RangeKind, Partial<Record<Field, string[]>>> = {
  orders: {
    customerId: ['customer', '顧客', 'customer key', '顧客キー', 'member id', 'user id', 'ユーザーID'],
    email: ['mail', 'メール'],
    orderId: ['order', '注文'],
    date: ['date', '日時'],
    amount: ['合計', '売上'],
    // 注文者 is listed in HEADERS.md, but inside longer headers it is 注文者郵便番号, 注文者電話番号…
    name: ['注文者', '注文者名', '購入者名', 'name'],
  },
  customers: { registered: ['registered'] },
  survey: { date: ['date', '日付'] },
};

const cases = (table: Record<RangeKind, Partial<Record<Field, string[]>>>) =>
  (Object.entries(table) as [RangeKind, Partial<Record<Field, string[]>>][]).flatMap(([kind, fields]) =>
    (Object.entries(fields) as [Field, string[]][]).flatMap(([field, names]) => names.map((name) => [kind, name, field] as const)),
  );

describe('every documented header names its field (HEADERS.md)', () => {
  test.each(cases(DOCUMENTED))('%s: "%s" is the %s column', (kind, name, field) => {
    // Beside an unrelated column, so that the match is not by position.
    expect(fieldsOf(['備考', name], kind)[field]).toBe(1);
  });

  // Inside a longer header, "accepts email marketing" contains "email", which the e-mail field
  // (listed earlier) claims first; Shopify's exact header is the consent column (above).
  const inside = cases(DOCUMENTED).filter(([, name]) => name !== 'accepts email marketing');
  test.each(inside)('%s: "%s" inside a longer header is still the %s column', (kind, name, field) => {
    expect(fieldsOf(['備考', `${name}（税込・円）`], kind)[field]).toBe(1);
  });

  test.each(cases(WHOLE_HEADER_ONLY))('%s: "%s" as the whole header is the %s column', (kind, name, field) => {
    expect(fieldsOf(['備考', name], kind)[field]).toBe(1);
  });

  test.each(cases(WHOLE_HEADER_ONLY))('%s: "%s" inside a longer header is not the %s column', (kind, name, field) => {
    expect(fieldsOf(['備考', `${name} memo`], kind)[field]).toBeUndefined();
  });

  test('headers that name nothing the product reads are left alone', () => {
    expect(fieldsOf(['商品名', 'SKU', 'メモ', ''])).toEqual({});
  });
});

describe('a header however it is typed (HEADERS.md "Header normalisation")', () => {
  const decorate = (s: string, choices: { wide: boolean; upper: boolean; apostrophe: boolean; pad: string; seps: string[] }): string => {
    let out = '';
    for (const [i, ch] of [...s].entries()) {
      out += ch === ' ' ? choices.seps[i % choices.seps.length] : ch;
    }
    if (choices.upper) out = out.toUpperCase();
    if (choices.wide) out = out.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    return `${choices.pad}${choices.apostrophe ? "'" : ''}${out}${choices.pad}`;
  };

  test('full-width letters, capitals, a leading apostrophe, outer spaces, and spaces, _, - or brackets inside are one header (property)', () => {
    const names = cases(DOCUMENTED).map(([, name]) => name);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.record({
          wide: fc.boolean(),
          upper: fc.boolean(),
          apostrophe: fc.boolean(),
          pad: fc.constantFrom('', ' ', '\u3000', '\t'),
          seps: fc.array(fc.constantFrom(' ', '_', '-', '  ', '\u3000', '(', ')', '（', '）'), { minLength: 1, maxLength: 3 }),
        }),
        (name, choices) => {
          expect(normalizeHeader(decorate(name, choices))).toBe(normalizeHeader(name));
        },
      ),
    );
  });

  test('what normalising does, spelled out', () => {
    expect(normalizeHeader('  Customer_ID ')).toBe('customerid');
    expect(normalizeHeader("'Order-Id")).toBe('orderid');
    expect(normalizeHeader('ＴＯＴＡＬ（税込）')).toBe('total税込');
    expect(normalizeHeader('合計金額(-99999=無効値)')).toBe('合計金額99999=無効値');
    expect(normalizeHeader('注文\t日時')).toBe('注文日時');
    expect(normalizeHeader(null)).toBe('');
    expect(normalizeHeader(undefined)).toBe('');
    expect(normalizeHeader(2024)).toBe('2024');
    // Only a leading apostrophe is dropped (Shopify writes '123 to keep text).
    expect(normalizeHeader("o'clock")).toBe("o'clock");
  });
});

describe('a zone named at the end of a header: the times of its column are in that zone', () => {
  const HOUR = 3_600_000;
  test.each([
    ['Created (UTC)', 0],
    ['Created at (GMT)', 0],
    ['注文日時(JST)', 9 * HOUR],
    ['注文日時（ｊｓｔ）', 9 * HOUR],
    ['Date (UTC+9)', 9 * HOUR],
    ['Date (UTC+09:00)', 9 * HOUR],
    ['Date (utc-5)', -5 * HOUR],
    ['Date (UTC-03:30)', -3.5 * HOUR],
    ['Date (GMT+0545)', 5.75 * HOUR],
    ['Date （ＵＴＣ＋９）', 9 * HOUR],
  ])('%p: %p ms from UTC', (header, offset) => {
    expect(headerZoneOffset(header)).toBe(offset);
  });

  test.each(['Created', 'Created (UTC) by', 'Order date (local)', '(UTC) Created at', '', null, undefined, 2024])('%p names no zone', (header) => {
    expect(headerZoneOffset(header)).toBeUndefined();
  });

  test('the zone is not part of the header’s name: Created (UTC) is the Created column', () => {
    expect(normalizeHeader('Created (UTC)')).toBe('created');
    expect(normalizeHeader('注文日時（JST）')).toBe('注文日時');
    expect(normalizeHeader('Date (UTC+09:00)')).toBe('date');
    // Brackets that name no zone stay part of the name (their words, not the brackets).
    expect(normalizeHeader('Total (paid)')).toBe('totalpaid');
    expect(normalizeHeader('(UTC) Created')).toBe('utccreated');
  });
});

describe('a header naming only a part of the total is never the total (SPEC §1.4)', () => {
  // The headers as matchColumns hands them: NFKC and lower-cased.
  test.each(['shipping', 'shipping amount', 'tax', 'discounts', 'cod fee', 'tips', 'subtotal', '送料', '代引手数料', 'ポイント利用額', 'クーポン割引額', '消費税'])(
    '%p is a part',
    (h) => expect(isPartOfTotal(h)).toBe(true),
  );
  test.each(['total', 'order total', 'coffee amount', 'taxi total', '合計金額', '合計金額(税込)', '送料込み合計', 'total incl. tax', 'total tax included'])(
    '%p is not a part',
    (h) => expect(isPartOfTotal(h)).toBe(false),
  );

  test('however it is typed: "SHIPPING AMOUNT" is not the order’s amount, the next header containing a name is', () => {
    expect(fieldsOf(['SHIPPING AMOUNT', 'Paid Amount']).amount).toBe(1);
    expect(fieldsOf(['ＳＨＩＰＰＩＮＧ　ＡＭＯＵＮＴ', '支払い金額']).amount).toBe(1);
    expect(fieldsOf(['SHIPPING AMOUNT']).amount).toBeUndefined();
  });
});

describe('which column a field takes (HEADERS.md: exact first, then contains; a column is claimed once)', () => {
  test('an exact name beats a longer header that contains a name: "Discount Amount" is not the total when "Total" exists', () => {
    expect(fieldsOf(['Discount Amount', 'Total']).amount).toBe(1);
    expect(fieldsOf(['Discount Amount', 'Total', 'Total Amount']).amount).toBe(1);
  });

  test('without an exact name, the first header that contains a name (in the aliases’ order) is taken', () => {
    expect(fieldsOf(['備考', '注文日時(JST)', '発送日']).date).toBe(1);
    // 合計金額 is listed before 金額: a header containing 合計金額 wins over one containing only 金額.
    expect(fieldsOf(['ポイント利用金額', '合計金額(税込)']).amount).toBe(1);
  });

  test('a whole-header-only name comes last: 合計 never beats a listed name found inside 合計金額(-99999=無効値)', () => {
    expect(fieldsOf(['合計', '合計金額(-99999=無効値)']).amount).toBe(1);
    expect(fieldsOf(['合計', '商品名']).amount).toBe(0);
  });

  test('earlier fields claim first, and a claimed column is not taken again', () => {
    // "customer id" is the ID; "customer name" the name — not a second customer ID.
    expect(fieldsOf(['customer name', 'customer id'])).toMatchObject({ customerId: 1, name: 0 });
    // Two amount-like columns: the first listed alias takes one, the other stays free.
    const m = fieldsOf(['金額', '合計金額']);
    expect(m.amount).toBe(1);
    expect(Object.values(m).filter((c) => c === 0)).toEqual([]);
  });

  test('columns already decided (an override, a profile) are kept and not claimed again', () => {
    expect(matchColumns(['Total', 'Amount'], GENERIC_FIELDS.orders, { amount: 1 })).toEqual({ amount: 1 });
    expect(matchColumns(['Order date', 'Created'], GENERIC_FIELDS.orders, { status: 0 })).toEqual({ status: 0, date: 1 });
  });
});

describe('finding one named header (an owner’s override, a profile’s column)', () => {
  test('the first of the names that is present, compared as normalised headers', () => {
    const headers = ['Name', 'Billing Name', 'Ｅｍａｉｌ'];
    expect(findHeader(headers, ['billing_name'])).toBe(1);
    expect(findHeader(headers, ['Shipping Name', 'Name'])).toBe(0);
    expect(findHeader(headers, ['Name', 'Billing Name'])).toBe(0);
    expect(findHeader(headers, ['email'])).toBe(2);
    expect(findHeader(headers, ['Phone'])).toBeUndefined();
    expect(findHeader(headers, [])).toBeUndefined();
  });
});
