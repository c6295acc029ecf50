/**
 * The Pareto/NBD model of repeat buying: Schmittlein, Morrison & Colombo (1987), "Counting Your
 * Customers: Who Are They and What Will They Do Next?", Management Science 33(1):1–24; the
 * expressions as derived in Fader & Hardie (2005), "A Note on Deriving the Pareto/NBD Model and
 * Related Expressions" (Hardie's note 009), and its CDNOW estimates in Fader, Hardie & Lee (2005),
 * "'Counting Your Customers' the Easy Way", Marketing Science 24(2):275–284.
 *
 * While active, a customer buys at a Poisson rate λ, λ ~ Gamma(r, α); their lifetime is
 * exponential with rate μ, μ ~ Gamma(s, β), and they may leave at any moment — not only after a
 * purchase, as in BG/NBD. A customer is summarised by x, t_x, T as in bgnbd.ts; α and β carry the
 * time unit, r and s do not.
 *
 * Every expression here rests on one integral, ∫ (α+y)^−a (β+y)^−b dy, computed by
 * {@link logPowerIntegral} as a series of positive terms: the "died between t_x and T" part of the
 * likelihood is Γ(r+x)/Γ(r) α^r β^s · s ∫_{t_x}^T (α+y)^−(r+x) (β+y)^−(s+1) dy — the integral that
 * the ₂F₁ pair of note 009 (eq. 22) evaluates in closed form, by a difference that cancels.
 */
import type { RfmRecord } from './bgnbd';
import { fitPositive, type PositiveFit, type WarmStart } from './fit';
import { compressRfm, type CompressedRfm } from './rfm';
import { digamma, lgamma, logAddExp, logPowerIntegral } from './special';
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Math, Float64Array } = globalThis;

export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** ln of the "alive at T" and "left in (t_x, T)" parts of L, without Γ(r+x)/Γ(r) α^r β^s. */
function parts(p: ParetoNbdParams, c: RfmRecord): { alive: number; left: number } {
  const { r, alpha, s, beta } = p;
  const tx = c.x === 0 ? 0 : c.tx;
  const alive = -(r + c.x) * Math.log(alpha + c.T) - s * Math.log(beta + c.T);
  const left = Math.log(s) + logPowerIntegral(alpha, r + c.x, beta, s + 1, tx, c.T);
  return { alive, left };
}

/**
 * ln L for one customer (note 009, eq. 22, in the integral form above):
 * ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln[(α+T)^−(r+x) (β+T)^−s + s ∫_{t_x}^T (α+y)^−(r+x) (β+y)^−(s+1) dy].
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, c: RfmRecord): number {
  const { r, alpha, s, beta } = params;
  const { alive, left } = parts(params, c);
  return lgamma(r + c.x) - lgamma(r) + r * Math.log(alpha) + s * Math.log(beta) + logAddExp(alive, left);
}

/** Σ ln L over customers. */
export function paretoNbdTotalLogLikelihood(params: ParetoNbdParams, customers: readonly RfmRecord[]): number {
  return -negLogLikelihood(compressRfm(customers), params, [0, 0, 0, 0]) * customers.length;
}

/**
 * P(alive | x, t_x, T): the "alive at T" part's share of L (note 009, eq. 18; BTYD's
 * `pnbd.PAlive`). Unlike BG/NBD, below 1 even for x = 0: a one-time buyer may have left.
 */
export function pAlive(params: ParetoNbdParams, c: RfmRecord): number {
  const { alive, left } = parts(params, c);
  // 1 exactly when the customer cannot have left unseen (t_x = T: the left part is e^−∞).
  return Math.exp(alive - logAddExp(alive, left));
}

/** [1 − (1 + u)^−k]/k, and its limit ln(1 + u) at k = 0 (s = 1 in the expectations). */
function powerDifference(k: number, u: number): number {
  const l = Math.log1p(u);
  return k === 0 ? l : -Math.expm1(-k * l) / k;
}

/**
 * E[Y(t) | x, t_x, T] = P(alive) · (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]
 * (note 009, eq. 21; BTYD's `pnbd.ConditionalExpectedTransactions`): given alive, the rate's
 * posterior is Gamma(r+x, α+T) and the dropout rate's Gamma(s, β+T). Written so that s = 1 (its
 * limit, a logarithm) and s < 1 need no special case.
 */
export function conditionalExpectedPurchases(params: ParetoNbdParams, c: RfmRecord, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, s, beta } = params;
  const bT = beta + c.T;
  return pAlive(params, c) * ((r + c.x) / (alpha + c.T)) * bT * powerDifference(s - 1, t / bT);
}

/** E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] for a customer just acquired (note 009, eq. 17). */
export function expectedPurchases(params: ParetoNbdParams, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, s, beta } = params;
  return (r / alpha) * beta * powerDifference(s - 1, t / beta);
}

/**
 * ln P(a purchase within s | alive at T). Given λ and μ, an active customer's first event is a
 * purchase with density λe^−(λ+μ)u, so P = ∫₀^s E[λe^−λu] E[e^−μu] du over the posteriors
 * Gamma(r+x, α+T) and Gamma(s, β+T):
 *   (r+x)(α+T)^(r+x) (β+T)^s ∫₀^s (α+T+u)^−(r+x+1) (β+T+u)^−s du.
 * It stays below 1 as s → ∞: an active customer may leave before buying again.
 */
function logProbWithinIfAlive(p: ParetoNbdParams, c: RfmRecord, s: number): number {
  const aT = p.alpha + c.T;
  const bT = p.beta + c.T;
  const k = p.r + c.x;
  return Math.log(k) + k * Math.log(aT) + p.s * Math.log(bT) + logPowerIntegral(aT, k + 1, bT, p.s, 0, s);
}

/** P(at least one purchase in the next s | x, t_x, T) = P(alive) · P(a purchase within s | alive);
 *  0 for s ≤ 0 (the integral over an empty range is e^−∞). */
export function probPurchaseWithin(params: ParetoNbdParams, c: RfmRecord, s: number): number {
  return pAlive(params, c) * Math.exp(logProbWithinIfAlive(params, c, s));
}

/**
 * The s with P(a purchase within s | alive) = target, or Infinity when it never gets there.
 * That probability is increasing and concave in s (its derivative, the density of the first
 * purchase, decreases), so Newton's method from s = 0 climbs to the root without overshooting.
 */
function solveWithin(p: ParetoNbdParams, c: RfmRecord, target: number): number {
  if (!(target > 0)) return 0;
  if (!(Math.exp(logProbWithinIfAlive(p, c, Infinity)) > target)) return Infinity;
  const aT = p.alpha + c.T;
  const bT = p.beta + c.T;
  const k = p.r + c.x;
  let s = 0;
  for (let i = 0; i < 200; i++) {
    const f = Math.exp(logProbWithinIfAlive(p, c, s)); // 0 at s = 0 (an empty integral, e^−∞)
    const density = (k / aT) * Math.exp(-(k + 1) * Math.log1p(s / aT) - p.s * Math.log1p(s / bT));
    const step = (target - f) / density;
    s += step;
    if (!(step > 1e-9 * s)) break;
  }
  return s;
}

/** The median wait to the next purchase if alive; Infinity when an active customer is more
 *  likely to leave before buying again than to buy. */
export function medianTimeToNextPurchase(params: ParetoNbdParams, c: RfmRecord): number {
  return solveWithin(params, c, 0.5);
}

/** The time by which a next purchase has probability `prob`, counting the chance that the
 *  customer has already left; Infinity when it never becomes that likely. */
export function timeToPurchaseProbability(params: ParetoNbdParams, c: RfmRecord, prob: number): number {
  const alive = pAlive(params, c);
  return alive > prob ? solveWithin(params, c, prob / alive) : Infinity;
}

// ————————————————————————————————————————————————————————— fitting

/**
 * The mean negative log-likelihood per customer, and its gradient with respect to (r, α, s, β)
 * written into `grad` (always: the fit needs it at every step, and the total log-likelihood alone
 * is only reported). With A the "alive" part, D the "left" part and w = A/(A + D):
 *   ∂/∂r = ψ(r+x) − ψ(r) + ln α − w ln(α+T) + (1−w) ∂ln I/∂r
 *   ∂/∂α = r/α − w (r+x)/(α+T) + (1−w) ∂ln I/∂α
 *   ∂/∂s = ln β − w ln(β+T) + (1−w) (1/s + ∂ln I/∂s)
 *   ∂/∂β = s/β − w s/(β+T) + (1−w) ∂ln I/∂β
 * the integral's derivatives coming with it from {@link logPowerIntegral}.
 */
function negLogLikelihood(d: CompressedRfm, p: ParetoNbdParams, grad: number[]): number {
  const { r, alpha, s, beta } = p;
  const nx = d.xs.length;
  const cx = new Float64Array(nx);
  const dr = new Float64Array(nx);
  const lgr = lgamma(r);
  const psr = digamma(r);
  for (let i = 0; i < nx; i++) {
    cx[i] = lgamma(r + d.xs[i]!) - lgr;
    dr[i] = digamma(r + d.xs[i]!) - psr;
  }
  const base = r * Math.log(alpha) + s * Math.log(beta);
  const lnS = Math.log(s);
  const gi = [0, 0, 0, 0];
  let ll = 0;
  let gr = 0;
  let gal = 0;
  let gs = 0;
  let gb = 0;
  const n = d.x.length;
  for (let k = 0; k < n; k++) {
    const x = d.x[k]!;
    const T = d.T[k]!;
    const w = d.weight[k]!;
    const rx = r + x;
    const la = Math.log(alpha + T);
    const lb = Math.log(beta + T);
    const alive = -rx * la - s * lb;
    const left = lnS + logPowerIntegral(alpha, rx, beta, s + 1, d.tx[k]!, T, gi);
    const lse = logAddExp(alive, left);
    ll += w * (cx[d.xi[k]!]! + base + lse);
    // w = 1 and 1 − w = 0 when the customer cannot have left unseen (t_x = T: D = 0, e^−∞).
    const wa = Math.exp(alive - lse);
    const wl = 1 - wa;
    gr += w * (dr[d.xi[k]!]! + Math.log(alpha) - wa * la + wl * gi[1]!);
    gal += w * (r / alpha - (wa * rx) / (alpha + T) + wl * gi[0]!);
    gs += w * (Math.log(beta) - wa * lb + wl * (1 / s + gi[3]!));
    gb += w * (s / beta - (wa * s) / (beta + T) + wl * gi[2]!);
  }
  const f = -1 / d.total;
  grad[0] = gr * f;
  grad[1] = gal * f;
  grad[2] = gs * f;
  grad[3] = gb * f;
  return -ll / d.total;
}

export interface ParetoNbdFitOptions {
  /** Starting points (r, α, s, β) to add to the built-in ones. */
  readonly starts?: readonly ParetoNbdParams[];
  readonly gradTol?: number;
  readonly maxIter?: number;
  /** Start from a previous fit's optimum (fit.ts). */
  readonly warm?: WarmStart<keyof ParetoNbdParams>;
}

export interface ParetoNbdFit extends PositiveFit<keyof ParetoNbdParams> {
  readonly params: ParetoNbdParams;
  readonly standardErrors: ParetoNbdParams | undefined;
  readonly customers: number;
  readonly repeatBuyers: number;
}

/**
 * Maximum-likelihood fit of (r, α, s, β) over (ln r, ln(α/m), ln s, ln(β/m)), m the mean T, by
 * BFGS with the analytic gradient from several starts, checked as BG/NBD's fit is.
 */
export function fitParetoNbd(customers: readonly RfmRecord[], opts: ParetoNbdFitOptions = {}): ParetoNbdFit {
  const repeatBuyers = customers.reduce((n, c) => n + (c.x > 0 ? 1 : 0), 0);
  const sumT = customers.reduce((s, c) => s + c.T, 0);
  const sumX = customers.reduce((s, c) => s + c.x, 0);
  const scale = sumT > 0 ? sumT / customers.length : 1;
  // Starts: r/α matched to the observed repeat rate; lifetimes of about the observation span,
  // with moderate and strong heterogeneity in both rates.
  const rate = sumX > 0 && sumT > 0 ? sumX / sumT : 1 / scale;
  const builtIn: ParetoNbdParams[] = [
    { r: 1, alpha: 1 / rate, s: 1, beta: scale },
    { r: 0.5, alpha: 0.5 / rate, s: 0.5, beta: scale },
    { r: 2, alpha: 2 / rate, s: 2, beta: 4 * scale },
  ];
  const fit = fitPositive({
    keys: ['r', 'alpha', 's', 'beta'] as const,
    scales: { alpha: scale, beta: scale },
    starts: [...builtIn, ...(opts.starts ?? [])],
    records: customers,
    objective: (rs) => {
      const data = compressRfm(rs);
      return (th, grad) => negLogLikelihood(data, { r: th[0]!, alpha: th[1]!, s: th[2]!, beta: th[3]! }, grad);
    },
    gradTol: opts.gradTol,
    maxIter: opts.maxIter,
    warm: opts.warm,
  });
  return { ...fit, customers: customers.length, repeatBuyers };
}
