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

  test('its standard errors are those of the observed information: √diag of the inverse of −∂²LL at the fit', () => {
    const summary = cdnowSummary().filter((c) => c.x > 0);
    const fit = fitGammaGamma(summary);
    const keys = ['p', 'q', 'gamma'] as const;
    const total = (v: readonly number[]): number =>
      summary.reduce((s, c) => s + gammaGammaLogLikelihood({ p: v[0]!, q: v[1]!, gamma: v[2]! }, c), 0);
    const at = keys.map((k) => fit.params[k]);
    // −∂²LL/∂θᵢ∂θⱼ by central differences, then its inverse (3 × 3, by cofactors).
    const H = at.map((_, i) =>
      at.map((__, j) => {
        const hi = 1e-4 * at[i]!;
        const hj = 1e-4 * at[j]!;
        const f = (di: number, dj: number): number => total(at.map((v, k) => v + (k === i ? di : 0) + (k === j ? dj : 0)));
        return -(f(hi, hj) - f(hi, -hj) - f(-hi, hj) + f(-hi, -hj)) / (4 * hi * hj);
      }),
    );
    const [a, b, c] = H as [number[], number[], number[]];
    const det = a[0]! * (b[1]! * c[2]! - b[2]! * c[1]!) - a[1]! * (b[0]! * c[2]! - b[2]! * c[0]!) + a[2]! * (b[0]! * c[1]! - b[1]! * c[0]!);
    const diag = [(b[1]! * c[2]! - b[2]! * c[1]!) / det, (a[0]! * c[2]! - a[2]! * c[0]!) / det, (a[0]! * b[1]! - a[1]! * b[0]!) / det];
    keys.forEach((k, i) => expect(fit.standardErrors![k] / Math.sqrt(diag[i]!)).toBeCloseTo(1, 2));
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
