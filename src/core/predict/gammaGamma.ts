/**
 * The Gamma-Gamma model of spend per transaction: Fader, Hardie & Lee (2005), "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", JMR 42(4):415–430, and Fader & Hardie (2013),
 * "The Gamma-Gamma Model of Monetary Value" (Hardie's note 025).
 *
 * A customer's transaction values are Gamma(p, ν) around their own mean p/ν; ν ~ Gamma(q, γ)
 * across customers. A customer is summarised by x (repeat transactions) and z̄ (their mean value);
 * only customers with x > 0 and z̄ > 0 inform the fit. The model assumes spend is independent of
 * purchase frequency; the fit reports the correlation of x and z̄ so that can be checked.
 */
import { minimizeMultiStart, type MultiStartResult } from './optimize';
import { digamma, lgamma } from './special';
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Math, Number, Float64Array } = globalThis;

export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  /** γ (lifetimes calls it v). */
  readonly gamma: number;
}

export interface SpendRecord {
  /** Repeat transactions. */
  readonly x: number;
  /** Their mean value. */
  readonly zbar: number;
}

/**
 * ln f(z̄ | p, q, γ, x) for one customer (note 025, eq. 4):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, c: SpendRecord): number {
  const { p, q, gamma } = params;
  const px = p * c.x;
  return (
    lgamma(px + q) -
    lgamma(px) -
    lgamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(c.zbar) +
    px * Math.log(c.x) -
    (px + q) * Math.log(gamma + c.x * c.zbar)
  );
}

/**
 * E[M | p, q, γ, x, z̄] = p(γ + x z̄)/(px + q − 1): a weighted mean of the population mean
 * pγ/(q−1) and the customer's own z̄, the weight on z̄ growing with x. For x = 0 it is the
 * population mean. Defined for q > 1 (otherwise the population mean is infinite).
 */
export function expectedSpend(params: GammaGammaParams, c: SpendRecord): number {
  const { p, q, gamma } = params;
  if (c.x === 0) return (p * gamma) / (q - 1);
  return (p * (gamma + c.x * c.zbar)) / (p * c.x + q - 1);
}

/** The population mean spend per transaction, pγ/(q−1). */
export function populationMeanSpend(params: GammaGammaParams): number {
  return (params.p * params.gamma) / (params.q - 1);
}

export interface GammaGammaFit {
  readonly params: GammaGammaParams;
  readonly logLikelihood: number;
  readonly standardErrors: GammaGammaParams | undefined;
  /** A converged, interior optimum with positive-definite information, and q > 1. */
  readonly converged: boolean;
  readonly problem: MultiStartResult['problem'] | 'infiniteMean' | undefined;
  /** Customers used: x > 0 and z̄ > 0. */
  readonly customers: number;
  /** Pearson correlation of x and z̄ among them; the model assumes it is near 0. */
  readonly spendFrequencyCorrelation: number;
  readonly agreeingStarts: number;
  readonly starts: number;
  readonly iterations: number;
}

/**
 * Maximum-likelihood fit of (p, q, γ) on the customers with x > 0 and z̄ > 0, over
 * (ln p, ln q, ln(γ/s)), s the mean z̄, by BFGS with the analytic gradient from several starts:
 *   ∂/∂p = x[ψ(px+q) − ψ(px) + ln z̄ + ln x − ln(γ + x z̄)],
 *   ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ + x z̄),
 *   ∂/∂γ = q/γ − (px+q)/(γ + x z̄).
 */
export function fitGammaGamma(customers: readonly SpendRecord[]): GammaGammaFit {
  const used = customers.filter((c) => c.x > 0 && c.zbar > 0 && Number.isFinite(c.zbar));
  const n = used.length;
  const xsArr = Float64Array.from(used, (c) => c.x);
  const zArr = Float64Array.from(used, (c) => c.zbar);
  const lnZ = zArr.map((z) => Math.log(z));
  const lnX = xsArr.map((x) => Math.log(x));
  const xs = [...new Set(used.map((c) => c.x))]; // the distinct x, each customer's by xIndex
  const xIndex = new Map(xs.map((v, i) => [v, i]));
  const xi = Int32Array.from(used, (c) => xIndex.get(c.x)!);
  const scale = zArr.reduce((s, z) => s + z, 0) / n; // NaN with no customers, when nothing is fitted

  const toParams = (th: readonly number[]): GammaGammaParams => ({
    p: Math.exp(th[0]!),
    q: Math.exp(th[1]!),
    gamma: Math.exp(th[2]!) * scale,
  });
  const objective = (th: readonly number[], grad: number[]): number => {
    const { p, q, gamma } = toParams(th);
    const lgq = lgamma(q);
    const psq = digamma(q);
    const lnG = Math.log(gamma);
    // Per distinct x: ln Γ(px+q) − ln Γ(px), ψ(px+q) − ψ(px), ψ(px+q).
    const head = xs.map((x) => lgamma(p * x + q) - lgamma(p * x));
    const dHead = xs.map((x) => digamma(p * x + q) - digamma(p * x));
    const psTot = xs.map((x) => digamma(p * x + q));
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gg = 0;
    for (let k = 0; k < n; k++) {
      const x = xsArr[k]!;
      const i = xi[k]!;
      const px = p * x;
      const lnDen = Math.log(gamma + x * zArr[k]!);
      ll += head[i]! - lgq + q * lnG + (px - 1) * lnZ[k]! + px * lnX[k]! - (px + q) * lnDen;
      gp += x * (dHead[i]! + lnZ[k]! + lnX[k]! - lnDen);
      gq += psTot[i]! - psq + lnG - lnDen;
      gg += q / gamma - (px + q) / (gamma + x * zArr[k]!);
    }
    grad[0] = (-gp * p) / n;
    grad[1] = (-gq * q) / n;
    grad[2] = (-gg * gamma) / n;
    return -ll / n;
  };
  const starts = [
    [Math.log(1), Math.log(2), Math.log(1)],
    [Math.log(5), Math.log(4), Math.log(3)],
    [Math.log(0.5), Math.log(10), Math.log(10)],
  ];
  const m = n > 0 ? minimizeMultiStart(objective, starts, { gradTol: 1e-7, decrementTol: 1e-6 / n }) : undefined;
  const params = m ? toParams(m.best.x) : { p: NaN, q: NaN, gamma: NaN };
  let standardErrors: GammaGammaParams | undefined;
  if (m?.inverseHessian) {
    const se = m.inverseHessian.map((row, i) => Math.sqrt(Math.max(0, row[i]!) / n));
    standardErrors = { p: params.p * se[0]!, q: params.q * se[1]!, gamma: params.gamma * se[2]! };
  }
  const problem = m === undefined ? 'iterations' : (m.problem ?? (params.q > 1 ? undefined : 'infiniteMean'));
  return {
    params,
    logLikelihood: m ? -m.best.f * n : NaN,
    standardErrors,
    converged: problem === undefined,
    problem,
    customers: n,
    spendFrequencyCorrelation: correlation(xsArr, zArr),
    agreeingStarts: m?.agreeing ?? 0,
    starts: starts.length,
    iterations: m?.best.iterations ?? 0,
  };
}

/** Pearson's r; NaN when x or z̄ does not vary (so also for fewer than two customers). */
function correlation(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  let mu = 0;
  let mv = 0;
  for (let i = 0; i < n; i++) {
    mu += u[i]!;
    mv += v[i]!;
  }
  mu /= n;
  mv /= n;
  let suv = 0;
  let suu = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const du = u[i]! - mu;
    const dv = v[i]! - mv;
    suv += du * dv;
    suu += du * du;
    svv += dv * dv;
  }
  // Where x or z̄ does not vary, its deviations are all 0, and so is suv: 0/0 is NaN.
  return suv / Math.sqrt(suu * svv);
}
