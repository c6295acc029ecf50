/**
 * A deterministic sample shop: 茶の葉 みどり園, a small Japanese online tea shop, over the 18 months
 * up to the day its data was exported (SAMPLE_AS_OF). Same seed, same shop — no Math.random, no
 * clock: every draw comes from a seeded mulberry32.
 *
 * The shape follows what small shops see: most customers buy once (often the お試し set), a share
 * comes back after gaps of weeks to months and then tends to stay, about 8% take the monthly 定期便
 * and some of them cancel it, a few gift buyers spend a lot (so the LTV tiers and VIP list fill),
 * a few orders are cancelled, returned or partly refunded, and survey answers follow how attached a
 * customer is (promoters are mostly repeaters).
 *
 * `generateShop` returns the structured data (shop.ts); sheets.ts renders it as the sheets a shop
 * owner would paste.
 */
import { Rng } from '../random';
import { DAY, HOUR, MINUTE, addMonths, dayMs, isoDate, pad, parts } from './calendar';
import { BASKET, COMMENTS, DOMAINS, FAMILY, GIFTS, GIVEN, PLACES, product } from './catalogue';
import {
  SAMPLE_AS_OF,
  SAMPLE_CUSTOMERS,
  SAMPLE_MONTHS,
  SAMPLE_SEED,
  SHOP_NAME,
  type Customer,
  type CustomerKind,
  type Order,
  type OrderLine,
  type Shop,
  type ShopOptions,
  type SurveyResponse,
} from './shop';

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Relative number of new customers by month (gift seasons, summer lull). */
const MONTH_WEIGHT = [0.85, 0.8, 0.95, 1, 1.3, 1.1, 1, 0.9, 0.95, 1, 1.15, 1.5];
/** Hour-of-day weights for web orders (JST): lunch and late evening. */
const HOUR_WEIGHT = [1.2, 0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 1.6, 1.8, 2, 2.2, 2.8, 2.4, 2, 2, 2, 2, 2.2, 2.6, 3.2, 3.6, 3.4, 2.2];
const HOURS = HOUR_WEIGHT.map((w, h) => ({ h, w }));

export interface Draft {
  customerId: string;
  at: number;
  lines: OrderLine[];
  discountCode: string;
  subscription: boolean;
  source: Order['source'];
}

export function generateShop(opts: ShopOptions = {}): Shop {
  const seed = opts.seed ?? SAMPLE_SEED;
  const asOf = opts.asOf ?? SAMPLE_AS_OF;
  const buyers = opts.customers ?? SAMPLE_CUSTOMERS;
  const rng = new Rng(seed);

  const end = dayMs(asOf) + DAY - 1000; // 23:59:59 of the export day
  const startDay = addMonths(dayMs(asOf) + DAY, -SAMPLE_MONTHS); // e.g. 2025-05-01
  const days = Math.round((dayMs(asOf) + DAY - startDay) / DAY);

  const timeOfDay = (): number => drawTimeOfDay(rng);

  // Sign-up days: growing a little over time, with the gift seasons.
  const dayWeights: number[] = [];
  for (let d = 0; d < days; d++) {
    const month = parts(startDay + d * DAY).mo;
    dayWeights.push((1 + (0.6 * d) / days) * MONTH_WEIGHT[month - 1]!);
  }
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of dayWeights) cumulative.push((acc += w));
  const signupDay = (): number => {
    const x = rng.float() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return startDay + lo * DAY;
  };

  // People. Members who joined on LINE without buying come on top of the buyers (≈2%).
  const members = Math.round(buyers * 0.02);
  const emails = new Set<string>();
  const people: Array<Omit<Customer, 'id'>> = [];
  for (let i = 0; i < buyers + members; i++) {
    const kind: CustomerKind =
      i >= buyers ? 'member' : rng.chance(0.08) ? 'subscriber' : rng.chance(0.016) ? 'gift' : 'regular';
    people.push(drawPerson(rng, kind, emails, signupDay));
  }
  people.sort((a, b) => a.signup - b.signup);
  const customers: Customer[] = people.map((p, i) => ({ ...p, id: `C${pad(i + 1, 6)}` }));

  // Orders.
  const drafts: Draft[] = [];
  const basket = (at: number, min = 1): OrderLine[] => drawBasket(rng, at, min);
  const giftBasket = (): OrderLine[] => drawGiftBasket(rng);
  const webTime = (day: number): number => Math.floor(day / DAY) * DAY + timeOfDay();

  for (const c of customers) {
    if (c.kind === 'member') continue;
    const a = c.affinity;
    let at = c.signup;
    if (c.kind === 'gift') {
      // Gift buyers: large orders (company gifts, 御中元・御歳暮), coming back often.
      let n = 0;
      while (at <= end) {
        drafts.push({ customerId: c.id, at, lines: giftBasket(), discountCode: '', subscription: false, source: 'web' });
        n++;
        if (!rng.chance(n === 1 ? 0.7 : 0.82)) break;
        at = webTime(at + rng.lognormal(45, 0.5) * DAY);
      }
      continue;
    }
    // First order: often the お試し set, sometimes with the welcome code.
    const first: OrderLine[] = rng.chance(0.45) ? [{ product: product('TR-001'), quantity: 1 }] : basket(at);
    if (first[0]!.product.sku === 'TR-001' && rng.chance(0.25)) first.push(...basket(at).slice(0, 1));
    const welcome = rng.chance(0.25) ? 'WELCOME10' : '';

    if (c.kind === 'subscriber') {
      // Either the first order starts the 定期便, or a trial comes first and it starts weeks later.
      let subStart = at;
      if (rng.chance(0.5)) {
        drafts.push({ customerId: c.id, at, lines: first, discountCode: welcome, subscription: false, source: 'web' });
        subStart = webTime(at + rng.int(10, 45) * DAY);
      }
      if (subStart > end) continue;
      c.subscriptionStart = subStart;
      const plan = rng.chance(0.8) ? product('SB-001') : product('SB-002');
      const hazard = 0.03 + 0.09 * (1 - a);
      for (let k = 0; ; k++) {
        // Billing runs in the morning on the same day each month.
        const bill = Math.floor(addMonths(subStart, k) / DAY) * DAY + (k === 0 ? subStart % DAY : 9 * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000);
        if (bill > end) break;
        if (k > 0 && rng.chance(hazard)) {
          c.subscriptionEnd = Math.min(end, bill - rng.int(3, 12) * DAY + 10 * HOUR + rng.int(0, 600) * MINUTE);
          break;
        }
        if (k > 0 && rng.chance(0.03)) continue; // skipped this month
        const lines: OrderLine[] = [{ product: plan, quantity: 1 }];
        if (rng.chance(0.2)) lines.push(...basket(bill).slice(0, rng.int(1, 2)));
        drafts.push({ customerId: c.id, at: bill, lines, discountCode: '', subscription: true, source: k === 0 ? 'web' : 'subscription' });
        // Now and then a gift on the side.
        if (rng.chance(0.06)) {
          const side = webTime(bill + rng.int(3, 25) * DAY);
          if (side <= end) drafts.push({ customerId: c.id, at: side, lines: basket(side), discountCode: '', subscription: false, source: 'web' });
        }
      }
      // Some former subscribers still buy now and then.
      if (c.subscriptionEnd !== undefined && rng.chance(0.25)) {
        const later = webTime(c.subscriptionEnd + rng.lognormal(60, 0.5) * DAY);
        if (later <= end) drafts.push({ customerId: c.id, at: later, lines: basket(later), discountCode: '', subscription: false, source: 'web' });
      }
      continue;
    }

    // Regular customers: after each order, come back with a probability that grows once they have.
    drafts.push({ customerId: c.id, at, lines: first, discountCode: welcome, subscription: false, source: 'web' });
    for (let n = 1; ; n++) {
      const again = n === 1 ? 0.14 + 0.5 * a : 0.45 + 0.45 * a;
      if (!rng.chance(again)) break;
      const gap = rng.lognormal(40 + 70 * (1 - a), 0.6) + 5;
      at = webTime(at + gap * DAY);
      if (at > end) break;
      // Loyal customers' baskets grow a little.
      const lines = basket(at, n >= 3 && rng.chance(0.3) ? 2 : 1);
      if (rng.chance(0.04)) lines.push(...giftBasket().slice(0, 1));
      drafts.push({ customerId: c.id, at, lines, discountCode: '', subscription: false, source: 'web' });
    }
  }

  // Walk-in sales at a tea fair (POS): no customer recorded — Shopify leaves Email blank.
  for (let k = 0; k < 4; k++) {
    const at = dayMs('2026-04-18') + (k < 2 ? 0 : DAY) + (11 + 2 * k) * HOUR + rng.int(0, 59) * MINUTE;
    if (at <= end && at >= startDay) drafts.push({ customerId: '', at, lines: basket(at), discountCode: '', subscription: false, source: 'pos' });
  }

  drafts.sort((x, y) => x.at - y.at || (x.customerId < y.customerId ? -1 : 1));
  const orders: Order[] = drafts.map((d, i) => priceOrder(d, 1001 + i, rng, end));

  // Survey: an invitation a week after each delivered order; attached customers answer more often
  // and more warmly, and subscribers answer most.
  const byId = new Map(customers.map((c) => [c.id, c]));
  const seen = new Map<string, number>();
  const survey: SurveyResponse[] = [];
  for (const o of orders) {
    const c = byId.get(o.customerId);
    if (c === undefined) continue;
    const nth = (seen.get(c.id) ?? 0) + 1;
    seen.set(c.id, nth);
    if (o.status === 'cancelled') continue;
    const a = c.affinity;
    const p = o.subscription ? 0.12 + 0.3 * a : c.kind === 'gift' ? 0.15 : nth === 1 ? 0.06 + 0.2 * a : 0.05 + 0.15 * a;
    if (!rng.chance(p)) continue;
    const at = Math.floor((o.at + 7 * DAY + rng.exponential(2 * DAY)) / DAY) * DAY + timeOfDay();
    if (at > end) continue;
    let mean = 3.5 + 6 * a + (nth >= 2 ? 0.6 : 0) + (o.status === 'returned' || o.status === 'partially_refunded' ? -3 : 0);
    if (o.subscription) mean += 0.4;
    const nps = Math.round(clamp(mean + 1.4 * rng.normal(), 0, 10));
    const satisfaction = rng.chance(0.05) ? undefined : Math.round(clamp(1 + 0.42 * nps + 0.7 * rng.normal(), 1, 5));
    // Google accounts keep the case people typed; a few answer with capitals.
    const email = rng.chance(0.03) ? c.email.charAt(0).toUpperCase() + c.email.slice(1) : c.email;
    survey.push({ at, email, customerId: c.id, nps, satisfaction, comment: rng.chance(0.25) ? rng.pick(COMMENTS) : '' });
  }
  // A few answers from people who found the form but never bought here.
  for (let k = 0; k < 3; k++) {
    const at = startDay + rng.int(30, days - 1) * DAY + timeOfDay();
    survey.push({ at, email: `visitor${k + 1}@example.org`, customerId: '', nps: rng.int(3, 9), satisfaction: rng.int(2, 5), comment: '' });
  }
  survey.sort((x, y) => x.at - y.at);

  return { name: SHOP_NAME, seed, asOf, start: isoDate(startDay), customers, orders, survey };
}

/** A time on the same day between 10:00 and 17:59, when the shop's staff handle refunds. */
function businessHours(ms: number, rng: Rng): number {
  return Math.floor(ms / DAY) * DAY + rng.int(10, 17) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
}

/** Prices an order and decides what happened to it after it was placed. */
export function priceOrder(d: Draft, number: number, rng: Rng, end: number): Order {
  const subtotal = d.lines.reduce((s, l) => s + l.product.price * l.quantity, 0);
  const discount = d.discountCode === '' ? 0 : Math.floor(subtotal * 0.1);
  const shipping = d.subscription || d.source === 'pos' || subtotal >= 5000 ? 0 : 660;
  // 内税: the tax inside each line's price, at its rate.
  const tax = d.lines.reduce((s, l) => {
    const gross = l.product.price * l.quantity * (subtotal === 0 ? 1 : 1 - discount / subtotal);
    return s + Math.floor((gross * l.product.taxRate) / (100 + l.product.taxRate));
  }, 0);
  const total = subtotal - discount + shipping;
  const order: Order = {
    number,
    customerId: d.customerId,
    at: d.at,
    lines: d.lines,
    subtotal,
    discountCode: d.discountCode,
    discount,
    shipping,
    tax,
    total,
    subscription: d.subscription,
    source: d.source,
    status: 'fulfilled',
    cancelledAt: undefined,
    voided: false,
    refundedAt: undefined,
    refunded: 0,
    fulfilledAt: undefined,
    shopifyId: 5_812_400_000_000 + number * 37,
  };
  const age = end - d.at;
  if (d.source === 'pos') {
    order.fulfilledAt = d.at;
    return order;
  }
  const x = rng.float();
  if (x < 0.02) {
    // Cancelled: within hours (card authorisation voided) or a day or two later (refunded).
    order.status = 'cancelled';
    order.voided = rng.chance(0.5);
    order.cancelledAt = Math.min(end, d.at + (order.voided ? rng.int(5, 180) * MINUTE : rng.int(6, 40) * HOUR));
    if (!order.voided) {
      order.refundedAt = order.cancelledAt;
      order.refunded = total;
    }
    return order;
  }
  const shipped = d.at + rng.int(18, 60) * HOUR;
  if (shipped > end || age < 2 * DAY) return { ...order, status: 'unfulfilled' };
  order.fulfilledAt = shipped;
  if (age > 20 * DAY && x < 0.028) {
    // Returned in full (返品).
    order.status = 'returned';
    order.refundedAt = businessHours(shipped + rng.int(4, 12) * DAY, rng);
    order.refunded = total;
  } else if (age > 20 * DAY && x < 0.04) {
    // One item arrived damaged: that unit is refunded.
    const line = rng.pick(d.lines);
    order.status = 'partially_refunded';
    order.refundedAt = businessHours(shipped + rng.int(3, 10) * DAY, rng);
    order.refunded = Math.min(total, line.product.price);
  }
  return order;
}

// Draws shared by the shop's history and its continuation (continuation.ts). Each takes the
// generator it draws from, in a fixed order: the same seed makes the same shop.

/** A time of day (ms after midnight) weighted by when people order (HOUR_WEIGHT). */
export function drawTimeOfDay(rng: Rng): number {
  return rng.weighted(HOURS, (x) => x.w).h * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
}

/** A new person (without an id) who signs up on `signupDay()`, their e-mail unique among `emails`. */
export function drawPerson(rng: Rng, kind: CustomerKind, emails: Set<string>, signupDay: () => number): Omit<Customer, 'id'> {
  const [family, familyRo] = rng.pick(FAMILY);
  const [given, givenRo] = rng.weighted(GIVEN, (g) => (GIVEN.indexOf(g) < 24 ? 2.5 : 1));
  let affinity = clamp(0.5 + 0.22 * rng.normal(), 0, 1);
  if (kind === 'subscriber' || kind === 'gift') affinity = clamp(affinity + 0.15, 0, 1);
  const domain = rng.weighted(DOMAINS, (d) => d[1])[0];
  const style = rng.int(0, 3);
  const yy = pad(rng.int(60, 99) % 100);
  let local =
    style === 0 ? `${givenRo}.${familyRo}` : style === 1 ? `${familyRo}${givenRo}` : style === 2 ? `${givenRo[0]}${familyRo}${yy}` : `${givenRo}_${familyRo[0]}`;
  let email = `${local}@${domain}`;
  while (emails.has(email)) {
    local = `${local}${rng.int(1, 9)}`;
    email = `${local}@${domain}`;
  }
  emails.add(email);
  const line = kind === 'member' ? rng.chance(0.9) : rng.chance(0.42 + 0.4 * affinity);
  const acceptsMarketing = rng.chance(line ? 0.7 : 0.3);
  const birthYear = rng.int(1950, 2002);
  const birthday = rng.chance(0.8) ? Date.UTC(birthYear, rng.int(0, 11), rng.int(1, 28)) : undefined;
  const day = signupDay();
  return {
    family,
    given,
    name: `${family} ${given}`,
    email,
    place: rng.pick(PLACES),
    birthday,
    line,
    acceptsMarketing,
    kind,
    affinity,
    signup: day + drawTimeOfDay(rng),
    subscriptionStart: undefined,
    subscriptionEnd: undefined,
  };
}

/** An everyday basket: 1–4 products (at least `min`), seasonal teas more likely in their months. */
export function drawBasket(rng: Rng, at: number, min = 1): OrderLine[] {
  const month = parts(at).mo;
  const n = Math.max(min, rng.weighted([1, 2, 3, 4], (k) => [0.5, 0.3, 0.14, 0.06][k - 1]!));
  const lines: OrderLine[] = [];
  for (let k = 0; k < n; k++) {
    const p = rng.weighted(BASKET, (x) => (x.season?.includes(month) ? 3 * x.weight : x.weight));
    const existing = lines.find((l) => l.product === p);
    const quantity = rng.weighted([1, 2, 3], (q) => [0.8, 0.15, 0.05][q - 1]!);
    if (existing === undefined) lines.push({ product: p, quantity });
  }
  return lines;
}

/** A gift buyer's order: one or two gift sets in numbers, sometimes an everyday tea on top. */
export function drawGiftBasket(rng: Rng): OrderLine[] {
  const lines: OrderLine[] = [];
  const kinds = rng.int(1, 2);
  for (let k = 0; k < kinds; k++) {
    const p = rng.pick(GIFTS);
    if (lines.some((l) => l.product === p)) continue;
    lines.push({ product: p, quantity: Math.round(rng.lognormal(3, 0.6)) + 1 });
  }
  if (rng.chance(0.3)) lines.push({ product: rng.pick(BASKET), quantity: 1 });
  return lines;
}
