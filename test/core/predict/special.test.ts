import fc from 'fast-check';
import { betaExpectation, digamma, hyp2f1, lbeta, lgamma, logAddExp, logHyp2f1 } from '../../../src/core/predict/special';

const EULER = 0.5772156649015329;

describe('ln Γ and ψ', () => {
  test('known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(2)).toBeCloseTo(0, 14);
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lgamma(171)).toBeCloseTo(706.5730622457874, 9); // ln 170!
    // Tiny arguments (r → 0): ln Γ(x) = −ln x − γx + O(x²).
    expect(lgamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - EULER * 1e-8, 10);
    expect(digamma(1)).toBeCloseTo(-EULER, 13);
    expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.LN2, 13);
    expect(digamma(100)).toBeCloseTo(4.600161852738087, 12);
    expect(lbeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });

  test('ψ is the derivative of ln Γ; Γ(x+1) = xΓ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        const h = 1e-4 * x;
        const numeric = (lgamma(x + h) - lgamma(x - h)) / (2 * h);
        expect(Math.abs(digamma(x) - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        expect(lgamma(x + 1) - lgamma(x) - Math.log(x)).toBeCloseTo(0, 9);
      }),
    );
  });

  test('logAddExp does not overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(-800, -801)).toBeCloseTo(-800 + Math.log1p(Math.exp(-1)), 12);
  });
});

describe('Gauss hypergeometric ₂F₁ on [0, 1)', () => {
  test('closed forms', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z
      if (z > 0) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 11);
      // ₂F₁(a, b; b; z) = (1 − z)^−a
      expect(hyp2f1(0.7, 2.5, 2.5, z) / Math.pow(1 - z, -0.7)).toBeCloseTo(1, 12);
      // ₂F₁(½, ½; 3/2; z²) = arcsin(z)/z
      if (z > 0) expect(hyp2f1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(Math.asin(z) / z, 11);
    }
  });

  test('large parameters stay finite in log form (a customer with many purchases)', () => {
    // ₂F₁(a, b; b; z) = (1 − z)^−a even where the value itself overflows a double.
    expect(logHyp2f1(2000, 700, 700, 0.9) / (-2000 * Math.log(0.1))).toBeCloseTo(1, 10);
    expect(Number.isNaN(logHyp2f1(1, 1, -0.5, 0.5))).toBe(true); // outside the series' domain
  });
});

describe('E over a Beta distribution by tanh-sinh', () => {
  test('moments, including a < 1 and b < 1 (endpoint singularities)', () => {
    for (const [a, b] of [
      [0.793, 2.426],
      [0.3, 0.4],
      [5, 50],
      [0.05, 1.2],
    ] as const) {
      expect(betaExpectation(a, b, () => 1)).toBeCloseTo(1, 10);
      expect(betaExpectation(a, b, (p) => p)).toBeCloseTo(a / (a + b), 10);
      expect(betaExpectation(a, b, (p) => p * p)).toBeCloseTo((a * (a + 1)) / ((a + b) * (a + b + 1)), 10);
      expect(betaExpectation(a, b, (_p, q) => q)).toBeCloseTo(b / (a + b), 10);
    }
  });
});
