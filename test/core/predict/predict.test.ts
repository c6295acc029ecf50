/** The product-facing prediction (predictCustomers) and the NEXTPURCHASE semantics. */
import { dayFromCivil, isoDay, makeZone } from '../../../src/core/dates';
import { NotEnoughDataError, nextPurchase, type FunctionEnv } from '../../../src/core/functions';
import type { StageId } from '../../../src/core/labels';
import { conditionalExpectedPurchases, pAlive, probPurchaseWithin } from '../../../src/core/predict/bgnbd';
import { expectedSpend } from '../../../src/core/predict/gammaGamma';
import { analyze, readInputs } from '../../../src/core/analyze';
import { predictCustomers, predictFromAnalysis } from '../../../src/core/predict/predict';
import { summarize } from '../../../src/core/predict/rfm';
import { compareCodePoints } from '../../../src/core/ranking';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import * as pnbd from '../../../src/core/predict/paretoNbd';
import { simulateShop } from '../../support/btyd';
import { cell } from '../../support/tables';

const AS_OF = dayFromCivil(2025, 6, 30);
const TRUE_BG = { r: 0.8, alpha: 40, a: 0.6, b: 3 }; // α in days
const TRUE_GG = { p: 4, q: 5, gamma: 20_000 }; // yen
const shop = simulateShop(TRUE_BG, { customers: 3000, firstDay: AS_OF - 700, asOf: AS_OF, seed: 3, spend: TRUE_GG });

describe('predictCustomers on a simulated shop (days)', () => {
  const p = predictCustomers({ orders: shop.orders, asOf: AS_OF });

  test('fits, and recovers the shop’s parameters in days', () => {
    expect(p.verdict).toEqual({ ok: true });
    expect(p.spendVerdict).toEqual({ ok: true });
    expect(p.customers).toBe(3000);
    const fit = p.bgnbd!;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[k] - TRUE_BG[k])).toBeLessThan(3.5 * fit.standardErrors![k]);
    }
    for (const k of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(p.gammaGamma!.params[k] - TRUE_GG[k])).toBeLessThan(3.5 * p.gammaGamma!.standardErrors![k]);
    }
  });

  test('one row per customer, highest 12-month value first, each number what the models say', () => {
    expect(p.rows).toHaveLength(3000);
    const bg = p.bgnbd!.params;
    const gg = p.gammaGamma!.params;
    const summaries = new Map(summarize(shop.orders, { asOf: AS_OF }).map((s) => [s.key, s]));
    for (let i = 0; i < p.rows.length; i++) {
      const r = p.rows[i]!;
      if (i > 0) expect(r.value12m!).toBeLessThanOrEqual(p.rows[i - 1]!.value12m!);
      expect(r.pAlive).toBeGreaterThanOrEqual(0);
      expect(r.pAlive).toBeLessThanOrEqual(1);
      expect(r.expected30).toBeLessThanOrEqual(r.expected90);
      if (r.nextPurchaseDay !== undefined) {
        expect(r.nextPurchaseDay).toBeGreaterThan(AS_OF);
        expect(r.nextPurchaseDay).toBeLessThanOrEqual(AS_OF + 365);
        expect(r.pAlive).toBeGreaterThan(0.5);
      }
    }
    const s = summaries.get(p.rows[0]!.key)!;
    const top = p.rows[0]!;
    expect(top.pAlive).toBe(pAlive(bg, s));
    expect(top.expected90).toBe(conditionalExpectedPurchases(bg, s, 90));
    expect(top.value12m).toBeCloseTo(conditionalExpectedPurchases(bg, s, 365) * expectedSpend(gg, s), 6);
    expect(top.pBuySoon).toBe(probPurchaseWithin(bg, s, 14));
    // The day by which a purchase is more likely than not: just before it, less likely.
    if (top.nextPurchaseDay !== undefined) {
      expect(probPurchaseWithin(bg, s, top.nextPurchaseDay - AS_OF)).toBeGreaterThanOrEqual(0.5);
      expect(probPurchaseWithin(bg, s, top.nextPurchaseDay - AS_OF - 1)).toBeLessThan(0.5);
    }
  });

  test('the 14-day list: P(purchase within 14 days) ≥ 0.25, most likely first, at most 50', () => {
    expect(p.buySoon.length).toBeGreaterThan(0);
    expect(p.buySoon.length).toBeLessThanOrEqual(50);
    p.buySoon.forEach((r, i) => {
      expect(r.pBuySoon).toBeGreaterThanOrEqual(0.25);
      if (i > 0) expect(r.pBuySoon).toBeLessThanOrEqual(p.buySoon[i - 1]!.pBuySoon);
    });
    const best = Math.max(...p.rows.map((r) => r.pBuySoon));
    expect(p.buySoon[0]!.pBuySoon).toBe(best);
  });

  test('win-back: only Dormant customers, by predicted value', () => {
    const stages = new Map<string, StageId>(p.rows.map((r, i) => [r.key, i % 3 === 0 ? 'dormant' : 'follower']));
    const q = predictCustomers({ orders: shop.orders, asOf: AS_OF, stages, options: { listSize: 10 } });
    expect(q.winBack).toHaveLength(10);
    expect(q.winBack.every((r) => stages.get(r.key) === 'dormant')).toBe(true);
    const dormant = q.rows.filter((r) => stages.get(r.key) === 'dormant');
    expect(q.winBack.map((r) => r.key)).toEqual(dormant.slice(0, 10).map((r) => r.key));
    expect(p.winBack).toEqual([]); // no stages given
  });

  test('orders after as_of are ignored: predicting as of a past day = predicting on the orders up to it', () => {
    const past = AS_OF - 60;
    const a = predictCustomers({ orders: shop.orders, asOf: past });
    const b = predictCustomers({ orders: shop.orders.filter((o) => o.day <= past), asOf: past });
    expect(a.bgnbd!.params).toEqual(b.bgnbd!.params);
    expect(a.rows).toEqual(b.rows);
  });
});

describe('this month’s birthdays', () => {
  const birthdays = new Map([
    ['C00001', dayFromCivil(1990, 6, 15)],
    ['C00002', dayFromCivil(1985, 6, 1)],
    ['C00003', dayFromCivil(1990, 7, 1)],
    ['NEW', dayFromCivil(2000, 6, 30)], // on the customers sheet, no order yet
  ]);

  test('by day of the as-of month, with their prediction when there is one', () => {
    const p = predictCustomers({ orders: shop.orders, asOf: AS_OF, birthdays });
    expect(p.birthdays!.map((b) => [b.key, isoDay(b.thisYear)])).toEqual([
      ['C00002', '2025-06-01'],
      ['C00001', '2025-06-15'],
      ['NEW', '2025-06-30'],
    ]);
    expect(p.birthdays![0]!.prediction).toBe(p.byKey.get('C00002'));
    expect(p.birthdays![2]!.prediction).toBeUndefined();
  });

  test('29 February falls on the 28th in a common year; birthdays come even without a model', () => {
    const feb = dayFromCivil(2025, 2, 10);
    const p = predictCustomers({ orders: [{ key: 'x', day: feb, amount: 100 }], asOf: feb, birthdays: new Map([['x', dayFromCivil(2000, 2, 29)]]) });
    expect(p.verdict.ok).toBe(false);
    expect(p.birthdays!.map((b) => isoDay(b.thisYear))).toEqual(['2025-02-28']);
    expect(predictCustomers({ orders: [], asOf: feb }).birthdays).toBeUndefined();
  });
});

describe('predictFromAnalysis (what the refresh calls)', () => {
  test('stages and birthdays come from the same analysis as the tabs', () => {
    const zone = makeZone('Asia/Tokyo');
    const orders = [['顧客ID', '注文日', '金額'], ...shop.orders.map((o) => [o.key, isoDay(o.day), o.amount])];
    const customers = [
      ['顧客ID', '誕生日', 'ポジティブ反応回数'],
      ...shop.customers.map((_, i) => [`C${String(i + 1).padStart(5, '0')}`, i % 40 === 0 ? '1990-06-10' : '1990-01-10', 1]),
    ];
    const read = readInputs({ orders, customers }, { zone, settings: DEFAULT_SETTINGS, locale: 'ja_JP' });
    const a = analyze(read, AS_OF, DEFAULT_SETTINGS);
    const p = predictFromAnalysis(a);
    expect(p.verdict.ok).toBe(true);
    expect(p.rows).toEqual(predictCustomers({ orders: shop.orders, asOf: AS_OF }).rows);
    expect(p.winBack.length).toBeGreaterThan(0);
    expect(p.winBack.every((r) => a.byKey.get(r.key)!.stage.stage === 'dormant')).toBe(true);
    expect(p.birthdays!.map((b) => b.key)).toEqual(shop.customers.map((_, i) => i).filter((i) => i % 40 === 0).map((i) => `C${String(i + 1).padStart(5, '0')}`));
    // Without a birthday column there is no birthday list.
    const plain = predictFromAnalysis(analyze(readInputs({ orders }, { zone, settings: DEFAULT_SETTINGS, locale: 'ja_JP' }), AS_OF, DEFAULT_SETTINGS));
    expect(plain.birthdays).toBeUndefined();
  });
});

describe('honest limits', () => {
  test('fewer than 50 repeat buyers: a verdict with the reason in ja/en, and no numbers', () => {
    const small = simulateShop(TRUE_BG, { customers: 60, firstDay: AS_OF - 300, asOf: AS_OF, seed: 9 });
    const p = predictCustomers({ orders: small.orders, asOf: AS_OF });
    expect(p.verdict.ok).toBe(false);
    if (p.verdict.ok) return;
    expect(p.verdict.reason).toBe('fewRepeatBuyers');
    expect(p.verdict.message.en).toContain(`${p.repeatBuyers} customers have bought more than once (at least 50 are needed)`);
    expect(p.verdict.message.ja).toContain(`2回以上購入した顧客が${p.repeatBuyers}人です(50人以上必要)`);
    expect(p.rows).toEqual([]);
    expect(p.buySoon).toEqual([]);
    expect(p.bgnbd).toBeUndefined();
  });

  test('data the model cannot be fitted to (every customer buys every 7 days): not converged, no numbers', () => {
    const orders = [];
    for (let c = 0; c < 100; c++) for (let d = c; d <= 700; d += 7) orders.push({ key: `k${c}`, day: AS_OF - 700 + d, amount: 1000 });
    const p = predictCustomers({ orders, asOf: AS_OF });
    expect(p.verdict.ok).toBe(false);
    if (!p.verdict.ok) expect(p.verdict.reason).toBe('notConverged');
    expect(p.rows).toEqual([]);
  });

  test('no spend to learn from (all amounts 0): counts are predicted, values left blank with a reason', () => {
    const free = shop.orders.map((o) => ({ ...o, amount: 0 }));
    const p = predictCustomers({ orders: free, asOf: AS_OF });
    expect(p.verdict.ok).toBe(true);
    expect(p.spendVerdict.ok).toBe(false);
    expect(p.rows.every((r) => r.value12m === undefined && r.expected90 >= 0)).toBe(true);
  });
});

test('ties between customers go by key in code-point order, as in the LTV ranking (SPEC §4)', () => {
  // Two customers with the same history predict the same; an emoji (U+1F600, a surrogate pair in
  // UTF-16) sorts after a full-width letter (U+FF21) by code point, though before it by UTF-16 unit.
  const model = shop.orders.filter((o) => o.key === shop.orders[0]!.key);
  const twins = ['\u{1F600}', '\uFF21'].flatMap((key) => model.map((o) => ({ ...o, key })));
  const p = predictCustomers({ orders: [...shop.orders, ...twins], asOf: AS_OF });
  const keys = p.rows.map((r) => r.key);
  expect(keys.indexOf('\uFF21')).toBe(keys.indexOf('\u{1F600}') - 1);
  expect(compareCodePoints('\uFF21', '\u{1F600}')).toBeLessThan(0);
});

describe('the backtest’s model makes the predictions (issue 15)', () => {
  test('a Pareto/NBD shop of 5,000 customers: Pareto/NBD is chosen, fitted on every order, and NEXTPURCHASE reads it', () => {
    const truth = { r: 0.8, alpha: 40, s: 0.6, beta: 200 };
    const pareto = simulateShop({ model: 'paretoNbd', params: truth }, { customers: 5000, firstDay: AS_OF - 730, asOf: AS_OF, seed: 4, spend: TRUE_GG });
    const p = predictCustomers({ orders: pareto.orders, asOf: AS_OF });
    expect(p.backtest.ok && p.backtest.chosen).toBe('paretoNbd');
    expect(p.model?.id).toBe('paretoNbd');
    expect(p.bgnbd).toBeUndefined();
    // Fitted on all the orders up to the as-of day, not only on those before the holdout.
    const fit = p.model!.fit as pnbd.ParetoNbdFit;
    expect(fit.customers).toBe(5000);
    const s = summarize(pareto.orders, { asOf: AS_OF }).find((c) => c.key === p.rows[0]!.key)!;
    expect(p.rows[0]!.pAlive).toBe(pnbd.pAlive(fit.params, s));
    expect(p.rows[0]!.expected90).toBe(pnbd.conditionalExpectedPurchases(fit.params, s, 90));
    const env: FunctionEnv = { zone: makeZone('Asia/Tokyo'), locale: 'en_US', settings: DEFAULT_SETTINGS, now: Date.parse('2025-06-30T03:00:00Z') };
    const table = [['顧客ID', '注文日', '金額'], ...pareto.orders.map((o) => [o.key, isoDay(o.day), o.amount])];
    const t = nextPurchase(env, table) as unknown[][];
    expect(cell(t, 1, 'customer')).toBe(p.rows[0]!.key);
    expect(cell(t, 1, 'pAlive')).toBeCloseTo(pnbd.pAlive(fit.params, s), 4);
  });
});

describe('NEXTPURCHASE semantics', () => {
  const zone = makeZone('Asia/Tokyo');
  const env = (locale: string): FunctionEnv => ({ zone, locale, settings: DEFAULT_SETTINGS, now: Date.parse('2025-06-30T03:00:00Z') });
  const table = [['顧客ID', '注文日', '金額'], ...shop.orders.map((o) => [o.key, isoDay(o.day), o.amount])];

  test('table form: header, one row per customer, highest value first, Dates for days', () => {
    const t = nextPurchase(env('en_US'), table) as unknown[][];
    expect(t[0]).toEqual(['Customer', 'P(alive)', 'Expected purchases (90 days)', 'Next purchase by', '12-month value']);
    expect(t).toHaveLength(3001);
    const p = predictCustomers({ orders: shop.orders, asOf: AS_OF });
    const first = p.rows[0]!;
    expect(cell(t, 1, 'customer')).toBe(first.key);
    expect(cell(t, 1, 'pAlive')).toBeCloseTo(first.pAlive, 4);
    expect(cell(t, 1, 'expected90')).toBeCloseTo(first.expected90, 2);
    expect(cell(t, 1, 'nextPurchase')).toEqual(first.nextPurchaseDay === undefined ? '' : zone.midnight(first.nextPurchaseDay));
    expect(cell(t, 1, 'value12m')).toBe(Math.round(first.value12m!));
    expect((nextPurchase(env('ja_JP'), table) as unknown[][])[0]).toEqual(['顧客', '継続確率', '90日間の予測購入回数', '次回購入予測日', '12か月の予測購入額']);
  });

  test('a key → its date (or blank); a range → the same shape; as_of is respected', () => {
    const p = predictCustomers({ orders: shop.orders, asOf: AS_OF });
    const withDate = p.rows.find((r) => r.nextPurchaseDay !== undefined)!;
    const without = p.rows.find((r) => r.nextPurchaseDay === undefined)!;
    expect(nextPurchase(env('en_US'), table, withDate.key)).toEqual(zone.midnight(withDate.nextPurchaseDay!));
    expect(nextPurchase(env('en_US'), table, [[withDate.key], [''], [without.key], ['nobody']])).toEqual([
      [zone.midnight(withDate.nextPurchaseDay!)],
      [''],
      [''],
      [''],
    ]);
    const past = AS_OF - 30;
    const q = predictCustomers({ orders: shop.orders, asOf: past });
    const r = q.rows.find((x) => x.nextPurchaseDay !== undefined)!;
    expect(nextPurchase(env('en_US'), table, r.key, isoDay(past))).toEqual(zone.midnight(r.nextPurchaseDay!));
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
