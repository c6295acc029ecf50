/**
 * Customer value over a horizon: expected purchases (BG/NBD) × expected spend per purchase
 * (Gamma-Gamma) × margin, optionally discounted. FHL 2005 (JMR) combine the two models this way;
 * the two are independent by the Gamma-Gamma assumption, so the expectation of the product is
 * the product of the expectations.
 */
import { conditionalExpectedPurchases, type BgNbdParams, type RfmRecord } from './bgnbd';
import { expectedSpend, type GammaGammaParams, type SpendRecord } from './gammaGamma';

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

/**
 * margin · E[M | x, z̄] · Σₖ (E[Y(tₖ)] − E[Y(tₖ₋₁)]) / (1 + d)^(tₖ / year), tₖ = k·horizon/steps.
 * Without discounting the sum telescopes to E[Y(horizon)], computed directly.
 */
export function customerValue(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  c: RfmRecord & SpendRecord,
  opts: ClvOptions,
): number {
  const margin = opts.margin ?? 1;
  const d = opts.annualDiscountRate ?? 0;
  const spend = expectedSpend(gg, c);
  if (d === 0) return margin * spend * conditionalExpectedPurchases(bg, c, opts.horizon);
  const steps = opts.steps ?? 12;
  const year = opts.unitsPerYear ?? 365;
  let total = 0;
  let before = 0;
  for (let k = 1; k <= steps; k++) {
    const t = (opts.horizon * k) / steps;
    const upTo = conditionalExpectedPurchases(bg, c, t);
    total += (upTo - before) / Math.pow(1 + d, t / year);
    before = upTo;
  }
  return margin * spend * total;
}
