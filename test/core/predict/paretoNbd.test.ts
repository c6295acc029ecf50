/**
 * Pareto/NBD against the published CDNOW results (shared/data/cdnow/README.md), the ₂F₁ closed
 * form it replaces, the overflow cases other implementations have tripped on, and recovery of
 * known parameters from simulated customers.
 *
 * Published values:
 * - r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0 (Fader, Hardie & Lee 2005,
 *   Marketing Science 24(2), as restated in CLVTools' `test_correctness_pnbd_nocovstaticcov.R`;
 *   CLVTools' own fit: 0.55315 / 10.57633 / 0.60625 / 11.67150, LL −9594.976).
 * - R BTYD's walkthrough (BTYD-walkthrough.pdf, p. 8), at r = 0.5534, α = 10.5802, s = 0.6061,
 *   β = 11.6562: customer 1516 (x = 26, t_x = 30.86, T = 31) has P(alive) = 0.9979 and
 *   E[Y(52)] = 25.46; BTYD's manual (`pnbd.Expectation`) lists E[X(t)] for t = 0…9 — all three as
 *   checked in lifetimes' `tests/test_estimation.py` (TestParetoNBDFitter).
 */
import fc from 'fast-check';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitParetoNbd,
  medianTimeToNextPurchase,
  pAlive,
  paretoNbdLogLikelihood,
  paretoNbdTotalLogLikelihood,
  probPurchaseWithin,
  timeToPurchaseProbability,
  type ParetoNbdFit,
  type ParetoNbdParams,
} from '../../../src/core/predict/paretoNbd';
import { summarize } from '../../../src/core/predict/rfm';
import { lgamma, logHyp2f1, logPowerIntegral, logPowerIntegralByQuadrature } from '../../../src/core/predict/special';
import { simulateModel } from '../../support/btyd';
import { CALIBRATION_END, cdnowSampleTransactions, cdnowSummary } from '../../support/cdnow';

const PUBLISHED: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const PUBLISHED_LL = -9595.0;
const CLVTOOLS_LL = -9594.976;
const BTYD: ParetoNbdParams = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };

const sig = (v: number, digits: number): number => Number(v.toPrecision(digits));
const summary = cdnowSummary();
const c1516 = { x: 26, tx: 30.86, T: 31 };

describe('Pareto/NBD on CDNOW (FHL 2005; CLVTools; R BTYD)', () => {
  // Fitted by the tests that use it (not once for the block): each is seen to exercise the fit,
  // and a run of other tests does not pay for it.
  const fitCdnow = (): ParetoNbdFit => fitParetoNbd(summary);

  test('the fit on the published summary reproduces r, α, s, β and LL to 3 significant digits', () => {
    const fit = fitCdnow();
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(2357);
    expect(sig(fit.params.r, 3)).toBe(PUBLISHED.r);
    expect(sig(fit.params.alpha, 3)).toBe(sig(PUBLISHED.alpha, 3));
    expect(sig(fit.params.s, 3)).toBe(PUBLISHED.s);
    expect(sig(fit.params.beta, 3)).toBe(sig(PUBLISHED.beta, 3));
    expect(sig(fit.logLikelihood, 4)).toBe(PUBLISHED_LL);
    // CLVTools' unrounded optimum, to its own precision; ours is at least as high a maximum.
    expect(Math.abs(fit.params.r - 0.55315)).toBeLessThan(5e-4);
    expect(Math.abs(fit.params.alpha - 10.57633)).toBeLessThan(5e-3);
    expect(Math.abs(fit.params.s - 0.60625)).toBeLessThan(5e-4);
    expect(Math.abs(fit.params.beta - 11.6715)).toBeLessThan(1e-2);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(CLVTOOLS_LL - 1e-3);
    expect(fit.logLikelihood).toBeLessThan(CLVTOOLS_LL + 0.01);
    expect(fit.agreeingStarts).toBe(fit.starts);
    expect(fit.standardErrors).toBeDefined();
  });

  test('the fit from the raw sample (unrounded weeks) reaches the same optimum', () => {
    const raw = fitParetoNbd(summarize(cdnowSampleTransactions(), { asOf: CALIBRATION_END, unit: 7 }));
    expect(raw.converged).toBe(true);
    expect(sig(raw.params.r, 3)).toBe(PUBLISHED.r);
    expect(sig(raw.params.s, 3)).toBe(PUBLISHED.s);
    expect(raw.logLikelihood).toBeCloseTo(CLVTOOLS_LL, 1);
  });

  test('the log-likelihood at the published parameters is the published LL', () => {
    expect(paretoNbdTotalLogLikelihood(PUBLISHED, summary)).toBeCloseTo(PUBLISHED_LL, 0);
    const sum = summary.reduce((s, c) => s + paretoNbdLogLikelihood(PUBLISHED, c), 0);
    expect(sum).toBeCloseTo(paretoNbdTotalLogLikelihood(PUBLISHED, summary), 6);
  });

  test('customer 1516: P(alive) = 0.9979 and E[Y(52)] = 25.46 (BTYD walkthrough)', () => {
    expect(Math.abs(pAlive(BTYD, c1516) - 0.9979)).toBeLessThan(1e-4);
    expect(Math.abs(conditionalExpectedPurchases(BTYD, c1516, 52) - 25.46)).toBeLessThan(0.01);
    expect(Math.abs(conditionalExpectedPurchases(fitCdnow().params, c1516, 52) - 25.46)).toBeLessThan(0.01);
  });

  test('E[X(t)], t = 0…9, as R BTYD’s pnbd.Expectation (lifetimes’ tolerance 0.01)', () => {
    const btyd = [0, 0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211];
    const fit = fitCdnow();
    btyd.forEach((v, t) => expect(Math.abs(expectedPurchases(fit.params, t) - v)).toBeLessThan(0.01));
  });
});

/** P(alive) by the closed form of Fader & Hardie's note 009 (eq. 18 with the ₂F₁ pair), where it
 *  does not cancel: an independent route to the same number. */
function pAliveClosedForm(p: ParetoNbdParams, c: { x: number; tx: number; T: number }): number {
  const { r, alpha, s, beta } = p;
  const n = r + s + c.x;
  const lnF = (t: number): number =>
    alpha >= beta
      ? logHyp2f1(n, s + 1, n + 1, (alpha - beta) / (alpha + t)) - n * Math.log(alpha + t)
      : logHyp2f1(n, r + c.x, n + 1, (beta - alpha) / (beta + t)) - n * Math.log(beta + t);
  const A0 = Math.exp(lnF(c.tx)) - Math.exp(lnF(c.T));
  return 1 / (1 + (s / n) * Math.pow(alpha + c.T, r + c.x) * Math.pow(beta + c.T, s) * A0);
}

describe('Pareto/NBD numerical behaviour', () => {
  test('P(alive) agrees with note 009’s ₂F₁ closed form where that form is well conditioned', () => {
    for (const p of [BTYD, { r: 2, alpha: 30, s: 1.5, beta: 5 }, { r: 0.3, alpha: 2, s: 0.8, beta: 40 }]) {
      for (const c of [c1516, { x: 2, tx: 30.43, T: 38.86 }, { x: 0, tx: 0, T: 20 }, { x: 5, tx: 4, T: 39 }]) {
        expect(pAlive(p, c)).toBeCloseTo(pAliveClosedForm(p, c), 9);
      }
    }
  });

  test('t_x = T − 10⁻⁹ (where the closed form cancels to nothing): P(alive) → 1, smoothly', () => {
    const near = pAlive(BTYD, { x: 3, tx: 31 - 1e-9, T: 31 });
    expect(near).toBeLessThanOrEqual(1);
    expect(1 - near).toBeLessThan(1e-8);
    expect(pAlive(BTYD, { x: 3, tx: 31, T: 31 })).toBe(1);
  });

  test('the integral’s series and its quadrature agree, from close bases to one 10⁴ times the other', () => {
    const cases: Array<[number, number, number, number, number, number]> = [
      [10.58, 26.55, 11.67, 1.6, 30.86, 31],
      [10.58, 0.55, 11.67, 1.6, 0, 39],
      [5, 3, 200, 0.7, 1, 100],
      [2, 0.3, 50, 1.4, 0, Infinity],
      [1, 0.2, 3000, 0.9, 0, 1000],
      [0.05, 289.05, 173, 1.05, 0, 0.1], // the series gives up here and the quadrature answers
    ];
    for (const [p, a, q, b, lo, hi] of cases) {
      const series = logPowerIntegral(p, a, q, b, lo, hi);
      const swap = q > p;
      const quadrature = logPowerIntegralByQuadrature(Math.max(p, q), swap ? b : a, Math.min(p, q), swap ? a : b, lo, hi);
      expect(Number.isFinite(series)).toBe(true);
      expect(Math.abs(series - quadrature)).toBeLessThan(1e-12 * Math.max(1, Math.abs(series)));
    }
  });

  test('the quadrature’s derivatives (used where the series would be slow) are the series’ and the finite differences’', () => {
    const cases: Array<[number, number, number, number, number, number]> = [
      [10.58, 26.55, 11.67, 1.6, 30.86, 31],
      [10.58, 0.55, 11.67, 1.6, 0, 39],
      [5, 3, 200, 0.7, 1, 100],
      [2, 0.3, 50, 1.4, 0, Infinity],
      [40, 31.2, 20_000, 1.9, 0, 700], // z ≈ 0.998: the series would take thousands of terms
    ];
    for (const [p, a, q, b, lo, hi] of cases) {
      const swap = q > p;
      const byQuadrature = (pp: number, aa: number, qq: number, bb: number, g?: number[]): number =>
        swap ? logPowerIntegralByQuadrature(qq, bb, pp, aa, lo, hi, g) : logPowerIntegralByQuadrature(pp, aa, qq, bb, lo, hi, g);
      const g = [0, 0, 0, 0];
      byQuadrature(p, a, q, b, g);
      const mapped = swap ? [g[2]!, g[3]!, g[0]!, g[1]!] : g; // to ∂/∂(p, a, q, b)
      const series = [0, 0, 0, 0];
      logPowerIntegral(p, a, q, b, lo, hi, series);
      const args = [p, a, q, b];
      mapped.forEach((v, i) => {
        const h = 1e-6 * args[i]!;
        const up = [...args];
        const down = [...args];
        up[i]! += h;
        down[i]! -= h;
        const numeric = (byQuadrature(up[0]!, up[1]!, up[2]!, up[3]!) - byQuadrature(down[0]!, down[1]!, down[2]!, down[3]!)) / (2 * h);
        expect(Math.abs(v - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        expect(Math.abs(v - series[i]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(v)));
      });
    }
  });

  test('overflow cases from lifetimes’ tests: hundreds of purchases give finite likelihoods and P(alive) in [0, 1]', () => {
    const p: ParetoNbdParams = { r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 };
    const cases = [
      { x: 400, tx: 5, T: 6 },
      { x: 500, tx: 1, T: 37 },
      { x: 500, tx: 4, T: 37 },
      { x: 40, tx: 5, T: 6 },
      { x: 50, tx: 1, T: 37 },
    ];
    for (const c of cases) {
      expect(Number.isFinite(paretoNbdLogLikelihood(p, c))).toBe(true);
      const alive = pAlive(p, c);
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
    }
  });

  test('underflow case from lifetimes’ tests: E[Y(10)] at x = 132 and 133 (t_x = T = 200) differ little', () => {
    const p: ParetoNbdParams = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
    const left = conditionalExpectedPurchases(p, { x: 132, tx: 200, T: 200 }, 10);
    const right = conditionalExpectedPurchases(p, { x: 133, tx: 200, T: 200 }, 10);
    expect(left).toBeGreaterThan(6);
    expect(Math.abs(left - right)).toBeLessThan(0.05);
  });

  test('P(alive) ∈ [0, 1] and below 1 for a one-time buyer; E[Y(t)] ≥ 0 and grows with t', () => {
    const params = fc.record({
      r: fc.double({ min: 0.05, max: 20, noNaN: true }),
      alpha: fc.double({ min: 0.05, max: 500, noNaN: true }),
      s: fc.double({ min: 0.05, max: 20, noNaN: true }),
      beta: fc.double({ min: 0.05, max: 500, noNaN: true }),
    });
    const customer = fc
      .record({ x: fc.integer({ min: 0, max: 300 }), T: fc.double({ min: 0.1, max: 1000, noNaN: true }), u: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ x, T, u }) => ({ x, tx: x === 0 ? 0 : u * T, T }));
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.1, max: 500, noNaN: true }), (p, c, t) => {
        const alive = pAlive(p, c);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (c.x === 0) expect(alive).toBeLessThan(1);
        const e1 = conditionalExpectedPurchases(p, c, t);
        const e2 = conditionalExpectedPurchases(p, c, 2 * t);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1);
      }),
      { numRuns: 300 },
    );
  });

  test('P(purchase within s) ≈ E[Y(s)] for short s, and the 50 % time solves P = 0.5', () => {
    const c = { x: 4, tx: 20, T: 30 };
    const s = 1e-4;
    expect(probPurchaseWithin(BTYD, c, s) / conditionalExpectedPurchases(BTYD, c, s)).toBeCloseTo(1, 3);
    const t = timeToPurchaseProbability(BTYD, c1516, 0.5);
    expect(probPurchaseWithin(BTYD, c1516, t)).toBeCloseTo(0.5, 6);
    expect(medianTimeToNextPurchase(BTYD, c1516)).toBeLessThanOrEqual(t);
    // A customer long silent may have left: a 50 % chance of buying again never comes.
    expect(timeToPurchaseProbability(BTYD, { x: 1, tx: 1, T: 60 }, 0.5)).toBe(Infinity);
  });
});

describe('Pareto/NBD against its closed forms and limits', () => {
  const params = fc.record({
    r: fc.double({ min: 0.05, max: 10, noNaN: true }),
    alpha: fc.double({ min: 0.1, max: 100, noNaN: true }),
    s: fc.double({ min: 0.05, max: 10, noNaN: true }),
    beta: fc.double({ min: 0.1, max: 100, noNaN: true }),
  });
  const customer = fc
    .record({ x: fc.integer({ min: 0, max: 30 }), f: fc.double({ min: 0, max: 1, noNaN: true }), T: fc.double({ min: 0.5, max: 100, noNaN: true }) })
    .map(({ x, f, T }) => ({ x, tx: x === 0 ? 0 : f * T, T }));

  test('α = β: the likelihood is note 009’s elementary form Γ(r+x)α^(r+s)/Γ(r) · [(α+T)^−n + s/n ((α+t_x)^−n − (α+T)^−n)], n = r+s+x', () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const q = { ...p, beta: p.alpha };
        const n = q.r + q.s + c.x;
        const head = lgamma(q.r + c.x) - lgamma(q.r) + (q.r + q.s) * Math.log(q.alpha);
        const atT = Math.exp(-n * Math.log(q.alpha + c.T));
        const atTx = Math.exp(-n * Math.log(q.alpha + c.tx));
        fc.pre(atT > 1e-250);
        const want = head + Math.log(atT + (q.s / n) * (atTx - atT));
        expect(paretoNbdLogLikelihood(q, c)).toBeCloseTo(want, 7);
        // …and P(alive) the first term's share.
        expect(pAlive(q, c)).toBeCloseTo(atT / (atT + (q.s / n) * (atTx - atT)), 9);
      }),
      { numRuns: 300 },
    );
  });

  test('a one-time buyer’s L is the chance of no purchase in (0, T]: at α = β, k + s/(r+s)(1 − k), k = (α/(α+T))^(r+s)', () => {
    const p = { r: 0.7, alpha: 8, s: 1.3, beta: 8 };
    const T = 25;
    const k = Math.pow(p.alpha / (p.alpha + T), p.r + p.s);
    expect(Math.exp(paretoNbdLogLikelihood(p, { x: 0, tx: 0, T }))).toBeCloseTo(k + (p.s / (p.r + p.s)) * (1 - k), 12);
  });

  test('without a repeat purchase there is no last repeat purchase: t_x counts as 0 whatever the record says', () => {
    const none = { x: 0, tx: 0, T: 30 };
    const stray = { x: 0, tx: 12, T: 30 };
    expect(paretoNbdLogLikelihood(BTYD, stray)).toBe(paretoNbdLogLikelihood(BTYD, none));
    expect(pAlive(BTYD, stray)).toBe(pAlive(BTYD, none));
  });

  test('the total ln L is the sum of the customers’ (customers sharing x, t_x, T counted each time)', () => {
    fc.assert(
      fc.property(params, fc.array(customer, { minLength: 1, maxLength: 10 }), (p, cs) => {
        const twice = [...cs, ...cs.slice(0, 3)];
        const sum = twice.reduce((acc, c) => acc + paretoNbdLogLikelihood(p, c), 0);
        expect(paretoNbdTotalLogLikelihood(p, twice)).toBeCloseTo(sum, 6);
      }),
      { numRuns: 150 },
    );
  });

  test('nothing is expected in no time: E[Y(0)], E[X(0)] and P(purchase within 0) are 0, as for a negative span', () => {
    for (const t of [0, -1]) {
      expect(conditionalExpectedPurchases(BTYD, c1516, t)).toBe(0);
      expect(expectedPurchases(BTYD, t)).toBe(0);
      expect(probPurchaseWithin(BTYD, c1516, t)).toBe(0);
    }
    // A chance of 0 (or less) is already reached: at once.
    expect(timeToPurchaseProbability(BTYD, c1516, 0)).toBe(0);
    expect(timeToPurchaseProbability(BTYD, c1516, -0.1)).toBe(0);
  });

  test('at first, purchases come at the mean rate: E[X(t)]/t → r/α; E[Y(t)]/t → P(alive)·(r+x)/(α+T), as t → 0', () => {
    const t = 1e-6;
    expect(expectedPurchases(BTYD, t) / t).toBeCloseTo(BTYD.r / BTYD.alpha, 5);
    for (const c of [c1516, { x: 0, tx: 0, T: 20 }, { x: 2, tx: 30.43, T: 38.86 }]) {
      const rate = (pAlive(BTYD, c) * (BTYD.r + c.x)) / (BTYD.alpha + c.T);
      expect(conditionalExpectedPurchases(BTYD, c, t) / t / rate).toBeCloseTo(1, 5);
    }
  });

  test('a customer just acquired (x = t_x = T = 0) is alive, and E[Y(t)] is then E[X(t)]', () => {
    const fresh = { x: 0, tx: 0, T: 0 };
    expect(pAlive(BTYD, fresh)).toBe(1);
    for (const t of [0.5, 10, 52]) expect(conditionalExpectedPurchases(BTYD, fresh, t)).toBeCloseTo(expectedPurchases(BTYD, t), 12);
  });

  test('E[X(t)] = rβ/(α(s−1)) [1 − (β/(β+t))^(s−1)], and at s = 1 its limit rβ/α ln(1 + t/β), continuous across it', () => {
    for (const s of [0.4, 2.5]) {
      const p = { ...BTYD, s };
      const want = ((p.r * p.beta) / (p.alpha * (s - 1))) * (1 - Math.pow(p.beta / (p.beta + 20), s - 1));
      expect(expectedPurchases(p, 20)).toBeCloseTo(want, 12);
    }
    const one = expectedPurchases({ ...BTYD, s: 1 }, 20);
    expect(one).toBeCloseTo(((BTYD.r * BTYD.beta) / BTYD.alpha) * Math.log1p(20 / BTYD.beta), 12);
    expect(expectedPurchases({ ...BTYD, s: 1 + 1e-9 }, 20)).toBeCloseTo(one, 7);
    expect(expectedPurchases({ ...BTYD, s: 1 - 1e-9 }, 20)).toBeCloseTo(one, 7);
    const c = { x: 3, tx: 20, T: 30 };
    const cond = conditionalExpectedPurchases({ ...BTYD, s: 1 }, c, 20);
    expect(conditionalExpectedPurchases({ ...BTYD, s: 1 + 1e-9 }, c, 20)).toBeCloseTo(cond, 7);
  });

  test('the time to a given chance of purchase inverts P(purchase within s); never when that chance is not reached', () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (p, c, prob) => {
        const s = timeToPurchaseProbability(p, c, prob);
        const ceiling = probPurchaseWithin(p, c, Infinity);
        if (s === Infinity) expect(ceiling).toBeLessThanOrEqual(prob * (1 + 1e-9));
        else {
          expect(probPurchaseWithin(p, c, s)).toBeCloseTo(prob, 6);
          expect(ceiling).toBeGreaterThan(prob);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the time inverts P(purchase within s) to 13 digits (Newton from below: quadratic convergence), also hundreds of times β + T away', () => {
    const cases: Array<[ParetoNbdParams, { x: number; tx: number; T: number }, number]> = [
      [{ r: 0.3, alpha: 30, s: 0.5, beta: 1 }, { x: 0, tx: 0, T: 0.5 }, 0.1], // about 310: 200 times β + T
      [{ r: 2, alpha: 1, s: 0.5, beta: 0.1 }, { x: 3, tx: 0.1, T: 0.5 }, 0.01], // about 0.01: a short wait
      [BTYD, c1516, 0.5],
      [{ r: 0.05, alpha: 1, s: 3, beta: 30 }, { x: 5, tx: 20, T: 30 }, 0.1],
    ];
    for (const [p, c, prob] of cases) {
      const t = timeToPurchaseProbability(p, c, prob);
      expect(Number.isFinite(t)).toBe(true);
      expect(Math.abs(probPurchaseWithin(p, c, t) / prob - 1)).toBeLessThan(1e-13);
    }
  });

  test('the median wait if alive: P(purchase within it) is P(alive)/2; Infinity when an active customer more likely leaves first', () => {
    const c = { x: 4, tx: 20, T: 30 };
    const m = medianTimeToNextPurchase(BTYD, c);
    expect(probPurchaseWithin(BTYD, c, m)).toBeCloseTo(pAlive(BTYD, c) / 2, 8);
    // Leaving (rate μ ~ Gamma(6, 2)) is far more likely than buying (λ ~ Gamma(0.5, 10)).
    const leaver = { r: 0.5, alpha: 10, s: 6, beta: 2 };
    expect(probPurchaseWithin(leaver, c, Infinity) / pAlive(leaver, c)).toBeLessThan(0.5);
    expect(medianTimeToNextPurchase(leaver, c)).toBe(Infinity);
  });
});

describe('Pareto/NBD fitting: where the likelihood is highest', () => {
  test('the fitted LL is the total ln L at the fitted parameters, and moving any parameter lowers it', () => {
    const fit = fitParetoNbd(summary);
    const at = (p: ParetoNbdParams) => paretoNbdTotalLogLikelihood(p, summary);
    expect(fit.logLikelihood).toBeCloseTo(at(fit.params), 6);
    expect(fit.repeatBuyers).toBe(946);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) {
      for (const f of [0.99, 1.01]) expect(at({ ...fit.params, [k]: fit.params[k] * f })).toBeLessThan(fit.logLikelihood);
    }
  });

  test('the same fit in days as in weeks: α and β 7 times larger, r and s unchanged, ln L lower by ln 7 per repeat purchase', () => {
    const days = summary.map((c) => ({ x: c.x, tx: 7 * c.tx, T: 7 * c.T }));
    const w = fitParetoNbd(summary);
    const d = fitParetoNbd(days);
    expect(d.params.r).toBeCloseTo(w.params.r, 4);
    expect(d.params.alpha / 7).toBeCloseTo(w.params.alpha, 3);
    expect(d.params.s).toBeCloseTo(w.params.s, 4);
    expect(d.params.beta / 7).toBeCloseTo(w.params.beta, 2);
    const repeats = summary.reduce((n, c) => n + c.x, 0);
    expect(d.logLikelihood).toBeCloseTo(w.logLikelihood - repeats * Math.log(7), 4);
  });

  test('the search runs in units of the mean T: in hours or in years the same fit to 9 digits, in seconds to 5, every start agreeing', () => {
    const w = fitParetoNbd(summary);
    const repeats = summary.reduce((n, c) => n + c.x, 0);
    const inUnit = (u: number) => fitParetoNbd(summary.map((c) => ({ x: c.x, tx: u * c.tx, T: u * c.T })));
    for (const [u, digits] of [[168, 1e-9], [1 / 52, 1e-9], [604_800, 1e-5]] as const) {
      const f = inUnit(u);
      expect(f.converged).toBe(true);
      expect(f.agreeingStarts).toBe(f.starts);
      for (const [k, m] of [['r', 1], ['alpha', u], ['s', 1], ['beta', u]] as const) expect(Math.abs(f.params[k] / m / w.params[k] - 1)).toBeLessThan(digits);
      expect(f.logLikelihood).toBeCloseTo(w.logLikelihood - repeats * Math.log(u), 4);
    }
  });

  test('no customer has bought twice: no trustworthy fit', () => {
    const once = Array.from({ length: 200 }, (_, i) => ({ x: 0, tx: 0, T: 10 + (i % 30) }));
    const fit = fitParetoNbd(once);
    expect(fit.repeatBuyers).toBe(0);
    expect(fit.converged).toBe(false);
    // …and why: nothing tells the purchase rate's spread, the likelihood is flat along it — the
    // same from every start.
    expect(fit.problem).toBe('flat');
    expect(fit.agreeingStarts).toBe(fit.starts);
    // No customers at all: no fit either, and numbers rather than NaN.
    const none = fitParetoNbd([]);
    expect(none.converged).toBe(false);
    expect(Object.values(none.params).every(Number.isFinite)).toBe(true);
  });
});

describe('Pareto/NBD recovers known parameters from simulated customers', () => {
  test('3,000 customers, T from 20 to 80 weeks: each parameter within 3.5 standard errors', () => {
    const truth: ParetoNbdParams = { r: 0.8, alpha: 6, s: 0.7, beta: 15 };
    const customers = simulateModel({ model: 'paretoNbd', params: truth }, { customers: 3000, seed: 11, T: (rnd) => 20 + 60 * rnd() });
    const fit = fitParetoNbd(customers);
    expect(fit.converged).toBe(true);
    for (const k of ['r', 'alpha', 's', 'beta'] as const) {
      expect(Math.abs(fit.params[k] - truth[k])).toBeLessThan(3.5 * fit.standardErrors![k]);
    }
  });
});
