/**
 * Special functions for the purchase models, written out so the core has no numeric dependency:
 * ln Γ, ψ (digamma), ln B, a stable ln(eᵃ + eᵇ), Gauss's hypergeometric function ₂F₁ on [0, 1),
 * and an expectation over a Beta distribution by tanh-sinh quadrature (an independent route to
 * the same conditional expectations, used where the ₂F₁ formula is ill-conditioned).
 */

/**
 * The global Math, bound once in this module: Jest runs each test file in a vm context, where every
 * lookup of a global name (Math, on each call) goes through the context's interceptor — measured
 * 22× slower on the Pareto/NBD series, which made the model tests take minutes. Apps Script and
 * Node (the bench) look globals up directly; for them this changes nothing.
 */
const { Math } = globalThis;

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Lanczos coefficients for g = 7, n = 9: relative error of Γ below 1e-15 on x > 0. */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (reflection below ½ keeps tiny arguments such as r ≈ 1e-6 accurate). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to 10, then the asymptotic series (error < 1e-14). */
export function digamma(x: number): number {
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  const tail = f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))));
  return acc + Math.log(x) - 0.5 / x - tail;
}

/** ln B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** ln(eᵃ + eᵇ) without overflow. (Only b = −∞ needs a test: with a = −∞ the second form gives b.) */
export function logAddExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

const LN_SCALE = 575.6462732485114; // ln 1e250
const MAX_TERMS = 2_000_000;

/**
 * The stopping rule of this module's series of positive terms (₂F₁'s and the power integral's):
 * when the next term is at most `next` and each later one at most `ratio` (< 1) times the one
 * before, the rest is at most next/(1 − ratio); stop once that is below 1e-16 of the sum so far,
 * where it can no longer change a digit. (A ratio of 1 or more bounds nothing: go on.)
 */
function restIsNegligible(next: number, ratio: number, sum: number): boolean {
  return ratio < 1 && next <= sum * 1e-16 * (1 - ratio);
}

/**
 * ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1, by the power series
 * Σ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ. With positive parameters every term is positive, so the sum has no
 * cancellation; the running sum is rescaled (and the scale kept as a logarithm) so that values
 * such as (1 − z)^−500 for a customer with 500 repeat purchases do not overflow. The series is
 * stopped when a geometric bound on the remaining tail is below 1e-16 of the sum.
 * Returns NaN when the parameters are outside that domain or the series has not converged (z so
 * close to 1 that two million terms do not suffice); callers then use another route.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) return NaN;
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let k = 0; k < MAX_TERMS; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    sum += term;
    if (sum > 1e250) {
      sum /= 1e250;
      term /= 1e250;
      logScale += LN_SCALE;
    }
    // The ratio of successive terms tends to z monotonically, from one side or the other: every
    // later ratio is at most ρ, the larger of the current one and z, and the next term at most
    // term · ρ. (At z = 0 the first term, 1, is all, and this stops there.)
    const rho = Math.max(ratio, z);
    if (restIsNegligible(term * rho, rho, sum)) return logScale + Math.log(sum);
  }
  return NaN;
}

/** ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1 (see {@link logHyp2f1}). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return Math.exp(logHyp2f1(a, b, c, z));
}

/**
 * E[h(P)] for P ~ Beta(a, b), by tanh-sinh (double-exponential) quadrature.
 *
 * The substitution p = σ(π sinh t) maps (0, 1) to the real line and makes the density's endpoint
 * singularities (a < 1 or b < 1, as CDNOW's a = 0.793) decay doubly exponentially, so trapezoid
 * sums converge fast; the density times the Jacobian, pᵃ(1 − p)ᵇ π cosh t / B(a, b), is formed in
 * log space, with ln p and ln(1 − p) computed separately so neither end loses precision. The step
 * is halved until two levels agree to `tol` (relative). `h` receives p and 1 − p.
 */
export function betaExpectation(a: number, b: number, h: (p: number, q: number) => number, tol = 1e-11): number {
  const lb = lbeta(a, b);
  const at = (t: number): number => {
    const u = Math.PI * Math.sinh(t);
    // p = 1/(1 + e^−u), q = 1 − p = 1/(1 + e^u)
    const lnp = -log1pExp(-u);
    const lnq = -log1pExp(u);
    const w = Math.exp(a * lnp + b * lnq - lb) * Math.PI * Math.cosh(t);
    if (w === 0) return 0;
    return w * h(Math.exp(lnp), Math.exp(lnq));
  };
  // Beyond |t| = T_MAX the weight is below e^−45 of its peak: p^a with p = e^−u needs a·u ≳ 45.
  const T_MAX = Math.min(15, Math.max(3, Math.asinh(45 / (Math.PI * Math.min(a, b)))));
  let step = 0.5;
  let sum = at(0);
  for (let t = step; t <= T_MAX; t += step) sum += at(t) + at(-t);
  let estimate = NaN; // the level of step ½ is compared with nothing (see below)
  for (let level = 0; level < 12; level++) {
    step /= 2;
    // Add the midpoints of the previous level.
    for (let t = step; t <= T_MAX; t += 2 * step) sum += at(t) + at(-t);
    const next = sum * step;
    // Two coarse levels can agree by missing a narrow peak alike: only from the third on (step ⅛
    // against 1/16) is agreement trusted.
    if (Math.abs(next - estimate) <= tol * Math.abs(next) && level >= 2) return next;
    estimate = next;
  }
  return estimate;
}

/** ln(1 + eˣ) without overflow. */
function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * ln I and its derivatives, I = ∫_lo^hi (p + y)^−a (q + y)^−b dy, for p, q > 0, a, b > 0,
 * 0 ≤ lo ≤ hi ≤ ∞ (a + b > 1 when hi = ∞). Pareto/NBD needs this integral three times: the
 * likelihood's "died between t_x and T" term (Fader & Hardie 2005, "A Note on Deriving the
 * Pareto/NBD Model and Related Expressions", eq. 22, whose ₂F₁(r+s+x, s+1; r+s+x+1; ·) pair is
 * this integral in closed form), and the probability of a purchase within s days.
 *
 * The closed form subtracts two ₂F₁ values that agree to many digits when t_x is close to T. Here
 * the larger base leads: with m = max(p, q) (exponent e), o the other (exponent f), d = m − o ≥ 0
 * and A = m + lo, expanding (o + y)^−f = (m + y)^−f (1 − d/(m + y))^−f gives
 *   I = A^−n₀ Σₖ (f)ₖ/k! zᵏ g(n₀ + k),   z = d/A < 1,   n₀ = e + f − 1,
 *   g(n) = (1 − ρⁿ)/n,   ρ = (m + lo)/(m + hi)   (g = 1/n when hi = ∞),
 * where each g is formed with expm1, so every term is positive and exact: no cancellation, and
 * the result is kept as a logarithm (no overflow for a customer with hundreds of purchases).
 * Stopped by a geometric bound on the tail, as in {@link logHyp2f1}. When one base is many times
 * the other (z near 1) the series is slow — its terms fall like zᵏ after a rise to k ≈ f·z/(1 − z),
 * so it needs about (f·z + 37)/(1 − z) of them — and the value and derivatives then come from
 * {@link logPowerIntegralByQuadrature} (160 points, whatever z): directly when that estimate
 * exceeds {@link SERIES_MAX_TERMS}, and after that many terms if the series has not converged.
 * (On a shop's fit in days, a search step to a large β made single customers take up to a
 * million terms; this bounds every customer's cost.)
 *
 * With `grad`, also writes ∂ln I/∂(p, a, q, b), from series of the same terms: ∂/∂(exponent) by
 * differentiating g in n (and (f)ₖ in f), ∂/∂(base) from I with that exponent one higher
 * (∂I/∂m = −e·I(e+1)).
 */
/** More terms than this and {@link logPowerIntegral} integrates by quadrature instead (its 160
 *  points on a finite range cost about as much as this many terms with derivatives). */
export const SERIES_MAX_TERMS = 1000;

export function logPowerIntegral(p: number, a: number, q: number, b: number, lo: number, hi: number, grad?: number[]): number {
  if (grad) grad[0] = grad[1] = grad[2] = grad[3] = 0;
  if (!(hi > lo)) return -Infinity;
  const swap = q > p;
  const m = swap ? q : p;
  const e = swap ? b : a;
  const o = swap ? p : q;
  const f = swap ? a : b;
  const A = m + lo;
  const z = (m - o) / A;
  const lnA = Math.log(A);
  const n0 = e + f - 1;
  const open = hi === Infinity;
  if (open && !(n0 > 0)) return NaN;
  // g(n) = (1 − ρⁿ)/n = ∫₀^L e^(−nu) du, L = −ln ρ: positive and decreasing in n. Along the
  // series ρⁿ and 1 − ρⁿ are carried from term to term (1 − ρⁿ⁺¹ = (1 − ρⁿ) + ρⁿ(1 − ρ), a sum of
  // positive terms), so only the first needs expm1.
  const L = open ? Infinity : Math.log1p((hi - lo) / A);
  const rho = open ? 0 : Math.exp(-L);
  const oneMinusRho = open ? 1 : -Math.expm1(-L);
  let rhoN = open ? 0 : Math.exp(-n0 * L);
  let oneMinus = open ? 1 : -Math.expm1(-n0 * L);
  let coef = 1; // (f)ₖ/k! zᵏ
  let coef1 = 1; // (f+1)ₖ/k! zᵏ
  let harmonic = 0; // Σ_{j<k} 1/(f + j) = ∂ln (f)ₖ/∂f
  let sum = 0;
  let sumPrime = 0; // Σ coef·g′(n), g′(n) = −(g(n) − Lρⁿ)/n
  let sumHarmonic = 0; // Σ coef·H·g(n)
  let sumLead = 0; // Σ coef·g(n + 1): I with e + 1
  let sumOther = 0; // Σ coef1·g(n + 1): I with f + 1
  let converged = false;
  const quadrature = (): number => {
    // It writes ∂ln I/∂(m, e, o, f); with the bases swapped that is (q, b, p, a): put back in (p, a, q, b) order.
    const v = logPowerIntegralByQuadrature(m, e, o, f, lo, hi, grad);
    if (grad && swap) [grad[0], grad[1], grad[2], grad[3]] = [grad[2]!, grad[3]!, grad[0]!, grad[1]!];
    return v;
  };
  // The coefficient ratios of the series Σ (f)ⱼ/j! zʲ, z(f + j)/(j + 1), tend to z monotonically:
  // from the j-th on, none is above the larger of that one and z.
  const ratiosFrom = (f: number, j: number): number => Math.max((z * (f + j)) / (j + 1), z);
  if ((f * z + 37) / (1 - z) > SERIES_MAX_TERMS) return quadrature();
  for (let k = 0; k < SERIES_MAX_TERMS; k++) {
    const n = n0 + k;
    const gn = n === 0 ? L : oneMinus / n;
    sum += coef * gn;
    const oneMinusNext = oneMinus + rhoN * oneMinusRho;
    if (grad) {
      const gn1 = oneMinusNext / (n + 1);
      sumPrime += n === 0 ? (-coef * L * L) / 2 : (-coef * (gn - (open ? 0 : L * rhoN))) / n;
      sumHarmonic += coef * harmonic * gn;
      sumLead += coef * gn1;
      sumOther += coef1 * gn1;
    }
    oneMinus = oneMinusNext;
    rhoN *= rho;
    const next = z / (k + 1);
    coef *= next * (f + k);
    coef1 *= next * (f + 1 + k);
    harmonic += 1 / (f + k);
    // g decreases, so the next term is at most coef·g(n) (coef is already the next coefficient),
    // and the later ones fall by the coefficient ratios from the (k + 1)-th on; with `grad`, the
    // (f+1)ₖ series of sumOther must have converged too. With equal bases (z = 0) the first term
    // is all, and this stops there.
    if (restIsNegligible(coef * gn, ratiosFrom(f, k + 1), sum) && (!grad || restIsNegligible(coef1 * gn, ratiosFrom(f + 1, k + 1), sumOther))) {
      converged = true;
      break;
    }
  }
  if (!converged) return quadrature();
  if (grad) {
    const dLead = -lnA + sumPrime / sum; // ∂ln I/∂e
    const dOther = dLead + sumHarmonic / sum; // ∂ln I/∂f
    const dM = (-e * sumLead) / (sum * A); // ∂ln I/∂m = −e I(e+1)/I
    const dO = (-f * sumOther) / (sum * A); // ∂ln I/∂o = −f I(f+1)/I
    grad[0] = swap ? dO : dM;
    grad[1] = swap ? dOther : dLead;
    grad[2] = swap ? dM : dO;
    grad[3] = swap ? dLead : dOther;
  }
  return -n0 * lnA + Math.log(sum);
}

/** Gauss–Legendre nodes and weights on [−1, 1], 20 points (Abramowitz & Stegun, table 25.4). */
const GL_X = [
  0.0765265211334973, 0.2277858511416451, 0.3737060887154195, 0.5108670019508271, 0.636053680726515, 0.7463319064601508,
  0.8391169718222188, 0.9122344282513259, 0.9639719272779138, 0.9931285991850949,
];
const GL_W = [
  0.1527533871307258, 0.1491729864726037, 0.142096109318382, 0.1316886384491766, 0.1181945319615184, 0.1019301198172404,
  0.0832767415767048, 0.0626720483341091, 0.0406014298003869, 0.0176140071391521,
];

/**
 * ln ∫_lo^hi (m + y)^−e (o + y)^−f dy, m ≥ o, by quadrature in v = ln((o + y)/(o + lo)): the
 * integrand's logarithm h(v) = (1 − f)v − e·ln(m − o + (o + lo)eᵛ) (+ constants) is concave, so it
 * has one peak and falls at least linearly away from it. The range is cut where h is 50 below
 * its peak (e⁻⁵⁰ of it), and split into 8 panels of 20-point Gauss–Legendre (24 to ∞).
 *
 * With `grad`, also writes ∂ln I/∂(m, e, o, f), each an average over the normalised integrand:
 * ∂/∂e = −E[ln(m + y)], ∂/∂f = −E[ln(o + y)], ∂/∂m = −e·E[1/(m + y)], ∂/∂o = −f·E[1/(o + y)].
 */
export function logPowerIntegralByQuadrature(m: number, e: number, o: number, f: number, lo: number, hi: number, grad?: number[]): number {
  const A = o + lo;
  const d = m - o;
  const lnA = Math.log(A);
  const V = Math.log1p((hi - lo) / A); // Infinity for hi = ∞
  if (!(V > 0)) return -Infinity; // an empty range (hi ≤ lo)
  const h = (v: number): number => (1 - f) * v - e * Math.log(d + A * Math.exp(v));
  // The peak: h′(v) = (1 − f) − e·A·eᵛ/(d + A·eᵛ) = 0, i.e. A·eᵛ = (1 − f)d/(e + f − 1).
  let peak = 0;
  if (f < 1 && d > 0 && e + f - 1 > 0) peak = Math.max(0, Math.log(((1 - f) * d) / ((e + f - 1) * A)));
  peak = Math.min(peak, V);
  const top = h(peak);
  // Where h is 50 below the top on each side (doubling steps, kept within [0, V]). The steps
  // start small: a steep integrand (an exponent in the hundreds: h falls 50 within 0.05) must not
  // be spread over a range of 1 or more, which 20-point panels cannot resolve; from 2⁻²⁰ the steps
  // pass through every power of two, so a range of 1 or more is cut exactly where it was before.
  // The search ends: within about 30 doublings a step passes 0 or V, or (V = ∞) eᵛ overflows and
  // h is −∞.
  const edge = (dir: 1 | -1): number => {
    for (let step = 2 ** -20; ; step *= 2) {
      const v = Math.min(Math.max(peak + dir * step, 0), V);
      if (v === 0 || v === V || h(v) < top - 50) return v;
    }
  };
  const left = edge(-1);
  const right = edge(1);
  // 8 panels agree with 24 to 1e-12 on a finite range (the likelihood's); a range to ∞ (a power
  // tail, long in v) needs the 24.
  const panels = hi === Infinity ? 24 : 8;
  const width = (right - left) / panels;
  let sum = 0;
  let sumLnM = 0; // Σ w·ln(m + y)
  let sumV = 0; // Σ w·v, ln(o + y) = ln A + v
  let sumInvM = 0; // Σ w/(m + y)
  let sumInvO = 0; // Σ w/(o + y)
  const at = (v: number, weight: number): void => {
    const ev = Math.exp(v);
    const mY = d + A * ev;
    const lm = Math.log(mY);
    const w = weight * Math.exp((1 - f) * v - e * lm - top);
    sum += w;
    if (grad) {
      sumLnM += w * lm;
      sumV += w * v;
      sumInvM += w / mY;
      sumInvO += w / (A * ev);
    }
  };
  for (let k = 0; k < panels; k++) {
    const mid = left + (k + 0.5) * width;
    for (let i = 0; i < GL_X.length; i++) {
      const dv = (GL_X[i]! * width) / 2;
      at(mid - dv, GL_W[i]!);
      at(mid + dv, GL_W[i]!);
    }
  }
  if (grad) {
    grad[0] = (-e * sumInvM) / sum;
    grad[1] = -sumLnM / sum;
    grad[2] = (-f * sumInvO) / sum;
    grad[3] = -(lnA + sumV / sum);
  }
  // ∫ = (o+lo)^(1−f) ∫ e^h dv; the constant −e·ln 1 is in h already.
  return (1 - f) * lnA + top + Math.log((sum * width) / 2);
}
