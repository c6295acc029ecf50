/**
 * The prediction as the product reaches it: from an order range, through the same analysis as the
 * tabs (predictFromAnalysis, what the refresh calls) and NEXTPURCHASE. The models themselves are
 * tested in predict.test.ts and beside them; these tests need only a shop big enough to fit.
 */
import { analyze, readInputs } from '../../../src/core/analyze';
import { dayFromCivil, isoDay, makeZone } from '../../../src/core/dates';
import { NotEnoughDataError, nextPurchase, type FunctionEnv } from '../../../src/core/functions';
import type { ModelId } from '../../../src/core/predict/models';
import { predictCustomers, predictFromAnalysis } from '../../../src/core/predict/predict';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { simulateShop } from '../../support/btyd';
import { cell } from '../../support/tables';

const AS_OF = dayFromCivil(2025, 6, 30);
const TRUE_BG = { r: 0.8, alpha: 40, a: 0.6, b: 3 }; // α in days
const TRUE_GG = { p: 4, q: 5, gamma: 20_000 }; // yen
const CUSTOMERS = 500;
/** The simulated shop, made on first use (a run of other tests does not pay for it). */
let simulated: ReturnType<typeof simulateShop> | undefined;
const shop = (): ReturnType<typeof simulateShop> =>
  (simulated ??= simulateShop(TRUE_BG, { customers: CUSTOMERS, firstDay: AS_OF - 700, asOf: AS_OF, seed: 3, spend: TRUE_GG }));

describe('predictFromAnalysis (what the refresh calls)', () => {
  test('stages and birthdays come from the same analysis as the tabs', () => {
    const zone = makeZone('Asia/Tokyo');
    const orders = [['顧客ID', '注文日', '金額'], ...shop().orders.map((o) => [o.key, isoDay(o.day), o.amount])];
    const customers = [
      ['顧客ID', '誕生日', 'ポジティブ反応回数'],
      ...shop().customers.map((_, i) => [`C${String(i + 1).padStart(5, '0')}`, i % 40 === 0 ? '1990-07-03' : '1990-06-10', 1]),
    ];
    const read = readInputs({ orders, customers }, { zone, settings: DEFAULT_SETTINGS, locale: 'ja_JP' });
    const a = analyze(read, AS_OF, DEFAULT_SETTINGS);
    const p = predictFromAnalysis(a);
    expect(p.verdict.ok).toBe(true);
    expect(p.rows).toEqual(predictCustomers({ orders: shop().orders, asOf: AS_OF }).rows);
    expect(p.winBack.length).toBeGreaterThan(0);
    expect(p.winBack.every((r) => a.byKey.get(r.key)!.stage.stage === 'dormant')).toBe(true);
    expect(p.birthdays!.map((b) => b.key)).toEqual(shop().customers.map((_, i) => i).filter((i) => i % 40 === 0).map((i) => `C${String(i + 1).padStart(5, '0')}`));
    // Without a birthday column there is no birthday list.
    const plain = predictFromAnalysis(analyze(readInputs({ orders }, { zone, settings: DEFAULT_SETTINGS, locale: 'ja_JP' }), AS_OF, DEFAULT_SETTINGS));
    expect(plain.birthdays).toBeUndefined();
  });
});

describe('NEXTPURCHASE semantics', () => {
  const zone = makeZone('Asia/Tokyo');
  const env = (locale: string): FunctionEnv => ({ zone, locale, settings: DEFAULT_SETTINGS, now: Date.parse('2025-06-30T03:00:00Z') });
  const table = (): unknown[][] => [['顧客ID', '注文日', '金額'], ...shop().orders.map((o) => [o.key, isoDay(o.day), o.amount])];

  // NEXTPURCHASE runs no backtest: it fits the model the last refresh chose (env.model), BG/NBD by default.
  const predicted = (asOf = AS_OF, model: ModelId = 'bgnbd') => predictCustomers({ orders: shop().orders, asOf, options: { holdoutDays: 0, model } });

  test('table form: header, one row per customer, highest value first, Dates for days', () => {
    const t = nextPurchase(env('en_US'), table()) as unknown[][];
    expect(t[0]).toEqual(['Customer', 'P(alive)', 'Expected purchases (90 days)', 'Next purchase by', '12-month value']);
    expect(t).toHaveLength(CUSTOMERS + 1);
    const p = predicted();
    const first = p.rows[0]!;
    expect(cell(t, 1, 'customer')).toBe(first.key);
    expect(cell(t, 1, 'pAlive')).toBeCloseTo(first.pAlive, 4);
    expect(cell(t, 1, 'expected90')).toBeCloseTo(first.expected90, 2);
    expect(cell(t, 1, 'nextPurchase')).toEqual(first.nextPurchaseDay === undefined ? '' : zone.midnight(first.nextPurchaseDay));
    expect(cell(t, 1, 'value12m')).toBe(Math.round(first.value12m!));
    expect((nextPurchase(env('ja_JP'), table()) as unknown[][])[0]).toEqual(['顧客', '継続確率', '90日間の予測購入回数', '次回購入予測日', '12か月の予測購入額']);
  });

  test('a key → its date (or blank); a range → the same shape; as_of is respected', () => {
    const p = predicted();
    const withDate = p.rows.find((r) => r.nextPurchaseDay !== undefined)!;
    const without = p.rows.find((r) => r.nextPurchaseDay === undefined)!;
    expect(nextPurchase(env('en_US'), table(), withDate.key)).toEqual(zone.midnight(withDate.nextPurchaseDay!));
    expect(nextPurchase(env('en_US'), table(), [[withDate.key], [''], [without.key], ['nobody']])).toEqual([
      [zone.midnight(withDate.nextPurchaseDay!)],
      [''],
      [''],
      [''],
    ]);
    const past = AS_OF - 30;
    const q = predicted(past);
    const r = q.rows.find((x) => x.nextPurchaseDay !== undefined)!;
    expect(nextPurchase(env('en_US'), table(), r.key, isoDay(past))).toEqual(zone.midnight(r.nextPurchaseDay!));
  });

  test('the model is the one the last refresh chose: Pareto/NBD’s P(alive) of a one-time buyer is below 1, BG/NBD’s is 1', () => {
    const oneTime = predicted().rows.find((r) => r.transactions === 1)!;
    const column = (t: unknown[][]) => new Map(t.slice(1).map((row, i) => [cell(t, i + 1, 'customer'), cell(t, i + 1, 'pAlive')]));
    const bg = column(nextPurchase(env('en_US'), table()) as unknown[][]);
    const pareto = column(nextPurchase({ ...env('en_US'), model: 'paretoNbd' }, table()) as unknown[][]);
    expect(bg.get(oneTime.key)).toBe(1);
    expect(pareto.get(oneTime.key)).toBeLessThan(1);
    expect(pareto.get(oneTime.key)).toBeCloseTo(predicted(AS_OF, 'paretoNbd').byKey.get(oneTime.key)!.pAlive, 4);
  });

  test('too little data: an error whose message says why, in the spreadsheet’s language', () => {
    const few = [['customer id', 'date', 'amount'], ['a', '2025-01-01', 100], ['a', '2025-02-01', 100], ['b', '2025-03-01', 100]];
    expect(() => nextPurchase(env('en_US'), few)).toThrow(NotEnoughDataError);
    expect(() => nextPurchase(env('en_US'), few, 'a')).toThrow(
      'Not enough data to predict next purchases: 1 customers have bought more than once (at least 50 are needed).',
    );
    expect(() => nextPurchase(env('ja_JP'), few)).toThrow('2回以上購入した顧客が1人です(50人以上必要)');
  });
});
