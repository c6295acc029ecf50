/**
 * The sample shop's structured data: customers, orders, survey answers — what generate.ts makes
 * and sheets.ts renders — and its figures for the README.
 */
import type { Place, Product } from './catalogue';

/** The day the sample was exported; its data ends on this day. */
export const SAMPLE_AS_OF = '2026-10-31';
export const SAMPLE_SEED = 20261031;
export const SAMPLE_CUSTOMERS = 3000;
/** Months of history up to the as-of day. */
export const SAMPLE_MONTHS = 18;
export const SHOP_NAME = '茶の葉 みどり園';
/** Shopify's Vendor (the brand on each line item). */
export const VENDOR = 'みどり園';

export type CustomerKind = 'regular' | 'subscriber' | 'gift' | 'member';

export interface Customer {
  /** `C000123`, in order of sign-up. */
  readonly id: string;
  readonly family: string;
  readonly given: string;
  /** `佐藤 陽子` */
  readonly name: string;
  readonly email: string;
  readonly place: Place;
  /** Local ms of the birthday's midnight, when known. */
  readonly birthday: number | undefined;
  /** 友だち登録 on the shop's LINE account. */
  readonly line: boolean;
  /** Accepts e-mail marketing (Shopify's "Accepts Marketing"). */
  readonly acceptsMarketing: boolean;
  readonly kind: CustomerKind;
  /** 0–1: how attached the customer becomes; drives repeats and survey answers. */
  readonly affinity: number;
  /** Local ms of sign-up (the first order, or joining without buying). */
  readonly signup: number;
  /** 定期便: local ms of its start and, when cancelled, of the cancellation. */
  subscriptionStart: number | undefined;
  subscriptionEnd: number | undefined;
}

export interface OrderLine {
  readonly product: Product;
  readonly quantity: number;
}

export type OrderStatus = 'fulfilled' | 'unfulfilled' | 'cancelled' | 'returned' | 'partially_refunded';

export interface Order {
  /** Order number, 1001… in order of creation (Shopify's `#1001`). */
  number: number;
  /** '' for a walk-in sale at an event (no customer recorded). */
  readonly customerId: string;
  /** Local ms of creation. */
  readonly at: number;
  readonly lines: readonly OrderLine[];
  readonly subtotal: number;
  readonly discountCode: string;
  readonly discount: number;
  readonly shipping: number;
  /** Consumption tax included in the total (内税). */
  readonly tax: number;
  readonly total: number;
  /** An order of the 定期便. */
  readonly subscription: boolean;
  readonly source: 'web' | 'subscription' | 'pos';
  status: OrderStatus;
  /** Local ms of cancellation / refund / fulfilment, when they happened. */
  cancelledAt: number | undefined;
  /** A cancelled order whose card authorisation was voided (never paid). */
  voided: boolean;
  refundedAt: number | undefined;
  /** Yen refunded (the total for a return; part of it for a partial refund). */
  refunded: number;
  fulfilledAt: number | undefined;
  /** Shopify's internal order id. */
  shopifyId: number;
}

export interface SurveyResponse {
  /** Local ms of the response. */
  readonly at: number;
  /** The e-mail as the respondent's Google account gave it (case may differ). */
  readonly email: string;
  /** '' for a respondent who is not a customer. */
  readonly customerId: string;
  readonly nps: number;
  readonly satisfaction: number | undefined;
  readonly comment: string;
}

export interface Shop {
  readonly name: string;
  readonly seed: number;
  /** `YYYY-MM-DD`: the export day; nothing after it. */
  readonly asOf: string;
  /** `YYYY-MM-DD`: the first day of the history. */
  readonly start: string;
  readonly customers: readonly Customer[];
  /** By order number. */
  readonly orders: readonly Order[];
  /** By time. */
  readonly survey: readonly SurveyResponse[];
}

export interface ShopOptions {
  /** Customers who bought, roughly (a few members who never bought come on top). Default 3000. */
  readonly customers?: number;
  readonly seed?: number;
  /** The export day `YYYY-MM-DD`. Default SAMPLE_AS_OF. */
  readonly asOf?: string;
}

/** Figures for the README and for checking the sample's realism. */
export function shopStats(shop: Shop) {
  const counts = new Map<string, number>();
  const ltv = new Map<string, number>();
  let cancelled = 0;
  let returned = 0;
  let partial = 0;
  let lineRows = 0;
  for (const o of shop.orders) {
    lineRows += o.lines.length;
    if (o.status === 'cancelled') cancelled++;
    if (o.status === 'returned') returned++;
    if (o.status === 'partially_refunded') partial++;
    if (o.customerId === '' || o.status === 'cancelled' || o.status === 'returned') continue;
    counts.set(o.customerId, (counts.get(o.customerId) ?? 0) + 1);
    ltv.set(o.customerId, (ltv.get(o.customerId) ?? 0) + o.total - o.refunded);
  }
  const buyers = [...counts.values()];
  const values = [...ltv.values()];
  return {
    customers: shop.customers.length,
    buyers: buyers.length,
    neverBought: shop.customers.length - buyers.length,
    orders: shop.orders.length,
    lineRows,
    cancelled,
    returned,
    partiallyRefunded: partial,
    oneTime: buyers.filter((n) => n === 1).length,
    fivePlus: buyers.filter((n) => n >= 5).length,
    subscribers: shop.customers.filter((c) => c.subscriptionStart !== undefined).length,
    activeSubscribers: shop.customers.filter((c) => c.subscriptionStart !== undefined && c.subscriptionEnd === undefined).length,
    ltv80k: values.filter((v) => v >= 80_000).length,
    ltv150k: values.filter((v) => v >= 150_000).length,
    ltv300k: values.filter((v) => v >= 300_000).length,
    maxLtv: Math.max(...values),
    lineRegistered: shop.customers.filter((c) => c.line).length,
    surveyResponses: shop.survey.length,
  };
}
