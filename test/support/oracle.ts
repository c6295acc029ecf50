/**
 * SPEC §2–§4 read literally, written independently of src/core: the oracle the property tests
 * compare the product with. Plain data in, plain data out; no shared code with the core.
 */
import type { StageId } from '../../src/core/labels';
import type { StageThresholds } from '../../src/core/settings';

export interface OracleCustomer {
  registered: boolean;
  purchases: number;
  daysSinceLast: number | undefined;
  subscribed: boolean;
  positiveReactions: number;
}

export function oracleStage(m: OracleCustomer, t: StageThresholds): StageId {
  const d = m.daysSinceLast ?? Infinity;
  if (!m.registered) return 'unregistered';
  if (m.purchases >= t.partnerMinPurchases && d < t.activeDays && m.subscribed && m.positiveReactions >= t.partnerMinReactions) return 'partner';
  if (m.purchases >= 1 && d < t.activeDays && m.subscribed && m.positiveReactions >= t.supporterMinReactions) return 'supporter';
  if (m.purchases === 1 && d < t.activeDays && !m.subscribed) return 'visitor';
  if (m.purchases >= 1 && d < t.lapseDays && !m.subscribed) return 'follower';
  if (m.purchases >= 1 && d >= t.lapseDays && !m.subscribed && m.positiveReactions >= t.dormantMinReactions) return 'dormant';
  if (m.purchases === 0) return 'noPurchase';
  if (m.purchases >= 1 && d >= t.lapseDays && !m.subscribed && m.positiveReactions < t.dormantMinReactions) return 'lapsed';
  return 'unclassified';
}

/** A clean order of the model a test shop is generated from. */
export interface ModelOrder {
  customer: string;
  /** Days since 1970-01-01 on the shop's calendar. */
  day: number;
  amount: number;
  cancelled: boolean;
  subscription: boolean;
  /** Seconds into its day that the export writes (0 when it writes a date only). */
  time?: number;
}

export interface OracleRow {
  key: string;
  purchases: number;
  ltv: number;
  lastOrder: number;
  daysSinceLast: number;
  subscribed: boolean;
}

/** Per-customer metrics of SPEC §2 (no customers/survey ranges), in SPEC §4 ranking order. */
export function oracleTable(orders: ModelOrder[], asOf: number): OracleRow[] {
  const by = new Map<string, ModelOrder[]>();
  for (const o of orders) {
    if (o.cancelled || o.day > asOf) continue;
    by.set(o.customer, [...(by.get(o.customer) ?? []), o]);
  }
  const rows: OracleRow[] = [];
  for (const [key, list] of by) {
    const bought = list.filter((o) => o.amount >= 0);
    if (bought.length === 0) continue;
    const last = Math.max(...bought.map((o) => o.day));
    // The most recent purchase: the latest day, then the latest time written, then the latest in
    // the list (row order).
    const sameDay = bought.filter((o) => o.day === last);
    const latestTime = Math.max(...sameDay.map((o) => o.time ?? 0));
    const recent = sameDay.filter((o) => (o.time ?? 0) === latestTime).at(-1)!;
    rows.push({
      key,
      purchases: bought.length,
      ltv: list.reduce((s, o) => s + o.amount, 0),
      lastOrder: last,
      daysSinceLast: asOf - last,
      subscribed: recent.subscription,
    });
  }
  const cp = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);
  return rows.sort((a, b) => {
    if (a.ltv !== b.ltv) return b.ltv - a.ltv;
    if (a.purchases !== b.purchases) return b.purchases - a.purchases;
    if (a.lastOrder !== b.lastOrder) return b.lastOrder - a.lastOrder;
    const x = cp(a.key);
    const y = cp(b.key);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  });
}
