/**
 * Per-customer metrics as of a day D (SPEC §2). Only orders dated on or before D count; orders
 * after D (future-dated, or after a past as-of) are left out and counted.
 */
import { DAY_MS, type Day } from './dates';
import type { CustomersRead, SurveyRead } from './contacts';
import type { OrdersRead } from './orders';
import { displayText, type Cell } from './values';

export interface CustomerMetrics {
  readonly key: string;
  readonly name: string;
  /** Distinct orders with amount ≥ 0. */
  readonly purchases: number;
  /** Sum of order amounts (refunds lower it), all time or within the LTV window. */
  readonly ltv: number;
  readonly firstOrder: Day | undefined;
  readonly lastOrder: Day | undefined;
  readonly daysSinceLast: number | undefined;
  readonly subscribed: boolean;
  readonly registered: boolean;
  readonly positiveReactions: number;
  /** The latest NPS answer on or before D. */
  readonly nps: number | undefined;
  readonly birthday: Day | undefined;
}

/** Where "registered" came from (SPEC §2), so the sidebar can say when it was assumed. */
export type RegistrationSource = 'customers' | 'orders' | 'assumed';

export interface MetricsResult {
  readonly byKey: ReadonlyMap<string, CustomerMetrics>;
  readonly registration: RegistrationSource;
  /** Orders dated after the as-of day, left out. */
  readonly laterOrders: number;
}

export interface MetricsInput {
  readonly orders: OrdersRead;
  readonly customers?: CustomersRead | undefined;
  readonly survey?: SurveyRead | undefined;
  readonly asOf: Day;
  /** LTV counts days D−N+1 … D; null = all time. */
  readonly ltvWindowDays: number | null;
}

/** Survey answers that count as a positive reaction (seed 000: 推奨 NPS 9–10, 満足 4–5). */
export const PROMOTER_NPS = 9;
export const SATISFIED = 4;

interface Agg {
  key: string;
  purchases: number;
  ltv: number;
  first: Day;
  last: Day;
  /** The most recent purchase: latest wall-clock time, a later row on a tie. */
  recentMs: number;
  recentRow: number;
  recentSubscription: boolean;
  recentConsent: boolean | undefined;
  /** The name cell of the most recent order that has one. */
  name: Cell;
  nameMs: number;
}

export function computeMetrics(input: MetricsInput): MetricsResult {
  const { orders, customers, survey, asOf } = input;
  const ltvFrom = input.ltvWindowDays === null ? -Infinity : asOf - input.ltvWindowDays + 1;
  const aggs = new Map<string, Agg>();
  let laterOrders = 0;

  for (const o of orders.orders) {
    if (o.day > asOf) {
      laterOrders++;
      continue;
    }
    let a = aggs.get(o.key);
    if (a === undefined) {
      a = {
        key: o.key,
        purchases: 0,
        ltv: 0,
        first: Infinity,
        last: -Infinity,
        recentMs: -Infinity,
        recentRow: -1,
        recentSubscription: false,
        recentConsent: undefined,
        name: undefined,
        nameMs: -Infinity,
      };
      aggs.set(o.key, a);
    }
    if (o.day >= ltvFrom) a.ltv += o.amount;
    if (o.name !== undefined && o.localMs >= a.nameMs) {
      a.name = o.name;
      a.nameMs = o.localMs;
    }
    if (o.amount < 0) continue;
    a.purchases++;
    if (o.day < a.first) a.first = o.day;
    if (o.day > a.last) a.last = o.day;
    if (o.localMs > a.recentMs || (o.localMs === a.recentMs && o.row > a.recentRow)) {
      a.recentMs = o.localMs;
      a.recentRow = o.row;
      a.recentSubscription = o.subscription;
      a.recentConsent = o.consent;
    }
  }

  const registration: RegistrationSource = customers?.hasRegistered
    ? 'customers'
    : orders.hasConsent
      ? 'orders'
      : 'assumed';

  // Survey: positive reactions and the latest NPS, on or before D.
  const positive = new Map<string, number>();
  const latestNps = new Map<string, { ms: number; nps: number }>();
  const endOfAsOf = (asOf + 1) * DAY_MS;
  if (survey !== undefined) {
    for (const r of survey.responses) {
      if (r.localMs >= endOfAsOf) continue;
      if ((r.nps !== undefined && r.nps >= PROMOTER_NPS) || (r.satisfaction !== undefined && r.satisfaction >= SATISFIED)) {
        positive.set(r.key, (positive.get(r.key) ?? 0) + 1);
      }
      if (r.nps !== undefined) {
        const prev = latestNps.get(r.key);
        if (prev === undefined || r.localMs >= prev.ms) latestNps.set(r.key, { ms: r.localMs, nps: r.nps });
      }
    }
  }

  const byKey = new Map<string, CustomerMetrics>();
  const add = (key: string, a: Agg | undefined): void => {
    const c = customers?.byKey.get(key);
    const bought = a !== undefined && a.purchases > 0;
    let registered: boolean;
    if (registration === 'customers') registered = c?.registered ?? false;
    else if (registration === 'orders') registered = a?.recentConsent ?? false;
    else registered = true;
    const subscribed =
      customers?.hasSubscribed && c !== undefined && c.subscribed !== undefined ? c.subscribed : (a?.recentSubscription ?? false);
    const positiveReactions = survey !== undefined ? (positive.get(key) ?? 0) : (c?.reactions ?? 0);
    byKey.set(key, {
      key,
      name: c?.name || displayText(a?.name),
      purchases: a?.purchases ?? 0,
      ltv: a?.ltv ?? 0,
      firstOrder: bought ? a.first : undefined,
      lastOrder: bought ? a.last : undefined,
      daysSinceLast: bought ? asOf - a.last : undefined,
      subscribed,
      registered,
      positiveReactions,
      nps: latestNps.get(key)?.nps,
      birthday: c?.birthday,
    });
  };
  for (const [key, a] of aggs) add(key, a);
  // Customers known only from the customers range (never ordered, or only after D).
  if (customers !== undefined) for (const key of customers.byKey.keys()) if (!aggs.has(key)) add(key, undefined);
  return { byKey, registration, laterOrders };
}
