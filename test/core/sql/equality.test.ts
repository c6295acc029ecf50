/**
 * Issue 16's proof: the generated SQL, run in DuckDB, gives every customer the core's metrics,
 * stage, rank, tier and VIP flag, and the summary the core's counts — on random shops rendered as
 * messy exports (test/support/shops.ts, the core's own property-test generators), typed by the
 * add-on's readers (src/core/sql/lines.ts), under random settings and as-of days.
 *
 * FANFUNNEL_SQL_SHOPS sets how many shops (default 100: about 30 s on two shared cores; 400 took 219 s under a load of 14).
 */
import fc from 'fast-check';
import type { DuckDBConnection } from '@duckdb/node-api';
import { makeZone } from '../../../src/core/dates';
import { readSettings, type Settings } from '../../../src/core/settings';
import { SHOP_AS_OF, renderShop, shopOrder } from '../../support/shops';
import { openDuckDb } from '../../support/duckdb';
import { byKey, coreAnswer, sqlAnswer } from '../../support/sqlProof';

const SHOPS = Number(process.env.FANFUNNEL_SQL_SHOPS ?? 100);
const tokyo = makeZone('Asia/Tokyo');

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openDuckDb();
});
afterAll(() => conn.closeSync());

/** Settings within what readSettings accepts, skewed to values that split these small shops. */
const settingsArb = fc
  .record({
    activeDays: fc.integer({ min: 1, max: 120 }),
    extraLapse: fc.integer({ min: 0, max: 120 }),
    partnerMinPurchases: fc.integer({ min: 1, max: 4 }),
    partnerMinReactions: fc.integer({ min: 0, max: 2 }),
    supporterMinReactions: fc.integer({ min: 0, max: 2 }),
    dormantMinReactions: fc.integer({ min: 0, max: 2 }),
    count: fc.integer({ min: 0, max: 6 }),
    minLtv: fc.integer({ min: 0, max: 150_000 }),
    minPurchases: fc.integer({ min: 0, max: 5 }),
    mode: fc.constantFrom('and', 'or'),
    gold: fc.integer({ min: 0, max: 100_000 }),
    platinumStep: fc.integer({ min: 0, max: 100_000 }),
    diamondStep: fc.integer({ min: 0, max: 100_000 }),
    ltvWindowDays: fc.option(fc.integer({ min: 1, max: 200 })),
    sumOrderRows: fc.boolean(),
  })
  .map((r): Settings => {
    const { settings, problems } = readSettings({
      stages: {
        activeDays: r.activeDays,
        lapseDays: r.activeDays + r.extraLapse,
        partnerMinPurchases: r.partnerMinPurchases,
        partnerMinReactions: r.partnerMinReactions,
        supporterMinReactions: r.supporterMinReactions,
        dormantMinReactions: r.dormantMinReactions,
      },
      vip: { count: r.count, minLtv: r.minLtv, minPurchases: r.minPurchases, mode: r.mode },
      tiers: { gold: r.gold, platinum: r.gold + r.platinumStep, diamond: r.gold + r.platinumStep + r.diamondStep },
      ltvWindowDays: r.ltvWindowDays,
      sumOrderRows: r.sumOrderRows,
    });
    if (problems.length > 0) throw new Error(JSON.stringify(problems));
    return settings;
  });

const shopArb = fc.record({
  // Few customers, many orders: ties, same-day orders and multi-order customers are common.
  orders: fc.array(shopOrder(['C1', 'C2', 'C3', '1001', 'a@shop.jp', '顧客7', 'Ｃ８', ' c9 ']), { maxLength: 30 }),
  japanese: fc.boolean(),
  garbage: fc.integer({ min: 0, max: 3 }),
  email: fc.boolean(),
  consent: fc.boolean(),
  name: fc.boolean(),
  asOfShift: fc.integer({ min: -40, max: 15 }),
  settings: settingsArb,
});

test(`the SQL on DuckDB equals the core on ${SHOPS} random shops (property)`, async () => {
  let customers = 0;
  await fc.assert(
    fc.asyncProperty(shopArb, async (shop) => {
      const { rows } = renderShop(shop.orders, shop.japanese, shop.garbage, { email: shop.email, consent: shop.consent, name: shop.name });
      const asOf = SHOP_AS_OF + shop.asOfShift;
      const core = coreAnswer(rows, shop.settings, asOf, tokyo);
      const sql = await sqlAnswer(conn, rows, shop.settings, asOf, tokyo);
      expect(byKey(sql.customers)).toEqual(byKey(core.customers));
      // Ranking order too: the SQL lists buyers by rank.
      expect(sql.customers.filter((c) => c.ltv_rank !== null).map((c) => c.customer_key)).toEqual(
        [...core.customers].filter((c) => c.ltv_rank !== null).sort((x, y) => x.ltv_rank! - y.ltv_rank!).map((c) => c.customer_key),
      );
      expect(sql.summary).toEqual(core.summary);
      customers += core.customers.length;
    }),
    { numRuns: SHOPS },
  );
  expect(customers).toBeGreaterThan(SHOPS); // the shops were not all empty
}, 30_000 + SHOPS * 2_000);
