/**
 * The customers sheet (SPEC §1.2) and the survey (SPEC §1.3) in the SQL: registration (LINE / newsletter), subscription and
 * reaction counts per customer, linked to the orders' keys — on DuckDB, equal to the core on random
 * shops with random customers sheets (messy flags, e-mail-keyed rows, repeated rows, customers who
 * never bought), and on the cases a shop owner would check by hand.
 */
import fc from 'fast-check';
import type { DuckDBConnection } from '@duckdb/node-api';
import { makeZone } from '../../../src/core/dates';
import { DEFAULT_SETTINGS, readSettings } from '../../../src/core/settings';
import { SHOP_AS_OF, renderShop, shopOrder } from '../../support/shops';
import { openDuckDb } from '../../support/duckdb';
import { byKey, coreAnswer, sqlAnswer } from '../../support/sqlProof';

const tokyo = makeZone('Asia/Tokyo');
const SHOPS = Math.max(20, Math.round(Number(process.env.FANFUNNEL_SQL_SHOPS ?? 100) / 2));
let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await openDuckDb();
});
afterAll(() => conn.closeSync());

const POOL = ['C1', 'C2', 'C3', '1001', 'a@shop.jp', '顧客7', 'C9'];
const flag = fc.constantFrom<unknown>('○', '×', 'TRUE', 'FALSE', '', 'yes', 'no', '登録済', true, false, 1, 0, '済');
const reactions = fc.constantFrom<unknown>(0, 1, 2, 3, '2', '５', '', -1, 2.7, 'たくさん');

/** A customers sheet: rows keyed by ID or e-mail (as the orders write them), some repeated. */
const sheetArb = fc.record({
  japanese: fc.boolean(),
  registered: fc.boolean(),
  subscribed: fc.boolean(),
  reactions: fc.boolean(),
  rows: fc.array(
    fc.record({ customer: fc.constantFrom(...POOL), byEmail: fc.boolean(), name: fc.constantFrom('', '山田', 'Ｙａｍａ'), registered: flag, subscribed: flag, reactions }),
    { maxLength: 10 },
  ),
});

type Sheet = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

function render(sheet: Sheet): unknown[][] {
  const j = sheet.japanese;
  const header: string[] = [j ? '顧客ID' : 'Customer ID', j ? 'メールアドレス' : 'Email', j ? '氏名' : 'Name'];
  if (sheet.registered) header.push(j ? 'LINE登録' : 'Registered');
  if (sheet.subscribed) header.push(j ? '定期課金' : 'Subscribed');
  if (sheet.reactions) header.push(j ? 'ポジティブ反応回数' : 'Positive reactions');
  return [
    header,
    ...sheet.rows.map((r) => {
      const email = r.customer.includes('@') ? r.customer : `${r.customer}@mail.example`;
      const row: unknown[] = [r.byEmail || r.customer.includes('@') ? '' : r.customer, r.byEmail ? email.toUpperCase() : '', r.name];
      if (sheet.registered) row.push(r.registered);
      if (sheet.subscribed) row.push(r.subscribed);
      if (sheet.reactions) row.push(r.reactions);
      return row;
    }),
  ];
}

test(`with a customers sheet, the SQL on DuckDB equals the core on ${SHOPS} random shops (property)`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(shopOrder(POOL), { maxLength: 25 }),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      sheetArb,
      fc.integer({ min: 0, max: 3 }),
      async (orders, japanese, email, consent, sheet, partnerMinReactions) => {
        const { rows } = renderShop(orders, japanese, 1, { email, consent, name: true });
        const settings = readSettings({ stages: { partnerMinReactions } }).settings;
        const customers = render(sheet);
        const core = coreAnswer(rows, settings, SHOP_AS_OF, tokyo, customers);
        const sql = await sqlAnswer(conn, rows, settings, SHOP_AS_OF, tokyo, customers);
        expect(byKey(sql.customers)).toEqual(byKey(core.customers));
        expect(sql.summary).toEqual(core.summary);
      },
    ),
    { numRuns: SHOPS },
  );
}, 30_000 + SHOPS * 2_000);

/** A Google Forms survey (header as test/fixtures/exports/google-forms-survey.csv has it, or in
 *  Japanese): timestamps in several forms, some after the as-of day; NPS under a question header
 *  (found by its 0–10 answers) or named; satisfaction 1–5. */
const surveyArb = fc.record({
  japanese: fc.boolean(),
  dated: fc.boolean(),
  named: fc.boolean(),
  satisfaction: fc.boolean(),
  rows: fc.array(
    fc.record({
      customer: fc.constantFrom(...POOL),
      byId: fc.boolean(),
      day: fc.integer({ min: -20, max: 5 }),
      style: fc.constantFrom('slash', 'iso', 'date', 'junk'),
      nps: fc.integer({ min: 0, max: 10 }),
      sat: fc.constantFrom<unknown>(1, 3, 4, 5, '５', ''),
    }),
    { maxLength: 12 },
  ),
});
type Survey = typeof surveyArb extends fc.Arbitrary<infer T> ? T : never;

function renderSurvey(sv: Survey): unknown[][] {
  const j = sv.japanese;
  const header: string[] = [];
  if (sv.dated) header.push(j ? 'タイムスタンプ' : 'Timestamp');
  header.push(j ? 'メールアドレス' : 'Email address', j ? '顧客ID' : 'Customer ID');
  header.push(sv.named ? (j ? 'おすすめ度' : 'NPS') : 'How likely is it that you would recommend our shop to a friend or colleague?');
  if (sv.satisfaction) header.push(j ? '満足度' : 'Overall satisfaction with your purchase (1 = very dissatisfied, 5 = very satisfied)');
  return [
    header,
    ...sv.rows.map((r) => {
      const at = new Date(Date.UTC(2024, 5, 30 + r.day, 1, 30));
      const y = at.getUTCFullYear(), m = at.getUTCMonth() + 1, d = at.getUTCDate();
      const when = r.style === 'slash' ? `${y}/${m}/${d} 10:30:00` : r.style === 'iso' ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : r.style === 'date' ? at : 'いつか';
      const email = r.customer.includes('@') ? r.customer : `${r.customer}@mail.example`;
      const row: unknown[] = [];
      if (sv.dated) row.push(when);
      row.push(r.byId && !r.customer.includes('@') ? '' : email, r.byId && !r.customer.includes('@') ? r.customer : '', r.nps);
      if (sv.satisfaction) row.push(r.sat);
      return row;
    }),
  ];
}

test(`with a survey (and sometimes a customers sheet), the SQL equals the core on ${SHOPS} random shops (property)`, async () => {
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(shopOrder(POOL), { maxLength: 25 }),
      fc.boolean(),
      fc.option(sheetArb),
      surveyArb,
      fc.integer({ min: 0, max: 3 }),
      async (orders, email, sheet, survey, partnerMinReactions) => {
        const { rows } = renderShop(orders, false, 0, { email, consent: true, name: true });
        const settings = readSettings({ stages: { partnerMinReactions, supporterMinReactions: 1 } }).settings;
        const customers = sheet === null ? undefined : render(sheet);
        const answers = renderSurvey(survey);
        let core;
        try {
          core = coreAnswer(rows, settings, SHOP_AS_OF, tokyo, customers, answers);
        } catch {
          return; // a survey the core refuses (no score column found): nothing to compare
        }
        const sql = await sqlAnswer(conn, rows, settings, SHOP_AS_OF, tokyo, customers, answers);
        expect(byKey(sql.customers)).toEqual(byKey(core.customers));
        expect(sql.summary).toEqual(core.summary);
        compared++;
      },
    ),
    { numRuns: SHOPS },
  );
  expect(compared).toBeGreaterThan(SHOPS / 2); // most surveys were read, not refused
}, 30_000 + SHOPS * 2_000);

test('by hand: promoters and satisfied answers up to the as-of day are the reactions, linked by e-mail', async () => {
  const orders = [
    ['Order ID', 'Customer ID', 'Email', 'Order Date', 'Total', 'Status'],
    ['1', 'C1', 'c1@shop.jp', '2024/06/01', 5000, 'paid'],
    ['2', 'C2', '', '2024/06/02', 3000, 'paid'],
  ];
  const survey = [
    ['Timestamp', 'Email address', 'NPS', '満足度'],
    ['2024/06/10 10:00', 'C1@shop.jp', 9, 2],
    ['2024/06/11 10:00', 'c1@shop.jp', 5, 4],
    ['2024/06/12 10:00', 'c1@shop.jp', 5, 3],
    // After the as-of day: not yet.
    ['2024/07/01 10:00', 'c1@shop.jp', 10, 5],
    ['2024/06/12 10:00', 'someone@else.jp', 10, 5],
  ];
  const core = coreAnswer(orders, DEFAULT_SETTINGS, SHOP_AS_OF, tokyo, undefined, survey);
  const sql = await sqlAnswer(conn, orders, DEFAULT_SETTINGS, SHOP_AS_OF, tokyo, undefined, survey);
  expect(byKey(sql.customers)).toEqual(byKey(core.customers));
  const got = new Map(sql.customers.map((c) => [c.customer_key, c]));
  expect(got.get('C1')!.positive_reactions).toBe(2);
  expect(got.get('C2')!.positive_reactions).toBe(0);
  expect(got.has('someone@else.jp')).toBe(false);
});

const H = ['Order ID', 'Customer ID', 'Email', 'Order Date', 'Total', 'Status', 'Subscription'];

test('by hand: the sheet decides registration for everyone, overrides subscription, gives reactions; a listed non-buyer is counted', async () => {
  const orders = [
    H,
    ['1', 'C1', 'c1@shop.jp', '2024/06/01', 5000, 'paid', 'yes'],
    ['2', 'C2', '', '2024/06/02', 3000, 'paid', 'yes'],
    ['3', 'C3', '', '2024/06/03', 2000, 'paid', ''],
  ];
  const customers = [
    ['顧客ID', 'メールアドレス', '氏名', 'LINE登録', '定期課金', 'ポジティブ反応回数'],
    // By e-mail only: linked to C1 through the orders' e-mail.
    ['', 'C1@SHOP.JP', '一郎', '○', '', 3],
    ['C2', '', '', '×', '○', 'たくさん'],
    // Repeated: the later row wins.
    ['C2', '', '二郎', '○', '', 1],
    ['C4', '', '四郎', '○', '', 0],
  ];
  const core = coreAnswer(orders, DEFAULT_SETTINGS, SHOP_AS_OF, tokyo, customers);
  const sql = await sqlAnswer(conn, orders, DEFAULT_SETTINGS, SHOP_AS_OF, tokyo, customers);
  expect(byKey(sql.customers)).toEqual(byKey(core.customers));
  const got = new Map(sql.customers.map((c) => [c.customer_key, c]));
  expect(got.get('C1')).toMatchObject({ name: '一郎', registered: true, subscribed: false, positive_reactions: 3 });
  expect(got.get('C2')).toMatchObject({ name: '二郎', registered: true, subscribed: false, positive_reactions: 1 });
  // Not in the sheet: not registered (the sheet has the registration column), the orders' subscription.
  expect(got.get('C3')).toMatchObject({ registered: false, subscribed: false, stage: 'unregistered' });
  expect(got.get('C4')).toMatchObject({ purchases: 0, ltv: 0, registered: true, stage: 'noPurchase', ltv_rank: null });
});
