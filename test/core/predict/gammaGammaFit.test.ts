/**
 * Gamma-Gamma's fit and expected spend, by rules of their own (gammaGamma.test.ts has the published
 * CDNOW figures and recovery from simulated customers): the fit is the likelihood's maximum, a fit
 * with nothing to fit says so, an infinite population mean is reported, and a customer without
 * repeat purchases gets the population mean whatever their (missing) mean spend.
 */
import { expectedSpend, fitGammaGamma, gammaGammaLogLikelihood, populationMeanSpend, type GammaGammaParams } from '../../../src/core/predict/gammaGamma';
import { simulate } from '../../support/btyd';
import { cdnowSummary } from '../../support/cdnow';

describe('Gamma-Gamma fit', () => {
  test('on CDNOW the fit is the maximum of the summed per-customer log-likelihood: moving any parameter by ±0.5 % lowers it', () => {
    const summary = cdnowSummary();
    const fit = fitGammaGamma(summary);
    const total = (p: GammaGammaParams): number => summary.filter((c) => c.x > 0).reduce((s, c) => s + gammaGammaLogLikelihood(p, c), 0);
    const best = total(fit.params);
    expect(best).toBeCloseTo(fit.logLikelihood, 6);
    for (const k of ['p', 'q', 'gamma'] as const) {
      for (const f of [0.995, 1.005]) expect(total({ ...fit.params, [k]: fit.params[k] * f })).toBeLessThan(best);
    }
    expect(fit.iterations).toBeGreaterThan(0);
    expect(fit.problem).toBeUndefined();
    for (const k of ['p', 'q', 'gamma'] as const) expect(fit.standardErrors![k]).toBeGreaterThan(0);
  });

  test('no usable customers: every number is missing, and the problem is that nothing was fitted', () => {
    const fit = fitGammaGamma([{ x: 0, zbar: 0 }]);
    expect(fit).toMatchObject({ converged: false, customers: 0, problem: 'iterations', standardErrors: undefined, agreeingStarts: 0, iterations: 0, starts: 3 });
    expect(fit.logLikelihood).toBeNaN();
    expect(fit.params.p).toBeNaN();
    expect(fit.params.q).toBeNaN();
    expect(fit.params.gamma).toBeNaN();
  });

  test('spend so heavy-tailed that q ≤ 1: the population mean is infinite, and the fit says so', () => {
    const data = simulate({ r: 1, alpha: 5, a: 0.5, b: 5 }, { customers: 5000, T: 52, seed: 7, spend: { p: 3, q: 0.6, gamma: 10 } });
    const fit = fitGammaGamma(data);
    expect(fit.params.q).toBeLessThanOrEqual(1);
    expect(fit).toMatchObject({ problem: 'infiniteMean', converged: false });
  });
});

describe('who the fit uses', () => {
  test('only customers with repeat purchases and a positive, finite mean spend; two of them already have a correlation', () => {
    const fit = fitGammaGamma([
      { x: 1, zbar: 10 },
      { x: 2, zbar: 30 },
      { x: 0, zbar: 25 }, // no repeat purchase: its z̄ is not a repeat spend
      { x: 4, zbar: 0 },
      { x: 5, zbar: -3 },
      { x: 6, zbar: NaN },
    ]);
    expect(fit.customers).toBe(2);
    expect(fit.spendFrequencyCorrelation).toBeCloseTo(1, 12);
  });
});

describe('expected spend', () => {
  test('without repeat purchases there is no mean spend to read (z̄ may be missing): the population mean', () => {
    const gg = { p: 6.25, q: 3.74, gamma: 15.44 };
    expect(expectedSpend(gg, { x: 0, zbar: NaN })).toBe(populationMeanSpend(gg));
    expect(expectedSpend(gg, { x: 0, zbar: 80 })).toBe(populationMeanSpend(gg));
  });
});
