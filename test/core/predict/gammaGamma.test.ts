/** Gamma-Gamma against the published CDNOW results (Fader & Hardie 2013, note 025) and recovery. */
import fc from 'fast-check';
import { expectedSpend, fitGammaGamma, gammaGammaLogLikelihood, populationMeanSpend, type GammaGammaFit } from '../../../src/core/predict/gammaGamma';
import { customerValue, discountedExpectedPurchases } from '../../../src/core/predict/clv';
import { conditionalExpectedPurchases } from '../../../src/core/predict/bgnbd';
import { simulate } from '../../support/btyd';
import { cdnowSummary } from '../../support/cdnow';

const sig = (v: number, digits: number): number => Number(v.toPrecision(digits));
const summary = cdnowSummary();

describe('Gamma-Gamma on CDNOW', () => {
  // Fitted in each test rather than once for the block: other tests' runs do not pay for it.
  let fit: GammaGammaFit;
  beforeEach(() => {
    fit = fitGammaGamma(summary);
  });

  test('fits p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat buyers (LL −4055.92)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expect(sig(fit.params.p, 3)).toBe(6.25);
    expect(sig(fit.params.q, 3)).toBe(3.74);
    // Published 15.44 (CLVTools, after Fader & Hardie 2013); lifetimes prints 15.45, scipy 15.4477.
    expect(Math.abs(fit.params.gamma - 15.44)).toBeLessThan(0.01);
    expect(fit.params.gamma).toBeCloseTo(15.4477, 2);
    expect(fit.logLikelihood).toBeCloseTo(-4055.92, 1);
    expect(fit.agreeingStarts).toBe(fit.starts);
  });

  test('expected spend of the first ten CDNOW customers as published (lifetimes, atol 0.1)', () => {
    const want = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    summary.slice(0, 10).forEach((c, i) => expect(Math.abs(expectedSpend(fit.params, c) - want[i]!)).toBeLessThan(0.1));
    // x = 0: the population mean pγ/(q−1) — 35.22 at the rounded published parameters.
    expect(populationMeanSpend({ p: 6.25, q: 3.74, gamma: 15.44 })).toBeCloseTo(35.22, 2);
  });

  test('the per-customer log-likelihood at the published parameters sums to the published LL', () => {
    const ll = summary.filter((c) => c.x > 0).reduce((s, c) => s + gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, c), 0);
    expect(ll).toBeCloseTo(-4055.92, 0);
  });

  test('E[M] lies between the population mean and the customer’s own mean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), (x, zbar) => {
        const m = expectedSpend(fit.params, { x, zbar });
        const pop = populationMeanSpend(fit.params);
        expect(m).toBeGreaterThanOrEqual(Math.min(pop, zbar) * (1 - 1e-12));
        expect(m).toBeLessThanOrEqual(Math.max(pop, zbar) * (1 + 1e-12));
      }),
    );
  });
});

describe('Gamma-Gamma recovers known parameters', () => {
  test.each([
    [{ p: 6, q: 4, gamma: 15 }],
    [{ p: 2, q: 8, gamma: 40_000 }], // yen-sized spend
  ])('%o', (spend) => {
    const data = simulate({ r: 1, alpha: 5, a: 0.5, b: 5 }, { customers: 20_000, T: 52, seed: 5, spend });
    const fit = fitGammaGamma(data);
    expect(fit.converged).toBe(true);
    for (const k of ['p', 'q', 'gamma'] as const) {
      const err = Math.abs(fit.params[k] - spend[k]);
      expect(err).toBeLessThan(3.5 * fit.standardErrors![k]);
      expect(err / spend[k]).toBeLessThan(0.25);
    }
    expect(Math.abs(fit.spendFrequencyCorrelation)).toBeLessThan(0.1);
  });

  test('no usable customers: not converged, no numbers', () => {
    const fit = fitGammaGamma([{ x: 0, zbar: 0 }]);
    expect(fit.converged).toBe(false);
    expect(fit.customers).toBe(0);
  });
});

describe('customer value', () => {
  const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
  const c = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };

  test('undiscounted: E[Y(h)] × E[M] × margin; discounting lowers it, more for a higher rate', () => {
    const plain = customerValue(bg, gg, c, { horizon: 52, unitsPerYear: 52 });
    expect(plain).toBeCloseTo(conditionalExpectedPurchases(bg, c, 52) * expectedSpend(gg, c), 10);
    expect(customerValue(bg, gg, c, { horizon: 52, unitsPerYear: 52, margin: 0.3 })).toBeCloseTo(0.3 * plain, 10);
    const d10 = customerValue(bg, gg, c, { horizon: 52, unitsPerYear: 52, annualDiscountRate: 0.1 });
    const d30 = customerValue(bg, gg, c, { horizon: 52, unitsPerYear: 52, annualDiscountRate: 0.3 });
    expect(d10).toBeLessThan(plain);
    expect(d30).toBeLessThan(d10);
    expect(d10).toBeGreaterThan(plain / 1.1);
    // A rate of 0 given explicitly with steps is the same as no discounting.
    expect(discountedExpectedPurchases(bg, c, { horizon: 52, annualDiscountRate: 0, steps: 4 })).toBeCloseTo(
      conditionalExpectedPurchases(bg, c, 52),
      12,
    );
  });

  test('discounting: each step’s expected purchases are discounted at the step’s end, a year being unitsPerYear', () => {
    const ey = (t: number) => conditionalExpectedPurchases(bg, c, t);
    // One step: the whole horizon's purchases at its end, one year out.
    expect(discountedExpectedPurchases(bg, c, { horizon: 52, unitsPerYear: 52, annualDiscountRate: 0.1, steps: 1 })).toBeCloseTo(ey(52) / 1.1, 12);
    // Two steps: the first half at half a year, the second at a year.
    expect(discountedExpectedPurchases(bg, c, { horizon: 52, unitsPerYear: 52, annualDiscountRate: 0.1, steps: 2 })).toBeCloseTo(
      ey(26) / Math.sqrt(1.1) + (ey(52) - ey(26)) / 1.1,
      12,
    );
    // The defaults: days (365 a year) and 12 steps.
    const days = { x: 2, tx: 213, T: 272 };
    expect(discountedExpectedPurchases(bg, days, { horizon: 365, annualDiscountRate: 0.2 })).toBe(
      discountedExpectedPurchases(bg, days, { horizon: 365, annualDiscountRate: 0.2, steps: 12, unitsPerYear: 365 }),
    );
    // More steps discount the early purchases less: between one step at the end and no discounting.
    const twelve = discountedExpectedPurchases(bg, c, { horizon: 52, unitsPerYear: 52, annualDiscountRate: 0.1 });
    expect(twelve).toBeGreaterThan(ey(52) / 1.1);
    expect(twelve).toBeLessThan(ey(52));
    expect(twelve).not.toBeCloseTo(discountedExpectedPurchases(bg, c, { horizon: 52, unitsPerYear: 52, annualDiscountRate: 0.1, steps: 11 }), 6);
  });

  test('value defaults to revenue (margin 1)', () => {
    const opts = { horizon: 52, unitsPerYear: 52 };
    expect(customerValue(bg, gg, c, opts)).toBe(customerValue(bg, gg, c, { ...opts, margin: 1 }));
  });
});

describe('spend and frequency (the model assumes them independent)', () => {
  test('the fit reports the correlation of x and z̄ among the customers it used', () => {
    // z̄ rising with x: correlation 1; the customers without repeat spend are left out of it.
    const rising = Array.from({ length: 60 }, (_, i) => ({ x: 1 + (i % 6), zbar: 10 * (1 + (i % 6)) }));
    const fit = fitGammaGamma([...rising, { x: 0, zbar: 0 }, { x: 3, zbar: 0 }, { x: 2, zbar: Infinity }]);
    expect(fit.customers).toBe(60);
    expect(fit.spendFrequencyCorrelation).toBeCloseTo(1, 12);
    const falling = rising.map((r) => ({ ...r, zbar: 100 - r.zbar }));
    expect(fitGammaGamma(falling).spendFrequencyCorrelation).toBeCloseTo(-1, 12);
  });

  test('no correlation to report from fewer than two customers, or when x or z̄ never varies', () => {
    expect(fitGammaGamma([{ x: 2, zbar: 10 }]).spendFrequencyCorrelation).toBeNaN();
    expect(fitGammaGamma(Array.from({ length: 10 }, (_, i) => ({ x: 3, zbar: 5 + i }))).spendFrequencyCorrelation).toBeNaN();
    expect(fitGammaGamma(Array.from({ length: 10 }, (_, i) => ({ x: 1 + i, zbar: 5 }))).spendFrequencyCorrelation).toBeNaN();
  });

  test('E[M] of a customer without repeat purchases is the population mean pγ/(q−1)', () => {
    const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
    expect(expectedSpend(gg, { x: 0, zbar: 0 })).toBe(populationMeanSpend(gg));
    expect(populationMeanSpend(gg)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    // With x repeat purchases, a weighted mean: p(γ + x z̄)/(px + q − 1).
    expect(expectedSpend(gg, { x: 4, zbar: 50 })).toBeCloseTo((6.25 * (15.44 + 200)) / (25 + 2.74), 12);
  });
});
