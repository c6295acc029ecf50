/**
 * Minimisation for the maximum-likelihood fits: BFGS with an analytic gradient and a backtracking
 * (Armijo) line search, plus the observed-information check that tells a real optimum from a
 * flat ridge. The models' parameters are all positive; the fits optimise their logarithms, so
 * the search is unconstrained and "r, α, a, b > 0" holds by construction.
 */
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Math, Number } = globalThis;

/** Returns f(x) and writes ∇f(x) into `grad`. */
export type Objective = (x: readonly number[], grad: number[]) => number;

export interface MinimizeOptions {
  /** Stop when every |∂f/∂xᵢ| is at most this. */
  readonly gradTol?: number;
  readonly maxIter?: number;
  /** Largest step in any coordinate per iteration (log-parameters: e^5 ≈ 150×). */
  readonly maxStep?: number;
  /** Give up once any |xᵢ| exceeds this: the search is running off to a boundary (a parameter
   *  heading to 0 or ∞), where no interior optimum will be found. */
  readonly escape?: number;
  /** A starting inverse Hessian (e.g. from a fit on a subsample), instead of the scaled identity. */
  readonly inverseHessian?: readonly (readonly number[])[];
  /**
   * Also stop when the Newton decrement gᵀHg by the BFGS approximation H is below a thousandth of
   * this (see {@link MultiStartOptions}): the point is then far closer to the optimum than the
   * data can tell, and the last iterations before the gradient test would only chase rounding
   * noise — each a pass over every customer. minimizeMultiStart checks the point with the
   * finite-difference Hessian either way.
   */
  readonly decrementTol?: number;
}

export interface Minimum {
  readonly x: number[];
  readonly f: number;
  readonly grad: number[];
  readonly iterations: number;
  readonly evaluations: number;
  /** The gradient test was met (not merely the iteration limit or a stalled line search). */
  readonly converged: boolean;
}

const norm = (v: readonly number[]): number => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
const dot = (u: readonly number[], v: readonly number[]): number => u.reduce((s, x, i) => s + x * v[i]!, 0);
const identity = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/**
 * BFGS on an inverse-Hessian approximation. The first step is scaled by yᵀs/yᵀy (Nocedal &
 * Wright §6.1); an update is skipped when the curvature condition sᵀy > 0 fails, which keeps the
 * approximation positive definite. A step that makes f non-finite is shortened like any other.
 */
export function minimizeBfgs(f: Objective, x0: readonly number[], opts: MinimizeOptions = {}): Minimum {
  const gradTol = opts.gradTol ?? 1e-8;
  const maxIter = opts.maxIter ?? 500;
  const maxStep = opts.maxStep ?? 5;
  const decrementTol = opts.decrementTol ?? 0;
  const n = x0.length;
  let x = [...x0];
  let g = new Array<number>(n).fill(0);
  let fx = f(x, g);
  let evaluations = 1;
  const seeded = opts.inverseHessian !== undefined;
  let H: number[][] = seeded ? opts.inverseHessian!.map((row) => [...row]) : identity(n);
  let iterations = 0;
  let stalls = 0;
  let idle = 0; // consecutive iterations that lowered f by no more than its rounding noise
  if (!Number.isFinite(fx)) return { x, f: fx, grad: g, iterations, evaluations, converged: false };

  const escape = opts.escape ?? Infinity;
  while (iterations < maxIter && norm(g) > gradTol && norm(x) <= escape) {
    iterations++;
    let d = H.map((row) => -dot(row, g));
    let slope = dot(d, g);
    if (!(slope < 0)) {
      // Not a descent direction (the approximation went bad): restart from steepest descent.
      H = identity(n);
      d = g.map((v) => -v);
      slope = dot(d, g);
    }
    const longest = norm(d);
    let step = longest > maxStep ? maxStep / longest : 1;
    const gNew = new Array<number>(n).fill(0);
    let xNew = x;
    let fNew = NaN;
    let accepted = false;
    for (let k = 0; k < 40; k++) {
      xNew = x.map((v, i) => v + step * d[i]!);
      fNew = f(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      // No decrease along d even for tiny steps: at the limit of floating-point resolution.
      if (++stalls >= 2) break;
      H = identity(n);
      continue;
    }
    stalls = 0;
    const s = xNew.map((v, i) => v - x[i]!);
    const y = gNew.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (iterations === 1 && !seeded) {
        const scale = sy / dot(y, y);
        H = H.map((row) => row.map((v) => v * scale));
      }
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      const rho = 1 / sy;
      // H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, expanded.
      H = H.map((row, i) =>
        row.map((v, j) => v - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!),
      );
    }
    // Decreases at the level of f's rounding noise: the search can do no better; stop and let
    // the caller judge the point (minimizeMultiStart polishes it with Newton steps).
    idle = fx - fNew <= 1e-14 * Math.abs(fx) ? idle + 1 : 0;
    x = xNew;
    g = gNew;
    fx = fNew;
    if (idle >= 5) break;
    // After two updates (or from a given curvature) H is a usable estimate of the inverse Hessian.
    if (decrementTol > 0 && (iterations >= 2 || seeded) && dot(g, H.map((row) => dot(row, g))) <= decrementTol * 1e-3) break;
  }
  return { x, f: fx, grad: g, iterations, evaluations, converged: norm(g) <= gradTol };
}

/** The Hessian by central differences of the analytic gradient, symmetrised. */
export function numericHessian(f: Objective, x: readonly number[], h = 1e-4): number[][] {
  const n = x.length;
  const gp = new Array<number>(n).fill(0);
  const gm = new Array<number>(n).fill(0);
  const H: number[][] = [];
  for (let i = 0; i < n; i++) {
    const xp = [...x];
    const xm = [...x];
    xp[i]! += h;
    xm[i]! -= h;
    f(xp, gp);
    f(xm, gm);
    H.push(gp.map((v, j) => (v - gm[j]!) / (2 * h)));
  }
  return H.map((row, i) => row.map((v, j) => (v + H[j]![i]!) / 2));
}

/** The inverse of a symmetric positive-definite matrix by Cholesky, or undefined when it is not
 *  positive definite (a saddle or a flat direction: the optimum is not identified). */
export function invertSpd(A: readonly (readonly number[])[]): number[][] | undefined {
  const n = A.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 1e-12 * Math.max(1, Math.abs(A[i]![i]!)))) return undefined;
        L[i]![i] = Math.sqrt(s);
      } else {
        L[i]![j] = s / L[j]![j]!;
      }
    }
  }
  // A⁻¹ = L⁻ᵀ L⁻¹, column by column.
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
      y[i] = s / L[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < n; k++) s -= L[k]![i]! * inv[k]![c]!;
      inv[i]![c] = s / L[i]![i]!;
    }
  }
  return inv;
}

export interface MultiStartOptions extends MinimizeOptions {
  /** A minimum with any |xᵢ| beyond this is at the edge of the search (log-parameters: e^±bound). */
  readonly bound?: number;
  /**
   * Also converged when the Newton decrement gᵀH⁻¹g is at most this. For a mean negative
   * log-likelihood over N customers, 1e-6/N says the optimum is within 1e-3 standard errors —
   * the statistical meaning of "converged", whatever the floating-point noise in the gradient.
   * (Each BFGS run also stops early on it: {@link MinimizeOptions.decrementTol}.)
   */
  readonly decrementTol?: number;
}

export interface MultiStartResult {
  /** The best minimum over all starts (after the Newton polish). */
  readonly best: Minimum;
  readonly starts: number;
  /** Starts that ended within 1e-6 (absolute, on the objective) of the best. */
  readonly agreeing: number;
  /** Inverse of the Hessian of the objective at the best minimum, when it is positive definite. */
  readonly inverseHessian: number[][] | undefined;
  /** Why the best minimum is not a trustworthy optimum, if it is not. */
  readonly problem: 'iterations' | 'flat' | 'bound' | undefined;
  readonly evaluations: number;
}

/**
 * Minimises from each start and keeps the best; then checks that the best is an interior,
 * well-curved optimum: every coordinate within ±bound and a positive-definite Hessian (else the
 * data cannot tell the parameters apart, and the numbers would be arbitrary). A few Newton steps
 * on the finite-difference Hessian then polish it (BFGS can stall a hair above its gradient test
 * where the objective's rounding noise swamps its decrease), and it is converged when the gradient
 * test or the Newton-decrement test is met.
 */
export function minimizeMultiStart(f: Objective, starts: readonly (readonly number[])[], opts: MultiStartOptions = {}): MultiStartResult {
  const bound = opts.bound ?? 14;
  const gradTol = opts.gradTol ?? 1e-8;
  const decrementTol = opts.decrementTol ?? 0;
  let best: Minimum | undefined;
  const ends: number[] = [];
  let evaluations = 0;
  for (const x0 of starts) {
    const m = minimizeBfgs(f, x0, { escape: bound + 4, ...opts });
    evaluations += m.evaluations;
    ends.push(m.f);
    if (best === undefined || (Number.isFinite(m.f) && !(m.f >= best.f))) best = m;
  }
  let b = best!;
  let problem: MultiStartResult['problem'];
  let inverseHessian: number[][] | undefined;
  if (!Number.isFinite(b.f)) problem = 'iterations';
  else if (b.x.some((v) => Math.abs(v) > bound)) problem = 'bound';
  else {
    const n = b.x.length;
    const hessianAt = (x: readonly number[]): number[][] | undefined => {
      evaluations += 2 * n;
      return invertSpd(numericHessian(f, x));
    };
    inverseHessian = hessianAt(b.x);
    const decrement = (g: readonly number[], Hi: number[][]): number => dot(g, Hi.map((row) => dot(row, g)));
    for (let k = 0; k < 5 && inverseHessian !== undefined; k++) {
      if (norm(b.grad) <= gradTol || decrement(b.grad, inverseHessian) <= decrementTol * 1e-3) break;
      const Hi = inverseHessian;
      const x = b.x.map((v, i) => v - dot(Hi[i]!, b.grad));
      const g = new Array<number>(n).fill(0);
      const fx = f(x, g);
      evaluations++;
      if (!(fx <= b.f + 1e-13 * Math.abs(b.f))) break;
      b = { ...b, x, f: fx, grad: g, converged: norm(g) <= gradTol };
      inverseHessian = hessianAt(x);
    }
    if (inverseHessian === undefined) problem = 'flat';
    else if (!(norm(b.grad) <= gradTol || decrement(b.grad, inverseHessian) <= decrementTol)) problem = 'iterations';
    else b = { ...b, converged: true };
  }
  const agreeing = ends.filter((v) => Math.abs(v - b.f) <= 1e-6).length;
  return { best: b, starts: starts.length, agreeing, inverseHessian, problem, evaluations };
}
