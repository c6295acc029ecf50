/**
 * BG/NBD against the published CDNOW results (shared/data/cdnow/README.md; FHL 2005), the model's
 * own identities, and recovery of known parameters from simulated customers.
 */
import fc from 'fast-check';
import {
  bgnbdLogLikelihood,
  bgnbdTotalLogLikelihood,
  conditionalExpectedPurchases,
  conditionalExpectedPurchasesByQuadrature,
  expectedPurchases,
  fitBgNbd,
  medianTimeToNextPurchase,
  pAlive,
  probPurchaseWithin,
  probPurchases,
  timeToPurchaseProbability,
  type BgNbdFit,
  type BgNbdParams,
} from '../../../src/core/predict/bgnbd';
import { summarize } from '../../../src/core/predict/rfm';
import { simulate } from '../../support/btyd';
import { CALIBRATION_END, cdnowSampleTransactions, cdnowSummary } from '../../support/cdnow';

/** FHL 2005, Marketing Science 24(2), as restated in CLVTools' tests. */
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PUBLISHED_LL = -9582.4;

/** Rounds to `digits` significant digits. */
const sig = (v: number, digits: number): number => Number(v.toPrecision(digits));

const summary = cdnowSummary();
const customer1 = { x: 2, tx: 30.43, T: 38.86 };

describe('BG/NBD on CDNOW (FHL 2005)', () => {
  // Fitted by the tests that use it (not once for the block): other tests' runs do not pay for it.
  const fitCdnow = (): BgNbdFit => fitBgNbd(summary);

  test('the fit on the published summary reproduces r, α, a, b and LL to 3 significant digits', () => {
    const fit = fitCdnow();
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expect(fit.repeatBuyers).toBe(946);
    expect(sig(fit.params.r, 3)).toBe(PUBLISHED.r);
    expect(sig(fit.params.alpha, 3)).toBe(sig(PUBLISHED.alpha, 3));
    expect(sig(fit.params.a, 3)).toBe(PUBLISHED.a);
    expect(sig(fit.params.b, 3)).toBe(sig(PUBLISHED.b, 3));
    expect(sig(fit.logLikelihood, 3)).toBe(sig(PUBLISHED_LL, 3));
    // Closer than the rounding: the unrounded fits in the README (lifetimes, scipy).
    expect(fit.params.r).toBeCloseTo(0.242593, 5);
    expect(fit.params.alpha).toBeCloseTo(4.41353, 4);
    expect(fit.params.a).toBeCloseTo(0.792886, 5);
    expect(fit.params.b).toBeCloseTo(2.425753, 4);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4256, 3);
    // Every start found the same optimum, and it is a proper maximum.
    expect(fit.agreeingStarts).toBe(fit.starts);
    expect(fit.standardErrors).toBeDefined();
  });

  test('the fit from the raw sample (same-day purchases merged, unrounded weeks) matches CLVTools', () => {
    const rfm = summarize(cdnowSampleTransactions(), { asOf: CALIBRATION_END, unit: 7 });
    const raw = fitBgNbd(rfm);
    expect(raw.params.r).toBeCloseTo(0.2425945, 5);
    expect(raw.params.alpha).toBeCloseTo(4.4136019, 4);
    expect(raw.params.a).toBeCloseTo(0.7929199, 5);
    expect(raw.params.b).toBeCloseTo(2.4258881, 4);
    expect(raw.logLikelihood).toBeCloseTo(-9582.429, 2);
  });

  test('the log-likelihood at the published parameters is the published LL', () => {
    expect(bgnbdTotalLogLikelihood(PUBLISHED, summary)).toBeCloseTo(PUBLISHED_LL, 0);
  });

  test('E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226 (customer 1)', () => {
    const fit = fitCdnow();
    expect(Math.abs(conditionalExpectedPurchases(fit.params, customer1, 39) - 1.226)).toBeLessThan(0.001);
    expect(Math.abs(conditionalExpectedPurchases(PUBLISHED, customer1, 39) - 1.226)).toBeLessThan(0.001);
  });

  test('P(alive): x = 0 gives 1; customer 1 gives 0.7266; customer 1516 gives 0.9689 and E[Y(39)] = 20.75', () => {
    const fit = fitCdnow();
    expect(pAlive(fit.params, { x: 0, tx: 0, T: 38.86 })).toBe(1);
    expect(pAlive(PUBLISHED, { x: 0, tx: 0, T: 10 })).toBe(1);
    expect(pAlive(PUBLISHED, customer1)).toBeCloseTo(0.7266, 4);
    const c1516 = { x: 26, tx: 30.86, T: 31 };
    expect(pAlive(PUBLISHED, c1516)).toBeCloseTo(0.9689, 4);
    expect(conditionalExpectedPurchases(PUBLISHED, c1516, 39)).toBeCloseTo(20.75, 2);
  });

  test('E[X(t)] checkpoints (lifetimes, after Hardie’s spreadsheet and BTYD)', () => {
    const fit = fitCdnow();
    const ts = [0.1429, 1, 3, 31.8571, 32, 78];
    const want = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    ts.forEach((t, i) => expect(Math.abs(expectedPurchases(fit.params, t) - want[i]!)).toBeLessThan(5e-4));
  });

  test('P(X(t) = n) checkpoints at the published parameters', () => {
    expect(probPurchases(PUBLISHED, 2, 10) / 1.07869e-7).toBeCloseTo(1, 4);
    expect(Math.abs(probPurchases(PUBLISHED, 39, 0) - 0.5737864)).toBeLessThan(1e-4);
    const want = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171,
      0.0002769613, 0.000222226,
    ];
    want.forEach((p, i) => expect(probPurchases(PUBLISHED, 30, 11 + i)).toBeCloseTo(p, 5));
  });

  test('Σₙ P(X(t) = n) = 1 and Σₙ n·P(X(t) = n) = E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 300; n++) {
      const p = probPurchases(PUBLISHED, 39, n);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 6);
    expect(mean).toBeCloseTo(expectedPurchases(PUBLISHED, 39), 4);
  });
});

describe('BG/NBD identities and numerical behaviour', () => {
  const params = fc.record({
    r: fc.double({ min: 0.05, max: 10, noNaN: true }),
    alpha: fc.double({ min: 0.1, max: 200, noNaN: true }),
    a: fc.double({ min: 0.05, max: 8, noNaN: true }),
    b: fc.double({ min: 0.05, max: 40, noNaN: true }),
  });
  const customer = fc
    .record({ x: fc.integer({ min: 0, max: 60 }), f: fc.double({ min: 0, max: 1, noNaN: true }), T: fc.double({ min: 0.5, max: 400, noNaN: true }) })
    .map(({ x, f, T }) => ({ x, tx: x === 0 ? 0 : f * T, T }));

  test('P(alive) ∈ [0, 1], and falls as T grows with x and t_x fixed', () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.01, max: 100, noNaN: true }), (p, c, dT) => {
        const now = pAlive(p, c);
        const later = pAlive(p, { ...c, T: c.T + dT });
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
        expect(later).toBeLessThanOrEqual(now);
        if (c.x === 0) expect(now).toBe(1);
      }),
    );
  });

  test('E[Y(t)] ≥ 0, grows with t, and the ₂F₁ formula agrees with the quadrature over p', () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.1, max: 500, noNaN: true }), (p, c, t) => {
        const y = conditionalExpectedPurchases(p, c, t);
        const longer = conditionalExpectedPurchases(p, c, t * 1.5);
        const direct = conditionalExpectedPurchasesByQuadrature(p, c, t);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(longer).toBeGreaterThanOrEqual(y * (1 - 1e-9));
        expect(Math.abs(y - direct)).toBeLessThanOrEqual(1e-7 * Math.max(1, direct));
      }),
      { numRuns: 300 },
    );
  });

  test('a = 1 exactly and a + b < 1 (where the ₂F₁ formula is 0/0 or off its domain) still give E[Y]', () => {
    const c = { x: 0, tx: 0, T: 10 };
    const near = conditionalExpectedPurchases({ r: 0.5, alpha: 5, a: 1 + 1e-3, b: 2 }, c, 20);
    const at = conditionalExpectedPurchases({ r: 0.5, alpha: 5, a: 1, b: 2 }, c, 20);
    expect(at).toBeCloseTo(near, 3);
    const small = conditionalExpectedPurchases({ r: 0.5, alpha: 5, a: 0.3, b: 0.4 }, c, 20);
    expect(small).toBeGreaterThan(0);
    expect(Number.isFinite(small)).toBe(true);
  });

  test('the log-likelihood is finite for very large x (Hardie note 027: no #NUM!)', () => {
    const ll = bgnbdLogLikelihood(PUBLISHED, { x: 5000, tx: 3000, T: 3100 });
    expect(Number.isFinite(ll)).toBe(true);
    expect(Number.isFinite(conditionalExpectedPurchases(PUBLISHED, { x: 5000, tx: 3000, T: 3100 }, 100))).toBe(true);
  });

  test('the wait to the next purchase: median if alive, and the 50% time counting P(alive)', () => {
    const m = medianTimeToNextPurchase(PUBLISHED, customer1);
    // Given alive, P(no purchase in m) = ½ — so P(purchase within m) = P(alive)/2.
    expect(probPurchaseWithin(PUBLISHED, customer1, m)).toBeCloseTo(pAlive(PUBLISHED, customer1) / 2, 12);
    const s = timeToPurchaseProbability(PUBLISHED, customer1, 0.5);
    expect(probPurchaseWithin(PUBLISHED, customer1, s)).toBeCloseTo(0.5, 12);
    expect(s).toBeGreaterThan(m);
    // A customer who has more likely left never reaches 50%.
    expect(timeToPurchaseProbability(PUBLISHED, { x: 1, tx: 1, T: 300 }, 0.5)).toBe(Infinity);
  });

  test('P(purchase within s) matches E[Y(s)] for short s (at most one purchase)', () => {
    const s = 1e-3;
    expect(probPurchaseWithin(PUBLISHED, customer1, s) / conditionalExpectedPurchases(PUBLISHED, customer1, s)).toBeCloseTo(1, 3);
  });
});

describe('BG/NBD recovers known parameters from simulated customers', () => {
  const cases: Array<{ name: string; params: BgNbdParams; T: number | ((rnd: () => number) => number) }> = [
    { name: 'CDNOW-like (a < 1), weeks', params: PUBLISHED, T: (rnd) => 30 + rnd() * 9 },
    { name: 'frequent buyers, slow dropout, days', params: { r: 2, alpha: 60, a: 1.5, b: 8 }, T: (rnd) => 100 + rnd() * 600 },
    { name: 'rare buyers, fast dropout (a, b < 1)', params: { r: 0.6, alpha: 15, a: 0.5, b: 0.8 }, T: 52 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const data = simulate(c.params, { customers: 20_000, T: c.T, seed: 11 });
      const fit = fitBgNbd(data);
      expect(fit.converged).toBe(true);
      expect(fit.agreeingStarts).toBe(fit.starts);
      // Within 3.5 standard errors and, since n is large, within 25 % of the truth.
      for (const k of ['r', 'alpha', 'a', 'b'] as const) {
        const err = Math.abs(fit.params[k] - c.params[k]);
        expect(err).toBeLessThan(3.5 * fit.standardErrors![k]);
        expect(err / c.params[k]).toBeLessThan(0.25);
      }
    });
  }

  test('too few customers to tell the parameters apart: the fit says it is not trustworthy or the errors are wide', () => {
    // 30 customers, 6 repeat buyers: a and b are not identified.
    const data = simulate({ r: 0.5, alpha: 10, a: 0.8, b: 3 }, { customers: 30, T: 40, seed: 3 });
    const fit = fitBgNbd(data);
    const wide = fit.standardErrors === undefined || fit.standardErrors.b > fit.params.b;
    expect(!fit.converged || wide).toBe(true);
  });
});
