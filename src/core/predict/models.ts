/**
 * The three purchase models behind one interface, so that the backtest can fit and score each and
 * the product can predict with whichever predicted the shop's recent past best:
 *
 * - BG/NBD (bgnbd.ts): a customer may leave only right after a repeat purchase. The default: the
 *   product was built and validated on it first, and it stays unless another predicts clearly better.
 * - Pareto/NBD (paretoNbd.ts): a customer may leave at any moment.
 * - MBG/NBD (mbgnbd.ts): a customer may leave right after any purchase, the first included.
 *
 * All three share the purchase story (Poisson purchases while active, Gamma-distributed rates) and
 * the per-customer summary (x, t_x, T); they differ in how customers leave, which is what a
 * holdout period shows and a fit to the past alone often cannot tell apart.
 */
import * as bg from './bgnbd';
import type { RfmRecord } from './bgnbd';
import * as mbg from './mbgnbd';
import * as pnbd from './paretoNbd';

export type ModelId = 'bgnbd' | 'paretoNbd' | 'mbgnbd';

/** In the order the owner sees them; the first is the default. */
export const MODEL_IDS: readonly ModelId[] = ['bgnbd', 'paretoNbd', 'mbgnbd'];
export const DEFAULT_MODEL: ModelId = 'bgnbd';

/** (r, α, a, b) for BG/NBD and MBG/NBD; (r, α, s, β) for Pareto/NBD. */
export type ModelParams = bg.BgNbdParams | pnbd.ParetoNbdParams;

/** What each fit reports, whatever the model. */
export interface ModelFitSummary {
  readonly params: ModelParams;
  readonly standardErrors: ModelParams | undefined;
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly problem: string | undefined;
  readonly customers: number;
  readonly repeatBuyers: number;
  readonly iterations: number;
  readonly evaluations: number;
}

/** Each model's own fit. */
export type ModelFit =
  | { readonly id: 'bgnbd'; readonly fit: bg.BgNbdFit }
  | { readonly id: 'mbgnbd'; readonly fit: mbg.MbgNbdFit }
  | { readonly id: 'paretoNbd'; readonly fit: pnbd.ParetoNbdFit };

/** A fitted model: its fit, and its predictions for a customer (x, t_x, T in the fit's unit). */
export type FittedModel = ModelFit & ModelPredictions;

export interface ModelPredictions {
  /** ln L of one customer's purchases (the density of their purchase times in (0, T]). */
  logLikelihood(c: RfmRecord): number;
  /** P(the customer is still active). */
  pAlive(c: RfmRecord): number;
  /** Expected purchases in the next t. */
  expected(c: RfmRecord, t: number): number;
  /** P(at least one purchase in the next s). */
  probWithin(c: RfmRecord, s: number): number;
  /** The time by which a next purchase has probability `prob` (Infinity if never). */
  timeToProbability(c: RfmRecord, prob: number): number;
  /** The median wait to the next purchase if the customer is still active. */
  medianIfAlive(c: RfmRecord): number;
}

interface Spec<P> {
  readonly logLikelihood: (p: P, c: RfmRecord) => number;
  readonly pAlive: (p: P, c: RfmRecord) => number;
  readonly conditionalExpectedPurchases: (p: P, c: RfmRecord, t: number) => number;
  readonly probPurchaseWithin: (p: P, c: RfmRecord, s: number) => number;
  readonly timeToPurchaseProbability: (p: P, c: RfmRecord, prob: number) => number;
  readonly medianTimeToNextPurchase: (p: P, c: RfmRecord) => number;
}

function predictions<P extends ModelParams>(spec: Spec<P>, p: P): ModelPredictions {
  return {
    logLikelihood: (c) => spec.logLikelihood(p, c),
    pAlive: (c) => spec.pAlive(p, c),
    expected: (c, t) => spec.conditionalExpectedPurchases(p, c, t),
    probWithin: (c, s) => spec.probPurchaseWithin(p, c, s),
    timeToProbability: (c, prob) => spec.timeToPurchaseProbability(p, c, prob),
    medianIfAlive: (c) => spec.medianTimeToNextPurchase(p, c),
  };
}

const BG: Spec<bg.BgNbdParams> = { ...bg, logLikelihood: bg.bgnbdLogLikelihood };
const MBG: Spec<mbg.MbgNbdParams> = { ...mbg, logLikelihood: mbg.mbgnbdLogLikelihood };
const PNBD: Spec<pnbd.ParetoNbdParams> = { ...pnbd, logLikelihood: pnbd.paretoNbdLogLikelihood };

/**
 * Fits the model on the customers (any time unit: the predictions are in the same unit). `warm`,
 * a fit of the same model on nearly the same customers (the backtest's on the orders before the
 * holdout), starts the search at its optimum: a few passes over the customers instead of a search
 * from several starts.
 */
export function fitModel(id: ModelId, customers: readonly RfmRecord[], warm?: FittedModel): FittedModel {
  const from = warm !== undefined && warm.id === id && warm.fit.converged ? { params: warm.fit.params, inverseHessian: warm.fit.inverseHessian } : undefined;
  switch (id) {
    case 'bgnbd': {
      const fit = bg.fitBgNbd(customers, { warm: from as bg.FitOptions['warm'] });
      return { id, fit, ...predictions(BG, fit.params) };
    }
    case 'mbgnbd': {
      const fit = mbg.fitMbgNbd(customers, { warm: from as bg.FitOptions['warm'] });
      return { id, fit, ...predictions(MBG, fit.params) };
    }
    case 'paretoNbd': {
      const fit = pnbd.fitParetoNbd(customers, { warm: from as pnbd.ParetoNbdFitOptions['warm'] });
      return { id, fit, ...predictions(PNBD, fit.params) };
    }
  }
}

/** A model's predictions at given parameters (no fit): for tests and published values. */
export function predictionsAt(id: 'bgnbd' | 'mbgnbd', params: bg.BgNbdParams): ModelPredictions;
export function predictionsAt(id: 'paretoNbd', params: pnbd.ParetoNbdParams): ModelPredictions;
export function predictionsAt(id: ModelId, params: ModelParams): ModelPredictions {
  if (id === 'paretoNbd') return predictions(PNBD, params as pnbd.ParetoNbdParams);
  return predictions(id === 'bgnbd' ? BG : MBG, params as bg.BgNbdParams);
}
