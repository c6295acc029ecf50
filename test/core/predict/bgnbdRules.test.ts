/**
 * BG/NBD rules at the edges of its formulas: no time means no purchases, the expectation is never
 * negative where the ₂F₁ formula loses its digits, the long-run limit where its series gives up,
 * and a fit that does not depend on the time unit even when nobody has bought twice.
 */
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  pAlive,
  probPurchaseWithin,
  type BgNbdParams,
} from '../../../src/core/predict/bgnbd';

/** FHL 2005's CDNOW estimates (a < 1). */
const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const SLOW_DROPOUT: BgNbdParams = { r: 0.5, alpha: 5, a: 2, b: 3 };

describe('BG/NBD at the edges of its formulas', () => {
  test('over no time, or a negative one, no purchases are expected: exactly 0', () => {
    for (const p of [CDNOW, SLOW_DROPOUT]) {
      for (const c of [{ x: 0, tx: 0, T: 0 }, { x: 2, tx: 30.43, T: 38.86 }]) {
        for (const t of [0, -1, -50, Number.NaN]) {
          expect(conditionalExpectedPurchases(p, c, t)).toBe(0);
          expect(probPurchaseWithin(p, c, t)).toBe(0);
        }
      }
      expect(expectedPurchases(p, 0)).toBe(0);
    }
  });

  test('over a tiny t, E[Y(t)] = P(alive)·E[λ | alive]·t = P(alive)·(r+x)/(α+T)·t, never negative, with a just off 1', () => {
    // Near a = 1 the ₂F₁ formula is a difference of two nearly equal terms over a − 1: for a tiny t
    // it comes out negative here. The expectation is still the first-order rate.
    const t = 1e-9;
    for (const [a, alphas] of [[0.9999, [0.1, 5, 200]], [1.00011, [5]]] as const) {
      for (const alpha of alphas) {
        for (const c of [{ x: 0, tx: 0, T: 0 }, { x: 0, tx: 0, T: 40 }, { x: 3, tx: 200, T: 400 }]) {
          const p = { r: 0.05, alpha, a, b: 40 };
          const y = conditionalExpectedPurchases(p, c, t);
          const rate = (pAlive(p, c) * (p.r + c.x)) / (p.alpha + c.T);
          expect(y / (rate * t)).toBeCloseTo(1, 6);
        }
      }
    }
  });

  test('in the long run a new customer makes (a+b−1)/(a−1) repeat purchases (E[1/p]: one more after each until dropout)', () => {
    // At t = 10⁵ the ₂F₁ series (z = t/(α+t) within 1e-6 of 1) gives up; the quadrature answers.
    for (const p of [
      { r: 10, alpha: 0.1, a: 1.5, b: 1 },
      { r: 10, alpha: 0.1, a: 8, b: 40 },
      { r: 2, alpha: 1, a: 3, b: 0.5 },
    ]) {
      const limit = (p.a + p.b - 1) / (p.a - 1);
      expect(expectedPurchases(p, 1e5) / limit).toBeCloseTo(1, 2);
      expect(expectedPurchases(p, 1e5)).toBeLessThan(limit);
    }
  });

  test('nobody has bought twice: the (untrustworthy) fit still does not depend on the time unit', () => {
    const weeks = Array.from({ length: 200 }, (_, i) => ({ x: 0, tx: 0, T: 10 + (i % 30) }));
    const w = fitBgNbd(weeks);
    expect(w.converged).toBe(false);
    for (const perWeek of [168, 1 / 52]) {
      const f = fitBgNbd(weeks.map((c) => ({ ...c, T: c.T * perWeek })));
      expect(f.converged).toBe(false);
      expect(f.params.r / w.params.r).toBeCloseTo(1, 6);
      expect(f.params.alpha / perWeek / w.params.alpha).toBeCloseTo(1, 6);
      expect(f.params.a / w.params.a).toBeCloseTo(1, 6);
      expect(f.params.b / w.params.b).toBeCloseTo(1, 6);
      // No repeat purchase: ln L = Σ r ln(α/(α+T)) is unitless.
      expect(f.logLikelihood).toBeCloseTo(w.logLikelihood, 6);
    }
  });
});
