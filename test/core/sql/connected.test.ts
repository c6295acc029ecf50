/**
 * The BigQuery section's settings (src/core/sql/connected.ts): what the sidebar sends is read and
 * checked by Google's naming rules, the mapping is pre-filled by the add-on's header rules from the
 * table's column names, and the two queries come out in the BigQuery dialect on the owner's table.
 */
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { connectedQueries, columnsQuery, readBigQuerySettings, suggestBigQueryColumns } from '../../../src/core/sql/connected';

const good = { projectId: 'my-shop-2024', table: 'shop.orders', columns: { line: 'line_number', orderedAt: 'created_at', amount: 'total_price', email: 'email' } };

test('good settings are read as given (NFKC, trimmed), with no problem', () => {
  const { settings, problems } = readBigQuerySettings({ ...good, projectId: ' ｍｙ-shop-2024 ', orderedAt: 'wallClock' });
  expect(problems).toEqual([]);
  expect(settings).toEqual({ ...good, orderedAt: 'wallClock' });
});

test('project ids follow Google Cloud’s rule: 6–30 of a-z 0-9 -, a letter first, no hyphen last', () => {
  for (const ok of ['abcdef', 'my-shop-2024', 'a'.repeat(30), 'example.com:my-shop']) expect(readBigQuerySettings({ ...good, projectId: ok }).problems).toEqual([]);
  for (const bad of ['abcde', 'a'.repeat(31), 'My-shop', '1shop-x', 'shop-x-', 'shop x', '']) {
    expect(readBigQuerySettings({ ...good, projectId: bad }).problems.map((p) => p.path)).toEqual(['bigQuery.projectId']);
  }
});

test('the table is dataset.table; columns are BigQuery column names; line, time, amount and a key are required', () => {
  expect(readBigQuerySettings({ ...good, table: 'orders' }).problems.map((p) => p.path)).toEqual(['bigQuery.table']);
  expect(readBigQuerySettings({ ...good, table: 'a.b.c' }).problems.map((p) => p.path)).toEqual(['bigQuery.table']);
  // A backtick cannot break out of the quoted path: it is dropped.
  expect(readBigQuerySettings({ ...good, table: 'shop.`orders`' }).settings.table).toBe('shop.orders');
  expect(readBigQuerySettings({ ...good, columns: { ...good.columns, amount: 'total; DROP' } }).problems.map((p) => p.path)).toEqual(['bigQuery.columns.amount']);
  const none = readBigQuerySettings({ projectId: 'my-shop-2024', table: 'shop.orders', columns: {} });
  expect(none.problems.map((p) => p.path)).toEqual(['bigQuery.columns.line', 'bigQuery.columns.orderedAt', 'bigQuery.columns.amount', 'bigQuery.columns.customerId']);
  expect(none.problems[3]!.message.ja).toBe('顧客ID・メールアドレス・電話番号のどれかの列が必要です。');
});

test('whatever the sidebar sends, reading never throws and every kept column is a valid name (property)', () => {
  fc.assert(
    fc.property(fc.anything(), (input) => {
      const { settings } = readBigQuerySettings(input);
      // Nothing that could end a quoted name or start another statement.
      for (const c of Object.values(settings.columns)) expect(c).not.toMatch(/[`'";\\()\n]/);
    }),
  );
});

test('the mapping is pre-filled by the header rules: snake case, Japanese names, and the time column’s type', () => {
  const s = suggestBigQueryColumns([
    { name: '行番号', type: 'INT64' },
    { name: '注文日時', type: 'DATETIME' },
    { name: '合計金額', type: 'NUMERIC' },
    { name: '顧客ID', type: 'STRING' },
    { name: 'メールアドレス', type: 'STRING' },
    { name: 'memo', type: 'STRING' },
  ]);
  expect(s).toEqual({ columns: { line: '行番号', orderedAt: '注文日時', amount: '合計金額', customerId: '顧客ID', email: 'メールアドレス' }, orderedAt: 'wallClock' });
  // …and accepted as BigQuery's flexible column names.
  expect(readBigQuerySettings({ projectId: 'my-shop-2024', table: 'shop.注文', columns: s.columns }).problems).toEqual([]);
  const shopify = suggestBigQueryColumns(['id', 'created_at', 'total_price', 'customer_id', 'phone'].map((name) => ({ name, type: name === 'created_at' ? 'TIMESTAMP' : 'STRING' })));
  expect(shopify.columns).toMatchObject({ orderedAt: 'created_at', amount: 'total_price', customerId: 'customer_id', phone: 'phone' });
  expect(shopify.orderedAt).toBe('instant');
});

test('the queries: BigQuery dialect, on project.dataset.table, today in the zone; the column listing asks INFORMATION_SCHEMA', () => {
  const { settings } = readBigQuerySettings(good);
  const q = connectedQueries(settings, { settings: DEFAULT_SETTINGS, asOf: 'today', zone: 'Asia/Tokyo', lang: 'ja' });
  for (const sql of [q.customers, q.summary]) {
    expect(sql).toContain('FROM `my-shop-2024.shop.orders`');
    expect(sql).toContain("CURRENT_DATE('Asia/Tokyo')");
    expect(sql).toContain('total_price');
  }
  expect(q.summary).toContain("'パートナー'");
  expect(columnsQuery(settings)).toBe(
    "SELECT column_name, data_type FROM `my-shop-2024.shop`.INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'orders' ORDER BY ordinal_position",
  );
});
