/**
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007) against the published CDNOW results
 * (shared/data/cdnow/README.md): r = 0.525, α = 6.183, a = 0.891, b = 1.614 — BTYDplus's
 * estimates, checked to 3 decimals in lifetimes' `tests/test_estimation.py`
 * (TestModifiedBetaGammaFitter.test_params_out_is_close_to_BTYDplus); LL −9582.13 (the README's
 * scipy check). Expectations are checked against an independent route (quadrature over the
 * dropout probability) and lifetimes' checkpoints; parameters are recovered from simulated
 * customers.
 */
import fc from 'fast-check';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitMbgNbd,
  medianTimeToNextPurchase,
  mbgnbdLogLikelihood,
  mbgnbdTotalLogLikelihood,
  pAlive,
  probPurchaseWithin,
  timeToPurchaseProbability,
  type MbgNbdParams,
} from '../../../src/core/predict/mbgnbd';
import { betaExpectation } from '../../../src/core/predict/special';
import { simulateModel } from '../../support/btyd';
import { cdnowSummary } from '../../support/cdnow';

const PUBLISHED: MbgNbdParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const PUBLISHED_LL = -9582.13;

const summary = cdnowSummary();
const customer1 = { x: 2, tx: 30.43, T: 38.86 };

describe('MBG/NBD on CDNOW (BTYDplus, lifetimes)', () => {
  const fit = fitMbgNbd(summary);

  test('the fit on the published summary reproduces r, α, a, b to 3 decimals and the LL', () => {
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(PUBLISHED.r, 3);
    expect(fit.params.alpha).toBeCloseTo(PUBLISHED.alpha, 3);
    expect(fit.params.a).toBeCloseTo(PUBLISHED.a, 3);
    expect(fit.params.b).toBeCloseTo(PUBLISHED.b, 3);
    expect(fit.logLikelihood).toBeCloseTo(PUBLISHED_LL, 1);
    expect(fit.agreeingStarts).toBe(fit.starts);
    expect(fit.standardErrors).toBeDefined();
  });

  test('the log-likelihood at the published parameters, and the sum of the per-customer terms', () => {
    expect(mbgnbdTotalLogLikelihood(PUBLISHED, summary)).toBeCloseTo(PUBLISHED_LL, 0);
    const sum = summary.reduce((s, c) => s + mbgnbdLogLikelihood(PUBLISHED, c), 0);
    expect(sum).toBeCloseTo(mbgnbdTotalLogLikelihood(PUBLISHED, summary), 6);
  });

  test('lifetimes’ checkpoints: E[Y(39)] for customer 1 within 0.05 of 1.226; E[X(t)] within 5 %', () => {
    expect(Math.abs(conditionalExpectedPurchases(fit.params, customer1, 39) - 1.226)).toBeLessThan(0.05);
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(Math.abs(expectedPurchases(fit.params, t) / expected[i]! - 1)).toBeLessThan(0.05));
  });

  test('a customer with no repeat purchase may have left: P(alive | x = 0) < 1, and falls with T', () => {
    const early = pAlive(fit.params, { x: 0, tx: 0, T: 1 });
    const late = pAlive(fit.params, { x: 0, tx: 0, T: 38.86 });
    expect(early).toBeLessThan(1);
    expect(late).toBeLessThan(early);
    // At T = 0 nothing has been seen but the first purchase, after which they left with prob. a/(a+b).
    expect(pAlive(fit.params, { x: 0, tx: 0, T: 0 })).toBeCloseTo(fit.params.b / (fit.params.a + fit.params.b), 12);
  });
});

describe('MBG/NBD expectations by an independent route', () => {
  // Given λ and p, a new customer leaves at the first purchase with probability p, and afterwards
  // makes repeat purchases at rate λ until one of them is the last: E[X(t) | λ, p] =
  // (1−p)/p · (1 − e^(−λpt)); averaged over λ ~ Gamma(r, α): (1−p)/p · (1 − (α/(α+pt))^r).
  const byQuadrature = (p: MbgNbdParams, t: number): number =>
    betaExpectation(p.a, p.b, (pp, qq) => (qq / pp) * -Math.expm1(-p.r * Math.log1p((pp * t) / p.alpha)));

  test('E[X(t)] equals the quadrature over the dropout probability', () => {
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.1, max: 5, noNaN: true }),
          alpha: fc.double({ min: 0.5, max: 100, noNaN: true }),
          a: fc.double({ min: 0.3, max: 5, noNaN: true }),
          b: fc.double({ min: 0.3, max: 10, noNaN: true }),
        }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        (p, t) => {
          const q = byQuadrature(p, t);
          expect(Math.abs(expectedPurchases(p, t) - q)).toBeLessThan(1e-7 * Math.max(1, q));
        },
      ),
      { numRuns: 100 },
    );
  });

  test('P(alive) ∈ [0, 1]; E[Y(t)] ≥ 0 grows with t; P(purchase within s) ≈ E[Y(s)] for short s', () => {
    fc.assert(
      fc.property(
        fc.record({ x: fc.integer({ min: 0, max: 200 }), T: fc.double({ min: 0.1, max: 500, noNaN: true }), u: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        ({ x, T, u }, t) => {
          const c = { x, tx: x === 0 ? 0 : u * T, T };
          const alive = pAlive(PUBLISHED, c);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const e = conditionalExpectedPurchases(PUBLISHED, c, t);
          expect(e).toBeGreaterThanOrEqual(0);
          expect(conditionalExpectedPurchases(PUBLISHED, c, 2 * t)).toBeGreaterThanOrEqual(e);
          const s = 1e-5;
          const small = conditionalExpectedPurchases(PUBLISHED, c, s);
          if (small > 1e-12) expect(probPurchaseWithin(PUBLISHED, c, s) / small).toBeCloseTo(1, 3);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('MBG/NBD recovers known parameters from simulated customers', () => {
  test('8,000 customers, T from 20 to 80 weeks: each parameter within 3.5 standard errors', () => {
    const truth: MbgNbdParams = { r: 0.6, alpha: 5, a: 0.8, b: 2.5 };
    const customers = simulateModel({ model: 'mbgnbd', params: truth }, { customers: 8000, seed: 5, T: (rnd) => 20 + 60 * rnd() });
    const fit = fitMbgNbd(customers);
    expect(fit.converged).toBe(true);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3.5 * fit.standardErrors![k]);
    }
  });
});

describe('MBG/NBD per customer, by the story of the model', () => {
  const params = fc.record({
    r: fc.double({ min: 0.1, max: 5, noNaN: true }),
    alpha: fc.double({ min: 0.5, max: 100, noNaN: true }),
    a: fc.double({ min: 0.3, max: 5, noNaN: true }),
    b: fc.double({ min: 0.3, max: 10, noNaN: true }),
  });
  const customer = fc
    .record({ x: fc.integer({ min: 0, max: 60 }), T: fc.double({ min: 0.5, max: 200, noNaN: true }), u: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ x, T, u }) => ({ x, tx: x === 0 ? 0 : u * T, T }));

  test('no repeat purchase in T: left at the first purchase (a/(a+b)), or stayed and bought nothing ((α/(α+T))^r)', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0, max: 200, noNaN: true }), (p, T) => {
        const { r, alpha, a, b } = p;
        const want = a / (a + b) + (b / (a + b)) * (alpha / (alpha + T)) ** r;
        expect(mbgnbdLogLikelihood(p, { x: 0, tx: 0, T })).toBeCloseTo(Math.log(want), 10);
        // Bayes: P(alive) is the second story's share.
        expect(pAlive(p, { x: 0, tx: 0, T })).toBeCloseTo(((b / (a + b)) * (alpha / (alpha + T)) ** r) / want, 10);
      }),
    );
  });

  test('with x = 0, t_x means nothing (the first purchase is the start): a stray t_x is ignored', () => {
    const c0 = { x: 0, tx: 0, T: 30 };
    const stray = { x: 0, tx: 12, T: 30 };
    expect(mbgnbdLogLikelihood(PUBLISHED, stray)).toBe(mbgnbdLogLikelihood(PUBLISHED, c0));
    expect(pAlive(PUBLISHED, stray)).toBe(pAlive(PUBLISHED, c0));
  });

  test('P(alive) is 1/(1 + a/(b+x)·((α+T)/(α+t_x))^(r+x)), without overflow for heavy buyers', () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const odds = (p.a / (p.b + c.x)) * ((p.alpha + c.T) / (p.alpha + c.tx)) ** (p.r + c.x);
        expect(pAlive(p, c)).toBeCloseTo(1 / (1 + odds), 12);
      }),
    );
    // A buyer of 500 who went quiet long ago: the odds overflow a double, P(alive) is ~0, not NaN.
    const gone = pAlive(PUBLISHED, { x: 500, tx: 10, T: 400 });
    expect(gone).toBeGreaterThanOrEqual(0);
    expect(gone).toBeLessThan(1e-300);
    expect(pAlive(PUBLISHED, { x: 500, tx: 400, T: 400 })).toBeCloseTo(1 / (1 + PUBLISHED.a / (PUBLISHED.b + 500)), 12);
    // Odds of e^720 (beyond a double): P(alive) ≈ e^−720 is tiny but not rounded to 0.
    const T = (PUBLISHED.alpha + 10) * Math.exp((720 - Math.log(PUBLISHED.a / (PUBLISHED.b + 500))) / (PUBLISHED.r + 500)) - PUBLISHED.alpha;
    const faint = pAlive(PUBLISHED, { x: 500, tx: 10, T });
    expect(faint).toBeGreaterThan(0);
    expect(Math.log(faint)).toBeCloseTo(-720, 0);
  });

  test('E[Y(t)] = P(alive) · E over the posterior (λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1)) of (1 − e^(−λpt))/p', () => {
    // Alive at T, each purchase is followed by leaving with probability p: purchases at rate λ,
    // (1 − e^(−λpt))/p expected in t; averaged over λ: (1 − ((α+T)/(α+T+pt))^(r+x))/p.
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.5, max: 100, noNaN: true }), (p, c, t) => {
        const given = betaExpectation(p.a, p.b + c.x + 1, (pp) => -Math.expm1(-(p.r + c.x) * Math.log1p((pp * t) / (p.alpha + c.T))) / pp);
        const want = pAlive(p, c) * given;
        expect(Math.abs(conditionalExpectedPurchases(p, c, t) - want)).toBeLessThan(1e-7 * Math.max(1, want));
      }),
      { numRuns: 60 },
    );
  });

  test('P(a purchase within s) = P(alive)·(1 − ((α+T)/(α+T+s))^(r+x)); 0 for no time at all', () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.01, max: 300, noNaN: true }), (p, c, s) => {
        const want = pAlive(p, c) * (1 - ((p.alpha + c.T) / (p.alpha + c.T + s)) ** (p.r + c.x));
        expect(probPurchaseWithin(p, c, s)).toBeCloseTo(want, 12);
      }),
    );
    expect(probPurchaseWithin(PUBLISHED, customer1, 0)).toBe(0);
    expect(probPurchaseWithin(PUBLISHED, customer1, -1)).toBe(0);
    expect(probPurchaseWithin(PUBLISHED, customer1, NaN)).toBe(0);
  });

  test('the median wait (if alive) is where a purchase has become an even chance; timeToPurchaseProbability inverts probPurchaseWithin', () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (p, c, u) => {
        const median = medianTimeToNextPurchase(p, c);
        expect(probPurchaseWithin(p, c, median) / pAlive(p, c)).toBeCloseTo(0.5, 10);
        const alive = pAlive(p, c);
        const prob = u * alive;
        const s = timeToPurchaseProbability(p, c, prob);
        if (prob > 1e-12) expect(probPurchaseWithin(p, c, s) / prob).toBeCloseTo(1, 8);
        // A chance at or above P(alive) is never reached.
        expect(timeToPurchaseProbability(p, c, alive)).toBe(Infinity);
        expect(timeToPurchaseProbability(p, c, Math.min(1, alive * 1.01))).toBe(Infinity);
      }),
    );
    expect(medianTimeToNextPurchase(PUBLISHED, customer1)).toBeCloseTo((PUBLISHED.alpha + 38.86) * (2 ** (1 / (PUBLISHED.r + 2)) - 1), 12);
  });
});
