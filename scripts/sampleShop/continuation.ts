/**
 * The sample shop after its export day, for the local preview's "days going by" (npm start
 * --days N, the preview's 1日進める / 1週間進める): the orders and new customers of the following
 * days, drawn by the same rules as its history (generate.ts) from a second generator, so the
 * exported sample (samples/) stays exactly as it is.
 *
 * - An active 定期便 bills on its day of the month, as before.
 * - Every other buyer comes back by the history's own rule (after n orders, again with a chance
 *   that grows with their attachment, after a log-normal gap) — drawn given what is known on the
 *   export day: a draw that would have brought them back before it is drawn again (they did not come).
 * - New customers sign up at the rate of the last 30 days, most with the お試し set, and may come back.
 * An order of these days is as a fresh export shows it: 発送準備中 (or cancelled the same day).
 */
import type { UpcomingRow } from '../../preview/workbook';
import { sheetCell } from '../csv';
import { Rng } from '../random';
import { DAY, HOUR, MINUTE, addMonths, dayMs, pad } from './calendar';
import { product } from './catalogue';
import { drawBasket, drawGiftBasket, drawPerson, drawTimeOfDay, generateShop, priceOrder, type Draft } from './generate';
import { customersSheet, japaneseOrders } from './sheets';
import type { Customer, Order, Shop } from './shop';

export interface Continuation {
  /** Customers who signed up after the export day. */
  readonly customers: readonly Customer[];
  /** Orders after the export day, numbered on from the shop's last. */
  readonly orders: readonly Order[];
}

/** How many days the preview's sample continues. */
export const CONTINUATION_DAYS = 92;

/** When a regular customer with `n` orders comes back, and after how many days (generate.ts). */
const again = (n: number, a: number): number => (n === 1 ? 0.14 + 0.5 * a : 0.45 + 0.45 * a);
const regularGap = (rng: Rng, a: number): number => rng.lognormal(40 + 70 * (1 - a), 0.6) + 5;
const giftAgain = (n: number): number => (n === 1 ? 0.7 : 0.82);
const giftGap = (rng: Rng): number => rng.lognormal(45, 0.5);

/**
 * A campaign in the sample's following days (npm start's 施策, scripts/sampleShop/campaigns.ts):
 * each of `keys` comes back once more, with chance `share`, on a day within `days` of the export
 * day — drawn (and priced) from a generator of its own, so every other order keeps its customer,
 * moment, basket and price (only the order numbers after a boosted one move on).
 */
export interface CampaignBoost {
  readonly keys: ReadonlySet<string>;
  readonly share: number;
  readonly days: number;
}

export function continueShop(shop: Shop, days = CONTINUATION_DAYS, seed = shop.seed + 1, boost?: CampaignBoost): Continuation {
  const rng = new Rng(seed);
  const exportEnd = dayMs(shop.asOf) + DAY - 1000;
  const end = dayMs(shop.asOf) + (days + 1) * DAY - 1000;
  const webTime = (at: number): number => Math.floor(at / DAY) * DAY + drawTimeOfDay(rng);
  const drafts: Draft[] = [];
  const order = (c: Customer, at: number, lines: Draft['lines'], subscription = false): void => {
    drafts.push({ customerId: c.id, at, lines, discountCode: '', subscription, source: subscription ? 'subscription' : 'web' });
  };

  const history = new Map<string, { n: number; last: number }>();
  for (const o of shop.orders) {
    if (o.customerId === '' || o.status === 'cancelled') continue;
    const h = history.get(o.customerId) ?? { n: 0, last: 0 };
    history.set(o.customerId, { n: h.n + 1, last: Math.max(h.last, o.at) });
  }

  /** The next return after `last` (the n-th order), given none came by `known`; undefined: none. */
  const nextReturn = (c: Customer, n: number, last: number, known: number): number | undefined => {
    for (let tries = 0; tries < 50; tries++) {
      if (!rng.chance(c.kind === 'gift' ? giftAgain(n) : again(n, c.affinity))) return undefined;
      const at = webTime(last + (c.kind === 'gift' ? giftGap(rng) : regularGap(rng, c.affinity)) * DAY);
      if (at > known) return at;
    }
    return undefined;
  };
  /** A customer's orders after `known`, coming back again and again by the rule, up to the end. */
  const returns = (c: Customer, n: number, last: number, known: number): void => {
    for (let k = n, at = nextReturn(c, k, last, known); at !== undefined && at <= end; k++, at = nextReturn(c, k, at, at)) {
      order(c, at, c.kind === 'gift' ? drawGiftBasket(rng) : drawBasket(rng, at, k >= 3 && rng.chance(0.3) ? 2 : 1));
    }
  };

  for (const c of shop.customers) {
    const h = history.get(c.id);
    if (h === undefined) continue;
    if (c.subscriptionStart !== undefined && c.subscriptionEnd === undefined) {
      const plan = shop.orders.find((o) => o.customerId === c.id && o.subscription)?.lines[0]?.product ?? product('SB-001');
      for (let k = 1; ; k++) {
        const bill = Math.floor(addMonths(c.subscriptionStart, k) / DAY) * DAY + 9 * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
        if (bill > end) break;
        if (bill > exportEnd) order(c, bill, [{ product: plan, quantity: 1 }], true);
      }
      continue;
    }
    returns(c, h.n, h.last, exportEnd);
  }

  const lucky = new Rng(seed + 1_000);
  const boosted = new Set<Draft>();
  if (boost !== undefined) {
    const byId = new Map(shop.customers.map((c) => [c.id, c]));
    for (const id of [...boost.keys].sort()) {
      const c = byId.get(id);
      if (c === undefined || !lucky.chance(boost.share)) continue;
      const at = Math.floor((exportEnd + lucky.int(1, boost.days) * DAY) / DAY) * DAY + drawTimeOfDay(lucky);
      if (at <= end) {
        order(c, at, drawBasket(lucky, at));
        boosted.add(drafts[drafts.length - 1]!);
      }
    }
  }

  // New customers at the rate of the last 30 days.
  const recent = shop.customers.filter((c) => c.kind !== 'member' && c.signup > exportEnd - 30 * DAY).length / 30;
  const emails = new Set(shop.customers.map((c) => c.email));
  const customers: Customer[] = [];
  for (let d = 1; d <= days; d++) {
    const day = dayMs(shop.asOf) + d * DAY;
    const people = Array.from({ length: poisson(rng, recent) }, () => drawPerson(rng, 'regular', emails, () => day));
    // Numbered in order of sign-up, as the history's customers are.
    for (const person of people.sort((a, b) => a.signup - b.signup)) {
      const c: Customer = { ...person, id: `C${pad(shop.customers.length + customers.length + 1, 6)}` };
      customers.push(c);
      order(c, c.signup, rng.chance(0.45) ? [{ product: product('TR-001'), quantity: 1 }] : drawBasket(rng, c.signup));
      returns(c, 1, c.signup, c.signup);
    }
  }

  drafts.sort((x, y) => x.at - y.at || (x.customerId < y.customerId ? -1 : 1));
  const first = Math.max(...shop.orders.map((o) => o.number)) + 1;
  // Priced as of the moment they are placed: a fresh export shows them 発送準備中.
  return { customers, orders: drafts.map((d, i) => priceOrder(d, first + i, boosted.has(d) ? lucky : rng, d.at)) };
}

/** A Poisson draw (Knuth's method: rates here are a few a day). */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.float(); p > limit; p *= rng.float()) k++;
  return k;
}

/** Tokyo wall-clock ms (the shop's calendar) → the instant. */
const TOKYO_OFFSET = 9 * HOUR;

/**
 * The continuation as rows of the Japanese order list and the customers sheet (sheets.ts), each
 * with the moment it appears — the preview appends them as its clock passes it, as an owner
 * pasting a fresh export (or a cart app appending orders) would see them arrive.
 */
export function upcomingRows(shop: Shop, next: Continuation): UpcomingRow[] {
  const customers = [...shop.customers, ...next.customers];
  const out: UpcomingRow[] = [];
  for (const o of next.orders) {
    const [, ...rows] = japaneseOrders({ ...shop, customers, orders: [o] }, { messy: false });
    for (const row of rows) out.push({ at: o.at - TOKYO_OFFSET, sheet: 'Orders', row });
  }
  const [, ...people] = customersSheet({ ...shop, customers: next.customers });
  next.customers.forEach((c, i) => out.push({ at: c.signup - TOKYO_OFFSET, sheet: 'Customers', row: people[i]! }));
  return out.sort((x, y) => x.at - y.at);
}

/**
 * The sample shop's following days as the preview's upcoming rows, each cell as pasting the CSV
 * makes it (numeric text a number, the rest text) — as samples/ is read.
 */
export function sampleUpcomingRows(keep: (row: UpcomingRow) => boolean = () => true, boost?: CampaignBoost): UpcomingRow[] {
  const shop = generateShop();
  return upcomingRows(shop, continueShop(shop, CONTINUATION_DAYS, shop.seed + 1, boost))
    .map((u) => ({ ...u, row: u.row.map((v) => sheetCell(String(v))) }))
    .filter(keep);
}
