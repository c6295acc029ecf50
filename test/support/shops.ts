/**
 * Random shops as messy order exports — the generators of the core's property tests
 * (test/core/functions.test.ts), shared with the SQL equality suite (test/core/sql/).
 * Each order of the model is rendered in a random date and amount notation, spread over 1–3
 * lines (Shopify continuation lines), with garbage rows the add-on must skip.
 */
import fc from 'fast-check';
import { DAY_MS, dayFromCivil, isoDay } from '../../src/core/dates';
import type { ModelOrder } from './oracle';

export const SHOP_AS_OF = dayFromCivil(2024, 6, 30);

export interface ShopOrder {
  customer: string;
  day: number;
  amount: number;
  cancelled: boolean;
  subscription: boolean;
  lines: number;
  dateStyle: number;
  amountStyle: number;
  second: number;
}

export const shopOrder = (customers: readonly string[], asOf = SHOP_AS_OF): fc.Arbitrary<ShopOrder> =>
  fc.record({
    customer: fc.constantFrom(...customers),
    day: fc.integer({ min: asOf - 200, max: asOf + 10 }),
    amount: fc.oneof(fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: -5_000, max: -1 })),
    cancelled: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
    subscription: fc.boolean(),
    lines: fc.integer({ min: 1, max: 3 }),
    dateStyle: fc.integer({ min: 0, max: 6 }),
    amountStyle: fc.integer({ min: 0, max: 3 }),
    second: fc.integer({ min: 0, max: 86_399 }),
  });

export const SHOP_CUSTOMERS = ['C1', 'C2', 'C3', '1001', 'a@shop.jp', '顧客7'];
export const shopOrders = fc.array(shopOrder(SHOP_CUSTOMERS), { maxLength: 40 });

/** A date cell as an export writes it, for a sheet in Japan time. */
export function renderDate(day: number, second: number, style: number): unknown {
  const iso = isoDay(day);
  const [y, m, d] = iso.split('-').map(Number);
  const hh = String(Math.floor(second / 3600)).padStart(2, '0');
  const mm = String(Math.floor(second / 60) % 60).padStart(2, '0');
  switch (style) {
    case 0: return new Date(day * DAY_MS + second * 1000 - 9 * 3_600_000); // a Date cell in a JST sheet
    case 1: return `${y}/${m}/${d} ${hh}:${mm}`;
    case 2: return iso;
    case 3: return `${y}年${m}月${d}日`;
    case 4: return day + 25569; // a serial number
    case 5: return `${iso} ${hh}:${mm}:00 +0900`;
    default: return `${iso}T${hh}:${mm}:00+09:00`;
  }
}

export function renderAmount(n: number, style: number): unknown {
  const grouped = Math.abs(n).toLocaleString('en-US');
  const sign = n < 0 ? '-' : '';
  switch (style) {
    case 0: return n;
    case 1: return `${sign}¥${grouped}`;
    case 2: return `${sign}${grouped}円`;
    default: return `${sign}${grouped}`.replace(/[0-9,-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  }
}

/** The seconds into its day that a rendering keeps: all for a Date cell, minutes for text with a
 *  time, none for a date-only text or a whole serial number. */
export const keptTime = (o: ShopOrder): number =>
  o.dateStyle === 0 ? o.second : [1, 5, 6].includes(o.dateStyle) ? Math.floor(o.second / 60) * 60 : 0;

/** Optional columns a shop's export may carry beyond the order/customer/date/amount/status ones. */
export interface ShopExtras {
  /** An e-mail column; customers whose key has no '@' get `<key>@mail.example` on some orders,
   *  and some orders carry only the e-mail (the ID blank: a guest checkout of a member). */
  email?: boolean;
  /** A marketing-consent column (Shopify `Accepts Marketing`), from the customer and order. */
  consent?: boolean;
  /** A name column, blank on some orders. */
  name?: boolean;
}

/**
 * The export of a list of orders: header, rows (continuation lines blank but for the order id),
 * garbage rows spliced in; and the model the oracle reads.
 */
export function renderShop(list: readonly ShopOrder[], japanese: boolean, garbage: number, extras: ShopExtras = {}): { rows: unknown[][]; model: ModelOrder[] } {
  const header = japanese
    ? ['注文番号', '顧客ID', '注文日時', '商品名', '合計金額', '注文ステータス', '定期購入']
    : ['Order Number', 'Customer ID', 'Order Date', 'Product', 'Total', 'Status', 'Subscription'];
  if (extras.email) header.push(japanese ? 'メールアドレス' : 'Email');
  if (extras.consent) header.push(japanese ? 'メルマガ登録' : 'Accepts Marketing');
  if (extras.name) header.push(japanese ? '氏名' : 'Billing Name');
  const rows: unknown[][] = [header];
  const model: ModelOrder[] = [];
  list.forEach((o, i) => {
    model.push({ customer: o.customer, day: o.day, amount: o.amount, cancelled: o.cancelled, subscription: o.subscription, time: keptTime(o) });
    const key = o.customer === '1001' && i % 2 === 0 ? 1001 : o.customer;
    const row: unknown[] = [
      `#${i + 1}`,
      key,
      renderDate(o.day, o.second, o.dateStyle),
      'item',
      renderAmount(o.amount, o.amountStyle),
      o.cancelled ? (japanese ? 'キャンセル' : 'refunded') : japanese ? '発送済み' : 'paid',
      o.subscription ? (japanese ? '定期' : 'yes') : '',
    ];
    if (extras.email) {
      const email = o.customer.includes('@') ? o.customer.toUpperCase() : i % 3 === 0 ? '' : `${o.customer}@mail.example`;
      // Every fourth order of an ID customer is a guest checkout: the ID blank, the e-mail given.
      if (i % 4 === 1 && email !== '' && !o.customer.includes('@')) row[1] = '';
      row.push(email);
    }
    if (extras.consent) row.push(o.second % 3 === 0 ? 'no' : 'yes');
    if (extras.name) row.push(i % 5 === 0 ? '' : `${o.customer} 様${o.second % 2}`);
    rows.push(row);
    for (let l = 1; l < o.lines; l++) rows.push([`#${i + 1}`, '', '', 'item', '', '', '', ...header.slice(7).map(() => '')]);
  });
  // Garbage rows anywhere must not change the result.
  for (let g = 0; g < garbage; g++) {
    const at = 1 + ((g * 7919) % rows.length);
    rows.splice(at, 0, g % 2 === 0 ? ['', '', 'not a date', 'x', 'y', '', ''] : [`#g${g}`, 'C9', 'someday', '', 100, '', '']);
  }
  return { rows, model };
}
