import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { RangeKind } from '../../src/core/headers';
import { chooseSources, detectKind } from '../../src/core/sources';
import { loadFixture } from '../support/fixtures';

const kind = (t: unknown[][]) => detectKind(t as never, DEFAULT_SETTINGS)?.kind;

describe('recognising the owner’s sheets by their headers (SPEC §7)', () => {
  test('orders, customers and survey layouts', () => {
    expect(kind([['顧客ID', '注文日', '合計金額'], ['C1', '2024/1/1', 100]])).toBe('orders');
    expect(kind(loadFixture('shopify-orders.csv'))).toBe('orders');
    expect(kind(loadFixture('base-orders.csv'))).toBe('orders');
    expect(kind(loadFixture('amazon-all-orders.txt'))).toBe('orders');
    expect(kind([['顧客ID', '氏名', 'LINE登録', '定期課金'], ['C1', '山田', '○', '×']])).toBe('customers');
    expect(kind([['タイムスタンプ', 'メールアドレス', 'おすすめ度'], ['2024/1/1', 'a@b.jp', 9]])).toBe('survey');
    // A Google Form whose NPS question no alias names is recognised by its 0–10 answers.
    expect(kind(loadFixture('google-forms-survey.csv'))).toBe('survey');
  });

  test('anything else is not an input', () => {
    expect(kind([])).toBeUndefined();
    expect(kind([['', ''], ['a', 'b']])).toBeUndefined();
    expect(kind([['メモ'], ['来月のセール']])).toBeUndefined();
    expect(kind([['商品名', '価格'], ['お茶', 1000]])).toBeUndefined();
  });

  test('the detected mapping names the header of each field', () => {
    const d = detectKind([['注文番号', '顧客ID', '注文日時', '合計金額', '注文ステータス']], DEFAULT_SETTINGS)!;
    expect(d.mapping).toEqual({ orderId: '注文番号', customerId: '顧客ID', date: '注文日時', amount: '合計金額', status: '注文ステータス' });
  });
});

describe('which sheet is each source: one rule for the refresh, the sidebar and the settings', () => {
  const sheets = [{ name: 'メモ' }, { name: '注文' }, { name: '注文(古い)' }, { name: '顧客' }, { name: 'アンケート' }];
  const kinds: Record<string, RangeKind | undefined> = { 注文: 'orders', '注文(古い)': 'orders', 顧客: 'customers', アンケート: 'survey' };
  const detect = { orders: null, customers: null, survey: null };

  test('detect: the first sheet of each kind in tab order', () => {
    const c = chooseSources(sheets, detect, (s) => kinds[s.name]);
    expect({ orders: c.sheets.orders?.name, customers: c.sheets.customers?.name, survey: c.sheets.survey?.name }).toEqual({
      orders: '注文',
      customers: '顧客',
      survey: 'アンケート',
    });
    expect(c.missing).toEqual([]);
  });

  test('a chosen sheet wins whatever its headers, and is never also detected as another kind', () => {
    const c = chooseSources(sheets, { ...detect, orders: '注文(古い)', customers: '注文' }, (s) => kinds[s.name]);
    expect(c.sheets.orders?.name).toBe('注文(古い)');
    expect(c.sheets.customers?.name).toBe('注文');
    expect(c.sheets.survey?.name).toBe('アンケート');
  });

  test('a chosen sheet that is gone is reported, not replaced by a detected one', () => {
    const c = chooseSources(sheets, { ...detect, orders: '消したシート' }, (s) => kinds[s.name]);
    expect(c.sheets.orders).toBeUndefined();
    expect(c.missing).toEqual(['orders']);
  });

  test('sheets are looked at lazily: none after every kind to detect has its sheet', () => {
    const asked: string[] = [];
    chooseSources(sheets, { ...detect, survey: 'アンケート' }, (s) => {
      asked.push(s.name);
      return kinds[s.name];
    });
    expect(asked).toEqual(['メモ', '注文', '注文(古い)', '顧客']);
    asked.length = 0;
    chooseSources(sheets, { orders: '注文', customers: '顧客', survey: 'アンケート' }, (s) => {
      asked.push(s.name);
      return kinds[s.name];
    });
    expect(asked).toEqual([]);
  });
});
