import fc from 'fast-check';
import { invertSpd, minimizeBfgs, minimizeMultiStart, numericHessian, type Objective } from '../../../src/core/predict/optimize';

/** Rosenbrock in n dimensions, minimum 0 at (1, …, 1): a curved valley BFGS must follow. Its
 *  gradient is accumulated (+=), so it needs a zeroed `grad`. */
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

/** ½ Σ aᵢ (xᵢ − cᵢ)²: minimum 0 at c, Hessian diag(a). */
const quadratic =
  (a: readonly number[], c: readonly number[] = a.map(() => 0)): Objective =>
  (x, g) => {
    let f = 0;
    for (let i = 0; i < x.length; i++) {
      const d = x[i]! - c[i]!;
      g[i] = a[i]! * d;
      f += 0.5 * a[i]! * d * d;
    }
    return f;
  };

/** f with a count of its calls. */
const counted = (f: Objective): { f: Objective; calls: () => number } => {
  let n = 0;
  return {
    f: (x, g) => {
      n++;
      return f(x, g);
    },
    calls: () => n,
  };
};

describe('BFGS', () => {
  test('finds the Rosenbrock minimum, and counts every evaluation of f', () => {
    const c = counted(rosenbrock);
    const m = minimizeBfgs(c.f, [-1.2, 1, -0.5, 0.8], { gradTol: 1e-9, maxIter: 2000 });
    expect(m.converged).toBe(true);
    m.x.forEach((v) => expect(v).toBeCloseTo(1, 6));
    expect(m.f).toBeLessThan(1e-12);
    expect(m.evaluations).toBe(c.calls());
    expect(m.iterations).toBeGreaterThan(0);
  });

  test('the first step is steepest descent at unit length: on ½|x − c|² it lands on c', () => {
    const m = minimizeBfgs(quadratic([1, 1], [0.5, -2]), [3, 1]);
    expect(m).toMatchObject({ x: [0.5, -2], f: 0, iterations: 1, evaluations: 2, converged: true });
  });

  test('no coordinate moves more than maxStep in one iteration (default 5)', () => {
    expect(minimizeBfgs(quadratic([1]), [100], { maxIter: 1 }).x[0]).toBeCloseTo(95, 12);
    expect(minimizeBfgs(quadratic([1]), [100], { maxIter: 1, maxStep: 2 }).x[0]).toBeCloseTo(98, 12);
    // A step of exactly maxStep is taken whole.
    expect(minimizeBfgs(quadratic([1]), [5], { maxIter: 1 }).x).toEqual([0]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 4 }), (x0) => {
        const m = minimizeBfgs(quadratic(x0.map(() => 3)), x0, { maxIter: 1 });
        m.x.forEach((v, i) => expect(Math.abs(v - x0[i]!)).toBeLessThanOrEqual(5 + 1e-9));
      }),
    );
  });

  test('an iteration never raises f: a trial step that overshoots is halved until f falls enough (Armijo)', () => {
    // x⁴/4 + y² from (2, 0): the first trial (capped at 5) lands at x = −3, far higher.
    const quartic: Objective = (x, g) => {
      g[0] = x[0]! ** 3;
      g[1] = 2 * x[1]!;
      return x[0]! ** 4 / 4 + x[1]! * x[1]!;
    };
    const one = minimizeBfgs(quartic, [2, 0], { maxIter: 1 });
    expect(one.f).toBeLessThan(4);
    expect(one.x[0]).toBeCloseTo(-0.5, 12);
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (a, b) => {
        const f0 = quartic([a, b], [0, 0]);
        const m = minimizeBfgs(quartic, [a, b], { maxIter: 1 });
        expect(m.f).toBeLessThanOrEqual(f0);
      }),
    );
    // A step to a point no lower than the start (the mirror image of x across the minimum of
    // ½x², by a seeded curvature of 2) is not enough: halved, it lands on the minimum.
    expect(minimizeBfgs(quadratic([1]), [1], { inverseHessian: [[2]] })).toMatchObject({ x: [0], iterations: 1, evaluations: 3 });
  });

  test('a step that makes f non-finite is shortened like any other', () => {
    // (x + 0.9)², undefined at x ≤ −1: the first trial (capped at 5) lands at −1.
    const walled: Objective = (x, g) => {
      g[0] = 2 * (x[0]! + 0.9);
      return x[0]! <= -1 ? NaN : (x[0]! + 0.9) ** 2;
    };
    const m = minimizeBfgs(walled, [4]);
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(-0.9, 9);
  });

  test('stops at once where the gradient test holds (|∂f/∂xᵢ| ≤ gradTol, inclusive)', () => {
    expect(minimizeBfgs(quadratic([1, 2], [1, 1]), [1, 1])).toMatchObject({ x: [1, 1], iterations: 0, evaluations: 1, converged: true });
    expect(minimizeBfgs(quadratic([1]), [0.5], { gradTol: 0.5 })).toMatchObject({ x: [0.5], iterations: 0, converged: true });
    expect(minimizeBfgs(quadratic([1]), [0.5], { gradTol: 0.25 }).iterations).toBeGreaterThan(0);
  });

  test('stops after maxIter iterations, not converged', () => {
    const m = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIter: 3 });
    expect(m).toMatchObject({ iterations: 3, converged: false });
    expect(minimizeBfgs(rosenbrock, [-1.2, 1], { maxIter: 0 })).toMatchObject({ x: [-1.2, 1], iterations: 0, evaluations: 1, converged: false });
  });

  test('gives up once a coordinate runs past `escape` (a parameter heading to 0 or ∞)', () => {
    // e^−x: no minimum, the search runs off to +∞.
    const slope: Objective = (x, g) => {
      g[0] = -Math.exp(-x[0]!);
      return Math.exp(-x[0]!);
    };
    const m = minimizeBfgs(slope, [0], { escape: 10 });
    expect(m.converged).toBe(false);
    expect(m.x[0]).toBeGreaterThan(10);
    expect(m.x[0]).toBeLessThanOrEqual(15); // one step (at most maxStep) past it
    // |x| = escape is still inside: the search goes on.
    expect(minimizeBfgs(slope, [10], { escape: 10 }).iterations).toBeGreaterThan(0);
  });

  test('a start where f is not finite is returned at once, not converged', () => {
    const c = counted((x, g) => {
      g[0] = 1;
      return NaN;
    });
    expect(minimizeBfgs(c.f, [3])).toMatchObject({ x: [3], iterations: 0, evaluations: 1, converged: false });
    expect(c.calls()).toBe(1);
  });

  test('a gradient that contradicts f: after two line searches of 40 halvings find no decrease, it gives up at the start', () => {
    // f = |x|², but the gradient it reports points the wrong way: every "descent" step goes up.
    const liar = counted((x, g) => {
      g[0] = -2 * x[0]!;
      g[1] = -2 * x[1]!;
      return x[0]! ** 2 + x[1]! ** 2;
    });
    const m = minimizeBfgs(liar.f, [1, -0.5]);
    expect(m).toMatchObject({ x: [1, -0.5], f: 1.25, iterations: 2, evaluations: 81, converged: false });
    expect(liar.calls()).toBe(81);
  });

  test('where f is flat to its rounding (1e20 + x), it stops after five iterations that lower f by nothing', () => {
    const flat: Objective = (x, g) => {
      g[0] = 1;
      return 1e20 + x[0]!;
    };
    expect(minimizeBfgs(flat, [0])).toMatchObject({ x: [-5], iterations: 5, converged: false });
  });

  test('a seeded inverse Hessian is used as given: the exact one makes the first step Newton’s', () => {
    // ½xᵀAx − bᵀx has its minimum at A⁻¹b; the inverse Hessian A⁻¹ sends the first step there.
    const A = [
      [4, 1],
      [1, 3],
    ];
    const Ainv = [
      [3 / 11, -1 / 11],
      [-1 / 11, 4 / 11],
    ];
    const b = [1, 2];
    const f: Objective = (x, g) => {
      for (let i = 0; i < 2; i++) g[i] = A[i]![0]! * x[0]! + A[i]![1]! * x[1]! - b[i]!;
      return 0.5 * (x[0]! * (g[0]! - b[0]!) + x[1]! * (g[1]! - b[1]!));
    };
    const seed = Ainv.map((row) => [...row]);
    const m = minimizeBfgs(f, [0, 0], { inverseHessian: seed, gradTol: 1e-12 });
    expect(m.iterations).toBe(1);
    expect(m.x[0]).toBeCloseTo(1 / 11, 14);
    expect(m.x[1]).toBeCloseTo(7 / 11, 14);
    expect(seed).toEqual(Ainv); // the caller's matrix is not written to
    expect(minimizeBfgs(f, [0, 0], { gradTol: 1e-12 }).iterations).toBeGreaterThan(1);
  });

  test('a seed that points uphill or says nothing (not positive definite) gives way to steepest descent', () => {
    for (const seed of [[[-1, 0], [0, -1]], [[0, 0], [0, 0]]]) {
      expect(minimizeBfgs(quadratic([1, 1], [2, 1]), [0, 0], { inverseHessian: seed })).toMatchObject({ x: [2, 1], iterations: 1, converged: true });
    }
  });

  test('the first step’s curvature sets the scale of H (yᵀs/yᵀy): a gently curved quadratic takes a handful of iterations', () => {
    // Curvatures 10⁻³: the unit first guess H = I is 500× too small; scaled after the first step,
    // BFGS needs about n + a few iterations instead of twice as many.
    const m = minimizeBfgs(quadratic([0.001, 0.002, 0.003]), [5, 4, 3], { gradTol: 1e-10 });
    expect(m.converged).toBe(true);
    expect(m.iterations).toBeLessThanOrEqual(10);
  });

  describe('the Newton-decrement stop (decrementTol)', () => {
    const f = quadratic([1, 100]);
    const x0 = [1, 1.3];
    test('stops once gᵀHg is a thousandth of decrementTol, before the gradient test, with f that close to its minimum', () => {
      const full = minimizeBfgs(f, x0, { gradTol: 1e-10 });
      const early = minimizeBfgs(f, x0, { gradTol: 1e-10, decrementTol: 1e-6 });
      expect(full.converged).toBe(true);
      expect(early.converged).toBe(false);
      expect(early.iterations).toBeLessThan(full.iterations);
      // For a quadratic, f − min = ½ gᵀA⁻¹g: the decrement by the exact inverse Hessian.
      expect(early.f).toBeLessThan(1e-8);
    });
    test('where f is not convex, an update with sᵀy ≤ 0 is skipped: H stays positive definite and the stop does not fire early', () => {
      // A double well with a saddle at the origin; from (0, 4) the first steps cross the concave middle.
      const wells2: Objective = (x, g) => {
        const [a, b] = x as [number, number];
        g[0] = 4 * a * (a * a - 1) + 0.5 * b;
        g[1] = 2 * b + 0.5 * a;
        return (a * a - 1) ** 2 + b * b + 0.5 * a * b;
      };
      for (const x0 of [[0, 4], [2.35, 0.09], [-2.4, -3.24]]) {
        const m = minimizeBfgs(wells2, x0, { gradTol: 1e-10, decrementTol: 1e-6 });
        expect(Math.abs(m.x[0]!)).toBeCloseTo(1.0155, 4);
        expect(m.f).toBeCloseTo(-0.0634765625, 8);
      }
    });
    test('trusts H only after two updates, or from the first step when seeded', () => {
      expect(minimizeBfgs(f, x0, { decrementTol: 1e9 }).iterations).toBe(2);
      expect(minimizeBfgs(f, x0, { decrementTol: 1e9, inverseHessian: [[2, 0], [0, 0.5]] }).iterations).toBe(1);
    });
  });
});

describe('numericHessian', () => {
  test('a quadratic’s Hessian is its matrix', () => {
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
  });

  test('Rosenbrock’s Hessian at (1, 1) is [[802, −400], [−400, 200]], and at (0, 0) [[2, 0], [0, 200]]', () => {
    const at = numericHessian(rosenbrock, [1, 1]);
    [
      [802, -400],
      [-400, 200],
    ].forEach((row, i) => row.forEach((v, j) => expect(at[i]![j]).toBeCloseTo(v, 5)));
    const origin = numericHessian(rosenbrock, [0, 0]);
    [
      [2, 0],
      [0, 200],
    ].forEach((row, i) => row.forEach((v, j) => expect(origin[i]![j]).toBeCloseTo(v, 5)));
  });
});

describe('invertSpd', () => {
  test('inverts a positive-definite matrix: A·A⁻¹ = I', () => {
    const diag = invertSpd([[2, 0], [0, 4]])!;
    expect(diag).toHaveLength(2);
    [[0.5, 0], [0, 0.25]].forEach((row, i) => {
      expect(diag[i]).toHaveLength(2);
      row.forEach((v, j) => expect(diag[i]![j]).toBeCloseTo(v, 15));
    });
    const spd = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 9, maxLength: 9 }).map((b) => {
      // BᵀB + I is symmetric positive definite.
      const B = [b.slice(0, 3), b.slice(3, 6), b.slice(6, 9)];
      return B.map((_, i) => B.map((__, j) => B.reduce((s, row) => s + row[i]! * row[j]!, 0) + (i === j ? 1 : 0)));
    });
    fc.assert(
      fc.property(spd, (A) => {
        const inv = invertSpd(A)!;
        expect(inv).toHaveLength(3);
        inv.forEach((row) => expect(row).toHaveLength(3));
        for (let i = 0; i < 3; i++) {
          for (let j = 0; j < 3; j++) expect(A[i]!.reduce((s, v, k) => s + v * inv[k]![j]!, 0)).toBeCloseTo(i === j ? 1 : 0, 8);
        }
      }),
    );
  });

  test('a saddle, a flat direction or a pivot lost in rounding is not positive definite', () => {
    expect(invertSpd([[1, 2], [2, 1]])).toBeUndefined(); // indefinite
    expect(invertSpd([[1, 1], [1, 1]])).toBeUndefined(); // singular
    expect(invertSpd([[-1]])).toBeUndefined();
    // Singular to within 1e-12 of the matrix's own scale (a ridge in a likelihood of 10⁶).
    expect(invertSpd([[1e6, 1e6], [1e6, 1e6 + 1e-7]])).toBeUndefined();
    expect(invertSpd([[1e6, 1e6], [1e6, 1e6 + 1e-3]])).toBeDefined();
    // Below 1e-12 absolute, even for a small matrix; at or above it, invertible.
    expect(invertSpd([[1e-13]])).toBeUndefined();
    expect(invertSpd([[1e-12]])).toBeUndefined();
    expect(invertSpd([[1e-11]])![0]![0]).toBeCloseTo(1e11, 0);
  });
});

describe('multi-start', () => {
  /** A tilted double well: minima near x = −1 (lower, ≈ 4.70) and x = +1 (higher, ≈ 5.30). */
  const wells: Objective = (x, g) => {
    const v = x[0]!;
    g[0] = 4 * v * (v * v - 1) + 0.3;
    return (v * v - 1) ** 2 + 0.3 * v + 5;
  };

  test('keeps the lowest minimum whatever the order of the starts, and counts the starts that agree with it', () => {
    for (const starts of [[[0.9], [-1.2], [-0.8]], [[-1.2], [0.9], [-0.8]], [[-0.8], [-1.2], [0.9]]]) {
      const m = minimizeMultiStart(wells, starts);
      expect(m.best.x[0]).toBeCloseTo(-1.037, 2);
      expect(m.best.f).toBeLessThan(4.71);
      expect(m).toMatchObject({ starts: 3, agreeing: 2, problem: undefined });
      expect(m.best.converged).toBe(true);
    }
  });

  test('on a tie the first start is kept', () => {
    // (x² − 1)² is symmetric: the runs from ±2 are mirror images (each overshoots into the other
    // well) and end at exactly the same f.
    const sym: Objective = (x, g) => {
      g[0] = 4 * x[0]! * (x[0]! * x[0]! - 1);
      return (x[0]! * x[0]! - 1) ** 2;
    };
    expect(minimizeBfgs(sym, [2]).f).toBe(minimizeBfgs(sym, [-2]).f);
    expect(minimizeMultiStart(sym, [[2], [-2]]).best.x[0]).toBeCloseTo(-1, 9);
    expect(minimizeMultiStart(sym, [[-2], [2]]).best.x[0]).toBeCloseTo(1, 9);
  });

  test('agreeing: within 1e-6 of the best, inclusive', () => {
    // Two exact minima: 0 at x = 2 and 1e-6 at x = −2 (quadratics BFGS lands on exactly).
    const two =
      (gap: number): Objective =>
      (x, g) => {
        const v = x[0]!;
        if (v >= 0) {
          g[0] = 2 * (v - 2);
          return (v - 2) ** 2;
        }
        g[0] = 2 * (v + 2);
        return (v + 2) ** 2 + gap;
      };
    expect(minimizeMultiStart(two(1e-6), [[3], [-3]]).agreeing).toBe(2);
    expect(minimizeMultiStart(two(2e-6), [[3], [-3]]).agreeing).toBe(1);
  });

  test('a start where f is not finite never wins; when none is finite the problem is "iterations"', () => {
    const partial: Objective = (x, g) => {
      g[0] = 2 * (x[0]! - 1);
      return x[0]! > 5 ? NaN : (x[0]! - 1) ** 2;
    };
    expect(minimizeMultiStart(partial, [[0], [9]]).best.x[0]).toBeCloseTo(1, 9);
    expect(minimizeMultiStart(partial, [[9], [0]]).best.x[0]).toBeCloseTo(1, 9);
    const m = minimizeMultiStart(partial, [[9], [7]]);
    expect(m.problem).toBe('iterations');
    expect(m.inverseHessian).toBeUndefined();
  });

  test('the options reach every BFGS run, and every evaluation of f is counted', () => {
    const c = counted(rosenbrock);
    const m = minimizeMultiStart(c.f, [[-1.2, 1], [0, 0]], { maxIter: 2 });
    expect(m.best.iterations).toBe(2);
    expect(m.evaluations).toBe(c.calls());
    const c2 = counted(wells);
    expect(minimizeMultiStart(c2.f, [[1.2], [-1.2]]).evaluations).toBe(c2.calls());
  });

  test('a flat direction is reported, not passed off as an optimum', () => {
    // f depends on x₀ − x₁ only: every point on a line is a minimum.
    const ridge: Objective = (x, g) => {
      const d = x[0]! - x[1]! - 1;
      g[0] = 2 * d;
      g[1] = -2 * d;
      return d * d;
    };
    const m = minimizeMultiStart(ridge, [[0, 0], [2, -1]]);
    expect(m.problem).toBe('flat');
    expect(m.inverseHessian).toBeUndefined();
  });

  test('a minimum beyond ±bound in any coordinate is at the boundary; exactly at the bound is inside', () => {
    // e^−x + (y − 1)²: x runs off to +∞ while y settles at 1.
    const edge: Objective = (x, g) => {
      g[0] = -Math.exp(-x[0]!);
      g[1] = 2 * (x[1]! - 1);
      return Math.exp(-x[0]!) + (x[1]! - 1) ** 2;
    };
    expect(minimizeMultiStart(edge, [[0, 0]]).problem).toBe('bound');
    const slope: Objective = (x, g) => {
      g[0] = -Math.exp(-x[0]!);
      return Math.exp(-x[0]!);
    };
    expect(minimizeMultiStart(slope, [[0]]).problem).toBe('bound');
    const m = minimizeMultiStart(quadratic([2], [3]), [[3]], { bound: 3 });
    expect(m.problem).toBeUndefined();
    expect(m.best.x).toEqual([3]);
  });

  test('a run stopped short is finished by Newton steps on the finite-difference Hessian', () => {
    // One Newton step lands on a quadratic's minimum; its inverse Hessian is reported.
    const m = minimizeMultiStart(quadratic([4, 0.5], [1, -1]), [[0, 0]], { maxIter: 0 });
    expect(m.problem).toBeUndefined();
    expect(m.best.converged).toBe(true);
    expect(m.best.x[0]).toBeCloseTo(1, 9);
    expect(m.best.x[1]).toBeCloseTo(-1, 9);
    expect(m.inverseHessian![0]![0]).toBeCloseTo(0.25, 6);
    expect(m.inverseHessian![1]![1]).toBeCloseTo(2, 6);
  });

  test('at most five Newton steps: x⁴/4 from 1 (each step shrinks x by ⅓) ends at (⅔)⁵, not converged', () => {
    const quartic: Objective = (x, g) => {
      g[0] = x[0]! ** 3;
      return x[0]! ** 4 / 4;
    };
    const c = counted(quartic);
    const m = minimizeMultiStart(c.f, [[1]], { maxIter: 0 });
    expect(m.best.x[0]).toBeCloseTo((2 / 3) ** 5, 6);
    // The start, five Newton steps, and two gradients for each of the six Hessians.
    expect(m.evaluations).toBe(c.calls());
    expect(m.evaluations).toBe(1 + 5 + 6 * 2);
    expect(m.problem).toBe('iterations');
    expect(m.best.converged).toBe(false);
  });

  test('a Newton step that raises f is not taken', () => {
    // √(1 + x²): Newton sends x to −x³, from 2 to −8, uphill.
    const hyperbola: Objective = (x, g) => {
      const r = Math.sqrt(1 + x[0]! * x[0]!);
      g[0] = x[0]! / r;
      return r;
    };
    const m = minimizeMultiStart(hyperbola, [[2]], { maxIter: 0 });
    expect(m.best.x).toEqual([2]);
    expect(m.problem).toBe('iterations');
    expect(m.best.converged).toBe(false);
  });

  test('converged by the Newton decrement: gᵀH⁻¹g ≤ decrementTol though |g| > gradTol; the polish stops at a thousandth of it', () => {
    const hyperbola: Objective = (x, g) => {
      const r = Math.sqrt(1 + x[0]! * x[0]!);
      g[0] = x[0]! / r;
      return r;
    };
    // From 0.05 (decrement ≈ 0.0025 > 1e-5) one Newton step goes to −0.05³ (decrement ≈ 1.6e-8).
    const m = minimizeMultiStart(hyperbola, [[0.05]], { maxIter: 0, decrementTol: 0.01 });
    expect(m.best.x[0]).toBeCloseTo(-(0.05 ** 3), 8);
    expect(Math.abs(m.best.grad[0]!)).toBeGreaterThan(1e-8);
    expect(m.problem).toBeUndefined();
    expect(m.best.converged).toBe(true);
  });
  test('a minimum BFGS already converged on is left as it is (the gradient test is inclusive)', () => {
    const bfgs = minimizeBfgs(rosenbrock, [-1.2, 1]);
    const m = minimizeMultiStart(rosenbrock, [[-1.2, 1]]);
    expect(m.best.x).toEqual(bfgs.x);
    expect(m.evaluations).toBe(bfgs.evaluations + 2 * 2); // only the Hessian's gradients
    // |g| exactly at gradTol: converged as it stands, no Newton step.
    const at = minimizeMultiStart(quadratic([1]), [[0.5]], { gradTol: 0.5 });
    expect(at.best).toMatchObject({ x: [0.5], converged: true });
    expect(at.problem).toBeUndefined();
  });

  test('the Newton polish reaches Rosenbrock’s minimum from close by', () => {
    const m = minimizeMultiStart(rosenbrock, [[1.01, 1.02]], { maxIter: 0 });
    expect(m.problem).toBeUndefined();
    expect(m.best.converged).toBe(true);
    m.best.x.forEach((v) => expect(v).toBeCloseTo(1, 9));
  });

  test('a Newton step is taken when f changes by no more than its rounding noise (1e-13 of |f|), up or down', () => {
    // 1000 + 50(x + 1)², plus a step of 5e-11 (below 1e-13 × 1000) just left of the minimum:
    // from −1 + 1e-7 (f − min = 5e-13, |g| = 1e-5) the Newton step lands on −1, a hair higher.
    const noisy: Objective = (x, g) => {
      const d = x[0]! + 1;
      g[0] = 100 * d;
      return 1000 + 50 * d * d + (d < 1e-9 ? 5e-11 : 0);
    };
    const m = minimizeMultiStart(noisy, [[-1 + 1e-7]], { maxIter: 0 });
    expect(m.best.x[0]).toBeCloseTo(-1, 12);
    expect(m.best.converged).toBe(true);
    expect(m.problem).toBeUndefined();
    // The same without the step: a decrease of 5e-13, far below the noise, is taken too.
    const smooth: Objective = (x, g) => {
      const d = x[0]! + 1;
      g[0] = 100 * d;
      return 1000 + 50 * d * d;
    };
    expect(minimizeMultiStart(smooth, [[-1 + 1e-7]], { maxIter: 0 }).best.x[0]).toBeCloseTo(-1, 12);
  });
  test('a Newton step onto a flat minimum: reported as flat, and as converged by the gradient test it meets', () => {
    // x⁶/6 + y²/2 from (8e-4, 1): the x-curvature 5x⁴ is just above the 1e-12 pivot floor at the
    // start and below it after one Newton step (x shrinks by ⅕), where the gradient is ~0.
    const sextic: Objective = (x, g) => {
      g[0] = x[0]! ** 5;
      g[1] = x[1]!;
      return x[0]! ** 6 / 6 + x[1]! ** 2 / 2;
    };
    const m = minimizeMultiStart(sextic, [[8e-4, 1]], { maxIter: 0 });
    expect(m.best.x[0]).toBeGreaterThan(6.4e-4);
    expect(m.best.x[0]).toBeLessThan(6.5e-4);
    expect(m.problem).toBe('flat');
    expect(m.best.converged).toBe(true);
  });
});
