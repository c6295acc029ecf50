import fc from 'fast-check';
/**
 * The product-facing prediction (predictCustomers) on simulated shops. What reaches it through the
 * order range (the refresh's predictFromAnalysis, NEXTPURCHASE) is in pipeline.test.ts.
 */
import { analyze, readInputs } from '../../../src/core/analyze';
import { dayFromCivil, isoDay, makeZone } from '../../../src/core/dates';
import type { StageId } from '../../../src/core/labels';
import { conditionalExpectedPurchases, pAlive, probPurchaseWithin, timeToPurchaseProbability } from '../../../src/core/predict/bgnbd';
import { expectedSpend } from '../../../src/core/predict/gammaGamma';
import { predictCustomers, predictFromAnalysis, verdictMessage, type PredictInput, type PredictionResult } from '../../../src/core/predict/predict';
import { summarize } from '../../../src/core/predict/rfm';
import { compareCodePoints } from '../../../src/core/ranking';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import * as pnbd from '../../../src/core/predict/paretoNbd';
import { simulateShop } from '../../support/btyd';

const AS_OF = dayFromCivil(2025, 6, 30);
const TRUE_BG = { r: 0.8, alpha: 40, a: 0.6, b: 3 }; // α in days
const TRUE_GG = { p: 4, q: 5, gamma: 20_000 }; // yen
/**
 * The prediction with BG/NBD and no backtest: what these tests check is what is done with a fit —
 * rows, lists, options, verdicts — on BG/NBD shops, where the backtest keeps BG/NBD anyway. The
 * backtest itself is tested in backtest.test.ts, and the model it chooses driving the rows below.
 */
const predictBg = (input: PredictInput): PredictionResult => predictCustomers({ ...input, options: { holdoutDays: 0, ...input.options } });
/** The simulated shop, made on first use (a run of other tests does not pay for it). */
let simulated: ReturnType<typeof simulateShop> | undefined;
const shop = (): ReturnType<typeof simulateShop> =>
  (simulated ??= simulateShop(TRUE_BG, { customers: 3000, firstDay: AS_OF - 700, asOf: AS_OF, seed: 3, spend: TRUE_GG }));

describe('predictCustomers on a simulated shop (days)', () => {
  // Fitted in each test rather than once for the block: a run of other tests (a filtered run,
  // `npm run mutate`) does not pay for it, and each test is seen to exercise the fit.
  let p: PredictionResult;
  beforeEach(() => {
    p = predictBg({ orders: shop().orders, asOf: AS_OF });
  });

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
    const summaries = new Map(summarize(shop().orders, { asOf: AS_OF }).map((s) => [s.key, s]));
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
    const q = predictBg({ orders: shop().orders, asOf: AS_OF, stages, options: { listSize: 10 } });
    expect(q.winBack).toHaveLength(10);
    expect(q.winBack.every((r) => stages.get(r.key) === 'dormant')).toBe(true);
    const dormant = q.rows.filter((r) => stages.get(r.key) === 'dormant');
    expect(q.winBack.map((r) => r.key)).toEqual(dormant.slice(0, 10).map((r) => r.key));
    expect(p.winBack).toEqual([]); // no stages given
  });

  test('orders after as_of are ignored: predicting as of a past day = predicting on the orders up to it', () => {
    const past = AS_OF - 60;
    const a = predictBg({ orders: shop().orders, asOf: past });
    const b = predictBg({ orders: shop().orders.filter((o) => o.day <= past), asOf: past });
    expect(a.bgnbd!.params).toEqual(b.bgnbd!.params);
    expect(a.rows).toEqual(b.rows);
  });
});

describe('the coming week’s birthdays (as-of day and the six after it)', () => {
  // AS_OF is 30 June 2025: the window is 30 June … 6 July.
  const birthdays = new Map([
    ['C00001', dayFromCivil(1990, 7, 6)], // last day of the window
    ['C00002', dayFromCivil(1985, 6, 30)], // the as-of day itself
    ['C00003', dayFromCivil(1990, 7, 7)], // one day too late
    ['C00004', dayFromCivil(1990, 6, 1)], // this month, already passed: not listed (issue 17)
    ['NEW', dayFromCivil(2000, 7, 2)], // on the customers sheet, no order yet
  ]);

  test('soonest first, with their prediction when there is one; passed ones and later ones left out', () => {
    const p = predictBg({ orders: shop().orders, asOf: AS_OF, birthdays });
    expect(p.birthdays!.map((b) => [b.key, isoDay(b.upcoming)])).toEqual([
      ['C00002', '2025-06-30'],
      ['NEW', '2025-07-02'],
      ['C00001', '2025-07-06'],
    ]);
    expect(p.birthdays![0]!.prediction).toBe(p.byKey.get('C00002'));
    expect(p.birthdays![1]!.prediction).toBeUndefined();
  });

  test('across New Year: 30 December looks into January of the next year', () => {
    const asOf = dayFromCivil(2025, 12, 30);
    const bd = new Map([
      ['jan3', dayFromCivil(1990, 1, 3)],
      ['jan6', dayFromCivil(1990, 1, 6)],
      ['dec29', dayFromCivil(1990, 12, 29)],
    ]);
    expect(predictCustomers({ orders: [], asOf, birthdays: bd }).birthdays!.map((b) => [b.key, isoDay(b.upcoming)])).toEqual([['jan3', '2026-01-03']]);
  });

  test('29 February falls on the 28th in a common year; birthdays come even without a model', () => {
    const feb = dayFromCivil(2025, 2, 24);
    const p = predictBg({ orders: [{ key: 'x', day: feb, amount: 100 }], asOf: feb, birthdays: new Map([['x', dayFromCivil(2000, 2, 29)]]) });
    expect(p.verdict.ok).toBe(false);
    expect(p.birthdays!.map((b) => isoDay(b.upcoming))).toEqual(['2025-02-28']);
    expect(predictBg({ orders: [], asOf: feb }).birthdays).toBeUndefined();
  });

  test('a 29 February birthday in a leap as-of year stays on the 29th (2000 and 2024 are leap years, 2100 is not)', () => {
    const on = (y: number) => {
      const asOf = dayFromCivil(y, 2, 25);
      return predictBg({ orders: [], asOf, birthdays: new Map([['x', dayFromCivil(1996, 2, 29)]]) }).birthdays!.map((b) => isoDay(b.upcoming));
    };
    expect([on(2000), on(2024), on(2100), on(2023)]).toEqual([['2000-02-29'], ['2024-02-29'], ['2100-02-28'], ['2023-02-28']]);
  });

  test('property: listed exactly when the next birthday is 0–6 days away, and always on the birthday’s month and day', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(1950, 1, 1), max: dayFromCivil(2010, 12, 31) }), fc.integer({ min: dayFromCivil(2020, 1, 1), max: dayFromCivil(2040, 12, 31) }), (birthday, asOf) => {
        const listed = predictCustomers({ orders: [], asOf, birthdays: new Map([['x', birthday]]) }).birthdays!;
        const md = (d: number) => isoDay(d).slice(5);
        // Brute force: the first day from asOf on whose month-day is the birthday's (28 Feb for 29 Feb in a common year).
        let d = asOf;
        const want = md(birthday);
        while (md(d) !== want && !(want === '02-29' && md(d) === '02-28' && md(d + 1) !== '02-29')) d++;
        expect(listed.map((b) => b.upcoming)).toEqual(d - asOf < 7 ? [d] : []);
      }),
      { numRuns: 300 },
    );
  });

  test('on the same day, by customer key', () => {
    const asOf = dayFromCivil(2025, 6, 1);
    const birthdays = new Map([
      ['b', dayFromCivil(1990, 6, 7)],
      ['a', dayFromCivil(1985, 6, 7)],
      ['c', dayFromCivil(1970, 6, 2)],
    ]);
    expect(predictBg({ orders: [], asOf, birthdays }).birthdays!.map((b) => b.key)).toEqual(['c', 'a', 'b']);
  });
});

describe('options, verdicts and the order of the lists', () => {
  /** A smaller shop, enough to fit (the tests here are about what is done with the fit). */
  let small: ReturnType<typeof simulateShop> | undefined;
  const smallShop = () => (small ??= simulateShop(TRUE_BG, { customers: 500, firstDay: AS_OF - 700, asOf: AS_OF, seed: 11, spend: TRUE_GG }));

  test('the verdict’s message in the sheet’s language, none when the prediction is there', () => {
    expect(verdictMessage({ ok: true }, 'ja')).toBeUndefined();
    const p = predictBg({ orders: smallShop().orders, asOf: AS_OF, options: { minRepeatBuyers: 100_000 } });
    expect(p.verdict.ok).toBe(false);
    expect(verdictMessage(p.verdict, 'en')).toBe(
      `Not enough data to predict next purchases: ${p.repeatBuyers} customers have bought more than once (at least 100000 are needed). Predictions appear once there are more orders.`,
    );
    expect(verdictMessage(p.verdict, 'ja')).toContain(`2回以上購入した顧客が${p.repeatBuyers}人です(100000人以上必要)`);
    expect(p.spendVerdict).toEqual(p.verdict);
    expect(p.gammaGamma).toBeUndefined();
    expect(p.byKey.size).toBe(0);
  });

  test('exactly the minimum number of repeat buyers is enough', () => {
    const p = predictBg({ orders: smallShop().orders, asOf: AS_OF, options: { minRepeatBuyers: 10_000 } });
    const q = predictBg({ orders: smallShop().orders, asOf: AS_OF, options: { minRepeatBuyers: p.repeatBuyers } });
    expect(q.verdict.ok).toBe(true);
    expect(predictBg({ orders: smallShop().orders, asOf: AS_OF, options: { minRepeatBuyers: p.repeatBuyers + 1 } }).verdict.ok).toBe(false);
  });

  test('too few repeat buyers with a positive spend: counts are predicted, values left blank, and the message says how many', () => {
    // Only the first 20 customers' orders carry an amount.
    const someFree = smallShop().orders.map((o) => (Number(o.key.slice(1)) <= 20 ? o : { ...o, amount: 0 }));
    const p = predictBg({ orders: someFree, asOf: AS_OF });
    expect(p.verdict.ok).toBe(true);
    expect(p.spendVerdict.ok).toBe(false);
    const spenders = summarize(someFree, { asOf: AS_OF }).filter((x) => x.x > 0 && x.zbar > 0).length;
    expect(verdictMessage(p.spendVerdict, 'en')).toBe(
      `Not enough data to predict spend: ${spenders} customers have repeat purchases with a positive amount (at least 50 are needed). The 12-month value is left blank.`,
    );
    expect(verdictMessage(p.spendVerdict, 'ja')).toContain(`2回以上購入し金額が正の顧客が${spenders}人です(50人以上必要)`);
    expect(p.gammaGamma).toBeUndefined();
    expect(p.rows.every((r) => r.value12m === undefined && r.expectedSpend === undefined)).toBe(true);
    // Without values the rows go by expected purchases in 90 days, then by key.
    for (let i = 1; i < p.rows.length; i++) {
      const [a, b] = [p.rows[i - 1]!, p.rows[i]!];
      expect(a.expected90 > b.expected90 || (a.expected90 === b.expected90 && a.key < b.key)).toBe(true);
    }
  });

  test('the 12-month value: margin × expected spend × expected purchases, discounted when asked', () => {
    const plain = predictBg({ orders: smallShop().orders, asOf: AS_OF });
    const margin = predictBg({ orders: smallShop().orders, asOf: AS_OF, options: { margin: 0.4 } });
    const discounted = predictBg({ orders: smallShop().orders, asOf: AS_OF, options: { annualDiscountRate: 0.1 } });
    const summaries = new Map(summarize(smallShop().orders, { asOf: AS_OF }).map((x) => [x.key, x]));
    for (const r of plain.rows) {
      expect(margin.byKey.get(r.key)!.value12m).toBeCloseTo(0.4 * r.value12m!, 6);
      expect(discounted.byKey.get(r.key)!.value12m).toBeLessThan(r.value12m!);
      expect(discounted.byKey.get(r.key)!.value12m).toBeGreaterThan(r.value12m! / 1.1);
      // A customer without repeat spend is predicted at the population mean.
      const s = summaries.get(r.key)!;
      expect(r.expectedSpend).toBe(expectedSpend(plain.gammaGamma!.params, s.zbar > 0 ? s : { x: 0, zbar: 0 }));
    }
    expect(plain.rows.some((r) => summaries.get(r.key)!.x === 0)).toBe(true);
  });

  test('the day a next purchase becomes more likely than not: at least tomorrow, and only within the value horizon', () => {
    const p = predictBg({ orders: smallShop().orders, asOf: AS_OF });
    const bg = p.bgnbd!.params;
    const summaries = new Map(summarize(smallShop().orders, { asOf: AS_OF }).map((x) => [x.key, x]));
    let dated = 0;
    for (const r of p.rows) {
      const t = timeToPurchaseProbability(bg, summaries.get(r.key)!, 0.5);
      if (t <= 365) {
        dated++;
        expect(r.nextPurchaseDay).toBe(AS_OF + Math.max(1, Math.ceil(t)));
      } else expect(r.nextPurchaseDay).toBeUndefined();
    }
    expect(dated).toBeGreaterThan(0);
    const short = predictBg({ orders: smallShop().orders, asOf: AS_OF, options: { valueHorizonDays: 30 } });
    expect(short.rows.every((r) => r.nextPurchaseDay === undefined || r.nextPurchaseDay <= AS_OF + 30)).toBe(true);
    expect(short.rows.filter((r) => r.nextPurchaseDay !== undefined).length).toBeLessThan(dated);
  });

  test('the buy-soon list: its window, its bar and its length are options; equal chances go by key', () => {
    const p = predictBg({ orders: smallShop().orders, asOf: AS_OF, options: { soonDays: 7, soonMinProbability: 0.1, listSize: 5 } });
    expect(p.buySoon).toHaveLength(5);
    const bg = p.bgnbd!.params;
    const summaries = new Map(summarize(smallShop().orders, { asOf: AS_OF }).map((x) => [x.key, x]));
    for (const r of p.buySoon) expect(r.pBuySoon).toBe(probPurchaseWithin(bg, summaries.get(r.key)!, 7));
    const all = p.rows.filter((r) => r.pBuySoon >= 0.1).sort((a, b) => b.pBuySoon - a.pBuySoon || (a.key < b.key ? -1 : 1));
    expect(p.buySoon.map((r) => r.key)).toEqual(all.slice(0, 5).map((r) => r.key));
    // At exactly the bar a customer is listed.
    const bar = p.rows[7]!.pBuySoon;
    const atBar = predictBg({ orders: smallShop().orders, asOf: AS_OF, options: { soonDays: 7, soonMinProbability: bar, listSize: 1000 } });
    expect(atBar.buySoon.map((r) => r.key)).toContain(p.rows[7]!.key);
    expect(atBar.buySoon.every((r) => r.pBuySoon >= bar)).toBe(true);
  });
});

describe('which model makes the numbers when the backtest does not decide', () => {
  let small: ReturnType<typeof simulateShop> | undefined;
  const smallShop = () => (small ??= simulateShop(TRUE_BG, { customers: 500, firstDay: AS_OF - 700, asOf: AS_OF, seed: 11, spend: TRUE_GG }));

  test('backtest off (NEXTPURCHASE): the model passed in, the one the last refresh chose', () => {
    const p = predictCustomers({ orders: smallShop().orders, asOf: AS_OF, options: { holdoutDays: 0, model: 'paretoNbd' } });
    expect(p.backtest.ok).toBe(false);
    expect(p.model?.id).toBe('paretoNbd');
    expect(p.bgnbd).toBeUndefined();
    const s = summarize(smallShop().orders, { asOf: AS_OF }).find((c) => c.key === p.rows[0]!.key)!;
    expect(p.rows[0]!.pAlive).toBe(pnbd.pAlive((p.model!.fit as pnbd.ParetoNbdFit).params, s));
  });

  test('too few repeat buyers before the split to run the backtest, enough now: BG/NBD, whatever model was passed in', () => {
    const all = predictBg({ orders: smallShop().orders, asOf: AS_OF });
    const p = predictCustomers({ orders: smallShop().orders, asOf: AS_OF, options: { minRepeatBuyers: all.repeatBuyers, model: 'paretoNbd' } });
    expect(!p.backtest.ok && p.backtest.reason).toBe('fewRepeatBuyers');
    expect(p.verdict.ok).toBe(true);
    expect(p.model?.id).toBe('bgnbd');
    expect(p.bgnbd).toBe(p.model?.fit);
  });

  test('with a backtest: its choice, fitted on every order from where its fit before the split ended', () => {
    const p = predictCustomers({ orders: smallShop().orders, asOf: AS_OF });
    expect(p.backtest.ok).toBe(true);
    if (!p.backtest.ok) return;
    expect(p.model?.id).toBe(p.backtest.chosen);
    expect(p.model!.fit.warmStarted).toBe(true);
    expect(p.model!.fit.customers).toBe(500);
  });
});

describe('predictFromAnalysis: the refresh’s prediction describes the analysis’s customers', () => {
  test('its orders and as-of day, its stages for the win-back list, its birthdays when the customers sheet has them; options passed on', () => {
    const zone = makeZone('Asia/Tokyo');
    const shop = simulateShop(TRUE_BG, { customers: 500, firstDay: AS_OF - 700, asOf: AS_OF, seed: 11, spend: TRUE_GG });
    const orders = [['顧客ID', '注文日', '金額'], ...shop.orders.map((o) => [o.key, isoDay(o.day), o.amount])];
    // Every 50th customer has a birthday in the coming week; the next one none given; the others'
    // birthdays have passed. (Registered with a reaction, so that some of them are Dormant.)
    const key = (i: number) => `C${String(i + 1).padStart(5, '0')}`;
    const customers = [['顧客ID', 'ポジティブ反応回数', '誕生日'], ...shop.customers.map((_, i) => [key(i), 1, i % 50 === 0 ? '1990-07-03' : i % 50 === 1 ? '' : '1990-06-10'])];
    const a = analyze(readInputs({ orders, customers }, { zone, settings: DEFAULT_SETTINGS, locale: 'ja_JP' }), AS_OF, DEFAULT_SETTINGS);
    const p = predictFromAnalysis(a, { holdoutDays: 0 });
    expect(p.asOf).toBe(AS_OF);
    expect(!p.backtest.ok && p.backtest.reason).toBe('off');
    expect(p.rows).toEqual(predictBg({ orders: shop.orders, asOf: AS_OF }).rows);
    const dormant = p.rows.filter((r) => a.byKey.get(r.key)!.stage.stage === 'dormant');
    expect(dormant.length).toBeGreaterThan(0);
    expect(p.winBack).toEqual(dormant.slice(0, 50));
    expect(p.birthdays!.map((b) => b.key)).toEqual(shop.customers.map((_, i) => i).filter((i) => i % 50 === 0).map(key));
    expect(p.birthdays!.every((b) => b.prediction === p.byKey.get(b.key))).toBe(true);
    // A customers sheet without a birthday column: no birthday list at all.
    const plain = analyze(readInputs({ orders, customers: customers.map((row) => row.slice(0, 2)) }, { zone, settings: DEFAULT_SETTINGS, locale: 'ja_JP' }), AS_OF, DEFAULT_SETTINGS);
    expect(predictFromAnalysis(plain, { holdoutDays: 0 }).birthdays).toBeUndefined();
  });
});

describe('the spend model’s own minimum', () => {
  test('exactly the minimum number of repeat buyers with a positive spend is enough for values', () => {
    const orders = simulateShop(TRUE_BG, { customers: 500, firstDay: AS_OF - 700, asOf: AS_OF, seed: 11, spend: TRUE_GG }).orders;
    // Only the first 300 customers' orders carry an amount.
    const some = orders.map((o) => (Number(o.key.slice(1)) <= 300 ? o : { ...o, amount: 0 }));
    const spenders = summarize(some, { asOf: AS_OF }).filter((x) => x.x > 0 && x.zbar > 0).length;
    const at = predictBg({ orders: some, asOf: AS_OF, options: { minRepeatBuyers: spenders } });
    expect(at.verdict.ok).toBe(true);
    expect(at.spendVerdict.ok).toBe(true);
    expect(at.rows.every((r) => r.value12m !== undefined)).toBe(true);
    // A repeat buyer whose repeat purchases carry no amount says nothing about spend: predicted at
    // the population mean pγ/(q−1), as a customer with no repeat purchase is — not below it.
    const { p: gp, q: gq, gamma } = at.gammaGamma!.params;
    const unpaid = summarize(some, { asOf: AS_OF }).filter((x) => x.x > 0 && x.zbar === 0);
    expect(unpaid.length).toBeGreaterThan(0);
    for (const s of unpaid) expect(at.byKey.get(s.key)!.expectedSpend).toBeCloseTo((gp * gamma) / (gq - 1), 6);
    const above = predictBg({ orders: some, asOf: AS_OF, options: { minRepeatBuyers: spenders + 1 } });
    expect(above.verdict.ok).toBe(true);
    expect(!above.spendVerdict.ok && above.spendVerdict.reason).toBe('fewRepeatBuyers');
  });
});

describe('honest limits', () => {
  test('fewer than 50 repeat buyers: a verdict with the reason in ja/en, and no numbers', () => {
    const small = simulateShop(TRUE_BG, { customers: 60, firstDay: AS_OF - 300, asOf: AS_OF, seed: 9 });
    const p = predictBg({ orders: small.orders, asOf: AS_OF });
    expect(p.verdict.ok).toBe(false);
    if (p.verdict.ok) return;
    expect(p.verdict.reason).toBe('fewRepeatBuyers');
    expect(p.verdict.message.en).toContain(`${p.repeatBuyers} customers have bought more than once (at least 50 are needed)`);
    expect(p.verdict.message.ja).toContain(`2回以上購入した顧客が${p.repeatBuyers}人です(50人以上必要)`);
    expect(p.rows).toEqual([]);
    expect(p.buySoon).toEqual([]);
    expect(p.winBack).toEqual([]);
    expect(p.bgnbd).toBeUndefined();
    expect(p.model).toBeUndefined();
  });

  test('data the model cannot be fitted to (every customer buys every 7 days): not converged, no numbers', () => {
    const orders = [];
    for (let c = 0; c < 100; c++) for (let d = c; d <= 700; d += 7) orders.push({ key: `k${c}`, day: AS_OF - 700 + d, amount: 1000 });
    const p = predictBg({ orders, asOf: AS_OF });
    expect(p.verdict.ok).toBe(false);
    if (!p.verdict.ok) expect(p.verdict.reason).toBe('notConverged');
    expect(verdictMessage(p.verdict, 'en')).toBe(
      'The purchase model could not be fitted reliably to this data (the maximum-likelihood fit did not converge), so no predicted numbers are shown.',
    );
    expect(p.spendVerdict).toEqual(p.verdict);
    expect(p.rows).toEqual([]);
    expect(p.byKey.size).toBe(0);
    expect(p.buySoon).toEqual([]);
    expect(p.winBack).toEqual([]);
    expect(p.model).toBeUndefined();
    expect(p.gammaGamma).toBeUndefined();
    // The failed fit is kept for diagnosis, and says it failed.
    expect(p.bgnbd?.converged).toBe(false);
    expect(p.repeatBuyers).toBe(100);
    // Another model that cannot be fitted falls back to BG/NBD, whose failed fit is what is kept.
    const q = predictCustomers({ orders, asOf: AS_OF, options: { holdoutDays: 0, model: 'paretoNbd' } });
    expect(!q.verdict.ok && q.verdict.reason).toBe('notConverged');
    expect(q.bgnbd?.converged).toBe(false);
    expect(q.bgnbd?.params).toEqual(p.bgnbd?.params);
  });

  test('every order the same amount (no spread to learn the spend model from): counts predicted, values blank with the reason', () => {
    const flat = predictBg({ orders: shop().orders.map((o) => ({ ...o, amount: 1000 })), asOf: AS_OF });
    expect(flat.verdict.ok).toBe(true);
    expect(flat.spendVerdict.ok).toBe(false);
    if (!flat.spendVerdict.ok) expect(flat.spendVerdict.reason).toBe('notConverged');
    expect(verdictMessage(flat.spendVerdict, 'en')).toBe('The spend model could not be fitted reliably to this data, so the 12-month value is left blank.');
    expect(flat.gammaGamma?.converged).toBe(false);
    expect(flat.rows.every((r) => r.value12m === undefined && r.expectedSpend === undefined)).toBe(true);
  });

  test('no spend to learn from (all amounts 0): counts are predicted, values left blank with a reason', () => {
    const free = shop().orders.map((o) => ({ ...o, amount: 0 }));
    const p = predictBg({ orders: free, asOf: AS_OF });
    expect(p.verdict.ok).toBe(true);
    expect(p.spendVerdict.ok).toBe(false);
    expect(p.rows.every((r) => r.value12m === undefined && r.expected90 >= 0)).toBe(true);
  });
});

test('ties between customers go by key in code-point order, as in the LTV ranking (SPEC §4)', () => {
  // Two customers with the same history predict the same; an emoji (U+1F600, a surrogate pair in
  // UTF-16) sorts after a full-width letter (U+FF21) by code point, though before it by UTF-16 unit.
  const model = shop().orders.filter((o) => o.key === shop().orders[0]!.key);
  const twins = ['\u{1F600}', '\uFF21'].flatMap((key) => model.map((o) => ({ ...o, key })));
  const p = predictBg({ orders: [...shop().orders, ...twins], asOf: AS_OF });
  const keys = p.rows.map((r) => r.key);
  expect(keys.indexOf('\uFF21')).toBe(keys.indexOf('\u{1F600}') - 1);
  // In the buy-soon list equal chances go by key too, even when the values differ: the same days,
  // the full-width A spending half as much.
  const unequal = [...twins.filter((o) => o.key === '\u{1F600}'), ...twins.filter((o) => o.key === '\uFF21').map((o) => ({ ...o, amount: o.amount / 2 }))];
  const q = predictBg({ orders: [...shop().orders, ...unequal], asOf: AS_OF, options: { soonMinProbability: 0, listSize: 10_000 } });
  expect(q.byKey.get('\uFF21')!.value12m!).toBeLessThan(q.byKey.get('\u{1F600}')!.value12m!);
  const soon = q.buySoon.map((r) => r.key);
  expect(soon.indexOf('\uFF21')).toBe(soon.indexOf('\u{1F600}') - 1);
  expect(compareCodePoints('\uFF21', '\u{1F600}')).toBeLessThan(0);
});

describe('the backtest’s model makes the predictions (issue 15)', () => {
  test('a Pareto/NBD shop of 5,000 customers: Pareto/NBD is chosen, fitted on every order, and the rows (what NEXTPURCHASE and the tabs show) are its numbers', () => {
    const truth = { r: 0.8, alpha: 40, s: 0.6, beta: 200 };
    const pareto = simulateShop({ model: 'paretoNbd', params: truth }, { customers: 5000, firstDay: AS_OF - 730, asOf: AS_OF, seed: 4, spend: TRUE_GG });
    const p = predictCustomers({ orders: pareto.orders, asOf: AS_OF });
    expect(p.backtest.ok && p.backtest.chosen).toBe('paretoNbd');
    expect(p.model?.id).toBe('paretoNbd');
    expect(p.bgnbd).toBeUndefined();
    // Fitted on all the orders up to the as-of day, not only on those before the holdout.
    const fit = p.model!.fit as pnbd.ParetoNbdFit;
    expect(fit.customers).toBe(5000);
    expect(fit.warmStarted).toBe(true); // from the backtest's fit on the orders before the split
    const s = summarize(pareto.orders, { asOf: AS_OF }).find((c) => c.key === p.rows[0]!.key)!;
    expect(p.rows[0]!.pAlive).toBe(pnbd.pAlive(fit.params, s));
    expect(p.rows[0]!.expected90).toBe(pnbd.conditionalExpectedPurchases(fit.params, s, 90));
  });
});
