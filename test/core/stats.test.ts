/**
 * The intervals campaigns are judged by (src/core/stats.ts): Wilson's for a rate, Newcombe's for a
 * difference of two — checked against published values and by their defining properties.
 */
import fc from 'fast-check';
import { newcombe, wilson } from '../../src/core/stats';

describe('Wilson score interval', () => {
  test('published values: Newcombe (1998) Table II, 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611', () => {
    // Newcombe, "Two-sided confidence intervals for the single proportion", Stat Med 17 (1998), method 3.
    const a = wilson(81, 263);
    expect(a.low).toBeCloseTo(0.2553, 4);
    expect(a.high).toBeCloseTo(0.3662, 4);
    const b = wilson(15, 148);
    expect(b.low).toBeCloseTo(0.0624, 4);
    expect(b.high).toBeCloseTo(0.1605, 4);
    const c = wilson(0, 20);
    expect(c.low).toBe(0);
    expect(c.high).toBeCloseTo(0.1611, 4);
  });

  test('contains p̂ and lies in [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(share * n);
        const { low, high } = wilson(k, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(k / n + 1e-12);
        expect(high).toBeGreaterThanOrEqual(k / n - 1e-12);
        expect(high).toBeGreaterThan(low);
      }),
    );
  });

  test('narrows as n grows at the same p̂', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 2, max: 20 }), (n, kk, m) => {
        const k = Math.min(kk, n);
        const small = wilson(k, n);
        const big = wilson(k * m, n * m);
        expect(big.high - big.low).toBeLessThan(small.high - small.low);
      }),
    );
  });

  test('refuses counts that are not counts', () => {
    expect(() => wilson(3, 0)).toThrow(RangeError);
    expect(() => wilson(5, 4)).toThrow(RangeError);
    expect(() => wilson(-1, 4)).toThrow(RangeError);
  });
});

describe('Newcombe hybrid score interval for a difference', () => {
  test('published value: Newcombe (1998) Stat Med 17 p.888, 56/70 − 48/80 → 0.0524–0.3339', () => {
    const d = newcombe(56, 70, 48, 80);
    expect(d.estimate).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
  });

  test('contains the estimate, lies in [−1, 1], and is symmetric when the groups swap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n1, n2, s1, s2) => {
        const k1 = Math.round(s1 * n1);
        const k2 = Math.round(s2 * n2);
        const d = newcombe(k1, n1, k2, n2);
        expect(d.low).toBeGreaterThanOrEqual(-1);
        expect(d.high).toBeLessThanOrEqual(1);
        expect(d.low).toBeLessThanOrEqual(d.estimate + 1e-12);
        expect(d.high).toBeGreaterThanOrEqual(d.estimate - 1e-12);
        const e = newcombe(k2, n2, k1, n1);
        expect(e.low).toBeCloseTo(-d.high, 10);
        expect(e.high).toBeCloseTo(-d.low, 10);
      }),
    );
  });
});
