/**
 * The edge cases of the core's own tests, through the SQL on DuckDB: ties in the ranking (code-point
 * key order), refunds, same-day orders, the LTV window, multi-line orders in both amount layouts,
 * e-mail → ID links, guest placeholders, and time zones on an instant (TIMESTAMP) column.
 * Each case checks both that SQL = core and the value a shop owner would expect.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { dayFromCivil, makeZone, type Zone } from '../../../src/core/dates';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../../src/core/settings';
import { DUCKDB } from '../../../src/core/sql/dialect';
import type { TypedLine } from '../../../src/core/sql/lines';
import { customersQuery } from '../../../src/core/sql/query';
import { loadLines, openDuckDb, query } from '../../support/duckdb';
import { byKey, coreAnswer, sqlAnswer } from '../../support/sqlProof';

const tokyo = makeZone('Asia/Tokyo');
const AS_OF = dayFromCivil(2024, 6, 30);
let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openDuckDb();
});
afterAll(() => conn.closeSync());

const settings = (over: object): Settings => readSettings({ ...over }).settings;

async function same(rows: unknown[][], s: Settings = DEFAULT_SETTINGS, zone: Zone = tokyo, asOf = AS_OF) {
  const core = coreAnswer(rows, s, asOf, zone);
  const sql = await sqlAnswer(conn, rows, s, asOf, zone);
  expect(byKey(sql.customers)).toEqual(byKey(core.customers));
  expect(sql.summary).toEqual(core.summary);
  return new Map(sql.customers.map((c) => [c.customer_key, c]));
}

const H = ['Order ID', 'Customer ID', 'Email', 'Order Date', 'Total', 'Status', 'Subscription'];

test('ties: LTV, purchases and last order equal → key in code-point order (an astral kanji after U+FA11)', async () => {
  const got = await same([
    H,
    ['1', '𠮷', '', '2024/06/01', 5000, 'paid', ''],
    ['2', '﨑', '', '2024/06/01', 5000, 'paid', ''],
    ['3', 'b', '', '2024/06/01', 5000, 'paid', ''],
    ['4', 'B', '', '2024/06/01', 5000, 'paid', ''],
  ]);
  expect(['B', 'b', '﨑', '𠮷'].map((k) => got.get(k)!.ltv_rank)).toEqual([1, 2, 3, 4]);
});

test('refunds lower LTV and are not purchases; a refund-only customer has no purchase', async () => {
  const got = await same([
    H,
    ['1', 'A', '', '2024/06/01', 10000, 'paid', ''],
    ['2', 'A', '', '2024/06/02', -3000, 'paid', ''],
    ['3', 'R', '', '2024/06/03', -500, 'paid', ''],
    ['4', 'A', '', '2024/06/04', 9000, 'cancelled', ''],
    ['5', 'A', '', '2024/06/05', 9000, 'partially_refunded', ''],
  ]);
  expect(got.get('A')).toMatchObject({ purchases: 2, ltv: 16000, last_order: dayFromCivil(2024, 6, 5), ltv_rank: 1 });
  expect(got.get('R')).toMatchObject({ purchases: 0, ltv: -500, stage: 'noPurchase', ltv_rank: null, vip: false });
});

test('same-day orders: the latest time decides "subscribed", then the later line', async () => {
  const got = await same([
    H,
    ['1', 'A', '', '2024/06/20 18:00', 1000, '', '定期'],
    ['2', 'A', '', '2024/06/20 09:00', 1000, '', ''],
    ['3', 'B', '', '2024/06/20', 1000, '', ''],
    ['4', 'B', '', '2024/06/20', 1000, '', 'yes'],
  ]);
  expect(got.get('A')!.subscribed).toBe(true);
  expect(got.get('B')!.subscribed).toBe(true);
});

test('the LTV window counts days D−N+1…D; orders after the as-of day are left out', async () => {
  const rows = [
    H,
    ['1', 'A', '', '2024/06/01', 1000, '', ''], // day D−29: inside a 30-day window
    ['2', 'A', '', '2024/05/31', 2000, '', ''], // D−30: outside
    ['3', 'A', '', '2024/07/01', 4000, '', ''], // after D
  ];
  const got = await same(rows, settings({ ltvWindowDays: 30 }));
  expect(got.get('A')).toMatchObject({ ltv: 1000, purchases: 2, last_order: dayFromCivil(2024, 6, 1) });
});

test('multi-line orders: first non-blank values, or the sum of live lines; a cancelled line', async () => {
  const rows = [
    H,
    ['1', 'A', '', '2024/06/01', 1000, 'paid', ''],
    ['1', '', '', '', 500, 'キャンセル', ''],
    ['2', 'A', '', '2024/06/02', '', 'paid', ''],
    ['2', '', '', '', 700, '', ''],
  ];
  // First amounts: order 1 is cancelled as a whole (one line says so); order 2 is 700.
  expect((await same(rows)).get('A')).toMatchObject({ purchases: 1, ltv: 700 });
  // Summed: the cancelled line drops out of order 1 (1000); order 2 is 700.
  expect((await same(rows, settings({ sumOrderRows: true }))).get('A')).toMatchObject({ purchases: 2, ltv: 1700 });
});

test('an order with only an e-mail belongs to the ID another order with that e-mail carries', async () => {
  const got = await same([
    H,
    ['1', 'M7', 'Hana@Example.jp', '2024/06/01', 1000, '', ''],
    ['2', '', 'hana@example.jp', '2024/06/02', 2000, '', ''],
    ['3', '', 'solo@example.jp', '2024/06/03', 3000, '', ''],
  ]);
  expect([...got.keys()].sort()).toEqual(['M7', 'solo@example.jp']);
  expect(got.get('M7')).toMatchObject({ purchases: 2, ltv: 3000 });
});

test('time zones: an instant column is read on the shop’s wall clock (DST and the date line)', async () => {
  // 2024-03-10 02:30 does not exist in Los Angeles; 14:59:59Z is 23:59:59 in Tokyo, 15:00Z the
  // next day; Kiritimati (UTC+14) is a day ahead of UTC for most of it.
  const instants = ['2024-03-10T09:59:59Z', '2024-03-10T10:00:00Z', '2024-06-29T14:59:59Z', '2024-06-29T15:00:00Z', '2024-06-29T10:30:00Z'];
  for (const name of ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London']) {
    const zone = makeZone(name);
    const asOf = dayFromCivil(2024, 6, 30);
    const cells = instants.map((iso, i) => [String(i + 1), `K${i}`, '', new Date(iso), 1000 * (i + 1), '', '']);
    const core = coreAnswer([H, ...cells], DEFAULT_SETTINGS, asOf, zone);
    const lines: TypedLine[] = cells.map((c, i) => ({
      line: i + 2, orderId: c[0] as string, customerId: c[1] as string, email: null,
      orderedAt: (c[3] as Date).getTime(), amount: c[4] as number, status: null, cancelledAt: null, subscription: null, consent: null, name: null, phone: null,
    }));
    await loadLines(conn, 'orders_utc', lines, { instants: true });
    const sql = await query(
      conn,
      customersQuery(DUCKDB, {
        table: { name: 'orders_utc', columns: { line: 'line', orderId: 'order_id', customerId: 'customer_id', orderedAt: 'ordered_at', amount: 'amount' }, orderedAt: 'instant' },
        settings: DEFAULT_SETTINGS, asOf, zone: name, lang: 'ja',
      }),
    );
    const pickDays = (list: { customer_key: unknown; last_order: unknown; ltv_rank: unknown }[]) =>
      byKey(list.map((r) => ({ customer_key: r.customer_key, last_order: r.last_order, ltv_rank: r.ltv_rank })));
    expect(pickDays(sql as never)).toEqual(pickDays(core.customers));
    expect(sql.find((r) => r.customer_key === 'K2')!.last_order).toBe(zone.dayOf(Date.parse(instants[2]!)));
  }
});

test('guest placeholders (SPEC §1.4) are no ID: the key falls back to the e-mail, as the core does', async () => {
  const ids = ['0', '-', 'Guest', 'ゲスト', '非会員', "'1001", ' m1 ', 'ＧＵＥＳＴ'];
  const got = await same([H, ...ids.map((id, i) => [String(i), id, `g${i}@Shop.jp`, `2024/06/${10 + i}`, 100, '', ''])]);
  expect([...got.keys()].sort()).toEqual(['1001', 'g0@shop.jp', 'g1@shop.jp', 'g2@shop.jp', 'g3@shop.jp', 'g4@shop.jp', 'g7@shop.jp', 'm1']);
  expect(got.get('m1')!.stage).toBe('visitor');
});

test('phone keys: a guest with neither ID nor e-mail is their phone, however it is written (SPEC §1.4)', async () => {
  const P = ['Order ID', 'Customer ID', 'Email', 'Phone', 'Order Date', 'Total', 'Status'];
  const got = await same([
    P,
    // One person: 090-1234-5678, +81 90 1234 5678, full-width, and the number Sheets made of a paste.
    ['1', '', '', '090-1234-5678', '2024/06/01', 1000, 'paid'],
    ['2', 'ゲスト', '', '+81 90 1234 5678', '2024/06/02', 2000, 'paid'],
    ['3', '', '', '０９０－１２３４－５６７８', '2024/06/03', 3000, 'paid'],
    ['4', '', '', 9012345678, '2024/06/04', 4000, 'paid'],
    // +81 with the 0 kept, a landline without its 0, too short to be a key, and an ID that wins.
    ['5', '', '', '+81-03-1234-5678', '2024/06/05', 500, 'paid'],
    ['6', '', '', '312345678', '2024/06/06', 600, 'paid'],
    ['7', '', '', '12-34', '2024/06/07', 700, 'paid'],
    ['8', 'C1', '', '090-1234-5678', '2024/06/08', 800, 'paid'],
  ]);
  expect(got.get('09012345678')).toMatchObject({ purchases: 4, ltv: 10000 });
  expect(got.get('0312345678')).toMatchObject({ purchases: 2, ltv: 1100 });
  expect(got.get('C1')).toMatchObject({ purchases: 1 });
  expect([...got.keys()].sort()).toEqual(['0312345678', '09012345678', 'C1']);
});
