/**
 * How right the predictions are on the shop's own orders (issue 15): the calibration/holdout test
 * of the papers (FHL 2005 §4; lifetimes' and BTYD's "calibration vs holdout" plots), run on the
 * shop. The history is split at (as-of − H), H = 90 days by default; each model is fitted on the
 * calibration period only, predicts each customer's purchases in the holdout period (the H days
 * up to the as-of day), and is compared with what those customers did.
 *
 * The cohort is the customers who had bought by the split: the models predict what existing
 * customers do next, so customers first seen in the holdout period are left out of both sides.
 *
 * Choosing the model: by the holdout log score — the log-likelihood, under each model fitted on
 * the calibration period, of what each customer actually did in the holdout period:
 *   ln p(holdout | calibration) = ln L(x, t_x, T at the as-of day) − ln L(x, t_x, T at the split),
 * since a model's L is the density of the customer's purchase times, so the ratio is the density
 * of the holdout purchases given those before. Why this and not an error of counts:
 * - It is a proper scoring rule for the whole predictive distribution, counts and timing alike
 *   (Good 1952; Gneiting & Raftery 2007, "Strictly proper scoring rules", JASA 102:359–378): the
 *   model that generated the data has the best expected score.
 * - The absolute error of counts is not even right for the mean: it is best for the median,
 *   which for a customer who most likely buys nothing is 0, so it favours models that predict
 *   too little. The squared error is right for the mean (Gneiting 2011), but measured on simulated
 *   shops of 20,000 customers it could not tell the three models apart (|z| < 2.5, the generating
 *   model chosen in 1 case of 6), while the log score chose it every time (|z| > 4).
 * Models are compared with BG/NBD, the default, customer by customer (Diebold & Mariano 1995,
 * "Comparing predictive accuracy", JBES 13:253–263: z = mean difference of the scores / its
 * standard error). Another model replaces BG/NBD only when its score is higher at the 5 % level
 * after a Bonferroni correction for the two comparisons (z > 1.96, one-sided 2.5 % each), and
 * then the highest-scoring such model is used; otherwise the data cannot tell the models apart and
 * BG/NBD stays — the section says so. The counts — actual vs predicted, in total and by
 * calibration-period repeat purchases — are what the owner sees, with each model's squared error.
 */
import type { Day } from '../dates';
import type { RfmRecord } from './bgnbd';
import { DEFAULT_MODEL, MODEL_IDS, fitModel, type FittedModel, type ModelId } from './models';
import { compressRfm, summarizeDays, type CompressedRfm, type CustomerDays } from './rfm';
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Math, Number, Float64Array } = globalThis;

export interface BacktestOptions {
  /** Length of the holdout period H, in days; 0 turns the backtest off. */
  readonly holdoutDays: number;
  /** Fewer customers than this with a repeat purchase *before the split*: not enough to tell. */
  readonly minRepeatBuyers: number;
  /** Cohorts larger than this are fitted and scored on a systematic sample of this size
   *  (default {@link BACKTEST_SAMPLE}; smaller only in tests, to see the sampling at work). */
  readonly sample?: number;
}

/** |z| beyond which two models' holdout scores differ (5 %, Bonferroni over two comparisons). */
export const SIGNIFICANT_Z = 1.96;

/** Above this many customers in the cohort, the models are fitted and scored on a systematic
 *  sample of this size (on 200,000 simulated customers the z of the comparison was 20–28, far from
 *  the 1.96 that decides; a sample of 40,000 keeps it near 9–12 and the cost bounded). */
export const BACKTEST_SAMPLE = 40_000;

/** Calibration-period repeat purchases 0, 1, …, 6 and "7 or more", as the papers group them. */
export const BIN_COUNT = 8;

export interface ModelScore {
  readonly id: ModelId;
  /** Fitted on the calibration period. */
  readonly model: FittedModel;
  /** Expected holdout purchases of the cohort (NaN when the fit did not converge). */
  readonly predicted: number;
  /** Mean squared error of per-customer holdout purchases. */
  readonly mse: number;
  /** The holdout log score, Σ over the cohort (or its sample, above BACKTEST_SAMPLE) of ln p(holdout | calibration); higher is better. */
  readonly logScore: number;
  /** The paired comparison of log scores with the baseline: positive when this model scored
   *  higher; undefined for the baseline itself and for a model that could not be fitted. */
  readonly z: number | undefined;
}

export interface BacktestBin {
  /** Repeat purchases in the calibration period; the last bin is "this many or more". */
  readonly repeat: number;
  readonly orMore: boolean;
  readonly customers: number;
  /** Holdout purchases, summed over the bin's customers. */
  readonly actual: number;
  /** The chosen model's expected holdout purchases, summed. */
  readonly predicted: number;
}

/** Why there is no backtest. */
export type BacktestGap = 'off' | 'fewRepeatBuyers' | 'notConverged';

interface Period {
  /** The last day of the calibration period (as-of − H). */
  readonly calibrationEnd: Day;
  readonly asOf: Day;
  readonly holdoutDays: number;
  /** Customers who had bought by the split (the cohort). */
  readonly customers: number;
  /** Those of them with a repeat purchase before the split. */
  readonly repeatBuyers: number;
}

export type Backtest =
  | (Period & { readonly ok: false; readonly reason: BacktestGap; readonly minRepeatBuyers: number })
  | (Period & {
      readonly ok: true;
      /** Holdout purchases the cohort made. */
      readonly actual: number;
      /** One per model, in MODEL_IDS order. */
      readonly scores: readonly ModelScore[];
      /** BG/NBD, unless it could not be fitted (then the best-scoring model that could). */
      readonly baseline: ModelId;
      /** The model the predictions use ({@link chooseModel}). */
      readonly chosen: ModelId;
      readonly verdict: Verdict;
      readonly bins: readonly BacktestBin[];
    });

/**
 * 'better': the chosen model predicted significantly better than the baseline;
 * 'baselineBest': the baseline predicted significantly better than every other model;
 * 'indistinguishable': the differences are within chance, and the baseline is kept.
 */
export type Verdict = 'better' | 'baselineBest' | 'indistinguishable';

/**
 * Which model the predictions use, from the fitted models ranked by holdout log score (best
 * first, the baseline among them) and each other model's paired z against the baseline: another
 * model only when it predicted significantly better (z > {@link SIGNIFICANT_Z}) — the
 * best-scoring of those —, else the baseline; the baseline is called best only when every other
 * model predicted significantly worse.
 */
export function chooseModel(ranked: readonly ModelId[], baseline: ModelId, z: ReadonlyMap<ModelId, number>): { chosen: ModelId; verdict: Verdict } {
  const others = ranked.filter((id) => id !== baseline);
  const better = others.find((id) => z.get(id)! > SIGNIFICANT_Z);
  if (better !== undefined) return { chosen: better, verdict: 'better' };
  return { chosen: baseline, verdict: others.length > 0 && others.every((id) => z.get(id)! < -SIGNIFICANT_Z) ? 'baselineBest' : 'indistinguishable' };
}

/** z of the paired differences d (Diebold–Mariano with independent customers): their mean over
 *  its standard error; ±∞ (0 when they are all 0) when every difference is the same. */
export function pairedZ(d: Float64Array): number {
  const n = d.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += d[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (d[i]! - mean) ** 2;
  const se = Math.sqrt(ss / (n - 1) / n);
  if (!(se > 0)) return mean === 0 ? 0 : mean > 0 ? Infinity : -Infinity;
  return mean / se;
}

/** Per customer of the cohort, one value per distinct (x, t_x, T): customers share them. */
function perCustomer(rows: CompressedRfm, f: (c: RfmRecord) => number): Float64Array {
  const perRow = new Float64Array(rows.x.length);
  for (let r = 0; r < perRow.length; r++) perRow[r] = f({ x: rows.x[r]!, tx: rows.tx[r]!, T: rows.T[r]! });
  const out = new Float64Array(rows.rowOf.length);
  for (let i = 0; i < out.length; i++) out[i] = perRow[rows.rowOf[i]!]!;
  return out;
}

/**
 * Runs the backtest on the customers' purchase days (rfm.ts, time in days) as of `asOf`.
 * Fits every model on the calibration period; never throws — a model that cannot be fitted is
 * scored as such and cannot be chosen.
 */
export function backtest(days: CustomerDays, asOf: Day, opts: BacktestOptions): Backtest {
  const holdoutDays = opts.holdoutDays;
  const calibrationEnd = asOf - holdoutDays;
  const calibration = holdoutDays > 0 ? summarizeDays(days, { asOf: calibrationEnd }) : [];
  const repeatBuyers = calibration.reduce((n, c) => n + (c.x > 0 ? 1 : 0), 0);
  const period: Period = { calibrationEnd, asOf, holdoutDays, customers: calibration.length, repeatBuyers };
  const gap = (reason: BacktestGap): Backtest => ({ ...period, ok: false, reason, minRepeatBuyers: opts.minRepeatBuyers });
  if (!(holdoutDays > 0)) return gap('off');
  if (repeatBuyers < opts.minRepeatBuyers) return gap('fewRepeatBuyers');

  const n = calibration.length;
  // The same customers at the as-of day: their purchases in the holdout are the difference.
  const now = new Map(summarizeDays(days, { asOf }).map((c) => [c.key, c]));
  const later = calibration.map((c) => now.get(c.key)!);
  const actual = new Float64Array(n);
  let actualTotal = 0;
  for (let i = 0; i < n; i++) {
    actual[i] = later[i]!.x - calibration[i]!.x;
    actualTotal += actual[i]!;
  }
  const before = compressRfm(calibration);
  // A large shop is fitted and scored on a systematic sample of its customers (the comparison is
  // already decisive there, and each fit costs a pass over the customers per step); the counts the
  // owner sees are still every customer's, predicted with the sample's fit.
  const size = opts.sample ?? BACKTEST_SAMPLE;
  const sampled = n > size ? Array.from({ length: size }, (_, i) => Math.floor((i * n) / size)) : undefined;
  const fitOn = sampled === undefined ? calibration : sampled.map((i) => calibration[i]!);
  const scoreBefore = sampled === undefined ? before : compressRfm(fitOn);
  const scoreAfter = compressRfm(sampled === undefined ? later : sampled.map((i) => later[i]!));

  const fitted = MODEL_IDS.map((id) => {
    const model = fitModel(id, fitOn);
    if (!model.fit.converged) return { id, model, expected: undefined, score: undefined };
    const expected = perCustomer(before, (c) => model.expected(c, holdoutDays));
    const lnBefore = perCustomer(scoreBefore, (c) => model.logLikelihood(c));
    const score = perCustomer(scoreAfter, (c) => model.logLikelihood(c));
    for (let i = 0; i < score.length; i++) score[i]! -= lnBefore[i]!;
    return { id, model, expected, score };
  });
  const converged = fitted.filter((f) => f.score !== undefined && f.score.every(Number.isFinite));
  if (converged.length === 0) return gap('notConverged');

  const total = (v: Float64Array): number => v.reduce((s, x) => s + x, 0);
  const logScore = new Map(converged.map((f) => [f.id, total(f.score!)]));
  const byScore = [...converged].sort((p, q) => logScore.get(q.id)! - logScore.get(p.id)!);
  const baseline = converged.some((f) => f.id === DEFAULT_MODEL) ? DEFAULT_MODEL : byScore[0]!.id;
  const base = converged.find((f) => f.id === baseline)!.score!;
  const z = new Map<ModelId, number>();
  for (const f of converged) {
    if (f.id === baseline) continue;
    z.set(f.id, pairedZ(f.score!.map((v, i) => v - base[i]!)));
  }
  const { chosen, verdict } = chooseModel(
    byScore.map((f) => f.id),
    baseline,
    z,
  );

  const scores: ModelScore[] = fitted.map((f) => {
    if (!converged.includes(f)) return { id: f.id, model: f.model, predicted: NaN, mse: NaN, logScore: NaN, z: undefined };
    let se = 0;
    for (let i = 0; i < n; i++) se += (f.expected![i]! - actual[i]!) ** 2;
    return { id: f.id, model: f.model, predicted: total(f.expected!), mse: se / n, logScore: logScore.get(f.id)!, z: z.get(f.id) };
  });

  const chosenExpected = fitted.find((f) => f.id === chosen)!.expected!;
  const bins = Array.from({ length: BIN_COUNT }, (_, repeat) => ({ repeat, orMore: repeat === BIN_COUNT - 1, customers: 0, actual: 0, predicted: 0 }));
  for (let i = 0; i < n; i++) {
    const bin = bins[Math.min(calibration[i]!.x, BIN_COUNT - 1)]!;
    bin.customers++;
    bin.actual += actual[i]!;
    bin.predicted += chosenExpected[i]!;
  }
  return { ...period, ok: true, actual: actualTotal, scores, baseline, chosen, verdict, bins };
}
