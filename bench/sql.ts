/**
 * npm run bench:sql — the generated SQL (src/core/sql) on DuckDB in-process against the core.
 *
 * 1. The same 1M-row generic export (Dates, line items, 3 % cancelled, 10 % subscriptions) through
 *    the core (readInputs + analyze) and through DuckDB (typed lines → appender → the customer and
 *    summary queries); the stage counts must agree.
 * 2. DuckDB alone on 10M order lines made inside DuckDB (2M customers, one-and-a-bit lines per
 *    order): the two queries, which is what a Connected Sheets refresh runs on BigQuery.
 * Not a test: figures vary with the machine and its load (state it beside them).
 */
import { performance } from 'node:perf_hooks';
import type { DuckDBConnection } from '@duckdb/node-api';
import { analyze, readInputs } from '../src/core/analyze';
import { dayFromCivil, makeZone } from '../src/core/dates';
import { summarizeStages } from '../src/core/funnel';
import type { Table } from '../src/core/orders';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { DUCKDB } from '../src/core/sql/dialect';
import { typedLines } from '../src/core/sql/lines';
import { customersQuery, summaryQuery, type QueryOptions } from '../src/core/sql/query';
import { loadLines, openDuckDb, query } from '../test/support/duckdb';
import { mulberry32 as prng } from '../scripts/random';

const HEADER = ['注文番号', '顧客ID', 'メールアドレス', '注文日時', '商品名', '合計金額', '注文ステータス', '定期購入', '氏名'];
const START = Date.parse('2024-01-01T00:00:00+09:00');
const SPAN_DAYS = 540;
const AS_OF = dayFromCivil(2025, 6, 30);
const tokyo = makeZone('Asia/Tokyo');

function makeOrders(rowsWanted: number, customers: number): unknown[][] {
  const rnd = prng(42);
  const rows: unknown[][] = [HEADER];
  let order = 0;
  while (rows.length <= rowsWanted) {
    order++;
    const cust = Math.floor(rnd() ** 1.5 * customers);
    const id = `C${String(cust).padStart(7, '0')}`;
    const ms = START + Math.floor(rnd() * SPAN_DAYS * 86_400) * 1000;
    const amount = 1000 + Math.floor(rnd() * 30) * 500;
    const cancelled = rnd() < 0.03;
    const sub = rnd() < 0.1;
    const lines = 1 + Math.floor(rnd() * rnd() * 3);
    for (let l = 0; l < lines && rows.length <= rowsWanted; l++) {
      const first = l === 0;
      rows.push([
        `#${order}`, first ? id : '', first ? `${id.toLowerCase()}@example.jp` : '', first ? new Date(ms) : '', `商品${l}`,
        first ? amount : '', first ? (cancelled ? 'キャンセル' : '発送済み') : '', first && sub ? '定期' : '', first ? `顧客 ${cust}` : '',
      ]);
    }
  }
  return rows;
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

const options = (columns: QueryOptions['table']['columns'], orderedAt: 'instant' | 'wallClock'): QueryOptions => ({
  table: { name: 'orders', columns, orderedAt },
  settings: DEFAULT_SETTINGS,
  asOf: AS_OF,
  zone: 'Asia/Tokyo',
  lang: 'ja',
});

async function sameData(conn: DuckDBConnection, rows: number): Promise<void> {
  const table = makeOrders(rows, rows / 10) as Table;
  const [core, coreMs] = await timed(() => {
    const a = analyze(readInputs({ orders: table }, { zone: tokyo, settings: DEFAULT_SETTINGS, locale: 'ja' }), AS_OF, DEFAULT_SETTINGS);
    return summarizeStages(a, undefined);
  });
  const [typed, typeMs] = await timed(() => typedLines(table, { zone: tokyo, settings: DEFAULT_SETTINGS }));
  const [, loadMs] = await timed(() => loadLines(conn, 'orders', typed.lines));
  const o = options(typed.columns, 'wallClock');
  const [customers, customersMs] = await timed(() => query(conn, `SELECT COUNT(*) AS n FROM (${customersQuery(DUCKDB, o)})`));
  const [summary, summaryMs] = await timed(() => query(conn, summaryQuery(DUCKDB, o)));
  const agree = summary.every((s, i) => s.customers === core[i]!.customers && s.stage === core[i]!.stage);
  console.log(`${rows.toLocaleString('en-US')} rows, ${customers[0]!.n} customers — stage counts ${agree ? 'agree' : 'DIFFER'}`);
  console.log(`  core (read + analyze + summary)     ${secs(coreMs)}`);
  console.log(`  DuckDB: type the cells (the add-on's readers) ${secs(typeMs)}, load ${secs(loadMs)}`);
  console.log(`  DuckDB: customer query ${secs(customersMs)}, summary query ${secs(summaryMs)}`);
  if (!agree) process.exitCode = 1;
}

async function duckdbOnly(conn: DuckDBConnection, rows: number): Promise<void> {
  const customers = Math.floor(rows / 5);
  // Orders of ~1.25 lines: line i belongs to order floor(i × 0.8); hash() spreads customers,
  // days, amounts and statuses deterministically.
  const [, makeMs] = await timed(() =>
    conn.run(`CREATE OR REPLACE TABLE orders AS
      SELECT i AS line,
        '#' || CAST(CAST(floor(i * 0.8) AS BIGINT) AS VARCHAR) AS order_id,
        'C' || lpad(CAST(hash(floor(i * 0.8)) % ${customers} AS VARCHAR), 7, '0') AS customer_id,
        TIMESTAMPTZ '2024-01-01 00:00:00+09' + to_seconds(CAST(hash(floor(i * 0.8) + 1) % (${SPAN_DAYS} * 86400) AS BIGINT)) AS ordered_at,
        CAST(1000 + (hash(floor(i * 0.8) + 2) % 30) * 500 AS DOUBLE) AS amount,
        CASE WHEN hash(floor(i * 0.8) + 3) % 100 < 3 THEN 'キャンセル' ELSE '発送済み' END AS status,
        hash(floor(i * 0.8) + 4) % 10 = 0 AS subscription
      FROM range(${rows}) t(i)`),
  );
  const o = options({ line: 'line', orderId: 'order_id', customerId: 'customer_id', orderedAt: 'ordered_at', amount: 'amount', status: 'status', subscription: 'subscription' }, 'instant');
  const [n, customersMs] = await timed(() => query(conn, `SELECT COUNT(*) AS n, SUM(CASE WHEN vip THEN 1 ELSE 0 END) AS vips FROM (${customersQuery(DUCKDB, o)})`));
  const [summary, summaryMs] = await timed(() => query(conn, summaryQuery(DUCKDB, o)));
  console.log(`${rows.toLocaleString('en-US')} rows made in DuckDB (${secs(makeMs)}), ${n[0]!.n} customers, ${n[0]!.vips} VIPs`);
  console.log(`  DuckDB: customer query ${secs(customersMs)}, summary query ${secs(summaryMs)}`);
  console.log(`  ${summary.map((s) => `${s.stage_label} ${s.customers}`).join(' / ')}`);
}

async function main(): Promise<void> {
  const threads = process.env.DUCKDB_THREADS ?? '2';
  const conn = await openDuckDb(threads);
  console.log(`DuckDB in-process, ${threads} thread(s)`);
  const same = Number(process.env.BENCH_SQL_SAME_ROWS ?? 1_000_000);
  const big = Number(process.env.BENCH_SQL_ROWS ?? 10_000_000);
  if (same > 0) await sameData(conn, same);
  if (big > 0) await duckdbOnly(conn, big);
  conn.closeSync();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
