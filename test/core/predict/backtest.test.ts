/**
 * The holdout backtest (issue 15): on shops simulated from each model with known parameters, the
 * model that generated the orders is the one chosen when there are plenty of them; with little data
 * the result says it cannot tell; and the counts shown to the owner are the orders' own.
 */
import { accuracyLine } from '../../../src/core/accuracy';
import { backtest, BIN_COUNT, pairedZ, SIGNIFICANT_Z, type Backtest } from '../../../src/core/predict/backtest';
import { customerDays, summarizeDays } from '../../../src/core/predict/rfm';
import { simulateShop, type Generator } from '../../support/btyd';

const AS_OF = 20_000;
const H = 90;
const OPTIONS = { holdoutDays: H, minRepeatBuyers: 50 };
const run = (orders: ReadonlyArray<{ key: string; day: number; amount: number }>, opts = OPTIONS) => backtest(customerDays(orders, AS_OF), AS_OF, opts);

/**
 * Each shop's size is what its comparison needs. The models share the purchase rates and differ in
 * how customers leave, and the z of a comparison grows as √n. MBG/NBD differs from BG/NBD only in
 * the one-time buyers, so that pair is the hardest: measured (three seeds each) z = 3.2–3.8 at
 * 12,000 customers, and 4.2–5.2 at 20,000 — about 0.033·√n, so 12,000 puts the mean z near 3.6,
 * 1.6 standard deviations above the 1.96 that decides. The same pair decides the BG/NBD shop's
 * "baselineBest" (z below −1.96 for both others: −0.8 to −2.0 at 3,000 customers, not enough).
 * Pareto/NBD stands apart sooner: z = 4.8–6.4 over BG/NBD at 5,000 (2.7–4.4 at 2,500), and above
 * MBG/NBD's every time.
 */
const GENERATORS: Array<[Generator, number]> = [
  [{ model: 'bgnbd', params: { r: 0.8, alpha: 40, a: 0.6, b: 3 } }, 12_000],
  [{ model: 'mbgnbd', params: { r: 0.8, alpha: 40, a: 0.6, b: 3 } }, 12_000],
  [{ model: 'paretoNbd', params: { r: 0.8, alpha: 40, s: 0.6, beta: 200 } }, 5_000],
];

/** More shops per model, each of 20,000 customers (seeds 2, 3, …): FANFUNNEL_BACKTEST_SHOPS=N. */
const MORE_SHOPS = Number(process.env.FANFUNNEL_BACKTEST_SHOPS ?? 0);
const SWEEP_CUSTOMERS = 20_000;

function expectGeneratingModelChosen(gen: Generator, customers: number, seed: number): void {
  const shop = simulateShop(gen, { customers, firstDay: AS_OF - 730, asOf: AS_OF, seed });
  const b = run(shop.orders);
  expect(b.ok).toBe(true);
  if (!b.ok) return;
  expect(b.chosen).toBe(gen.model);
  expect(b.verdict).toBe(gen.model === 'bgnbd' ? 'baselineBest' : 'better');
  // The chosen model's total is within 3 standard errors of what happened (the customers' errors
  // are independent: the total's variance is the sum of their squares, n × MSE).
  const chosen = b.scores.find((s) => s.id === b.chosen)!;
  expect(Math.abs(chosen.predicted - b.actual)).toBeLessThan(3 * Math.sqrt(b.customers * chosen.mse));
}

describe('the generating model is chosen when the data are plentiful (two years of orders)', () => {
  test.each(GENERATORS.map(([g, n]) => [g.model, n, g] as const))('%s shop, %d customers', (_name, customers, gen) => {
    expectGeneratingModelChosen(gen, customers, 1);
  });

  const sweep = MORE_SHOPS > 0 ? test.each(GENERATORS.flatMap(([g]) => Array.from({ length: MORE_SHOPS }, (_, i) => [g.model, i + 2, g] as const))) : test.skip.each([['-', 0, GENERATORS[0]![0]] as const]);
  sweep(`%s shop of ${SWEEP_CUSTOMERS.toLocaleString('en-US')} customers, seed %d (FANFUNNEL_BACKTEST_SHOPS)`, (_name, seed, gen) => {
    expectGeneratingModelChosen(gen, SWEEP_CUSTOMERS, seed);
  });
});

describe('what the owner sees is the orders’ own count', () => {
  const shop = simulateShop({ r: 0.8, alpha: 40, a: 0.6, b: 3 }, { customers: 3000, firstDay: AS_OF - 700, asOf: AS_OF, seed: 3 });
  // Run by each test that reads it (not once for the block): each is seen to exercise the backtest.
  const ran = (): Extract<Backtest, { ok: true }> => {
    const b = run(shop.orders);
    if (!b.ok) throw new Error(`expected a backtest, got ${b.reason}`);
    return b;
  };

  test('actual = purchase days in the holdout of customers who had bought by the split; bins add up', () => {
    const b = ran();
    const split = AS_OF - H;
    const firstDay = new Map<string, number>();
    for (const o of shop.orders) firstDay.set(o.key, Math.min(firstDay.get(o.key) ?? Infinity, o.day));
    const days = new Set(shop.orders.filter((o) => o.day > split && firstDay.get(o.key)! <= split).map((o) => `${o.key} ${o.day}`));
    expect(b.actual).toBe(days.size);
    expect(b.calibrationEnd).toBe(split);
    expect(b.asOf).toBe(AS_OF);
    expect(b.holdoutDays).toBe(H);
    expect(b.customers).toBe([...firstDay.values()].filter((d) => d <= split).length);
    expect(b.bins).toHaveLength(BIN_COUNT);
    expect(b.bins.reduce((n, x) => n + x.customers, 0)).toBe(b.customers);
    expect(b.bins.reduce((n, x) => n + x.actual, 0)).toBe(b.actual);
    const chosen = b.scores.find((s) => s.id === b.chosen)!;
    expect(b.bins.reduce((n, x) => n + x.predicted, 0)).toBeCloseTo(chosen.predicted, 6);
    expect(b.bins[BIN_COUNT - 1]!.orMore).toBe(true);
  });

  test('each bin holds the customers with that many repeat purchases before the split (the last: 7 or more), their holdout purchases and the chosen model’s expectation', () => {
    const b = ran();
    const days = customerDays(shop.orders, AS_OF);
    const before = summarizeDays(days, { asOf: b.calibrationEnd });
    const now = new Map(summarizeDays(days, { asOf: AS_OF }).map((c) => [c.key, c]));
    const model = b.scores.find((s) => s.id === b.chosen)!.model;
    const want = Array.from({ length: BIN_COUNT }, (_, repeat) => ({ repeat, orMore: repeat === BIN_COUNT - 1, customers: 0, actual: 0, predicted: 0 }));
    for (const c of before) {
      const bin = want[Math.min(c.x, BIN_COUNT - 1)]!;
      bin.customers++;
      bin.actual += now.get(c.key)!.x - c.x;
      bin.predicted += model.expected(c, H);
    }
    b.bins.forEach((bin, i) => {
      expect({ ...bin, predicted: 0 }).toEqual({ ...want[i]!, predicted: 0 });
      expect(bin.predicted).toBeCloseTo(want[i]!.predicted, 6);
    });
    expect(want[BIN_COUNT - 1]!.customers).toBeGreaterThan(0);
  });

  test('each model’s score: its expected holdout purchases, their mean squared error, the holdout log score, and the paired z against BG/NBD', () => {
    const b = ran();
    const days = customerDays(shop.orders, AS_OF);
    const before = summarizeDays(days, { asOf: b.calibrationEnd });
    const now = new Map(summarizeDays(days, { asOf: AS_OF }).map((c) => [c.key, c]));
    const actual = before.map((c) => now.get(c.key)!.x - c.x);
    // ln p(holdout | calibration) = ln L at the as-of day − ln L at the split, per customer.
    const logScores = new Map(
      b.scores.map((s) => [s.id, before.map((c) => s.model.logLikelihood(now.get(c.key)!) - s.model.logLikelihood(c))] as const),
    );
    expect(b.baseline).toBe('bgnbd');
    expect(b.scores.map((s) => s.id)).toEqual(['bgnbd', 'paretoNbd', 'mbgnbd']);
    for (const s of b.scores) {
      const expected = before.map((c) => s.model.expected(c, H));
      expect(s.model.fit.converged).toBe(true);
      expect(s.predicted).toBeCloseTo(expected.reduce((t, v) => t + v, 0), 6);
      expect(s.mse).toBeCloseTo(expected.reduce((t, v, i) => t + (v - actual[i]!) ** 2, 0) / before.length, 9);
      const ls = logScores.get(s.id)!;
      expect(s.logScore).toBeCloseTo(ls.reduce((t, v) => t + v, 0), 6);
      if (s.id === b.baseline) {
        expect(s.z).toBeUndefined();
        continue;
      }
      // Diebold–Mariano: mean of the paired differences over its standard error (n − 1 in the variance).
      const d = ls.map((v, i) => v - logScores.get('bgnbd')![i]!);
      const mean = d.reduce((t, v) => t + v, 0) / d.length;
      const variance = d.reduce((t, v) => t + (v - mean) ** 2, 0) / (d.length - 1);
      expect(s.z).toBeCloseTo(mean / Math.sqrt(variance / d.length), 6);
    }
  });

  test('3,000 BG/NBD customers: BG/NBD stays (another model is used only when clearly better)', () => {
    const b = ran();
    expect(b.chosen).toBe('bgnbd');
    // Neither other model scores significantly higher; nor are both significantly lower.
    const others = b.scores.filter((s) => s.id !== 'bgnbd');
    expect(others.every((s) => s.z! <= SIGNIFICANT_Z)).toBe(true);
    expect(b.verdict).toBe(others.every((s) => s.z! < -SIGNIFICANT_Z) ? 'baselineBest' : 'indistinguishable');
  });

  test('the sidebar line reads predicted vs actual, in Japanese and English', () => {
    const b = ran();
    const predicted = Math.round(b.scores.find((s) => s.id === b.chosen)!.predicted);
    expect(accuracyLine(b, 'ja')).toBe(`直近90日: 予測 ${predicted.toLocaleString('en-US')}回、実際 ${b.actual.toLocaleString('en-US')}回(BG/NBD)`);
    expect(accuracyLine(b, 'en')).toMatch(/^Last 90 days: predicted [\d,]+ purchases, actual [\d,]+ \(BG\/NBD\)$/);
  });
});

describe('the paired comparison (Diebold–Mariano z)', () => {
  test('mean difference over its standard error, with n − 1 in the variance', () => {
    // d = 1, 2, 3, 6: mean 3, sample variance 14/3, standard error √(14/3/4).
    expect(pairedZ(Float64Array.from([1, 2, 3, 6]))).toBeCloseTo(3 / Math.sqrt(14 / 3 / 4), 12);
    expect(pairedZ(Float64Array.from([-1, -2, -3, -6]))).toBeCloseTo(-3 / Math.sqrt(14 / 3 / 4), 12);
  });

  test('every customer the same difference: certain, so ±∞ — and 0 when the models agree on everyone', () => {
    expect(pairedZ(Float64Array.from([2, 2, 2]))).toBe(Infinity);
    expect(pairedZ(Float64Array.from([-0.5, -0.5]))).toBe(-Infinity);
    expect(pairedZ(Float64Array.from([0, 0, 0]))).toBe(0);
  });
});

describe('a large cohort is fitted and scored on a systematic sample', () => {
  test('log scores over the sample, counts over every customer (predicted with the sample’s fit)', () => {
    const shop = simulateShop({ r: 0.8, alpha: 40, a: 0.6, b: 3 }, { customers: 3000, firstDay: AS_OF - 700, asOf: AS_OF, seed: 3 });
    const days = customerDays(shop.orders, AS_OF);
    const b = backtest(days, AS_OF, { ...OPTIONS, sample: 1000 });
    if (!b.ok) throw new Error(`expected a backtest, got ${b.reason}`);
    const before = summarizeDays(days, { asOf: b.calibrationEnd });
    const now = new Map(summarizeDays(days, { asOf: AS_OF }).map((c) => [c.key, c]));
    expect(b.customers).toBe(before.length);
    expect(before.length).toBeGreaterThan(1000);
    // Every ⌊i·n/1000⌋-th customer of the cohort, in its order.
    const sample = Array.from({ length: 1000 }, (_, i) => before[Math.floor((i * before.length) / 1000)]!);
    for (const s of b.scores) {
      expect(s.model.fit.customers).toBe(1000);
      const ls = sample.reduce((t, c) => t + s.model.logLikelihood(now.get(c.key)!) - s.model.logLikelihood(c), 0);
      expect(s.logScore).toBeCloseTo(ls, 6);
      expect(s.predicted).toBeCloseTo(before.reduce((t, c) => t + s.model.expected(c, H), 0), 6);
    }
    expect(b.actual).toBe(before.reduce((t, c) => t + now.get(c.key)!.x - c.x, 0));
    expect(b.bins.reduce((t, x) => t + x.customers, 0)).toBe(before.length);
    // Exactly the sample's size: every customer.
    const all = backtest(days, AS_OF, { ...OPTIONS, sample: before.length });
    expect(all.ok && all.scores[0]!.model.fit.customers).toBe(before.length);
  });
});

describe('a model that cannot be fitted on the calibration period is left out of the comparison', () => {
  /** A small shop (its orders over 400 days), backtested with any number of repeat buyers. */
  const small = (gen: Generator, customers: number, seed: number) => {
    const shop = simulateShop(gen, { customers, firstDay: AS_OF - 400, asOf: AS_OF, seed });
    const b = run(shop.orders, { holdoutDays: H, minRepeatBuyers: 1 });
    if (!b.ok) throw new Error(`expected a backtest, got ${b.reason}`);
    return b;
  };
  const fitted = (b: Extract<Backtest, { ok: true }>) => b.scores.filter((s) => s.model.fit.converged).map((s) => s.id);

  test('it has no numbers and no z; BG/NBD is best when it beats every model that could be fitted', () => {
    // 80 BG/NBD customers: Pareto/NBD's fit runs to a bound; MBG/NBD is fitted and scores lower.
    const b = small({ model: 'bgnbd', params: { r: 0.8, alpha: 40, a: 0.6, b: 3 } }, 80, 4);
    expect(fitted(b)).toEqual(['bgnbd', 'mbgnbd']);
    const failed = b.scores.find((s) => s.id === 'paretoNbd')!;
    expect([failed.predicted, failed.mse, failed.logScore, failed.z]).toEqual([NaN, NaN, NaN, undefined]);
    expect(b.baseline).toBe('bgnbd');
    expect(b.scores.find((s) => s.id === 'mbgnbd')!.z).toBeLessThan(-SIGNIFICANT_Z);
    expect([b.chosen, b.verdict]).toEqual(['bgnbd', 'baselineBest']);
  });

  test('without BG/NBD the baseline is the best-scoring model that could be fitted, and the other is compared with it', () => {
    // 60 customers of a BG/NBD shop that hardly ever leave: BG/NBD's own fit runs to a bound.
    const shop = simulateShop({ model: 'bgnbd', params: { r: 2, alpha: 10, a: 0.05, b: 30 } }, { customers: 60, firstDay: AS_OF - 400, asOf: AS_OF, seed: 1 });
    const b = run(shop.orders, { holdoutDays: H, minRepeatBuyers: 1 });
    if (!b.ok) throw new Error(`expected a backtest, got ${b.reason}`);
    expect(fitted(b)).toEqual(['paretoNbd', 'mbgnbd']);
    const [pareto, mbg] = [b.scores.find((s) => s.id === 'paretoNbd')!, b.scores.find((s) => s.id === 'mbgnbd')!];
    const [best, other] = pareto.logScore > mbg.logScore ? [pareto, mbg] : [mbg, pareto];
    expect(b.baseline).toBe(best.id);
    expect(best.z).toBeUndefined();
    // The paired z of the other against the baseline, customer by customer.
    const days = customerDays(shop.orders, AS_OF);
    const before = summarizeDays(days, { asOf: b.calibrationEnd });
    const now = new Map(summarizeDays(days, { asOf: AS_OF }).map((c) => [c.key, c]));
    const score = (m: typeof best) => before.map((c) => m.model.logLikelihood(now.get(c.key)!) - m.model.logLikelihood(c));
    const d = score(other).map((v, i) => v - score(best)[i]!);
    expect(other.z).toBeCloseTo(pairedZ(Float64Array.from(d)), 9);
    expect(Math.abs(other.z!)).toBeLessThanOrEqual(SIGNIFICANT_Z);
    expect([b.chosen, b.verdict]).toEqual([best.id, 'indistinguishable']);
    expect(b.bins.reduce((n, x) => n + x.predicted, 0)).toBeCloseTo(best.predicted, 6);
  });

  test('with only one model fitted there is nothing to compare: it is used, and the data cannot tell', () => {
    // 80 customers of the same kind: only Pareto/NBD can be fitted.
    const b = small({ model: 'bgnbd', params: { r: 2, alpha: 10, a: 0.05, b: 30 } }, 80, 1);
    expect(fitted(b)).toEqual(['paretoNbd']);
    expect([b.baseline, b.chosen, b.verdict]).toEqual(['paretoNbd', 'paretoNbd', 'indistinguishable']);
    expect(b.scores.every((s) => s.z === undefined)).toBe(true);
  });
});

describe('honest limits', () => {
  test('few repeat buyers before the split: not enough data to tell, and no model numbers', () => {
    const small = simulateShop({ r: 0.8, alpha: 40, a: 0.6, b: 3 }, { customers: 60, firstDay: AS_OF - 300, asOf: AS_OF, seed: 9 });
    const b = run(small.orders);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    expect(b.reason).toBe('fewRepeatBuyers');
    expect(b.repeatBuyers).toBeLessThan(50);
    expect(b.minRepeatBuyers).toBe(50);
    // Counted before the split: customers who had bought by then, those of them who had bought twice.
    const split = AS_OF - H;
    const byKey = new Map<string, number[]>();
    for (const o of small.orders) if (o.day <= split) byKey.set(o.key, [...(byKey.get(o.key) ?? []), o.day]);
    expect(b.customers).toBe(byKey.size);
    expect(b.repeatBuyers).toBe([...byKey.values()].filter((ds) => new Set(ds).size > 1).length);
    expect(accuracyLine(b, 'ja')).toBe('直近90日の予測の確かさ: データが足りないため確かめられません');
  });

  test('exactly the minimum number of repeat buyers before the split is enough', () => {
    const shop = simulateShop({ r: 0.8, alpha: 40, a: 0.6, b: 3 }, { customers: 400, firstDay: AS_OF - 500, asOf: AS_OF, seed: 5 });
    const counted = run(shop.orders, { holdoutDays: H, minRepeatBuyers: 1_000_000 });
    expect(counted.ok).toBe(false);
    expect(run(shop.orders, { holdoutDays: H, minRepeatBuyers: counted.repeatBuyers }).ok).toBe(true);
    const short = run(shop.orders, { holdoutDays: H, minRepeatBuyers: counted.repeatBuyers + 1 });
    expect(!short.ok && short.reason).toBe('fewRepeatBuyers');
  });

  test('a shop no model can be fitted to (every customer buys every 7 days): not converged, and no model chosen', () => {
    const orders = [];
    for (let c = 0; c < 100; c++) for (let d = c; d <= 700; d += 7) orders.push({ key: `k${c}`, day: AS_OF - 700 + d, amount: 1000 });
    const b = run(orders);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    expect(b.reason).toBe('notConverged');
    expect(b.repeatBuyers).toBe(100);
  });

  test('a holdout of 0 days (or less) turns the check off: no cohort is even counted', () => {
    const orders = [
      { key: 'a', day: AS_OF - 10, amount: 1 },
      { key: 'a', day: AS_OF - 5, amount: 1 },
    ];
    for (const holdoutDays of [0, -7]) {
      const b = run(orders, { holdoutDays, minRepeatBuyers: 0 });
      expect(b.ok).toBe(false);
      if (!b.ok) expect(b.reason).toBe('off');
      expect([b.customers, b.repeatBuyers]).toEqual([0, 0]);
      expect(accuracyLine(b, 'en')).toBeUndefined();
    }
  });
});
