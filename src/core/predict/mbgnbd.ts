/**
 * The MBG/NBD model: Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison
 * of models for customer base analysis", International Journal of Research in Marketing
 * 24(3):201–209 (as implemented in BTYDplus, `mbgnbd.*`, and lifetimes' ModifiedBetaGeoFitter).
 *
 * BG/NBD (bgnbd.ts) with one change: a customer may leave right after *any* purchase, the first
 * included. So a customer with no repeat purchase may already have left (P(alive) < 1 for x = 0,
 * where BG/NBD says 1), which fits shops with many one-time buyers. Parameters (r, α, a, b) as in
 * BG/NBD; α carries the time unit.
 *
 * Given alive at T, a customer with x repeat purchases has survived x + 1 chances to leave, so the
 * posterior dropout probability is Beta(a, b + x + 1) — BG/NBD's posterior with b + 1. The
 * expectations below are therefore BG/NBD's with b + 1, times MBG/NBD's own P(alive).
 */
import {
  betaGeometricTotalLogLikelihood,
  conditionalExpectedPurchases as bgConditional,
  fitBetaGeometric,
  type BgNbdFit,
  type BgNbdParams,
  type FitOptions,
  type RfmRecord,
} from './bgnbd';
import { lbeta, lgamma, logAddExp } from './special';
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Math } = globalThis;

export type MbgNbdParams = BgNbdParams;
export type MbgNbdFit = BgNbdFit;

/**
 * ln L for one customer (Batislam et al. 2007, eq. 3; BTYDplus `xbgcnbd.LL` with k = 1):
 * ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b)
 *   + ln[(α+T)^−(r+x) + a/(b+x) · (α+t_x)^−(r+x)].
 */
export function mbgnbdLogLikelihood(params: MbgNbdParams, c: RfmRecord): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = c;
  const head = lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lbeta(a, b + x + 1) - lbeta(a, b);
  const a1 = -(r + x) * Math.log(alpha + T);
  const a2 = Math.log(a) - Math.log(b + x) - (r + x) * Math.log(alpha + (x === 0 ? 0 : tx));
  return head + logAddExp(a1, a2);
}

/** Σ ln L over customers. */
export function mbgnbdTotalLogLikelihood(params: MbgNbdParams, customers: readonly RfmRecord[]): number {
  return betaGeometricTotalLogLikelihood(params, customers, true);
}

/** P(alive | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)), for x = 0 too. */
export function pAlive(params: MbgNbdParams, c: RfmRecord): number {
  const { r, alpha, a, b } = params;
  const tx = c.x === 0 ? 0 : c.tx;
  const d = Math.log(a) - Math.log(b + c.x) + (r + c.x) * (Math.log(alpha + c.T) - Math.log(alpha + tx));
  return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

/** BG/NBD's parameters whose posterior given alive is MBG/NBD's. */
const shifted = (p: MbgNbdParams): BgNbdParams => ({ ...p, b: p.b + 1 });

/**
 * E[Y(t) | x, t_x, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]
 * · P(alive) (Batislam et al. 2007; BTYDplus `xbgcnbd.ConditionalExpectedTransactions`, k = 1):
 * BG/NBD's expectation at b + 1, whose P(alive) is MBG/NBD's for x > 0 and 1 for x = 0 (so the
 * x = 0 case is multiplied by MBG/NBD's). Near a = 1 it takes BG/NBD's quadrature route.
 */
export function conditionalExpectedPurchases(params: MbgNbdParams, c: RfmRecord, t: number): number {
  const e = bgConditional(shifted(params), c, t);
  return c.x === 0 ? e * pAlive(params, c) : e;
}

/**
 * E[X(t)] for a customer just acquired: b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]
 * — the conditional expectation at x = 0, t_x = 0, T = 0, where P(alive) = b/(a+b).
 */
export function expectedPurchases(params: MbgNbdParams, t: number): number {
  return conditionalExpectedPurchases(params, { x: 0, tx: 0, T: 0 }, t);
}

/**
 * P(at least one purchase in the next s | x, t_x, T): as in BG/NBD, a customer alive at T is
 * still there at their next purchase, so P(alive) · (1 − ((α+T)/(α+T+s))^(r+x)).
 */
export function probPurchaseWithin(params: MbgNbdParams, c: RfmRecord, s: number): number {
  if (!(s > 0)) return 0;
  const survive = Math.exp(-(params.r + c.x) * Math.log1p(s / (params.alpha + c.T)));
  return pAlive(params, c) * (1 - survive);
}

/** The median wait to the next purchase if alive: (α+T)(2^(1/(r+x)) − 1), as in BG/NBD. */
export function medianTimeToNextPurchase(params: MbgNbdParams, c: RfmRecord): number {
  return (params.alpha + c.T) * Math.expm1(Math.LN2 / (params.r + c.x));
}

/** The s with P(alive)·(1 − ((α+T)/(α+T+s))^(r+x)) = prob; Infinity when P(alive) ≤ prob. */
export function timeToPurchaseProbability(params: MbgNbdParams, c: RfmRecord, prob: number): number {
  const alive = pAlive(params, c);
  if (!(alive > prob)) return Infinity;
  return (params.alpha + c.T) * Math.expm1(-Math.log(1 - prob / alive) / (params.r + c.x));
}

/** Maximum-likelihood fit of (r, α, a, b), as BG/NBD's (same starts, checks and errors). */
export function fitMbgNbd(customers: readonly RfmRecord[], opts: FitOptions = {}): MbgNbdFit {
  return fitBetaGeometric(customers, true, opts);
}
