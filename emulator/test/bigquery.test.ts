/**
 * The in-memory BigQuery's translation of GoogleSQL into DuckDB (emulator/bigquery/engine.ts):
 * the add-on's BigQuery-dialect SQL, translated, gives on random shops exactly what its DuckDB
 * dialect gives (which test/core/sql/equality.test.ts holds to the core) — so the fake Connected
 * Sheets answers what BigQuery would, up to the NFKC step the fake cannot run. And the rules one
 * by one, each against its GoogleSQL meaning.
 */
import fc from 'fast-check';
import type { DuckDBConnection } from '@duckdb/node-api';
import { toDuckDb, FakeBigQuery } from '../bigquery/engine';
import { makeZone } from '../../src/core/dates';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { BIGQUERY, DUCKDB } from '../../src/core/sql/dialect';
import { typedLines } from '../../src/core/sql/lines';
import { customersQuery, summaryQuery } from '../../src/core/sql/query';
import type { Table } from '../../src/core/orders';
import { SHOP_AS_OF, renderShop, shopOrder } from '../../test/support/shops';
import { loadLines, openDuckDb, query } from '../../test/support/duckdb';

const tokyo = makeZone('Asia/Tokyo');
const NOW = Date.parse('2024-06-30T09:00:00+09:00');
let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openDuckDb();
});
afterAll(() => conn.closeSync());

test('translated BigQuery SQL = the DuckDB dialect, on 40 random shops, both queries, as-of "today"', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(shopOrder(['C1', 'C2', '1001', 'a@shop.jp', '顧客7']), { maxLength: 25 }),
      fc.boolean(),
      fc.boolean(),
      async (orders, japanese, email) => {
        const { rows } = renderShop(orders, japanese, 1, { email, consent: true, name: true });
        const typed = typedLines(rows as Table, { zone: tokyo, settings: DEFAULT_SETTINGS });
        await loadLines(conn, 'orders', typed.lines);
        // The same table under its BigQuery path, one identifier as the engine names it.
        await conn.run('CREATE OR REPLACE TABLE "p-1.shop.orders" AS SELECT * FROM orders');
        const opts = (name: string, asOf: number | 'today') => ({ table: { name, columns: typed.columns, orderedAt: 'wallClock' as const }, settings: DEFAULT_SETTINGS, asOf, zone: 'Asia/Tokyo', lang: 'ja' as const });
        for (const q of [customersQuery, summaryQuery]) {
          const bq = toDuckDb(q(BIGQUERY, opts('p-1.shop.orders', 'today')), { now: NOW });
          expect(await query(conn, bq)).toEqual(await query(conn, q(DUCKDB, opts('orders', SHOP_AS_OF))));
        }
      },
    ),
    { numRuns: 40 },
  );
}, 120_000);

test('each rule keeps its GoogleSQL meaning', async () => {
  const one = async (googleSql: string) => Object.values((await query(conn, toDuckDb(`SELECT ${googleSql} AS v`, { now: NOW })))[0]!)[0];
  // Backslash escapes in strings (GoogleSQL lexical rules) become DuckDB's doubled quotes.
  expect(await one("'it\\'s'")).toBe("it's");
  expect(await one("'a\\\\b'")).toBe('a\\b');
  // DATE_DIFF(end, start, DAY) is end − start.
  expect(await one("DATE_DIFF(DATE '2024-06-30', DATE '2024-06-01', DAY)")).toBe(29);
  expect(await one("CAST(DATE_SUB(DATE '2024-03-01', INTERVAL 1 DAY) AS STRING)")).toBe('2024-02-29');
  // DATETIME(timestamp, zone): the wall clock there.
  expect(await one("CAST(DATETIME(TIMESTAMP '2024-06-30 15:30:00+00', 'Asia/Tokyo') AS STRING)")).toBe('2024-07-01 00:30:00');
  // CURRENT_DATE(zone) on the emulator's clock: 09:00 in Tokyo is still the 29th in New York.
  expect(await one("CAST(CURRENT_DATE('Asia/Tokyo') AS STRING)")).toBe('2024-06-30');
  expect(await one("CAST(CURRENT_DATE('America/New_York') AS STRING)")).toBe('2024-06-29');
  // ARRAY_AGG(x IGNORE NULLS ORDER BY k LIMIT 1)[SAFE_OFFSET(0)]: the first non-NULL in k's order.
  const first = await query(
    conn,
    toDuckDb('SELECT ARRAY_AGG(x IGNORE NULLS ORDER BY k LIMIT 1)[SAFE_OFFSET(0)] AS v FROM (SELECT 1 AS k, NULL AS x UNION ALL SELECT 2, \'b\' UNION ALL SELECT 3, \'c\')', { now: NOW }),
  );
  expect(first).toEqual([{ v: 'b' }]);
  // REGEXP_REPLACE replaces every match; REGEXP_CONTAINS is a partial match.
  expect(await one("REGEXP_REPLACE('090-1234-5678', '[^0-9]', '')")).toBe('09012345678');
  expect(await one("REGEXP_CONTAINS('+81 90', '^[+][ \\t]*81')")).toBe(true);
  expect(await one("REGEXP_CONTAINS('090', '81')")).toBe(false);
  // A form the fake does not know is refused, not guessed.
  expect(() => toDuckDb('SELECT ARRAY_AGG(x ORDER BY k)[OFFSET(0)] FROM t', { now: NOW })).toThrow(/ARRAY_AGG/);
});

test('INFORMATION_SCHEMA.COLUMNS of a dataset lists its tables\' columns in order, with BigQuery types', () => {
  const bq = new FakeBigQuery();
  bq.put({ name: 'p-1.shop.orders', columns: [{ name: 'line_number', type: 'INT64' }, { name: 'created_at', type: 'TIMESTAMP' }], rows: [] });
  bq.put({ name: 'p-1.shop.other', columns: [{ name: 'x', type: 'STRING' }], rows: [] });
  const r = bq.run("SELECT column_name, data_type FROM `p-1.shop`.INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'orders' ORDER BY ordinal_position", { now: NOW });
  expect(r.rows).toEqual([['line_number', 'INT64'], ['created_at', 'TIMESTAMP']]);
  expect(() => bq.run('SELECT * FROM `p-1.shop.missing`', { now: NOW })).toThrow(/missing/);
});
