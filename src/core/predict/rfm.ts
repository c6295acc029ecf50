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

/**
 * One summary per customer with a purchase on or before `asOf`, in the order of their first
 * appearance in `transactions`.
 */
export function summarize(transactions: Iterable<Transaction>, opts: SummaryOptions): CustomerSummary[] {
  const unit = opts.unit ?? 1;
  // key → day → [net amount, has a purchase]
  const byKey = new Map<string, Map<Day, { net: number; purchase: boolean }>>();
  for (const t of transactions) {
    if (t.day > opts.asOf || !(t.amount === t.amount)) continue;
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
  const out: CustomerSummary[] = [];
  for (const [key, days] of byKey) {
    let first = Infinity;
    let last = -Infinity;
    let n = 0;
    let total = 0;
    let firstNet = 0;
    for (const [day, d] of days) {
      if (!d.purchase) continue;
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
