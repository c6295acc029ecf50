/**
 * The shop's own rhythm (issue 17): for a shop too small for the purchase model (fewer than 50
 * repeat buyers), a transparent rule instead of a prediction — "usually buys every 42 days; last
 * bought 38 days ago". It is labelled as a rule of thumb (目安), never as a prediction.
 *
 * A customer's interval is the median of the gaps between their purchase days when they have at
 * least two gaps (three purchase days): one gap is one event, not a habit. Otherwise it is the shop's
 * interval: the median, over the repeat buyers, of each one's own median gap — each customer counts
 * once, so one weekly regular with fifty gaps does not set the rhythm of a shop of monthly buyers.
 *
 * Pure: orders and the as-of day in, whole days out.
 */
import type { Day } from './dates';

/** An order as the rule reads it: who, which day, and whether it was a purchase (amount ≥ 0). */
export interface RhythmOrder {
  readonly key: string;
  readonly day: Day;
  readonly amount: number;
}

export interface CustomerRhythm {
  readonly key: string;
  /** Days with a purchase on or before the as-of day. */
  readonly purchaseDays: number;
  /** The interval the rule uses, in whole days (at least 1). */
  readonly interval: number;
  /** Whether `interval` is the customer's own median (≥ 2 gaps) rather than the shop's. */
  readonly own: boolean;
  readonly lastDay: Day;
  readonly daysSince: number;
  /** Days until the next purchase is due by the rule; negative when overdue. */
  readonly dueIn: number;
}

export interface ShopRhythm {
  /** The shop's interval (whole days); undefined when no customer has bought on two days. */
  readonly interval: number | undefined;
  /** Customers with purchases on at least two days. */
  readonly repeatBuyers: number;
  /** Every customer with a purchase on or before the as-of day; empty without a shop interval
   *  (no rule can be given to anyone then). */
  readonly customers: ReadonlyMap<string, CustomerRhythm>;
}

/** Median of a non-empty list, rounded to whole days (at least 1: two purchases a day apart). */
export function medianDays(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  const m = v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return Math.max(1, Math.round(m));
}

/** Each customer's distinct purchase days (amount ≥ 0, on or before `asOf`), ascending. */
function purchaseDays(orders: Iterable<RhythmOrder>, asOf: Day): Map<string, Day[]> {
  const sets = new Map<string, Set<Day>>();
  for (const o of orders) {
    if (o.day > asOf || !(o.amount >= 0)) continue;
    let s = sets.get(o.key);
    if (s === undefined) sets.set(o.key, (s = new Set()));
    s.add(o.day);
  }
  const out = new Map<string, Day[]>();
  for (const [key, s] of sets) out.set(key, [...s].sort((a, b) => a - b));
  return out;
}

export function shopRhythm(orders: Iterable<RhythmOrder>, asOf: Day): ShopRhythm {
  const days = purchaseDays(orders, asOf);
  const gapsOf = new Map<string, number[]>();
  const ownMedians: number[] = [];
  for (const [key, d] of days) {
    if (d.length < 2) continue;
    const gaps = d.slice(1).map((day, i) => day - d[i]!);
    gapsOf.set(key, gaps);
    ownMedians.push(medianDays(gaps));
  }
  if (ownMedians.length === 0) return { interval: undefined, repeatBuyers: 0, customers: new Map() };
  const shop = medianDays(ownMedians);
  const customers = new Map<string, CustomerRhythm>();
  for (const [key, d] of days) {
    const gaps = gapsOf.get(key);
    const own = gaps !== undefined && gaps.length >= 2;
    const interval = own ? medianDays(gaps) : shop;
    const lastDay = d[d.length - 1]!;
    const daysSince = asOf - lastDay;
    customers.set(key, { key, purchaseDays: d.length, interval, own, lastDay, daysSince, dueIn: interval - daysSince });
  }
  return { interval: shop, repeatBuyers: ownMedians.length, customers };
}

/**
 * The rule's two lists, and why these numbers:
 * - buy soon: the next purchase is due within `soonDays` (14, the model's own "next 14 days", so
 *   the list means the same whichever made it) — or was due at most `soonDays` ago: a customer a
 *   few days late is the likeliest to buy this week, and a reminder then is timely, not pushy;
 * - win back: more than `overdueMultiple` (2) intervals since the last purchase — one missed
 *   purchase can be chance, two in a row is a customer drifting away — but not more than
 *   `lostAfterDays` (365): after a year without a purchase a message rarely brings anyone back (they
 *   stay in the Customers tab). Only customers who came back at least once (two purchase days): a
 *   repeat buyer is the one worth winning back. Subscribers are never "away".
 * The two never overlap: buy soon also needs no more than `overdueMultiple` intervals.
 */
export const RHYTHM_RULE = {
  soonDays: 14,
  overdueMultiple: 2,
  lostAfterDays: 365,
} as const;

export function dueSoon(r: CustomerRhythm): boolean {
  return Math.abs(r.dueIn) <= RHYTHM_RULE.soonDays && r.daysSince <= RHYTHM_RULE.overdueMultiple * r.interval;
}

export function overdue(r: CustomerRhythm, subscribed: boolean): boolean {
  return (
    !subscribed &&
    r.purchaseDays >= 2 &&
    r.daysSince > RHYTHM_RULE.overdueMultiple * r.interval &&
    r.daysSince <= RHYTHM_RULE.lostAfterDays
  );
}
