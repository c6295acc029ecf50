/**
 * Issue 16 in the add-on: the sidebar's BigQuery section → the server (the built bundle) → data
 * source sheets whose queries are the generated GoogleSQL, run by the in-memory Connected Sheets
 * on DuckDB (emulator/spreadsheet/dataSources.ts) — and what they hold equals the core's answer on
 * the same shop. Also: the funnel tab it writes, the sheets it never touches, and what the owner
 * reads when their account or this build cannot use BigQuery.
 */
import fc from 'fast-check';
import { loadBundle, type LoadedBundle } from '../../emulator/bundle';
import type { BigQueryTable } from '../../emulator/bigquery/engine';
import { makeZone } from '../../src/core/dates';
import { BIGQUERY_MESSAGES, STAGE_LABELS } from '../../src/core/labels';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { BigQueryResult } from '../../src/gas/connectedSheets';
import { PROPERTY_KEYS } from '../../src/gas/keys';
import { ordersTable } from '../support/bigQueryTables';
import { SHOP_AS_OF, renderShop, shopOrder } from '../support/shops';
import { byKey, coreAnswer } from '../support/sqlProof';

const tokyo = makeZone('Asia/Tokyo');
/** 2024-06-30 09:00 in Tokyo: CURRENT_DATE('Asia/Tokyo') is SHOP_AS_OF. */
const NOW = Date.parse('2024-06-30T09:00:00+09:00');
const TABLE = 'my-shop-2024.shop.orders';
const INPUT = { projectId: 'my-shop-2024', table: 'shop.orders' };

/** The bundle as the BigQuery build pushes it (its manifest grants the scope), unless `manifest`
 *  says otherwise: the default build's dist/appsscript.json has none. */
function workbook(
  table: BigQueryTable,
  bigQuery: { access?: 'granted' | 'noConnectedSheets' | 'noBigQueryRole' } = {},
  sheets?: Record<string, unknown[][]>,
  manifest = 'appsscript.bigquery.json',
): LoadedBundle {
  return loadBundle({ now: NOW, manifest, ...(sheets ? { sheets } : {}), gas: { bigQuery: { tables: [table], ...bigQuery } } });
}

const call = (b: LoadedBundle, fn: string, input: unknown): BigQueryResult => b.env.call(fn, input) as BigQueryResult;

/** The sidebar's two clicks: read the columns, then create the sheets with the mapping it filled in. */
function connect(b: LoadedBundle): BigQueryResult {
  const read = call(b, 'readBigQueryColumns', INPUT);
  expect(read.error).toBeNull();
  expect(read.ok).toBe(true);
  return call(b, 'connectBigQuery', read.view.settings);
}

/** A sheet's rows as objects by its header row. */
function objects(b: LoadedBundle, sheet: string): Record<string, unknown>[] {
  const [header, ...rows] = b.env.sheet(sheet).values as unknown[][];
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i] === '' ? null : r[i]])));
}

const sampleShop = () =>
  renderShop(
    fc.sample(fc.array(shopOrder(['C1', 'C2', 'C3', '1001', 'a@shop.jp', '顧客7']), { minLength: 25, maxLength: 30 }), { numRuns: 1, seed: 16 })[0]!,
    false,
    1,
    { email: true, consent: true, name: true },
  ).rows;

describe('BigQuery (Connected Sheets) from the sidebar', () => {
  test('column mapping pre-filled from the table by the header rules, stored in document properties', () => {
    const rows = sampleShop();
    const b = workbook(ordersTable(TABLE, rows, DEFAULT_SETTINGS, tokyo));
    const read = call(b, 'readBigQueryColumns', INPUT);
    expect(read.view.settings.columns).toEqual({
      line: 'line_number', orderedAt: 'created_at', amount: 'total_price', customerId: 'customer_id', email: 'email', orderId: 'order_id',
      status: 'financial_status', subscription: 'subscription', consent: 'accepts_marketing', name: 'billing_name',
    });
    expect(read.view.settings.orderedAt).toBe('instant');
    expect(read.view.tableColumns.map((c) => c.type)).toContain('TIMESTAMP');
    // The listing's data source sheet is gone again; the query asked INFORMATION_SCHEMA.
    expect(b.env.sheetNames()).toEqual(['シート1']);
    expect(b.env.bigQuery!.engine.queries[0]).toContain('`my-shop-2024.shop`.INFORMATION_SCHEMA.COLUMNS');
    const stored = JSON.parse(b.env.properties.document.map.get(PROPERTY_KEYS.bigQuery)!);
    expect(stored.settings.projectId).toBe('my-shop-2024');
  });

  test('random shops: the customer and summary data source sheets equal the core, and the funnel tab shows the summary', () => {
    let seen = 0;
    fc.assert(
      fc.property(
        fc.record({
          orders: fc.array(shopOrder(['C1', 'C2', 'C3', '1001', 'a@shop.jp', '顧客7', 'Ｃ８']), { minLength: 3, maxLength: 25 }),
          japanese: fc.boolean(),
          email: fc.boolean(),
          consent: fc.boolean(),
          name: fc.boolean(),
        }),
        (shop) => {
          const { rows } = renderShop(shop.orders, shop.japanese, 1, { email: shop.email, consent: shop.consent, name: shop.name });
          const b = workbook(ordersTable(TABLE, rows, DEFAULT_SETTINGS, tokyo));
          const result = connect(b);
          expect(result.error).toBeNull();
          expect(result.problems).toEqual([]);
          expect(b.env.sheetNames()).toEqual(['シート1', '顧客ステージ (BigQuery)', 'ステージ集計 (BigQuery)', 'ファンファネル (BigQuery)']);
          const core = coreAnswer(rows, DEFAULT_SETTINGS, SHOP_AS_OF, tokyo);
          const pickRow = (r: Record<string, unknown>) => ({
            customer_key: r.customer_key, stage: r.stage, purchases: r.purchases, ltv: r.ltv, days_since_last: r.days_since_last ?? null,
            subscribed: r.subscribed, registered: r.registered, ltv_rank: r.ltv_rank ?? null, tier: r.tier ?? null, vip: r.vip,
          });
          expect(byKey(objects(b, '顧客ステージ (BigQuery)').map(pickRow))).toEqual(byKey(core.customers.map(pickRow)));
          const summary = objects(b, 'ステージ集計 (BigQuery)').map((r) => ({ stage: r.stage, customers: r.customers, revenue: r.revenue }));
          expect(summary).toEqual(core.summary);
          // The funnel tab: one row per stage with the summary's counts, in Japanese, and the total.
          const tab = b.env.sheet('ファンファネル (BigQuery)').values as unknown[][];
          for (const s of core.summary) expect(tab.find((r) => r[0] === STAGE_LABELS[s.stage as keyof typeof STAGE_LABELS].ja)!.slice(1, 3)).toEqual([s.customers, s.revenue]);
          expect(tab.find((r) => r[0] === '合計')![1]).toBe(core.customers.length);
          seen += core.customers.length;
        },
      ),
      { numRuns: 4 },
    );
    // Not a proof of much if every shop had no customer (four shops of random rows can, rarely,
    // come to 4 customers or fewer in all: that is why this only asks for one).
    expect(seen).toBeGreaterThan(0);
  }, 120_000);

  test('a second click updates the same sheets (queries replaced), and the owner’s sheet of the same name is never touched', () => {
    const rows = sampleShop();
    const mine = [['私のメモ'], ['さわらないで']];
    const b = workbook(ordersTable(TABLE, rows, DEFAULT_SETTINGS, tokyo), {}, { 'ファンファネル (BigQuery)': mine });
    expect(connect(b).ok).toBe(true);
    const names = b.env.sheetNames();
    expect(objects(b, '顧客ステージ (BigQuery)').length).toBeGreaterThan(3);
    expect(names).toEqual(['ファンファネル (BigQuery)', '顧客ステージ (BigQuery)', 'ステージ集計 (BigQuery)', 'ファンファネル (BigQuery) (Fan Funnel)']);
    expect(b.env.sheet('ファンファネル (BigQuery)').values).toEqual(mine);
    const queries = b.env.bigQuery!.engine.queries.length;
    expect(connect(b).ok).toBe(true);
    expect(b.env.sheetNames()).toEqual(names);
    expect(b.env.bigQuery!.engine.queries.length).toBe(queries + 3);
    expect(b.env.sheet('ファンファネル (BigQuery)').values).toEqual(mine);
    // The refresh never takes the section's sheets for sources.
    const state = b.env.call('getSidebarState') as { sheets: string[] };
    expect(state.sheets).toEqual(['ファンファネル (BigQuery)']);
  }, 60_000);

  test('the queries ask BigQuery for today in the spreadsheet’s zone, so a scheduled refresh stays current', () => {
    const b = workbook(ordersTable(TABLE, sampleShop(), DEFAULT_SETTINGS, tokyo));
    expect(connect(b).ok).toBe(true);
    const sent = b.env.bigQuery!.engine.queries.slice(1);
    for (const q of sent) {
      expect(q).toContain("CURRENT_DATE('Asia/Tokyo')");
      expect(q).toContain('`my-shop-2024.shop.orders`');
    }
  }, 60_000);

  test('without Connected Sheets or BigQuery roles the owner reads why, in Japanese; nothing is half-made', () => {
    const table = ordersTable(TABLE, sampleShop(), DEFAULT_SETTINGS, tokyo);
    for (const access of ['noConnectedSheets', 'noBigQueryRole'] as const) {
      const b = workbook(table, { access });
      const read = call(b, 'readBigQueryColumns', INPUT);
      expect(read.ok).toBe(false);
      expect(read.error!.ja).toContain('コネクテッド シート(BigQuery)を使えません');
      expect(read.error!.ja).toContain('管理者');
      expect(b.env.sheetNames()).toEqual(['シート1']);
    }
    // The default build's manifest has no BigQuery scope: the owner is told to install the BigQuery build.
    const b = workbook(table, {}, undefined, 'dist/appsscript.json');
    expect(call(b, 'readBigQueryColumns', INPUT).error).toEqual(BIGQUERY_MESSAGES.notThisBuild);
    expect(b.env.sheetNames()).toEqual(['シート1']);
  }, 60_000);

  test('bad settings are refused field by field before anything runs', () => {
    const b = workbook(ordersTable(TABLE, sampleShop(), DEFAULT_SETTINGS, tokyo));
    const r = call(b, 'connectBigQuery', { projectId: 'My Project', table: 'orders', columns: { amount: 'total`; DROP' } });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.path).sort()).toEqual(
      ['bigQuery.columns.amount', 'bigQuery.columns.customerId', 'bigQuery.columns.line', 'bigQuery.columns.orderedAt', 'bigQuery.projectId', 'bigQuery.table'].sort(),
    );
    expect(r.problems.find((p) => p.path === 'bigQuery.projectId')!.message.ja).toContain('プロジェクト ID');
    expect(b.env.bigQuery!.engine.queries).toEqual([]);
  });
});
