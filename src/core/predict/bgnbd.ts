/**
 * The BG/NBD model of repeat buying: Fader, Hardie & Lee (2005), "'Counting Your Customers' the
 * Easy Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2):275–284 (FHL 2005).
 *
 * While active, a customer buys at a Poisson rate λ, λ ~ Gamma(r, α) across customers; after each
 * purchase they drop out with probability p, p ~ Beta(a, b). A customer is summarised by
 * x (repeat purchases in (0, T]), t_x (time of the last of them; 0 when x = 0) and T (time from
 * the first purchase to the end of observation), all in one time unit. α carries that unit
 * (α in days = 7 × α in weeks); r, a and b are unitless.
 *
 * Everything here is pure and takes the time unit of its input; a < 1 is valid (CDNOW: 0.793)
 * and is never clamped.
 */
import { fitPositive, type PositiveFit, type WarmStart } from './fit';
import { compressRfm, type CompressedRfm } from './rfm';
import { betaExpectation, digamma, lbeta, lgamma, logAddExp, logHyp2f1 } from './special';
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Math, Number, Float64Array } = globalThis;

export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** One customer: x repeat purchases, the last at t_x, observed for T since the first purchase. */
export interface RfmRecord {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
}

/**
 * ln L for one customer, FHL 2005 eq. (6), in the form of Hardie's note 027 ("Overcoming the
 * BG/NBD Model's #NUM! Error Problem"): with
 *   A₁ = −(r + x) ln(α + T),   A₂ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)   (x > 0),
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln(e^A₁ + δ(x>0) e^A₂),
 * so no power of (α + T) is ever formed: large x cannot overflow.
 */
export function bgnbdLogLikelihood(params: BgNbdParams, c: RfmRecord): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = c;
  const head = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lbeta(a, b + x) - lbeta(a, b);
  const a1 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return head + a1;
  const a2 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return head + logAddExp(a1, a2);
}

/** Σ ln L over customers. */
export function bgnbdTotalLogLikelihood(params: BgNbdParams, customers: readonly RfmRecord[]): number {
  return betaGeometricTotalLogLikelihood(params, customers, false);
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)),
 * Fader, Hardie & Lee (2008), "Computing P(alive) Using the BG/NBD Model" (Hardie's note 021).
 * A customer with no repeat purchase cannot have dropped out in this model: P = 1.
 */
export function pAlive(params: BgNbdParams, c: RfmRecord): number {
  const { r, alpha, a, b } = params;
  if (c.x === 0) return 1;
  // d = ln of the odds of having left; 1/(1 + e^d) is exact at both ends (e^d overflowing to ∞ gives 0).
  const d = Math.log(a) - Math.log(b + c.x - 1) + (r + c.x) * (Math.log(alpha + c.T) - Math.log(alpha + c.tx));
  return 1 / (1 + Math.exp(d));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t (FHL 2005 eq. (10)):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   / [1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)].
 * For a < 1 the factor (a+b+x−1)/(a−1) and the bracket are both negative and their product is
 * positive. The power and the ₂F₁ are combined as logarithms, so a large x cannot overflow.
 * Near a = 1 (where both factors vanish and the difference loses digits) and when a+b+x−1 ≤ 0
 * (where the series does not apply) the same expectation is computed by quadrature instead
 * ({@link conditionalExpectedPurchasesByQuadrature}).
 */
export function conditionalExpectedPurchases(params: BgNbdParams, c: RfmRecord, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = params;
  const { x, T } = c;
  const cc = a + b + x - 1;
  if (Math.abs(a - 1) > 1e-4 && cc > 0) {
    const z = t / (alpha + T + t);
    // ln[((α+T)/(α+T+t))^(r+x) ₂F₁] = (r+x) ln(1 − z) + ln ₂F₁ (NaN when the series gave up:
    // the value is then NaN, and the quadrature answers).
    const lf = logHyp2f1(r + x, b + x, cc, z);
    const bracket = -Math.expm1((r + x) * Math.log1p(-z) + lf);
    const value = ((cc / (a - 1)) * bracket) * pAlive(params, c);
    if (value >= 0 && Number.isFinite(value)) return value;
  }
  return conditionalExpectedPurchasesByQuadrature(params, c, t);
}

/**
 * The same expectation from its definition, without ₂F₁: given alive at T, the posterior is
 * λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x), independent; an active customer makes
 * (1 − e^(−λpt))/p purchases in expectation over the next t (FHL 2005 eq. (7)), which over λ is
 * (1 − ((α+T)/(α+T+pt))^(r+x))/p; this is averaged over p by quadrature and multiplied by P(alive).
 * The integrand tends to (r+x)·t/(α+T) as p → 0, so it is bounded even when a < 1.
 */
export function conditionalExpectedPurchasesByQuadrature(params: BgNbdParams, c: RfmRecord, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = params;
  const k = r + c.x;
  const u = t / (alpha + c.T);
  const perP = (p: number): number => {
    const pu = p * u;
    if (pu < 1e-12) return k * u * (1 - ((k + 1) / 2) * pu);
    return -Math.expm1(-k * Math.log1p(pu)) / p;
  };
  return pAlive(params, c) * betaExpectation(a, b + c.x, perP);
}

/**
 * E[X(t)]: expected repeat purchases in (0, t] of a customer just acquired (FHL 2005 eq. (9)),
 * which is E[Y(t) | x = 0, t_x = 0, T = 0].
 */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  return conditionalExpectedPurchases(params, { x: 0, tx: 0, T: 0 }, t);
}

/**
 * P(X(t) = n) for a customer just acquired (FHL 2005 eq. (8)):
 *   B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
 *   + δ(n>0) · B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σ_{j<n} Γ(r+j)/(Γ(r) j!) (t/(α+t))^j].
 */
export function probPurchases(params: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = params;
  const lnA = Math.log(alpha / (alpha + t));
  const lnZ = Math.log(t / (alpha + t));
  const nb = (j: number): number => Math.exp(lgamma(r + j) - lgamma(r) - lgamma(j + 1) + r * lnA + j * lnZ);
  let p = Math.exp(lbeta(a, b + n) - lbeta(a, b)) * nb(n);
  if (n > 0) {
    let cdf = 0;
    for (let j = 0; j < n; j++) cdf += nb(j);
    p += Math.exp(lbeta(a + 1, b + n - 1) - lbeta(a, b)) * (1 - cdf);
  }
  return p;
}

/**
 * P(at least one purchase in the next s | x, t_x, T). An active customer is still active at their
 * next purchase (dropout happens only after a purchase), and given alive the rate's posterior is
 * Gamma(r+x, α+T); so the wait is Lomax: P(no purchase in s | alive) = ((α+T)/(α+T+s))^(r+x).
 */
export function probPurchaseWithin(params: BgNbdParams, c: RfmRecord, s: number): number {
  if (!(s > 0)) return 0;
  const survive = Math.exp(-(params.r + c.x) * Math.log1p(s / (params.alpha + c.T)));
  return pAlive(params, c) * (1 - survive);
}

/**
 * The predictive median time to the next purchase of a customer who is alive: the s with
 * ((α+T)/(α+T+s))^(r+x) = ½, i.e. s = (α+T)(2^(1/(r+x)) − 1).
 */
export function medianTimeToNextPurchase(params: BgNbdParams, c: RfmRecord): number {
  return (params.alpha + c.T) * Math.expm1(Math.LN2 / (params.r + c.x));
}

/**
 * The time by which a next purchase has probability `prob`, counting the chance that the customer
 * has already left: solves P(alive)·(1 − ((α+T)/(α+T+s))^(r+x)) = prob. Infinity when P(alive) ≤
 * prob (a purchase never becomes that likely).
 */
export function timeToPurchaseProbability(params: BgNbdParams, c: RfmRecord, prob: number): number {
  const alive = pAlive(params, c);
  if (!(alive > prob)) return Infinity;
  const survive = 1 - prob / alive;
  return (params.alpha + c.T) * Math.expm1(-Math.log(survive) / (params.r + c.x));
}

// ————————————————————————————————————————————————————————— fitting

/**
 * The mean negative log-likelihood per customer, and its gradient with respect to (r, α, a, b)
 * written into `grad`. Terms that depend on x only (the Γ and B parts and their ψ derivatives)
 * are computed once per distinct x. The gradient is always computed: the fit needs it at every
 * step, and the total log-likelihood alone is only reported (skipping it there saved nothing).
 *
 * With `dropoutAtZero` it is MBG/NBD's (mbgnbd.ts): the customer may also leave right after the
 * first purchase, so x repeat purchases mean x + 1 chances to leave — B(a, b+x+1) in place of
 * B(a, b+x), a/(b+x) in place of a/(b+x−1), and the "left after the last purchase" term for x = 0
 * too (Batislam, Denizel & Filiztekin 2007; BTYDplus's `dropout_at_zero`).
 */
function negLogLikelihood(d: CompressedRfm, p: BgNbdParams, grad: number[], dropoutAtZero: boolean): number {
  const { r, alpha, a, b } = p;
  const shift = dropoutAtZero ? 1 : 0;
  const nx = d.xs.length;
  const cx = new Float64Array(nx);
  const lnB1 = new Float64Array(nx); // ln(b + x − 1 + shift), read only where the second term exists
  const dr = new Float64Array(nx);
  const da = new Float64Array(nx);
  const db = new Float64Array(nx);
  const lgr = lgamma(r);
  const lgb = lgamma(b);
  const lgab = lgamma(a + b);
  const psr = digamma(r);
  const psb = digamma(b);
  const psab = digamma(a + b);
  for (let i = 0; i < nx; i++) {
    const x = d.xs[i]!;
    const bx = b + x + shift;
    // ln Γ(r+x) − ln Γ(r) + ln B(a, b+x+shift) − ln B(a, b)
    cx[i] = lgamma(r + x) - lgr + lgamma(bx) - lgamma(a + bx) - lgb + lgab;
    lnB1[i] = Math.log(bx - 1); // NaN for x = 0 without dropout when b < 1: never read then
    const psabx = digamma(a + bx);
    dr[i] = digamma(r + x) - psr;
    da[i] = psab - psabx;
    db[i] = digamma(bx) - psabx - psb + psab;
  }
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  let ll = 0;
  let gr = 0;
  let gal = 0;
  let ga = 0;
  let gb = 0;
  const n = d.x.length;
  for (let k = 0; k < n; k++) {
    const x = d.x[k]!;
    const i = d.xi[k]!;
    const w = d.weight[k]!;
    const rx = r + x;
    const lu = Math.log(alpha + d.T[k]!);
    const a1 = -rx * lu;
    if (x === 0 && !dropoutAtZero) {
      ll += w * (cx[i]! + r * lnAlpha + a1);
      gr += w * (dr[i]! + lnAlpha - lu);
      gal += w * (r / alpha - rx / (alpha + d.T[k]!));
      ga += w * da[i]!;
      gb += w * db[i]!;
      continue;
    }
    const lv = Math.log(alpha + d.tx[k]!);
    const a2 = lnA - lnB1[i]! - rx * lv;
    // ln(e^A₁ + e^A₂) and the weights w₁ = e^A₁/(e^A₁ + e^A₂), w₂ = 1 − w₁.
    let lse: number;
    let w1: number;
    if (a1 >= a2) {
      const e = Math.exp(a2 - a1);
      lse = a1 + Math.log1p(e);
      w1 = 1 / (1 + e);
    } else {
      const e = Math.exp(a1 - a2);
      lse = a2 + Math.log1p(e);
      w1 = e / (1 + e);
    }
    ll += w * (cx[i]! + r * lnAlpha + lse);
    const w2 = 1 - w1;
    gr += w * (dr[i]! + lnAlpha - w1 * lu - w2 * lv);
    gal += w * (r / alpha - rx * (w1 / (alpha + d.T[k]!) + w2 / (alpha + d.tx[k]!)));
    ga += w * (da[i]! + w2 / a);
    gb += w * (db[i]! - w2 / (b + x - 1 + shift));
  }
  const s = -1 / d.total;
  grad[0] = gr * s;
  grad[1] = gal * s;
  grad[2] = ga * s;
  grad[3] = gb * s;
  return -ll / d.total;
}

/** Σ ln L over customers, BG/NBD or (with `dropoutAtZero`) MBG/NBD. */
export function betaGeometricTotalLogLikelihood(params: BgNbdParams, customers: readonly RfmRecord[], dropoutAtZero: boolean): number {
  return -negLogLikelihood(compressRfm(customers), params, [0, 0, 0, 0], dropoutAtZero) * customers.length;
}

export interface FitOptions {
  /** Starting points (r, α, a, b) to add to the built-in ones. */
  readonly starts?: readonly BgNbdParams[];
  /** Gradient tolerance on the mean log-likelihood per customer, in log-parameters. */
  readonly gradTol?: number;
  readonly maxIter?: number;
  /** Start from a previous fit's optimum (fit.ts). */
  readonly warm?: WarmStart<keyof BgNbdParams>;
}

export interface BgNbdFit extends PositiveFit<keyof BgNbdParams> {
  readonly params: BgNbdParams;
  readonly standardErrors: BgNbdParams | undefined;
  readonly customers: number;
  /** Customers with x > 0. */
  readonly repeatBuyers: number;
}

/**
 * Maximum-likelihood fit of (r, α, a, b). The search runs over (ln r, ln(α/s), ln a, ln b), s the
 * mean T, so the parameters stay positive and α's unit does not matter, by BFGS with the analytic
 * gradient from several starts; the best optimum is checked for a met gradient test, an interior
 * location (each parameter within e^±14 of its scale) and a positive-definite Hessian.
 */
export function fitBgNbd(customers: readonly RfmRecord[], opts: FitOptions = {}): BgNbdFit {
  return fitBetaGeometric(customers, false, opts);
}

/** {@link fitBgNbd}, or MBG/NBD's fit with `dropoutAtZero` (mbgnbd.ts). */
export function fitBetaGeometric(customers: readonly RfmRecord[], dropoutAtZero: boolean, opts: FitOptions = {}): BgNbdFit {
  const repeatBuyers = customers.reduce((n, c) => n + (c.x > 0 ? 1 : 0), 0);
  const sumT = customers.reduce((s, c) => s + c.T, 0);
  const sumX = customers.reduce((s, c) => s + c.x, 0);
  const scale = sumT > 0 ? sumT / customers.length : 1;
  // Starts: r/α matched to the observed repeat rate Σx/ΣT, with little, moderate and heavy
  // heterogeneity and dropout.
  const rate = sumX > 0 && sumT > 0 ? sumX / sumT : 1 / scale;
  const builtIn: BgNbdParams[] = [
    { r: 1, alpha: 1 / rate, a: 1, b: 1 },
    { r: 0.3, alpha: 0.3 / rate, a: 0.8, b: 2.5 },
    { r: 3, alpha: 3 / rate, a: 2, b: 10 },
  ];
  const fit = fitPositive({
    keys: ['r', 'alpha', 'a', 'b'] as const,
    scales: { alpha: scale },
    starts: [...builtIn, ...(opts.starts ?? [])],
    records: customers,
    objective: (rs) => {
      const data = compressRfm(rs);
      return (th, grad) => negLogLikelihood(data, { r: th[0]!, alpha: th[1]!, a: th[2]!, b: th[3]! }, grad, dropoutAtZero);
    },
    gradTol: opts.gradTol,
    maxIter: opts.maxIter,
    warm: opts.warm,
  });
  return { ...fit, customers: customers.length, repeatBuyers };
}
