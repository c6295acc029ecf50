import { invertSpd, minimizeBfgs, minimizeMultiStart, numericHessian, type Objective } from '../../../src/core/predict/optimize';

/** Rosenbrock in n dimensions, minimum 0 at (1, …, 1): a curved valley BFGS must follow. */
const rosenbrock: Objective = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1]! - x[i]! * x[i]!;
    const b = 1 - x[i]!;
    f += 100 * a * a + b * b;
    g[i]! += -400 * x[i]! * a - 2 * b;
    g[i + 1]! += 200 * a;
  }
  return f;
};

describe('optimisation', () => {
  test('BFGS finds the Rosenbrock minimum', () => {
    const m = minimizeBfgs(rosenbrock, [-1.2, 1, -0.5, 0.8], { gradTol: 1e-9, maxIter: 2000 });
    expect(m.converged).toBe(true);
    m.x.forEach((v) => expect(v).toBeCloseTo(1, 6));
  });

  test('Hessian and inverse of a quadratic', () => {
    const A = [
      [4, 1, 0],
      [1, 3, 0.5],
      [0, 0.5, 2],
    ];
    const quad: Objective = (x, g) => {
      for (let i = 0; i < 3; i++) g[i] = A[i]!.reduce((s, v, j) => s + v * x[j]!, 0);
      return 0.5 * x.reduce((s, v, i) => s + v * g[i]!, 0);
    };
    const H = numericHessian(quad, [0.3, -0.2, 1]);
    H.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(A[i]![j]!, 8)));
    const inv = invertSpd(H)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expect(A[i]!.reduce((s, v, k) => s + v * inv[k]![j]!, 0)).toBeCloseTo(i === j ? 1 : 0, 8);
    }
    expect(invertSpd([[1, 2], [2, 1]])).toBeUndefined(); // indefinite
  });

  test('multi-start: a flat direction is reported, not passed off as an optimum', () => {
    // f depends on x₀ − x₁ only: every point on a line is a minimum.
    const ridge: Objective = (x, g) => {
      const d = x[0]! - x[1]! - 1;
      g[0] = 2 * d;
      g[1] = -2 * d;
      return d * d;
    };
    const m = minimizeMultiStart(ridge, [[0, 0], [2, -1]]);
    expect(m.problem).toBe('flat');
    // A parameter running off to infinity is reported as at the boundary.
    const slope: Objective = (x, g) => {
      g[0] = -Math.exp(-x[0]!);
      return Math.exp(-x[0]!);
    };
    expect(minimizeMultiStart(slope, [[0]]).problem).toBe('bound');
  });
});
