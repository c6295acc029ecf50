/**
 * Orders → the per-customer summary the models take: x, t_x, T (recency/frequency, for BG/NBD)
 * and z̄ (mean repeat spend, for Gamma-Gamma), as the papers build them from CDNOW:
 *
 * - A transaction is a calendar day with at least one purchase: purchases on the same day are
 *   merged into one, as FHL 2005 do (CDNOW's published summary is reproduced exactly only this
 *   way). A purchase is an order with amount ≥ 0 (SPEC §2: a negative row is a refund).
 * - The first transaction starts the clock and is not counted: x is the number of *repeat*
 *   transactions on or before the as-of day, t_x the time of the last one since the first (0 when
 *   x = 0), T the time from the first to the as-of day.
 * - z̄ is the mean value of the repeat transactions: the net amount of all orders on each repeat
 *   day (a refund on the same day lowers it). A refund on a day without a purchase belongs to no
 *   transaction and is left out: it cannot be told which purchase it returns.
 *
 * Times are in `unit` days: 1 for the product (orders are dated to the day, all its horizons are
 * in days, and integer times let identical customers share one likelihood term), 7 for the
 * papers' weeks. α scales with the unit; r, a, b, p, q, γ do not.
 */
import type { Day } from '../dates';
import type { RfmRecord } from './bgnbd';
import type { SpendRecord } from './gammaGamma';
// Globals bound once in the module (see special.ts: Jest's vm context taxes each global lookup).
const { Float64Array } = globalThis;

export interface Transaction {
  readonly key: string;
  readonly day: Day;
  /** Negative for a refund. */
  readonly amount: number;
}

export interface CustomerSummary extends RfmRecord, SpendRecord {
  readonly key: string;
  readonly firstDay: Day;
  /** Day of the latest purchase on or before the as-of day. */
  readonly lastDay: Day;
  /** Transactions (days with a purchase), the first included: x + 1. */
  readonly transactions: number;
}

export interface SummaryOptions {
  /** The last day observed; later orders are left out. */
  readonly asOf: Day;
  /** Days per time unit: 1 (days, the product) or 7 (weeks, the papers). Default 1. */
  readonly unit?: number;
}

/** Per customer, per day: the day's net amount and whether it holds a purchase. */
export type CustomerDays = ReadonlyMap<string, ReadonlyMap<Day, { readonly net: number; readonly purchase: boolean }>>;

/** The days of each customer's orders on or before `asOf`, in order of first appearance. */
export function customerDays(transactions: Iterable<Transaction>, asOf: Day): CustomerDays {
  // key → day → [net amount, has a purchase]
  const byKey = new Map<string, Map<Day, { net: number; purchase: boolean }>>();
  for (const t of transactions) {
    if (t.day > asOf || !(t.amount === t.amount)) continue;
    let days = byKey.get(t.key);
    if (days === undefined) {
      days = new Map();
      byKey.set(t.key, days);
    }
    const d = days.get(t.day);
    if (d === undefined) days.set(t.day, { net: t.amount, purchase: t.amount >= 0 });
    else {
      d.net += t.amount;
      if (t.amount >= 0) d.purchase = true;
    }
  }
  return byKey;
}

/**
 * One summary per customer with a purchase on or before `asOf`, in the order of their first
 * appearance in `transactions`.
 */
export function summarize(transactions: Iterable<Transaction>, opts: SummaryOptions): CustomerSummary[] {
  return summarizeDays(customerDays(transactions, opts.asOf), opts);
}

/** {@link summarize} from the days of {@link customerDays}; days after `asOf` are left out. */
export function summarizeDays(byKey: CustomerDays, opts: SummaryOptions): CustomerSummary[] {
  const unit = opts.unit ?? 1;
  const out: CustomerSummary[] = [];
  for (const [key, days] of byKey) {
    let first = Infinity;
    let last = -Infinity;
    let n = 0;
    let total = 0;
    let firstNet = 0;
    for (const [day, d] of days) {
      if (!d.purchase || day > opts.asOf) continue;
      n++;
      total += d.net;
      if (day < first) {
        first = day;
        firstNet = d.net;
      }
      if (day > last) last = day;
    }
    if (n === 0) continue;
    const x = n - 1;
    out.push({
      key,
      firstDay: first,
      lastDay: last,
      transactions: n,
      x,
      tx: x === 0 ? 0 : (last - first) / unit,
      T: (opts.asOf - first) / unit,
      zbar: x === 0 ? 0 : (total - firstNet) / x,
    });
  }
  return out;
}

/**
 * Customers with the same (x, t_x, T) share one likelihood term (a shop's days repeat a lot), and
 * terms that depend on x only are computed once per distinct x: the form every model's fit takes.
 */
export interface CompressedRfm {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  /** Index into `xs` of each row's x. */
  readonly xi: Int32Array;
  /** The distinct x, ascending. */
  readonly xs: number[];
  /** Customers (Σ weight). */
  readonly total: number;
  /** The row of each customer, in the order given. */
  readonly rowOf: Int32Array;
}

export function compressRfm(customers: readonly RfmRecord[]): CompressedRfm {
  const n = customers.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i]!;
    x[i] = c.x;
    tx[i] = c.x === 0 ? 0 : c.tx;
    T[i] = c.T;
  }
  // Sorted by (x, t_x, T), equal records are neighbours: numbers compared, no string keys.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => x[i]! - x[j]! || tx[i]! - tx[j]! || T[i]! - T[j]!);
  const rx: number[] = [];
  const rtx: number[] = [];
  const rT: number[] = [];
  const rw: number[] = [];
  const rowOf = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const last = rx.length - 1;
    if (last >= 0 && rx[last] === x[i] && rtx[last] === tx[i] && rT[last] === T[i]) rw[last]!++;
    else {
      rx.push(x[i]!);
      rtx.push(tx[i]!);
      rT.push(T[i]!);
      rw.push(1);
    }
    rowOf[i] = rx.length - 1;
  }
  const xs = [...new Set(rx)];
  const xIndex = new Map(xs.map((v, i) => [v, i]));
  return {
    x: Float64Array.from(rx),
    tx: Float64Array.from(rtx),
    T: Float64Array.from(rT),
    weight: Float64Array.from(rw),
    xi: Int32Array.from(rx, (v) => xIndex.get(v)!),
    xs,
    total: n,
    rowOf,
  };
}
