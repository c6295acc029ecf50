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
  betaGeometricTotalLogLikelihood,
  fitBetaGeometric,
  probPurchases,
  timeToPurchaseProbability,
  type BgNbdFit,
  type BgNbdParams,
} from '../../../src/core/predict/bgnbd';
import { mbgnbdLogLikelihood } from '../../../src/core/predict/mbgnbd';
import { summarize } from '../../../src/core/predict/rfm';
import { lbeta, lgamma } from '../../../src/core/predict/special';
import { simulate } from '../../support/btyd';
import { CALIBRATION_END, cdnowSampleTransactions, cdnowSummary } from '../../support/cdnow';

/** FHL 2005, Marketing Science 24(2), as restated in CLVTools' tests. */
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Any parameters over wide ranges (a < 1 and a + b < 1 included). */
const params = fc.record({
  r: fc.double({ min: 0.05, max: 10, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 200, noNaN: true }),
  a: fc.double({ min: 0.05, max: 8, noNaN: true }),
  b: fc.double({ min: 0.05, max: 40, noNaN: true }),
});

/** A customer of up to `maxX` repeat purchases observed for up to `maxT` (t_x = 0 when x = 0). */
const customers = (maxX: number, maxT: number) =>
  fc
    .record({ x: fc.integer({ min: 0, max: maxX }), f: fc.double({ min: 0, max: 1, noNaN: true }), T: fc.double({ min: 0.5, max: maxT, noNaN: true }) })
    .map(({ x, f, T }) => ({ x, tx: x === 0 ? 0 : f * T, T }));
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
  const customer = customers(60, 400);

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
    // A customer of 5,000 purchases silent for 3,000 weeks has left: P(alive) 0 (its odds overflow), not NaN.
    expect(pAlive(PUBLISHED, { x: 5000, tx: 100, T: 3100 })).toBe(0);
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

describe('BG/NBD likelihood, P(alive) and expectations, against their defining formulas', () => {
  const customer = customers(30, 200);

  /** FHL 2005 eq. (6) as printed: B(a, b+x)/B(a, b) Γ(r+x)α^r/(Γ(r)(α+T)^(r+x)) + δ(x>0) B(a+1, b+x−1)/B(a, b) Γ(r+x)α^r/(Γ(r)(α+t_x)^(r+x)). */
  const paperLikelihood = (p: BgNbdParams, c: { x: number; tx: number; T: number }): number => {
    const { r, alpha, a, b } = p;
    const { x, tx, T } = c;
    const g = Math.exp(lgamma(r + x) - lgamma(r)) * Math.pow(alpha, r);
    const alive = (Math.exp(lbeta(a, b + x) - lbeta(a, b)) * g) / Math.pow(alpha + T, r + x);
    const left = x > 0 ? (Math.exp(lbeta(a + 1, b + x - 1) - lbeta(a, b)) * g) / Math.pow(alpha + tx, r + x) : 0;
    return alive + left;
  };

  test('ln L is the log of eq. (6) as printed in FHL 2005 (with B(a+1, b+x−1), not note 027’s a/(b+x−1))', () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        expect(bgnbdLogLikelihood(p, c)).toBeCloseTo(Math.log(paperLikelihood(p, c)), 8);
      }),
      { numRuns: 300 },
    );
  });

  test('a customer with no repeat purchase: L = P(X(T) = 0) = (α/(α+T))^r, whatever a and b', () => {
    for (const T of [0.5, 10, 38.86]) {
      const c = { x: 0, tx: 0, T };
      expect(bgnbdLogLikelihood(PUBLISHED, c)).toBeCloseTo(PUBLISHED.r * Math.log(PUBLISHED.alpha / (PUBLISHED.alpha + T)), 12);
      expect(Math.exp(bgnbdLogLikelihood(PUBLISHED, c))).toBeCloseTo(probPurchases(PUBLISHED, T, 0), 12);
      expect(bgnbdLogLikelihood({ ...PUBLISHED, a: 5, b: 0.2 }, c)).toBeCloseTo(bgnbdLogLikelihood(PUBLISHED, c), 12);
    }
  });

  test('the total ln L is the sum of the customers’ (customers sharing x, t_x, T counted each time)', () => {
    fc.assert(
      fc.property(params, fc.array(customer, { minLength: 1, maxLength: 12 }), (p, cs) => {
        const twice = [...cs, ...cs.slice(0, 3)];
        const sum = twice.reduce((s, c) => s + bgnbdLogLikelihood(p, c), 0);
        expect(bgnbdTotalLogLikelihood(p, twice)).toBeCloseTo(sum, 6);
      }),
      { numRuns: 200 },
    );
  });

  test('the same total with dropout at zero is MBG/NBD’s (Batislam et al. 2007, eq. 3) summed', () => {
    fc.assert(
      fc.property(params, fc.array(customer, { minLength: 1, maxLength: 12 }), (p, cs) => {
        const sum = cs.reduce((s, c) => s + mbgnbdLogLikelihood(p, c), 0);
        expect(betaGeometricTotalLogLikelihood(p, cs, true)).toBeCloseTo(sum, 6);
      }),
      { numRuns: 200 },
    );
  });

  test('P(alive) = 1 / (1 + a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) for x > 0, likely or not (FHL 2008)', () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        fc.pre(c.x > 0);
        const odds = (p.a / (p.b + c.x - 1)) * Math.pow((p.alpha + c.T) / (p.alpha + c.tx), p.r + c.x);
        fc.pre(Number.isFinite(odds));
        expect(pAlive(p, c)).toBeCloseTo(1 / (1 + odds), 12);
      }),
      { numRuns: 300 },
    );
    // Both sides of even odds: a customer long silent after one purchase, and one just seen.
    expect(pAlive(PUBLISHED, { x: 1, tx: 1, T: 300 })).toBeLessThan(0.5);
    expect(pAlive(PUBLISHED, { x: 1, tx: 1, T: 300 })).toBeCloseTo(1 / (1 + (0.793 / 2.426) * ((4.414 + 300) / 5.414) ** 1.243), 12);
    expect(pAlive(PUBLISHED, { x: 1, tx: 30, T: 30 })).toBeCloseTo(1 / (1 + 0.793 / 2.426), 12);
  });

  test('nothing is expected in no time: E[Y(0)], E[X(0)], P(purchase within 0) are 0, as for a negative span', () => {
    for (const t of [0, -1]) {
      expect(conditionalExpectedPurchases(PUBLISHED, customer1, t)).toBe(0);
      expect(conditionalExpectedPurchasesByQuadrature(PUBLISHED, customer1, t)).toBe(0);
      expect(expectedPurchases(PUBLISHED, t)).toBe(0);
      expect(probPurchaseWithin(PUBLISHED, customer1, t)).toBe(0);
    }
  });

  test('at first, purchases come at the mean rate: E[X(t)]/t → r/α, and E[Y(t)]/t → P(alive)·(r+x)/(α+T), as t → 0', () => {
    const t = 1e-6;
    expect(expectedPurchases(PUBLISHED, t) / t).toBeCloseTo(PUBLISHED.r / PUBLISHED.alpha, 5);
    for (const c of [customer1, { x: 0, tx: 0, T: 20 }, { x: 7, tx: 12, T: 39 }]) {
      const rate = (pAlive(PUBLISHED, c) * (PUBLISHED.r + c.x)) / (PUBLISHED.alpha + c.T);
      expect(conditionalExpectedPurchases(PUBLISHED, c, t) / t / rate).toBeCloseTo(1, 5);
      expect(conditionalExpectedPurchasesByQuadrature(PUBLISHED, c, t) / t / rate).toBeCloseTo(1, 5);
    }
  });

  test('E[Y(t)] is continuous across a = 1, where (a+b+x−1)/(a−1) changes sign', () => {
    const at = (a: number) => conditionalExpectedPurchases({ r: 0.5, alpha: 5, a, b: 2 }, customer1, 20);
    const one = at(1);
    // Its slope in a is below 1 here: a change of ε moves it by less than ε (plus rounding).
    for (const eps of [1e-12, 1e-9, 1e-6, 1e-5, 1e-3]) {
      expect(Math.abs(at(1 + eps) - one)).toBeLessThan(eps + 1e-9);
      expect(Math.abs(at(1 - eps) - one)).toBeLessThan(eps + 1e-9);
    }
  });

  test('the time to a given chance of purchase inverts P(purchase within s); never when P(alive) is not above it', () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (p, c, prob) => {
        const s = timeToPurchaseProbability(p, c, prob);
        if (pAlive(p, c) > prob) expect(probPurchaseWithin(p, c, s)).toBeCloseTo(prob, 8);
        else expect(s).toBe(Infinity);
      }),
      { numRuns: 300 },
    );
    // A customer with no repeat purchase is alive for sure, but a certain purchase never comes.
    expect(timeToPurchaseProbability(PUBLISHED, { x: 0, tx: 0, T: 10 }, 1)).toBe(Infinity);
  });

  test('the median wait if alive is (α+T)(2^(1/(r+x)) − 1)', () => {
    expect(medianTimeToNextPurchase(PUBLISHED, customer1)).toBeCloseTo((4.414 + 38.86) * (Math.pow(2, 1 / 2.243) - 1), 10);
  });
});

describe('BG/NBD fitting: where the likelihood is highest', () => {
  test('the fitted LL is the total ln L at the fitted parameters, and moving any parameter lowers it', () => {
    const fit = fitBgNbd(summary);
    const at = (p: BgNbdParams) => bgnbdTotalLogLikelihood(p, summary);
    expect(fit.logLikelihood).toBeCloseTo(at(fit.params), 6);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      for (const f of [0.99, 1.01]) expect(at({ ...fit.params, [k]: fit.params[k] * f })).toBeLessThan(fit.logLikelihood);
    }
  });

  test('with dropout at zero the same fit is MBG/NBD’s: BTYDplus’s CDNOW estimates r = 0.525, α = 6.183, a = 0.891, b = 1.614', () => {
    const fit = fitBetaGeometric(summary, true);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.525, 3);
    expect(fit.params.alpha).toBeCloseTo(6.183, 3);
    expect(fit.params.a).toBeCloseTo(0.891, 3);
    expect(fit.params.b).toBeCloseTo(1.614, 3);
    expect(fit.logLikelihood).toBeCloseTo(betaGeometricTotalLogLikelihood(fit.params, summary, true), 6);
  });

  test('the same fit in days as in weeks: α is 7 times larger, r, a, b unchanged, ln L lower by ln 7 per repeat purchase (a density of purchase times)', () => {
    const days = summary.map((c) => ({ x: c.x, tx: 7 * c.tx, T: 7 * c.T }));
    const w = fitBgNbd(summary);
    const d = fitBgNbd(days);
    expect(d.params.r).toBeCloseTo(w.params.r, 5);
    expect(d.params.alpha / 7).toBeCloseTo(w.params.alpha, 4);
    expect(d.params.a).toBeCloseTo(w.params.a, 5);
    expect(d.params.b).toBeCloseTo(w.params.b, 4);
    const repeats = summary.reduce((n, c) => n + c.x, 0);
    expect(d.logLikelihood).toBeCloseTo(w.logLikelihood - repeats * Math.log(7), 4);
  });

  test('no customer has bought twice: no trustworthy fit (r → 0, nothing to learn a and b from)', () => {
    const once = Array.from({ length: 200 }, (_, i) => ({ x: 0, tx: 0, T: 10 + (i % 30) }));
    const fit = fitBgNbd(once);
    expect(fit.repeatBuyers).toBe(0);
    expect(fit.converged).toBe(false);
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
