/**
 * Honest intervals for the rates a campaign is judged by (issue 14): the Wilson score interval for
 * one proportion, and Newcombe's hybrid score interval for the difference of two.
 *
 * Why Wilson and not the textbook p̂ ± z·√(p̂(1−p̂)/n): with the few dozen customers a small shop
 * targets, and rates near 0, the textbook interval collapses to a point at 0/n and spills below 0;
 * Wilson's stays inside [0, 1] and keeps a width at 0/n (Brown, Cai & DasGupta 2001, "Interval
 * Estimation for a Binomial Proportion", Statistical Science 16(2), recommend it for small n).
 * The difference uses Newcombe's method 10 (Newcombe 1998, "Interval estimation for the difference
 * between independent proportions", Statistics in Medicine 17), built from the two Wilson intervals.
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** The Wilson score interval of `k` successes out of `n` (n ≥ 1, 0 ≤ k ≤ n). */
export function wilson(k: number, n: number, z = Z95): Interval {
  if (!(n >= 1) || !(k >= 0) || k > n) throw new RangeError(`wilson: need 0 ≤ k ≤ n, n ≥ 1 (k=${k}, n=${n})`);
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 and k = n the bound is exactly 0 or 1; rounding must not leave it a hair off.
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

export interface Difference extends Interval {
  /** p̂₁ − p̂₂. */
  readonly estimate: number;
}

/**
 * Newcombe's hybrid score interval for p₁ − p₂ (method 10): from each group's Wilson interval
 * (l₁, u₁), (l₂, u₂), low = d − √((p₁−l₁)² + (u₂−p₂)²), high = d + √((u₁−p₁)² + (p₂−l₂)²).
 */
export function newcombe(k1: number, n1: number, k2: number, n2: number, z = Z95): Difference {
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const a = wilson(k1, n1, z);
  const b = wilson(k2, n2, z);
  const d = p1 - p2;
  return {
    estimate: d,
    low: Math.max(-1, d - Math.hypot(p1 - a.low, b.high - p2)),
    high: Math.min(1, d + Math.hypot(a.high - p1, p2 - b.low)),
  };
}
