/**
 * The dialect table (src/core/sql/dialect.ts): each difference run where it can be — DuckDB for
 * its own forms — and the whole BigQuery query parsed offline by node-sql-parser's BigQuery
 * grammar. Limit of that parser (5.4): it does not know ARRAY_AGG's IGNORE NULLS / ORDER BY /
 * LIMIT, the one BigQuery form of `firstNonNull`; the full query is parsed with that call written
 * as a plain function, and the form itself is pinned below with the BigQuery page it comes from.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { Parser } from 'node-sql-parser';
import { dayFromCivil } from '../../../src/core/dates';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { BIGQUERY, DUCKDB, type Dialect } from '../../../src/core/sql/dialect';
import { bytesScanned } from '../../../src/core/sql/cost';
import { customersQuery, summaryQuery, type QueryOptions } from '../../../src/core/sql/query';
import { openDuckDb, query } from '../../support/duckdb';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openDuckDb();
});
afterAll(() => conn.closeSync());

const ALL_COLUMNS = {
  line: 'line', orderId: 'order_id', customerId: 'customer_id', email: 'email', orderedAt: 'ordered_at', amount: 'amount',
  status: 'status', cancelledAt: 'cancelled_at', subscription: 'subscription', consent: 'consent', name: 'name',
};
const options = (over: Partial<QueryOptions> = {}): QueryOptions => ({
  table: { name: 'my-project.shop_data.orders', columns: ALL_COLUMNS, orderedAt: 'instant' },
  settings: { ...DEFAULT_SETTINGS, ltvWindowDays: 365, sumOrderRows: true },
  asOf: dayFromCivil(2026, 11, 30),
  zone: 'Asia/Tokyo',
  lang: 'ja',
  ...over,
});

describe('DuckDB forms, run', () => {
  const one = async (expr: string): Promise<unknown> => Object.values((await query(conn, `SELECT ${expr} AS v`))[0]!)[0];
  test('wall clock of an instant: 15:00Z is the next day in Tokyo', async () => {
    expect(await one(`CAST(${DUCKDB.wallClock("TIMESTAMPTZ '2024-06-29 15:00:00+00'", 'Asia/Tokyo')} AS DATE)`)).toBe(dayFromCivil(2024, 6, 30));
    expect(await one(`CAST(${DUCKDB.wallClock("TIMESTAMPTZ '2024-06-29 15:00:00+00'", 'America/Los_Angeles')} AS DATE)`)).toBe(dayFromCivil(2024, 6, 29));
  });
  test('days between and minus days', async () => {
    expect(await one(DUCKDB.daysBetween("DATE '2024-02-28'", "DATE '2024-03-01'"))).toBe(2);
    expect(await one(DUCKDB.minusDays("DATE '2024-03-01'", 1))).toBe(dayFromCivil(2024, 2, 29));
  });
  test('first non-NULL in line order', async () => {
    const rows = await query(conn, `SELECT g, ${DUCKDB.firstNonNull('x', 'line')} AS v FROM (VALUES (1, 3, 'c'), (1, 1, NULL), (1, 2, 'b'), (2, 1, NULL)) t(g, line, x) GROUP BY g ORDER BY g`);
    expect(rows).toEqual([{ g: 1, v: 'b' }, { g: 2, v: null }]);
  });
  test('quoting: a quote in a string, a name that is not an identifier', async () => {
    expect(await one(DUCKDB.string("it's"))).toBe("it's");
    expect(DUCKDB.table('shop.orders')).toBe('"shop"."orders"');
    expect(DUCKDB.column('注文日')).toBe('"注文日"');
  });
});

describe('BigQuery forms', () => {
  test('each form, as the GoogleSQL reference writes it', () => {
    expect(BIGQUERY.wallClock('t', 'Asia/Tokyo')).toBe("DATETIME(t, 'Asia/Tokyo')");
    expect(BIGQUERY.daysBetween('a', 'b')).toBe('DATE_DIFF(b, a, DAY)');
    expect(BIGQUERY.minusDays('d', 364)).toBe('DATE_SUB(d, INTERVAL 364 DAY)');
    expect(BIGQUERY.firstNonNull('x', 'line')).toBe('ARRAY_AGG(x IGNORE NULLS ORDER BY line LIMIT 1)[SAFE_OFFSET(0)]');
    expect(BIGQUERY.nfkc('x')).toBe('NORMALIZE(x, NFKC)');
    // A project id may hold '-': the whole path in backticks. Backslashes escape in '…'.
    expect(BIGQUERY.table('my-project.shop.orders')).toBe('`my-project.shop.orders`');
    expect(BIGQUERY.string('a\\b\'c')).toBe("'a\\\\b\\'c'");
    // A doubled quote would open a triple-quoted string in GoogleSQL: none in the generated SQL.
    expect(customersQuery(BIGQUERY, options())).not.toContain("''''");
  });

  /** BigQuery with its one form the parser cannot read written as a plain function call. */
  const parseable: Dialect = { ...BIGQUERY, firstNonNull: (expr, by) => `FIRST_NON_NULL(${expr}, ${by})` };
  const parser = new Parser();

  test.each([
    ['customers, all columns, instants, window, summed rows', customersQuery, options()],
    ['summary', summaryQuery, options()],
    ['customers, minimal columns, wall clock, first amounts, AND mode', customersQuery,
      options({ table: { name: 'p.d.t', columns: { line: 'line', customerId: 'cid', orderedAt: 'at', amount: 'amt' }, orderedAt: 'wallClock' },
        settings: { ...DEFAULT_SETTINGS, vip: { ...DEFAULT_SETTINGS.vip, mode: 'and' } } })],
  ])('%s parses as BigQuery and reads only the orders table', (_name, make, o) => {
    const sql = make(parseable, o);
    expect(() => parser.astify(sql, { database: 'BigQuery' })).not.toThrow();
    const tables = parser.tableList(sql, { database: 'BigQuery' }).map((t) => t.split('::').slice(1).join('.'));
    const ctes = new Set(['source', 'lines', 'orders', 'keyed', 'email_ids', 'dated', 'recent', 'named', 'totals', 'metrics', 'staged', 'ranked', 'vips', 'customers', 'stage_list']);
    const external = [...new Set(tables.filter((t) => !ctes.has(t.replace(/^null\./, ''))))];
    expect(external.length).toBe(1);
    expect(external[0]).toContain(o.table.name.split('.').at(-1));
  });

  test('with a customers sheet, a survey, phone keys and today as the as-of day: both queries parse as BigQuery', () => {
    const o = options({
      table: { name: 'p-1.d.orders', columns: { line: 'line', customerId: 'cid', email: 'mail', phone: '電話', orderedAt: 'at', amount: 'amt' }, orderedAt: 'instant' },
      customers: { name: 'p-1.d.customers', columns: { line: 'line', customerId: 'cid', email: 'mail', name: 'nm', registered: 'reg', subscribed: 'sub', reactions: 'rx' } },
      survey: { name: 'p-1.d.survey', columns: { line: 'line', email: 'mail', respondedAt: 'ts', nps: 'nps', satisfaction: 'sat' } },
      asOf: 'today',
    });
    for (const make of [customersQuery, summaryQuery]) {
      const sql = make(parseable, o);
      expect(() => parser.astify(sql, { database: 'BigQuery' })).not.toThrow();
      expect(sql).toContain('`p-1.d.customers`');
      expect(sql).toContain('`p-1.d.survey`');
      expect(sql).toContain('`電話`');
    }
  });

  test('the parser would catch a broken query (the check can fail)', () => {
    const broken = customersQuery(parseable, options()).replace('GROUP BY customer_key', 'GROUP customer_key');
    expect(() => parser.astify(broken, { database: 'BigQuery' })).toThrow();
  });
});

test('bytes scanned per refresh: the mapped columns × rows', () => {
  const all = bytesScanned(ALL_COLUMNS, 1_000_000);
  // line, ordered at, cancelled at 8 each; amount (NUMERIC) 16; two BOOLs 1 each; five strings 2 + length.
  expect(all).toBe(1_000_000 * (8 + 8 + 8 + 16 + 1 + 1 + (2 + 6) + (2 + 13) + (2 + 22) + (2 + 8) + (2 + 12)));
  expect(bytesScanned({ line: 'l', orderedAt: 'o', amount: 'a', customerId: 'c' }, 10)).toBe(10 * (8 + 8 + 16 + 15));
});
