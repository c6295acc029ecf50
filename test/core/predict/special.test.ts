import fc from 'fast-check';
import { betaExpectation, digamma, hyp2f1, lbeta, lgamma, logAddExp, logHyp2f1, logPowerIntegral, logPowerIntegralByQuadrature } from '../../../src/core/predict/special';

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

describe('more identities of ln Γ, ψ, ln B and logAddExp', () => {
  test('published values: Γ(¼), Γ(⅓), ψ(¼), ψ(2), ψ(10)', () => {
    expect(lgamma(0.25)).toBeCloseTo(Math.log(3.6256099082219083), 14); // A&S 6.1.10
    expect(lgamma(1 / 3)).toBeCloseTo(Math.log(2.678938534707747), 14);
    expect(lgamma(3.5)).toBeCloseTo(Math.log((15 / 8) * Math.sqrt(Math.PI)), 14);
    expect(digamma(0.25)).toBeCloseTo(-EULER - Math.PI / 2 - 3 * Math.LN2, 13); // A&S 6.3.7
    expect(digamma(2)).toBeCloseTo(1 - EULER, 13);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 13); // H₉ − γ: the asymptotic series alone
    // ψ(10.5) = ψ(½) + Σₖ₌₀⁹ 1/(k + ½) (A&S 6.3.6)
    expect(digamma(10.5)).toBeCloseTo(-EULER - 2 * Math.LN2 + Array.from({ length: 10 }, (_, k) => 1 / (k + 0.5)).reduce((x, y) => x + y), 13);
  });

  test('Legendre’s duplication Γ(x)Γ(x + ½) = 2^(1−2x)√π Γ(2x), and the reflection Γ(x)Γ(1 − x) = π/sin πx', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 80, noNaN: true }), (x) => {
        const dup = lgamma(x) + lgamma(x + 0.5) - ((1 - 2 * x) * Math.LN2 + 0.5 * Math.log(Math.PI) + lgamma(2 * x));
        expect(Math.abs(dup)).toBeLessThan(1e-12 * Math.max(1, Math.abs(lgamma(2 * x))));
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (x) => {
        expect(lgamma(x) + lgamma(1 - x)).toBeCloseTo(Math.log(Math.PI / Math.sin(Math.PI * x)), 12);
      }),
    );
  });

  test('ψ(x + 1) = ψ(x) + 1/x across the switch to the asymptotic series at 10', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-2, max: 30, noNaN: true }), (x) => {
        expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 12);
      }),
    );
    for (const x of [9, 9.5, 10, 11]) expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 13);
  });

  test('B(a, b) = B(b, a) = B(a + 1, b) + B(a, b + 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 50, noNaN: true }), (a, b) => {
        expect(lbeta(a, b)).toBeCloseTo(lbeta(b, a), 12);
        expect(logAddExp(lbeta(a + 1, b), lbeta(a, b + 1)) - lbeta(a, b)).toBeCloseTo(0, 11);
      }),
    );
  });

  test('logAddExp is ln(eᵃ + eᵇ), in either order, with −∞ for a zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true }), (a, b) => {
        expect(logAddExp(a, b)).toBeCloseTo(Math.log(Math.exp(a) + Math.exp(b)), 12);
        expect(logAddExp(a, b)).toBe(logAddExp(b, a));
      }),
    );
    expect(logAddExp(3, -Infinity)).toBe(3);
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
    expect(logAddExp(-1000, 1000)).toBe(1000);
  });
});

describe('₂F₁: domain, accuracy near z = 1, and where the series gives up', () => {
  test('outside a, b, c > 0 and 0 ≤ z < 1 it is NaN; at z = 0 it is 1', () => {
    for (const [a, b, c, z] of [
      [0, 1, 2, 0.5],
      [1, 0, 2, 0.5],
      [1, 1, 0, 0.5],
      [1, 1, 2, -0.1],
      [1, 1, 2, 1],
      [NaN, 1, 2, 0.5],
    ] as const) {
      expect(logHyp2f1(a, b, c, z)).toBeNaN();
    }
    expect(logHyp2f1(3, 4, 5, 0)).toBe(0);
    expect(hyp2f1(3, 4, 5, 0)).toBe(1);
  });

  test('terms that first rise (ratio above z) are summed to full precision', () => {
    // ₂F₁(a, b; b; z) = (1 − z)^−a, with term ratios (a + k)z/(k + 1) above z for a > 1.
    for (const [a, z] of [
      [50, 0.99],
      [7.5, 0.999],
      [300, 0.5],
      [1.5, 0.9999],
    ] as const) {
      expect(logHyp2f1(a, 2, 2, z) / (-a * Math.log1p(-z))).toBeCloseTo(1, 13);
    }
    // Ratios below z (c > a + b): ₂F₁(1, 1; 2; z) = −ln(1 − z)/z.
    expect(logHyp2f1(1, 1, 2, 0.9999)).toBeCloseTo(Math.log(-Math.log1p(-0.9999) / 0.9999), 11);
  });

  test('z so close to 1 that two million terms do not suffice: NaN, for the caller to take another route', () => {
    expect(logHyp2f1(1, 1, 2, 1 - 1e-9)).toBeNaN();
  });
});

/** ln ∫_lo^hi (p + y)^−a (q + y)^−b dy by Simpson's rule in w = ln(min(p, q) + y), a reference
 *  independent of the series and of the Gauss–Legendre panels. */
function referenceLogIntegral(p: number, a: number, q: number, b: number, lo: number, hi: number): number {
  const o = Math.min(p, q);
  const w0 = Math.log(o + lo);
  // Past w1 the integrand (∝ e^((1 − a − b)w)) is below e^−60 of its start.
  const w1 = hi === Infinity ? w0 + 60 / (a + b - 1) + Math.log(1 + Math.abs(p - q) / (o + lo)) + 1 : Math.log(o + hi);
  const n = 200_000;
  const h = (w1 - w0) / n;
  const lnF = (w: number): number => {
    const y = Math.exp(w) - o;
    return w - a * Math.log(p + y) - b * Math.log(q + y);
  };
  const top = Math.max(lnF(w0), lnF(w1), lnF((w0 + w1) / 2));
  let s = 0;
  for (let i = 0; i <= n; i++) s += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * Math.exp(lnF(w0 + i * h) - top);
  return top + Math.log((s * h) / 3);
}

describe('the power integral ln ∫ (p + y)^−a (q + y)^−b dy', () => {
  /** ∂ ln I / ∂(p, a, q, b) by central differences. */
  const numericGrad = (p: number, a: number, q: number, b: number, lo: number, hi: number): number[] =>
    [p, a, q, b].map((v, i) => {
      const h = 1e-6 * v;
      const up = [p, a, q, b];
      const down = [p, a, q, b];
      up[i] = v + h;
      down[i] = v - h;
      return (logPowerIntegral(up[0]!, up[1]!, up[2]!, up[3]!, lo, hi) - logPowerIntegral(down[0]!, down[1]!, down[2]!, down[3]!, lo, hi)) / (2 * h);
    });

  test('equal bases: ∫ (p + y)^−n dy = ((p + lo)^(1−n) − (p + hi)^(1−n))/(n − 1)', () => {
    for (const [p, a, b, lo, hi] of [
      [3, 1.5, 2, 0, 10],
      [0.5, 0.2, 0.3, 1, 4], // n < 1
      [7, 2, 3, 2, Infinity],
      [1, 40, 60, 0, 5],
    ] as const) {
      const n = a + b;
      const closed = hi === Infinity ? (p + lo) ** (1 - n) / (n - 1) : ((p + lo) ** (1 - n) - (p + hi) ** (1 - n)) / (n - 1);
      expect(logPowerIntegral(p, a, p, b, lo, hi)).toBeCloseTo(Math.log(closed), 12);
      expect(logPowerIntegralByQuadrature(p, a, p, b, lo, hi)).toBeCloseTo(Math.log(closed), 11);
    }
    // n = 1: a logarithm.
    expect(logPowerIntegral(2, 0.4, 2, 0.6, 1, 7)).toBeCloseTo(Math.log(Math.log(9 / 3)), 13);
  });

  test('equal bases and a + b = 1: I = ln((p + hi)/(p + lo)), the series’ one term, to the last bit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
        (k, p, lo, width) => {
          const a = k / 8; // a and 1 − a sum to exactly 1
          const hi = lo + width;
          expect(logPowerIntegral(p, a, p, 1 - a, lo, hi)).toBe(Math.log(Math.log1p((hi - lo) / (p + lo))));
        },
      ),
    );
  });

  test('exponents 1 and 1: ∫ dy/((p + y)(q + y)) = ln((q + y)/(p + y))/(p − q), either base the larger', () => {
    const F = (p: number, q: number, y: number): number => Math.log((q + y) / (p + y)) / (p - q);
    for (const [p, q, lo, hi] of [
      [5, 2, 0, 10],
      [2, 5, 0, 10],
      [1.5, 30, 3, 50],
      [9, 1, 0.5, Infinity],
    ] as const) {
      const closed = hi === Infinity ? -F(p, q, lo) : F(p, q, hi) - F(p, q, lo);
      expect(logPowerIntegral(p, 1, q, 1, lo, hi)).toBeCloseTo(Math.log(closed), 12);
    }
  });

  test('an empty range (hi ≤ lo) is ln 0; an open range needs a + b > 1', () => {
    const g = [9, 9, 9, 9];
    expect(logPowerIntegral(2, 1, 3, 1, 5, 5, g)).toBe(-Infinity);
    expect(g).toEqual([0, 0, 0, 0]);
    expect(logPowerIntegral(2, 1, 3, 1, 6, 5)).toBe(-Infinity);
    expect(logPowerIntegral(2, 0.4, 3, 0.6, 0, Infinity)).toBeNaN();
    expect(logPowerIntegral(2, 0.4, 3, 0.5, 0, Infinity)).toBeNaN();
    expect(logPowerIntegralByQuadrature(3, 1, 2, 1, 5, 5)).toBe(-Infinity);
  });

  test('a range that ends where it starts, or before, holds nothing: ln 0, by the series and by the quadrature', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e5, noNaN: true }), (lo, back) => {
        const hi = lo - back; // even below −o, where ln(1 + (hi − lo)/(o + lo)) is NaN
        expect(logPowerIntegral(2, 1.5, 3, 0.7, lo, hi)).toBe(-Infinity);
        expect(logPowerIntegralByQuadrature(3, 0.7, 2, 1.5, lo, hi)).toBe(-Infinity);
      }),
    );
  });

  const cases: Array<[number, number, number, number, number, number]> = [
    [10.58, 26.55, 11.67, 1.6, 30.86, 31], // a P/NBD customer: t_x close to T
    [11.67, 1.6, 10.58, 26.55, 30.86, 31], // the same, bases swapped
    [10.58, 0.55, 11.67, 1.6, 0, 39],
    [5, 3, 200, 0.7, 1, 100],
    [200, 0.7, 5, 3, 1, 100],
    [2, 0.3, 50, 1.4, 0, Infinity],
    [50, 1.4, 2, 0.3, 0, Infinity],
    [3, 0.4, 2, 0.6, 1, 8], // a + b = 1: the first g is L
    [40, 31.2, 20_000, 1.9, 0, 700], // z ≈ 0.998: by quadrature
    [20_000, 1.9, 40, 31.2, 0, 700],
  ];

  test('agrees with an independent numerical integral, and is symmetric in its two factors', () => {
    for (const [p, a, q, b, lo, hi] of cases) {
      const v = logPowerIntegral(p, a, q, b, lo, hi);
      expect(Math.abs(v - referenceLogIntegral(p, a, q, b, lo, hi))).toBeLessThan(1e-9 * Math.max(1, Math.abs(v)));
      expect(logPowerIntegral(q, b, p, a, lo, hi)).toBeCloseTo(v, 12);
    }
  });

  test('splits at any point: I(lo, hi) = I(lo, mid) + I(mid, hi); and scales: y = c·y′ gives c^(1−a−b)', () => {
    for (const [p, a, q, b, lo, hi] of cases) {
      const mid = hi === Infinity ? lo + 7 : (lo + hi) / 2;
      const whole = logPowerIntegral(p, a, q, b, lo, hi);
      expect(logAddExp(logPowerIntegral(p, a, q, b, lo, mid), logPowerIntegral(p, a, q, b, mid, hi))).toBeCloseTo(whole, 10);
      const c = 3;
      expect(logPowerIntegral(p / c, a, q / c, b, lo / c, hi / c) + (1 - a - b) * Math.log(c)).toBeCloseTo(whole, 10);
    }
  });

  test('its gradient ∂ln I/∂(p, a, q, b) is the finite differences’, by the series and by the quadrature', () => {
    for (const [p, a, q, b, lo, hi] of cases) {
      const g = [0, 0, 0, 0];
      const v = logPowerIntegral(p, a, q, b, lo, hi, g);
      expect(v).toBe(logPowerIntegral(p, a, q, b, lo, hi));
      numericGrad(p, a, q, b, lo, hi).forEach((n, i) => expect(Math.abs(g[i]! - n)).toBeLessThan(1e-6 * Math.max(1, Math.abs(n))));
      // The quadrature's own gradient, in its (m, e, o, f) order: the larger base first.
      const swap = q > p;
      const gq = [0, 0, 0, 0];
      const vq = swap ? logPowerIntegralByQuadrature(q, b, p, a, lo, hi, gq) : logPowerIntegralByQuadrature(p, a, q, b, lo, hi, gq);
      expect(Math.abs(vq - v)).toBeLessThan(1e-11 * Math.max(1, Math.abs(v)));
      const mapped = swap ? [gq[2]!, gq[3]!, gq[0]!, gq[1]!] : gq;
      mapped.forEach((x, i) => expect(Math.abs(x - g[i]!)).toBeLessThan(1e-8 * Math.max(1, Math.abs(x))));
    }
  });
});

describe('more of ₂F₁, E over a Beta and the power integral', () => {
  test('₂F₁ past z = 1 is NaN even where its first terms fall fast', () => {
    // Term ratios start near 0.0015 but tend to z = 1.5: the series diverges.
    expect(logHyp2f1(0.1, 0.1, 10, 1.5)).toBeNaN();
  });

  test('Euler’s transformation ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z): terms rising to z and falling to it agree', () => {
    for (const [a, b, c, z] of [
      [1, 1, 100, 0.99],
      [0.5, 2, 30, 0.9],
      [3, 4, 8.5, 0.7],
    ] as const) {
      const direct = logHyp2f1(a, b, c, z);
      const euler = (c - a - b) * Math.log1p(-z) + logHyp2f1(c - a, c - b, c, z);
      expect(Math.abs(direct - euler)).toBeLessThan(1e-12 * Math.max(1, Math.abs(direct)));
    }
  });

  test('E over a Beta: h may be infinite at an end where the weight is 0 (E[1/P] = (a + b − 1)/(a − 1))', () => {
    expect(betaExpectation(3, 2, (p) => 1 / p)).toBeCloseTo(2, 12);
    expect(betaExpectation(2, 5, (_p, q) => 1 / q)).toBeCloseTo(6 / 4, 12);
    // With b = 0.01 the range reaches p = e^−4500, which is 0 in floating point: 1/p = ∞ there.
    expect(betaExpectation(2, 0.01, (p) => 1 / p)).toBeCloseTo(1.01, 12);
    expect(betaExpectation(0.01, 2, (_p, q) => 1 / q)).toBeCloseTo(1.01, 12);
  });

  test('E over a Beta: two coarse levels that both miss a very narrow peak (and agree on 0) are not trusted', () => {
    // Beta(500000, 300000): the peak, at t ≈ 0.16 with a width of 0.001, lies between the points
    // of steps ½, ¼ and ⅛, where every weight underflows to 0; a third level must confirm agreement.
    expect(betaExpectation(500_000, 300_000, () => 1)).toBeCloseTo(1, 6);
    expect(betaExpectation(500_000, 300_000, (p) => p)).toBeCloseTo(5 / 8, 6);
  });

  test('E over a Beta with a tiny parameter: the mass near an end where eᵘ overflows is kept', () => {
    for (const [a, b] of [
      [0.5, 0.002],
      [0.002, 0.5],
    ] as const) {
      expect(betaExpectation(a, b, () => 1)).toBeCloseTo(1, 12);
      expect(betaExpectation(a, b, (p) => p)).toBeCloseTo(a / (a + b), 12);
    }
  });

  test('E over a narrow Beta (a, b in the hundreds): the step is halved until it resolves the peak; tol is relative', () => {
    for (const [a, b] of [
      [500, 500],
      [200, 50],
      [2000, 3],
    ] as const) {
      expect(betaExpectation(a, b, () => 1)).toBeCloseTo(1, 11);
      expect(betaExpectation(a, b, (p) => p)).toBeCloseTo(a / (a + b), 11);
      // Relative: as accurate for h = 10⁻⁶p as for h = 10⁶p.
      expect(betaExpectation(a, b, (p) => 1e-6 * p) / ((1e-6 * a) / (a + b))).toBeCloseTo(1, 10);
      expect(betaExpectation(a, b, (p) => 1e6 * p) / ((1e6 * a) / (a + b))).toBeCloseTo(1, 10);
    }
  });

  test('a smaller base with a huge exponent (a series that would need thousands of terms): the quadrature answers', () => {
    for (const [p, a, q, b, lo, hi] of [
      [2, 1, 1, 900, 0, Infinity],
      [2, 1, 1, 900, 0, 3],
    ] as const) {
      const v = logPowerIntegral(p, a, q, b, lo, hi);
      expect(Math.abs(v - referenceLogIntegral(p, a, q, b, lo, hi))).toBeLessThan(1e-9 * Math.abs(v));
      const g = [0, 0, 0, 0];
      expect(logPowerIntegral(p, a, q, b, lo, hi, g)).toBe(v);
      const lp = (pp: number) => logPowerIntegral(pp, a, q, b, lo, hi);
      expect(g[0]).toBeCloseTo((lp(p * (1 + 1e-6)) - lp(p * (1 - 1e-6))) / (2e-6 * p), 5);
    }
  });

  test('the quadrature finds the integrand’s peak far from the lower end (one base 10⁴ to 10¹⁰⁰ times the other)', () => {
    // In v = ln((o + y)/(o + lo)) the integrand rises like e^((1−f)v) until o + y nears m, then
    // falls: with m/o = 10¹⁰⁰ its peak is at v ≈ 230, e^((1−f)·230) above its value at 0.
    for (const [m, e, o, f, lo, hi] of [
      [1e4, 500, 1, 0.3, 0, 1e6],
      [1e4, 500, 1, 0.3, 0, Infinity],
      [1e4, 500, 1, 0.3, 2, 1e6],
      [1e100, 1.5, 1, 0.01, 0, Infinity],
      [1e100, 1, 1, 0.3, 0, Infinity],
      [1e20, 30, 1, 0.2, 0, 1e25],
      [5, 0.3, 1, 0.4, 0, 10], // e + f < 1: no interior peak, the integrand grows to the end
    ] as const) {
      const v = logPowerIntegralByQuadrature(m, e, o, f, lo, hi);
      expect(Math.abs(v - referenceLogIntegral(m, e, o, f, lo, hi))).toBeLessThan(1e-10 * Math.abs(v));
      expect(Math.abs(logPowerIntegral(m, e, o, f, lo, hi) - v)).toBeLessThan(1e-12 * Math.abs(v));
    }
  });
});
