/**
 * Maximum likelihood over positive parameters, the part every purchase model's fit shares: the
 * search runs over logarithms (so "θ > 0" holds by construction and a step is relative), the
 * parameters that carry the time unit are divided by a scale first (so days and weeks search
 * alike), BFGS runs from several starts, and the result says whether it is a trustworthy optimum
 * and carries asymptotic standard errors (inverse observed information, delta method from the
 * logarithms).
 *
 * On a large shop most of the search is spent far from the optimum, each step a pass over every
 * customer. So above {@link PILOT_ABOVE} customers the starts are first searched on a systematic
 * sample of {@link PILOT_SIZE}; the full data's search then starts from the sample's optimum with
 * its curvature, and takes a few steps instead of dozens. The estimate is still the full data's
 * maximum (its gradient and Newton tests are the full data's); only the way there is shorter.
 */
import { minimizeMultiStart, type MultiStartResult, type Objective } from './optimize';
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Math, Number } = globalThis;

/** Fits on more customers than this start from a pilot fit on a sample. */
export const PILOT_ABOVE = 40_000;
export const PILOT_SIZE = 20_000;

export interface PositiveFitSpec<K extends string, R> {
  /** The customers. */
  readonly records: readonly R[];
  /** The mean negative log-likelihood over some customers, as a function of θ (in `keys`
   *  order) that writes ∂/∂θ into `grad`. */
  readonly objective: (records: readonly R[]) => (theta: readonly number[], grad: number[]) => number;
  /** The parameters, in the order the objective takes them. */
  readonly keys: readonly K[];
  /** Divisors for the parameters that carry the time unit (α, β): searched as ln(θ/scale). */
  readonly scales?: Partial<Record<K, number>>;
  readonly starts: ReadonlyArray<Readonly<Record<K, number>>>;
  readonly gradTol?: number;
  readonly maxIter?: number;
  /** A fit of the same model on nearly the same customers (the backtest's, on the orders before
   *  the holdout): the search starts from its optimum with its curvature, and the starts are
   *  searched only if that does not converge. */
  readonly warm?: WarmStart<K>;
}

/** Where a previous fit ended: its parameters and the inverse Hessian of its mean objective in
 *  log-parameters (unit-free, so it carries over to another scale). */
export interface WarmStart<K extends string> {
  readonly params: Readonly<Record<K, number>>;
  readonly inverseHessian: readonly (readonly number[])[] | undefined;
}

export interface PositiveFit<K extends string> {
  readonly params: Readonly<Record<K, number>>;
  /** Σ ln L at the estimate. */
  readonly logLikelihood: number;
  readonly standardErrors: Readonly<Record<K, number>> | undefined;
  /** A converged, interior optimum with positive-definite information. */
  readonly converged: boolean;
  readonly problem: MultiStartResult['problem'];
  readonly starts: number;
  /** Starts that reached the same optimum. */
  readonly agreeingStarts: number;
  readonly iterations: number;
  readonly evaluations: number;
  /** Customers in the pilot sample the starts were searched on; undefined when none. */
  readonly pilot: number | undefined;
  /** The search began at a warm start (and converged from it). */
  readonly warmStarted: boolean;
  /** Inverse Hessian of the mean negative log-likelihood in log-parameters, for a warm start. */
  readonly inverseHessian: readonly (readonly number[])[] | undefined;
}

export function fitPositive<K extends string, R>(spec: PositiveFitSpec<K, R>): PositiveFit<K> {
  const { keys, records } = spec;
  const customers = records.length;
  const scale = keys.map((k) => spec.scales?.[k] ?? 1);
  const natural = (th: readonly number[]): number[] => th.map((v, i) => Math.exp(v) * scale[i]!);
  const onLogs = (rs: readonly R[]): Objective => {
    const f = spec.objective(rs);
    const g = new Array<number>(keys.length).fill(0);
    return (th, grad) => {
      const theta = natural(th);
      const value = f(theta, g);
      // Chain rule to log-parameters: ∂f/∂ln θ = θ ∂f/∂θ.
      for (let i = 0; i < theta.length; i++) grad[i] = g[i]! * theta[i]!;
      return value;
    };
  };
  const options = (n: number) => ({ gradTol: spec.gradTol ?? 1e-7, maxIter: spec.maxIter ?? 500, decrementTol: 1e-6 / Math.max(1, n) });
  const starts = spec.starts.map((p) => keys.map((k, i) => Math.log(p[k] / scale[i]!)));
  let m: MultiStartResult | undefined;
  let pilot: MultiStartResult | undefined;
  let warmStarted = false;
  if (spec.warm !== undefined) {
    const x0 = keys.map((k, i) => Math.log(spec.warm!.params[k] / scale[i]!));
    if (x0.every(Number.isFinite)) {
      m = minimizeMultiStart(onLogs(records), [x0], { ...options(customers), inverseHessian: spec.warm.inverseHessian?.map((row) => [...row]) });
      warmStarted = m.problem === undefined;
    }
  }
  if (!warmStarted && customers > PILOT_ABOVE) {
    const step = customers / PILOT_SIZE;
    const sample = Array.from({ length: PILOT_SIZE }, (_, i) => records[Math.floor(i * step)]!);
    pilot = minimizeMultiStart(onLogs(sample), starts, options(PILOT_SIZE));
    if (pilot.problem === undefined) {
      m = minimizeMultiStart(onLogs(records), [pilot.best.x], { ...options(customers), inverseHessian: pilot.inverseHessian });
    }
  }
  if (m === undefined || (!warmStarted && m.problem !== undefined)) {
    pilot = undefined;
    m = minimizeMultiStart(onLogs(records), starts, options(customers));
  }
  const theta = natural(m.best.x);
  const record = (values: readonly number[]): Record<K, number> =>
    Object.fromEntries(keys.map((k, i) => [k, values[i]!])) as Record<K, number>;
  let standardErrors: Record<K, number> | undefined;
  if (m.inverseHessian) {
    // The objective is the mean over N customers: Cov(ln θ) = H⁻¹ / N.
    standardErrors = record(m.inverseHessian.map((row, i) => theta[i]! * Math.sqrt(Math.max(0, row[i]!) / customers)));
  }
  return {
    params: record(theta),
    logLikelihood: -m.best.f * customers,
    standardErrors,
    converged: m.problem === undefined,
    problem: m.problem,
    starts: pilot?.starts ?? m.starts,
    agreeingStarts: pilot?.agreeing ?? m.agreeing,
    iterations: (pilot?.best.iterations ?? 0) + m.best.iterations,
    evaluations: (pilot?.evaluations ?? 0) + m.evaluations,
    pilot: pilot === undefined ? undefined : PILOT_SIZE,
    warmStarted,
    inverseHessian: m.inverseHessian,
  };
}
