/**
 * Customer value over a horizon: expected purchases (BG/NBD, or the model in use) × expected spend per purchase
 * (Gamma-Gamma) × margin, optionally discounted. FHL 2005 (JMR) combine the two models this way;
 * the two are independent by the Gamma-Gamma assumption, so the expectation of the product is
 * the product of the expectations.
 */
import { conditionalExpectedPurchases, type BgNbdParams, type RfmRecord } from './bgnbd';
import { expectedSpend, type GammaGammaParams, type SpendRecord } from './gammaGamma';
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Math } = globalThis;

export interface ClvOptions {
  /** Length of the horizon, in the models' time unit. */
  readonly horizon: number;
  /** Share of revenue that is profit; 1 gives revenue. Default 1. */
  readonly margin?: number;
  /** Yearly discount rate, e.g. 0.1; 0 (default) gives undiscounted value. */
  readonly annualDiscountRate?: number;
  /** Time units per year: 365 for days (default), 52 for weeks. */
  readonly unitsPerYear?: number;
  /** Discounting steps over the horizon (each step's purchases discounted at its end). Default 12. */
  readonly steps?: number;
}

/** {@link discountedPurchases} under BG/NBD. */
export function discountedExpectedPurchases(bg: BgNbdParams, c: RfmRecord, opts: ClvOptions): number {
  return discountedPurchases((t) => conditionalExpectedPurchases(bg, c, t), opts);
}

/**
 * Σₖ (E[Y(tₖ)] − E[Y(tₖ₋₁)]) / (1 + d)^(tₖ / year), tₖ = k·horizon/steps: the expected purchases
 * over the horizon, each step's discounted at its end, for any model's E[Y(t)]. Without
 * discounting the sum telescopes to E[Y(horizon)], computed directly.
 */
export function discountedPurchases(expected: (t: number) => number, opts: ClvOptions): number {
  const d = opts.annualDiscountRate ?? 0;
  if (d === 0) return expected(opts.horizon);
  const steps = opts.steps ?? 12;
  const year = opts.unitsPerYear ?? 365;
  let total = 0;
  let before = 0;
  for (let k = 1; k <= steps; k++) {
    const t = (opts.horizon * k) / steps;
    const upTo = expected(t);
    total += (upTo - before) / Math.pow(1 + d, t / year);
    before = upTo;
  }
  return total;
}

/** margin · E[M | x, z̄] · (discounted) expected purchases over the horizon. */
export function customerValue(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  c: RfmRecord & SpendRecord,
  opts: ClvOptions,
): number {
  return (opts.margin ?? 1) * expectedSpend(gg, c) * discountedExpectedPurchases(bg, c, opts);
}
