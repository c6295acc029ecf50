/**
 * Simulated customer bases with known parameters, for recovery tests, the backtest's model choice
 * and the benchmark: purchases by BG/NBD (FHL 2005's story, told forwards), MBG/NBD (Batislam et
 * al. 2007: a customer may also leave right after the first purchase) or Pareto/NBD (Schmittlein
 * et al. 1987: a customer may leave at any moment), and Gamma-Gamma spend.
 */
import type { BgNbdParams, RfmRecord } from '../../src/core/predict/bgnbd';
import type { GammaGammaParams, SpendRecord } from '../../src/core/predict/gammaGamma';
import type { ParetoNbdParams } from '../../src/core/predict/paretoNbd';
import { mulberry32 as prng } from '../../scripts/random';

/** A uniform on (0, 1), never 0. */
const open = (rnd: () => number): number => {
  let u = rnd();
  while (u === 0) u = rnd();
  return u;
};

function normal(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(open(rnd))) * Math.cos(2 * Math.PI * rnd());
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), boosted for shape < 1. */
export function gamma(rnd: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(rnd, shape + 1, rate) * Math.pow(open(rnd), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rnd);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = open(rnd);
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function beta(rnd: () => number, a: number, b: number): number {
  const x = gamma(rnd, a, 1);
  return x / (x + gamma(rnd, b, 1));
}

export interface SimulatedCustomer extends RfmRecord, SpendRecord {
  /** Times of the repeat purchases (the first purchase is at 0). */
  readonly times: number[];
  /** Value of the first purchase and of each repeat purchase. */
  readonly values: number[];
}

export interface SimulationOptions {
  readonly customers: number;
  /** Observation length of each customer: a number, or drawn per customer. */
  readonly T: number | ((rnd: () => number) => number);
  readonly seed?: number;
  /** Spend parameters; without them values are all 0. */
  readonly spend?: GammaGammaParams;
}

/** Which model generates the purchases, with its parameters. */
export type Generator =
  | { readonly model: 'bgnbd' | 'mbgnbd'; readonly params: BgNbdParams }
  | { readonly model: 'paretoNbd'; readonly params: ParetoNbdParams };

/**
 * Each customer: λ ~ Gamma(r, α), p ~ Beta(a, b); from the first purchase at 0, purchases arrive
 * at rate λ; after each repeat purchase the customer leaves with probability p (never after the
 * first: BG/NBD). Observed until T. Spend: ν ~ Gamma(q, γ), each value ~ Gamma(p, ν).
 */
export function simulate(params: BgNbdParams, opts: SimulationOptions): SimulatedCustomer[] {
  return simulateModel({ model: 'bgnbd', params }, opts);
}

/**
 * Customers of any of the three models. BG/NBD as in {@link simulate}; MBG/NBD also lets the
 * customer leave, with probability p, right after the first purchase; Pareto/NBD draws a lifetime
 * τ ~ Exponential(μ), μ ~ Gamma(s, β), and the customer buys at rate λ until min(τ, T).
 */
export function simulateModel(gen: Generator, opts: SimulationOptions): SimulatedCustomer[] {
  const rnd = prng(opts.seed ?? 1);
  const out: SimulatedCustomer[] = [];
  for (let i = 0; i < opts.customers; i++) {
    const T = typeof opts.T === 'number' ? opts.T : opts.T(rnd);
    const lambda = gamma(rnd, gen.params.r, gen.params.alpha);
    let p = 0;
    let lifetime = Infinity;
    if (gen.model === 'paretoNbd') lifetime = -Math.log(open(rnd)) / gamma(rnd, gen.params.s, gen.params.beta);
    else p = beta(rnd, gen.params.a, gen.params.b);
    const nu = opts.spend ? gamma(rnd, opts.spend.q, opts.spend.gamma) : 0;
    const value = (): number => (opts.spend ? gamma(rnd, opts.spend.p, nu) : 0);
    const times: number[] = [];
    const values = [value()];
    const leftAtFirst = gen.model === 'mbgnbd' && rnd() < p;
    let t = 0;
    while (!leftAtFirst) {
      t += -Math.log(open(rnd)) / lambda;
      if (!(t <= T) || !(t <= lifetime)) break;
      times.push(t);
      values.push(value());
      if (gen.model !== 'paretoNbd' && rnd() < p) break;
    }
    const x = times.length;
    const repeat = values.slice(1);
    out.push({
      x,
      tx: x === 0 ? 0 : times[x - 1]!,
      T,
      zbar: x === 0 ? 0 : repeat.reduce((s, v) => s + v, 0) / x,
      times,
      values,
    });
  }
  return out;
}

export interface ShopOptions {
  readonly customers: number;
  /** First purchases fall uniformly on the days [firstDay, asOf]. */
  readonly firstDay: number;
  readonly asOf: number;
  readonly seed?: number;
  readonly spend?: GammaGammaParams;
}

export interface SimulatedShop {
  /** One order per purchase, keyed `C00001`…, in days; amounts rounded to whole yen. */
  readonly orders: Array<{ key: string; day: number; amount: number }>;
  readonly customers: SimulatedCustomer[];
}

/** A shop in days: each customer's clock starts on their first-purchase day, observed to asOf.
 *  BG/NBD parameters alone mean a BG/NBD shop. */
export function simulateShop(params: BgNbdParams | Generator, opts: ShopOptions): SimulatedShop {
  const gen: Generator = 'model' in params ? params : { model: 'bgnbd', params };
  const firsts: number[] = [];
  const rndDays = prng((opts.seed ?? 1) ^ 0x5eed);
  for (let i = 0; i < opts.customers; i++) firsts.push(opts.firstDay + Math.floor(rndDays() * (opts.asOf - opts.firstDay + 1)));
  let i = 0;
  const customers = simulateModel(gen, {
    customers: opts.customers,
    seed: opts.seed,
    spend: opts.spend,
    T: () => opts.asOf - firsts[i++]!,
  });
  const orders: SimulatedShop['orders'] = [];
  customers.forEach((c, k) => {
    const key = `C${String(k + 1).padStart(5, '0')}`;
    const first = firsts[k]!;
    orders.push({ key, day: first, amount: Math.round(c.values[0]!) });
    c.times.forEach((t, j) => orders.push({ key, day: first + Math.floor(t), amount: Math.round(c.values[j + 1]!) }));
  });
  return { orders, customers };
}
