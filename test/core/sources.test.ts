import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { detectKind } from '../../src/core/sources';
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
